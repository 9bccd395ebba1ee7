package figures

import (
	"testing"

	"github.com/figgen/figgen/spec"
)

func cellFig() *spec.Figure {
	return &spec.Figure{Kind: "neuron-cell", Title: txt("뉴런"), Width: 800, Height: 500, NeuronCell: &spec.NeuronCell{
		Dendrites: txt("수상돌기"), Body: txt("신경세포체"), Axon: txt("축삭돌기"),
		Terminals: txt("축삭 말단"), Output: txt("출력: $0$ 또는 $1$"),
	}}
}

func TestNeuronCell(t *testing.T) {
	e := lookEnv(t)
	f := cellFig()
	s, err := neuronCellScene(e, f)
	if err != nil {
		t.Fatal(err)
	}
	checkScene(t, s)
	// Labels must not overlap one another.
	for i, a := range s.Texts {
		for _, b := range s.Texts[i+1:] {
			if a.Box().Overlaps(b.Box()) {
				t.Errorf("labels %q and %q overlap", a.Text, b.Text)
			}
		}
	}
	d, err := buildNeuronCell(e, f)
	if err != nil {
		t.Fatal(err)
	}
	renderLook(t, "1-neuron-cell", d)
}

// TestNeuronCellDeterministic checks the drawing does not change between
// builds: the branches come from a fixed seed.
func TestNeuronCellDeterministic(t *testing.T) {
	e := lookEnv(t)
	a, err := neuronCellScene(e, cellFig())
	if err != nil {
		t.Fatal(err)
	}
	b, _ := neuronCellScene(e, cellFig())
	if a.Bounds() != b.Bounds() {
		t.Errorf("bounds differ: %v and %v", a.Bounds(), b.Bounds())
	}
}

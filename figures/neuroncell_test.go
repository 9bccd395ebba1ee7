package figures

import (
	"testing"

	"github.com/figgen/figgen/spec"
)

func cellFig(t *testing.T) *spec.Figure {
	return decodeYAML(t, "cell", "kind: neuron-cell\n")
}

func TestNeuronCell(t *testing.T) {
	e := lookEnv(t)
	f := cellFig(t)
	nc := f.Spec.(*NeuronCell)
	s := neuronCellScene(e, nc)
	checkScene(t, s)
	// Labels must not overlap one another.
	for i, a := range s.Texts {
		for _, b := range s.Texts[i+1:] {
			if a.Box().Overlaps(b.Box()) {
				t.Errorf("labels %q and %q overlap", a.Text, b.Text)
			}
		}
	}
	renderLook(t, "1-neuron-cell", nc.build(e, f))
}

// TestNeuronCellDeterministic checks the drawing does not change between
// builds: the branches come from a fixed seed.
func TestNeuronCellDeterministic(t *testing.T) {
	e := lookEnv(t)
	a := neuronCellScene(e, cellFig(t).Spec.(*NeuronCell))
	b := neuronCellScene(e, cellFig(t).Spec.(*NeuronCell))
	if a.Bounds() != b.Bounds() {
		t.Errorf("bounds differ: %v and %v", a.Bounds(), b.Bounds())
	}
}

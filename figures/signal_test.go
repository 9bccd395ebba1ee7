package figures

import (
	"strings"
	"testing"

	"github.com/figgen/figgen/diagram"
	"github.com/figgen/figgen/spec"
)

func TestSignal(t *testing.T) {
	for _, tc := range []struct{ name, yaml string }{
		{"2-input-signal", "kind: signal\n"},
		{"3-output-signal", "kind: signal\ndirection: output\n"},
		{"signal-four-rows", "kind: signal\ntitle: four\nvariable: $x_1$\nrows: [{caption: none, value: 0}, {caption: one, value: 1}, {caption: none, value: 0}, {caption: one, value: 1}]\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			e := lookEnv(t)
			f := decodeYAML(t, tc.name, tc.yaml)
			sg := f.Spec.(*Signal)
			checkScene(t, signalScene(e, sg))
			renderLook(t, tc.name, sg.build(e, f))
		})
	}
}

func TestEquation(t *testing.T) {
	if got := equation(spec.Text{Src: "$x$"}, 1); got != "$x = 1$" {
		t.Errorf("equation($x$, 1) = %q", got)
	}
	if got := equation(spec.Text{Src: "입력"}, 0); got != "입력 $= 0$" {
		t.Errorf("equation(입력, 0) = %q", got)
	}
}

// TestSignalValueBoxes: a value's box keeps clear of the "means" arrow and
// inside the scene however wide its text, and within its row however many
// rows; a box too tall for its row is an error at variable.
func TestSignalValueBoxes(t *testing.T) {
	e := lookEnv(t)
	f := decodeYAML(t, "x.yaml", "kind: signal\nvariable: 가중치를 고려한 입력의 합\n")
	s := signalScene(e, f.Spec.(*Signal))
	for _, n := range s.Nodes {
		if n.Shape != diagram.Box {
			continue
		}
		w, h := n.Size()
		if l, r := n.At.X-w/2, n.At.X+w/2; l < sigMeansX+36 || r > sceneW {
			t.Errorf("box of %q from x = %.0f to %.0f; the arrow ends at %d, the scene at %d", n.Label, l, r, sigMeansX+36, sceneW)
		}
		if h > sceneH/2 {
			t.Errorf("box of %q is %.0f high in a row of %d", n.Label, h, sceneH/2)
		}
	}
	rows := "rows:\n" + strings.Repeat("  - {value: 1}\n", 6)
	r := renderer(t)
	err := r.CheckLayout(decodeYAML(t, "x.yaml", "kind: signal\nvariable: 변수 가중치 합계\n"+rows))
	if err == nil || !strings.HasPrefix(err.Error(), "x.yaml:2:11: variable needs ") {
		t.Errorf("six rows of a two-line value: %v", err)
	}
	if err := r.CheckLayout(decodeYAML(t, "x.yaml", "kind: signal\n"+rows)); err != nil {
		t.Errorf("six rows of x = 1: %v", err)
	}
}

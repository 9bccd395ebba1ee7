package figures

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/figgen/figgen/spec"
)

// TestExtremeValid renders figures at the edges of what validates: each
// must render in every format or fail its layout checks with positioned
// errors, without a panic and in reasonable time.
// Data far outside a narrow range once mapped to huge canvas coordinates,
// and filling a dot there took the rasterizer practically forever.
func TestExtremeValid(t *testing.T) {
	r := renderer(t)
	var nodes, lines strings.Builder
	for i := range 100 {
		fmt.Fprintf(&nodes, "  - {id: n%d, label: '$n_{%d}$', shape: %s, at: [%g, %g]}\n", i, i, []string{"circle", "box", "label"}[i%3], float64(i%10)/9, float64(i/10)/9)
	}
	for i := range 40 {
		fmt.Fprintf(&lines, "  - '줄 %d $x^{%d}_{i}$'\n", i, i)
	}
	specs := map[string]string{
		"step-tiny-y":       "kind: step\ny_range: [0, 1e-6]\n",
		"step-far-y":        "kind: step\ny_range: [-1e9, -999999000]\n",
		"step-tiny-x":       "kind: step\nx_range: [0, 1e-6]\nthreshold: 5e-7\n",
		"bias-step-tiny-y":  "kind: bias-shift\nactivation: step\ny_range: [0, 1e-6]\n",
		"bias-extreme":      "kind: bias-shift\nactivation: relu\nbiases: [-1e9, 1e9, -999999999, 999999999, 0, 1e-300, -1e-300, 1]\n",
		"bias-extreme-tanh": "kind: bias-shift\nactivation: tanh\nbiases: [-1e9, 1e9, -999999999, 999999999, 0, 1e-300, -1e-300, 1]\n",
		"plane-tiny-x":      "kind: threshold-plane\nx_range: [0, 1e-6]\n",
		"plane-tiny-y":      "kind: threshold-plane\ny_range: [0, 1e-6]\n",
		"plane-huge-w":      "kind: threshold-plane\nweights: [1e9, -1e9]\nthreshold: 1e9\n",
		"cube-huge-w":       "kind: threshold-plane\nweights: [1e9, 1e9, 1e9]\nthreshold: -1e9\n",
		"plane-tiny-w":      "kind: threshold-plane\nweights: [1e-300, -1e-300]\nthreshold: 1e-300\n",
		"sigmoid-tiny":      "kind: sigmoid\nx_range: [0, 1e-6]\ny_range: [0.5, 0.500001]\n",
		"unit-12":           "kind: unit\ninputs: 12\nfan_out: 5\nbias: true\nedge_labels: products\ncaption: '$z$'\n",
		"diagram-100":       "kind: diagram\nnodes:\n" + nodes.String() + "edges:\n  - {from: n0, to: n99, label: e}\n",
		"specimen-40":       "kind: specimen\nlines:\n" + lines.String(),
		"small":             "kind: unit\nwidth: 320\nheight: 200\n",
		"large":             "kind: sigmoid\nwidth: 5000\nheight: 5000\n",
	}
	for name, src := range specs {
		t.Run(name, func(t *testing.T) {
			f := decodeYAML(t, name+".yaml", src)
			f.Formats = []string{"png", "svg", "pdf"}
			// Either it renders, or every problem is a positioned error of
			// the spec (a layout that does not fit): never a panic or a hang.
			_, err := r.Render(f)
			var list spec.ErrorList
			if err != nil && !errors.As(err, &list) {
				t.Fatalf("not a positioned error: %v", err)
			}
			for _, e := range list {
				if e.Pos.File != name+".yaml" || e.Pos.Line < 1 {
					t.Errorf("error not in the spec: %v", e)
				}
			}
		})
	}
}

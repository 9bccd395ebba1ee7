package figures

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/figgen/figgen/spec"
)

// expandable returns the specs of specs/ whose kind is a plot or a preset
// of one (a threshold plane of 2 weights, not the cube of 3).
func expandable(t *testing.T) []string {
	t.Helper()
	files, err := filepath.Glob("../specs/*.yaml")
	if err != nil || len(files) == 0 {
		t.Fatalf("no specs: %v", err)
	}
	var out []string
	for _, path := range files {
		f := decodeFile(t, path)
		switch s := f.Spec.(type) {
		case *ThresholdPlane:
			if len(s.Weights) == 2 {
				out = append(out, path)
			}
		case *Plot, preset:
			out = append(out, path)
		}
	}
	return out
}

// presetCases are preset specs beyond those of specs/: every way a
// bias-shift expands (a unit activation's guides and ticks, another's
// fitted y range written out, jump dots, the identity's formula, biases
// out of order, an author's y range and legend corner).
var presetCases = map[string]string{
	"bias-tanh.yaml":     "kind: bias-shift\nactivation: tanh\nbiases: [1, -1.5, 0]\n",
	"bias-identity.yaml": "kind: bias-shift\nactivation: identity\nbiases: [0.5, -3]\nx_range: [-4, 4]\n",
	"bias-step.yaml":     "kind: bias-shift\nactivation: step\nbiases: [2, -1]\nlegend: top-left\n",
	"bias-relu.yaml":     "kind: bias-shift\nactivation: relu\nbiases: [-1, 0, 1, 2]\ny_range: [-0.5, 4]\n",
	"bias-sigmoid.yaml":  "kind: bias-shift\nbiases: [3]\ny_range: [-0.5, 1.5]\nlegend: bottom-left\n",
	// The 2-input threshold plane: the post's, OR at another size, a
	// negative and a zero weight, a boundary outside the plot (no
	// equation, every corner fires), an author's ranges, the dark theme.
	"plane-or.yaml":       "kind: threshold-plane\ntitle: OR\nweights: [1, 1]\nthreshold: 0.5\nwidth: 480\nheight: 300\n",
	"plane-negative.yaml": "kind: threshold-plane\nweights: [-1.5, 2]\nthreshold: 0.25\nthemes: [dark]\n",
	"plane-zero.yaml":     "kind: threshold-plane\nweights: [0, 1]\nthreshold: 0.5\n",
	"plane-outside.yaml":  "kind: threshold-plane\nweights: [1, 1]\nthreshold: -100\n",
	"plane-ranges.yaml":   "kind: threshold-plane\nweights: [2, 1]\nthreshold: 1\nx_range: [-1, 2]\ny_range: [-0.5, 1.5]\ngrid: true\n",
}

// TestExpandRoundTrip renders every plot and preset spec of specs/ and
// presetCases, and the YAML Expand prints for it, saved beside it, and
// wants the same bytes in every format; the expansion of the expansion is
// the expansion.
func TestExpandRoundTrip(t *testing.T) {
	r := renderer(t)
	presets := 0
	paths := expandable(t)
	for name := range presetCases {
		paths = append(paths, "../specs/"+name)
	}
	slices.Sort(paths)
	for _, path := range paths {
		t.Run(filepath.Base(path), func(t *testing.T) {
			var f *spec.Figure
			if src, ok := presetCases[filepath.Base(path)]; ok {
				f = decodeYAML(t, path, src)
			} else {
				f = decodeFile(t, path)
			}
			f.Formats = []string{"png", "svg"}
			y, err := Expand(f)
			if err != nil {
				t.Fatal(err)
			}
			if strings.Contains(string(y), "#") && !strings.Contains(string(y), "'#") {
				t.Errorf("expansion has a comment:\n%s", y)
			}
			exp := filepath.Join(filepath.Dir(path), "expanded-"+filepath.Base(path))
			g := decodeData(t, exp, y)
			g.Formats = f.Formats
			if _, ok := f.Spec.(preset); ok {
				presets++
				if g.Kind != "plot" || f.Kind == "plot" {
					t.Errorf("kind %s expands to %s", f.Kind, g.Kind)
				}
			}
			want, err := r.Render(f)
			if err != nil {
				t.Fatal(err)
			}
			got, err := r.Render(g)
			if err != nil {
				t.Fatalf("expansion:\n%s\n%v", y, err)
			}
			for i := range want {
				if got[i].Name != want[i].Name || !bytes.Equal(got[i].Data, want[i].Data) {
					t.Errorf("%s of the expansion differs from the spec's %s; expansion:\n%s", got[i].Name, want[i].Name, y)
				}
			}
			again, err := Expand(g)
			if err != nil || !bytes.Equal(again, y) {
				t.Errorf("expanding the expansion gives another YAML:\n%s\nthen\n%s", y, again)
			}
		})
	}
	if presets < 5+len(presetCases) {
		t.Errorf("%d preset specs, want 5.png, 6.png, 8.png, 10.png's, the threshold plane's and presetCases", presets)
	}
}

// TestExpandCube: a threshold plane of 3 weights is drawn in 3-D and has
// no plot: expanding it is an error at its weights.
func TestExpandCube(t *testing.T) {
	f := decodeYAML(t, "cube.yaml", "kind: threshold-plane\nweights: [1, 1, 1]\n")
	_, err := Expand(f)
	want := "cube.yaml:2:10: threshold-plane: with 3 weights it is a plane cutting the unit cube, drawn in 3-D, not a plot; only 2 weights expand"
	if err == nil || err.Error() != want {
		t.Errorf("error\n%v\nwant\n%s", err, want)
	}
}

// decodeData decodes src as the spec file path, reading the data files
// beside it.
func decodeData(t *testing.T, path string, src []byte) *spec.Figure {
	t.Helper()
	f := decodeYAML(t, path, string(src))
	var files []Data
	for _, df := range DataFiles(f) {
		name := filepath.Join(filepath.Dir(path), filepath.FromSlash(df.Name))
		b, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, Data{Name: name, Bytes: b})
	}
	if err := LoadData(f, files); err != nil {
		t.Fatal(err)
	}
	return f
}

// BenchmarkPlotHeaviest renders the heaviest plot the limits allow: a
// for_each of 20 functions over a 500×500 heatmap.
func BenchmarkPlotHeaviest(b *testing.B) {
	src := `kind: plot
formats: [png]
x_range: [-3, 3]
y_range: [-3, 3]
legend: none
layers:
  - heatmap: 'x^2 + 3*y^2 + sin(5*x)'
    resolution: 500
  - function: 'tanh(x + a)*a/10'
    for_each: {a: [-10, -9, -8, -7, -6, -5, -4, -3, -2, -1, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]}
`
	r := renderer(b)
	f := decodeYAML(b, "heavy.yaml", src)
	for b.Loop() {
		if _, err := r.Render(f); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkPresets renders the post's step, sigmoid, bias-shift and threshold-plane figures, presets of
// the plot, to PNG.
func BenchmarkPresets(b *testing.B) {
	r := renderer(b)
	for _, name := range []string{"05-reaction-condition", "06-unit-step", "08-sigmoid", "10-bias-shift", "threshold-plane"} {
		f := decodeFile(b, "../specs/"+name+".yaml")
		f.Formats = []string{"png"}
		b.Run(name, func(b *testing.B) {
			for b.Loop() {
				if _, err := r.Render(f); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// TestPlaneBoundaryCorner: a corner on the boundary as the numbers are
// written fires (step(0) = 1), in the plot and in the cube, though the
// rounded weighted sum 0.7 + 0.1 falls short of 0.8.
func TestPlaneBoundaryCorner(t *testing.T) {
	f := decodeYAML(t, "x.yaml", "kind: threshold-plane\nweights: [0.7, 0.1]\nthreshold: 0.8\n")
	y, err := Expand(f)
	if err != nil {
		t.Fatal(err)
	}
	if want := "  - points: [[1, 1]]\n    label: '발화 ($y=1$)'"; !strings.Contains(string(y), want) {
		t.Errorf("expansion\n%s\nwant (1, 1) among the inputs that fire:\n%s", y, want)
	}
}

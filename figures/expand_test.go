package figures

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/figgen/figgen/spec"
)

// expandable returns the specs of specs/ whose kind is a plot or a preset
// of one (the 2-input threshold plane is not yet one).
func expandable(t *testing.T) []string {
	t.Helper()
	files, err := filepath.Glob("../specs/*.yaml")
	if err != nil || len(files) == 0 {
		t.Fatalf("no specs: %v", err)
	}
	var out []string
	for _, path := range files {
		f := decodeFile(t, path)
		switch f.Spec.(type) {
		case *Plot, preset:
			out = append(out, path)
		}
	}
	return out
}

// TestExpandRoundTrip renders every plot and preset spec of specs/ and the
// YAML Expand prints for it, saved beside it, and wants the same bytes in
// every format; the expansion of the expansion is the expansion.
func TestExpandRoundTrip(t *testing.T) {
	r := renderer(t)
	presets := 0
	for _, path := range expandable(t) {
		t.Run(filepath.Base(path), func(t *testing.T) {
			f := decodeFile(t, path)
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
	if presets < 3 {
		t.Errorf("%d preset specs among the specs, want 5.png, 6.png and 8.png's", presets)
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

// BenchmarkPresets renders the post's step and sigmoid figures, presets of
// the plot, to PNG.
func BenchmarkPresets(b *testing.B) {
	r := renderer(b)
	for _, name := range []string{"05-reaction-condition", "06-unit-step", "08-sigmoid"} {
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

package figures

import (
	"bytes"
	"strings"
	"testing"
)

// TestRenderLayout: a figure's Layout, made once and drawn later (a run
// lays out its figures when it checks them), draws the bytes Render
// draws, in every theme and format; and a Layout that does not fit is
// the error CheckLayout returns.
func TestRenderLayout(t *testing.T) {
	r := renderer(t)
	for _, path := range []string{"../specs/08-sigmoid.yaml", "../specs/threshold-cube.yaml", "../specs/typography.yaml"} {
		f := decodeFile(t, path)
		f.Formats = []string{"png", "svg", "pdf"}
		f.Themes = append(f.Themes[:0:0], "light", "dark")
		want, err := r.Render(f)
		if err != nil {
			t.Fatal(err)
		}
		l, err := r.Layout(f)
		if err != nil {
			t.Fatal(err)
		}
		// The Layout is drawn by another Renderer of the same engine, as a
		// run with --optimize draws it; and twice.
		for _, rr := range []*Renderer{New(r.eng), r} {
			got, err := rr.RenderLayout(l)
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != len(want) {
				t.Fatalf("%s: %d outputs, want %d", path, len(got), len(want))
			}
			for i := range want {
				if got[i].Name != want[i].Name || !bytes.Equal(got[i].Data, want[i].Data) {
					t.Errorf("%s: %s from the Layout differs from Render's", path, got[i].Name)
				}
			}
		}
	}
	f := decodeYAML(t, "long.yaml", "kind: step\nwidth: 320\nheight: 200\ntitle: "+strings.Repeat("가중합의", 40)+"\n")
	l, err := r.Layout(f)
	check := r.CheckLayout(f)
	if l != nil || err == nil || check == nil || check.Error() != err.Error() || !strings.Contains(err.Error(), "needs") {
		t.Errorf("a figure that does not fit: Layout %v, %v; CheckLayout %v", l, err, check)
	}
}

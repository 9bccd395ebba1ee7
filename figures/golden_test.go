package figures

import (
	"bytes"
	"encoding/xml"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/figgen/figgen/internal/golden"
	"github.com/figgen/figgen/spec"
)

// TestGolden renders every spec under testdata/ and compares the PNG with
// its golden by pixels (golden.Default) and the SVG byte for byte; run with
// -update to rewrite the goldens, then look at every changed one.
func TestGolden(t *testing.T) {
	r := renderer(t)
	for _, path := range testSpecs(t) {
		name := strings.TrimSuffix(filepath.Base(path), ".yaml")
		t.Run(name, func(t *testing.T) {
			f := decodeFile(t, path)
			f.Formats = []string{"png", "svg"}
			outs, err := r.Render(f)
			if err != nil {
				t.Fatal(err)
			}
			golden.PNG(t, filepath.Join("testdata", name+".png"), outs[0].Data, golden.Default)
			checkSVG(t, outs[1].Data, f)
			golden.Bytes(t, filepath.Join("testdata", name+".svg"), outs[1].Data)
		})
	}
}

// checkSVG asserts the SVG parses, carries the alt text and draws text as
// outlines (no <text> element, no font needed on the reader's machine).
func checkSVG(t *testing.T, data []byte, f *spec.Figure) {
	t.Helper()
	dec := xml.NewDecoder(bytes.NewReader(data))
	seen := map[string]bool{}
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("SVG does not parse: %v", err)
		}
		if se, ok := tok.(xml.StartElement); ok {
			seen[se.Name.Local] = true
		}
	}
	if bytes.Contains(data, []byte("fill:#-")) {
		t.Errorf("SVG has an invalid fill colour")
	}
	if seen["text"] {
		t.Errorf("SVG has a <text> element: text must be drawn as outlines")
	}
	if !seen["title"] || (f.Alt != "" && !seen["desc"]) {
		t.Errorf("SVG lacks <title>/<desc>")
	}
}

// TestGoldenSeesText proves the PNG comparison of the goldens sees text: a
// render matches itself, and one glyph changed in one label of the same
// figure does not match. The figure is the smallest figgen draws, where
// glyphs have the fewest pixels.
func TestGoldenSeesText(t *testing.T) {
	data, err := os.ReadFile("testdata/step-symbolic.yaml")
	if err != nil {
		t.Fatal(err)
	}
	base := edit(t, string(data), "width: 480\nheight: 300\n", "width: 320\nheight: 200\nformats: [png]\n")
	want := renderPNG(t, base)
	d, err := golden.ComparePNG(renderPNG(t, base), want, golden.Default)
	if err != nil {
		t.Fatal(err)
	}
	if !golden.Default.Allows(d) {
		t.Errorf("a render does not match itself: %v", d)
	}
	for _, swap := range []struct{ from, to string }{
		{`threshold_label: '$\theta$'`, `threshold_label: '$\phi$'`},
		{`x_label: "$w_1x_1 + w_2x_2$"`, `x_label: "$w_1x_1 - w_2x_2$"`},
		{`x_label: "$w_1x_1 + w_2x_2$"`, `x_label: "$w_1x_7 + w_2x_2$"`},
		{`title: 반응 조건`, `title: 반응 초건`},
	} {
		got := renderPNG(t, edit(t, base, swap.from, swap.to))
		d, err := golden.ComparePNG(got, want, golden.Default)
		if err != nil {
			t.Fatal(err)
		}
		if golden.Default.Allows(d) {
			t.Errorf("%s → %s: the PNG still matches (%v)", swap.from, swap.to, d)
		} else {
			t.Logf("%s → %s: %v", swap.from, swap.to, d)
		}
	}
}

// edit replaces from with to in the spec text src, which must hold it.
func edit(t *testing.T, src, from, to string) string {
	t.Helper()
	if !strings.Contains(src, from) {
		t.Fatalf("spec lacks %q", from)
	}
	return strings.Replace(src, from, to, 1)
}

// renderPNG decodes the spec text src, which asks for a 320×200 PNG, and
// renders it.
func renderPNG(t *testing.T, src string) []byte {
	t.Helper()
	path := filepath.Join(t.TempDir(), "step-symbolic.yaml")
	if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	outs, err := renderer(t).Render(decodeFile(t, path))
	if err != nil {
		t.Fatal(err)
	}
	if len(outs) != 1 {
		t.Fatalf("rendered %d files, want the PNG alone", len(outs))
	}
	if w, h := pngSize(t, outs[0].Data); w != 320 || h != 200 {
		t.Fatalf("rendered %d×%d, want 320×200", w, h)
	}
	return outs[0].Data
}

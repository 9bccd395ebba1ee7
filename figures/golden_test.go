package figures

import (
	"bytes"
	"encoding/xml"
	"io"
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

package vector

import (
	"bytes"
	"encoding/xml"
	"image/color"
	"io"
	"math"
	"math/rand/v2"
	"strings"
	"sync"
	"testing"

	"gonum.org/v1/plot/vg"
)

// checkXML parses an SVG strictly and checks every <use> names one id.
func checkXML(t *testing.T, svg []byte) (uses int) {
	t.Helper()
	d := xml.NewDecoder(bytes.NewReader(svg))
	d.Strict = true
	ids := map[string]int{}
	var refs []string
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("XML: %v\n%s", err, svg[:min(len(svg), 2000)])
		}
		if se, ok := tok.(xml.StartElement); ok {
			for _, a := range se.Attr {
				if a.Name.Local == "id" {
					ids[a.Value]++
				}
				if a.Name.Local == "href" {
					if a.Name.Space != "http://www.w3.org/1999/xlink" {
						t.Fatalf("href in %q", a.Name.Space)
					}
					refs = append(refs, a.Value)
				}
			}
		}
	}
	for id, n := range ids {
		if n != 1 {
			t.Errorf("id %s %d times", id, n)
		}
	}
	for _, r := range refs {
		if !strings.HasPrefix(r, "#") || ids[r[1:]] != 1 {
			t.Errorf("use of %s unresolved", r)
		}
	}
	return len(refs)
}

// TestManyGlyphs: SVGs sharing Glyphs, in parallel, with more distinct
// outlines than Glyphs keep, write the bytes of an SVG alone, every <use>
// naming one outline.
func TestManyGlyphs(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	// 12000 distinct outlines of some 500 bytes: over maxGlyphBytes
	const n = 12000
	outlines := make([]vg.Path, n)
	for k := range outlines {
		var p vg.Path
		p.Move(vg.Point{X: vg.Length(r.Float64() * 10), Y: vg.Length(r.Float64() * 10)})
		for range 40 {
			p.Line(vg.Point{X: vg.Length(r.Float64() * 10), Y: vg.Length(r.Float64() * 10)})
		}
		p.Close()
		outlines[k] = p
	}
	draw := func(c *SVG) []byte {
		c.SetColor(color.Black)
		for k := range n {
			c.FillGlyph(k, vg.Point{X: vg.Length(k % 100), Y: vg.Length(k / 100)}, func() vg.Path { return outlines[k] })
		}
		for k := 0; k < n; k += 7 {
			c.FillGlyph(k, vg.Point{X: 1, Y: 2}, func() vg.Path { return outlines[k] })
		}
		var b bytes.Buffer
		if _, err := c.WriteTo(&b); err != nil {
			t.Fatal(err)
		}
		return b.Bytes()
	}
	alone := draw(NewSVG(100, 200, Doc{}))
	if u := checkXML(t, alone); u != n+(n+6)/7 {
		t.Errorf("%d uses", u)
	}
	var g Glyphs
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			c := NewSVG(100, 200, Doc{})
			c.ShareGlyphs(&g)
			if got := draw(c); !bytes.Equal(got, alone) {
				t.Errorf("shared differs")
			}
		})
	}
	wg.Wait()
	if g.bytes > maxGlyphBytes {
		t.Errorf("%d bytes kept", g.bytes)
	}
}

// TestGlyphIDClash: an outline whose id is taken gets another.
func TestGlyphIDClash(t *testing.T) {
	used := map[string]bool{}
	a := glyphID("M0 0H1V1z", used)
	used[a] = true
	b := glyphID("M0 0H1V1z", used)
	if a == b || len(b) != 6 || b[0] < 'a' || b[0] > 'z' {
		t.Errorf("%q then %q", a, b)
	}
}

// TestOddPaths: empty paths, a lone move, a line of no length, huge and
// infinite coordinates and negative zeros write well-formed SVG and path
// data that reads back, with no negative zero, NaN or exponent.
func TestOddPaths(t *testing.T) {
	var empty, move, zero, huge, negz, closeOnly vg.Path
	move.Move(vg.Point{X: 3, Y: 4})
	zero.Move(vg.Point{X: 3, Y: 4})
	zero.Line(vg.Point{X: 3, Y: 4})
	huge.Move(vg.Point{X: 1e6, Y: -1e6})
	huge.Line(vg.Point{X: -1e6, Y: 1e6})
	huge.Line(vg.Point{X: 1e12, Y: vg.Length(math.Inf(1))})
	huge.Line(vg.Point{X: vg.Length(math.NaN()), Y: vg.Length(math.Inf(-1))})
	huge.Close()
	negz.Move(vg.Point{X: vg.Length(math.Copysign(0, -1)), Y: -0.001})
	negz.Line(vg.Point{X: -0.004, Y: vg.Length(math.Copysign(0, -1))})
	negz.Line(vg.Point{X: 0.004, Y: 1})
	closeOnly.Close()
	c := NewSVG(50, 50, Doc{Title: "a<b & \"c\"", Subject: "ü'", Lang: "ko"})
	for _, p := range []vg.Path{empty, move, zero, huge, negz, closeOnly} {
		c.Fill(p)
		c.Stroke(p)
		c.FillGlyph(len(p), vg.Point{X: vg.Length(math.Copysign(0, -1)), Y: -0.001}, func() vg.Path { return p })
	}
	var b bytes.Buffer
	if _, err := c.WriteTo(&b); err != nil {
		t.Fatal(err)
	}
	svg := b.String()
	checkXML(t, b.Bytes())
	if strings.Contains(svg, "NaN") || strings.Contains(svg, "Inf") || strings.Contains(svg, "e+") {
		t.Errorf("odd numbers:\n%s", svg)
	}
	for _, line := range strings.Split(svg, "\n") {
		if i := strings.Index(line, ` d="`); i >= 0 {
			d := line[i+4:]
			d = d[:strings.IndexByte(d, '"')]
			parsePathData(t, d)
			if strings.Contains(d, "-0 ") || strings.HasSuffix(d, "-0") || strings.Contains(d, "-0-") {
				t.Errorf("negative zero in %q", d)
			}
		}
	}
}

package vector

import (
	"bytes"
	"image/color"
	"math"
	"strings"
	"testing"

	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/vg"
)

func TestQuant(t *testing.T) {
	for _, c := range []struct {
		v    float64
		want string
	}{
		{174.185, "174.19"}, {174.18499999999997, "174.19"}, {174.18500000000003, "174.19"},
		{174.184999, "174.18"}, {-174.185, "-174.19"}, {-0.004, "0"}, {-0.005, "-0.01"},
		{12, "12"}, {12.5, "12.5"}, {0.05, "0.05"}, {math.NaN(), "0"},
		{math.Inf(1), "1073741824"}, {math.Inf(-1), "-1073741824"},
	} {
		if got := quant(c.v).String(); got != c.want {
			t.Errorf("quant(%v) = %s, want %s", c.v, got, c.want)
		}
	}
}

// TestArcStartOnGrid: whether an arc begins with a line to its start is
// decided on the grid: a current point a hair off the start (as a fused
// multiply-add leaves it) draws no extra segment.
func TestArcStartOnGrid(t *testing.T) {
	for _, off := range []float64{0, 1e-12, -1e-12} {
		var p vg.Path
		p.Move(vg.Point{X: vg.Length(10 + off), Y: 5})
		p.Arc(vg.Point{X: 5, Y: 5}, 5, 0, math.Pi/2)
		got := svgPath(p)
		if want := "M10 5c0 2.76-2.24 5-5 5"; got != want {
			t.Errorf("offset %g: %s, want %s", off, got, want)
		}
	}
	var p vg.Path
	p.Move(vg.Point{X: 0, Y: 0})
	p.Arc(vg.Point{X: 5, Y: 5}, 5, 0, 2*math.Pi)
	if got := svgPath(p); got != "M0 0l10 5c0 2.76-2.24 5-5 5-2.76 0-5-2.24-5-5 0-2.76 2.24-5 5-5 2.76 0 5 2.24 5 5" {
		t.Errorf("a circle after a move: %s", got)
	}
}

// TestColourNotPremultiplied: a translucent colour keeps its components in
// both formats, its alpha apart.
func TestColourNotPremultiplied(t *testing.T) {
	shade := color.NRGBA{R: 0xd6, G: 0x27, B: 0x28, A: 0x30}
	var p vg.Path
	p.Move(vg.Point{})
	p.Line(vg.Point{X: 10})
	p.Line(vg.Point{X: 10, Y: 10})
	p.Close()

	s := NewSVG(20, 20, Doc{})
	s.SetColor(shade)
	s.Fill(p)
	var b bytes.Buffer
	if _, err := s.WriteTo(&b); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), `fill="#d62728" fill-opacity="0.188"`) {
		t.Errorf("SVG: %s", b.String())
	}

	d := NewPDF(20, 20, Doc{})
	d.SetColor(shade)
	d.Fill(p)
	d.SetColor(color.Black)
	d.Fill(p)
	if got, want := d.content.String(), "0.8392 0.1529 0.1569 rg\n/A48 gs\n0 0 m\n10 0 l\n10 10 l\nh\nf\n0 0 0 rg\n/A255 gs\n"; !strings.HasPrefix(got[len("1 j\n"):], want) {
		t.Errorf("PDF content:\n%s\nwant it to start with\n%s", got, want)
	}
}

func TestFillStringFails(t *testing.T) {
	s := NewSVG(20, 20, Doc{})
	s.FillString(font.Face{}, vg.Point{}, "x")
	if _, err := s.WriteTo(&bytes.Buffer{}); err == nil {
		t.Errorf("SVG: FillString did not fail")
	}
	d := NewPDF(20, 20, Doc{})
	d.FillString(font.Face{}, vg.Point{}, "x")
	if _, err := d.WriteTo(&bytes.Buffer{}); err == nil {
		t.Errorf("PDF: FillString did not fail")
	}
}

// TestSharedShapes: a shape filled at three places is defined once and
// used at each, its data relative to its first point; a shape filled
// once, or too short to gain from a definition, is written in place.
func TestSharedShapes(t *testing.T) {
	glyph := func(x, y vg.Length) vg.Path {
		var p vg.Path
		p.Move(vg.Point{X: x, Y: y})
		p.Line(vg.Point{X: x + 3.333, Y: y + 0.004})
		p.QuadTo(vg.Point{X: x + 5.1, Y: y + 2}, vg.Point{X: x + 4.2, Y: y + 6.7})
		p.CubeTo(vg.Point{X: x + 3, Y: y + 7.1}, vg.Point{X: x + 1.5, Y: y + 7.2}, vg.Point{X: x + 0.3, Y: y + 6.6})
		p.Line(vg.Point{X: x + 0.3, Y: y + 2.25})
		p.Close()
		p.Move(vg.Point{X: x + 1, Y: y + 1})
		p.Line(vg.Point{X: x + 2, Y: y + 1})
		p.Line(vg.Point{X: x + 2, Y: y + 2})
		p.Close()
		return p
	}
	s := NewSVG(100, 100, Doc{})
	// Positions a hair off the grid's midpoints: each glyph's own
	// coordinates would round differently there.
	s.Fill(glyph(10.005, 20.0049))
	s.SetColor(color.NRGBA{R: 0xff, A: 0xff})
	s.Fill(glyph(40.0051, 20.015))
	s.Fill(glyph(70, 20))
	s.Fill(rectPath(0, 0, 5, 5))
	s.Fill(rectPath(10, 10, 15, 15))
	var b bytes.Buffer
	if _, err := s.WriteTo(&b); err != nil {
		t.Fatal(err)
	}
	got := b.String()
	for _, want := range []string{
		"<defs>\n<path id=\"g1\" d=\"M0 0h3.33q1.77 2 .87 6.7c-1.2.4-2.7.5-3.9-.1v-4.35zm1 1h1v1z\"/>\n</defs>\n",
		`<use href="#g1" x="10.01" y="20" fill="#000000"/>`,
		`<use href="#g1" x="40.01" y="20.02" fill="#ff0000"/>`,
		`<use href="#g1" x="70" y="20" fill="#ff0000"/>`,
		`<path d="M0 0h5v5h-5z" fill="#ff0000"/>`,
		`<path d="M10 10h5v5h-5z" fill="#ff0000"/>`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("SVG lacks %s:\n%s", want, got)
		}
	}
	if n := strings.Count(got, "<path id="); n != 1 {
		t.Errorf("%d definitions, want 1", n)
	}
}

func rectPath(x0, y0, x1, y1 vg.Length) vg.Path {
	var p vg.Path
	p.Move(vg.Point{X: x0, Y: y0})
	p.Line(vg.Point{X: x1, Y: y0})
	p.Line(vg.Point{X: x1, Y: y1})
	p.Line(vg.Point{X: x0, Y: y1})
	p.Close()
	return p
}

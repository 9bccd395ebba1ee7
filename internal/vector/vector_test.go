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
		if want := "M10,5C10,7.76 7.76,10 5,10"; got != want {
			t.Errorf("offset %g: %s, want %s", off, got, want)
		}
	}
	var p vg.Path
	p.Move(vg.Point{X: 0, Y: 0})
	p.Arc(vg.Point{X: 5, Y: 5}, 5, 0, 2*math.Pi)
	if got := svgPath(p); strings.Count(got, "C") != 4 || !strings.HasPrefix(got, "M0,0L10,5C") || !strings.HasSuffix(got, " 10,5") {
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

// TestFollowMismatch: an SVG that follows the reader's page fails when
// the dark drawing has not the same fills and strokes as the light one.
func TestFollowMismatch(t *testing.T) {
	var sq vg.Path
	sq.Move(vg.Point{})
	sq.Line(vg.Point{X: 10})
	sq.Line(vg.Point{X: 10, Y: 10})
	sq.Close()
	for _, n := range []int{0, 1, 3} {
		dark := make([]color.NRGBA, n)
		c := NewSVG(100, 100, Doc{})
		c.Follow(dark)
		c.SetColor(color.White)
		c.Fill(sq)
		c.Fill(sq)
		var b bytes.Buffer
		if _, err := c.WriteTo(&b); err == nil {
			t.Errorf("%d dark paints for 2 light ones: no error", n)
		}
	}
	c := NewSVG(100, 100, Doc{})
	c.Follow([]color.NRGBA{{R: 1, A: 0xff}, {R: 1, A: 0xff}})
	c.SetColor(color.White)
	c.Fill(sq)
	c.Fill(sq)
	var b bytes.Buffer
	if _, err := c.WriteTo(&b); err != nil || strings.Count(b.String(), "var(--c0)") != 2 || !strings.Contains(b.String(), "--c0:#ffffff}") || !strings.Contains(b.String(), "--c0:#010000}") {
		t.Errorf("%v\n%s", err, b.String())
	}
}

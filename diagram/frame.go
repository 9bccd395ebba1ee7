package diagram

import (
	"image/color"
	"math"

	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// Frame maps a scene of W×H units onto a canvas: the scene is scaled by
// K points per unit, as large as fits, and centred.
type Frame struct {
	C      draw.Canvas
	W, H   float64  // scene size in units
	K      float64  // points per scene unit
	Origin vg.Point // canvas position of the scene point (0, 0)
}

// Fit returns the frame that fits a w×h scene into c, keeping its aspect
// and centring it. A degenerate scene or canvas gives scale 0.
func Fit(c draw.Canvas, w, h float64) *Frame {
	cw := float64(c.Max.X - c.Min.X)
	ch := float64(c.Max.Y - c.Min.Y)
	k := 0.0
	if w > 0 && h > 0 && cw > 0 && ch > 0 {
		k = math.Min(cw/w, ch/h)
	}
	o := vg.Point{
		X: c.Min.X + vg.Length((cw-w*k)/2),
		Y: c.Min.Y + vg.Length((ch-h*k)/2),
	}
	return &Frame{C: c, W: w, H: h, K: k, Origin: o}
}

// P returns the canvas point of the scene point p.
func (f *Frame) P(p Point) vg.Point {
	return vg.Point{X: f.Origin.X + vg.Length(p.X*f.K), Y: f.Origin.Y + vg.Length(p.Y*f.K)}
}

// L returns the canvas length of u scene units.
func (f *Frame) L(u float64) vg.Length { return vg.Length(u * f.K) }

// Pen is a stroke style in scene units.
type Pen struct {
	Color  color.Color
	Width  float64
	Dashes []float64 // on, off, … lengths; nil: solid
}

// Dashed returns a copy of p with the dash pattern on, off.
func (p Pen) Dashed(on, off float64) Pen {
	p.Dashes = []float64{on, off}
	return p
}

// Fit returns p with its dash pattern stretched or shrunk a little so a
// straight line of length l starts and ends with a whole dash: no stub of
// a dash is left at either end. A solid pen is returned as it is.
func (p Pen) Fit(l float64) Pen {
	if len(p.Dashes) == 0 || l <= 0 {
		return p
	}
	period := 0.0
	for _, d := range p.Dashes {
		period += d
	}
	on := p.Dashes[0]
	if period <= 0 || on <= 0 {
		return p
	}
	// l = k whole periods and one more dash.
	k := math.Max(0, math.Round((l-on)/period))
	s := l / (k*period + on)
	ds := make([]float64, len(p.Dashes))
	for i, d := range p.Dashes {
		ds[i] = d * s
	}
	p.Dashes = ds
	return p
}

func (f *Frame) lineStyle(p Pen) draw.LineStyle {
	ls := draw.LineStyle{Color: p.Color, Width: f.L(p.Width)}
	if ls.Color == nil {
		ls.Color = color.Black
	}
	for _, d := range p.Dashes {
		ls.Dashes = append(ls.Dashes, f.L(d))
	}
	return ls
}

// VgPath returns the canvas path of p.
func (f *Frame) VgPath(p Path) vg.Path {
	v := make(vg.Path, 0, len(p.segs)) // one component a segment
	for _, s := range p.segs {
		switch s.kind {
		case segMove:
			v.Move(f.P(s.p))
		case segLine:
			v.Line(f.P(s.p))
		case segCubic:
			v.CubeTo(f.P(s.c1), f.P(s.c2), f.P(s.p))
		case segArc:
			v.Arc(f.P(s.p), f.L(s.r), s.a0, s.da)
		case segClose:
			v.Close()
		}
	}
	return v
}

// Stroke draws the outline p with pen.
func (f *Frame) Stroke(pen Pen, p Path) {
	if pen.Width <= 0 {
		return
	}
	f.C.SetLineStyle(f.lineStyle(pen))
	f.C.Stroke(f.VgPath(p))
}

// Fill fills p with col.
func (f *Frame) Fill(col color.Color, p Path) {
	if col == nil {
		return
	}
	f.C.SetColor(col)
	f.C.Fill(f.VgPath(p))
}

// Line strokes the polyline through pts.
func (f *Frame) Line(pen Pen, pts ...Point) {
	if len(pts) < 2 {
		return
	}
	var p Path
	p.Move(pts[0])
	for _, q := range pts[1:] {
		p.Line(q)
	}
	f.Stroke(pen, p)
}

// Circle fills (when fill is not nil) and strokes the circle of centre c
// and radius r.
func (f *Frame) Circle(c Point, r float64, fill color.Color, pen Pen) {
	p := CirclePath(c, r)
	f.Fill(fill, p)
	f.Stroke(pen, p)
}

// Text draws txt with sty anchored at p (the style's alignment applies).
// The style's font size is in scene units.
func (f *Frame) Text(sty text.Style, p Point, txt string) {
	if txt == "" || sty.Handler == nil {
		return
	}
	sty.Font.Size = vg.Length(float64(sty.Font.Size) * f.K)
	f.C.FillText(sty, f.P(p), txt)
}

// TextBox returns the bounds, in scene units, of txt drawn with sty
// anchored at p. The style's font size is in scene units.
func TextBox(sty text.Style, p Point, txt string) Rect {
	if txt == "" || sty.Handler == nil {
		return Rect{Min: p, Max: p}
	}
	r := sty.Rectangle(txt)
	return Rect{
		Min: Point{p.X + float64(r.Min.X), p.Y + float64(r.Min.Y)},
		Max: Point{p.X + float64(r.Max.X), p.Y + float64(r.Max.Y)},
	}
}

// Arrowhead fills a triangular head of length l whose tip is at tip,
// pointing along dir, and returns the centre of its base (where a shaft
// should stop).
func (f *Frame) Arrowhead(col color.Color, tip, dir Point, l float64) Point {
	d := dir.Unit()
	base := tip.Sub(d.Scale(l))
	n := d.Normal().Scale(l * headAspect)
	var p Path
	p.Move(tip)
	p.Line(base.Add(n))
	p.Line(base.Add(d.Scale(l * 0.15))) // a slight notch
	p.Line(base.Sub(n))
	p.Close()
	f.Fill(col, p)
	return base
}

// headAspect is the half-width of an arrowhead relative to its length.
const headAspect = 0.38

// HeadLen is the default arrowhead length for a shaft of width w.
func HeadLen(w float64) float64 { return 5 + 3.2*w }

// Arrow draws a straight arrow from a to b with its tip exactly at b. A
// head length of 0 uses HeadLen(pen.Width); a negative one draws no head.
// A dashed shaft is fitted (Pen.Fit): it starts with a whole dash and
// runs into the head on one.
func (f *Frame) Arrow(pen Pen, a, b Point, head float64) {
	if head == 0 {
		head = HeadLen(pen.Width)
	}
	d := b.Sub(a)
	if d.Len() == 0 {
		return
	}
	end := b
	if head > 0 {
		head = math.Min(head, d.Len())
		end = f.Arrowhead(pen.Color, b, d, head)
		// Overlap the shaft a little into the head so no seam shows.
		end = end.Add(d.Unit().Scale(math.Min(head*0.3, pen.Width)))
	}
	f.Line(pen.Fit(end.Sub(a).Len()), a, end)
}

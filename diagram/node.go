package diagram

import (
	"image/color"
	"math"

	"gonum.org/v1/plot/text"
)

// Shape is the outline of a node.
type Shape int

const (
	// Circle is a circle of radius R.
	Circle Shape = iota
	// Box is a rectangle with corners rounded by R; its size is W×H, or its
	// label's box plus Pad on each side when W or H is 0.
	Box
	// Label is text alone; arrows stop Pad short of its box.
	Label
	// Dot is a bare point: arrows end at At itself. Nothing is drawn.
	Dot
)

// Node is a diagram node. Its label (rich text for the style's handler)
// is centred on At.
type Node struct {
	Shape Shape
	At    Point
	R     float64 // circle radius; box corner radius
	W, H  float64 // box size; 0: fitted to the label
	Pad   float64 // space around the label of a fitted box or a Label node

	Label string
	Text  text.Style // the label's style; its alignment is forced to centre
	Pen   Pen        // outline; zero width: none
	Fill  color.Color

	// Glyph, when set, draws the node's inside after its outline and
	// before its label (e.g. a small step function in a circle).
	Glyph func(f *Frame, n *Node)
}

func (n *Node) textStyle() text.Style {
	s := n.Text
	s.XAlign, s.YAlign = text.XCenter, text.YCenter
	return s
}

// LabelBox returns the bounds of the node's label in scene units.
func (n *Node) LabelBox() Rect {
	return TextBox(n.textStyle(), n.At, n.Label)
}

// Size returns the node's outline width and height (without the pen).
func (n *Node) Size() (w, h float64) {
	switch n.Shape {
	case Circle:
		return 2 * n.R, 2 * n.R
	case Box, Label:
		w, h = n.W, n.H
		if w == 0 || h == 0 || n.Shape == Label {
			b := n.LabelBox()
			if w == 0 || n.Shape == Label {
				w = b.W() + 2*n.Pad
			}
			if h == 0 || n.Shape == Label {
				h = b.H() + 2*n.Pad
			}
		}
		return w, h
	}
	return 0, 0
}

// Bounds returns the rectangle the node covers, its pen included.
func (n *Node) Bounds() Rect {
	w, h := n.Size()
	pw := 0.0
	if n.Shape == Circle || n.Shape == Box {
		pw = n.Pen.Width
	}
	r := RectAt(n.At, w+pw, h+pw)
	if n.Label != "" {
		r = r.Union(n.LabelBox())
	}
	return r
}

// Border returns where the ray from the node's centre toward p leaves the
// node's visible outline (the outer edge of its pen). Since every shape is
// convex and contains its centre, this is where an arrow from p aimed at
// the centre first touches the node. A Dot, or p at the centre, gives At.
func (n *Node) Border(p Point) Point {
	d := p.Sub(n.At)
	if d.Len() == 0 {
		return n.At
	}
	u := d.Unit()
	half := 0.0
	if n.Shape == Circle || n.Shape == Box {
		half = n.Pen.Width / 2
	}
	switch n.Shape {
	case Circle:
		return n.At.Add(u.Scale(n.R + half))
	case Box:
		w, h := n.Size()
		return n.At.Add(u.Scale(rayRoundRect(u, w/2+half, h/2+half, n.R+half)))
	case Label:
		w, h := n.Size()
		return n.At.Add(u.Scale(rayRoundRect(u, w/2, h/2, 0)))
	}
	return n.At
}

// rayRoundRect returns the distance from the centre of a rounded rectangle
// of half-sizes a, b and corner radius r to its border along the unit
// direction u.
func rayRoundRect(u Point, a, b, r float64) float64 {
	r = math.Max(0, math.Min(r, math.Min(a, b)))
	t := math.Inf(1)
	if u.X != 0 {
		t = a / math.Abs(u.X)
	}
	if u.Y != 0 {
		t = math.Min(t, b/math.Abs(u.Y))
	}
	px, py := math.Abs(u.X)*t, math.Abs(u.Y)*t
	if r == 0 || px <= a-r || py <= b-r {
		return t
	}
	// In a corner: intersect with the corner circle of centre c, radius r,
	// taking the far root of |t·u − c|² = r² (the ray leaves there).
	cx, cy := a-r, b-r
	ux, uy := math.Abs(u.X), math.Abs(u.Y)
	bq := ux*cx + uy*cy
	cq := cx*cx + cy*cy - r*r
	disc := bq*bq - cq
	if disc < 0 {
		return t
	}
	return bq + math.Sqrt(disc)
}

// draw draws the node's outline, glyph and label.
func (n *Node) draw(f *Frame) {
	switch n.Shape {
	case Circle:
		f.Circle(n.At, n.R, n.Fill, n.Pen)
	case Box:
		w, h := n.Size()
		p := RoundRectPath(RectAt(n.At, w, h), n.R)
		f.Fill(n.Fill, p)
		f.Stroke(n.Pen, p)
	case Label:
		if n.Fill != nil {
			w, h := n.Size()
			f.Fill(n.Fill, RoundRectPath(RectAt(n.At, w, h), n.R))
		}
	}
	if n.Glyph != nil {
		n.Glyph(f, n)
	}
	if n.Label != "" {
		f.Text(n.textStyle(), n.At, n.Label)
	}
}

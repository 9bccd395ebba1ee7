package diagram

import (
	"image/color"
	"math"

	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg/draw"
)

// Edge is a straight arrow between two nodes. It starts on From's border
// and its tip touches To's border, both aimed at the other node's centre.
type Edge struct {
	From, To *Node
	Pen      Pen
	Head     float64 // arrowhead length; 0: HeadLen(Pen.Width); < 0: no head
	Gap      float64 // space left before To's border (and after From's)

	// FromAt and ToAt, when not nil, aim the ends at these points instead
	// of the other node's centre (e.g. to fan several arrows out of one
	// node at chosen angles).
	FromAt, ToAt *Point

	Label    string
	LabelT   float64     // where the label sits along the shaft, 0…1; 0: 0.5
	LabelPad float64     // space around the label inside its background box
	LabelBg  color.Color // background box colour; nil: white
	Text     text.Style  // the label's style; its alignment is forced to centre
}

// Ends returns where the edge starts and where its tip is.
func (e *Edge) Ends() (a, b Point) {
	aim := e.To.At
	if e.FromAt != nil {
		aim = *e.FromAt
	}
	a = e.From.Border(aim)
	aim = e.From.At
	if e.ToAt != nil {
		aim = *e.ToAt
	}
	b = e.To.Border(aim)
	if e.Gap != 0 {
		d := b.Sub(a).Unit().Scale(e.Gap)
		if e.From.Shape != Dot {
			a = a.Add(d)
		}
		b = b.Sub(d)
	}
	return a, b
}

// LabelAt returns the anchor of the edge label: the point a fraction LabelT
// of the way along the edge.
func (e *Edge) LabelAt() Point {
	a, b := e.Ends()
	t := e.LabelT
	if t == 0 {
		t = 0.5
	}
	return Lerp(a, b, t)
}

func (e *Edge) labelStyle() text.Style {
	s := e.Text
	s.XAlign, s.YAlign = text.XCenter, text.YCenter
	return s
}

// LabelBox returns the label's background box (text box plus LabelPad) in
// scene units; it is empty when the edge has no label.
func (e *Edge) LabelBox() Rect {
	if e.Label == "" {
		return Rect{}
	}
	return TextBox(e.labelStyle(), e.LabelAt(), e.Label).Inset(-e.LabelPad)
}

// drawLine draws the edge's arrow. A label interrupts it: the shaft
// stops half a LabelPad clear of the label's box and goes on after it,
// each piece with whole dashes, rather than running under the label's
// background, which leaves stubs of dashes peeking out beside the label.
func (e *Edge) drawLine(f *Frame) {
	a, b := e.Ends()
	if box := e.LabelBox(); !box.Empty() {
		e.drawCut(f, a, b, box.Inset(-e.LabelPad/2))
		return
	}
	f.Arrow(e.Pen, a, b, e.Head)
}

// drawCut draws the arrow from a to b less the part of it inside r.
func (e *Edge) drawCut(f *Frame, a, b Point, r Rect) {
	if t0, t1, ok := r.Clip(a, b); ok {
		if p := Lerp(a, b, t0); t0 > 0 {
			f.Line(e.Pen.Fit(p.Sub(a).Len()), a, p)
		}
		if t1 >= 1 {
			return // the label covers the tip
		}
		a = Lerp(a, b, t1)
	}
	f.Arrow(e.Pen, a, b, e.Head)
}

func (e *Edge) drawLabel(f *Frame) {
	if e.Label == "" {
		return
	}
	bg := e.LabelBg
	if bg == nil {
		bg = color.White
	}
	box := e.LabelBox()
	f.Fill(bg, RoundRectPath(box, math.Min(box.H()/2, e.LabelPad+1)))
	f.Text(e.labelStyle(), e.LabelAt(), e.Label)
}

// Text is free text anchored at At with the style's own alignment,
// optionally on a background box.
type Text struct {
	At    Point
	Text  string
	Style text.Style
	Bg    color.Color // background box colour; nil: none
	Pad   float64     // space around the text inside the background box
}

// Box returns the text's bounds (with Pad) in scene units.
func (t *Text) Box() Rect {
	return TextBox(t.Style, t.At, t.Text).Inset(-t.Pad)
}

func (t *Text) draw(f *Frame) {
	if t.Bg != nil {
		b := t.Box()
		f.Fill(t.Bg, RoundRectPath(b, t.Pad))
	}
	f.Text(t.Style, t.At, t.Text)
}

// Scene is a diagram of W×H units. Draw paints, in order: Under, edge
// lines, edge labels, nodes, texts, Over; so labels hide the lines under
// them and arrowheads end on top of nothing but the node outlines.
type Scene struct {
	W, H  float64
	Nodes []*Node
	Edges []*Edge
	Texts []*Text
	Under []func(f *Frame) // drawn first (backgrounds, free drawings)
	Over  []func(f *Frame) // drawn last
	// Extra holds bounds of the Under and Over drawings, for Bounds.
	Extra []Rect
}

// Node adds n to the scene and returns it, for use in edges.
func (s *Scene) Node(n Node) *Node {
	p := &n
	s.Nodes = append(s.Nodes, p)
	return p
}

// Edge adds e to the scene and returns it.
func (s *Scene) Edge(e Edge) *Edge {
	p := &e
	s.Edges = append(s.Edges, p)
	return p
}

// Text adds free text to the scene and returns it.
func (s *Scene) Text(t Text) *Text {
	p := &t
	s.Texts = append(s.Texts, p)
	return p
}

// FanOut adds one arrow from `from` to each of `to`, leaving from's border
// aimed at each target: the same output carried to several places.
func (s *Scene) FanOut(from *Node, to []*Node, proto Edge) []*Edge {
	es := make([]*Edge, len(to))
	for i, t := range to {
		e := proto
		e.From, e.To = from, t
		es[i] = s.Edge(e)
	}
	return es
}

// Bounds returns the rectangle covering everything the scene draws that
// it knows the size of: nodes, edges, labels, texts and Extra.
func (s *Scene) Bounds() Rect {
	var r Rect
	for _, n := range s.Nodes {
		if n.Shape != Dot {
			r = r.Union(n.Bounds())
		}
	}
	for _, e := range s.Edges {
		a, b := e.Ends()
		seg := Rect{
			Min: Point{math.Min(a.X, b.X), math.Min(a.Y, b.Y)},
			Max: Point{math.Max(a.X, b.X), math.Max(a.Y, b.Y)},
		}
		r = r.Union(seg.Inset(-e.Pen.Width / 2)).Union(e.LabelBox())
	}
	for _, t := range s.Texts {
		r = r.Union(t.Box())
	}
	for _, x := range s.Extra {
		r = r.Union(x)
	}
	return r
}

// DrawOn fits the scene into c and draws it; it returns the frame used.
func (s *Scene) DrawOn(c draw.Canvas) *Frame {
	f := Fit(c, s.W, s.H)
	s.Draw(f)
	return f
}

// Draw draws the scene in the frame f.
func (s *Scene) Draw(f *Frame) {
	for _, fn := range s.Under {
		fn(f)
	}
	for _, e := range s.Edges {
		e.drawLine(f)
	}
	for _, e := range s.Edges {
		e.drawLabel(f)
	}
	for _, n := range s.Nodes {
		n.draw(f)
	}
	for _, t := range s.Texts {
		t.draw(f)
	}
	for _, fn := range s.Over {
		fn(f)
	}
}

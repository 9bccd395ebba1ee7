package figures

import (
	"image/color"
	"math"
	"math/rand/v2"
	"strings"

	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg/draw"

	"github.com/figgen/figgen/diagram"
	"github.com/figgen/figgen/spec"
)

// Geometry of the neuron schematic, in scene units.
const (
	cellSomaX  = 142
	cellSomaY  = 170
	cellSomaR  = 30
	cellSeed   = 1     // the branches' PRNG seed: the drawing is fixed
	cellMyelin = 4     // myelin segments along the axon
	cellLabelW = 180.0 // most room of a part's label
	cellOutW   = 150.0 // room of the output's text
)

func init() {
	register[NeuronCell]("neuron-cell", "A schematic biological neuron.")
}

// NeuronCell is kind "neuron-cell": a schematic biological neuron (1.png).
type NeuronCell struct {
	Dendrites spec.Text `yaml:"dendrites"`    // label; default 수상돌기
	Body      spec.Text `yaml:"body"`         // default 신경세포체
	Axon      spec.Text `yaml:"axon"`         // default 축삭돌기
	Terminals spec.Text `yaml:"terminals"`    // default 축삭 말단
	Output    spec.Text `yaml:"output_label"` // default 출력: $0$ 또는 $1$ (key output_label: output is the file name)
}

// Fields documents the neuron cell's keys.
func (*NeuronCell) Fields() spec.Fields {
	return spec.Fields{
		"dendrites":    {Doc: "Label of the dendrites."},
		"body":         {Doc: "Label of the cell body."},
		"axon":         {Doc: "Label of the axon."},
		"terminals":    {Doc: "Label of the axon terminals."},
		"output_label": {Doc: "Label of the output (the key output is the file name)."},
	}
}

// Default names the parts in Korean.
func (nc *NeuronCell) Default(d *spec.Defaults) {
	spec.Default(d, "dendrites", &nc.Dendrites, d.NewText("수상돌기"))
	spec.Default(d, "body", &nc.Body, d.NewText("신경세포체"))
	spec.Default(d, "axon", &nc.Axon, d.NewText("축삭돌기"))
	spec.Default(d, "terminals", &nc.Terminals, d.NewText("축삭 말단"))
	spec.Default(d, "output_label", &nc.Output, d.NewText("출력: $0$ 또는 $1$"))
	d.Title = "뉴런"
	d.Alt = "뉴런의 모식도: 수상돌기로 받은 신호가 신경세포체를 거쳐 축삭돌기를 따라 축삭 말단으로 나가며, 출력은 0 또는 1"
}

// Validate has nothing to check across fields.
func (*NeuronCell) Validate(*spec.Check) {}

// build draws a biological neuron with its parts named and its output
// shown at the axon terminals (1.png).
func (nc *NeuronCell) build(e *env, f *spec.Figure) func(c draw.Canvas) {
	return e.drawScene(f.Title.Src, neuronCellScene(e, nc))
}

// shape is a filled outline of the drawing.
type shape struct {
	pts  []diagram.Point
	fill color.Color
	edge diagram.Pen
}

// cell collects the shapes of the drawing and their bounds.
type cell struct {
	shapes []shape
	bounds diagram.Rect
}

func (c *cell) add(pts []diagram.Point, fill color.Color, edge diagram.Pen) {
	c.shapes = append(c.shapes, shape{pts, fill, edge})
	for _, p := range pts {
		c.bounds = c.bounds.Union(diagram.Rect{Min: p, Max: p.Add(diagram.Pt(1e-9, 1e-9))})
	}
}

func (c *cell) draw(f *diagram.Frame) {
	for _, s := range c.shapes {
		p := polygon(s.pts)
		f.Fill(s.fill, p)
		f.Stroke(s.edge, p)
	}
}

func polygon(pts []diagram.Point) diagram.Path {
	var p diagram.Path
	p.Grow(len(pts) + 1)
	for i, q := range pts {
		if i == 0 {
			p.Move(q)
		} else {
			p.Line(q)
		}
	}
	p.Close()
	return p
}

// bezier is a cubic Bézier segment.
type bezier struct{ p0, c1, c2, p1 diagram.Point }

func (b bezier) at(t float64) diagram.Point { return diagram.CubicAt(b.p0, b.c1, b.c2, b.p1, t) }

func (b bezier) tangent(t float64) diagram.Point {
	d := diagram.CubicTangent(b.p0, b.c1, b.c2, b.p1, t)
	if d.Len() == 0 {
		d = b.p1.Sub(b.p0)
	}
	return d.Unit()
}

// curveTo returns the Bézier from p0 leaving at angle a0 to p1 arriving at
// angle a1, its handles a third of the chord long.
func curveTo(p0 diagram.Point, a0 float64, p1 diagram.Point, a1 float64) bezier {
	l := p1.Sub(p0).Len() / 3
	return bezier{p0, diagram.Polar(p0, l, a0), diagram.Polar(p1, -l, a1), p1}
}

// tube returns the outline of a stroke along b from t0 to t1 whose width
// goes from w0 to w1, with round caps.
func tube(b bezier, t0, t1, w0, w1 float64) []diagram.Point {
	const steps = 28
	left := make([]diagram.Point, 0, steps+1)
	right := make([]diagram.Point, 0, steps+1)
	for i := 0; i <= steps; i++ {
		u := float64(i) / steps
		t := t0 + (t1-t0)*u
		n := b.tangent(t).Normal().Scale((w0 + (w1-w0)*u) / 2)
		p := b.at(t)
		left = append(left, p.Add(n))
		right = append(right, p.Sub(n))
	}
	cap := func(c diagram.Point, dir diagram.Point, r float64) []diagram.Point {
		a := math.Atan2(dir.Y, dir.X)
		var out []diagram.Point
		for i := 1; i < 8; i++ {
			out = append(out, diagram.Polar(c, r, a+math.Pi/2-float64(i)*math.Pi/8))
		}
		return out
	}
	pts := make([]diagram.Point, 0, 2*len(left)+14) // and two caps of 7
	pts = append(pts, left...)
	pts = append(pts, cap(b.at(t1), b.tangent(t1), w1/2)...)
	for i := len(right) - 1; i >= 0; i-- {
		pts = append(pts, right[i])
	}
	pts = append(pts, cap(b.at(t0), b.tangent(t0).Scale(-1), w0/2)...)
	return pts
}

// neuronCellScene lays out the neuron: dendrites branching into the soma,
// the myelinated axon, the terminals, the labels with leader lines and the
// output.
func neuronCellScene(e *env, nc *NeuronCell) *diagram.Scene {
	// Colours of the neuron: a flat cell body with light nucleus, amber myelin.
	var (
		cellCol    = e.th.tint(e.th.palette(0), 0.62)
		nucleusCol = e.th.tint(e.th.palette(0), 0.12)
		myelinCol  = e.th.tint(e.th.palette(5), 0.40)
		myelinEdge = e.th.tint(e.th.palette(5), 0.95)
	)
	s := &diagram.Scene{W: sceneW, H: sceneH}
	rng := rand.New(rand.NewPCG(cellSeed, 0x5eed))
	jit := func(d float64) float64 { return (rng.Float64()*2 - 1) * d }
	soma := diagram.Pt(cellSomaX, cellSomaY)
	c := &cell{}

	// Dendrites: six trunks around the left of the soma, each forking twice.
	var anchorDend diagram.Point
	for i, deg := range []float64{92, 132, 172, 210, 248, 290} {
		a := deg*math.Pi/180 + jit(0.06)
		p0 := diagram.Polar(soma, cellSomaR-8, a)
		a1 := a + jit(0.3)
		p1 := diagram.Polar(p0, 40+jit(6), (a+a1)/2)
		trunk := curveTo(p0, a, p1, a1)
		c.add(tube(trunk, 0, 1, 10, 3.6), cellCol, diagram.Pen{})
		for _, side := range []float64{-1, 1} {
			b0 := a1 + side*(0.42+jit(0.1))
			q := diagram.Polar(p1, 26+jit(5), b0)
			branch := curveTo(p1, a1+side*0.15, q, b0)
			c.add(tube(branch, 0, 1, 3.6, 2), cellCol, diagram.Pen{})
			if i == 1 && side == 1 {
				anchorDend = branch.at(0.55)
			}
			for _, side2 := range []float64{-1, 1} {
				t0 := b0 + side2*(0.38+jit(0.12))
				r := diagram.Polar(q, 15+jit(4), t0)
				c.add(tube(curveTo(q, b0, r, t0), 0, 1, 2, 0.9), cellCol, diagram.Pen{})
			}
		}
	}

	// Output text on the right: it fixes where the terminals end.
	out := e.sceneFont(labelSize+1, false)
	out.XAlign, out.YAlign = text.XRight, text.YCenter
	outSrc, out := e.sceneFit(nc.Output.Src, out, cellOutW)
	outText := s.Text(diagram.Text{At: diagram.Pt(sceneW-4, cellSomaY), Text: outSrc, Style: out})
	outBox := outText.Box()
	outBox.Min.X = max(outBox.Min.X, sceneW-4-cellOutW) // too long is reported
	termEnd := outBox.Min.X - 48
	axonEnd := termEnd - 62

	// Axon: a hillock out of the soma, then a long, gently waving fibre.
	hill := curveTo(diagram.Pt(cellSomaX+cellSomaR-10, cellSomaY), 0, diagram.Pt(cellSomaX+cellSomaR+18, cellSomaY), 0)
	c.add(tube(hill, 0, 1, 18, 5), cellCol, diagram.Pen{})
	axonStart := hill.p1
	axon := bezier{
		axonStart,
		diagram.Pt(axonStart.X+(axonEnd-axonStart.X)/3, cellSomaY+9),
		diagram.Pt(axonStart.X+2*(axonEnd-axonStart.X)/3, cellSomaY-9),
		diagram.Pt(axonEnd, cellSomaY),
	}
	c.add(tube(axon, 0, 1, 5, 4.2), cellCol, diagram.Pen{})

	// Soma over the roots of its processes, with nucleus and nucleolus.
	var body []diagram.Point
	for i := 0; i < 48; i++ {
		a := float64(i) * 2 * math.Pi / 48
		r := cellSomaR * (1 + 0.05*math.Sin(3*a+0.7) + 0.03*math.Cos(5*a))
		body = append(body, diagram.Polar(soma, r, a))
	}
	c.add(body, cellCol, diagram.Pen{})
	nucleus := soma.Add(diagram.Pt(-3, 2))
	c.add(circlePts(nucleus, 11.5), nucleusCol, diagram.Pen{})
	c.add(circlePts(nucleus.Add(diagram.Pt(2.5, 2)), 3.4), e.th.tint(e.th.palette(0), 0.7), diagram.Pen{})

	// Myelin: segments along the axon with gaps (nodes of Ranvier).
	const t0, t1, gapT = 0.06, 0.96, 0.035
	seg := (t1 - t0 - gapT*(cellMyelin-1)) / cellMyelin
	for i := range cellMyelin {
		a := t0 + float64(i)*(seg+gapT)
		c.add(tube(axon, a, a+seg, 12, 12), myelinCol, scenePen(0.9, myelinEdge))
	}

	// Terminals: branches fanning out from the axon's end, each with a bouton.
	var anchorTerm diagram.Point
	for i, dy := range []float64{48, 17, -17, -48} {
		end := diagram.Pt(termEnd-math.Abs(dy)*0.18, cellSomaY+dy+jit(3))
		br := curveTo(axon.p1, 0, end, math.Atan2(dy, 80)*0.4)
		c.add(tube(br, 0, 1, 3.8, 2.2), cellCol, diagram.Pen{})
		c.add(circlePts(end, 5.2), cellCol, diagram.Pen{})
		if i == 3 {
			anchorTerm = br.at(0.6)
		}
	}
	s.Under = append(s.Under, c.draw)
	s.Extra = append(s.Extra, c.bounds)

	// Output: an arrow from the terminals to the text.
	from := s.Node(diagram.Node{Shape: diagram.Dot, At: diagram.Pt(termEnd+10, cellSomaY)})
	to := s.Node(diagram.Node{Shape: diagram.Dot, At: diagram.Pt(outBox.Min.X-6, cellSomaY)})
	s.Edge(diagram.Edge{From: from, To: to, Pen: scenePen(2, e.th.fire)})

	// Labels with leader lines.
	lab := e.sceneFont(labelSize+1, false)
	leader := func(txt string, at diagram.Point, xa text.XAlignment, ya text.YAlignment, anchor diagram.Point) {
		if txt == "" {
			return
		}
		sty := lab
		sty.XAlign, sty.YAlign = xa, ya
		// Room: up to cellLabelW, within the scene on the side(s) the
		// label extends to.
		room := cellLabelW
		if xa == text.XCenter {
			room = min(room, 2*min(at.X, sceneW-at.X))
		} else {
			room = min(room, sceneW-at.X)
		}
		txt, sty = e.sceneFit(txt, sty, room)
		t := s.Text(diagram.Text{At: at, Text: txt, Style: sty})
		box := t.Box()
		// Wrapped, a label hanging toward its anchor below grows up
		// instead, as far as the scene's top.
		first, _, wrapped := strings.Cut(txt, "\n")
		if ya == text.YTop && anchor.Y < at.Y && wrapped {
			one := diagram.TextBox(sty, at, first)
			t.At.Y = math.Min(at.Y+(box.Max.Y-box.Min.Y)-(one.Max.Y-one.Min.Y), sceneH-4)
			box = t.Box()
		}
		// It grows toward its anchor no further than 6 units short of it
		// (else over the cell), or to the scene's edge.
		var tall float64
		switch {
		case ya == text.YTop && anchor.Y < at.Y:
			tall = sceneH - 4 - anchor.Y - 6
		case ya == text.YTop:
			tall = at.Y
		case anchor.Y > at.Y:
			tall = anchor.Y - at.Y - 6
		default:
			tall = sceneH - at.Y
		}
		if h := box.Max.Y - box.Min.Y; h > tall {
			e.tooTall(txt, h*e.scenePx(), tall*e.scenePx())
		}
		// The leader leaves the label's box on the side facing the anchor.
		start := diagram.Pt(math.Max(box.Min.X, math.Min(anchor.X, box.Max.X)), box.Min.Y-3)
		if anchor.Y > box.Max.Y {
			start.Y = box.Max.Y + 3
		}
		s.Under = append(s.Under, func(f *diagram.Frame) {
			f.Line(scenePen(0.9, e.th.grey), start, anchor)
			f.Circle(anchor, 2.2, e.th.ink, diagram.Pen{})
		})
	}
	leader(nc.Dendrites.Src, diagram.Pt(anchorDend.X-34, math.Min(anchorDend.Y+62, sceneH-4)), text.XCenter, text.YTop, anchorDend)
	leader(nc.Body.Src, diagram.Pt(cellSomaX+62, cellSomaY+98), text.XLeft, text.YBottom, soma.Add(diagram.Pt(14, 17)))
	axonMid := axon.at(0.34)
	leader(nc.Axon.Src, diagram.Pt(axonMid.X+16, cellSomaY+62), text.XLeft, text.YBottom, axonMid.Add(diagram.Pt(0, 6)))
	leader(nc.Terminals.Src, diagram.Pt(anchorTerm.X+10, math.Max(anchorTerm.Y-70, 4)), text.XCenter, text.YBottom, anchorTerm)
	return s
}

// circlePts returns a circle as a polygon.
func circlePts(c diagram.Point, r float64) []diagram.Point {
	pts := make([]diagram.Point, 40)
	for i := range pts {
		pts[i] = diagram.Polar(c, r, float64(i)*2*math.Pi/40)
	}
	return pts
}

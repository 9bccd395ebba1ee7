package figures

import (
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"github.com/figgen/figgen/neuron"
	"github.com/figgen/figgen/spec"
)

func init() {
	register[Sigmoid]("sigmoid", "The sigmoid σ(z) = 1/(1+e^(−z)).")
}

// Sigmoid is kind "sigmoid": σ(z) = 1/(1+e^(−z)) (8.png).
type Sigmoid struct {
	spec.Axes    `yaml:",inline"`
	Formula      spec.Text `yaml:"formula"`       // annotation drawn in the plot; empty: none
	MarkMidpoint bool      `yaml:"mark_midpoint"` // dot and guides at (0, 0.5); default true
}

// Fields documents the sigmoid's keys.
func (*Sigmoid) Fields() spec.Fields {
	return spec.Fields{
		"formula":       {Doc: "Formula drawn in the plot; empty for none."},
		"mark_midpoint": {Doc: "Mark (0, 0.5) with a dot and guide lines."},
	}
}

// Default shows the formula and the midpoint over [−6, 6].
func (s *Sigmoid) Default(d *spec.Defaults) {
	s.Axes.Default(d, "$z$", `$\sigma(z)$`, -6, 6)
	spec.Default(d, "formula", &s.Formula, d.NewText(`$\sigma(z)=\dfrac{1}{1+e^{-z}}$`))
	spec.Default(d, "mark_midpoint", &s.MarkMidpoint, true)
	d.Title = `시그모이드 함수 $\sigma(z)$`
	d.Alt = "시그모이드 함수 σ(z) = 1/(1+e^(−z))의 그래프: 0과 1 사이를 잇는 S자 곡선이 (0, 0.5)를 지난다"
}

// Validate has nothing to check across fields.
func (*Sigmoid) Validate(*spec.Check) {}

// build draws σ(z) with its asymptotes, the midpoint (0, 0.5) and the
// formula (8.png).
func (s *Sigmoid) build(e *env, f *spec.Figure) func(c draw.Canvas) {
	p := e.newPlot(f.Title.Src, s.Axes)
	if s.YRange == nil {
		p.Y.Min, p.Y.Max = -0.08, 1.08
		p.Y.Tick.Marker = symbolicTicks{{Value: 0, Label: "$0$"}, {Value: 0.5, Label: "$0.5$"}, {Value: 1, Label: "$1$"}}
	}
	guide := dashed(e.line(0.8, e.th.light), 4, 3)
	p.Add(hline{Y: 0, Line: guide}, hline{Y: 1, Line: guide})
	// The midpoint is marked only where the plot shows it.
	mark := s.MarkMidpoint && p.X.Min < 0 && 0 < p.X.Max && p.Y.Min < 0.5 && 0.5 < p.Y.Max
	if mark {
		dots := dashed(e.line(0.8, e.th.grey), 2, 3)
		p.Add(
			segment{A: [2]float64{p.X.Min, 0.5}, B: [2]float64{0, 0.5}, Line: dots},
			segment{A: [2]float64{0, p.Y.Min}, B: [2]float64{0, 0.5}, Line: dots},
		)
	}
	p.Add(curve{F: neuron.Sigmoid, Line: e.line(2.2, e.th.palette(0)), Bg: e.th.bg, Track: e.track("the curve σ(z)", "")})
	if mark {
		p.Add(marker{At: [2]float64{0, 0.5}, R: e.len(4), Color: e.th.palette(0)})
	}
	if s.Formula.Src != "" {
		// Top left, where the curve is low, unless the range shows only its
		// high side: then bottom right. A long formula wraps in that half
		// of the plot, where the curve keeps to the other side.
		sty := e.font(noteSize+2, false)
		n := note{e: e, At: [2]float64{p.X.Min, p.Y.Max}, Off: vg.Point{X: e.len(14), Y: -e.len(14)}, Text: s.Formula.Src, Style: sty, YAlign: text.YTop, Field: "formula", Share: 0.5}
		if neuron.Sigmoid(p.X.Min) >= 0.5 {
			n = note{e: e, At: [2]float64{p.X.Max, p.Y.Min}, Off: vg.Point{X: -e.len(14), Y: e.len(14)}, Text: s.Formula.Src, Style: sty, XAlign: text.XRight, YAlign: text.YBottom, Field: "formula", Share: 0.5}
		}
		p.Add(n)
	}
	return e.drawPlot(p)
}

// marker is a plotter drawing one filled dot at a data point.
type marker struct {
	At    [2]float64
	R     vg.Length
	Color colorT
}

func (m marker) Plot(c draw.Canvas, p *plot.Plot) {
	tx, ty := p.Transforms(&c)
	closedDot(c, vg.Point{X: tx(m.At[0]), Y: ty(m.At[1])}, m.R, m.Color)
}

// note is a plotter drawing rich text anchored at a data point plus an
// offset in canvas units.
type note struct {
	e      *env
	At     [2]float64
	Off    vg.Point
	Text   string
	Style  text.Style
	XAlign text.XAlignment
	YAlign text.YAlignment
	Field  string  // the field of Text: its box may hide no curve; "" for none
	Share  float64 // of the plot's width Text may take; 0 for all of it
}

func (n note) Plot(c draw.Canvas, p *plot.Plot) {
	tx, ty := p.Transforms(&c)
	sty := n.Style
	var txt string
	sty.XAlign, sty.YAlign = n.XAlign, n.YAlign
	room := c.Max.X - c.Min.X
	if n.Share > 0 {
		room *= vg.Length(n.Share)
	}
	txt, sty = n.e.fit(n.Text, sty, room-2*max(n.Off.X, -n.Off.X), toPx(1))
	pt := vg.Point{X: tx(n.At[0]) + n.Off.X, Y: ty(n.At[1]) + n.Off.Y}
	if n.Field != "" {
		n.e.cover(sty.Rectangle(txt).Add(pt), "the "+n.Field, n.Field, "shorten it, or make the figure larger")
	}
	c.FillText(sty, pt, txt)
}

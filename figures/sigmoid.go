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

	plot expansion
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

// expand draws σ(z) as a plot (8.png): the asymptotes y = 0 and y = 1
// as guides, the midpoint (0, 0.5) marked with dotted guides to the axes,
// and the formula in a corner.
func (s *Sigmoid) expand(*spec.Figure) *Plot {
	p := &Plot{Axes: s.Axes, Legend: "none"}
	x0, x1 := s.XRange.Min, s.XRange.Max
	y0, y1 := -0.08, 1.08
	if s.YRange == nil {
		p.YRange = &spec.Range{Min: y0, Max: y1}
		p.YTicks = []Tick{{At: 0}, {At: 0.5}, {At: 1}}
	} else {
		y0, y1 = s.YRange.Min, s.YRange.Max
	}
	p.Layers = []PlotLayer{{kind: "hline", HLine: 0, Style: guideStyle, from: guide}, {kind: "hline", HLine: 1, Style: guideStyle, from: guide}}
	// The midpoint is marked only where the plot shows it.
	mark := s.MarkMidpoint && x0 < 0 && 0 < x1 && y0 < 0.5 && 0.5 < y1
	if mark {
		p.Layers = append(p.Layers,
			PlotLayer{kind: "points", Points: [][2]float64{{x0, 0.5}, {0, 0.5}}, Mode: "line", Style: dotStyle, from: guide},
			PlotLayer{kind: "points", Points: [][2]float64{{0, y0}, {0, 0.5}}, Mode: "line", Style: dotStyle, from: guide})
	}
	p.Layers = append(p.Layers, PlotLayer{kind: "function", Function: spec.Code{Src: "sigmoid(z)"}, Var: "z", from: &presetOrigin{what: "the curve σ(z)"}})
	if mark {
		p.Layers = append(p.Layers, PlotLayer{kind: "points", Points: [][2]float64{{0, 0.5}}, Style: Style{Color: "0"}, from: guide})
	}
	if s.Formula.Src != "" {
		// Top left, where the curve is low, unless the range shows only its
		// high side: then bottom right.
		formula := PlotLayer{kind: "text", Text: s.Formula, At: [2]float64{x0, y1}, Anchor: "below-right", Size: noteSize + 2, from: &presetOrigin{path: "formula"}}
		if neuron.Sigmoid(x0) >= 0.5 {
			formula.At, formula.Anchor = [2]float64{x1, y0}, "above-left"
		}
		p.Layers = append(p.Layers, formula)
	}
	return p
}

func (s *Sigmoid) build(e *env, f *spec.Figure) func(c draw.Canvas) {
	return buildPreset(e, f, &s.plot)
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

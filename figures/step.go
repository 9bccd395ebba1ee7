package figures

import (
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg/draw"

	"github.com/figgen/figgen/spec"
)

func init() {
	register[Step]("step", "The unit step u(z), or with threshold_label the reaction-condition graph.")
}

// Step is kind "step": the unit step u(z) (6.png) or, with a symbolic
// threshold, the reaction-condition graph (5.png). y = 1 from Threshold on
// (closed dot at the top), y = 0 below it (open dot).
type Step struct {
	spec.Axes      `yaml:",inline"`
	Threshold      float64   `yaml:"threshold"`       // where the jump is; default 0
	ThresholdLabel spec.Text `yaml:"threshold_label"` // when set, the x axis shows only this tick, at Threshold (e.g. $\theta$)

	plot expansion
}

// Fields documents the step's keys.
func (*Step) Fields() spec.Fields {
	return spec.Fields{
		"x_range":         {Doc: "Range of the x axis as [min, max]" + spec.RangeNote + ", threshold strictly inside; default [threshold − 3, threshold + 3].", NoDefault: true},
		"threshold":       {Doc: "Where the step jumps from 0 to 1."},
		"threshold_label": {Doc: `When set, the x axis shows only this tick, at threshold (e.g. $\theta$).`},
	}
}

// Default centres the x range on the threshold.
func (s *Step) Default(d *spec.Defaults) {
	s.Axes.Default(d, "$z$", "$u(z)$", s.Threshold-3, s.Threshold+3)
	d.Title = "단위 계단 함수 $u(z)$"
	d.Alt = "단위 계단 함수 u(z)의 그래프: z < 0이면 0, z ≥ 0이면 1"
	if s.ThresholdLabel.Src != "" {
		d.Alt = "반응 조건 그래프: 입력의 가중합이 θ보다 작으면 y = 0, θ 이상이면 y = 1"
	}
}

// Validate wants the threshold strictly inside the x range.
func (s *Step) Validate(c *spec.Check) {
	switch {
	case c.Set("x_range"):
		if r := s.XRange; c.Spans("threshold") && !(r.Min < s.Threshold && s.Threshold < r.Max) {
			at := c.Pos("x_range")
			c.ErrorAt(at, "x_range [%s, %s] does not contain threshold %s%s", proseNum(r.Min), proseNum(r.Max), proseNum(s.Threshold),
				c.Origin(at, "threshold", "threshold "+proseNum(s.Threshold)))
		}
	case c.Bad("x_range"):
		// reported: the default x_range does not apply
	case c.Spans("x_range") && (spec.Range{Min: s.Threshold - 3, Max: s.Threshold + 3}).Problem() != "":
		c.Errorf("threshold", "threshold %s is too far from 0 for the default x_range [threshold − 3, threshold + 3]; set x_range", proseNum(s.Threshold))
	}
}

// expand draws the unit step u(z − θ) as a plot: 6.png with the
// defaults, the reaction-condition graph (5.png) with a symbolic
// threshold tick. The guides: y = 1 dashed, z = θ dotted up to it.
func (s *Step) expand(*spec.Figure) *Plot {
	theta := s.Threshold
	p := &Plot{Axes: s.Axes, Legend: "none", Params: map[string]float64{"theta": theta}}
	if s.YRange == nil {
		p.YRange = &spec.Range{Min: -0.15, Max: 1.2}
		p.YTicks = []Tick{{At: 0}, {At: 1}}
	}
	if s.ThresholdLabel.Src != "" {
		p.XTicks = []Tick{{At: theta, Label: s.ThresholdLabel}}
	}
	p.Layers = []PlotLayer{
		{kind: "hline", HLine: 1, Style: guideStyle, from: guide},
		{kind: "points", Points: [][2]float64{{theta, 0}, {theta, 1}}, Mode: "line", Style: dotStyle, from: guide},
		{kind: "function", Function: spec.Code{Src: "step(z - theta)"}, Var: "z", Jumps: "dots", from: &presetOrigin{what: "the step u(z)"}},
	}
	return p
}

// The guides of the presets: a faint dashed line across the plot (an
// hline's line is 0.4 of its width), a grey dotted one between points.
var (
	guideStyle = Style{Color: "light", Width: 2, Dash: true}
	dotStyle   = Style{Color: "grey", Width: 0.8, Dotted: true}
	guide      = &presetOrigin{guide: true}
)

func (s *Step) build(e *env, f *spec.Figure) func(c draw.Canvas) { return buildPreset(e, f, &s.plot) }

// shifted returns xs moved by d.
func shifted(xs []float64, d float64) []float64 {
	out := make([]float64, len(xs))
	for i, x := range xs {
		out[i] = x + d
	}
	return out
}

var _ plot.Plotter = curve{}

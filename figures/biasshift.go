package figures

import (
	"fmt"
	"math"
	"sort"
	"strings"

	"gonum.org/v1/plot/vg/draw"

	"github.com/figgen/figgen/neuron"
	"github.com/figgen/figgen/spec"
)

func init() {
	register[BiasShift]("bias-shift", "Curves a(z + b), one per bias b, with a legend.")
}

// maxBiases is the most curves of a bias-shift.
const maxBiases = 8

// BiasShift is kind "bias-shift": a(z + b) for each b of Biases, one curve
// each, with a legend (10.png).
type BiasShift struct {
	spec.Axes  `yaml:",inline"`
	Activation string    `yaml:"activation"` // one of neuron.Activations; default sigmoid
	Biases     []float64 `yaml:"biases"`     // default [-2, 0, 2]
	Legend     string    `yaml:"legend"`     // a corner, or auto (default): the first of legendCorners that hides no curve
}

// legendCorners are the corners tried, in order, for a legend in corner
// auto: the curves rise from left to right, so the bottom right and the
// top left are the likely free ones.
var legendCorners = []string{"bottom-right", "top-left", "top-right", "bottom-left"}

// corners are the places of a legend inside the plot.
var corners = []string{"top-left", "top-right", "bottom-left", "bottom-right"}

// autoCorner lets figgen choose the legend's corner.
const autoCorner = "auto"

// Fields documents the bias shift's keys.
func (*BiasShift) Fields() spec.Fields {
	return spec.Fields{
		"title":      {NoDefault: true},
		"y_label":    {Doc: "Label of the y axis; default a(z+b) with the activation's symbol.", NoDefault: true},
		"activation": {Doc: "Activation a of the curves a(z + b).", Enum: neuron.ActivationNames()},
		"biases":     {Doc: "Bias b of each curve, one curve each: distinct, each within ±1e9.", Items: [2]int{1, maxBiases}, Unique: true, Noun: "values"},
		"biases[]":   {Within: [2]float64{-spec.MaxCoord, spec.MaxCoord}, What: "bias"},
		"legend":     {Doc: "Corner of the legend; auto: the first of bottom-right, top-left, top-right, bottom-left where it hides no curve.", Enum: append([]string{autoCorner}, corners...)},
	}
}

// notation is how the figures write each activation of neuron: its symbol
// in math and its name in Korean prose.
var notation = map[string]struct{ symbol, name string }{
	"identity": {`\mathrm{id}`, "항등 함수"},
	"relu":     {`\mathrm{ReLU}`, "ReLU"},
	"sigmoid":  {`\sigma`, "시그모이드"},
	"step":     {"u", "계단 함수"},
	"tanh":     {`\tanh`, "tanh"},
}

// Default draws the sigmoid for b = −2, 0, 2.
func (s *BiasShift) Default(d *spec.Defaults) {
	spec.Default(d, "activation", &s.Activation, "sigmoid")
	spec.Default(d, "biases", &s.Biases, []float64{-2, 0, 2})
	spec.Default(d, "legend", &s.Legend, autoCorner)
	a, ok := notation[s.Activation]
	if !ok {
		a = notation["sigmoid"] // an unknown activation is reported by Validate
	}
	s.Axes.Default(d, "$z$", "$"+a.symbol+"(z+b)$", -8, 8)
	d.Title = "편향 $b$에 따른 " + a.name + "의 이동"
	d.Alt = fmt.Sprintf("편향 b의 값(%s)마다 하나씩 그린 %s 곡선: b가 커지면 왼쪽으로, 작아지면 오른쪽으로 이동한다", proseNums(s.Biases), a.name)
}

// Validate has nothing to check across fields.
func (*BiasShift) Validate(*spec.Check) {}

// biasLegend is the legend text of the curve of bias b: "$b = -2$".
func biasLegend(b float64) string { return "$b = " + mathNum(b) + "$" }

// proseNums writes xs for an alt text: "-2, 0, 1.5 × 10⁻⁷".
func proseNums(xs []float64) string {
	s := make([]string, len(xs))
	for i, x := range xs {
		s[i] = proseNum(x)
	}
	return strings.Join(s, ", ")
}

// build draws a(z + b) for each bias b, one colour each, with a
// legend (10.png): a positive bias moves the curve left, a negative right.
func (s *BiasShift) build(e *env, f *spec.Figure) func(c draw.Canvas) {
	a, _ := neuron.Lookup(s.Activation)
	act := a.F
	p := e.newPlot(f.Title.Src, s.Axes)
	if a.Unit {
		// Outputs between 0 and 1: show the bounds as guides.
		if s.YRange == nil {
			p.Y.Min, p.Y.Max = -0.08, 1.08
			p.Y.Tick.Marker = symbolicTicks{{Value: 0, Label: "$0$"}, {Value: 0.5, Label: "$0.5$"}, {Value: 1, Label: "$1$"}}
		}
		guide := dashed(e.line(0.8, e.th.light), 4, 3)
		p.Add(hline{Y: 0, Line: guide}, hline{Y: 1, Line: guide})
	} else if s.YRange == nil {
		// Unbounded or other ranges (relu, tanh): fit the curves, with air.
		lo, hi := curvesRange(act, s.Biases, p.X.Min, p.X.Max)
		pad := 0.06 * (hi - lo)
		p.Y.Min, p.Y.Max = lo-pad, hi+pad
	}
	for i, b := range s.Biases {
		p.Add(curve{
			F:     func(z float64) float64 { return act(z + b) },
			Jumps: shifted(a.Jumps, -b),
			Line:  e.line(2.2, e.th.palette(i)),
			Bg:    e.th.bg,
			Dot:   e.len(4),
			Track: e.track("the curve for b = "+proseNum(b), ""),
		})
	}
	p.Add(s.legend(e))
	return e.drawPlot(p)
}

// legend keys the curves top to bottom as they stand: by bias, largest
// first. Every activation of neuron is non-decreasing, so where b > b′
// a(z + b) ≥ a(z + b′) at every z: the curve of the larger bias is never
// below the other's, and this order is the curves' vertical order
// wherever one looks, whatever the x range. Colours follow the spec's
// order of biases.
func (s *BiasShift) legend(e *env) legendBox {
	l := e.newLegendBox(s.Legend)
	if s.Legend == autoCorner {
		a, _ := neuron.Lookup(s.Activation)
		for _, b := range s.Biases {
			l.Avoid = append(l.Avoid, func(z float64) float64 { return a.F(z + b) })
		}
		l.Corners = legendCorners
	}
	for _, i := range s.order() {
		l.Entries = append(l.Entries, legendEntry{
			Label: biasLegend(s.Biases[i]),
			Line:  e.line(2.2, e.th.palette(i)),
		})
	}
	return l
}

// order returns the indices of Biases from the largest bias to the least.
func (s *BiasShift) order() []int {
	idx := make([]int, len(s.Biases))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool { return s.Biases[idx[a]] > s.Biases[idx[b]] })
	return idx
}

// curvesRange returns the least and greatest value of a(z + b) over
// z ∈ [lo, hi] for every b, sampled.
func curvesRange(a neuron.Activation, biases []float64, lo, hi float64) (min, max float64) {
	const n = 200
	min, max = math.Inf(1), math.Inf(-1)
	for _, b := range biases {
		for i := 0; i <= n; i++ {
			y := a(lo + (hi-lo)*float64(i)/n + b)
			min, max = math.Min(min, y), math.Max(max, y)
		}
	}
	if !(max > min) {
		min, max = min-1, max+1
	}
	return min, max
}

package figures

import (
	"fmt"
	"math"
	"slices"
	"sort"
	"strconv"
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

	plot expansion
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

// proseNums writes xs for an alt text: "-2, 0, 1.5 × 10⁻⁷".
func proseNums(xs []float64) string {
	s := make([]string, len(xs))
	for i, x := range xs {
		s[i] = proseNum(x)
	}
	return strings.Join(s, ", ")
}

// expand draws a(z + b) for each bias b as a plot (10.png): one function
// layer repeated by for_each, one palette colour per bias in the spec's
// order; a positive bias moves the curve left, a negative right. A unit
// activation (sigmoid, step) shows its bounds 0 and 1 as guides and only
// their ticks; any other fits the y range to the curves, written out.
func (s *BiasShift) expand(*spec.Figure) *Plot {
	a, _ := neuron.Lookup(s.Activation)
	p := &Plot{Axes: s.Axes, Legend: s.Legend}
	if o := s.order(); !slices.IsSorted(o) {
		p.Order = o
	}
	if a.Unit {
		if s.YRange == nil {
			p.YRange = &spec.Range{Min: -0.08, Max: 1.08}
			p.YTicks = []Tick{{At: 0}, {At: 0.5}, {At: 1}}
		}
		p.Layers = []PlotLayer{{kind: "hline", HLine: 0, Style: guideStyle, from: guide}, {kind: "hline", HLine: 1, Style: guideStyle, from: guide}}
	} else if s.YRange == nil {
		// Unbounded or other ranges (relu, tanh): fit the curves, with air,
		// the ends rounded outwards to a hundredth of the span's power of
		// ten (an author reads [-1.12, 1.12], not -1.119999986294474).
		lo, hi := curvesRange(a.F, s.Biases, s.XRange.Min, s.XRange.Max)
		pad := 0.06 * (hi - lo)
		u := math.Pow(10, math.Floor(math.Log10(hi-lo+2*pad))-2)
		p.YRange = &spec.Range{Min: roundTo(math.Floor((lo-pad)/u), u), Max: roundTo(math.Ceil((hi+pad)/u), u)}
	}
	curves := PlotLayer{kind: "function", Function: spec.Code{Src: formulaOf[s.Activation] + "(z + b)"}, Var: "z",
		ForEach: map[string][]float64{"b": s.Biases}, Label: spec.Text{Src: "$b = {b}$"}, from: &presetOrigin{what: "the curve for b = {b}"}}
	if s.Activation == "identity" {
		curves.Function.Src = "z + b"
	}
	if len(a.Jumps) > 0 {
		curves.Jumps, curves.Style.Radius = "dots", 4
	}
	p.Layers = append(p.Layers, curves)
	return p
}

// formulaOf is the function of the plot's formulas that is each
// activation of neuron (identity has none: z itself).
var formulaOf = map[string]string{"relu": "relu", "sigmoid": "sigmoid", "step": "step", "tanh": "tanh"}

func (s *BiasShift) build(e *env, f *spec.Figure) func(c draw.Canvas) {
	return buildPreset(e, f, &s.plot)
}

// order returns the legend's order: the curves top to bottom as they
// stand, by bias, largest first (the indices of Biases). Every activation
// of neuron is non-decreasing, so where b > b′ a(z + b) ≥ a(z + b′) at
// every z: the curve of the larger bias is never below the other's, and
// this order is the curves' vertical order wherever one looks, whatever
// the x range. Colours follow the spec's order of biases.
func (s *BiasShift) order() []int {
	idx := make([]int, len(s.Biases))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool { return s.Biases[idx[a]] > s.Biases[idx[b]] })
	return idx
}

// roundTo returns n × u as the shortest decimal of it: n × 0.01 is 1.12,
// not 1.1200000000000001.
func roundTo(n, u float64) float64 {
	v, err := strconv.ParseFloat(strconv.FormatFloat(n*u, 'g', 12, 64), 64)
	if err != nil {
		return n * u
	}
	return v
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

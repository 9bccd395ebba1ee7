package figures

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"gonum.org/v1/plot/vg/draw"

	"github.com/figgen/figgen/neuron"
	"github.com/figgen/figgen/spec"
)

// buildBiasShift draws a(z + b) for each bias b, one colour each, with a
// legend (10.png): a positive bias moves the curve left, a negative right.
func buildBiasShift(e *env, f *spec.Figure) (func(c draw.Canvas), error) {
	s := f.BiasShift
	act, ok := neuron.ActivationByName(s.Activation)
	if !ok {
		return nil, spec.Errorf(f.PosOf("activation"), "unknown activation %q", s.Activation)
	}
	p := e.newPlot(f.Title.Src, s.Axes)
	if bounded := s.Activation == "sigmoid" || s.Activation == "step"; bounded {
		// Outputs between 0 and 1: show the bounds as guides.
		if s.YRange == nil {
			p.Y.Min, p.Y.Max = -0.08, 1.08
			p.Y.Tick.Marker = symbolicTicks{{Value: 0, Label: "$0$"}, {Value: 0.5, Label: "$0.5$"}, {Value: 1, Label: "$1$"}}
		}
		guide := dashed(e.line(0.8, light), 4, 3)
		p.Add(hline{Y: 0, Line: guide}, hline{Y: 1, Line: guide})
	} else if s.YRange == nil {
		// Unbounded or other ranges (relu, tanh): fit the curves, with air.
		lo, hi := curvesRange(act, s.Biases, p.X.Min, p.X.Max)
		pad := 0.06 * (hi - lo)
		p.Y.Min, p.Y.Max = lo-pad, hi+pad
	}
	for i, b := range s.Biases {
		cv := curve{
			F:     func(z float64) float64 { return act(z + b) },
			Jumps: shifted(neuron.Jumps(s.Activation), -b),
			Line:  e.line(2.2, palette(i)),
			Dot:   e.len(4),
		}
		p.Add(cv)
		p.Legend.Add(fmt.Sprintf("$b = %s$", mathValue(b)), cv)
	}
	p.Legend.ThumbnailWidth = e.len(28)
	p.Legend.Padding = e.len(4)
	switch s.Legend {
	case "top-left":
		p.Legend.Top, p.Legend.Left = true, true
	case "top-right":
		p.Legend.Top = true
	case "bottom-left":
		p.Legend.Left = true
	}
	p.Legend.XOffs, p.Legend.YOffs = -e.len(12), e.len(12)
	if p.Legend.Left {
		p.Legend.XOffs = e.len(12)
	}
	if p.Legend.Top {
		p.Legend.YOffs = -e.len(12)
	}
	return e.drawPlot(p), nil
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

// mathValue writes v as math source, exactly: plain decimals for everyday
// magnitudes, m \times 10^{e} for very large or small ones.
func mathValue(v float64) string {
	if a := math.Abs(v); a != 0 && (a >= 1e6 || a < 1e-4) {
		m, e, _ := strings.Cut(strconv.FormatFloat(v, 'e', -1, 64), "e")
		exp, _ := strconv.Atoi(e)
		return fmt.Sprintf("%s \\times 10^{%d}", m, exp)
	}
	return strconv.FormatFloat(v, 'f', -1, 64)
}

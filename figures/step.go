package figures

import (
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg/draw"

	"github.com/figgen/figgen/neuron"
	"github.com/figgen/figgen/spec"
)

// buildStep draws the unit step u(z − threshold): 6.png with the defaults,
// the reaction-condition graph (5.png) with a symbolic threshold tick.
func buildStep(e *env, f *spec.Figure) (func(c draw.Canvas), error) {
	s := f.Step
	p := e.newPlot(f.Title.Src, s.Axes)
	if s.YRange == nil {
		p.Y.Min, p.Y.Max = -0.15, 1.2
		p.Y.Tick.Marker = symbolicTicks{{Value: 0, Label: "$0$"}, {Value: 1, Label: "$1$"}}
	}
	if s.ThresholdLabel.Src != "" {
		p.X.Tick.Marker = symbolicTicks{{Value: s.Threshold, Label: s.ThresholdLabel.Src}}
	}
	theta := s.Threshold
	p.Add(
		hline{Y: 1, Line: dashed(e.line(0.8, light), 4, 3)},
		segment{A: [2]float64{theta, 0}, B: [2]float64{theta, 1}, Line: dashed(e.line(0.8, grey), 2, 3)},
		curve{
			F:     func(x float64) float64 { return neuron.Step(x - theta) },
			Jumps: shifted(neuron.Jumps("step"), theta),
			Line:  e.line(2.2, palette(0)),
			Dot:   e.len(4.5),
		},
	)
	return e.drawPlot(p), nil
}

// shifted returns xs moved by d.
func shifted(xs []float64, d float64) []float64 {
	out := make([]float64, len(xs))
	for i, x := range xs {
		out[i] = x + d
	}
	return out
}

var _ plot.Plotter = curve{}

package figures

import (
	"fmt"
	"image/color"
	"math"
	"strconv"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"github.com/figgen/figgen/neuron"
	"github.com/figgen/figgen/spec"
)

// buildThresholdPlane draws the geometric view of the reaction condition:
// w·x = θ splits the inputs into fire and no fire. Two weights give a line
// over the (x₁, x₂) square, three a plane cutting the unit cube.
func buildThresholdPlane(e *env, f *spec.Figure) (func(c draw.Canvas), error) {
	s := f.ThresholdPlane
	switch len(s.Weights) {
	case 2:
		return buildPlane2(e, f, s)
	case 3:
		return buildPlane3(e, f, s)
	}
	return nil, spec.Errorf(f.PosOf("weights"), "threshold-plane needs 2 or 3 weights, got %d", len(s.Weights))
}

func buildPlane2(e *env, f *spec.Figure, s *spec.ThresholdPlane) (func(c draw.Canvas), error) {
	w := [2]float64{s.Weights[0], s.Weights[1]}
	p := e.newPlot(f.Title.Src, s.Axes)
	box := neuron.Box2{X0: -0.25, X1: 1.25, Y0: -0.25, Y1: 1.25}
	if s.XRange != nil {
		box.X0, box.X1 = s.XRange.Min, s.XRange.Max
	}
	if s.YRange != nil {
		box.Y0, box.Y1 = s.YRange.Min, s.YRange.Max
	}
	p.X.Min, p.X.Max = box.X0, box.X1
	p.Y.Min, p.Y.Max = box.Y0, box.Y1
	ticks := symbolicTicks{{Value: 0, Label: "$0$"}, {Value: 1, Label: "$1$"}}
	if s.XRange == nil {
		p.X.Tick.Marker = ticks
	}
	if s.YRange == nil {
		p.Y.Tick.Marker = ticks
	}
	p.Add(region{Poly: neuron.FiringRegion(w, s.Threshold, box), Color: shade})
	if a, b, ok := neuron.BoundarySegment(w, s.Threshold, box); ok {
		p.Add(segment{A: a, B: b, Line: e.line(2, fireCol)})
		eq := fmt.Sprintf("$%s = %s$", weightedSum(s.Weights), num(s.Threshold))
		p.Add(lineNote(e, a, b, eq))
	}
	unit := neuron.NewUnit(s.Weights, s.Threshold)
	fire, cold := pointSet{R: e.len(6), Fill: fireCol}, pointSet{R: e.len(6), Ring: e.line(2, coldCol)}
	for _, x := range neuron.Corners(2) {
		if ok, _ := unit.Fires(x); ok {
			fire.Pts = append(fire.Pts, [2]float64{x[0], x[1]})
		} else {
			cold.Pts = append(cold.Pts, [2]float64{x[0], x[1]})
		}
	}
	p.Add(fire, cold)
	p.Legend.Add(s.Fire.Src, fire)
	p.Legend.Add(s.NoFire.Src, cold)
	p.Legend.Top = true
	p.Legend.XOffs, p.Legend.YOffs = -e.len(8), -e.len(8)
	p.Legend.ThumbnailWidth = e.len(16)
	return func(c draw.Canvas) {
		// Keep the square square: give the plot a canvas whose data area
		// is about as wide as it is high.
		side := c.Max.Y - c.Min.Y
		extra := e.len(70) // room for the y label and ticks
		if w := c.Max.X - c.Min.X; side+extra < w {
			mid := (c.Min.X + c.Max.X) / 2
			c = draw.Crop(c, mid-(side+extra)/2-c.Min.X, mid+(side+extra)/2-c.Max.X, 0, 0)
		}
		p.Draw(c)
	}, nil
}

// weightedSum writes w·x as math with the actual weights: "x_1 + 2x_2".
func weightedSum(w []float64) string {
	out := ""
	for i, wi := range w {
		if wi == 0 {
			continue
		}
		term := fmt.Sprintf("x_%d", i+1)
		coef := num(math.Abs(wi))
		if math.Abs(wi) != 1 {
			term = coef + term
		}
		switch {
		case out == "" && wi < 0:
			out = "-" + term
		case out == "":
			out = term
		case wi < 0:
			out += " - " + term
		default:
			out += " + " + term
		}
	}
	if out == "" {
		out = "0"
	}
	return out
}

func num(v float64) string { return strconv.FormatFloat(v, 'g', 4, 64) }

// lineNote labels the boundary line near its upper end, just off the line.
func lineNote(e *env, a, b [2]float64, s string) note {
	if a[1] < b[1] {
		a, b = b, a
	}
	at := [2]float64{a[0] + 0.15*(b[0]-a[0]), a[1] + 0.15*(b[1]-a[1])}
	sty := e.font(noteSize, false)
	return note{At: at, Off: vg.Point{X: e.len(8), Y: 0}, Text: s, Style: sty, YAlign: text.YCenter}
}

// region fills a polygon given in data coordinates.
type region struct {
	Poly  [][2]float64
	Color color.Color
}

func (r region) Plot(c draw.Canvas, p *plot.Plot) {
	if len(r.Poly) < 3 {
		return
	}
	tx, ty := p.Transforms(&c)
	var path vg.Path
	for i, q := range r.Poly {
		pt := vg.Point{X: tx(q[0]), Y: ty(q[1])}
		if i == 0 {
			path.Move(pt)
		} else {
			path.Line(pt)
		}
	}
	path.Close()
	c.SetColor(r.Color)
	c.Fill(path)
}

// pointSet marks points as filled discs (Fill) or rings (Ring).
type pointSet struct {
	Pts  [][2]float64
	R    vg.Length
	Fill color.Color
	Ring draw.LineStyle
}

func (s pointSet) Plot(c draw.Canvas, p *plot.Plot) {
	tx, ty := p.Transforms(&c)
	for _, q := range s.Pts {
		s.mark(c, vg.Point{X: tx(q[0]), Y: ty(q[1])})
	}
}

func (s pointSet) mark(c draw.Canvas, at vg.Point) {
	if s.Fill != nil {
		closedDot(c, at, s.R, s.Fill)
		return
	}
	openDot(c, at, s.R, s.Ring)
}

// Thumbnail draws the set's legend entry.
func (s pointSet) Thumbnail(c *draw.Canvas) { s.mark(*c, c.Center()) }

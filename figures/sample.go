package figures

import (
	"math"
	"strconv"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg/draw"
)

// Adaptive sampling of y = f(x) for drawing. It lives here, not in
// neuron, because its tolerances are lengths on the canvas: a curve is
// refined until every chord is within a fraction of a point of the
// curve, and a jump is a step the canvas can show.

// A sampled curve: pieces of polyline (data coordinates) and the jumps
// between them.
type sampled struct {
	pieces [][][2]float64
	jumps  []jumpAt
}

// jumpAt is a jump of a function: at X it takes At; the other side's
// limit is Other.
type jumpAt struct {
	X, At, Other float64
}

const (
	sampleDepth  = 16      // halvings of an initial interval
	sampleBudget = 200_000 // evaluations of one curve at most
)

// sampler holds what one sampling needs.
type sampler struct {
	f        func(float64) float64
	xOf      func(t float64) float64 // t in [0, 1] of the domain → x
	ty       func(float64) float64   // y → canvas y (points), for tolerances
	tol      float64                 // points a chord may stray from the curve
	evals    int
	out      sampled
	cur      [][2]float64
	yLo, yHi float64 // the plot's y range (canvas units)
}

// onGrid rounds a canvas length (points) onto a grid of 1/4096 pt, so
// that the sampler's comparisons of canvas distances are exact: equal
// lengths compare equal however their last bits were computed.
func onGrid(v float64) float64 { return math.Round(v*4096) / 4096 }

// canvasY returns the canvas y (points) of a data y as the plot's own
// transform does, but with the product rounded (no fused multiply-add,
// doc.go): the sampler decides from it.
func canvasY(c draw.Canvas, p *plot.Plot) func(float64) float64 {
	lo, h := float64(c.Min.Y), float64(c.Max.Y-c.Min.Y)
	return func(y float64) float64 { return lo + float64(p.Y.Norm(y)*h) }
}

func finite(y float64) bool { return !math.IsNaN(y) && !math.IsInf(y, 0) }

// sampleCurve samples f over [a, b] from n evenly spread points (in the
// axis's scale: log spreads them over log x), halving each interval where
// the curve bends more than tol points from its chord. A step the halving
// cannot close is located to the last bit by bisection: a jump where both
// sides have finite limits on the canvas, a pole (the line is broken,
// no dots) where a side runs off it. Where f has no value (NaN, ±Inf) the
// line breaks.
func sampleCurve(f func(float64) float64, a, b float64, n int, logX bool, ty func(float64) float64, tol, yLo, yHi float64) sampled {
	s := &sampler{f: f, ty: func(y float64) float64 { return onGrid(ty(y)) }, tol: tol, yLo: yLo, yHi: yHi}
	// float64(…) rounds the product: no fused multiply-add (doc.go).
	s.xOf = func(t float64) float64 { return a + float64((b-a)*t) }
	if logX {
		la, lb := math.Log(a), math.Log(b)
		s.xOf = func(t float64) float64 { return math.Exp(la + float64((lb-la)*t)) }
	}
	t0, x0 := 0.0, a
	y0 := s.eval(x0)
	s.point(x0, y0)
	for i := 1; i <= n; i++ {
		t1 := float64(i) / float64(n)
		x1 := s.xOf(t1)
		if i == n {
			x1 = b
		}
		y1 := s.eval(x1)
		s.refine(t0, x0, y0, t1, x1, y1, 0)
		t0, x0, y0 = t1, x1, y1
	}
	s.flush()
	return s.out
}

func (s *sampler) eval(x float64) float64 {
	s.evals++
	return s.f(x)
}

// point appends (x, y) to the current piece, or ends it when y has no
// value.
func (s *sampler) point(x, y float64) {
	if !finite(y) {
		s.flush()
		return
	}
	s.cur = append(s.cur, [2]float64{x, y})
}

func (s *sampler) flush() {
	if len(s.cur) > 0 {
		s.out.pieces = append(s.out.pieces, s.cur)
		s.cur = nil
	}
}

// refine draws the interval from (x0, y0), drawn already, to (x1, y1).
func (s *sampler) refine(t0, x0, y0, t1, x1, y1 float64, depth int) {
	tm := (t0 + t1) / 2
	xm := s.xOf(tm)
	if s.evals > sampleBudget || xm <= x0 || xm >= x1 {
		s.point(x1, y1)
		return
	}
	ym := s.eval(xm)
	f0, f1, fm := finite(y0), finite(y1), finite(ym)
	if f0 && f1 && fm {
		c0, c1, cm := s.ty(y0), s.ty(y1), s.ty(ym)
		if math.Abs(cm-(c0+c1)/2) <= s.tol && math.Abs(c1-c0) <= 64*s.tol {
			s.point(x1, y1)
			return
		}
	} else if !f0 && !f1 && !fm {
		s.point(x1, y1)
		return
	}
	if depth >= sampleDepth {
		if f0 && f1 && math.Abs(s.ty(y1)-s.ty(y0)) > 2*s.tol {
			s.jump(x0, y0, x1, y1)
		}
		s.point(x1, y1)
		return
	}
	s.refine(t0, x0, y0, tm, xm, ym, depth+1)
	s.refine(tm, xm, ym, t1, x1, y1, depth+1)
}

// jump locates the step between x0 and x1 by bisection and breaks the
// line there, recording a jump whose both sides are on the canvas.
func (s *sampler) jump(x0, y0, x1, y1 float64) {
	l, r, yl, yr := x0, x1, y0, y1
	for range 80 {
		m := l + (r-l)/2
		if m <= l || m >= r {
			break
		}
		ym := s.eval(m)
		if !finite(ym) {
			break
		}
		if math.Abs(s.ty(ym)-s.ty(yl)) > math.Abs(s.ty(yr)-s.ty(ym)) {
			r, yr = m, ym
		} else {
			l, yl = m, ym
		}
	}
	if math.Abs(s.ty(yr)-s.ty(yl)) <= 2*s.tol {
		return // steep, not broken
	}
	s.point(l, yl)
	s.flush()
	s.cur = append(s.cur, [2]float64{r, yr})
	on := func(y float64) bool { c := s.ty(y); return c >= s.yLo-s.tol && c <= s.yHi+s.tol }
	if !on(yl) || !on(yr) {
		return // a pole, or a jump off the plot: broken, no dots
	}
	// The jump is where the bisection closed in, written with fewer
	// digits when that is the same place (the step of x − 1.5 jumps at
	// 1.5, not at 1.4999999999999998).
	x := r
	if v, err := strconv.ParseFloat(strconv.FormatFloat(r, 'g', 10, 64), 64); err == nil && v >= l && v <= r {
		x = v
	}
	at := s.eval(x)
	other := yl
	if math.Abs(at-yl) < math.Abs(at-yr) {
		other = yr
	}
	s.out.jumps = append(s.out.jumps, jumpAt{X: x, At: at, Other: other})
}

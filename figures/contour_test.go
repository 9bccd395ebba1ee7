package figures

import (
	"math"
	"testing"
)

// cornersOf evaluates f at the n×n corners of [lo, hi]².
func cornersOf(f func(x, y float64) float64, n int, lo, hi float64) cornerGrid {
	g := grid{n: n, x0: lo, x1: hi, y0: lo, y1: hi, z: make([]float64, n*n)}
	for r := range n {
		for c := range n {
			g.z[r*n+c] = f(g.cornerX(c), g.cornerY(r))
		}
	}
	return cornerGrid{g}
}

func TestContourCircle(t *testing.T) {
	g := cornersOf(func(x, y float64) float64 { return x*x + y*y }, 41, -2, 2)
	ls := contourLines(g, 1)
	if len(ls) != 1 || !ls[0].closed {
		t.Fatalf("got %d lines (closed: %v), want one closed line", len(ls), len(ls) > 0 && ls[0].closed)
	}
	seen := map[[2]float64]bool{}
	for _, q := range ls[0].pts {
		if r := math.Hypot(q[0], q[1]); math.Abs(r-1) > 0.01 {
			t.Errorf("point %v is %.4f from the centre, want 1", q, r)
		}
		if seen[q] {
			t.Errorf("point %v twice", q)
		}
		seen[q] = true
	}
	if n := len(ls[0].pts); n < 40 {
		t.Errorf("the circle has %d points", n)
	}
}

func TestContourTwoLoopsInGridOrder(t *testing.T) {
	g := cornersOf(func(x, y float64) float64 {
		return math.Min((x-1)*(x-1)+y*y, (x+1)*(x+1)+y*y)
	}, 41, -2, 2)
	ls := contourLines(g, 0.25)
	if len(ls) != 2 || !ls[0].closed || !ls[1].closed {
		t.Fatalf("got %d lines, want two closed ones", len(ls))
	}
	if ls[0].pts[0][0] > 0 || ls[1].pts[0][0] < 0 {
		t.Errorf("the loops start at %v and %v: want the left one first", ls[0].pts[0], ls[1].pts[0])
	}
}

func TestContourOpenLineBorderToBorder(t *testing.T) {
	f := func(x, y float64) float64 { return x + y - 0.3 }
	ls := contourLines(cornersOf(f, 21, -2, 2), 0)
	if len(ls) != 1 || ls[0].closed {
		t.Fatalf("got %d lines, want one open line", len(ls))
	}
	onBorder := func(q [2]float64) bool { return math.Abs(q[0]) == 2 || math.Abs(q[1]) == 2 }
	pts := ls[0].pts
	if !onBorder(pts[0]) || !onBorder(pts[len(pts)-1]) {
		t.Errorf("the line runs from %v to %v: want both ends on the border", pts[0], pts[len(pts)-1])
	}
	for _, q := range pts {
		if d := q[0] + q[1] - 0.3; math.Abs(d) > 1e-12 {
			t.Errorf("point %v is off the line by %g", q, d)
		}
	}
	// A cell of no value breaks the line in two.
	hole := func(x, y float64) float64 {
		if math.Abs(x) < 0.1 && math.Abs(y-0.3) < 0.1 {
			return math.NaN()
		}
		return f(x, y)
	}
	if ls := contourLines(cornersOf(hole, 21, -2, 2), 0); len(ls) != 2 || ls[0].closed || ls[1].closed {
		t.Errorf("with a hole: %d lines, want two open ones", len(ls))
	}
}

// Corners exactly on the level count as above it: the line passes
// through them once, with no branch.
func TestContourThroughCorners(t *testing.T) {
	g := cornersOf(func(x, y float64) float64 { return x }, 5, 0, 4)
	ls := contourLines(g, 2)
	if len(ls) != 1 || ls[0].closed {
		t.Fatalf("got %d lines, want one open line", len(ls))
	}
	for _, q := range ls[0].pts {
		if q[0] != 2 {
			t.Errorf("point %v: want x = 2", q)
		}
	}
	if n := len(ls[0].pts); n != 5 {
		t.Errorf("%d points, want 5", n)
	}
}

// A saddle joins the corners on its centre's side.
func TestContourSaddle(t *testing.T) {
	g := grid{n: 2, x0: 0, x1: 1, y0: 0, y1: 1, z: []float64{1, 0, 0, 1}} // (0,0) and (1,1) high
	for _, c := range []struct {
		level float64
		want  [2]float64 // the other end of the line from the bottom edge
	}{
		{0.5, [2]float64{1, 0.5}},   // centre 0.5 above: (1,0) cut off
		{0.6, [2]float64{0, 0.4}},   // centre below: (0,0) cut off
		{0.4, [2]float64{1, 0.4}},   // centre above
		{0.45, [2]float64{1, 0.45}}, // centre above
	} {
		ls := contourLines(cornerGrid{g}, c.level)
		if len(ls) != 2 {
			t.Fatalf("level %v: %d lines, want 2", c.level, len(ls))
		}
		found := false
		for _, l := range ls {
			a, b := l.pts[0], l.pts[len(l.pts)-1]
			near := func(p, q [2]float64) bool { return math.Abs(p[0]-q[0]) < 1e-12 && math.Abs(p[1]-q[1]) < 1e-12 }
			bottom := [2]float64{1 - c.level, 0}
			if (near(a, bottom) && near(b, c.want)) || (near(b, bottom) && near(a, c.want)) {
				found = true
			}
		}
		if !found {
			t.Errorf("level %v: lines %v, want one from the bottom edge to %v", c.level, ls, c.want)
		}
	}
}

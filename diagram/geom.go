package diagram

import (
	"math"
	"slices"
)

// Point is a position or a vector in scene units.
type Point struct{ X, Y float64 }

// Pt returns the point (x, y).
func Pt(x, y float64) Point { return Point{X: x, Y: y} }

// Add returns p+q.
func (p Point) Add(q Point) Point { return Point{p.X + q.X, p.Y + q.Y} }

// Sub returns p−q.
func (p Point) Sub(q Point) Point { return Point{p.X - q.X, p.Y - q.Y} }

// Scale returns p·s.
func (p Point) Scale(s float64) Point { return Point{p.X * s, p.Y * s} }

// Len returns the length of p as a vector.
func (p Point) Len() float64 { return math.Hypot(p.X, p.Y) }

// Unit returns p scaled to length 1, or the zero vector for the zero vector.
func (p Point) Unit() Point {
	l := p.Len()
	if l == 0 {
		return Point{}
	}
	return p.Scale(1 / l)
}

// Normal returns p turned a quarter turn counter-clockwise.
func (p Point) Normal() Point { return Point{-p.Y, p.X} }

// Lerp returns the point a fraction t of the way from p to q.
func Lerp(p, q Point, t float64) Point { return p.Add(q.Sub(p).Scale(t)) }

// Polar returns the point at distance r from c in direction angle a (radians).
func Polar(c Point, r, a float64) Point {
	s, co := math.Sincos(a)
	return Point{c.X + r*co, c.Y + r*s}
}

// Rect is an axis-aligned rectangle in scene units.
type Rect struct{ Min, Max Point }

// RectAt returns the rectangle of width w and height h centred on c.
func RectAt(c Point, w, h float64) Rect {
	return Rect{Point{c.X - w/2, c.Y - h/2}, Point{c.X + w/2, c.Y + h/2}}
}

// W returns the width of r.
func (r Rect) W() float64 { return r.Max.X - r.Min.X }

// H returns the height of r.
func (r Rect) H() float64 { return r.Max.Y - r.Min.Y }

// Center returns the centre of r.
func (r Rect) Center() Point { return Lerp(r.Min, r.Max, 0.5) }

// Empty reports whether r has no area.
func (r Rect) Empty() bool { return r.Max.X <= r.Min.X || r.Max.Y <= r.Min.Y }

// Inset returns r shrunk by d on every side (grown for negative d).
func (r Rect) Inset(d float64) Rect {
	return Rect{Point{r.Min.X + d, r.Min.Y + d}, Point{r.Max.X - d, r.Max.Y - d}}
}

// Union returns the smallest rectangle holding r and s; an empty operand
// is ignored.
func (r Rect) Union(s Rect) Rect {
	if r.Empty() {
		return s
	}
	if s.Empty() {
		return r
	}
	return Rect{
		Point{math.Min(r.Min.X, s.Min.X), math.Min(r.Min.Y, s.Min.Y)},
		Point{math.Max(r.Max.X, s.Max.X), math.Max(r.Max.Y, s.Max.Y)},
	}
}

// Overlaps reports whether r and s share some area.
func (r Rect) Overlaps(s Rect) bool {
	return r.Min.X < s.Max.X && s.Min.X < r.Max.X && r.Min.Y < s.Max.Y && s.Min.Y < r.Max.Y
}

// Contains reports whether p lies in r (borders included).
func (r Rect) Contains(p Point) bool {
	return p.X >= r.Min.X && p.X <= r.Max.X && p.Y >= r.Min.Y && p.Y <= r.Max.Y
}

// SegmentHits reports whether the segment from a to b passes through the
// inside of r.
func (r Rect) SegmentHits(a, b Point) bool {
	t0, t1, ok := r.Clip(a, b)
	return ok && t1-t0 > 1e-9
}

// Clip returns the part of the segment from a to b that lies in r, as the
// fractions t0 ≤ t1 of the way from a to b where it enters and leaves r;
// ok is false when the segment misses r.
func (r Rect) Clip(a, b Point) (t0, t1 float64, ok bool) {
	// Liang–Barsky clipping.
	t0, t1 = 0.0, 1.0
	d := b.Sub(a)
	clip := func(p, q float64) bool {
		if p == 0 {
			return q > 0
		}
		t := q / p
		if p < 0 {
			if t > t1 {
				return false
			}
			t0 = math.Max(t0, t)
		} else {
			if t < t0 {
				return false
			}
			t1 = math.Min(t1, t)
		}
		return true
	}
	if clip(-d.X, a.X-r.Min.X) && clip(d.X, r.Max.X-a.X) &&
		clip(-d.Y, a.Y-r.Min.Y) && clip(d.Y, r.Max.Y-a.Y) {
		return t0, t1, true
	}
	return 0, 0, false
}

// Path is an outline in scene units, turned into a vg.Path by a Frame.
type Path struct{ segs []seg }

type segKind int

const (
	segMove segKind = iota
	segLine
	segCubic
	segArc
	segClose
)

type seg struct {
	kind      segKind
	p, c1, c2 Point   // end point (arc: centre), control points
	r, a0, da float64 // arc radius, start and sweep angles
}

// Grow makes room for n more segments (a Move, Line, Cubic, Arc or
// Close each), so that a path of a known length is built in one
// allocation.
func (p *Path) Grow(n int) { p.segs = slices.Grow(p.segs, n) }

// Move starts a new sub-path at p.
func (p *Path) Move(q Point) { p.segs = append(p.segs, seg{kind: segMove, p: q}) }

// Line adds a straight segment to q.
func (p *Path) Line(q Point) { p.segs = append(p.segs, seg{kind: segLine, p: q}) }

// Cubic adds a cubic Bézier segment with controls c1, c2 ending at q.
func (p *Path) Cubic(c1, c2, q Point) {
	p.segs = append(p.segs, seg{kind: segCubic, p: q, c1: c1, c2: c2})
}

// Quad adds a quadratic Bézier segment with control c ending at q.
func (p *Path) Quad(c, q Point) {
	from := p.last()
	p.Cubic(Lerp(from, c, 2.0/3), Lerp(q, c, 2.0/3), q)
}

// Arc adds an arc of the circle of centre c and radius r from angle a0
// sweeping da radians (counter-clockwise for positive da).
func (p *Path) Arc(c Point, r, a0, da float64) {
	p.segs = append(p.segs, seg{kind: segArc, p: c, r: r, a0: a0, da: da})
}

// Close closes the current sub-path.
func (p *Path) Close() { p.segs = append(p.segs, seg{kind: segClose}) }

func (p *Path) last() Point {
	for i := len(p.segs) - 1; i >= 0; i-- {
		s := p.segs[i]
		switch s.kind {
		case segArc:
			return Polar(s.p, s.r, s.a0+s.da)
		case segClose:
			continue
		default:
			return s.p
		}
	}
	return Point{}
}

// CirclePath returns the closed circle of centre c and radius r.
func CirclePath(c Point, r float64) Path {
	var p Path
	p.Move(Point{c.X + r, c.Y})
	p.Arc(c, r, 0, 2*math.Pi)
	p.Close()
	return p
}

// RoundRectPath returns the closed rectangle r with corners rounded by
// radius rad (clamped to half the shorter side).
func RoundRectPath(r Rect, rad float64) Path {
	rad = math.Max(0, math.Min(rad, math.Min(r.W(), r.H())/2))
	var p Path
	if rad == 0 {
		p.Move(r.Min)
		p.Line(Point{r.Max.X, r.Min.Y})
		p.Line(r.Max)
		p.Line(Point{r.Min.X, r.Max.Y})
		p.Close()
		return p
	}
	p.Move(Point{r.Min.X + rad, r.Min.Y})
	p.Line(Point{r.Max.X - rad, r.Min.Y})
	p.Arc(Point{r.Max.X - rad, r.Min.Y + rad}, rad, -math.Pi/2, math.Pi/2)
	p.Line(Point{r.Max.X, r.Max.Y - rad})
	p.Arc(Point{r.Max.X - rad, r.Max.Y - rad}, rad, 0, math.Pi/2)
	p.Line(Point{r.Min.X + rad, r.Max.Y})
	p.Arc(Point{r.Min.X + rad, r.Max.Y - rad}, rad, math.Pi/2, math.Pi/2)
	p.Line(Point{r.Min.X, r.Min.Y + rad})
	p.Arc(Point{r.Min.X + rad, r.Min.Y + rad}, rad, math.Pi, math.Pi/2)
	p.Close()
	return p
}

// CubicAt returns the point of the cubic Bézier p0 c1 c2 p1 at parameter t.
func CubicAt(p0, c1, c2, p1 Point, t float64) Point {
	u := 1 - t
	return p0.Scale(u * u * u).Add(c1.Scale(3 * u * u * t)).Add(c2.Scale(3 * u * t * t)).Add(p1.Scale(t * t * t))
}

// CubicTangent returns the derivative of the cubic Bézier at parameter t.
func CubicTangent(p0, c1, c2, p1 Point, t float64) Point {
	u := 1 - t
	return c1.Sub(p0).Scale(3 * u * u).Add(c2.Sub(c1).Scale(6 * u * t)).Add(p1.Sub(c2).Scale(3 * t * t))
}

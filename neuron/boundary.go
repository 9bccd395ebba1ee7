package neuron

import "math"

// Box2 is the rectangle [X0, X1] × [Y0, Y1] of the (x₁, x₂) plane. The
// bounds may be given in either order.
type Box2 struct {
	X0, X1, Y0, Y1 float64
}

// finite reports whether the threshold line or plane given by w and θ has
// only finite coefficients.
func finite(theta float64, w ...float64) bool {
	for _, v := range w {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return false
		}
	}
	return !math.IsNaN(theta) && !math.IsInf(theta, 0)
}

// corners returns the corners of b counter-clockwise from the lower left,
// and false when b has no area.
func (b Box2) corners() ([4][2]float64, bool) {
	x0, x1 := math.Min(b.X0, b.X1), math.Max(b.X0, b.X1)
	y0, y1 := math.Min(b.Y0, b.Y1), math.Max(b.Y0, b.Y1)
	if !(x0 < x1 && y0 < y1) {
		return [4][2]float64{}, false
	}
	return [4][2]float64{{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}}, true
}

// side2 classifies points against the line w·p = θ: +1 on the firing side
// (w·p > θ), −1 on the other, 0 on the line within a tolerance relative to
// the magnitudes at play in the box.
type side2 struct {
	w     [2]float64
	theta float64
	tol   float64
}

func newSide2(w [2]float64, theta float64, c [4][2]float64) side2 {
	var scale float64
	for _, p := range c {
		scale = math.Max(scale, math.Abs(w[0]*p[0])+math.Abs(w[1]*p[1])+math.Abs(theta))
	}
	return side2{w: w, theta: theta, tol: 1e-12 * scale}
}

func (s side2) f(p [2]float64) float64 { return s.w[0]*p[0] + s.w[1]*p[1] - s.theta }

func (s side2) of(p [2]float64) int {
	switch v := s.f(p); {
	case v > s.tol:
		return 1
	case v < -s.tol:
		return -1
	}
	return 0
}

// cross returns the point where the segment p→q, whose ends lie strictly on
// opposite sides, crosses the line.
func (s side2) cross(p, q [2]float64) [2]float64 {
	fp, fq := s.f(p), s.f(q)
	t := fp / (fp - fq)
	if p[0] == q[0] {
		return [2]float64{p[0], p[1] + t*(q[1]-p[1])}
	}
	return [2]float64{p[0] + t*(q[0]-p[0]), p[1]}
}

// BoundarySegment returns the ends a and b of the part of the threshold line
// w₁x₁ + w₂x₂ = θ that lies in box. ok is false when the line misses the box,
// only touches it at a corner, or is not a line at all (w = 0, or w or θ not
// finite).
func BoundarySegment(w [2]float64, theta float64, box Box2) (a, b [2]float64, ok bool) {
	c, ok := box.corners()
	if !ok || w == [2]float64{} || !finite(theta, w[:]...) {
		return a, b, false
	}
	s := newSide2(w, theta, c)
	var pts [][2]float64
	for i, p := range c {
		q := c[(i+1)%4]
		sp, sq := s.of(p), s.of(q)
		if sp == 0 {
			pts = append(pts, p)
		}
		if sp*sq < 0 {
			pts = append(pts, s.cross(p, q))
		}
	}
	best := 0.0
	for i := range pts {
		for j := i + 1; j < len(pts); j++ {
			if d := math.Hypot(pts[j][0]-pts[i][0], pts[j][1]-pts[i][1]); d > best {
				a, b, best = pts[i], pts[j], d
			}
		}
	}
	return a, b, best > 0
}

// FiringRegion returns the part of box where the unit fires, w₁x₁ + w₂x₂ ≥ θ,
// as a convex polygon listed counter-clockwise. It is the whole box when
// every point fires and nil when the region has no area or w or θ is not
// finite. With w = 0 the whole box fires if θ ≤ 0 and nothing otherwise.
func FiringRegion(w [2]float64, theta float64, box Box2) [][2]float64 {
	c, ok := box.corners()
	if !ok || !finite(theta, w[:]...) {
		return nil
	}
	s := newSide2(w, theta, c)
	var poly [][2]float64
	for i, p := range c {
		q := c[(i+1)%4]
		sp, sq := s.of(p), s.of(q)
		if sp >= 0 {
			poly = append(poly, p)
		}
		if sp*sq < 0 {
			poly = append(poly, s.cross(p, q))
		}
	}
	if len(poly) < 3 {
		return nil
	}
	return poly
}

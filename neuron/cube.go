package neuron

import (
	"math"
	"sort"
)

// CubeSection returns the polygon in which the threshold plane
// w₁x₁ + w₂x₂ + w₃x₃ = θ cuts the unit cube [0,1]³. The vertices are the
// points where the plane meets the cube's edges, each listed once, ordered
// counter-clockwise about w (consecutive vertices turn by the right-hand rule
// around the normal w) and starting from the one of smallest angle in a
// fixed frame. It returns nil when the plane misses the cube or touches it in
// fewer than three points, when w = 0 (no plane), and when w or θ is not
// finite.
func CubeSection(w [3]float64, theta float64) [][3]float64 {
	norm := math.Sqrt(dot3(w, w))
	if norm == 0 || !finite(theta, w[:]...) {
		return nil
	}
	tol := 1e-12 * (math.Abs(w[0]) + math.Abs(w[1]) + math.Abs(w[2]) + math.Abs(theta))
	side := func(p [3]float64) int {
		switch v := dot3(w, p) - theta; {
		case v > tol:
			return 1
		case v < -tol:
			return -1
		}
		return 0
	}

	var pts [][3]float64
	add := func(p [3]float64) {
		for _, q := range pts {
			if math.Abs(p[0]-q[0])+math.Abs(p[1]-q[1])+math.Abs(p[2]-q[2]) < 1e-9 {
				return
			}
		}
		pts = append(pts, p)
	}
	for i := range 8 {
		p := cubeCorner(i)
		sp := side(p)
		if sp == 0 {
			add(p)
		}
		// The edges leaving p along the axes in which p is 0.
		for k := range 3 {
			if i&(1<<k) != 0 {
				continue
			}
			if sp*side(cubeCorner(i|1<<k)) < 0 {
				x := p
				x[k] = math.Min(1, math.Max(0, (theta-dot3(w, p))/w[k]))
				add(x)
			}
		}
	}
	if len(pts) < 3 {
		return nil
	}
	orderAround(pts, [3]float64{w[0] / norm, w[1] / norm, w[2] / norm})
	return pts
}

// cubeCorner returns the corner of [0,1]³ whose coordinate x_{k+1} is bit k
// of i.
func cubeCorner(i int) [3]float64 {
	return [3]float64{float64(i & 1), float64(i >> 1 & 1), float64(i >> 2 & 1)}
}

// orderAround sorts the coplanar points pts counter-clockwise about the unit
// normal n, by angle around their centroid.
func orderAround(pts [][3]float64, n [3]float64) {
	var c [3]float64
	for _, p := range pts {
		for k := range 3 {
			c[k] += p[k] / float64(len(pts))
		}
	}
	// A frame (u, v) of the plane with u × v = n, u built from the axis
	// least aligned with n.
	axis := [3]float64{1, 0, 0}
	if math.Abs(n[1]) < math.Abs(n[0]) && math.Abs(n[1]) <= math.Abs(n[2]) {
		axis = [3]float64{0, 1, 0}
	} else if math.Abs(n[2]) < math.Abs(n[0]) && math.Abs(n[2]) < math.Abs(n[1]) {
		axis = [3]float64{0, 0, 1}
	}
	u := cross3(n, axis)
	l := math.Sqrt(dot3(u, u))
	u = [3]float64{u[0] / l, u[1] / l, u[2] / l}
	v := cross3(n, u)
	angle := func(p [3]float64) float64 {
		d := [3]float64{p[0] - c[0], p[1] - c[1], p[2] - c[2]}
		return math.Atan2(dot3(d, v), dot3(d, u))
	}
	sort.SliceStable(pts, func(i, j int) bool { return angle(pts[i]) < angle(pts[j]) })
}

func dot3(a, b [3]float64) float64 { return a[0]*b[0] + a[1]*b[1] + a[2]*b[2] }

func cross3(a, b [3]float64) [3]float64 {
	return [3]float64{a[1]*b[2] - a[2]*b[1], a[2]*b[0] - a[0]*b[2], a[0]*b[1] - a[1]*b[0]}
}

// Corners returns the 2ⁿ corners of the cube {0,1}ⁿ, the inputs a unit with
// n binary inputs can receive, in binary counting order: corner i has
// x_{j+1} equal to bit j of i, so x₁ is the lowest bit and changes fastest.
// For n = 2 that is (0,0), (1,0), (0,1), (1,1). It returns nil unless
// 0 ≤ n ≤ 30.
func Corners(n int) [][]float64 {
	if n < 0 || n > 30 {
		return nil
	}
	out := make([][]float64, 1<<n)
	for i := range out {
		c := make([]float64, n)
		for j := range c {
			c[j] = float64(i >> j & 1)
		}
		out[i] = c
	}
	return out
}

package neuron

import (
	"math"
	"testing"
)

var unitBox = Box2{X0: 0, X1: 1, Y0: 0, Y1: 1}

func near2(a, b [2]float64) bool {
	return math.Abs(a[0]-b[0]) < 1e-12 && math.Abs(a[1]-b[1]) < 1e-12
}

func TestBoundarySegment(t *testing.T) {
	tests := []struct {
		name  string
		w     [2]float64
		theta float64
		box   Box2
		ok    bool
		a, b  [2]float64 // in either order
	}{
		{"and", [2]float64{1, 1}, 1.5, unitBox, true, [2]float64{1, 0.5}, [2]float64{0.5, 1}},
		{"or", [2]float64{1, 1}, 0.5, unitBox, true, [2]float64{0.5, 0}, [2]float64{0, 0.5}},
		{"diagonal-through-corners", [2]float64{1, 1}, 1, unitBox, true, [2]float64{1, 0}, [2]float64{0, 1}},
		{"vertical-w2-zero", [2]float64{2, 0}, 1, unitBox, true, [2]float64{0.5, 0}, [2]float64{0.5, 1}},
		{"horizontal-w1-zero", [2]float64{0, -1}, -0.25, unitBox, true, [2]float64{0, 0.25}, [2]float64{1, 0.25}},
		{"on-an-edge", [2]float64{1, 0}, 1, unitBox, true, [2]float64{1, 0}, [2]float64{1, 1}},
		{"reversed-bounds", [2]float64{1, 1}, 1.5, Box2{X0: 1, X1: 0, Y0: 1, Y1: 0}, true, [2]float64{1, 0.5}, [2]float64{0.5, 1}},
		{"larger-box", [2]float64{1, 1}, 1.5, Box2{X0: -0.5, X1: 1.5, Y0: -0.5, Y1: 1.5}, true, [2]float64{1.5, 0}, [2]float64{0, 1.5}},
		{"touches-a-corner", [2]float64{1, 1}, 2, unitBox, false, [2]float64{}, [2]float64{}},
		{"misses", [2]float64{1, 1}, 10, unitBox, false, [2]float64{}, [2]float64{}},
		{"zero-weights", [2]float64{0, 0}, 0, unitBox, false, [2]float64{}, [2]float64{}},
		{"empty-box", [2]float64{1, 1}, 0, Box2{X0: 0, X1: 0, Y0: 0, Y1: 1}, false, [2]float64{}, [2]float64{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, b, ok := BoundarySegment(tt.w, tt.theta, tt.box)
			if ok != tt.ok {
				t.Fatalf("BoundarySegment = %v, %v, %v, want ok %v", a, b, ok, tt.ok)
			}
			if !ok {
				return
			}
			if !(near2(a, tt.a) && near2(b, tt.b) || near2(a, tt.b) && near2(b, tt.a)) {
				t.Errorf("BoundarySegment = %v, %v, want %v, %v", a, b, tt.a, tt.b)
			}
		})
	}
}

// signedArea returns the shoelace area of poly, positive when it runs
// counter-clockwise.
func signedArea(poly [][2]float64) float64 {
	var s float64
	for i, p := range poly {
		q := poly[(i+1)%len(poly)]
		s += p[0]*q[1] - q[0]*p[1]
	}
	return s / 2
}

func TestFiringRegion(t *testing.T) {
	big := Box2{X0: -1, X1: 2, Y0: -1, Y1: 2}
	tests := []struct {
		name     string
		w        [2]float64
		theta    float64
		box      Box2
		vertices int
		area     float64
	}{
		{"and", [2]float64{1, 1}, 1.5, unitBox, 3, 0.125},
		{"or", [2]float64{1, 1}, 0.5, unitBox, 5, 0.875},
		{"diagonal", [2]float64{1, 1}, 1, unitBox, 3, 0.5},
		{"negative-weights", [2]float64{-1, -1}, -0.5, unitBox, 3, 0.125},
		{"vertical", [2]float64{1, 0}, 0.25, unitBox, 4, 0.75},
		{"vertical-left-side", [2]float64{-1, 0}, -0.25, unitBox, 4, 0.25},
		{"horizontal", [2]float64{0, 2}, 1, unitBox, 4, 0.5},
		{"all-fire", [2]float64{1, 1}, -5, unitBox, 4, 1},
		{"all-fire-boundary-on-edge", [2]float64{1, 0}, 0, unitBox, 4, 1},
		{"none-fire", [2]float64{1, 1}, 10, unitBox, 0, 0},
		{"only-a-corner", [2]float64{1, 1}, 2, unitBox, 0, 0},
		{"only-an-edge", [2]float64{1, 0}, 1, unitBox, 0, 0},
		{"zero-weights-nonpositive-threshold", [2]float64{0, 0}, 0, unitBox, 4, 1},
		{"zero-weights-positive-threshold", [2]float64{0, 0}, 0.1, unitBox, 0, 0},
		{"big-box", [2]float64{1, 1}, 1.5, big, 3, 3.125},
		{"empty-box", [2]float64{1, 1}, 0, Box2{X0: 1, X1: 1, Y0: 0, Y1: 1}, 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			poly := FiringRegion(tt.w, tt.theta, tt.box)
			if len(poly) != tt.vertices {
				t.Fatalf("FiringRegion = %v, want %d vertices", poly, tt.vertices)
			}
			if tt.vertices == 0 {
				if poly != nil {
					t.Errorf("FiringRegion = %#v, want nil", poly)
				}
				return
			}
			if a := signedArea(poly); math.Abs(a-tt.area) > 1e-12 {
				t.Errorf("signed area = %v, want %v (counter-clockwise)", a, tt.area)
			}
			x0, x1 := math.Min(tt.box.X0, tt.box.X1), math.Max(tt.box.X0, tt.box.X1)
			y0, y1 := math.Min(tt.box.Y0, tt.box.Y1), math.Max(tt.box.Y0, tt.box.Y1)
			for i, p := range poly {
				if p[0] < x0 || p[0] > x1 || p[1] < y0 || p[1] > y1 {
					t.Errorf("vertex %v outside the box", p)
				}
				if tt.w[0]*p[0]+tt.w[1]*p[1] < tt.theta-1e-12 {
					t.Errorf("vertex %v does not fire", p)
				}
				q, r := poly[(i+1)%len(poly)], poly[(i+2)%len(poly)]
				if c := (q[0]-p[0])*(r[1]-q[1]) - (q[1]-p[1])*(r[0]-q[0]); c <= 0 {
					t.Errorf("turn at %v is not counter-clockwise (%v)", q, c)
				}
			}
		})
	}
}

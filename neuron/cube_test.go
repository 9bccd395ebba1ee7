package neuron

import (
	"math"
	"reflect"
	"testing"
)

func TestCubeSection(t *testing.T) {
	tests := []struct {
		name     string
		w        [3]float64
		theta    float64
		vertices int
		area     float64
	}{
		{"misses", [3]float64{1, 1, 1}, 10, 0, 0},
		{"misses-below", [3]float64{1, 1, 1}, -0.5, 0, 0},
		{"touches-a-corner", [3]float64{1, 1, 1}, 0, 0, 0},
		{"touches-an-edge", [3]float64{1, 1, 0}, 2, 0, 0},
		{"triangle", [3]float64{1, 1, 1}, 0.5, 3, math.Sqrt(3) / 8},
		{"triangle-through-corners", [3]float64{1, 1, 1}, 1, 3, math.Sqrt(3) / 2},
		{"hexagon", [3]float64{1, 1, 1}, 1.5, 6, 3 * math.Sqrt(3) / 4},
		{"triangle-top", [3]float64{1, 1, 1}, 2.5, 3, math.Sqrt(3) / 8},
		{"square", [3]float64{1, 0, 0}, 0.5, 4, 1},
		{"face-x0", [3]float64{1, 0, 0}, 0, 4, 1},
		{"face-z1", [3]float64{0, 0, 3}, 3, 4, 1},
		{"negative-normal", [3]float64{0, -1, 0}, -0.25, 4, 1},
		{"diagonal-rectangle", [3]float64{1, -1, 0}, 0, 4, math.Sqrt2},
		{"and-of-three", [3]float64{1, 1, 1}, 2.5, 3, math.Sqrt(3) / 8},
		{"uneven-weights", [3]float64{0.5, 1, 2}, 1.2, 5, -1}, // area not checked
		{"zero-weights", [3]float64{0, 0, 0}, 0, 0, 0},
		{"zero-weights-positive-threshold", [3]float64{0, 0, 0}, 1, 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			poly := CubeSection(tt.w, tt.theta)
			if len(poly) != tt.vertices {
				t.Fatalf("CubeSection = %v, want %d vertices", poly, tt.vertices)
			}
			if tt.vertices == 0 {
				if poly != nil {
					t.Errorf("CubeSection = %#v, want nil", poly)
				}
				return
			}
			norm := math.Sqrt(dot3(tt.w, tt.w))
			var areaVec [3]float64
			for i, p := range poly {
				if d := dot3(tt.w, p) - tt.theta; math.Abs(d) > 1e-9 {
					t.Errorf("vertex %v is %v off the plane", p, d)
				}
				for _, c := range p {
					if c < 0 || c > 1 {
						t.Errorf("vertex %v outside the cube", p)
					}
				}
				q, r := poly[(i+1)%len(poly)], poly[(i+2)%len(poly)]
				turn := cross3([3]float64{q[0] - p[0], q[1] - p[1], q[2] - p[2]},
					[3]float64{r[0] - q[0], r[1] - q[1], r[2] - q[2]})
				if dot3(turn, tt.w) <= 1e-12 {
					t.Errorf("turn at %v is not counter-clockwise about w", q)
				}
				for j, s := range poly[:i] {
					if math.Abs(s[0]-p[0])+math.Abs(s[1]-p[1])+math.Abs(s[2]-p[2]) < 1e-9 {
						t.Errorf("vertices %d and %d coincide at %v", j, i, p)
					}
				}
				c := cross3(p, q)
				for k := range 3 {
					areaVec[k] += c[k] / 2
				}
			}
			if tt.area >= 0 {
				if a := dot3(areaVec, tt.w) / norm; math.Abs(a-tt.area) > 1e-12 {
					t.Errorf("area = %v, want %v", a, tt.area)
				}
			}
		})
	}
}

func TestCorners(t *testing.T) {
	tests := []struct {
		n    int
		want [][]float64
	}{
		{-1, nil},
		{0, [][]float64{{}}},
		{1, [][]float64{{0}, {1}}},
		{2, [][]float64{{0, 0}, {1, 0}, {0, 1}, {1, 1}}},
		{3, [][]float64{
			{0, 0, 0}, {1, 0, 0}, {0, 1, 0}, {1, 1, 0},
			{0, 0, 1}, {1, 0, 1}, {0, 1, 1}, {1, 1, 1},
		}},
		{31, nil},
	}
	for _, tt := range tests {
		t.Run("", func(t *testing.T) {
			if got := Corners(tt.n); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Corners(%d) = %v, want %v", tt.n, got, tt.want)
			}
		})
	}
	for i, c := range Corners(3) {
		if got := cubeCorner(i); got != [3]float64(c) {
			t.Errorf("cubeCorner(%d) = %v, want %v", i, got, c)
		}
	}
}

func TestNotFinite(t *testing.T) {
	inf, nan := math.Inf(1), math.NaN()
	tests := []struct {
		name  string
		w     [3]float64
		theta float64
	}{
		{"theta-inf", [3]float64{1, 1, 1}, inf},
		{"theta-minus-inf", [3]float64{1, 1, 1}, -inf},
		{"theta-nan", [3]float64{1, 1, 1}, nan},
		{"weight-inf", [3]float64{inf, 1, 1}, 1},
		{"weight-nan", [3]float64{1, nan, 1}, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := CubeSection(tt.w, tt.theta); got != nil {
				t.Errorf("CubeSection = %v, want nil", got)
			}
			w2 := [2]float64{tt.w[0], tt.w[1]}
			if got := FiringRegion(w2, tt.theta, unitBox); got != nil {
				t.Errorf("FiringRegion = %v, want nil", got)
			}
			if _, _, ok := BoundarySegment(w2, tt.theta, unitBox); ok {
				t.Errorf("BoundarySegment ok, want not ok")
			}
		})
	}
}

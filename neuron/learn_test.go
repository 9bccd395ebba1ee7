package neuron

import (
	"errors"
	"math"
	"testing"
)

func TestGradient(t *testing.T) {
	cost := func(w []float64) float64 { return (w[0]-1)*(w[0]-1) + 3*(w[1]+0.5)*(w[1]+0.5) }
	for _, tc := range []struct{ w, want []float64 }{
		{[]float64{-2, 2}, []float64{-6, 15}},
		{[]float64{1, -0.5}, []float64{0, 0}},
		{[]float64{1e6, 0}, []float64{2e6 - 2, 3}},
	} {
		g := Gradient(cost, tc.w)
		for i := range g {
			if math.Abs(g[i]-tc.want[i]) > 1e-6*math.Max(1, math.Abs(tc.want[i])) {
				t.Errorf("∇C(%v) = %v, want %v", tc.w, g, tc.want)
				break
			}
		}
	}
}

func TestDescent(t *testing.T) {
	quad := func(w []float64) float64 { return w[0] * w[0] }            // C = w², C' = 2w
	exact := func(w []float64) []float64 { return []float64{2 * w[0]} } // analytic
	bowl := func(w []float64) float64 { return (w[0]-1)*(w[0]-1) + 3*(w[1]+0.5)*(w[1]+0.5) }
	tests := []struct {
		name  string
		cost  func([]float64) float64
		grad  func([]float64) []float64
		start []float64
		rate  float64
		steps int
		n     int       // points returned
		last  []float64 // the last point
	}{
		// w ← w − 0.25·2w = w/2.
		{"halves", quad, exact, []float64{4}, 0.25, 3, 4, []float64{0.5}},
		{"by differences", quad, nil, []float64{4}, 0.25, 3, 4, []float64{0.5}},
		// η = 1: w ← −w, oscillating for ever.
		{"oscillates", quad, exact, []float64{1}, 1, 5, 6, []float64{-1}},
		// η = 1.5: w ← −2w, growing until it overflows.
		{"diverges", quad, exact, []float64{1}, 1.5, 2000, 0, nil},
		{"bowl", bowl, nil, []float64{-2, 2}, 0.1, 100, 101, []float64{1, -0.5}},
		{"no steps", quad, exact, []float64{3}, 0.1, 0, 1, []float64{3}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			path, err := Descent(tc.cost, tc.grad, tc.start, tc.rate, tc.steps)
			if err != nil {
				t.Fatal(err)
			}
			if tc.name == "diverges" {
				if len(path) < 10 || len(path) > 1100 {
					t.Fatalf("%d points before leaving the finite numbers", len(path))
				}
				last := path[len(path)-1][0]
				if math.IsInf(last, 0) || math.Abs(last) < 1e100 {
					t.Errorf("last point %g, want the last finite one, huge", last)
				}
				return
			}
			if len(path) != tc.n {
				t.Fatalf("%d points, want %d", len(path), tc.n)
			}
			for i, v := range path[len(path)-1] {
				if math.Abs(v-tc.last[i]) > 1e-6 {
					t.Errorf("last point %v, want %v", path[len(path)-1], tc.last)
				}
			}
			if path[0][0] != tc.start[0] {
				t.Errorf("first point %v, want the start %v", path[0], tc.start)
			}
		})
	}
	if _, err := Descent(quad, exact, []float64{1}, 0, 3); err == nil {
		t.Error("a rate of 0 descends")
	}
	if _, err := Descent(quad, func([]float64) []float64 { return []float64{1, 2} }, []float64{1}, 0.1, 3); !errors.Is(err, ErrShape) {
		t.Errorf("a gradient of the wrong length: %v", err)
	}
}

// TestPerceptron: from w = 0, θ = 0 the rule converges on AND, OR and
// NAND to a line that separates them; on XOR it never does, every epoch
// misclassifying some sample.
func TestPerceptron(t *testing.T) {
	for _, tc := range []struct {
		gate     string
		converge bool
	}{{"and", true}, {"or", true}, {"nand", true}, {"xor", false}} {
		t.Run(tc.gate, func(t *testing.T) {
			s, ok := Gates(tc.gate)
			if !ok {
				t.Fatal("no gate")
			}
			ep, err := Perceptron(s, []float64{0, 0}, 0, 0.1, 100)
			if err != nil {
				t.Fatal(err)
			}
			last := ep[len(ep)-1]
			if got := Separates(s, last.W, last.Theta); got != tc.converge {
				t.Errorf("after %d epochs w = %v, θ = %g separates: %v, want %v", len(ep), last.W, last.Theta, got, tc.converge)
			}
			if tc.converge && (last.Errors != 0 || len(ep) == 100) {
				t.Errorf("converged with %d errors in the last of %d epochs", last.Errors, len(ep))
			}
			if !tc.converge {
				if len(ep) != 100 {
					t.Errorf("stopped after %d epochs", len(ep))
				}
				for i, e := range ep {
					if e.Errors == 0 {
						t.Errorf("epoch %d without an error on xor", i+1)
					}
				}
			}
		})
	}
	if _, ok := Gates("nor"); ok {
		t.Error("a gate nor")
	}
	if _, err := Perceptron([]Sample{{X: []float64{1}, Label: 1}}, []float64{0, 0}, 0, 0.1, 1); !errors.Is(err, ErrShape) {
		t.Errorf("a sample of the wrong size: %v", err)
	}
}

// TestPerceptronRounds: the unit's decision w·x ≥ θ rounds each product
// before adding it, on every machine. Here 0.1·0.3 + 0.6000000000000001·0.7
// is 0.45000000000000007 so; fused into one multiply-add (arm64's
// compiler does that to a plain x*y+z) it is 0.45, below θ.
func TestPerceptronRounds(t *testing.T) {
	w, x := []float64{0.1, 0.6000000000000001}, []float64{0.3, 0.7}
	theta := float64(w[0]*x[0]) + float64(w[1]*x[1])
	if math.FMA(w[1], x[1], float64(w[0]*x[0])) >= theta {
		t.Fatal("the example no longer tells fused from rounded")
	}
	s := []Sample{{X: x, Label: 1}}
	if !Separates(s, w, theta) {
		t.Error("Separates: the unit does not fire at w·x = θ")
	}
	ep, err := Perceptron(s, w, theta, 0.1, 3)
	if err != nil || len(ep) != 1 || ep[0].Errors != 0 {
		t.Errorf("Perceptron: %+v, %v; want one epoch without an error", ep, err)
	}
}

package neuron

import (
	"fmt"
	"math"

	"gonum.org/v1/gonum/diff/fd"
)

// Gradient returns ∇C at w by central differences (gonum's diff/fd), with
// a step scaled to w so that large weights keep their precision.
func Gradient(cost func(w []float64) float64, w []float64) []float64 {
	step := 1e-5
	for _, v := range w {
		step = math.Max(step, 1e-6*math.Abs(v))
	}
	return fd.Gradient(nil, cost, w, &fd.Settings{Formula: fd.Central, Step: step})
}

// Descent runs gradient descent on cost from start: steps times
// w ← w − η∇C(w), η the rate. grad computes ∇C at w (nil: Gradient, by
// central differences). It returns the points visited, start first: steps
// + 1 of them, fewer when a cost or gradient stops being finite (the
// descent has diverged), the last point the last finite one.
func Descent(cost func(w []float64) float64, grad func(w []float64) []float64, start []float64, rate float64, steps int) ([][]float64, error) {
	if rate <= 0 || math.IsNaN(rate) {
		return nil, fmt.Errorf("neuron: learning rate %g, want > 0", rate)
	}
	if steps < 0 {
		return nil, fmt.Errorf("neuron: %d steps", steps)
	}
	if grad == nil {
		grad = func(w []float64) []float64 { return Gradient(cost, w) }
	}
	w := append([]float64(nil), start...)
	path := [][]float64{append([]float64(nil), w...)}
	for range steps {
		g := grad(w)
		if len(g) != len(w) {
			return nil, fmt.Errorf("%w: a gradient of %d for %d weights", ErrShape, len(g), len(w))
		}
		next := make([]float64, len(w))
		for i := range w {
			next[i] = w[i] - float64(rate*g[i]) // rounded: no fused multiply-add on arm64
		}
		if !allFinite(next) || !allFinite([]float64{cost(next)}) {
			break
		}
		w = next
		path = append(path, append([]float64(nil), w...))
	}
	return path, nil
}

func allFinite(v []float64) bool {
	for _, x := range v {
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return false
		}
	}
	return true
}

// Sample is a labelled input of a perceptron: x and the output wanted,
// 0 or 1.
type Sample struct {
	X     []float64
	Label float64
}

// Gates returns the truth table of a logic gate of two inputs (and, or,
// nand, xor) as samples, in the order of Corners(2).
func Gates(name string) ([]Sample, bool) {
	var out [4]float64
	switch name {
	case "and":
		out = [4]float64{0, 0, 0, 1}
	case "or":
		out = [4]float64{0, 1, 1, 1}
	case "nand":
		out = [4]float64{1, 1, 1, 0}
	case "xor":
		out = [4]float64{0, 1, 1, 0}
	default:
		return nil, false
	}
	s := make([]Sample, 4)
	for i, x := range Corners(2) {
		s[i] = Sample{X: x, Label: out[i]}
	}
	return s, true
}

// Epoch is the state of a perceptron after a pass over the samples.
type Epoch struct {
	W      []float64
	Theta  float64
	Errors int // samples misclassified during the pass (before each update)
}

// Perceptron trains a step unit (fires when w·x ≥ θ) with the perceptron
// rule from weights w0 and threshold theta0: for each sample in order,
// with y the unit's output and t the label, w ← w + η(t − y)x and
// θ ← θ − η(t − y) (the bias b = −θ learns like a weight of an input fixed
// at 1). It returns the state after each epoch, epochs of them, stopping
// after the first pass with no error (converged).
func Perceptron(samples []Sample, w0 []float64, theta0, rate float64, epochs int) ([]Epoch, error) {
	if rate <= 0 || math.IsNaN(rate) {
		return nil, fmt.Errorf("neuron: learning rate %g, want > 0", rate)
	}
	w := append([]float64(nil), w0...)
	theta := theta0
	var out []Epoch
	for range epochs {
		errs := 0
		for _, s := range samples {
			if len(s.X) != len(w) {
				return nil, fmt.Errorf("%w: a sample of %d inputs for %d weights", ErrShape, len(s.X), len(w))
			}
			y := 0.0
			if dot(w, s.X) >= theta {
				y = 1
			}
			if d := s.Label - y; d != 0 {
				errs++
				for i, x := range s.X {
					w[i] += float64(float64(rate*d) * x)
				}
				theta -= rate * d
			}
		}
		out = append(out, Epoch{W: append([]float64(nil), w...), Theta: theta, Errors: errs})
		if errs == 0 {
			break
		}
	}
	return out, nil
}

// Separates reports whether the unit w·x ≥ θ gives every sample its label.
func Separates(samples []Sample, w []float64, theta float64) bool {
	for _, s := range samples {
		fires := dot(w, s.X) >= theta
		if fires != (s.Label == 1) {
			return false
		}
	}
	return true
}

// dot returns w·x summed in order, each product rounded before it is
// added: the same bits on every machine (gonum's Dot is assembly on amd64,
// and arm64's compiler fuses x*y+z into one multiply-add), since the
// perceptron's decisions w·x ≥ θ hang on them.
func dot(w, x []float64) float64 {
	var s float64
	for i, v := range w {
		s += float64(v * x[i])
	}
	return s
}

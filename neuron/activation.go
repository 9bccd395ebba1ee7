package neuron

import "math"

// Activation maps the weighted input z of a unit to its output.
type Activation func(z float64) float64

// Step is the unit step u(z): 1 for z ≥ 0 (so u(0) = 1), 0 otherwise.
func Step(z float64) float64 {
	if z >= 0 {
		return 1
	}
	return 0
}

// Sigmoid is the logistic function σ(z) = 1/(1+e^(−z)), with σ(0) = 0.5.
// It does not overflow for large |z|.
func Sigmoid(z float64) float64 {
	if z >= 0 {
		return 1 / (1 + math.Exp(-z))
	}
	e := math.Exp(z)
	return e / (1 + e)
}

// Tanh is the hyperbolic tangent.
func Tanh(z float64) float64 { return math.Tanh(z) }

// ReLU is the rectified linear function max(0, z).
func ReLU(z float64) float64 {
	if z > 0 {
		return z
	}
	return 0
}

// ActivationByName returns the activation named "step", "sigmoid", "tanh"
// or "relu", and whether the name is known.
func ActivationByName(name string) (Activation, bool) {
	switch name {
	case "step":
		return Step, true
	case "sigmoid":
		return Sigmoid, true
	case "tanh":
		return Tanh, true
	case "relu":
		return ReLU, true
	}
	return nil, false
}

// ActivationNames returns the names ActivationByName knows, sorted.
func ActivationNames() []string {
	return []string{"relu", "sigmoid", "step", "tanh"}
}

// Jumps returns, in increasing order, the z at which the activation of the
// given name is discontinuous: [0] for "step", none for the others or for an
// unknown name. A plot breaks its curve there.
func Jumps(name string) []float64 {
	if name == "step" {
		return []float64{0}
	}
	return nil
}

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

// Identity is the identity z ↦ z: a layer without an activation (a linear
// output layer).
func Identity(z float64) float64 { return z }

// Named is an activation with its name and what a plot of it needs.
type Named struct {
	Name  string
	F     Activation
	Jumps []float64 // the z at which F is discontinuous, increasing
	Unit  bool      // every value of F lies in [0, 1]
}

// Activations returns the named activations, sorted by name: the one list
// of them that every other package reads. Each is non-decreasing, so a
// larger bias b never lowers a(z + b) (the bias-shift figure's legend
// relies on it).
func Activations() []Named {
	return []Named{
		{Name: "identity", F: Identity},
		{Name: "relu", F: ReLU},
		{Name: "sigmoid", F: Sigmoid, Unit: true},
		{Name: "step", F: Step, Jumps: []float64{0}, Unit: true},
		{Name: "tanh", F: Tanh},
	}
}

// Lookup returns the named activation of a name, and whether it is known.
func Lookup(name string) (Named, bool) {
	for _, a := range Activations() {
		if a.Name == name {
			return a, true
		}
	}
	return Named{}, false
}

// ActivationByName returns the activation of a name in Activations, and
// whether the name is known.
func ActivationByName(name string) (Activation, bool) {
	a, ok := Lookup(name)
	return a.F, ok
}

// ActivationNames returns the names of Activations, sorted.
func ActivationNames() []string {
	var names []string
	for _, a := range Activations() {
		names = append(names, a.Name)
	}
	return names
}

// Jumps returns, in increasing order, the z at which the activation of the
// given name is discontinuous: [0] for "step", none for the others or for an
// unknown name. A plot breaks its curve there.
func Jumps(name string) []float64 {
	a, _ := Lookup(name)
	return a.Jumps
}

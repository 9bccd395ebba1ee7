package neuron

import (
	"errors"
	"fmt"
	"math/big"
	"strconv"
)

// ErrInputs is matched (with errors.Is) by the error returned when the
// number of inputs differs from the number of weights.
var ErrInputs = errors.New("neuron: number of inputs does not match weights")

// inputsError reports an input count that does not match the weights.
type inputsError struct{ inputs, weights int }

func (e inputsError) Error() string {
	return fmt.Sprintf("neuron: %d inputs for %d weights", e.inputs, e.weights)
}

func (e inputsError) Is(target error) bool { return target == ErrInputs }

// Unit is an artificial neuron: one weight per input and a bias b = −θ,
// where θ is the threshold the weighted sum must reach for the unit to fire.
type Unit struct {
	Weights []float64
	Bias    float64
}

// NewUnit returns the unit with the given weights and threshold θ; its Bias
// is −θ. The weights are copied.
func NewUnit(weights []float64, threshold float64) Unit {
	return Unit{Weights: append([]float64(nil), weights...), Bias: -threshold}
}

// Threshold returns the threshold θ = −b of u.
func (u Unit) Threshold() float64 { return -u.Bias }

// WeightedInput returns z = w·x + b. The error matches ErrInputs when x and
// the weights differ in length.
func (u Unit) WeightedInput(x []float64) (float64, error) {
	if len(x) != len(u.Weights) {
		return 0, inputsError{inputs: len(x), weights: len(u.Weights)}
	}
	var dot float64
	for i, w := range u.Weights {
		dot += w * x[i]
	}
	// Adding the bias last keeps the sign of z exact: fl(dot − θ) ≥ 0
	// exactly when dot ≥ θ.
	return dot + u.Bias, nil
}

// Output returns the output a(z) of u for the inputs x, z being the weighted
// input. A nil activation stands for Step.
func (u Unit) Output(x []float64, a Activation) (float64, error) {
	z, err := u.WeightedInput(x)
	if err != nil {
		return 0, err
	}
	if a == nil {
		a = Step
	}
	return a(z), nil
}

// Fires reports whether u fires for the inputs x, that is whether the
// weighted sum w·x reaches the threshold θ.
func (u Unit) Fires(x []float64) (bool, error) {
	y, err := u.Output(x, Step)
	return y == 1, err
}

// FiresAsWritten reports whether u fires for the inputs x, the weighted
// sum compared with the threshold exactly, each weight, input and the
// threshold taken as the shortest decimal that is its float: the numbers
// a spec writes and a figure shows (0.7, not 0.6999…). A point on the
// boundary fires, as Step(0) = 1, where Fires's rounded sum may fall
// short of it: 0.7·1 + 0.1·1 reaches 0.8, though 0.7 + 0.1 < 0.8 in
// floating point. The error matches ErrInputs as WeightedInput's does.
func (u Unit) FiresAsWritten(x []float64) (bool, error) {
	if len(x) != len(u.Weights) {
		return false, inputsError{inputs: len(x), weights: len(u.Weights)}
	}
	dec := func(v float64) *big.Rat {
		r, ok := new(big.Rat).SetString(strconv.FormatFloat(v, 'g', -1, 64))
		if !ok { // NaN or ±Inf: no decimal; the float's comparison decides
			return nil
		}
		return r
	}
	sum := dec(u.Bias)
	for i, w := range u.Weights {
		a, b := dec(w), dec(x[i])
		if sum == nil || a == nil || b == nil {
			return u.Fires(x)
		}
		sum.Add(sum, a.Mul(a, b))
	}
	if sum == nil {
		return u.Fires(x)
	}
	return sum.Sign() >= 0, nil
}

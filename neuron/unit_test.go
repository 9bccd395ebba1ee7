package neuron

import (
	"errors"
	"math"
	"testing"
)

func TestNewUnit(t *testing.T) {
	w := []float64{1, 2}
	u := NewUnit(w, 1.5)
	if u.Bias != -1.5 || u.Threshold() != 1.5 {
		t.Errorf("Bias, Threshold = %v, %v, want -1.5, 1.5", u.Bias, u.Threshold())
	}
	w[0] = 9
	if u.Weights[0] != 1 {
		t.Errorf("NewUnit shares the weights slice with its caller")
	}
}

func TestWeightedInput(t *testing.T) {
	tests := []struct {
		name string
		u    Unit
		x    []float64
		want float64
	}{
		{"and-gate-11", NewUnit([]float64{1, 1}, 1.5), []float64{1, 1}, 0.5},
		{"and-gate-00", NewUnit([]float64{1, 1}, 1.5), []float64{0, 0}, -1.5},
		{"three-inputs", NewUnit([]float64{2, -1, 0.5}, 1), []float64{1, 1, 2}, 1},
		{"bias-only", Unit{Bias: 0.25}, nil, 0.25},
		{"negative-threshold", NewUnit([]float64{1}, -2), []float64{0}, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := tt.u.WeightedInput(tt.x)
			if err != nil {
				t.Fatal(err)
			}
			if got != tt.want {
				t.Errorf("WeightedInput(%v) = %v, want %v", tt.x, got, tt.want)
			}
		})
	}
}

func TestInputErrors(t *testing.T) {
	tests := []struct {
		name    string
		weights []float64
		x       []float64
		want    string
	}{
		{"too-many", []float64{1, 1}, []float64{1, 0, 1}, "neuron: 3 inputs for 2 weights"},
		{"too-few", []float64{1, 1, 1}, []float64{1}, "neuron: 1 inputs for 3 weights"},
		{"none", []float64{1}, nil, "neuron: 0 inputs for 1 weights"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			u := NewUnit(tt.weights, 0)
			_, err1 := u.WeightedInput(tt.x)
			_, err2 := u.Output(tt.x, Sigmoid)
			_, err3 := u.Fires(tt.x)
			for _, err := range []error{err1, err2, err3} {
				if err == nil || err.Error() != tt.want {
					t.Errorf("err = %v, want %q", err, tt.want)
				}
				if !errors.Is(err, ErrInputs) {
					t.Errorf("errors.Is(%v, ErrInputs) = false", err)
				}
			}
		})
	}
}

func TestOutput(t *testing.T) {
	u := NewUnit([]float64{1, 1}, 1)
	tests := []struct {
		name string
		x    []float64
		a    Activation
		want float64
	}{
		{"step-at-threshold", []float64{1, 0}, Step, 1},
		{"step-below", []float64{0, 0}, Step, 0},
		{"nil-is-step", []float64{1, 0}, nil, 1},
		{"sigmoid-at-threshold", []float64{0.5, 0.5}, Sigmoid, 0.5},
		{"relu", []float64{2, 1}, ReLU, 2},
		{"relu-below", []float64{0, 0}, ReLU, 0},
		{"tanh", []float64{1, 1}, Tanh, math.Tanh(1)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := u.Output(tt.x, tt.a)
			if err != nil {
				t.Fatal(err)
			}
			if got != tt.want {
				t.Errorf("Output(%v) = %v, want %v", tt.x, got, tt.want)
			}
		})
	}
}

func TestFires(t *testing.T) {
	tests := []struct {
		name  string
		w     []float64
		theta float64
		fires []bool // for Corners(len(w)) in order
	}{
		{"and", []float64{1, 1}, 1.5, []bool{false, false, false, true}},
		{"or", []float64{1, 1}, 0.5, []bool{false, true, true, true}},
		{"at-threshold-fires", []float64{1, 1}, 1, []bool{false, true, true, true}},
		{"nand", []float64{-1, -1}, -1.5, []bool{true, true, true, false}},
		{"majority", []float64{1, 1, 1}, 2, []bool{false, false, false, true, false, true, true, true}},
		{"zero-weights-zero-threshold", []float64{0, 0}, 0, []bool{true, true, true, true}},
		{"float-threshold", []float64{0.1, 0.2}, 0.3, []bool{false, false, false, true}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			u := NewUnit(tt.w, tt.theta)
			for i, x := range Corners(len(tt.w)) {
				got, err := u.Fires(x)
				if err != nil {
					t.Fatal(err)
				}
				if got != tt.fires[i] {
					t.Errorf("Fires(%v) = %v, want %v", x, got, tt.fires[i])
				}
			}
		})
	}
}

// TestFiresAsWritten: a corner on the boundary as the numbers are written
// fires, though the rounded sum falls short of the threshold.
func TestFiresAsWritten(t *testing.T) {
	for _, tc := range []struct {
		w     []float64
		theta float64
		fires []bool // for Corners(len(w)) in order
	}{
		{[]float64{0.7, 0.1}, 0.8, []bool{false, false, false, true}},
		{[]float64{0.1, 0.2}, 0.3, []bool{false, false, false, true}},
		{[]float64{1, 1}, 1, []bool{false, true, true, true}},
		{[]float64{-0.7, -0.1}, -0.8, []bool{true, true, true, true}},
		{[]float64{0.7, 0.1}, 0.8000000000000001, []bool{false, false, false, false}},
		{[]float64{1e-300, -1e-300}, 0, []bool{true, true, false, true}},
	} {
		u := NewUnit(tc.w, tc.theta)
		for i, x := range Corners(len(tc.w)) {
			got, err := u.FiresAsWritten(x)
			if err != nil || got != tc.fires[i] {
				t.Errorf("w %v, θ %v at %v: fires %v (%v), want %v", tc.w, tc.theta, x, got, err, tc.fires[i])
			}
		}
	}
	if _, err := NewUnit([]float64{1, 1}, 1).FiresAsWritten([]float64{1}); !errors.Is(err, ErrInputs) {
		t.Errorf("2 weights, 1 input: %v, want ErrInputs", err)
	}
}

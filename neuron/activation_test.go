package neuron

import (
	"math"
	"reflect"
	"slices"
	"testing"
)

func TestActivations(t *testing.T) {
	tests := []struct {
		name string
		a    Activation
		z    float64
		want float64
	}{
		{"step-zero-is-one", Step, 0, 1},
		{"step-negative-zero", Step, math.Copysign(0, -1), 1},
		{"step-below", Step, -1e-300, 0},
		{"step-above", Step, 3, 1},
		{"step-minus-inf", Step, math.Inf(-1), 0},
		{"sigmoid-zero", Sigmoid, 0, 0.5},
		{"sigmoid-one", Sigmoid, 1, 1 / (1 + math.Exp(-1))},
		{"sigmoid-minus-one", Sigmoid, -1, 1 / (1 + math.Exp(1))},
		{"sigmoid-large", Sigmoid, 1000, 1},
		{"sigmoid-large-negative", Sigmoid, -1000, 0},
		{"sigmoid-plus-inf", Sigmoid, math.Inf(1), 1},
		{"sigmoid-minus-inf", Sigmoid, math.Inf(-1), 0},
		{"tanh-zero", Tanh, 0, 0},
		{"tanh-large", Tanh, 1000, 1},
		{"relu-negative", ReLU, -2, 0},
		{"relu-zero", ReLU, 0, 0},
		{"relu-positive", ReLU, 2.5, 2.5},
		{"identity-negative", Identity, -2.5, -2.5},
		{"identity-zero", Identity, 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.a(tt.z); math.Abs(got-tt.want) > 1e-15 || math.IsNaN(got) {
				t.Errorf("a(%v) = %v, want %v", tt.z, got, tt.want)
			}
		})
	}
}

func TestSigmoidSymmetry(t *testing.T) {
	for _, z := range []float64{0, 1e-9, 0.5, 1, 2, 5, 10, 36, 100, 709, 710, 1e10, math.MaxFloat64} {
		lo, hi := Sigmoid(-z), Sigmoid(z)
		if math.IsNaN(lo) || math.IsNaN(hi) || lo < 0 || hi > 1 {
			t.Errorf("Sigmoid(±%v) = %v, %v, want values in [0, 1]", z, lo, hi)
		}
		if d := math.Abs(lo - (1 - hi)); d > 1e-15 {
			t.Errorf("σ(−%v) − (1 − σ(%v)) = %v, want 0", z, z, d)
		}
		if z > 0 && lo > hi {
			t.Errorf("σ(−%v) = %v > σ(%v) = %v", z, lo, z, hi)
		}
	}
}

func TestActivationByName(t *testing.T) {
	tests := []struct {
		name string
		ok   bool
		at1  float64 // the activation at z = 1
	}{
		{"step", true, 1},
		{"sigmoid", true, Sigmoid(1)},
		{"tanh", true, math.Tanh(1)},
		{"relu", true, 1},
		{"identity", true, 1},
		{"Step", false, 0},
		{"softmax", false, 0},
		{"", false, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, ok := ActivationByName(tt.name)
			if ok != tt.ok || (a == nil) == ok {
				t.Fatalf("ActivationByName(%q) = %v, %v, want ok %v", tt.name, a != nil, ok, tt.ok)
			}
			if ok && a(1) != tt.at1 {
				t.Errorf("%s(1) = %v, want %v", tt.name, a(1), tt.at1)
			}
		})
	}
}

func TestActivationNames(t *testing.T) {
	names := ActivationNames()
	if !slices.IsSorted(names) {
		t.Errorf("ActivationNames() = %q, not sorted", names)
	}
	for _, n := range names {
		if _, ok := ActivationByName(n); !ok {
			t.Errorf("ActivationByName(%q) unknown", n)
		}
	}
	names[0] = "changed"
	if ActivationNames()[0] == "changed" {
		t.Errorf("ActivationNames shares its slice between calls")
	}
}

func TestJumps(t *testing.T) {
	tests := []struct {
		name string
		want []float64
	}{
		{"step", []float64{0}},
		{"sigmoid", nil},
		{"tanh", nil},
		{"relu", nil},
		{"identity", nil},
		{"unknown", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Jumps(tt.name)
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Jumps(%q) = %v, want %v", tt.name, got, tt.want)
			}
			// Across each jump the activation must actually be discontinuous.
			a, _ := ActivationByName(tt.name)
			for _, z := range got {
				if a(z) == a(math.Nextafter(z, math.Inf(-1))) {
					t.Errorf("%s has no jump at %v", tt.name, z)
				}
			}
		})
	}
}

// TestActivationsNonDecreasing: every activation is non-decreasing, as
// Activations promises.
func TestActivationsNonDecreasing(t *testing.T) {
	for _, a := range Activations() {
		prev := a.F(-50)
		for z := -50.0; z <= 50; z += 1.0 / 128 {
			y := a.F(z)
			if y < prev {
				t.Errorf("%s decreases at z = %g: %g after %g", a.Name, z, y, prev)
				break
			}
			prev = y
		}
	}
}

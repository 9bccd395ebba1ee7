package neuron

import (
	"errors"
	"math"
	"strings"
	"testing"
)

func TestForward(t *testing.T) {
	tests := []struct {
		name    string
		sizes   []int
		weights [][][]float64
		biases  [][]float64
		act     Activation
		x       []float64
		want    [][]float64
	}{
		{
			name:    "identity-2-1",
			sizes:   []int{2, 1},
			weights: [][][]float64{{{2, -1}}},
			biases:  [][]float64{{0.5}},
			act:     Identity,
			x:       []float64{3, 4},
			want:    [][]float64{{3, 4}, {2*3 - 4 + 0.5}},
		},
		{
			// Rows are the target units: row j holds w_j1 … w_jn.
			name:    "rows-are-targets",
			sizes:   []int{3, 2},
			weights: [][][]float64{{{1, 0, 0}, {0, 0, 1}}},
			act:     nil, // identity
			x:       []float64{5, 6, 7},
			want:    [][]float64{{5, 6, 7}, {5, 7}},
		},
		{
			// AND and OR of two inputs with the step, then XOR = OR ∧ ¬AND.
			name:    "step-xor",
			sizes:   []int{2, 2, 1},
			weights: [][][]float64{{{1, 1}, {1, 1}}, {{-1, 1}}},
			biases:  [][]float64{{-1.5, -0.5}, {-0.5}},
			act:     Step,
			x:       []float64{1, 0},
			want:    [][]float64{{1, 0}, {0, 1}, {1}},
		},
		{
			name:    "relu-cuts-negative",
			sizes:   []int{1, 2},
			weights: [][][]float64{{{1}, {-1}}},
			act:     ReLU,
			x:       []float64{2},
			want:    [][]float64{{2}, {2, 0}},
		},
		{
			name:    "sigmoid-zero-is-half",
			sizes:   []int{2, 3},
			weights: [][][]float64{{{0, 0}, {1, -1}, {2, 2}}},
			biases:  [][]float64{{0, 0, -4}},
			act:     Sigmoid,
			x:       []float64{1, 1},
			want:    [][]float64{{1, 1}, {0.5, 0.5, 0.5}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n, err := NewNetwork(tt.sizes, tt.weights, tt.biases, tt.act)
			if err != nil {
				t.Fatal(err)
			}
			got, err := n.Forward(tt.x)
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != len(tt.want) {
				t.Fatalf("Forward gave %d layers, want %d", len(got), len(tt.want))
			}
			for l := range got {
				if len(got[l]) != len(tt.want[l]) {
					t.Fatalf("layer %d: %v, want %v", l+1, got[l], tt.want[l])
				}
				for j := range got[l] {
					if math.Abs(got[l][j]-tt.want[l][j]) > 1e-12 {
						t.Errorf("layer %d unit %d: %v, want %v", l+1, j+1, got[l][j], tt.want[l][j])
					}
				}
			}
		})
	}
}

// TestForwardCopies: the network keeps its own numbers and hands out its
// own slices.
func TestForwardCopies(t *testing.T) {
	w := [][][]float64{{{1, 2}}}
	x := []float64{1, 1}
	n, err := NewNetwork([]int{2, 1}, w, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	w[0][0][0] = 100
	as, _ := n.Forward(x)
	if as[1][0] != 3 {
		t.Errorf("output %v after the caller's matrix changed, want 3", as[1][0])
	}
	as[0][0] = 9
	if x[0] != 1 {
		t.Errorf("Forward's input layer shares the caller's slice")
	}
}

func TestWeightedInputs(t *testing.T) {
	n, err := NewNetwork([]int{2, 1}, [][][]float64{{{1, 1}}}, [][]float64{{-1.5}}, Step)
	if err != nil {
		t.Fatal(err)
	}
	zs, err := n.WeightedInputs([]float64{1, 0})
	if err != nil || len(zs) != 1 || zs[0][0] != -0.5 {
		t.Errorf("WeightedInputs = %v, %v, want [[-0.5]]", zs, err)
	}
}

func TestNetworkShapes(t *testing.T) {
	tests := []struct {
		name    string
		sizes   []int
		weights [][][]float64
		biases  [][]float64
		x       []float64
		want    string // in the error; "" for none
	}{
		{"ok", []int{2, 1}, [][][]float64{{{1, 1}}}, nil, []float64{0, 0}, ""},
		{"one-layer", []int{3}, nil, nil, nil, "1 layers; a network has at least 2"},
		{"empty-layer", []int{2, 0}, [][][]float64{{}}, nil, nil, "layer 2 has 0 units"},
		{"matrices", []int{2, 2, 1}, [][][]float64{{{1, 1}, {1, 1}}}, nil, nil, "1 weight matrices for 3 layers; want 2"},
		{"rows", []int{2, 3}, [][][]float64{{{1, 1}, {1, 1}}}, nil, nil, "weights 1 has 2 rows for the 3 units of layer 2"},
		{"columns", []int{2, 1}, [][][]float64{{{1, 1, 1}}}, nil, nil, "row 1 of weights 1 has 3 entries for the 2 units of layer 1"},
		{"bias-vectors", []int{2, 1}, [][][]float64{{{1, 1}}}, [][]float64{{0}, {0}}, nil, "2 bias vectors for 2 layers; want 1"},
		{"bias-length", []int{2, 1}, [][][]float64{{{1, 1}}}, [][]float64{{0, 0}}, nil, "biases 1 has 2 entries for the 1 units of layer 2"},
		{"input", []int{2, 1}, [][][]float64{{{1, 1}}}, nil, []float64{1, 2, 3}, "3 inputs for the 2 units of layer 1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n, err := NewNetwork(tt.sizes, tt.weights, tt.biases, Sigmoid)
			if err == nil && tt.x != nil {
				_, err = n.Forward(tt.x)
			}
			switch {
			case tt.want == "" && err != nil:
				t.Fatalf("unexpected error %v", err)
			case tt.want == "":
			case err == nil:
				t.Fatalf("no error, want %q", tt.want)
			case !errors.Is(err, ErrShape):
				t.Errorf("%v does not match ErrShape", err)
			case !strings.Contains(err.Error(), tt.want):
				t.Errorf("error %q, want it to contain %q", err, tt.want)
			}
		})
	}
}

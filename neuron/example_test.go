package neuron_test

import (
	"errors"
	"fmt"

	"github.com/figgen/figgen/neuron"
)

// An AND gate: both inputs must be on for the weighted sum to reach θ = 1.5.
func ExampleUnit_Fires() {
	and := neuron.NewUnit([]float64{1, 1}, 1.5)
	for _, x := range neuron.Corners(2) {
		fires, _ := and.Fires(x)
		fmt.Println(x, fires)
	}
	// Output:
	// [0 0] false
	// [1 0] false
	// [0 1] false
	// [1 1] true
}

func ExampleUnit_WeightedInput() {
	u := neuron.NewUnit([]float64{0.5, 1, 2}, 1) // b = −1
	z, _ := u.WeightedInput([]float64{1, 1, 0})
	fmt.Println(z)
	_, err := u.WeightedInput([]float64{1, 1})
	fmt.Println(err, errors.Is(err, neuron.ErrInputs))
	// Output:
	// 0.5
	// neuron: 2 inputs for 3 weights true
}

func ExampleStep() {
	for _, z := range []float64{-1, 0, 1} {
		fmt.Printf("u(%g) = %g\n", z, neuron.Step(z))
	}
	fmt.Println(neuron.Jumps("step"))
	// Output:
	// u(-1) = 0
	// u(0) = 1
	// u(1) = 1
	// [0]
}

func ExampleSigmoid() {
	for _, z := range []float64{-1000, -2, 0, 2, 1000} {
		fmt.Printf("σ(%g) = %.4f\n", z, neuron.Sigmoid(z))
	}
	// Output:
	// σ(-1000) = 0.0000
	// σ(-2) = 0.1192
	// σ(0) = 0.5000
	// σ(2) = 0.8808
	// σ(1000) = 1.0000
}

func ExampleActivationByName() {
	for _, name := range neuron.ActivationNames() {
		a, _ := neuron.ActivationByName(name)
		fmt.Printf("%s(-1) = %.3f\n", name, a(-1))
	}
	// Output:
	// identity(-1) = -1.000
	// relu(-1) = 0.000
	// sigmoid(-1) = 0.269
	// step(-1) = 0.000
	// tanh(-1) = -0.762
}

func ExampleBoundarySegment() {
	box := neuron.Box2{X0: 0, X1: 1, Y0: 0, Y1: 1}
	a, b, ok := neuron.BoundarySegment([2]float64{1, 1}, 1.5, box)
	fmt.Println(a, b, ok)
	// Output:
	// [1 0.5] [0.5 1] true
}

func ExampleFiringRegion() {
	box := neuron.Box2{X0: 0, X1: 1, Y0: 0, Y1: 1}
	fmt.Println(neuron.FiringRegion([2]float64{1, 1}, 1.5, box))
	fmt.Println(neuron.FiringRegion([2]float64{1, 1}, 0.5, box))
	fmt.Println(neuron.FiringRegion([2]float64{1, 1}, 3, box))
	// Output:
	// [[1 0.5] [1 1] [0.5 1]]
	// [[0.5 0] [1 0] [1 1] [0 1] [0 0.5]]
	// []
}

func ExampleCubeSection() {
	fmt.Println(neuron.CubeSection([3]float64{1, 1, 1}, 0.5))
	fmt.Println(neuron.CubeSection([3]float64{1, 1, 1}, 1.5))
	fmt.Println(neuron.CubeSection([3]float64{1, 1, 1}, 10))
	// Output:
	// [[0.5 0 0] [0 0.5 0] [0 0 0.5]]
	// [[0.5 0 1] [1 0 0.5] [1 0.5 0] [0.5 1 0] [0 1 0.5] [0 0.5 1]]
	// []
}

// The corners of the unit cube marked by whether a majority unit fires.
func ExampleCorners() {
	majority := neuron.NewUnit([]float64{1, 1, 1}, 2)
	for _, x := range neuron.Corners(3) {
		fires, _ := majority.Fires(x)
		fmt.Println(x, fires)
	}
	// Output:
	// [0 0 0] false
	// [1 0 0] false
	// [0 1 0] false
	// [1 1 0] true
	// [0 0 1] false
	// [1 0 1] true
	// [0 1 1] true
	// [1 1 1] true
}

// A 3×3 filter that finds a vertical stroke, slid over a 4×4 image at
// stride 1: the feature map is 2×2, one value per window.
func ExampleCrossCorrelate() {
	image := [][]float64{
		{0, 1, 0, 0},
		{0, 1, 0, 0},
		{0, 1, 0, 0},
		{0, 1, 1, 0},
	}
	filter := [][]float64{
		{0, 1, 0},
		{0, 1, 0},
		{0, 1, 0},
	}
	m, _ := neuron.CrossCorrelate(image, filter, -1)
	for _, row := range m {
		fmt.Println(row)
	}
	// Output:
	// [2 -1]
	// [2 0]
}

// The forward pass of a 2-2-1 network of step units computing XOR: the
// hidden units are AND and OR, the output fires for OR and not AND. Row j
// of each weight matrix holds the weights into unit j of the next layer.
func ExampleNetwork_Forward() {
	net, err := neuron.NewNetwork(
		[]int{2, 2, 1},
		[][][]float64{
			{{1, 1}, {1, 1}}, // into AND, into OR
			{{-1, 1}},        // into the output
		},
		[][]float64{{-1.5, -0.5}, {-0.5}},
		neuron.Step,
	)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, x := range neuron.Corners(2) {
		a, _ := net.Forward(x)
		fmt.Println(x, a[1], a[2])
	}
	_, err = net.Forward([]float64{1})
	fmt.Println(err, errors.Is(err, neuron.ErrShape))
	// Output:
	// [0 0] [0 0] [0]
	// [1 0] [0 1] [1]
	// [0 1] [0 1] [1]
	// [1 1] [1 1] [0]
	// neuron: 1 inputs for the 2 units of layer 1 true
}

// Gradient descent on C(w) = w² from w = 4 with η = 0.25: each step
// w ← w − η·2w halves w.
func ExampleDescent() {
	cost := func(w []float64) float64 { return w[0] * w[0] }
	path, _ := neuron.Descent(cost, nil, []float64{4}, 0.25, 3)
	for _, w := range path {
		fmt.Printf("%.4f\n", w[0])
	}
	// Output:
	// 4.0000
	// 2.0000
	// 1.0000
	// 0.5000
}

// The perceptron rule learns AND from w = 0, θ = 0: the line it ends on
// separates (1, 1) from the other corners.
func ExamplePerceptron() {
	and, _ := neuron.Gates("and")
	epochs, _ := neuron.Perceptron(and, []float64{0, 0}, 0, 0.1, 20)
	for i, e := range epochs {
		fmt.Printf("epoch %d: w = [%.1f %.1f], θ = %.1f, %d errors\n", i+1, e.W[0], e.W[1], e.Theta, e.Errors)
	}
	last := epochs[len(epochs)-1]
	fmt.Println(neuron.Separates(and, last.W, last.Theta))
	// Output:
	// epoch 1: w = [0.1 0.1], θ = 0.0, 2 errors
	// epoch 2: w = [0.1 0.2], θ = 0.1, 3 errors
	// epoch 3: w = [0.1 0.2], θ = 0.2, 3 errors
	// epoch 4: w = [0.1 0.2], θ = 0.2, 0 errors
	// true
}

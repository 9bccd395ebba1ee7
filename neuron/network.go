package neuron

import (
	"gonum.org/v1/gonum/mat"
)

// Network is a layered feed-forward network. Layer 1 is the input; layer
// l+1 (l ≥ 1) computes
//
//	z^(l+1) = W^(l+1) a^(l) + b^(l+1),   a^(l+1) = f(z^(l+1))
//
// where W^(l+1) = Weights[l-1] has one row per unit of layer l+1 (the
// target) and one column per unit of layer l (the source), so that its
// entry (j, i) is the weight w_ji of the edge from unit i to unit j, and
// b^(l+1) = Biases[l-1]. The activation f applies to every layer after the
// input, the output layer included (Identity leaves it linear).
type Network struct {
	Sizes      []int
	Weights    []*mat.Dense
	Biases     []*mat.VecDense
	Activation Activation
}

// NewNetwork returns the network of the given layer sizes (at least two,
// each at least 1), with weights[k] the rows×columns matrix from layer k+1
// to layer k+2 (rows = target units) and biases[k] the biases of layer
// k+2. A nil biases means every bias is 0; a nil activation is Identity.
// The numbers are copied. A matrix, row or vector of the wrong length is
// an error matching ErrShape that names both sizes.
func NewNetwork(sizes []int, weights [][][]float64, biases [][]float64, a Activation) (*Network, error) {
	if len(sizes) < 2 {
		return nil, shapef("%d layers; a network has at least 2", len(sizes))
	}
	for l, n := range sizes {
		if n < 1 {
			return nil, shapef("layer %d has %d units; a layer has at least 1", l+1, n)
		}
	}
	conn := len(sizes) - 1
	if len(weights) != conn {
		return nil, shapef("%d weight matrices for %d layers; want %d, one per connection", len(weights), len(sizes), conn)
	}
	if biases != nil && len(biases) != conn {
		return nil, shapef("%d bias vectors for %d layers; want %d, one per layer after the input", len(biases), len(sizes), conn)
	}
	if a == nil {
		a = Identity
	}
	net := &Network{Sizes: append([]int(nil), sizes...), Activation: a}
	for k, w := range weights {
		rows, cols := sizes[k+1], sizes[k]
		if len(w) != rows {
			return nil, shapef("weights %d has %d rows for the %d units of layer %d (one row per target unit)", k+1, len(w), rows, k+2)
		}
		m := mat.NewDense(rows, cols, nil)
		for j, row := range w {
			if len(row) != cols {
				return nil, shapef("row %d of weights %d has %d entries for the %d units of layer %d (one per source unit)", j+1, k+1, len(row), cols, k+1)
			}
			m.SetRow(j, row)
		}
		net.Weights = append(net.Weights, m)
		b := mat.NewVecDense(rows, nil)
		if biases != nil {
			if len(biases[k]) != rows {
				return nil, shapef("biases %d has %d entries for the %d units of layer %d", k+1, len(biases[k]), rows, k+2)
			}
			for j, v := range biases[k] {
				b.SetVec(j, v)
			}
		}
		net.Biases = append(net.Biases, b)
	}
	return net, nil
}

// Forward runs the network on the input x and returns the activations of
// every layer, the input first (a copy of x) and the output last. An x of
// the wrong length is an error matching ErrShape.
func (n *Network) Forward(x []float64) ([][]float64, error) {
	_, as, err := n.pass(x)
	return as, err
}

// WeightedInputs returns the weighted inputs z of every layer after the
// input, in order: z[k] is the weighted input of layer k+2.
func (n *Network) WeightedInputs(x []float64) ([][]float64, error) {
	zs, _, err := n.pass(x)
	return zs, err
}

// pass computes the weighted inputs and activations of every layer.
func (n *Network) pass(x []float64) (zs, as [][]float64, err error) {
	if len(x) != n.Sizes[0] {
		return nil, nil, shapef("%d inputs for the %d units of layer 1", len(x), n.Sizes[0])
	}
	a := mat.NewVecDense(len(x), append([]float64(nil), x...))
	as = append(as, append([]float64(nil), x...))
	for k, w := range n.Weights {
		z := mat.NewVecDense(n.Sizes[k+1], nil)
		z.MulVec(w, a)
		z.AddVec(z, n.Biases[k])
		zs = append(zs, append([]float64(nil), z.RawVector().Data...))
		next := mat.NewVecDense(z.Len(), nil)
		for j := range z.Len() {
			next.SetVec(j, n.Activation(z.AtVec(j)))
		}
		as = append(as, append([]float64(nil), next.RawVector().Data...))
		a = next
	}
	return zs, as, nil
}

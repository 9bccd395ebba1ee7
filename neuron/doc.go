// Package neuron holds the mathematics of the artificial neuron that the
// figures draw: a unit with weights and a bias (b = −θ), its weighted input
// z = w·x + b, the activation functions (unit step, sigmoid, tanh, ReLU,
// identity), the forward pass of a layered network (Network), learning
// (gradient descent on a cost, Descent; the perceptron rule, Perceptron), and the
// geometry of the threshold boundary w·x = θ, as a line clipped to a box
// for two inputs and as a section of the unit cube for three.
//
// A unit fires (y = 1) when the weighted sum reaches the threshold, w·x ≥ θ,
// so the unit step is closed at the top: u(0) = 1.
//
// Package neuron uses the standard library and gonum's mat (the layer
// arithmetic), diff/fd (gradients by central differences) and floats only. It must not import any other figgen package (spec,
// figures, typeset, cmd) nor any plotting or YAML library: it is pure
// mathematics that the rest of figgen builds on. It has no package-level
// mutable state.
package neuron

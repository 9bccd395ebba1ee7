package neuron

import (
	"errors"
	"fmt"
)

// ErrShape is matched (with errors.Is) by every error of a matrix or
// vector whose shape does not fit: an empty or ragged matrix, a filter
// larger than its image (CrossCorrelate), weights, biases or an input
// that do not fit the layer sizes (NewNetwork, Network.Forward). The
// error's text names what does not fit, with both sizes.
var ErrShape = errors.New("neuron: shapes do not fit")

// shapeError names what does not fit.
type shapeError struct{ msg string }

func (e shapeError) Error() string        { return "neuron: " + e.msg }
func (e shapeError) Is(target error) bool { return target == ErrShape }

func shapef(format string, args ...any) error {
	return shapeError{fmt.Sprintf(format, args...)}
}

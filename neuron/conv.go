package neuron

import (
	"fmt"
)

// Shape returns the rows and columns of the matrix m (rows of equal
// length, at least one of one value). The error matches ErrShape when m is
// empty or ragged; what names m in it.
func Shape(what string, m [][]float64) (rows, cols int, err error) {
	if len(m) == 0 || len(m[0]) == 0 {
		return 0, 0, shapeError{what + " is empty"}
	}
	for i, r := range m {
		if len(r) != len(m[0]) {
			return 0, 0, shapeError{fmt.Sprintf("%s row %d has %d values, row 1 has %d", what, i+1, len(r), len(m[0]))}
		}
	}
	return len(m), len(m[0]), nil
}

// FeatureShape returns the shape of the feature map of an ih×iw image and
// an fh×fw filter at stride 1 without padding: (ih−fh+1)×(iw−fw+1). The
// error matches ErrShape when the filter is larger than the image either
// way.
func FeatureShape(ih, iw, fh, fw int) (rows, cols int, err error) {
	if fh > ih || fw > iw {
		return 0, 0, shapeError{fmt.Sprintf("filter of %d×%d is larger than the image of %d×%d", fh, fw, ih, iw)}
	}
	return ih - fh + 1, iw - fw + 1, nil
}

// CrossCorrelate returns the feature map of image under filter: the valid
// cross-correlation at stride 1 (what deep-learning texts call a
// convolution; the filter is not flipped) plus bias,
//
//	c[i][j] = Σₚ Σ_q image[i+p][j+q] · filter[p][q] + b,
//
// for every window of the filter's size that lies inside the image. The
// error matches ErrShape when either matrix is empty or ragged, or the
// filter is larger than the image.
func CrossCorrelate(image, filter [][]float64, bias float64) ([][]float64, error) {
	ih, iw, err := Shape("image", image)
	if err != nil {
		return nil, err
	}
	fh, fw, err := Shape("filter", filter)
	if err != nil {
		return nil, err
	}
	h, w, err := FeatureShape(ih, iw, fh, fw)
	if err != nil {
		return nil, err
	}
	out := make([][]float64, h)
	for i := range out {
		out[i] = make([]float64, w)
		for j := range out[i] {
			var s float64
			for p, fr := range filter {
				for q, v := range fr {
					s += image[i+p][j+q] * v
				}
			}
			out[i][j] = s + bias
		}
	}
	return out, nil
}

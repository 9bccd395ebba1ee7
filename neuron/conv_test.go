package neuron

import (
	"errors"
	"reflect"
	"testing"
)

func TestCrossCorrelate(t *testing.T) {
	tests := []struct {
		name          string
		image, filter [][]float64
		bias          float64
		want          [][]float64
	}{
		{"one-by-one", [][]float64{{2}}, [][]float64{{3}}, 1, [][]float64{{7}}},
		{"filter-as-large-as-image", [][]float64{{1, 2}, {3, 4}}, [][]float64{{1, 0}, {0, -1}}, 0, [][]float64{{-3}}},
		{
			// Not flipped: a convolution proper would give 2 and 3.
			"not-flipped", [][]float64{{1, 2, 3}}, [][]float64{{1, 0}}, 0, [][]float64{{1, 2}},
		},
		{
			"3x3-over-4x4-with-bias",
			[][]float64{{1, 0, 0, 1}, {0, 1, 1, 0}, {0, 1, 1, 0}, {1, 0, 0, 1}},
			[][]float64{{1, 0, 0}, {0, 1, 0}, {0, 0, 1}},
			-1,
			[][]float64{{2, 0}, {0, 2}},
		},
		{
			"wide-filter", [][]float64{{1, 2, 3, 4}, {5, 6, 7, 8}}, [][]float64{{1, 1, 1}}, 0.5,
			[][]float64{{6.5, 9.5}, {18.5, 21.5}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := CrossCorrelate(tt.image, tt.filter, tt.bias)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("CrossCorrelate = %v, want %v", got, tt.want)
			}
		})
	}
}

// TestFeatureShape checks (ih−fh+1)×(iw−fw+1) against the map
// CrossCorrelate computes, for every filter that fits a 6×5 image.
func TestFeatureShape(t *testing.T) {
	const ih, iw = 6, 5
	image := make([][]float64, ih)
	for i := range image {
		image[i] = make([]float64, iw)
	}
	for fh := 1; fh <= ih+1; fh++ {
		for fw := 1; fw <= iw+1; fw++ {
			filter := make([][]float64, fh)
			for i := range filter {
				filter[i] = make([]float64, fw)
			}
			h, w, err := FeatureShape(ih, iw, fh, fw)
			m, cerr := CrossCorrelate(image, filter, 0)
			if fh > ih || fw > iw {
				if !errors.Is(err, ErrShape) || !errors.Is(cerr, ErrShape) {
					t.Errorf("%d×%d filter: errors %v, %v; want ErrShape", fh, fw, err, cerr)
				}
				continue
			}
			if err != nil || cerr != nil {
				t.Fatalf("%d×%d filter: %v, %v", fh, fw, err, cerr)
			}
			if h != ih-fh+1 || w != iw-fw+1 || len(m) != h || len(m[0]) != w {
				t.Errorf("%d×%d filter: FeatureShape %d×%d, map %d×%d; want %d×%d", fh, fw, h, w, len(m), len(m[0]), ih-fh+1, iw-fw+1)
			}
		}
	}
}

func TestCrossCorrelateErrors(t *testing.T) {
	tests := []struct {
		name          string
		image, filter [][]float64
		want          string
	}{
		{"empty-image", nil, [][]float64{{1}}, "neuron: image is empty"},
		{"empty-row", [][]float64{{}}, [][]float64{{1}}, "neuron: image is empty"},
		{"ragged-image", [][]float64{{1, 2}, {3}}, [][]float64{{1}}, "neuron: image row 2 has 1 values, row 1 has 2"},
		{"ragged-filter", [][]float64{{1, 2}, {3, 4}}, [][]float64{{1}, {1, 2}}, "neuron: filter row 2 has 2 values, row 1 has 1"},
		{"filter-too-tall", [][]float64{{1, 2}}, [][]float64{{1}, {1}}, "neuron: filter of 2×1 is larger than the image of 1×2"},
		{"filter-too-wide", [][]float64{{1}, {2}}, [][]float64{{1, 1}}, "neuron: filter of 1×2 is larger than the image of 2×1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := CrossCorrelate(tt.image, tt.filter, 0)
			if err == nil || !errors.Is(err, ErrShape) || err.Error() != tt.want {
				t.Errorf("error %v, want %q matching ErrShape", err, tt.want)
			}
		})
	}
}

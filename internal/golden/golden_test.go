package golden

import (
	"image"
	"image/color"
	"testing"
)

func fill(w, h int, c color.Color) *image.RGBA {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			img.Set(x, y, c)
		}
	}
	return img
}

// TestCompare checks the comparator itself: tolerance, counting, first
// position and size mismatch.
func TestCompare(t *testing.T) {
	white := color.RGBA{255, 255, 255, 255}
	base := fill(10, 10, white)
	near := fill(10, 10, color.RGBA{250, 250, 250, 255})
	spots := fill(10, 10, white)
	spots.Set(3, 2, color.RGBA{0, 0, 0, 255})
	spots.Set(7, 5, color.RGBA{0, 0, 0, 255})
	tests := []struct {
		name      string
		got, want image.Image
		ch        uint8
		count     int
		first     image.Point
		bounds    bool
	}{
		{"identical", base, base, 0, 0, image.Pt(-1, -1), false},
		{"within tolerance", near, base, 8, 0, image.Pt(-1, -1), false},
		{"beyond tolerance", near, base, 4, 100, image.Pt(0, 0), false},
		{"two spots", spots, base, 24, 2, image.Pt(3, 2), false},
		{"size mismatch", fill(9, 10, white), base, 24, 0, image.Pt(0, 0), true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := Compare(tc.got, tc.want, tc.ch)
			if d.Bounds != tc.bounds {
				t.Fatalf("Bounds = %v, want %v", d.Bounds, tc.bounds)
			}
			if tc.bounds {
				return
			}
			if d.Count != tc.count || d.First != tc.first {
				t.Errorf("Compare = %d differing, first %v; want %d, first %v", d.Count, d.First, tc.count, tc.first)
			}
		})
	}
}

package figures

import (
	"math"
	"reflect"
	"testing"
)

// The sampler's decisions must not hang on the last bit of a canvas
// coordinate: an arm64 build fuses multiply-adds in transforms and a
// libm may round differently, and the figure must still be the same.
func TestSampleIgnoresLastBits(t *testing.T) {
	fs := map[string]func(float64) float64{
		"sigmoid": func(x float64) float64 { return 1 / (1 + math.Exp(-x)) },
		"step": func(x float64) float64 {
			if x >= 1 {
				return 1
			}
			return 0
		},
		"pole": func(x float64) float64 { return 1 / x },
		"sin":  func(x float64) float64 { return math.Sin(3 * x) },
	}
	ty := func(y float64) float64 { return 36 + (y+1.5)/3*300 }
	for name, f := range fs {
		want := sampleCurve(f, -5, 5, 200, false, ty, 0.25, 36, 336)
		for _, dir := range []float64{math.Inf(1), math.Inf(-1)} {
			off := func(y float64) float64 { return math.Nextafter(ty(y), dir) }
			if got := sampleCurve(f, -5, 5, 200, false, off, 0.25, 36, 336); !reflect.DeepEqual(got, want) {
				t.Errorf("%s: a canvas y one bit off changes the sampling (%d pieces, %d jumps; want %d, %d)",
					name, len(got.pieces), len(got.jumps), len(want.pieces), len(want.jumps))
			}
		}
	}
}

// A tie: a line climbing exactly 64 tolerances per initial interval is
// not refined; a canvas y a bit above on every other sample must not
// make it so.
func TestSampleTieIgnoresLastBits(t *testing.T) {
	f := func(x float64) float64 { return 16 * x }
	ty := func(y float64) float64 { return 100 + y }
	off := func(y float64) float64 {
		if int(y/16)%2 == 1 {
			return math.Nextafter(ty(y), math.Inf(1))
		}
		return ty(y)
	}
	want := sampleCurve(f, 0, 10, 10, false, ty, 0.25, 0, 400)
	if n := len(want.pieces[0]); n != 11 {
		t.Fatalf("the line is drawn with %d points, want 11", n)
	}
	if got := sampleCurve(f, 0, 10, 10, false, off, 0.25, 0, 400); !reflect.DeepEqual(got, want) {
		t.Errorf("a canvas y one bit off changes the sampling: %d points, want %d", len(got.pieces[0]), len(want.pieces[0]))
	}
}

func TestOnGrid(t *testing.T) {
	for _, c := range []struct{ in, want float64 }{
		{192.26, 787497.0 / 4096},
		{math.Nextafter(0.25, 1), 0.25},
		{math.Nextafter(0.25, 0), 0.25},
		{-3.00000000001, -3},
	} {
		if got := onGrid(c.in); got != c.want {
			t.Errorf("onGrid(%v) = %v, want %v", c.in, got, c.want)
		}
	}
}

package spec

import (
	"math"
	"testing"
)

// TestNum: messages write numbers as a person reads them, never Go's
// 1e-07 or 1e+09 forms, and exactly.
func TestNum(t *testing.T) {
	for _, tc := range []struct {
		v    float64
		want string
	}{
		{0, "0"}, {math.Copysign(0, -1), "0"}, {2, "2"}, {-0.5, "-0.5"}, {12345, "12345"},
		{1e-7, "1 × 10⁻⁷"}, {-1e9, "-1 × 10⁹"}, {-9.99999e8, "-9.99999 × 10⁸"}, {1.5e300, "1.5 × 10³⁰⁰"},
		{1.0000001, "1.0000001"}, {math.Inf(1), "∞"}, {math.Inf(-1), "-∞"}, {math.NaN(), "NaN"},
	} {
		if got := Num(tc.v); got != tc.want {
			t.Errorf("Num(%v) = %q, want %q", tc.v, got, tc.want)
		}
	}
}

func TestCount(t *testing.T) {
	for _, tc := range []struct {
		n    int
		want string
	}{{0, "0 inputs"}, {1, "1 input"}, {13, "13 inputs"}} {
		if got := Count(tc.n, "input"); got != tc.want {
			t.Errorf("Count(%d) = %q, want %q", tc.n, got, tc.want)
		}
	}
}

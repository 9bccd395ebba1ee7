package vector

import (
	"strconv"
	"testing"
)

// TestDecimal: decimal writes n/10^places with no trailing zeros, as it
// always has, in one allocation (it writes every coordinate of an SVG).
func TestDecimal(t *testing.T) {
	// The way decimal used to be written, the reference.
	ref := func(n int64, places int) string {
		neg := n < 0
		if neg {
			n = -n
		}
		p := int64(1)
		for range places {
			p *= 10
		}
		whole, frac := n/p, n%p
		s := strconv.FormatInt(whole, 10)
		if frac != 0 {
			d := strconv.FormatInt(frac+p, 10)[1:]
			for d[len(d)-1] == '0' {
				d = d[:len(d)-1]
			}
			s += "." + d
		}
		if neg && n != 0 {
			s = "-" + s
		}
		return s
	}
	for _, places := range []int{0, 1, 2, 3} {
		for _, n := range []int64{0, 1, -1, 5, 9, 10, 11, 99, 100, 101, 105, 120, 1000, 1005, 1050, -1050, 12345, -12345, 123456789, -7, -70, -700, 1 << 40, -(1 << 40)} {
			if got, want := decimal(n, places), ref(n, places); got != want {
				t.Errorf("decimal(%d, %d) = %q, want %q", n, places, got, want)
			}
		}
	}
	for n := int64(-100000); n <= 100000; n += 7 {
		if got, want := decimal(n, 2), ref(n, 2); got != want {
			t.Fatalf("decimal(%d, 2) = %q, want %q", n, got, want)
		}
	}
	if n := testing.AllocsPerRun(100, func() { _ = decimal(-1234567, 2) }); n > 1 {
		t.Errorf("decimal: %v allocations, want 1", n)
	}
}

package figures

import (
	"math"
	"testing"

	"github.com/figgen/figgen/spec"
)

// TestMeshIsoline: the contour of x² + y² at level 1 is the unit circle,
// found in the cells it crosses; the mesh knows its least and greatest
// value, NaN left out.
func TestMeshIsoline(t *testing.T) {
	m := newMesh3(func(x, y float64) float64 { return x*x + y*y }, spec.Range{Min: -2, Max: 2}, spec.Range{Min: -2, Max: 2}, 40)
	if m.zlo != 0 || m.zhi != 8 {
		t.Errorf("z from %g to %g, want 0 to 8", m.zlo, m.zhi)
	}
	segs := m.isoline(1)
	if len(segs) < 40 {
		t.Fatalf("%d segments of the unit circle", len(segs))
	}
	for _, s := range segs {
		for _, p := range s {
			if r := math.Hypot(p[0], p[1]); math.Abs(r-1) > 0.01 {
				t.Errorf("contour point %v at radius %g, want 1", p, r)
			}
		}
	}
	hole := newMesh3(func(x, y float64) float64 { return math.Log(x) }, spec.Range{Min: -1, Max: 1}, spec.Range{Min: 0, Max: 1}, 4)
	if hole.zlo != math.Log(0.5) || hole.zhi != 0 {
		t.Errorf("log over [-1, 1]: z from %g to %g, want log ½ to 0 (NaN and -Inf left out)", hole.zlo, hole.zhi)
	}
}

func TestVarMath(t *testing.T) {
	for in, want := range map[string]string{"x": "$x$", "w1": "$w_{1}$", "w_12": "$w_{12}$", "theta": `$\theta$`, "b": "$b$"} {
		if got := varMath(in); got != want {
			t.Errorf("varMath(%q) = %q, want %q", in, got, want)
		}
	}
}

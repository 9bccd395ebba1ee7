package figures

import (
	"math"
	"testing"

	"gonum.org/v1/plot/vg/draw"

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

// TestDescentDiverges: a rate too large for C = w² is drawn up to the
// first point outside the range, and the figure says so in its legend.
func TestDescentDiverges(t *testing.T) {
	f := decodeYAML(t, "d.yaml", "kind: descent\ncost: 'w^2'\nvars: [w]\nstart: [1.5]\nrate: 1.1\nsteps: 20\n")
	s := f.Spec.(*Descent)
	cost := func(w []float64) float64 { return w[0] * w[0] }
	ps := s.paths(lightTheme, cost, func(w []float64) bool { return w[0] >= -3 && w[0] <= 3 })
	if len(ps) != 1 || !ps[0].left {
		t.Fatalf("paths %+v, want one that leaves", ps)
	}
	pts := ps[0].pts
	// w ← w − 2.2w = −1.2w: 1.5, −1.8, 2.16, −2.592, 3.1104 (outside).
	if len(pts) != 5 || math.Abs(pts[4][0]-3.1104) > 1e-6 {
		t.Errorf("path %v, want 5 points ending at 3.1104", pts)
	}
	if note := s.divergedNote(ps); note == "" {
		t.Error("no note for a path that leaves")
	}
	ok := decodeYAML(t, "d.yaml", "kind: descent\ncost: 'w^2'\nvars: [w]\nstart: [1.5]\nrate: 0.1\nsteps: 20\n").Spec.(*Descent)
	if ps := ok.paths(lightTheme, cost, func(w []float64) bool { return math.Abs(w[0]) <= 3 }); ps[0].left || len(ps[0].pts) != 21 || ok.divergedNote(ps) != "" {
		t.Errorf("a converging path: %d points, left %v", len(ps[0].pts), ps[0].left)
	}
}

// TestDrape: a step on the surface is drawn as pieces of about a cell,
// each sorted by its own depth, so that no quad in front of the step's
// middle hides its ends; a short step is one piece.
func TestDrape(t *testing.T) {
	f := decodeYAML(t, "d.yaml", "kind: descent\nview: surface\n")
	e := newEnv(renderer(t).eng.Handler(), f, lightTheme)
	m := newMesh3(func(x, y float64) float64 { return x*x + y*y }, spec.Range{Min: -2, Max: 2}, spec.Range{Min: -2, Max: 2}, 40)
	b := surfaceBox(newCamera(Camera{Azimuth: -60, Elevation: 30}), m, true, [3]string{"x", "y", "z"})
	s := surface3{m: m}
	o := onSurface{line: e.line(2, lightTheme.fire)}
	for _, tc := range []struct {
		a, q [2]float64
		n    int
	}{
		{[2]float64{-1.5, 1.5}, [2]float64{0, 0}, 22}, // √(0.375² + 0.375²) · 40 = 21.2 cells
		{[2]float64{0, 0}, [2]float64{0.05, 0}, 1},
	} {
		var depths []float64
		add := func(d float64, _ func()) { depths = append(depths, d) }
		lift := func(p [2]float64) [3]float64 { return [3]float64{p[0], p[1], m.f(p[0], p[1])} }
		s.drape(e, draw.Canvas{}, b, lift(tc.a), lift(tc.q), o, 0, add)
		if len(depths) != tc.n {
			t.Errorf("%v → %v: %d pieces, want %d", tc.a, tc.q, len(depths), tc.n)
		}
		if tc.n > 1 && depths[0] == depths[len(depths)-1] {
			t.Errorf("%v → %v: the pieces share one depth", tc.a, tc.q)
		}
	}
}

// TestDescentGradientCompared: −∇C is drawn on every compared path, once
// at the start they share.
func TestDescentGradientCompared(t *testing.T) {
	texts := layoutTexts(t, "kind: descent\ncompare: {rate: [0.05, 0.3]}\ngradient: [0, 2]\n")
	n := 0
	for _, s := range texts {
		if s == `$-\nabla C$` {
			n++
		}
	}
	if n != 3 {
		t.Errorf("%d −∇C labels, want 3 (the start, step 2 of each path): %q", n, texts)
	}
}

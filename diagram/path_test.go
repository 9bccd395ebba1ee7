package diagram

import "testing"

// TestPathOneAllocation: a path whose length is known (Grow) is built in
// one allocation, and turned into a vg.Path in one: the figures build
// and draw thousands of them.
func TestPathOneAllocation(t *testing.T) {
	pts := make([]Point, 60)
	for i := range pts {
		pts[i] = Pt(float64(i), float64(i*i%7))
	}
	build := func() Path {
		var p Path
		p.Grow(len(pts) + 1)
		p.Move(pts[0])
		for _, q := range pts[1:] {
			p.Line(q)
		}
		p.Close()
		return p
	}
	if n := testing.AllocsPerRun(20, func() { build() }); n != 1 {
		t.Errorf("building a path of %d segments: %v allocations, want 1", len(pts)+1, n)
	}
	p := build()
	f := &Frame{W: 100, H: 100, K: 1}
	v := f.VgPath(p)
	if len(v) != len(pts)+1 {
		t.Fatalf("VgPath: %d components, want %d", len(v), len(pts)+1)
	}
	if n := testing.AllocsPerRun(20, func() { f.VgPath(p) }); n != 1 {
		t.Errorf("VgPath: %v allocations, want 1", n)
	}
}

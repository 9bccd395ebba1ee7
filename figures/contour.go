package figures

import (
	"slices"

	"gonum.org/v1/plot/vg"
)

// contourLines returns the lines where the surface of the corner grid g
// (its values on the grid lines' crossings) equals z, as polylines in
// data coordinates, by marching squares: each cell's crossings joined,
// a saddle decided by the cell's mean. The lines are joined end to end in
// the order of the grid, so that the same surface always gives the same
// lines. (gonum's Contour joins its paths in map order, and on some
// surfaces its joining of paths does not end.)
func contourLines(g grid, z float64) [][][2]float64 {
	n := g.n // corners per side
	at := func(r, c int) float64 { return g.z[r*n+c] }
	// An edge is identified by its first corner and direction: 2k for the
	// edge from corner k to its right, 2k+1 for the one above.
	point := func(e int) [2]float64 {
		k := e / 2
		r, c := k/n, k%n
		r1, c1 := r, c+1
		if e%2 == 1 {
			r1, c1 = r+1, c
		}
		a, b := at(r, c), at(r1, c1)
		t := 0.5
		if a != b {
			t = (z - a) / (b - a)
		}
		x0, y0 := g.cornerX(c), g.cornerY(r)
		x1, y1 := g.cornerX(c1), g.cornerY(r1)
		return [2]float64{x0 + (x1-x0)*t, y0 + (y1-y0)*t}
	}
	next := map[int][]int{}
	link := func(a, b int) {
		next[a] = append(next[a], b)
		next[b] = append(next[b], a)
	}
	for r := 0; r+1 < n; r++ {
		for c := 0; c+1 < n; c++ {
			v := [4]float64{at(r, c), at(r, c+1), at(r+1, c+1), at(r+1, c)}
			if !finite(v[0]) || !finite(v[1]) || !finite(v[2]) || !finite(v[3]) {
				continue
			}
			k := r*n + c
			// The cell's edges, counterclockwise from the bottom.
			edges := [4]int{2 * k, 2*(k+1) + 1, 2 * (k + n), 2*k + 1}
			var cross []int
			for i := range 4 {
				a, b := v[i] >= z, v[(i+1)%4] >= z
				if a != b {
					cross = append(cross, edges[i])
				}
			}
			switch len(cross) {
			case 2:
				link(cross[0], cross[1])
			case 4:
				// A saddle: the mean decides which corners are joined.
				mean := (v[0] + v[1] + v[2] + v[3]) / 4
				if (mean >= z) == (v[0] >= z) {
					link(cross[0], cross[1])
					link(cross[2], cross[3])
				} else {
					link(cross[0], cross[3])
					link(cross[1], cross[2])
				}
			}
		}
	}
	ids := make([]int, 0, len(next))
	for e := range next {
		ids = append(ids, e)
	}
	slices.Sort(ids)
	done := map[int]bool{}
	var lines [][][2]float64
	walk := func(start int) {
		line := [][2]float64{point(start)}
		done[start] = true
		prev, cur := -1, start
		for {
			moved := false
			for _, nb := range next[cur] {
				if nb != prev && !done[nb] {
					prev, cur = cur, nb
					done[cur] = true
					line = append(line, point(cur))
					moved = true
					break
				}
			}
			if !moved {
				break
			}
		}
		if len(next[cur]) == 2 && slices.Contains(next[cur], start) && len(line) > 2 {
			line = append(line, line[0]) // a loop
		}
		lines = append(lines, line)
	}
	for _, e := range ids { // lines that end at the border first
		if len(next[e]) == 1 && !done[e] {
			walk(e)
		}
	}
	for _, e := range ids { // then loops
		if !done[e] {
			walk(e)
		}
	}
	return lines
}

// strokeData draws polylines given in data coordinates with tx, ty.
func strokePolylines(lines [][][2]float64, tx, ty func(float64) vg.Length) [][]vg.Point {
	out := make([][]vg.Point, len(lines))
	for i, l := range lines {
		pts := make([]vg.Point, len(l))
		for j, q := range l {
			pts[j] = vg.Point{X: tx(q[0]), Y: ty(q[1])}
		}
		out[i] = pts
	}
	return out
}

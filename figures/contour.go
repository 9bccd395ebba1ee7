package figures

import (
	"image/color"
	"math"
	"slices"

	"gonum.org/v1/plot"
	gpalette "gonum.org/v1/plot/palette"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// Contour lines by marching squares, in place of gonum's Contour: that
// computes a crossing once from each of the two cells beside it, in
// either order, and joins segments whose float end points are equal,
// so an arm64 build (which fuses its multiply-adds) joins other
// segments than an amd64 one; and it draws a level's lines in map
// order. Here a crossing is computed once from its edge, segments join
// on the edge's number, and lines come out in the grid's order.

// contourLine is one contour line in data coordinates; a closed line
// does not repeat its first point.
type contourLine struct {
	pts    [][2]float64
	closed bool
}

// contourLines returns the lines of g at level: the boundary between the
// corners below level and those at or above it. A cell with a corner of
// no value (NaN) has none; a saddle is resolved by the mean of its four
// corners.
func contourLines(g cornerGrid, level float64) []contourLine {
	nx, ny := g.Dims()
	if nx < 2 || ny < 2 {
		return nil
	}
	// Edges are numbered: 2(r·nx+c) from corner (c, r) to (c+1, r),
	// 2(r·nx+c)+1 from (c, r) to (c, r+1). links[e] holds the edges
	// joined to e through the (at most two) cells beside it.
	links := make(map[int][]int)
	link := func(a, b int) {
		links[a] = append(links[a], b)
		links[b] = append(links[b], a)
	}
	h := func(c, r int) int { return 2 * (r*nx + c) }
	v := func(c, r int) int { return 2*(r*nx+c) + 1 }
	for r := range ny - 1 {
		for c := range nx - 1 {
			za, zb, zc, zd := g.Z(c, r), g.Z(c+1, r), g.Z(c+1, r+1), g.Z(c, r+1)
			if math.IsNaN(za) || math.IsNaN(zb) || math.IsNaN(zc) || math.IsNaN(zd) {
				continue
			}
			bottom, right, top, left := h(c, r), v(c+1, r), h(c, r+1), v(c, r)
			k := 0
			for i, z := range [4]float64{za, zb, zc, zd} {
				if z >= level {
					k |= 1 << i
				}
			}
			switch k {
			case 0, 15:
			case 1, 14:
				link(left, bottom)
			case 2, 13:
				link(bottom, right)
			case 4, 11:
				link(right, top)
			case 8, 7:
				link(top, left)
			case 3, 12:
				link(left, right)
			case 6, 9:
				link(bottom, top)
			case 5, 10:
				// A saddle: the corners on the centre's side are joined.
				if centre := (za + zb + zc + zd) / 4; (centre >= level) == (k == 5) {
					link(bottom, right) // b and d cut off
					link(top, left)
				} else {
					link(left, bottom) // a and c cut off
					link(right, top)
				}
			}
		}
	}
	// at returns the crossing on edge e, from its corners in the grid's
	// order whichever cell asks.
	at := func(e int) [2]float64 {
		c, r := (e/2)%nx, (e/2)/nx
		c1, r1 := c+1, r
		if e%2 == 1 {
			c1, r1 = c, r+1
		}
		z0, z1 := g.Z(c, r), g.Z(c1, r1)
		t := (level - z0) / (z1 - z0)
		x0, y0 := g.X(c), g.Y(r)
		// float64(…) rounds the product: no fused multiply-add (doc.go).
		return [2]float64{x0 + float64(t*(g.X(c1)-x0)), y0 + float64(t*(g.Y(r1)-y0))}
	}
	edges := make([]int, 0, len(links))
	for e := range links {
		edges = append(edges, e)
	}
	slices.Sort(edges)
	done := make(map[int]bool)
	// trace follows the line from edge e until it ends or comes back.
	trace := func(e int) contourLine {
		var ln contourLine
		for e >= 0 {
			done[e] = true
			ln.pts = append(ln.pts, at(e))
			next := -1
			for _, n := range links[e] {
				if !done[n] {
					next = n
					break
				}
			}
			e = next
		}
		return ln
	}
	var out []contourLine
	// Every edge is linked to one edge (an end of a line, on the grid's
	// border or at a cell of no value) or two. Open lines first, from
	// their ends, then the closed ones, all in the edges' order.
	for _, e := range edges {
		if !done[e] && len(links[e]) == 1 {
			out = append(out, trace(e))
		}
	}
	for _, e := range edges {
		if !done[e] {
			ln := trace(e)
			ln.closed = true
			out = append(out, ln)
		}
	}
	return out
}

// strokeContours draws the lines of g at levels in style ls, coloured
// from pal spread over the levels (the style's colour when pal is
// empty); a level outside g's values is not drawn.
func strokeContours(c draw.Canvas, p *plot.Plot, g cornerGrid, levels []float64, pal gpalette.Palette, ls draw.LineStyle) {
	if ls.Width == 0 {
		return
	}
	var zs []float64
	for _, z := range levels {
		if !math.IsNaN(z) {
			zs = append(zs, z)
		}
	}
	if len(zs) == 0 {
		return
	}
	slices.Sort(zs)
	lo, hi := g.minMax()
	cols := pal.Colors()
	scale := 0.0
	if n := len(zs); n > 1 && len(cols) > 0 {
		scale = float64(len(cols)-1) / (zs[n-1] - zs[0])
	}
	tx, ty := p.Transforms(&c)
	for _, z := range zs {
		if z < lo || z > hi {
			continue
		}
		var col color.Color = ls.Color
		if len(cols) > 0 {
			col = cols[int(float64((z-zs[0])*scale)+0.5)]
		}
		if col == nil {
			continue
		}
		for _, ln := range contourLines(g, z) {
			var pa vg.Path
			var last vg.Point
			for i, q := range ln.pts {
				pt := vg.Point{X: tx(q[0]), Y: ty(q[1])}
				switch {
				case i == 0:
					pa.Move(pt)
				case pt != last:
					pa.Line(pt)
				}
				last = pt
			}
			if len(pa) < 2 {
				continue
			}
			if ln.closed {
				pa.Close()
			}
			c.SetLineStyle(ls)
			c.SetColor(col)
			c.Stroke(pa)
		}
	}
}

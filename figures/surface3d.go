package figures

import (
	"cmp"
	"image/color"
	"math"
	"slices"

	gpalette "gonum.org/v1/plot/palette"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"github.com/figgen/figgen/internal/expr"
	"github.com/figgen/figgen/spec"
)

// A surface z = f(x, y) in the 3-D view (view3d.go): sampled on a grid,
// drawn as a shaded mesh back to front or as a wireframe, with contour
// lines on the floor and paths and points lying on it. The surface and
// descent kinds draw with it.

// mesh3 is f sampled at the (n+1)² corners of an n × n grid.
type mesh3 struct {
	x0, x1, y0, y1 float64
	n              int
	z              []float64 // row r (y) by column c (x)
	zlo, zhi       float64   // the least and greatest finite value
	f              func(x, y float64) float64
}

func newMesh3(f func(x, y float64) float64, xr, yr spec.Range, n int) *mesh3 {
	m := &mesh3{x0: xr.Min, x1: xr.Max, y0: yr.Min, y1: yr.Max, n: n, f: f, zlo: math.Inf(1), zhi: math.Inf(-1)}
	m.z = make([]float64, (n+1)*(n+1))
	for r := 0; r <= n; r++ {
		for c := 0; c <= n; c++ {
			z := f(m.x(c), m.y(r))
			m.z[r*(n+1)+c] = z
			if !math.IsNaN(z) && !math.IsInf(z, 0) {
				m.zlo, m.zhi = math.Min(m.zlo, z), math.Max(m.zhi, z)
			}
		}
	}
	if !(m.zhi >= m.zlo) {
		m.zlo, m.zhi = 0, 1 // nothing finite: an empty box
	}
	if m.zhi-m.zlo < 1e-9*math.Max(1, math.Abs(m.zhi)) {
		m.zlo, m.zhi = m.zlo-0.5, m.zhi+0.5 // flat
	}
	return m
}

func (m *mesh3) x(c int) float64 { return m.x0 + (m.x1-m.x0)*float64(c)/float64(m.n) }
func (m *mesh3) y(r int) float64 { return m.y0 + (m.y1-m.y0)*float64(r)/float64(m.n) }
func (m *mesh3) at(c, r int) [3]float64 {
	return [3]float64{m.x(c), m.y(r), m.z[r*(m.n+1)+c]}
}

// surfaceCode parses the formula of a surface over vars with params;
// nil when it does not parse (Validate has said why).
func surfaceCode(code spec.Code, vars []string, params map[string]float64) func(x, y float64) float64 {
	e, err := expr.Parse(code.Src, expr.Env{Vars: vars, Params: params}, expr.Number)
	if err != nil {
		return func(x, y float64) float64 { return math.NaN() }
	}
	return e.Func2()
}

// checkCode reports vars and params that are no names, and an error at
// the character of code that does not parse as a number over vars. It
// returns false when a var is no name: then code is not parsed, and what
// depends on the vars is not to be checked either.
func checkCode(c *spec.Check, path string, code spec.Code, vars []string, params map[string]float64) bool {
	for i, v := range vars {
		if !isName(v) {
			c.Errorf("vars", "vars[%d]: %q is no name (letters, digits, _)", i, v)
			return false
		}
	}
	for name := range params {
		if !isName(name) {
			c.Errorf("params."+name, "params: %q is no name (letters, digits, _)", name)
		}
	}
	if _, err := expr.Parse(code.Src, expr.Env{Vars: vars, Params: params}, expr.Number); err != nil {
		if e, ok := err.(*expr.Error); ok {
			c.ErrorAt(code.PosAt(e.Offset), "%s: %s", path, e.Msg)
			return true
		}
		c.Errorf(path, "%s: %v", path, err)
	}
	return true
}

// onSurface is a path or set of points lying on the surface.
type onSurface struct {
	pts    [][2]float64
	line   draw.LineStyle // zero width: no line
	dot    vg.Length      // radius of the markers; 0 for none
	col    color.Color
	arrows bool // a head at the end of each segment
	first  bool // the first point marked larger (a start)
}

// surface3 draws a mesh in a placed box.
type surface3 struct {
	m        *mesh3
	wire     bool
	cmap     gpalette.ColorMap
	contours int
	on       []onSurface
}

// item is something of the surface drawn in depth order.
type item struct {
	depth float64
	n     int // order of creation, for ties
	draw  func()
}

// draw draws the contours on the floor, then the mesh and what lies on
// it back to front.
func (s surface3) draw(e *env, c draw.Canvas, b *box3) {
	m := s.m
	colorAt := func(z float64) color.Color {
		t := (z - m.zlo) / (m.zhi - m.zlo)
		col, err := s.cmap.At(math.Max(0, math.Min(1, t)))
		if err != nil {
			return e.th.grey
		}
		return col
	}
	// Contour lines on the floor, in the colour of their level.
	if s.contours > 0 {
		floor := b.lo[2]
		if b.farSide(2) == 1 {
			floor = b.hi[2]
		}
		for i := 1; i <= s.contours; i++ {
			lv := m.zlo + (m.zhi-m.zlo)*float64(i)/float64(s.contours+1)
			ls := e.line(1, colorAt(lv))
			for _, sg := range m.isoline(lv) {
				p := b.pt([3]float64{sg[0][0], sg[0][1], floor})
				q := b.pt([3]float64{sg[1][0], sg[1][1], floor})
				c.StrokeLine2(ls, p.X, p.Y, q.X, q.Y)
			}
		}
	}
	var items []item
	add := func(d float64, fn func()) { items = append(items, item{depth: d, n: len(items), draw: fn}) }
	finite := func(ps ...[3]float64) bool {
		for _, p := range ps {
			if math.IsNaN(p[2]) || math.IsInf(p[2], 0) {
				return false
			}
		}
		return true
	}
	cell := 0.0 // depth span of one cell, for what lies on the surface
	if s.wire {
		ls := e.line(0.8, e.th.palette(0))
		step := max(1, m.n/30)
		for r := 0; r <= m.n; r++ {
			for cc := 0; cc <= m.n; cc++ {
				a := m.at(cc, r)
				if cc+1 <= m.n && r%step == 0 {
					if q := m.at(cc+1, r); finite(a, q) {
						p1, p2 := b.pt(a), b.pt(q)
						c.StrokeLine2(ls, p1.X, p1.Y, p2.X, p2.Y)
					}
				}
				if r+1 <= m.n && cc%step == 0 {
					if q := m.at(cc, r+1); finite(a, q) {
						p1, p2 := b.pt(a), b.pt(q)
						c.StrokeLine2(ls, p1.X, p1.Y, p2.X, p2.Y)
					}
				}
			}
		}
	} else {
		// Light from the upper left, in front: fixed to the viewer.
		light := unit3(add3(add3(scale3(b.cam.right(), -0.5), b.cam.up()), scale3(b.cam.away(), -0.6)))
		for r := 0; r < m.n; r++ {
			for cc := 0; cc < m.n; cc++ {
				q := [4][3]float64{m.at(cc, r), m.at(cc+1, r), m.at(cc+1, r+1), m.at(cc, r+1)}
				if !finite(q[:]...) {
					continue
				}
				var nq [4][3]float64
				for i := range q {
					nq[i] = b.norm(q[i])
				}
				nrm := unit3(cross3(sub3(nq[2], nq[0]), sub3(nq[3], nq[1])))
				shadeF := 0.62 + 0.38*math.Abs(dot3(nrm, light))
				col := colorAt((q[0][2] + q[1][2] + q[2][2] + q[3][2]) / 4)
				col = scaleColor(col, shadeF)
				var d float64
				for i := range q {
					d += b.depth(q[i]) / 4
				}
				if r == 0 && cc == 0 {
					cell = math.Abs(b.depth(q[2]) - b.depth(q[0]))
				}
				path := make(vg.Path, 0, len(q)+1) // one allocation a quad
				for i := range q {
					if i == 0 {
						path.Move(b.pt(q[i]))
					} else {
						path.Line(b.pt(q[i]))
					}
				}
				path.Close()
				add(d, func() {
					c.SetColor(col)
					c.Fill(path)
					// The quad's own colour over its outline closes the
					// seams between quads.
					c.SetLineStyle(draw.LineStyle{Color: col, Width: e.len(0.5)})
					c.Stroke(path)
				})
			}
		}
	}
	// What lies on the surface, a little in front of the quads it is on.
	lift := func(p [2]float64) [3]float64 { return [3]float64{p[0], p[1], m.f(p[0], p[1])} }
	for _, o := range s.on {
		for i, p := range o.pts {
			a := lift(p)
			if !finite(a) {
				continue
			}
			if o.line.Width > 0 && i+1 < len(o.pts) {
				s.drape(e, c, b, a, lift(o.pts[i+1]), o, cell, add)
			}
			if o.dot > 0 {
				at, r, col := b.pt(a), o.dot, o.col
				if i == 0 && o.first {
					r *= 1.4
				}
				add(b.depth(a)-cell, func() {
					closedDot(c, at, r+e.len(1), e.th.bg)
					closedDot(c, at, r, col)
				})
			}
		}
	}
	// Far first; stable for equal depths.
	slices.SortFunc(items, func(a, b item) int {
		if c := cmp.Compare(b.depth, a.depth); c != 0 {
			return c
		}
		return cmp.Compare(a.n, b.n)
	})
	for _, it := range items {
		it.draw()
	}
}

// drape adds the step from a to q, both on the surface, as the surface
// carries it: the straight step in (x, y) cut into pieces of about a cell,
// each lifted onto the surface and sorted a little in front of the quad
// it lies on. A straight chord sorted as one item would sink under the
// quads in front of its middle (and, on a curved surface, leave it).
func (s surface3) drape(e *env, c draw.Canvas, b *box3, a, q [3]float64, o onSurface, cell float64, add func(float64, func())) {
	m := s.m
	if math.IsNaN(q[2]) || math.IsInf(q[2], 0) {
		return
	}
	// Pieces by the step's length in cells, from rounded products (no
	// fused multiply-add: doc.go).
	dx, dy := (q[0]-a[0])/(m.x1-m.x0), (q[1]-a[1])/(m.y1-m.y0)
	cells := math.Sqrt(float64(dx*dx)+float64(dy*dy)) * float64(m.n)
	k := int(math.Ceil(onGrid(cells)))
	k = max(1, min(k, 4*m.n))
	pts := make([][3]float64, 0, k+1)
	for j := 0; j <= k; j++ {
		t := float64(j) / float64(k)
		x, y := a[0]+float64((q[0]-a[0])*t), a[1]+float64((q[1]-a[1])*t)
		z := m.f(x, y)
		if j == 0 {
			x, y, z = a[0], a[1], a[2]
		} else if j == k {
			x, y, z = q[0], q[1], q[2]
		}
		if math.IsNaN(z) || math.IsInf(z, 0) {
			return
		}
		pts = append(pts, [3]float64{x, y, z})
	}
	pa, pq := b.pt(a), b.pt(q)
	arrow := o.arrows && math.Hypot(float64(pq.X-pa.X), float64(pq.Y-pa.Y)) > float64(e.len(9))
	ls := o.line
	for j := 0; j < k; j++ {
		u, v := pts[j], pts[j+1]
		pu, pv := b.pt(u), b.pt(v)
		last := j == k-1
		add((b.depth(u)+b.depth(v))/2-cell, func() {
			c.StrokeLine2(ls, pu.X, pu.Y, pv.X, pv.Y)
			if last && arrow {
				arrowHead(c, pu, pv, e.len(7), ls.Color)
			}
		})
	}
}

// isoline returns the segments of the level lv of the mesh (marching
// squares over its cells, saddles split by the cell's centre value).
func (m *mesh3) isoline(lv float64) [][2][2]float64 {
	var segs [][2][2]float64
	for r := 0; r < m.n; r++ {
		for c := 0; c < m.n; c++ {
			q := [4][3]float64{m.at(c, r), m.at(c+1, r), m.at(c+1, r+1), m.at(c, r+1)}
			var cross [][2]float64
			for i := range 4 {
				a, b := q[i], q[(i+1)%4]
				if math.IsNaN(a[2]) || math.IsNaN(b[2]) {
					cross = nil
					break
				}
				if (a[2] < lv) != (b[2] < lv) {
					t := (lv - a[2]) / (b[2] - a[2])
					cross = append(cross, [2]float64{a[0] + (b[0]-a[0])*t, a[1] + (b[1]-a[1])*t})
				}
			}
			switch len(cross) {
			case 2:
				segs = append(segs, [2][2]float64{cross[0], cross[1]})
			case 4:
				// A saddle: pair the crossings by the centre's side.
				centre := (q[0][2] + q[1][2] + q[2][2] + q[3][2]) / 4
				if (centre < lv) == (q[0][2] < lv) {
					segs = append(segs, [2][2]float64{cross[0], cross[1]}, [2][2]float64{cross[2], cross[3]})
				} else {
					segs = append(segs, [2][2]float64{cross[0], cross[3]}, [2][2]float64{cross[1], cross[2]})
				}
			}
		}
	}
	return segs
}

// right and up are the drawn x and y directions in space.
func (v camera) right() [3]float64 { return [3]float64{-v.sa, v.ca, 0} }
func (v camera) up() [3]float64    { return [3]float64{-v.se * v.ca, -v.se * v.sa, v.ce} }

func add3(a, b [3]float64) [3]float64 { return [3]float64{a[0] + b[0], a[1] + b[1], a[2] + b[2]} }
func sub3(a, b [3]float64) [3]float64 { return [3]float64{a[0] - b[0], a[1] - b[1], a[2] - b[2]} }
func scale3(a [3]float64, k float64) [3]float64 {
	return [3]float64{a[0] * k, a[1] * k, a[2] * k}
}
func cross3(a, b [3]float64) [3]float64 {
	return [3]float64{a[1]*b[2] - a[2]*b[1], a[2]*b[0] - a[0]*b[2], a[0]*b[1] - a[1]*b[0]}
}
func unit3(a [3]float64) [3]float64 {
	n := math.Sqrt(dot3(a, a))
	if n == 0 {
		return a
	}
	return scale3(a, 1/n)
}

// scaleColor darkens c by the factor k (≤ 1), keeping its alpha.
func scaleColor(c color.Color, k float64) color.Color {
	n := color.NRGBAModel.Convert(c).(color.NRGBA)
	f := func(v uint8) uint8 { return uint8(math.Round(float64(v) * k)) }
	return color.NRGBA{R: f(n.R), G: f(n.G), B: f(n.B), A: n.A}
}

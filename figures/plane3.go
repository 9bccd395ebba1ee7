package figures

import (
	"fmt"
	"math"
	"sort"

	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"github.com/figgen/figgen/neuron"
	"github.com/figgen/figgen/spec"
)

// view is the fixed axonometric projection of the unit cube, seen from in
// front of the origin and a little above: x₁ runs to the right and back,
// x₂ to the left and back, x₃ up. It is a rotation (no mirror), so the
// right-handed frame x₁, x₂, x₃ is drawn right-handed: seen from above,
// x₁ turns counter-clockwise onto x₂.
type view struct {
	sinA, cosA, sinE, cosE float64
}

func newView() view {
	az, el := 35*math.Pi/180, 22*math.Pi/180
	return view{math.Sin(az), math.Cos(az), math.Sin(el), math.Cos(el)}
}

// project maps a point of the cube to the drawing plane (x right, y up,
// unit cube centred on the origin) and its depth (larger is farther).
func (v view) project(p [3]float64) (x, y, depth float64) {
	a, b, c := p[0]-0.5, p[1]-0.5, p[2]-0.5
	xr := a*v.cosA - b*v.sinA
	yr := a*v.sinA + b*v.cosA
	return xr, c*v.cosE + yr*v.sinE, yr*v.cosE - c*v.sinE
}

// away is the unit direction in which depth grows: from the viewer into
// the picture.
func (v view) away() [3]float64 {
	return [3]float64{v.sinA * v.cosE, v.cosA * v.cosE, -v.sinE}
}

// farthest returns the index of the corner deepest in the view: the one
// the cube's own faces hide.
func (v view) farthest(corners [][]float64) int {
	far, farD := 0, math.Inf(-1)
	for i, q := range corners {
		if _, _, d := v.project(vec3(q)); d > farD {
			far, farD = i, d
		}
	}
	return far
}

// axisTip is how far the axes run, past the cube's edge of length 1.
const axisTip = 1.32

// cubeLayout places the cube in the canvas left below the title: a legend
// column on the right, the cube centred in the rest.
type cubeLayout struct {
	v       view
	mid     vg.Point // where the cube's centre is drawn
	size    float64  // length of a cube edge seen face on, in points
	legendW vg.Length
}

func newCubeLayout(e *env, c draw.Canvas, v view) cubeLayout {
	legendW := e.len(150)
	area := vg.Rectangle{Min: c.Min, Max: vg.Point{X: c.Max.X - legendW, Y: c.Max.Y}}
	l := cubeLayout{
		v:       v,
		mid:     vg.Point{X: (area.Min.X + area.Max.X) / 2, Y: (area.Min.Y+area.Max.Y)/2 - e.len(6)},
		size:    cubeSize(e, area, v),
		legendW: legendW,
	}
	// With no title, the cube could have the whole inset canvas.
	whole := e.inset(draw.Canvas{Rectangle: vg.Rectangle{Max: vg.Point{X: pixels(e.f.Width), Y: pixels(e.f.Height)}}})
	most := 1.432 * cubeSize(e, vg.Rectangle{Min: whole.Min, Max: vg.Point{X: whole.Max.X - legendW, Y: whole.Max.Y}}, v)
	half := vg.Length(0.716 * l.size)
	e.plotArea(vg.Rectangle{Min: vg.Point{X: l.mid.X - half, Y: l.mid.Y - half}, Max: vg.Point{X: l.mid.X + half, Y: l.mid.Y + half}},
		vg.Point{X: vg.Length(most), Y: vg.Length(most)})
	return l
}

// cubeSize returns the length of a cube edge seen face on for the cube
// drawn in area.
func cubeSize(e *env, area vg.Rectangle, v view) float64 {
	// The cube is 1.43 sizes high in this view; its vertex labels need 28
	// points more above and below.
	size := math.Min(float64(area.Max.X-area.Min.X), float64(area.Max.Y-area.Min.Y)) * 0.62
	size = math.Min(size, float64(area.Max.Y-area.Min.Y-2*e.len(28))/1.432)
	// The axes' tips and their labels (14 points past a tip, some 20
	// wide) stay inside the area's width.
	reach := 0.0
	for ax := range 3 {
		var tip [3]float64
		tip[ax] = axisTip
		x, _, _ := v.project(tip)
		reach = math.Max(reach, math.Abs(x))
	}
	return math.Max(0, math.Min(size, (float64(area.Max.X-area.Min.X)/2-float64(e.len(24)))/reach))
}

// pt returns where the point q of the cube's space is drawn.
func (l cubeLayout) pt(q [3]float64) vg.Point {
	x, y, _ := l.v.project(q)
	return vg.Point{X: l.mid.X + vg.Length(x*l.size), Y: l.mid.Y + vg.Length(y*l.size)}
}

// cut is the threshold plane w·x = θ as the view sees it: what lies
// beyond it is behind its (translucent) section and drawn before it.
type cut struct {
	w     [3]float64
	theta float64
	far   float64 // sign of w·x − θ beyond the plane; 0 when nothing is (seen edge-on, or no section drawn)
}

func newCut(w [3]float64, theta float64, v view, drawn bool) cut {
	k := cut{w: w, theta: theta}
	if d := dot3(w, v.away()); drawn && d != 0 {
		k.far = math.Copysign(1, d)
	}
	return k
}

// behind reports whether p lies beyond the plane, seen from the viewer.
// A point on the plane is not behind it.
func (k cut) behind(p [3]float64) bool {
	return k.far*(dot3(k.w, p)-k.theta) > 0
}

// pieces returns the segment from a to b split where it crosses the
// plane: one piece or two.
func (k cut) pieces(a, b [3]float64) [][2][3]float64 {
	fa, fb := dot3(k.w, a)-k.theta, dot3(k.w, b)-k.theta
	if k.far == 0 || fa*fb >= 0 {
		return [][2][3]float64{{a, b}}
	}
	m := lerp3(a, b, fa/(fa-fb))
	return [][2][3]float64{{a, m}, {m, b}}
}

// pieceBehind reports whether a piece of pieces lies beyond the plane.
func (k cut) pieceBehind(pc [2][3]float64) bool { return k.behind(lerp3(pc[0], pc[1], 0.5)) }

func dot3(a, b [3]float64) float64 { return a[0]*b[0] + a[1]*b[1] + a[2]*b[2] }

func lerp3(a, b [3]float64, t float64) [3]float64 {
	return [3]float64{a[0] + (b[0]-a[0])*t, a[1] + (b[1]-a[1])*t, a[2] + (b[2]-a[2])*t}
}

// layer is drawing deferred to its place in the depth order.
type layer []func()

func (l layer) draw() {
	for _, fn := range l {
		fn()
	}
}

// buildPlane3 draws the plane w·x = θ cutting the unit cube. Depth is
// kept in two layers around the plane's translucent section: what lies
// beyond the plane (edges, pieces of edges, axes, vertices and their
// labels) is drawn before it and shows through it, the rest after it;
// the three edges of the corner the cube hides are dashed and that
// corner is drawn faded.
func buildPlane3(e *env, f *spec.Figure, s *ThresholdPlane) func(c draw.Canvas) {
	w := [3]float64{s.Weights[0], s.Weights[1], s.Weights[2]}
	unit := neuron.NewUnit(s.Weights, s.Threshold)
	section := neuron.CubeSection(w, s.Threshold)
	corners := neuron.Corners(3)
	v := newView()
	k := newCut(w, s.Threshold, v, len(section) >= 3)
	far := v.farthest(corners)
	return func(c draw.Canvas) {
		c = e.titled(c, f.Title.Src)
		lay := newCubeLayout(e, c, v)
		pt, mid, legendW := lay.pt, lay.mid, lay.legendW
		var back, front layer
		put := func(behind bool, fn func()) {
			if behind {
				back = append(back, fn)
			} else {
				front = append(front, fn)
			}
		}
		stroke := func(ls draw.LineStyle, pc [2][3]float64) func() {
			a, b := pt(pc[0]), pt(pc[1])
			return func() { c.StrokeLine2(ls, a.X, a.Y, b.X, b.Y) }
		}

		// Cube edges; the three of the hidden corner dashed.
		edge, hidden := e.line(1.2, e.th.ink), dashed(e.line(1, e.th.grey), 3, 3)
		for i, a := range corners {
			for j := i + 1; j < len(corners); j++ {
				b := corners[j]
				if dist1(a, b) != 1 {
					continue
				}
				ls := edge
				if i == far || j == far {
					ls = hidden
				}
				for _, pc := range k.pieces(vec3(a), vec3(b)) {
					put(k.pieceBehind(pc), stroke(ls, pc))
				}
			}
		}

		// Axes from the origin along the three edges, past the cube; the
		// head and the label go with the piece at the tip.
		axis := e.line(1.2, e.th.ink)
		labels := []string{s.XLabel.Src, s.YLabel.Src, s.ZLabel.Src}
		for ax := 0; ax < 3; ax++ {
			var tip [3]float64
			tip[ax] = axisTip
			o, t := pt([3]float64{}), pt(tip)
			for _, pc := range k.pieces([3]float64{}, tip) {
				put(k.pieceBehind(pc), stroke(axis, pc))
			}
			lab := labels[ax]
			put(k.behind(tip), func() {
				arrowHead(c, o, t, e.len(7), e.th.ink)
				sty := e.font(labelSize, false)
				sty.XAlign, sty.YAlign = text.XCenter, text.YCenter
				d := unitVec(o, t)
				at := vg.Point{X: t.X + d.X*e.len(14), Y: t.Y + d.Y*e.len(14)}
				// Centred there, the label has the room to the nearer side.
				room := min(e.len(120), 2*(at.X-c.Min.X), 2*(c.Max.X-at.X))
				lab, sty := e.fit(lab, sty, room, toPx(1))
				c.FillText(sty, at, lab)
			})
		}

		// Vertices, marked by the unit's output, with their coordinates.
		fire, cold := pointSet{R: e.len(6), Fill: e.th.fire, th: e.th}, pointSet{R: e.len(6), Ring: e.line(2, e.th.cold), th: e.th}
		for i, q := range corners {
			set := cold
			if ok, _ := unit.Fires(q); ok {
				set = fire
			}
			if i == far {
				set = set.faded()
			}
			at := pt(vec3(q))
			txt := fmt.Sprintf("$(%s, %s, %s)$", mathNum(q[0]), mathNum(q[1]), mathNum(q[2]))
			// Coordinates beside the vertex, in the widest gap between the
			// lines that leave it: edges, an axis running on, the outline
			// of the section when the vertex is on the plane.
			var lines []vg.Point
			for _, n := range corners {
				if dist1(q, n) == 1 {
					lines = append(lines, pt(vec3(n)))
				}
			}
			for j, p := range section {
				if dist1(q, p[:]) < 1e-9 {
					n := len(section)
					lines = append(lines, pt(section[(j+n-1)%n]), pt(section[(j+1)%n]))
				}
			}
			for ax := 0; ax < 3; ax++ {
				if q[ax] == 1 && q[(ax+1)%3] == 0 && q[(ax+2)%3] == 0 {
					var tip [3]float64
					tip[ax] = axisTip
					lines = append(lines, pt(tip))
				}
			}
			d := widestGap(at, lines)
			put(k.behind(vec3(q)), func() {
				set.mark(c, at)
				lab := e.font(tickSize-1, false)
				lab.Color = e.th.grey
				lab.XAlign, lab.YAlign = text.XCenter, text.YCenter
				lp := vg.Point{X: at.X + d.X*e.len(26), Y: at.Y + d.Y*e.len(17)}
				// A light halo keeps the label legible over edges and the plane.
				r := lab.Rectangle(txt).Add(lp)
				pad := e.len(1.5)
				c.SetColor(e.th.halo)
				c.Fill(rectPath(vg.Rectangle{Min: vg.Point{X: r.Min.X - pad, Y: r.Min.Y - pad}, Max: vg.Point{X: r.Max.X + pad, Y: r.Max.Y + pad}}))
				c.FillText(lab, lp, txt)
			})
		}

		back.draw()
		if len(section) >= 3 {
			var path vg.Path
			for i, q := range section {
				if i == 0 {
					path.Move(pt(q))
				} else {
					path.Line(pt(q))
				}
			}
			path.Close()
			c.SetColor(e.th.shade)
			c.Fill(path)
			c.SetLineStyle(e.line(1.8, e.th.fire))
			c.Stroke(path)
		}
		front.draw()

		var eq []string
		if len(section) >= 3 {
			eq = boundaryTerms(s.Weights, s.Threshold)
		}
		sideLegend{e: e, fire: fire, cold: cold, s: s, eq: eq}.draw(c, vg.Point{X: c.Max.X - legendW + e.len(10), Y: mid.Y + e.len(26)})
	}
}

// widestGap returns the unit vector from at that bisects the widest angle
// between the directions from at to the points to (straight down when
// there are none).
func widestGap(at vg.Point, to []vg.Point) vg.Point {
	if len(to) == 0 {
		return vg.Point{Y: -1}
	}
	as := make([]float64, len(to))
	for i, p := range to {
		as[i] = math.Atan2(float64(p.Y-at.Y), float64(p.X-at.X))
	}
	sort.Float64s(as)
	best, mid := -1.0, 0.0
	for i, a := range as {
		next := as[(i+1)%len(as)]
		if i == len(as)-1 {
			next += 2 * math.Pi
		}
		if gap := next - a; gap > best+1e-9 {
			best, mid = gap, a+gap/2
		}
	}
	return vg.Point{X: vg.Length(math.Cos(mid)), Y: vg.Length(math.Sin(mid))}
}

func vec3(q []float64) [3]float64 { return [3]float64{q[0], q[1], q[2]} }

func dist1(a, b []float64) float64 {
	d := 0.0
	for i := range a {
		d += math.Abs(a[i] - b[i])
	}
	return d
}

func unitVec(a, b vg.Point) vg.Point {
	dx, dy := float64(b.X-a.X), float64(b.Y-a.Y)
	n := math.Hypot(dx, dy)
	if n == 0 {
		return vg.Point{}
	}
	return vg.Point{X: vg.Length(dx / n), Y: vg.Length(dy / n)}
}

// arrowHead fills a triangular head at tip, pointing from → tip.
func arrowHead(c draw.Canvas, from, tip vg.Point, size vg.Length, col colorT) {
	d := unitVec(from, tip)
	n := vg.Point{X: -d.Y, Y: d.X}
	base := vg.Point{X: tip.X - d.X*size, Y: tip.Y - d.Y*size}
	var p vg.Path
	p.Move(tip)
	p.Line(vg.Point{X: base.X + n.X*size*0.4, Y: base.Y + n.Y*size*0.4})
	p.Line(vg.Point{X: base.X - n.X*size*0.4, Y: base.Y - n.Y*size*0.4})
	p.Close()
	c.SetColor(col)
	c.Fill(p)
}

package figures

import (
	"fmt"
	"math"
	"sort"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"github.com/figgen/figgen/neuron"
	"github.com/figgen/figgen/spec"
)

// cubePad is the air between the unit cube and its box of axes.
const cubePad = 0.2

// cubeBox returns the box of axes around the unit cube seen by cam, its
// ticks at 0, ½ and 1 (the section's corners lie on the ½ lines).
func cubeBox(cam camera, labels [3]string) *box3 {
	lo, hi := [3]float64{-cubePad, -cubePad, -cubePad}, [3]float64{1 + cubePad, 1 + cubePad, 1 + cubePad}
	b := newBox3(cam, lo, hi, [3]float64{1, 1, 1}, labels)
	for i := range 3 {
		b.ticks[i] = []plot.Tick{{Value: 0, Label: "$0$"}, {Value: 0.5, Label: "$0.5$"}, {Value: 1, Label: "$1$"}}
	}
	return b
}

// cubeLegendW is the width of the legend column right of the cube.
func cubeLegendW(e *env) vg.Length { return e.len(170) }

// placeCube places the cube's box in c left of the legend column.
func placeCube(e *env, c draw.Canvas, b *box3) {
	legendW := cubeLegendW(e)
	area := vg.Rectangle{Min: c.Min, Max: vg.Point{X: c.Max.X - legendW, Y: c.Max.Y}}
	whole := e.inset(draw.Canvas{Rectangle: vg.Rectangle{Max: vg.Point{X: pixels(e.f.Width), Y: pixels(e.f.Height)}}})
	b.place(e, area, vg.Rectangle{Min: whole.Min, Max: vg.Point{X: whole.Max.X - legendW, Y: whole.Max.Y}})
}

// cut is the threshold plane w·x = θ as the view sees it: what lies
// beyond it is behind its (translucent) section and drawn before it.
type cut struct {
	w     [3]float64
	theta float64
	far   float64 // sign of w·x − θ beyond the plane; 0 when nothing is (seen edge-on, or no section drawn)
}

func newCut(w [3]float64, theta float64, v camera, drawn bool) cut {
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

// buildPlane3 draws the plane w·x = θ cutting the unit cube, in a box of
// axes seen by the figure's camera. Depth is kept in two layers around the
// plane's translucent section: what lies beyond the plane (edges, pieces
// of edges, vertices and their labels) is drawn before it, dashed or
// faded, and shows through it; the rest after it, in full.
func buildPlane3(e *env, f *spec.Figure, s *ThresholdPlane) func(c draw.Canvas) {
	w := [3]float64{s.Weights[0], s.Weights[1], s.Weights[2]}
	unit := neuron.NewUnit(s.Weights, s.Threshold)
	section := neuron.CubeSection(w, s.Threshold)
	corners := neuron.Corners(3)
	v := newCamera(s.Camera)
	k := newCut(w, s.Threshold, v, len(section) >= 3)
	return func(c draw.Canvas) {
		c = e.titled(c, f.Title.Src)
		box := cubeBox(v, [3]string{s.XLabel.Src, s.YLabel.Src, s.ZLabel.Src})
		placeCube(e, c, box)
		pt := box.pt
		ticks := box.tickSpots(e)
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

		// Cube edges; their pieces beyond the plane dashed.
		edge, hidden := e.line(1.3, e.th.ink), dashed(e.line(1.1, e.th.grey), 4, 3)
		for i, a := range corners {
			for j := i + 1; j < len(corners); j++ {
				b := corners[j]
				if dist1(a, b) != 1 {
					continue
				}
				for _, pc := range k.pieces(vec3(a), vec3(b)) {
					if k.pieceBehind(pc) {
						put(true, stroke(hidden, pc))
					} else {
						put(false, stroke(edge, pc))
					}
				}
			}
		}

		// Vertices, marked by the unit's output, with their coordinates;
		// faded beyond the plane.
		fire, cold := pointSet{R: e.len(6), Fill: e.th.fire, th: e.th}, pointSet{R: e.len(6), Ring: e.line(2, e.th.cold), th: e.th}
		for _, q := range corners {
			set := cold
			if ok, _ := unit.FiresAsWritten(q); ok {
				set = fire
			}
			behind := k.behind(vec3(q))
			if behind {
				set = set.faded()
			}
			at := pt(vec3(q))
			txt := fmt.Sprintf("$(%s, %s, %s)$", mathNum(q[0]), mathNum(q[1]), mathNum(q[2]))
			// Coordinates beside the vertex, in the widest gap between the
			// lines that leave it: edges, the outline of the section when
			// the vertex is on the plane.
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
			// and the tick labels of the box nearby.
			for _, sp := range ticks {
				if math.Hypot(float64(sp.X-at.X), float64(sp.Y-at.Y)) < float64(e.len(45)) {
					lines = append(lines, sp)
				}
			}
			d := widestGap(at, lines)
			put(behind, func() {
				set.mark(c, at)
				lab := e.font(tickSize-1, false)
				lab.Color = e.th.grey
				if !behind {
					lab.Color = e.th.ink
				}
				lab.XAlign, lab.YAlign = text.XCenter, text.YCenter
				lp := vg.Point{X: at.X + d.X*e.len(28), Y: at.Y + d.Y*e.len(17)}
				// A light halo keeps the label legible over edges and the plane.
				r := lab.Rectangle(txt).Add(lp)
				pad := e.len(1.5)
				c.SetColor(e.th.halo)
				c.Fill(rectPath(vg.Rectangle{Min: vg.Point{X: r.Min.X - pad, Y: r.Min.Y - pad}, Max: vg.Point{X: r.Max.X + pad, Y: r.Max.Y + pad}}))
				c.FillText(lab, lp, txt)
			})
		}

		box.drawPanes(e, c)
		box.drawAxes(e, c)
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
			c.SetColor(withAlpha(e.th.fire, float64(0x48)/255))
			c.Fill(path)
			c.SetLineStyle(e.line(1.8, e.th.fire))
			c.Stroke(path)
		}
		front.draw()

		var eq []string
		if len(section) >= 3 {
			eq = boundaryTerms(s.Weights, s.Threshold)
		}
		mid := box.mid
		legendW := cubeLegendW(e)
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

// sideLegend is the fire / no-fire key of the cube, drawn in a column
// beside the drawing rather than over it.
type sideLegend struct {
	e          *env
	fire, cold pointSet
	s          *ThresholdPlane
	eq         []string // terms of the boundary, shown with a swatch of the firing region; nil for none
}

func (l sideLegend) width() vg.Length { return l.e.len(170) }

// draw sets the key with its first row's centre-left at at, its texts
// within the canvas: the boundary wraps between terms, and every text of
// the key shrinks alike when one is still too wide.
func (l sideLegend) draw(c draw.Canvas, at vg.Point) {
	e := l.e
	sty := e.font(noteSize, false)
	sty.YAlign = text.YCenter
	row := e.len(26)
	textAt := func(y vg.Length) vg.Point { return vg.Point{X: at.X + e.len(14), Y: y} }
	room := c.Max.X - textAt(0).X
	fire, fsty := e.fit(l.s.Fire.Src, sty, room, toPx(1))
	cold, csty := e.fit(l.s.NoFire.Src, sty, room, toPx(1))
	// The boundary wraps between its terms; a term wider than the room
	// shrinks the equation.
	esty := sty
	eq := wrapMath(esty, l.eq, room)
	widest := vg.Length(0)
	for _, t := range eq {
		widest = max(widest, esty.Width(t))
	}
	if widest > room && room > 0 {
		esty.Font.Size *= room / widest
	}
	eqLine := esty.FontExtents().Height * 1.15
	// Rows are row apart, more when a wrapped text is taller.
	gap := func(a, b vg.Length) vg.Length { return max(row, (a+b)/2+e.len(10)) }
	fh, ch := fsty.Height(fire), csty.Height(cold)
	y := at.Y
	below := at.Y - gap(fh, ch) - ch/2
	if len(eq) > 0 {
		below -= row + eqLine*vg.Length(len(eq)-1)
	}
	if below < c.Min.Y && (fire != l.s.Fire.Src || cold != l.s.NoFire.Src) {
		path := "fire"
		if ch > fh {
			path = "no_fire"
		}
		e.problemAt(e.f.PosOf(path), "%s: the legend needs %s px below its first row; the figure has %s px",
			path, px(toPx(at.Y-below)), px(toPx(at.Y-c.Min.Y)))
	}
	l.fire.mark(c, vg.Point{X: at.X, Y: y})
	c.FillText(fsty, textAt(y), fire)
	y -= gap(fh, ch)
	l.cold.mark(c, vg.Point{X: at.X, Y: y})
	c.FillText(csty, textAt(y), cold)
	if len(eq) > 0 {
		y -= row
		sw := e.len(6)
		c.SetColor(e.th.shade)
		c.Fill(rectPath(vg.Rectangle{Min: vg.Point{X: at.X - sw, Y: y - sw}, Max: vg.Point{X: at.X + sw, Y: y + sw}}))
		c.StrokeLine2(e.line(2, e.th.fire), at.X-sw, y-sw, at.X+sw, y+sw)
		for _, line := range eq {
			c.FillText(esty, textAt(y), line)
			y -= eqLine
		}
	}
}

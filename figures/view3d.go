package figures

import (
	"math"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"github.com/figgen/figgen/spec"
)

// The 3-D view the threshold cube, the surface and the descent on a
// surface share: an orthographic camera, and a box of axes around the data
// with its three back panes, grid lines and ticks, as a 3-D plot draws
// them.

// Camera is where a 3-D figure is seen from: matplotlib's convention, so
// that numbers carry over. The viewer looks at the centre of the box from
// the azimuth (degrees, counter-clockwise from the x axis, seen from above)
// and the elevation (degrees above the x–y plane).
type Camera struct {
	Azimuth   float64 `yaml:"azimuth"`
	Elevation float64 `yaml:"elevation"`
}

// cameraFields documents the camera keys of a kind whose default view is
// az, el.
func cameraFields(f spec.Fields, az, el float64) {
	f["camera"] = spec.Field{Doc: "Where the 3-D view is seen from: {azimuth, elevation} in degrees, as matplotlib's view_init."}
	f["camera.azimuth"] = spec.Field{Doc: "Degrees counter-clockwise from the x axis, seen from above; default " + spec.Num(az) + ".", Within: [2]float64{-360, 360}}
	f["camera.elevation"] = spec.Field{Doc: "Degrees above the x–y plane (negative: from below); default " + spec.Num(el) + ".", Within: [2]float64{-90, 90}}
}

// defaultCamera fills the camera keys the spec leaves unset.
func defaultCamera(d *spec.Defaults, c *Camera, az, el float64) {
	spec.Default(d, "camera.azimuth", &c.Azimuth, az)
	spec.Default(d, "camera.elevation", &c.Elevation, el)
}

// camera is the orthographic projection of a Camera: drawn x to the
// right, drawn y up, depth into the picture. Its axes (right, up, toward
// the viewer) are a rotation of x, y, z: a right-handed frame is drawn
// right-handed.
type camera struct{ sa, ca, se, ce float64 }

func newCamera(c Camera) camera {
	az, el := c.Azimuth*math.Pi/180, c.Elevation*math.Pi/180
	return camera{math.Sin(az), math.Cos(az), math.Sin(el), math.Cos(el)}
}

// project returns where p is drawn (x right, y up, in the units of p) and
// its depth (larger is farther from the viewer).
func (v camera) project(p [3]float64) (x, y, depth float64) {
	// Each product rounded: depth orders what is drawn, a decision that
	// must not depend on fused multiply-adds (doc.go).
	x = float64(-v.sa*p[0]) + float64(v.ca*p[1])
	y = float64(-v.se*v.ca*p[0]) - float64(v.se*v.sa*p[1]) + float64(v.ce*p[2])
	depth = float64(-v.ce*v.ca*p[0]) - float64(v.ce*v.sa*p[1]) - float64(v.se*p[2])
	return x, y, depth
}

// away is the unit direction in which depth grows: from the viewer into
// the picture.
func (v camera) away() [3]float64 {
	return [3]float64{-v.ce * v.ca, -v.ce * v.sa, -v.se}
}

// box3 is the box of axes of a 3-D figure: data ranges, the drawn
// proportions of the box, ticks and labels, and where it is placed.
type box3 struct {
	cam    camera
	lo, hi [3]float64 // the data ranges
	aspect [3]float64 // drawn length of each side, in box units
	ticks  [3][]plot.Tick
	labels [3]string

	// Set by place.
	mid   vg.Point // where the box's centre is drawn
	scale float64  // points per box unit
}

// newBox3 returns the box of the ranges lo–hi seen by cam, with nice ticks.
func newBox3(cam camera, lo, hi, aspect [3]float64, labels [3]string) *box3 {
	b := &box3{cam: cam, lo: lo, hi: hi, aspect: aspect, labels: labels}
	for i := range 3 {
		b.ticks[i] = boxTicks(lo[i], hi[i])
	}
	return b
}

// boxTicks returns at most seven labelled ticks at a nice step over
// lo–hi: fewer than a flat plot's, an edge of the box being shorter.
func boxTicks(lo, hi float64) []plot.Tick {
	if !(hi > lo) || math.IsInf(hi-lo, 0) {
		return nil
	}
	step := niceStep((hi - lo) / 6)
	for math.Floor(hi/step+1e-9)-math.Ceil(lo/step-1e-9)+1 > 7 {
		step = niceStep(step * 1.01)
	}
	big := math.Max(math.Abs(lo), math.Abs(hi))
	var ts []plot.Tick
	for k := math.Ceil(lo/step - 1e-9); k <= math.Floor(hi/step+1e-9); k++ {
		v := k * step
		if math.Abs(v) < 1e-12*step {
			v = 0
		}
		ts = append(ts, plot.Tick{Value: v, Label: "$" + tickNum(v, big, step) + "$"})
	}
	return ts
}

// norm maps a data point into box units centred on the box's centre.
func (b *box3) norm(p [3]float64) [3]float64 {
	var q [3]float64
	for i := range 3 {
		q[i] = ((p[i]-b.lo[i])/(b.hi[i]-b.lo[i]) - 0.5) * b.aspect[i]
	}
	return q
}

// pt returns where the data point p is drawn.
func (b *box3) pt(p [3]float64) vg.Point {
	x, y, _ := b.cam.project(b.norm(p))
	return vg.Point{X: b.mid.X + vg.Length(x*b.scale), Y: b.mid.Y + vg.Length(y*b.scale)}
}

// depth returns the depth of the data point p, in box units.
func (b *box3) depth(p [3]float64) float64 {
	_, _, d := b.cam.project(b.norm(p))
	return d
}

// corner returns the box's corner at the low (0) or high (1) end of each
// axis.
func (b *box3) corner(i, j, k int) [3]float64 {
	pick := func(ax, s int) float64 {
		if s == 0 {
			return b.lo[ax]
		}
		return b.hi[ax]
	}
	return [3]float64{pick(0, i), pick(1, j), pick(2, k)}
}

// farSide returns the end (0 low, 1 high) of axis ax that is farther from
// the viewer: where its pane is.
func (b *box3) farSide(ax int) int {
	if b.cam.away()[ax] > 0 {
		return 1
	}
	return 0
}

// extent returns the drawn bounding box of the box, in box units.
func (b *box3) extent() (x0, y0, x1, y1 float64) {
	x0, y0, x1, y1 = math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
	for n := range 8 {
		x, y, _ := b.cam.project(b.norm(b.corner(n&1, n>>1&1, n>>2&1)))
		x0, x1, y0, y1 = math.Min(x0, x), math.Max(x1, x), math.Min(y0, y), math.Max(y1, y)
	}
	return x0, y0, x1, y1
}

// place fits the box, with room around it for its ticks and labels, in
// area, and records it as the figure's plot area.
func (b *box3) place(e *env, area vg.Rectangle, whole vg.Rectangle) {
	mx, my := e.len(58), e.len(36)
	x0, y0, x1, y1 := b.extent()
	fit := func(r vg.Rectangle) float64 {
		s := math.Min(float64(r.Max.X-r.Min.X-2*mx)/(x1-x0), float64(r.Max.Y-r.Min.Y-2*my)/(y1-y0))
		return math.Max(s, 0)
	}
	b.scale = fit(area)
	cx, cy := (area.Min.X+area.Max.X)/2, (area.Min.Y+area.Max.Y)/2
	b.mid = vg.Point{X: cx - vg.Length((x0+x1)/2*b.scale), Y: cy - vg.Length((y0+y1)/2*b.scale)}
	most := fit(whole)
	e.plotArea(vg.Rectangle{
		Min: vg.Point{X: b.mid.X + vg.Length(x0*b.scale), Y: b.mid.Y + vg.Length(y0*b.scale)},
		Max: vg.Point{X: b.mid.X + vg.Length(x1*b.scale), Y: b.mid.Y + vg.Length(y1*b.scale)},
	}, vg.Point{X: vg.Length((x1 - x0) * most), Y: vg.Length((y1 - y0) * most)})
}

// drawPanes draws the three back faces of the box, light grey, with grid
// lines at the ticks: what the data stands in front of.
func (b *box3) drawPanes(e *env, c draw.Canvas) {
	for ax := range 3 {
		u, w := (ax+1)%3, (ax+2)%3
		side := b.farSide(ax)
		at := func(su, sw float64) [3]float64 {
			var p [3]float64
			p[ax] = b.lo[ax]
			if side == 1 {
				p[ax] = b.hi[ax]
			}
			p[u], p[w] = su, sw
			return p
		}
		var path vg.Path
		path.Move(b.pt(at(b.lo[u], b.lo[w])))
		path.Line(b.pt(at(b.hi[u], b.lo[w])))
		path.Line(b.pt(at(b.hi[u], b.hi[w])))
		path.Line(b.pt(at(b.lo[u], b.hi[w])))
		path.Close()
		c.SetColor(e.th.pane)
		c.Fill(path)
		grid := e.line(0.7, e.th.paneGrid)
		for _, t := range b.ticks[u] {
			p, q := b.pt(at(t.Value, b.lo[w])), b.pt(at(t.Value, b.hi[w]))
			c.StrokeLine2(grid, p.X, p.Y, q.X, q.Y)
		}
		for _, t := range b.ticks[w] {
			p, q := b.pt(at(b.lo[u], t.Value)), b.pt(at(b.hi[u], t.Value))
			c.StrokeLine2(grid, p.X, p.Y, q.X, q.Y)
		}
		c.SetLineStyle(e.line(0.8, e.th.light))
		c.Stroke(path)
	}
}

// axisEdge returns the edge of the box along axis ax that carries its
// ticks, as its two ends, and the drawn unit direction pointing out of
// the box there. x and y are ticked on the floor pane's edges nearest the
// viewer; z on the vertical edge at the left of the drawing that no pane
// hides.
func (b *box3) axisEdge(ax int) (a, z [3]float64, out vg.Point) {
	near := func(i int) int { return 1 - b.farSide(i) }
	var s [3]int
	switch ax {
	case 0:
		s = [3]int{0, near(1), b.farSide(2)}
	case 1:
		s = [3]int{near(0), 0, b.farSide(2)}
	default:
		// The two vertical edges on the outline: near x with far y, far x
		// with near y; the left one.
		s1 := [3]int{near(0), b.farSide(1), 0}
		s2 := [3]int{b.farSide(0), near(1), 0}
		p1, p2 := b.pt(b.corner(s1[0], s1[1], 0)), b.pt(b.corner(s2[0], s2[1], 0))
		s = s1
		if p2.X < p1.X {
			s = s2
		}
	}
	lo, hi := s, s
	lo[ax], hi[ax] = 0, 1
	a, z = b.corner(lo[0], lo[1], lo[2]), b.corner(hi[0], hi[1], hi[2])
	// Out of the box: from the centre of the box towards the edge, across
	// the axis.
	var mid3 [3]float64
	for i := range 3 {
		mid3[i] = (b.lo[i] + b.hi[i]) / 2
	}
	edgeMid := lerp3(a, z, 0.5)
	from := mid3
	from[ax] = edgeMid[ax]
	if ax != 2 {
		// Along the floor: from the floor's centre.
		from[2] = edgeMid[2]
	}
	out = unitVec(b.pt(from), b.pt(edgeMid))
	if ax == 2 {
		// z's labels go straight out to the side.
		out = vg.Point{X: vg.Length(math.Copysign(1, float64(out.X)))}
	}
	return a, z, out
}

// tickAt returns where the label of a tick drawn at at on axis ax goes,
// out being the axis' outward direction.
func (b *box3) tickAt(e *env, ax int, at, out vg.Point) vg.Point {
	off := e.len(15)
	if ax == 2 {
		off = e.len(8)
	}
	return vg.Point{X: at.X + out.X*off, Y: at.Y + out.Y*off}
}

// tickSpots returns where the tick labels are drawn (their anchors), for
// labels of the drawing to keep clear of.
func (b *box3) tickSpots(e *env) []vg.Point {
	var spots []vg.Point
	for ax := range 3 {
		a, _, out := b.axisEdge(ax)
		for _, t := range b.ticks[ax] {
			p := a
			p[ax] = t.Value
			spots = append(spots, b.tickAt(e, ax, b.pt(p), out))
		}
	}
	return spots
}

// drawAxes draws the ticked edges: a line, tick marks, the tick labels
// and the axis label beyond them.
func (b *box3) drawAxes(e *env, c draw.Canvas) {
	var taken []vg.Rectangle // the tick labels drawn, which later ones give way to
	for ax := range 3 {
		a, z, out := b.axisEdge(ax)
		pa, pz := b.pt(a), b.pt(z)
		c.StrokeLine2(e.line(1, e.th.ink), pa.X, pa.Y, pz.X, pz.Y)
		sty := e.font(tickSize, false)
		sty.XAlign, sty.YAlign = text.XCenter, text.YCenter
		if ax == 2 {
			sty.XAlign = text.XRight
			if out.X > 0 {
				sty.XAlign = text.XLeft
			}
		}
		widest := vg.Length(0)
		for _, t := range b.ticks[ax] {
			p := a
			p[ax] = t.Value
			at := b.pt(p)
			tl := e.len(5)
			c.StrokeLine2(e.line(1, e.th.ink), at.X, at.Y, at.X+out.X*tl, at.Y+out.Y*tl)
			lp := b.tickAt(e, ax, at, out)
			r := sty.Rectangle(t.Label).Add(lp)
			if overlapsAny(r, taken) {
				continue
			}
			taken = append(taken, r)
			c.FillText(sty, lp, t.Label)
			widest = max(widest, sty.Width(t.Label))
		}
		lab := e.font(labelSize, false)
		lab.XAlign, lab.YAlign = text.XCenter, text.YCenter
		m := vg.Point{X: (pa.X + pz.X) / 2, Y: (pa.Y + pz.Y) / 2}
		off := e.len(36)
		if ax == 2 {
			off = e.len(18) + widest + e.len(10)
		}
		at := vg.Point{X: m.X + out.X*off, Y: m.Y + out.Y*off}
		room := min(e.len(140), 2*(at.X-c.Min.X), 2*(c.Max.X-at.X))
		txt, lab := e.fit(b.labels[ax], lab, room, toPx(1))
		c.FillText(lab, at, txt)
	}
}

// overlapsAny reports whether r overlaps one of rs.
func overlapsAny(r vg.Rectangle, rs []vg.Rectangle) bool {
	for _, q := range rs {
		if r.Min.X < q.Max.X && q.Min.X < r.Max.X && r.Min.Y < q.Max.Y && q.Min.Y < r.Max.Y {
			return true
		}
	}
	return false
}

package figures

import (
	"fmt"
	"image/color"
	"math"

	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"github.com/figgen/figgen/neuron"
	"github.com/figgen/figgen/spec"
)

// view is the fixed axonometric projection of the unit cube: x₁ to the
// front right, x₂ to the back right, x₃ up, seen from a little above.
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
	return -xr, c*v.cosE + yr*v.sinE, yr*v.cosE - c*v.sinE
}

func buildPlane3(e *env, f *spec.Figure, s *ThresholdPlane) func(c draw.Canvas) {
	w := [3]float64{s.Weights[0], s.Weights[1], s.Weights[2]}
	unit := neuron.NewUnit(s.Weights, s.Threshold)
	section := neuron.CubeSection(w, s.Threshold)
	corners := neuron.Corners(3)
	v := newView()
	return func(c draw.Canvas) {
		c = e.titled(c, f.Title.Src)
		top := c.Max.Y
		// Legend column on the right; the cube fills the rest.
		legendW := e.len(150)
		area := vg.Rectangle{Min: c.Min, Max: vg.Point{X: c.Max.X - legendW, Y: top}}
		// The cube is 1.43 sizes high in this view; its vertex labels need
		// 28 points more above and below.
		size := math.Min(float64(area.Max.X-area.Min.X), float64(area.Max.Y-area.Min.Y)) * 0.62
		size = math.Min(size, float64(area.Max.Y-area.Min.Y-2*e.len(28))/1.432)
		mid := vg.Point{X: (area.Min.X + area.Max.X) / 2, Y: (area.Min.Y + area.Max.Y) / 2}
		e.plotArea(vg.Rectangle{Min: vg.Point{X: mid.X - vg.Length(0.716*size), Y: mid.Y - vg.Length(0.716*size)}, Max: vg.Point{X: mid.X + vg.Length(0.716*size), Y: mid.Y + vg.Length(0.716*size)}})
		pt := func(q [3]float64) vg.Point {
			x, y, _ := v.project(q)
			return vg.Point{X: mid.X + vg.Length(x*size), Y: mid.Y + vg.Length(y*size)}
		}
		// The farthest corner's three edges are hidden: dash them.
		far, farD := 0, math.Inf(-1)
		for i, q := range corners {
			_, _, d := v.project([3]float64{q[0], q[1], q[2]})
			if d > farD {
				far, farD = i, d
			}
		}
		edge, hidden := e.line(1.2, ink), dashed(e.line(1, grey), 3, 3)
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
				c.StrokeLine2(ls, pt(vec3(a)).X, pt(vec3(a)).Y, pt(vec3(b)).X, pt(vec3(b)).Y)
			}
		}
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
			c.SetColor(shade)
			c.Fill(path)
			c.SetLineStyle(e.line(1.8, fireCol))
			c.Stroke(path)
		}
		// Axes from the origin along the three edges, past the cube.
		axis := e.line(1.2, ink)
		labels := []string{s.XLabel.Src, s.YLabel.Src, s.ZLabel.Src}
		for k := 0; k < 3; k++ {
			var tip [3]float64
			tip[k] = 1.32
			o, t := pt([3]float64{}), pt(tip)
			c.StrokeLine2(axis, o.X, o.Y, t.X, t.Y)
			arrowHead(c, o, t, e.len(7), ink)
			sty := e.font(labelSize, false)
			sty.XAlign, sty.YAlign = text.XCenter, text.YCenter
			d := unitVec(o, t)
			lab, sty := e.fit(labels[k], sty, e.len(120), toPx(1))
			c.FillText(sty, vg.Point{X: t.X + d.X*e.len(14), Y: t.Y + d.Y*e.len(14)}, lab)
		}
		centre := pt([3]float64{0.5, 0.5, 0.5})
		fire, cold := pointSet{R: e.len(6), Fill: fireCol}, pointSet{R: e.len(6), Ring: e.line(2, coldCol)}
		for _, q := range corners {
			set := cold
			if ok, _ := unit.Fires(q); ok {
				set = fire
			}
			set.mark(c, pt(vec3(q)))
			// Coordinates beside the vertex, pushed away from the cube's centre.
			at := pt(vec3(q))
			d := unitVec(centre, at)
			lab := e.font(tickSize-1, false)
			lab.Color = grey
			lab.XAlign, lab.YAlign = text.XCenter, text.YCenter
			lp := vg.Point{X: at.X + d.X*e.len(26), Y: at.Y + d.Y*e.len(17)}
			txt := fmt.Sprintf("$(%g, %g, %g)$", q[0], q[1], q[2])
			// A light halo keeps the label legible over edges and the plane.
			r := lab.Rectangle(txt).Add(lp)
			pad := e.len(1.5)
			c.SetColor(color.NRGBA{R: 255, G: 255, B: 255, A: 220})
			c.Fill(rectPath(vg.Rectangle{Min: vg.Point{X: r.Min.X - pad, Y: r.Min.Y - pad}, Max: vg.Point{X: r.Max.X + pad, Y: r.Max.Y + pad}}))
			c.FillText(lab, lp, txt)
		}
		eq := ""
		if len(section) >= 3 {
			eq = fmt.Sprintf("$%s = %s$", weightedSum(s.Weights), num(s.Threshold))
		}
		sideLegend{e: e, fire: fire, cold: cold, s: s, eq: eq}.draw(c, vg.Point{X: c.Max.X - legendW + e.len(10), Y: mid.Y + e.len(26)})
	}
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

package figures

import (
	"image/color"
	"math"
	"sort"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// curve plots y = F(x) over the plot's x range. Where F jumps (at Jumps) it
// is drawn as separate pieces with a filled dot at the value F takes at the
// jump and an open dot at the other side's limit, as a reader of a maths
// text expects; no vertical riser joins the pieces.
type curve struct {
	F     func(x float64) float64
	Jumps []float64
	Line  draw.LineStyle
	Dot   vg.Length   // radius of the jump dots
	N     int         // samples across the range
	Track *track      // marked seen when a sample lies inside the plot; may be nil
	Bg    color.Color // the page, inside the open dots
}

const jumpEps = 1e-9

func (cv curve) Plot(c draw.Canvas, p *plot.Plot) {
	tx, ty := p.Transforms(&c)
	lo, hi := p.X.Min, p.X.Max
	if t := cv.Track; t != nil {
		t.x0, t.x1, t.y0, t.y1 = lo, hi, p.Y.Min, p.Y.Max
	}
	cuts := []float64{lo}
	jumps := append([]float64(nil), cv.Jumps...)
	sort.Float64s(jumps)
	for _, j := range jumps {
		if j > lo && j < hi {
			cuts = append(cuts, j)
		}
	}
	cuts = append(cuts, hi)
	n := cv.N
	if n < 2 {
		n = 400
	}
	for i := 0; i+1 < len(cuts); i++ {
		a, b := cuts[i], cuts[i+1]
		k := max(2, int(float64(n)*(b-a)/(hi-lo)))
		pts := make([]vg.Point, 0, k+1)
		for s := 0; s <= k; s++ {
			x := a + (b-a)*float64(s)/float64(k)
			// Evaluate just inside the piece so each side takes its own limit.
			xe := math.Min(math.Max(x, a+jumpEps), b-jumpEps)
			if i == 0 && s == 0 || i == len(cuts)-2 && s == k {
				xe = x
			}
			y := cv.F(xe)
			if math.IsNaN(y) || math.IsInf(y, 0) {
				continue
			}
			pts = append(pts, vg.Point{X: tx(x), Y: ty(y)})
			if cv.Track != nil && c.ContainsY(ty(y)) {
				cv.Track.seen = true
			}
		}
		lines := c.ClipLinesXY(pts)
		if t := cv.Track; t != nil && t.record {
			t.pieces = append(t.pieces, lines...)
		}
		c.StrokeLines(cv.Line, lines...)
	}
	for _, j := range cuts[1 : len(cuts)-1] {
		at := cv.F(j)
		left, right := cv.F(j-jumpEps), cv.F(j+jumpEps)
		other := left
		if math.Abs(left-at) < 1e-6 {
			other = right
		}
		openDot(c, vg.Point{X: tx(j), Y: ty(other)}, cv.Dot, cv.Line, cv.Bg)
		closedDot(c, vg.Point{X: tx(j), Y: ty(at)}, cv.Dot, cv.Line.Color)
	}
}

// Thumbnail draws the curve's legend entry: a short line.
func (cv curve) Thumbnail(c *draw.Canvas) {
	y := c.Center().Y
	c.StrokeLine2(cv.Line, c.Min.X, y, c.Max.X, y)
}

func circlePath(at vg.Point, r vg.Length) vg.Path {
	var p vg.Path
	p.Move(vg.Point{X: at.X + r, Y: at.Y})
	p.Arc(at, r, 0, 2*math.Pi)
	p.Close()
	return p
}

// outside reports whether the disc of radius r at at lies wholly outside
// the canvas: a dot there is not drawn. A point of the data far outside a
// narrow range maps to a huge coordinate, which the rasterizer would take
// practically forever to fill (a step's dot at y = 1 with y_range
// [0, 1e-6]); and a dot off the plot would sit on its axes.
func outside(c draw.Canvas, at vg.Point, r vg.Length) bool {
	return !(at.X+r >= c.Min.X && at.X-r <= c.Max.X && at.Y+r >= c.Min.Y && at.Y-r <= c.Max.Y)
}

// openDot draws a disc of the page colour bg with a ring: the end a function does not reach.
func openDot(c draw.Canvas, at vg.Point, r vg.Length, ls draw.LineStyle, bg color.Color) {
	if outside(c, at, r) {
		return
	}
	c.SetColor(bg)
	c.Fill(circlePath(at, r))
	c.SetLineStyle(ls)
	c.Stroke(circlePath(at, r))
}

// closedDot draws a filled disc: the value a function takes.
func closedDot(c draw.Canvas, at vg.Point, r vg.Length, col color.Color) {
	if outside(c, at, r) {
		return
	}
	c.SetColor(col)
	c.Fill(circlePath(at, r))
}

// hline is a plotter drawing a horizontal guide at Y across the plot.
type hline struct {
	Y    float64
	Line draw.LineStyle
}

func (h hline) Plot(c draw.Canvas, p *plot.Plot) {
	_, ty := p.Transforms(&c)
	if y := ty(h.Y); c.ContainsY(y) {
		c.StrokeLine2(h.Line, c.Min.X, y, c.Max.X, y)
	}
}

// segment is a plotter drawing a line between two data points.
type segment struct {
	A, B [2]float64
	Line draw.LineStyle
}

func (s segment) Plot(c draw.Canvas, p *plot.Plot) {
	tx, ty := p.Transforms(&c)
	pts := []vg.Point{{X: tx(s.A[0]), Y: ty(s.A[1])}, {X: tx(s.B[0]), Y: ty(s.B[1])}}
	c.StrokeLines(s.Line, c.ClipLinesXY(pts)...)
}

// dashed returns ls with a dash pattern scaled to its width.
func dashed(ls draw.LineStyle, on, off float64) draw.LineStyle {
	w := ls.Width
	if w == 0 {
		w = 1
	}
	ls.Dashes = []vg.Length{vg.Length(on) * w, vg.Length(off) * w}
	return ls
}

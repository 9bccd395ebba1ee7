package figures

import (
	"image/color"
	"math"

	"gonum.org/v1/plot"
	gpalette "gonum.org/v1/plot/palette"
	"gonum.org/v1/plot/palette/moreland"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"github.com/figgen/figgen/internal/expr"
	"github.com/figgen/figgen/neuron"
	"github.com/figgen/figgen/spec"
)

// The plotters of the plot kind's layers (plot.go).

// fnCurve draws y = F(x), sampled adaptively (sample.go): broken at jumps
// and poles, with closed and open dots at the jumps when Dots is set.
type fnCurve struct {
	F      func(float64) float64
	Domain *spec.Range
	N      int
	Dots   bool
	Line   draw.LineStyle
	Dot    vg.Length
	Track  *track
	Bg     color.Color // the page, inside the open dots
}

func (cv fnCurve) Plot(c draw.Canvas, p *plot.Plot) {
	tx, ty := p.Transforms(&c)
	lo, hi := p.X.Min, p.X.Max
	if cv.Domain != nil {
		lo, hi = math.Max(lo, cv.Domain.Min), math.Min(hi, cv.Domain.Max)
	}
	if t := cv.Track; t != nil {
		t.x0, t.x1, t.y0, t.y1 = p.X.Min, p.X.Max, p.Y.Min, p.Y.Max
	}
	if !(hi > lo) {
		return
	}
	_, isLog := p.X.Scale.(plot.LogScale)
	s := sampleCurve(cv.F, lo, hi, cv.N, isLog, canvasY(c, p), 0.25, float64(c.Min.Y), float64(c.Max.Y))
	for _, piece := range s.pieces {
		pts := make([]vg.Point, len(piece))
		for i, q := range piece {
			pts[i] = vg.Point{X: tx(q[0]), Y: ty(q[1])}
			if cv.Track != nil && c.ContainsY(pts[i].Y) && c.ContainsX(pts[i].X) {
				cv.Track.seen = true
			}
		}
		lines := c.ClipLinesXY(pts)
		if t := cv.Track; t != nil && t.record {
			t.pieces = append(t.pieces, lines...)
		}
		c.StrokeLines(cv.Line, lines...)
	}
	if !cv.Dots {
		return
	}
	for _, j := range s.jumps {
		ls := cv.Line
		ls.Dashes = nil
		openDot(c, vg.Point{X: tx(j.X), Y: ty(j.Other)}, cv.Dot, ls, cv.Bg)
		closedDot(c, vg.Point{X: tx(j.X), Y: ty(j.At)}, cv.Dot, cv.Line.Color)
	}
}

// drawMarker draws a marker of radius r at at: a dot, a ring or a square.
func drawMarker(c draw.Canvas, at vg.Point, r vg.Length, marker string, ls draw.LineStyle, bg color.Color) {
	ls.Dashes = nil
	switch marker {
	case "ring":
		ls.Width = max(ls.Width*0.8, r/3)
		openDot(c, at, r, ls, bg)
	case "square":
		if outside(c, at, r) {
			return
		}
		c.SetColor(ls.Color)
		c.Fill(rectPath(vg.Rectangle{Min: vg.Point{X: at.X - r*0.9, Y: at.Y - r*0.9}, Max: vg.Point{X: at.X + r*0.9, Y: at.Y + r*0.9}}))
	default:
		closedDot(c, at, r, ls.Color)
	}
}

// dataPoints draws points as markers, a line through them, or both.
type dataPoints struct {
	Pts    [][2]float64
	Mode   string
	Marker string
	R      vg.Length
	Line   draw.LineStyle
	Color  color.Color
	Track  *track
	Bg     color.Color // the page, inside the rings
}

func (d dataPoints) Plot(c draw.Canvas, p *plot.Plot) {
	tx, ty := p.Transforms(&c)
	if t := d.Track; t != nil {
		t.x0, t.x1, t.y0, t.y1 = p.X.Min, p.X.Max, p.Y.Min, p.Y.Max
	}
	pts := make([]vg.Point, len(d.Pts))
	for i, q := range d.Pts {
		pts[i] = vg.Point{X: tx(q[0]), Y: ty(q[1])}
		if d.Track != nil && c.Contains(pts[i]) {
			d.Track.seen = true
		}
	}
	if d.Mode != "markers" {
		lines := c.ClipLinesXY(pts)
		if t := d.Track; t != nil && t.record {
			t.pieces = append(t.pieces, lines...)
		}
		c.StrokeLines(d.Line, lines...)
	}
	if d.Mode != "line" {
		for _, pt := range pts {
			drawMarker(c, pt, d.R, d.Marker, d.Line, d.Bg)
		}
	}
}

// vline is a plotter drawing a vertical guide at X across the plot.
type vline struct {
	X    float64
	Line draw.LineStyle
}

func (v vline) Plot(c draw.Canvas, p *plot.Plot) {
	tx, _ := p.Transforms(&c)
	if x := tx(v.X); c.ContainsX(x) {
		c.StrokeLine2(v.Line, x, c.Min.Y, x, c.Max.Y)
	}
}

// grid evaluates a surface over the plot's data rectangle at the centres
// of n×n cells, evenly spaced as the axes draw them (a log axis in its
// logarithm).
type grid struct {
	n              int
	x0, x1, y0, y1 float64
	logX, logY     bool
	z              []float64
}

// along returns the value a fraction t along [lo, hi] as an axis draws
// it: evenly, or evenly in the logarithm on a log axis.
func along(lo, hi, t float64, log bool) float64 {
	switch {
	case t == 0:
		return lo
	case t == 1:
		return hi
	case log: // float64(…) rounds the product: no fused multiply-add (doc.go)
		return math.Exp(math.Log(lo) + float64((math.Log(hi)-math.Log(lo))*t))
	}
	return lo + float64((hi-lo)*t)
}

// isLog reports whether the axis is drawn in the logarithm.
func isLog(a plot.Axis) bool {
	_, ok := a.Scale.(plot.LogScale)
	return ok
}

func newGrid(x *expr.Expr, n int, p *plot.Plot, centres bool) grid {
	g := grid{n: n, x0: p.X.Min, x1: p.X.Max, y0: p.Y.Min, y1: p.Y.Max, logX: isLog(p.X), logY: isLog(p.Y), z: make([]float64, n*n)}
	if x == nil {
		return g
	}
	f := x.Func2()
	for r := range n {
		for c := range n {
			g.z[r*n+c] = f(g.X(c), g.Y(r))
		}
	}
	return g
}

func (g grid) Dims() (int, int)   { return g.n, g.n }
func (g grid) Z(c, r int) float64 { return g.z[r*g.n+c] }
func (g grid) X(c int) float64    { return along(g.x0, g.x1, (float64(c)+0.5)/float64(g.n), g.logX) }
func (g grid) Y(r int) float64    { return along(g.y0, g.y1, (float64(r)+0.5)/float64(g.n), g.logY) }
func (g grid) minMax() (lo, hi float64) {
	lo, hi = math.Inf(1), math.Inf(-1)
	for _, z := range g.z {
		if finite(z) {
			lo, hi = math.Min(lo, z), math.Max(hi, z)
		}
	}
	return lo, hi
}

// regionLayer shades where a condition holds. A single comparison of
// affine sides (expr's Linear: 'w1*x1 + w2*x2 >= theta') on linear axes
// is a half-plane: neuron clips it to the plot's ranges as an exact
// polygon, its boundary the exact segment of the line. Any other
// condition is shaded by rows of the plot, each split where the
// condition changes (found by bisection), neighbouring rows joined as
// trapezoids where that is what lies between them, else halved (a
// horizontal edge, a corner), into one path so that no seam shows
// between rows; its boundary, for a single comparison, is
// the zero contour of the comparison's margin.
type regionLayer struct {
	X     *expr.Expr
	N     int
	Fill  color.Color
	Line  draw.LineStyle
	Dash  bool
	Track *track // marked seen when it shades minArea or more at once
}

// minArea is the least area (in pt²) of one piece a region shades that
// marks its track seen: a tenth of a point square.
const minArea = 0.01

func (r regionLayer) Plot(c draw.Canvas, p *plot.Plot) {
	if r.X == nil {
		return
	}
	if t := r.Track; t != nil {
		t.x0, t.x1, t.y0, t.y1 = p.X.Min, p.X.Max, p.Y.Min, p.Y.Max
	}
	if r.halfPlane(c, p) {
		return
	}
	tx, ty := p.Transforms(&c)
	f := r.X.Func2()
	in := func(x, y float64) bool { return f(x, y) != 0 }
	// spans returns the x intervals of row y where the condition holds.
	spans := func(y float64) [][2]float64 {
		var out [][2]float64
		n := r.N * 2
		logX := isLog(p.X)
		xAt := func(i int) float64 { return along(p.X.Min, p.X.Max, float64(i)/float64(n), logX) }
		start, was := 0.0, in(xAt(0), y)
		if was {
			start = xAt(0)
		}
		for i := 1; i <= n; i++ {
			x := xAt(i)
			now := in(x, y)
			if now == was {
				continue
			}
			l, h := xAt(i-1), x
			for range 40 {
				m := (l + h) / 2
				if in(m, y) == was {
					l = m
				} else {
					h = m
				}
			}
			if now {
				start = h
			} else {
				out = append(out, [2]float64{start, l})
			}
			was = now
		}
		if was {
			out = append(out, [2]float64{start, xAt(n)})
		}
		return out
	}
	var path vg.Path
	quad := func(a, b, cc, d vg.Point) {
		if t := r.Track; t != nil && !t.seen {
			// the shoelace formula
			area := (a.X*b.Y - b.X*a.Y) + (b.X*cc.Y - cc.X*b.Y) + (cc.X*d.Y - d.X*cc.Y) + (d.X*a.Y - a.X*d.Y)
			t.seen = math.Abs(float64(area))/2 >= minArea
		}
		path.Move(a)
		path.Line(b)
		path.Line(cc)
		path.Line(d)
		path.Close()
	}
	// band fills between rows y0 and y1 of spans lo and hi: joined as
	// trapezoids when the spans midway are where the trapezoids put them
	// (within a quarter point), else halved; what is still not after
	// bandDepth halvings (the rows change at once: a horizontal edge, a
	// corner) is filled with the spans midway.
	const tol = vg.Length(0.25)
	logY := isLog(p.Y)
	var band func(y0, y1 float64, lo, hi [][2]float64, depth int)
	band = func(y0, y1 float64, lo, hi [][2]float64, depth int) {
		ym := along(y0, y1, 0.5, logY) // midway as drawn
		mid := spans(ym)
		joined := len(lo) == len(hi) && len(mid) == len(lo)
		for j := 0; joined && j < len(mid); j++ {
			for e := range 2 {
				d := tx(mid[j][e]) - (tx(lo[j][e])+tx(hi[j][e]))/2
				joined = joined && d <= tol && d >= -tol
			}
		}
		switch {
		case joined:
			for j := range lo {
				quad(vg.Point{X: tx(lo[j][0]), Y: ty(y0)}, vg.Point{X: tx(lo[j][1]), Y: ty(y0)},
					vg.Point{X: tx(hi[j][1]), Y: ty(y1)}, vg.Point{X: tx(hi[j][0]), Y: ty(y1)})
			}
		case depth == 0:
			for _, s := range mid {
				quad(vg.Point{X: tx(s[0]), Y: ty(y0)}, vg.Point{X: tx(s[1]), Y: ty(y0)},
					vg.Point{X: tx(s[1]), Y: ty(y1)}, vg.Point{X: tx(s[0]), Y: ty(y1)})
			}
		default:
			band(y0, ym, lo, mid, depth-1)
			band(ym, y1, mid, hi, depth-1)
		}
	}
	const bandDepth = 4 // a sixteenth of a row
	rows := r.N
	y0, lo := p.Y.Min, spans(p.Y.Min)
	for k := 1; k <= rows; k++ {
		y1 := along(p.Y.Min, p.Y.Max, float64(k)/float64(rows), logY)
		hi := spans(y1)
		band(y0, y1, lo, hi, bandDepth)
		y0, lo = y1, hi
	}
	c.SetColor(r.Fill)
	c.Fill(path)
	if m, ok := r.X.Margin(); ok {
		ls := r.Line
		if r.Dash {
			ls = dashed(ls, 4, 3)
		}
		g := marginGrid(m, r.N, p)
		if lo, hi := g.minMax(); lo < 0 && hi > 0 {
			strokeContours(c, p, cornerGrid{g}, []float64{0}, onePalette{ls.Color}, ls)
		}
	}
}

// halfPlane draws the region when it is a half-plane on linear axes,
// and reports whether it was.
func (r regionLayer) halfPlane(c draw.Canvas, p *plot.Plot) bool {
	k, k0, ok := r.X.Linear()
	_, logX := p.X.Scale.(plot.LogScale)
	_, logY := p.Y.Scale.(plot.LogScale)
	if !ok || logX || logY {
		return false
	}
	// k·(x, y) + k0 ≥ 0 (> 0) is where the unit of weights k and
	// threshold −k0 fires.
	w, theta := [2]float64{k[0], k[1]}, -k0
	box := neuron.Box2{X0: p.X.Min, X1: p.X.Max, Y0: p.Y.Min, Y1: p.Y.Max}
	tx, ty := p.Transforms(&c)
	var poly [][2]float64
	switch {
	case w != [2]float64{}:
		poly = neuron.FiringRegion(w, theta, box)
	case r.X.Eval(p.X.Min, p.Y.Min) != 0: // no variable: everywhere or nowhere
		poly = [][2]float64{{box.X0, box.Y0}, {box.X1, box.Y0}, {box.X1, box.Y1}, {box.X0, box.Y1}}
	}
	if len(poly) >= 3 {
		c.SetColor(r.Fill)
		c.Fill(polygonPath(poly, tx, ty))
	}
	if a, b, ok := neuron.BoundarySegment(w, theta, box); ok {
		ls := r.Line
		if r.Dash {
			ls = dashed(ls, 4, 3)
		}
		c.StrokeLine2(ls, tx(a[0]), ty(a[1]), tx(b[0]), ty(b[1]))
	}
	return true
}

// marginGrid evaluates m on the grid of the plot, corners included.
func marginGrid(m func(x, y float64) float64, n int, p *plot.Plot) grid {
	g := grid{n: n + 1, x0: p.X.Min, x1: p.X.Max, y0: p.Y.Min, y1: p.Y.Max, logX: isLog(p.X), logY: isLog(p.Y)}
	g.z = make([]float64, g.n*g.n)
	for r := range g.n {
		for c := range g.n {
			g.z[r*g.n+c] = m(g.cornerX(c), g.cornerY(r))
		}
	}
	return g
}

// cornerX and cornerY are the coordinates of grid lines (corners).
func (g grid) cornerX(c int) float64 { return along(g.x0, g.x1, float64(c)/float64(g.n-1), g.logX) }
func (g grid) cornerY(r int) float64 { return along(g.y0, g.y1, float64(r)/float64(g.n-1), g.logY) }

// cornerGrid is a grid whose points lie on the corners, edges included.
type cornerGrid struct{ grid }

func (g cornerGrid) X(c int) float64 { return g.cornerX(c) }
func (g cornerGrid) Y(r int) float64 { return g.cornerY(r) }

// onePalette is a palette of one colour.
type onePalette []color.Color

func (p onePalette) Colors() []color.Color { return p }

// contourLayer draws contour lines of a surface (contour.go), in
// one colour when the style names it, else in the colour map's.
type contourLayer struct {
	X      *expr.Expr
	N      int
	Levels Levels
	Line   draw.LineStyle
	Map    string
	Style  bool
}

func (ct contourLayer) Plot(c draw.Canvas, p *plot.Plot) {
	if ct.X == nil {
		return
	}
	f := ct.X.Func2()
	g := marginGrid(f, ct.N, p)
	lo, hi := g.minMax()
	if !(hi > lo) {
		return
	}
	levels := ct.Levels.Values
	if levels == nil {
		n := max(ct.Levels.Count, 1)
		for i := 1; i <= n; i++ {
			levels = append(levels, lo+(hi-lo)*float64(i)/float64(n+1))
		}
	}
	var pal gpalette.Palette = onePalette{ct.Line.Color}
	if !ct.Style {
		pal = colorMap(ct.Map).Palette(max(len(levels), 2))
	}
	strokeContours(c, p, cornerGrid{g}, levels, pal, ct.Line)
}

// colorMap returns the colour map of a name (viridis, blue-red, greys).
func colorMap(name string) gpalette.ColorMap {
	var cm gpalette.ColorMap
	switch name {
	case "blue-red":
		cm = moreland.SmoothBlueRed()
	case "greys":
		g, _ := moreland.NewLuminance([]color.Color{color.NRGBA{0x20, 0x20, 0x20, 0xff}, color.NRGBA{0xf4, 0xf4, 0xf4, 0xff}})
		cm = g
	default:
		v, _ := moreland.NewLuminance([]color.Color{
			color.NRGBA{0x44, 0x01, 0x54, 0xff}, color.NRGBA{0x3b, 0x52, 0x8b, 0xff},
			color.NRGBA{0x21, 0x91, 0x8c, 0xff}, color.NRGBA{0x5e, 0xc9, 0x62, 0xff},
			color.NRGBA{0xfd, 0xe7, 0x25, 0xff},
		})
		cm = v
	}
	cm.SetMin(0)
	cm.SetMax(1)
	return cm
}

// heatLayer draws a surface as colours: each row of cells as runs of
// one colour (64 levels of the map), so a fine grid stays a few thousand
// rectangles.
type heatLayer struct {
	X     *expr.Expr
	N     int
	Map   string
	Range *heatRange // set when drawn, for the colour bar
}

// heatRange is the range of values a heatmap's colours span.
type heatRange struct {
	Lo, Hi float64
	Set    bool
}

func (h heatLayer) Plot(c draw.Canvas, p *plot.Plot) {
	if h.X == nil {
		return
	}
	tx, ty := p.Transforms(&c)
	g := newGrid(h.X, h.N, p, true)
	lo, hi := g.minMax()
	if !(hi > lo) {
		hi = lo + 1
	}
	if h.Range != nil {
		*h.Range = heatRange{Lo: lo, Hi: hi, Set: finite(lo)}
	}
	const shades = 64
	cols := colorMap(h.Map).Palette(shades).Colors()
	level := func(z float64) int {
		if !finite(z) {
			return -1
		}
		return min(shades-1, int((z-lo)/(hi-lo)*shades))
	}
	xAt := func(i int) vg.Length { return tx(along(g.x0, g.x1, float64(i)/float64(g.n), g.logX)) }
	yAt := func(i int) vg.Length { return ty(along(g.y0, g.y1, float64(i)/float64(g.n), g.logY)) }
	// The runs of one shade in each row, then each shade's path in one
	// allocation: a fine grid has tens of thousands of runs.
	type run struct{ lv, i, j, r int32 }
	var runs []run
	var count [shades]int
	for r := range g.n {
		for i := 0; i < g.n; {
			lv := level(g.Z(i, r))
			j := i + 1
			for j < g.n && level(g.Z(j, r)) == lv {
				j++
			}
			if lv >= 0 {
				runs = append(runs, run{int32(lv), int32(i), int32(j), int32(r)})
				count[lv]++
			}
			i = j
		}
	}
	paths := make([]vg.Path, shades)
	for lv, n := range count {
		if n > 0 {
			paths[lv] = make(vg.Path, 0, 5*n)
		}
	}
	for _, u := range runs {
		i, j, r := int(u.i), int(u.j), int(u.r)
		// Each run overlaps its neighbours by a hair: abutting fills of
		// different colours would show a seam.
		hair := vg.Length(0.4)
		x1, y1 := xAt(j), yAt(r+1)
		if j < g.n {
			x1 += hair
		}
		if r+1 < g.n {
			y1 += hair
		}
		paths[u.lv] = appendRect(paths[u.lv], vg.Rectangle{Min: vg.Point{X: xAt(i), Y: yAt(r)}, Max: vg.Point{X: x1, Y: y1}})
	}
	for i, path := range paths {
		if len(path) > 0 {
			c.SetColor(cols[i])
			c.Fill(path)
		}
	}
}

// barsLayer draws bars from 0 to Y at each X, 0.7 of the least spacing
// wide.
type barsLayer struct {
	X, Y []float64
	Fill color.Color
}

func (b barsLayer) Plot(c draw.Canvas, p *plot.Plot) {
	tx, ty := p.Transforms(&c)
	w := 1.0
	for i := 1; i < len(b.X); i++ {
		if d := math.Abs(b.X[i] - b.X[i-1]); d > 0 && (i == 1 || d < w) {
			w = d
		}
	}
	w *= 0.7
	base := math.Max(0, p.Y.Min)
	if _, ok := p.Y.Scale.(plot.LogScale); ok {
		base = p.Y.Min
	}
	c.SetColor(b.Fill)
	for i, x := range b.X {
		r := vg.Rectangle{Min: vg.Point{X: tx(x - w/2), Y: ty(base)}, Max: vg.Point{X: tx(x + w/2), Y: ty(b.Y[i])}}
		if r.Min.Y > r.Max.Y {
			r.Min.Y, r.Max.Y = r.Max.Y, r.Min.Y
		}
		r = clipRect(r, c.Rectangle)
		if r.Max.X > r.Min.X && r.Max.Y > r.Min.Y {
			c.Fill(rectPath(r))
		}
	}
}

// clipRect returns r within b.
func clipRect(r, b vg.Rectangle) vg.Rectangle {
	r.Min.X, r.Min.Y = max(r.Min.X, b.Min.X), max(r.Min.Y, b.Min.Y)
	r.Max.X, r.Max.Y = min(r.Max.X, b.Max.X), min(r.Max.Y, b.Max.Y)
	return r
}

// arrowLayer draws an arrow in data coordinates, its label at its start,
// on the side away from where it points.
type arrowLayer struct {
	e    *env
	A    Arrow
	Line draw.LineStyle
}

func (a arrowLayer) Plot(c draw.Canvas, p *plot.Plot) {
	tx, ty := p.Transforms(&c)
	from := vg.Point{X: tx(a.A.From[0]), Y: ty(a.A.From[1])}
	to := vg.Point{X: tx(a.A.To[0]), Y: ty(a.A.To[1])}
	dx, dy := float64(to.X-from.X), float64(to.Y-from.Y)
	n := math.Hypot(dx, dy)
	if n == 0 {
		return
	}
	ux, uy := dx/n, dy/n
	head := float64(a.e.len(9))
	base := vg.Point{X: to.X - vg.Length(ux*head), Y: to.Y - vg.Length(uy*head)}
	c.StrokeLines(a.Line, c.ClipLinesXY([]vg.Point{from, base})...)
	var tri vg.Path
	w := head * 0.45
	tri.Move(to)
	tri.Line(vg.Point{X: base.X - vg.Length(uy*w), Y: base.Y + vg.Length(ux*w)})
	tri.Line(vg.Point{X: base.X + vg.Length(uy*w), Y: base.Y - vg.Length(ux*w)})
	tri.Close()
	if c.Contains(to) {
		c.SetColor(a.Line.Color)
		c.Fill(tri)
	}
	if a.A.Label.Src == "" {
		return
	}
	sty := a.e.font(noteSize, false)
	sty.XAlign, sty.YAlign = text.XCenter, text.YCenter
	lbl, sty := a.e.fit(a.A.Label.Src, sty, (c.Max.X-c.Min.X)/2, toPx(1))
	r := sty.Rectangle(lbl)
	// Step back from the start until the label's box clears it.
	hw, hh := float64(r.Max.X-r.Min.X)/2, float64(r.Max.Y-r.Min.Y)/2
	d := math.Min(hw/math.Max(math.Abs(ux), 1e-9), hh/math.Max(math.Abs(uy), 1e-9)) + float64(a.e.len(4))
	at := vg.Point{X: from.X - vg.Length(ux*d), Y: from.Y - vg.Length(uy*d)}
	c.FillText(sty, at, lbl)
}

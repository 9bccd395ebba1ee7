package figures

import (
	"image/color"
	"math"
	"slices"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"github.com/figgen/figgen/internal/expr"
	"github.com/figgen/figgen/neuron"
	"github.com/figgen/figgen/spec"
)

func init() {
	register[Descent]("descent", "Gradient descent on a cost of one or two weights: the steps w ← w − η∇C, on the curve, the contour map or the 3-D surface.")
}

// Descent is kind "descent": gradient descent on a cost, the steps
// computed by neuron.Descent (the gradient by central differences).
type Descent struct {
	spec.Axes `yaml:",inline"`
	ZLabel    spec.Text          `yaml:"z_label"`
	Cost      spec.Code          `yaml:"cost"`
	Vars      []string           `yaml:"vars"`
	Params    map[string]float64 `yaml:"params"`
	Start     []float64          `yaml:"start"`
	Rate      float64            `yaml:"rate"`
	Steps     int                `yaml:"steps"`
	View      string             `yaml:"view"`
	Compare   DescentCompare     `yaml:"compare"`
	Gradient  []int              `yaml:"gradient"`
	Note      spec.Text          `yaml:"note"`
	Camera    Camera             `yaml:"camera"`
}

// DescentCompare lists the learning rates of paths drawn together.
type DescentCompare struct {
	Rate []float64 `yaml:"rate"`
}

// maxSteps is the most steps of a descent.
const maxSteps = 10_000

// Fields documents the descent's keys.
func (*Descent) Fields() spec.Fields {
	f := spec.Fields{
		"title":          {NoDefault: true},
		"x_label":        {Doc: "Label of the x axis; default the first var as math.", NoDefault: true},
		"y_label":        {Doc: "Label of the y axis; default the cost C (one var) or the second var.", NoDefault: true},
		"x_range":        {Doc: "Range of the first var as [min, max]" + spec.RangeNote + "; default [-3, 3]."},
		"y_range":        {Doc: "Range of the second var (two vars) or of the cost (one var) as [min, max]" + spec.RangeNote + "; default [-3, 3] or the cost's."},
		"z_label":        {Doc: "Label of the cost's axis on the surface."},
		"cost":           {Doc: "The cost C as a formula of vars: numbers, + - * / ^, ( ), pi, e, the params and the functions of plot."},
		"vars":           {Doc: "The weights the cost depends on: one or two names.", Items: [2]int{1, 2}, Unique: true},
		"params":         {Doc: "Named numbers the cost may use."},
		"params[]":       {Within: [2]float64{-spec.MaxCoord, spec.MaxCoord}, What: "param"},
		"start":          {Doc: "Where descent starts: one number per var.", Items: [2]int{1, 2}},
		"start[]":        {Within: [2]float64{-spec.MaxCoord, spec.MaxCoord}},
		"rate":           {Doc: "The learning rate η (> 0).", Within: [2]float64{1e-9, 1e6}},
		"steps":          {Doc: "How many steps w ← w − η∇C (0–10000).", Within: [2]float64{0, maxSteps}},
		"view":           {Doc: "contour: the contour map (two vars); surface: the path on the 3-D surface (two vars). One var draws the cost curve.", Enum: []string{"contour", "surface"}},
		"compare":        {Doc: "Paths of several learning rates in the palette, with a legend: {rate: [0.05, 0.4]}; replaces rate."},
		"compare.rate":   {Doc: "The learning rates.", Items: [2]int{0, 6}},
		"compare.rate[]": {Within: [2]float64{1e-9, 1e6}, What: "rate"},
		"gradient":       {Doc: "The steps (from 0) at which −∇C is drawn as an arrow on each path (two vars, contour).", Items: [2]int{0, 50}},
		"note":           {Doc: "Said in the figure when a path leaves the range (diverges)."},
	}
	cameraFields(f, -60, 30)
	return f
}

// Default descends the bowl from (-2, 2).
func (s *Descent) Default(d *spec.Defaults) {
	spec.Default(d, "cost", &s.Cost, spec.Code{Src: "(w1 - 1)^2 + 3*(w2 + 0.5)^2"})
	spec.Default(d, "vars", &s.Vars, []string{"w1", "w2"})
	y := "$C$"
	if len(s.Vars) == 2 {
		y = varMath(s.Vars[1])
	}
	if len(s.Vars) > 0 {
		s.Axes.Default(d, varMath(s.Vars[0]), y, -3, 3)
	}
	if len(s.Vars) == 2 {
		spec.Default(d, "y_range", &s.YRange, &spec.Range{Min: -3, Max: 3})
	}
	spec.Default(d, "z_label", &s.ZLabel, d.NewText("$C$"))
	spec.Default(d, "start", &s.Start, []float64{-2, 2}[:len(s.Vars)%3])
	spec.Default(d, "rate", &s.Rate, 0.1)
	spec.Default(d, "steps", &s.Steps, 20)
	spec.Default(d, "view", &s.View, "contour")
	spec.Default(d, "gradient", &s.Gradient, []int{0})
	spec.Default(d, "note", &s.Note, d.NewText("발산: 범위를 벗어난다"))
	defaultCamera(d, &s.Camera, -60, 30)
	d.Title = ""
	d.Alt = "비용 함수 위에서 경사 하강법이 내려가는 경로"
}

// Validate checks the cost over the vars, the start's length, the rates.
func (s *Descent) Validate(c *spec.Check) {
	if !checkCode(c, "cost", s.Cost, s.Vars, s.Params) {
		return
	}
	if len(s.Start) != len(s.Vars) {
		c.Errorf("start", "start: %s for %s; want one per var", spec.Count(len(s.Start), "number"), spec.Count(len(s.Vars), "var"))
	}
	if s.View == "surface" && len(s.Vars) != 2 {
		c.Errorf("view", "view: surface needs two vars, got %d", len(s.Vars))
	}
	for i, g := range s.Gradient {
		if g < 0 || g > s.Steps {
			c.Errorf("gradient", "gradient[%d]: step %d; the steps are 0 to %d", i, g, s.Steps)
		}
	}
}

// descentPath is one learning rate's path, cut where it leaves the range.
type descentPath struct {
	rate  float64
	pts   [][]float64
	left  bool // the path left the range (or the finite numbers)
	color color.Color
}

// paths runs the descents, each cut at its first point outside the box.
func (s *Descent) paths(th *theme, cost func([]float64) float64, inside func([]float64) bool) []descentPath {
	rates := s.Compare.Rate
	if len(rates) == 0 {
		rates = []float64{s.Rate}
	}
	var out []descentPath
	for i, r := range rates {
		pts, err := neuron.Descent(cost, nil, s.Start, r, s.Steps)
		p := descentPath{rate: r, color: th.fire}
		if len(rates) > 1 {
			p.color = th.palette(i)
		}
		if err != nil {
			out = append(out, p)
			continue
		}
		p.left = len(pts) < s.Steps+1
		for k, w := range pts {
			if !inside(w) {
				// Drawn up to where it leaves: the point outside is kept
				// and the line clipped at the range.
				pts, p.left = pts[:k+1], true
				break
			}
		}
		p.pts = pts
		out = append(out, p)
	}
	return out
}

// build draws the curve (one var), the contour map or the surface.
func (s *Descent) build(e *env, f *spec.Figure) func(c draw.Canvas) {
	x, err := expr.Parse(s.Cost.Src, expr.Env{Vars: s.Vars, Params: s.Params}, expr.Number)
	if err != nil {
		return func(draw.Canvas) {}
	}
	cost := func(w []float64) float64 { return x.Eval(w...) }
	xr := *s.XRange
	if len(s.Vars) == 1 {
		return s.build1(e, f, x, cost, xr)
	}
	yr := *s.YRange
	inside := func(w []float64) bool {
		return w[0] >= xr.Min && w[0] <= xr.Max && w[1] >= yr.Min && w[1] <= yr.Max
	}
	paths := s.paths(e.th, cost, inside)
	if s.View == "surface" {
		return s.buildSurface(e, f, x, paths, xr, yr)
	}
	p := e.newPlot(f.Title.Src, s.Axes)
	p.X.Min, p.X.Max, p.Y.Min, p.Y.Max = xr.Min, xr.Max, yr.Min, yr.Max
	p.Add(isoLines{e: e, m: newMesh3(x.Func2(), xr, yr, 120), n: 12})
	legend := e.newLegendBox(autoCorner)
	legend.Corners = legendCorners
	for _, dp := range paths {
		p.Add(stepsPlot{e: e, p: dp, cost: nil})
		if len(paths) > 1 {
			legend.Entries = append(legend.Entries, legendEntry{Label: "$\\eta = " + mathNum(dp.rate) + "$", Line: e.line(2, dp.color), Dot: e.len(3.5), Marker: "dot"})
		}
	}
	// −∇C at the chosen steps of every path, once where paths meet (they
	// all start at the start), over the paths.
	var at [][]float64
	for _, dp := range paths {
		for _, k := range s.Gradient {
			if k < len(dp.pts) && !slices.ContainsFunc(at, func(w []float64) bool { return slices.Equal(w, dp.pts[k]) }) {
				at = append(at, dp.pts[k])
			}
		}
	}
	for _, w := range at {
		p.Add(gradArrow{e: e, at: w, g: neuron.Gradient(cost, w), box: [4]float64{xr.Min, xr.Max, yr.Min, yr.Max}, paths: paths})
	}
	if note := s.divergedNote(paths); note != "" {
		legend.Entries = append(legend.Entries, legendEntry{Label: s.fitNote(e, note), NoLine: true})
	}
	if len(legend.Entries) > 0 {
		p.Add(legend)
	}
	return e.drawPlot(p)
}

// divergedNote returns the note when a path has left the range.
func (s *Descent) divergedNote(paths []descentPath) string {
	for _, dp := range paths {
		if dp.left {
			if len(paths) > 1 {
				return s.Note.Src + " ($\\eta = " + mathNum(dp.rate) + "$)"
			}
			return s.Note.Src
		}
	}
	return ""
}

// build1 draws the cost curve of one var, the steps on it with arrows,
// and the tangent at the start.
func (s *Descent) build1(e *env, f *spec.Figure, x *expr.Expr, cost func([]float64) float64, xr spec.Range) func(c draw.Canvas) {
	fn := x.Func()
	p := e.newPlot(f.Title.Src, s.Axes)
	p.X.Min, p.X.Max = xr.Min, xr.Max
	lo, hi := math.Inf(1), math.Inf(-1)
	for i := 0; i <= 200; i++ {
		if v := fn(xr.Min + (xr.Max-xr.Min)*float64(i)/200); !math.IsNaN(v) && !math.IsInf(v, 0) {
			lo, hi = math.Min(lo, v), math.Max(hi, v)
		}
	}
	if !(hi > lo) {
		lo, hi = lo-1, lo+1
	}
	if s.YRange != nil {
		lo, hi = s.YRange.Min, s.YRange.Max
	} else {
		pad := 0.08 * (hi - lo)
		lo, hi = lo-pad, hi+pad
	}
	p.Y.Min, p.Y.Max = lo, hi
	inside := func(w []float64) bool { return w[0] >= xr.Min && w[0] <= xr.Max && fn(w[0]) <= hi && fn(w[0]) >= lo }
	paths := s.paths(e.th, cost, inside)
	p.Add(fnCurve{F: fn, N: 200, Line: e.line(2.2, e.th.ink), Track: e.track("the cost", "cost", s.Vars[0])})
	// The tangent at the start: slope C'(w₀), a dashed line.
	w0 := s.Start[0]
	slope := neuron.Gradient(cost, []float64{w0})[0]
	c0 := fn(w0)
	span := (xr.Max - xr.Min) * 0.18
	p.Add(segment{A: [2]float64{w0 - span, c0 - slope*span}, B: [2]float64{w0 + span, c0 + slope*span}, Line: dashed(e.line(1.6, e.th.palette(2)), 5, 3)})
	legend := e.newLegendBox(autoCorner)
	legend.Corners = legendCorners
	legend.Avoid = []func(float64) float64{fn}
	legend.Entries = append(legend.Entries, legendEntry{Label: "접선 $C'(" + varName(s.Vars[0]) + "_0) = " + mathNum(round4(slope)) + "$", Line: dashed(e.line(1.6, e.th.palette(2)), 5, 3)})
	for _, dp := range paths {
		p.Add(stepsPlot{e: e, p: dp, cost: fn})
		if len(paths) > 1 {
			legend.Entries = append(legend.Entries, legendEntry{Label: "$\\eta = " + mathNum(dp.rate) + "$", Line: e.line(2, dp.color), Dot: e.len(3.5), Marker: "dot"})
		}
	}
	if note := s.divergedNote(paths); note != "" {
		legend.Entries = append(legend.Entries, legendEntry{Label: s.fitNote(e, note), NoLine: true})
	}
	p.Add(legend)
	return e.drawPlot(p)
}

// fitNote wraps the divergence note to a third of the figure's width, so
// that the legend holding it leaves the plot room; a note that still does
// not fit is reported at note.
func (s *Descent) fitNote(e *env, note string) string {
	sty := e.font(noteSize, false)
	txt, _ := e.fit(note, sty, pixels(e.f.Width)/3, toPx(1))
	e.alias(txt, s.Note.Src)
	return txt
}

// varName returns the var's math without dollars: w1 as w_{1}.
func varName(v string) string { m := varMath(v); return m[1 : len(m)-1] }

func round4(v float64) float64 { return math.Round(v*1e4) / 1e4 }

// buildSurface draws the paths on the 3-D surface of the cost.
func (s *Descent) buildSurface(e *env, f *spec.Figure, x *expr.Expr, paths []descentPath, xr, yr spec.Range) func(c draw.Canvas) {
	m := newMesh3(x.Func2(), xr, yr, 40)
	v := newCamera(s.Camera)
	sf := surface3{m: m, cmap: colorMap("viridis"), contours: 10}
	for _, dp := range paths {
		var pts [][2]float64
		for _, w := range dp.pts {
			if w[0] >= xr.Min && w[0] <= xr.Max && w[1] >= yr.Min && w[1] <= yr.Max {
				pts = append(pts, [2]float64{w[0], w[1]})
			}
		}
		sf.on = append(sf.on, onSurface{pts: pts, line: e.line(2, dp.color), dot: e.len(3), col: dp.color, first: true})
	}
	note := s.divergedNote(paths)
	return func(c draw.Canvas) {
		c = e.titled(c, f.Title.Src)
		box := surfaceBox(v, m, true, [3]string{s.XLabel.Src, s.YLabel.Src, s.ZLabel.Src})
		box.place(e, c.Rectangle, wholeOf(e))
		box.drawPanes(e, c)
		box.drawAxes(e, c)
		sf.draw(e, c, box)
		if note != "" {
			noteBox{e: e, txt: note}.Plot(c, nil)
		}
	}
}

// stepsPlot draws a path of descent: a dot at each step and an arrow to
// the next, on the curve (cost set, one var) or the map (two vars).
type stepsPlot struct {
	e    *env
	p    descentPath
	cost func(float64) float64
}

func (sp stepsPlot) Plot(c draw.Canvas, p *plot.Plot) {
	tx, ty := p.Transforms(&c)
	at := func(w []float64) vg.Point {
		if sp.cost != nil {
			return vg.Point{X: tx(w[0]), Y: ty(sp.cost(w[0]))}
		}
		return vg.Point{X: tx(w[0]), Y: ty(w[1])}
	}
	ls := sp.e.line(1.6, sp.p.color)
	for i := 0; i+1 < len(sp.p.pts); i++ {
		a, b := at(sp.p.pts[i]), at(sp.p.pts[i+1])
		c.StrokeLines(ls, c.ClipLinesXY([]vg.Point{a, b})...)
		if c.Contains(b) && math.Hypot(float64(b.X-a.X), float64(b.Y-a.Y)) > float64(sp.e.len(10)) {
			arrowHead(c, a, b, sp.e.len(7), sp.p.color)
		}
	}
	for i, w := range sp.p.pts {
		q := at(w)
		if !c.Contains(q) {
			continue
		}
		r := sp.e.len(3)
		if i == 0 {
			r = sp.e.len(5)
		}
		closedDot(c, q, r+sp.e.len(1), sp.e.th.bg)
		closedDot(c, q, r, sp.p.color)
	}
}

// gradArrow draws −∇C at a point of the map, a fifth of the plot's width
// long, in ink (a vector, not a path), labelled beside its middle on the
// side farther from the paths' points.
type gradArrow struct {
	e     *env
	at    []float64
	g     []float64
	box   [4]float64
	paths []descentPath
}

func (ga gradArrow) Plot(c draw.Canvas, p *plot.Plot) {
	n := math.Hypot(ga.g[0], ga.g[1])
	if n == 0 || math.IsNaN(n) || math.IsInf(n, 0) {
		return
	}
	// Canvas coordinates from rounded products: the side of the label is
	// a decision (doc.go).
	x0, w := float64(c.Min.X), float64(c.Max.X-c.Min.X)
	cy := canvasY(c, p)
	at := func(v []float64) vg.Point {
		return vg.Point{X: vg.Length(x0 + float64(p.X.Norm(v[0])*w)), Y: vg.Length(cy(v[1]))}
	}
	long := 0.18 * (ga.box[1] - ga.box[0])
	to := []float64{ga.at[0] - float64(ga.g[0]/n*long), ga.at[1] - float64(ga.g[1]/n*long)}
	a, b := at(ga.at), at(to)
	col := ga.e.th.ink
	c.StrokeLines(ga.e.line(2.2, col), c.ClipLinesXY([]vg.Point{a, b})...)
	if !c.Contains(b) {
		return
	}
	arrowHead(c, a, b, ga.e.len(9), col)
	sty := ga.e.font(noteSize, false)
	sty.Color = col
	sty.XAlign, sty.YAlign = text.XCenter, text.YCenter
	const label = `$-\nabla C$`
	r := sty.Rectangle(label)
	d := unitVec(a, b)
	nrm := vg.Point{X: -d.Y, Y: d.X}
	// Clear of the arrow by 6 pt plus the label's half extent across it.
	off := ga.e.len(6) + vg.Length(math.Abs(float64(nrm.X)))*(r.Max.X-r.Min.X)/2 + vg.Length(math.Abs(float64(nrm.Y)))*(r.Max.Y-r.Min.Y)/2
	mid := vg.Point{X: (a.X + b.X) / 2, Y: (a.Y + b.Y) / 2}
	side := func(k vg.Length) vg.Point { return vg.Point{X: mid.X + nrm.X*off*k, Y: mid.Y + nrm.Y*off*k} }
	// The nearest point of any path to each candidate, squared, on the grid.
	nearest := func(q vg.Point) float64 {
		best := math.Inf(1)
		for _, dp := range ga.paths {
			for _, v := range dp.pts {
				pt := at(v)
				dx, dy := float64(pt.X-q.X), float64(pt.Y-q.Y)
				best = math.Min(best, onGrid(float64(dx*dx)+float64(dy*dy)))
			}
		}
		return best
	}
	pos := side(1)
	inside := func(q vg.Point) bool {
		return q.X+r.Min.X >= c.Min.X && q.X+r.Max.X <= c.Max.X && q.Y+r.Min.Y >= c.Min.Y && q.Y+r.Max.Y <= c.Max.Y
	}
	if neg := side(-1); inside(neg) && (!inside(pos) || nearest(neg) > nearest(pos)) {
		pos = neg
	}
	c.FillText(sty, pos, label)
}

// noteBox writes a note at the top left of the canvas, on white.
type noteBox struct {
	e   *env
	txt string
}

func (nb noteBox) Plot(c draw.Canvas, _ *plot.Plot) {
	sty := nb.e.font(noteSize, false)
	sty.Color = nb.e.th.fire
	sty.XAlign, sty.YAlign = text.XLeft, text.YTop
	txt, sty := nb.e.fit(nb.txt, sty, (c.Max.X-c.Min.X)*0.9, toPx(1))
	at := vg.Point{X: c.Min.X + nb.e.len(8), Y: c.Max.Y - nb.e.len(8)}
	r := sty.Rectangle(txt).Add(at)
	pad := nb.e.len(3)
	c.SetColor(nb.e.th.halo)
	c.Fill(rectPath(vg.Rectangle{Min: vg.Point{X: r.Min.X - pad, Y: r.Min.Y - pad}, Max: vg.Point{X: r.Max.X + pad, Y: r.Max.Y + pad}}))
	c.FillText(sty, at, txt)
}

// isoLines draws n levels of a mesh as contour lines coloured by level
// (marching squares, in a fixed order: the same bytes every run).
type isoLines struct {
	e *env
	m *mesh3
	n int
}

func (il isoLines) Plot(c draw.Canvas, p *plot.Plot) {
	tx, ty := p.Transforms(&c)
	cm := colorMap("viridis")
	for i := 1; i <= il.n; i++ {
		t := float64(i) / float64(il.n+1)
		lv := il.m.zlo + (il.m.zhi-il.m.zlo)*t
		col, err := cm.At(t)
		if err != nil {
			col = il.e.th.grey
		}
		ls := il.e.line(1, col)
		for _, sg := range il.m.isoline(lv) {
			c.StrokeLine2(ls, tx(sg[0][0]), ty(sg[0][1]), tx(sg[1][0]), ty(sg[1][1]))
		}
	}
}

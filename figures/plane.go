package figures

import (
	"fmt"
	"image/color"
	"math"
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"github.com/figgen/figgen/neuron"
	"github.com/figgen/figgen/spec"
)

func init() {
	register[ThresholdPlane]("threshold-plane", "The boundary w·x = θ over two or three inputs, the inputs that fire marked.")
}

// ThresholdPlane is kind "threshold-plane": the boundary w·x = θ over the
// inputs. Two weights: a line over the (x₁, x₂) square, the firing half-plane
// shaded, the corners of {0,1}² marked by output. Three weights: the plane
// cutting the unit cube in a 3-D view (camera), vertices marked.
type ThresholdPlane struct {
	spec.Axes `yaml:",inline"`
	ZLabel    spec.Text `yaml:"z_label"`   // third axis label (three inputs)
	Weights   []float64 `yaml:"weights"`   // 2 or 3; default [1, 1]
	Threshold float64   `yaml:"threshold"` // θ; default 1.5
	Fire      spec.Text `yaml:"fire"`      // legend text for y = 1
	NoFire    spec.Text `yaml:"no_fire"`   // legend text for y = 0
	Camera    Camera    `yaml:"camera"`    // the 3-D view (three weights)
}

// Fields documents the threshold plane's keys.
func (*ThresholdPlane) Fields() spec.Fields {
	f := spec.Fields{
		"title":     {NoDefault: true},
		"z_label":   {Doc: "Label of the third axis (three weights)."},
		"weights":   {Doc: "Weights w of the boundary w·x = θ: two (a line) or three (a plane).", Items: [2]int{2, 3}},
		"threshold": {Doc: "Threshold θ of the boundary w·x = θ."},
		"fire":      {Doc: "Legend text for the inputs that fire (y = 1)."},
		"no_fire":   {Doc: "Legend text for the inputs that do not fire (y = 0)."},
	}
	cameraFields(f, cubeAzimuth, cubeElevation)
	return f
}

// The cube's default view: matplotlib's elevation, turned so that the
// plane x₁ + x₂ + x₃ = θ is seen at a slant rather than edge on, and no
// two vertices are drawn near each other.
const (
	cubeAzimuth   = -40
	cubeElevation = 28
)

// Default draws the line x₁ + x₂ = 1.5 over the square.
func (s *ThresholdPlane) Default(d *spec.Defaults) {
	s.Axes.Default(d, "$x_1$", "$x_2$", 0, 0)
	spec.Default(d, "z_label", &s.ZLabel, d.NewText("$x_3$"))
	spec.Default(d, "weights", &s.Weights, []float64{1, 1})
	spec.Default(d, "threshold", &s.Threshold, 1.5)
	defaultCamera(d, &s.Camera, cubeAzimuth, cubeElevation)
	spec.Default(d, "fire", &s.Fire, d.NewText("발화 ($y=1$)"))
	spec.Default(d, "no_fire", &s.NoFire, d.NewText("발화 없음 ($y=0$)"))
	sum := "w_1x_1 + w_2x_2"
	if len(s.Weights) == 3 {
		sum += " + w_3x_3"
	}
	d.Title = `반응 조건의 경계 $` + sum + ` = \theta$`
	d.Alt = "가중합이 θ인 경계가 입력 공간을 발화 영역과 발화 없음 영역으로 나누고, 입력의 꼭짓점마다 출력을 표시한 그림"
}

// Validate has nothing to check across fields.
func (*ThresholdPlane) Validate(*spec.Check) {}

// build draws the geometric view of the reaction condition: w·x = θ
// splits the inputs into fire and no fire. Two weights give a line over
// the (x₁, x₂) square, three a plane cutting the unit cube.
func (s *ThresholdPlane) build(e *env, f *spec.Figure) func(c draw.Canvas) {
	if len(s.Weights) == 3 {
		return buildPlane3(e, f, s)
	}
	return buildPlane2(e, f, s)
}

func buildPlane2(e *env, f *spec.Figure, s *ThresholdPlane) func(c draw.Canvas) {
	w := [2]float64{s.Weights[0], s.Weights[1]}
	p := e.newPlot(f.Title.Src, s.Axes)
	box := neuron.Box2{X0: -0.25, X1: 1.25, Y0: -0.25, Y1: 1.25}
	if s.XRange != nil {
		box.X0, box.X1 = s.XRange.Min, s.XRange.Max
	}
	if s.YRange != nil {
		box.Y0, box.Y1 = s.YRange.Min, s.YRange.Max
	}
	p.X.Min, p.X.Max = box.X0, box.X1
	p.Y.Min, p.Y.Max = box.Y0, box.Y1
	ticks := symbolicTicks{{Value: 0, Label: "$0$"}, {Value: 1, Label: "$1$"}}
	if s.XRange == nil {
		p.X.Tick.Marker = ticks
	}
	if s.YRange == nil {
		p.Y.Tick.Marker = ticks
	}
	p.Add(region{Poly: neuron.FiringRegion(w, s.Threshold, box), Color: e.th.shade})
	a, b, crosses := neuron.BoundarySegment(w, s.Threshold, box)
	if crosses {
		p.Add(segment{A: a, B: b, Line: e.line(2, e.th.fire)})
	}
	unit := neuron.NewUnit(s.Weights, s.Threshold)
	fire, cold := pointSet{R: e.len(6), Fill: e.th.fire, th: e.th}, pointSet{R: e.len(6), Ring: e.line(2, e.th.cold), th: e.th}
	for _, x := range neuron.Corners(2) {
		if ok, _ := unit.Fires(x); ok {
			fire.Pts = append(fire.Pts, [2]float64{x[0], x[1]})
		} else {
			cold.Pts = append(cold.Pts, [2]float64{x[0], x[1]})
		}
	}
	p.Add(fire, cold)
	var eq []string
	if crosses {
		eq = boundaryTerms(s.Weights, s.Threshold)
	}
	legend := sideLegend{e: e, fire: fire, cold: cold, s: s, eq: eq}
	fit := e.plotFitter(p)
	return func(c draw.Canvas) {
		c = e.inset(c)
		// The square takes the left of the canvas, kept square; the legend
		// sits in the column to its right, clear of the data.
		side := c.Max.Y - c.Min.Y + e.len(60) // plus room for the y label and ticks
		free := c.Max.X - c.Min.X - legend.width()
		side = min(side, free)
		plotC := c
		plotC.Min.X += (free - side) / 2
		plotC.Max.X = plotC.Min.X + side
		fit(plotC)
		p.Draw(plotC)
		legend.draw(c, vg.Point{X: plotC.Max.X + e.len(24), Y: c.Center().Y + e.len(30)})
	}
}

// boundaryTerms writes the equation w·x = θ with the actual weights as the
// math of its terms, each after the first with its sign or relation:
// "x_{1}", "- 2x_{2}", "= 1.5". Terms of zero weight are left out.
func boundaryTerms(w []float64, theta float64) []string {
	var terms []string
	for i, wi := range w {
		if wi == 0 {
			continue
		}
		term := fmt.Sprintf("x_{%d}", i+1)
		if a := math.Abs(wi); a != 1 {
			coef := mathNum(a)
			if strings.Contains(coef, `\times`) {
				coef = `(` + coef + `)\,` // (1.5 \times 10^{-7})\,x_{1}
			}
			term = coef + term
		}
		switch {
		case len(terms) == 0 && wi < 0:
			term = "-" + term
		case wi < 0:
			term = "- " + term
		case len(terms) > 0:
			term = "+ " + term
		}
		terms = append(terms, term)
	}
	if len(terms) == 0 {
		terms = []string{"0"}
	}
	return append(terms, "= "+mathNum(theta))
}

// region fills a polygon given in data coordinates.
type region struct {
	Poly  [][2]float64
	Color color.Color
}

func (r region) Plot(c draw.Canvas, p *plot.Plot) {
	if len(r.Poly) < 3 {
		return
	}
	tx, ty := p.Transforms(&c)
	var path vg.Path
	for i, q := range r.Poly {
		pt := vg.Point{X: tx(q[0]), Y: ty(q[1])}
		if i == 0 {
			path.Move(pt)
		} else {
			path.Line(pt)
		}
	}
	path.Close()
	c.SetColor(r.Color)
	c.Fill(path)
}

// pointSet marks points as filled discs (Fill) or rings (Ring).
type pointSet struct {
	Pts  [][2]float64
	R    vg.Length
	Fill color.Color
	Ring draw.LineStyle
	th   *theme
}

func (s pointSet) Plot(c draw.Canvas, p *plot.Plot) {
	tx, ty := p.Transforms(&c)
	for _, q := range s.Pts {
		s.mark(c, vg.Point{X: tx(q[0]), Y: ty(q[1])})
	}
}

func (s pointSet) mark(c draw.Canvas, at vg.Point) {
	if s.Fill != nil {
		closedDot(c, at, s.R, s.Fill)
		return
	}
	openDot(c, at, s.R, s.Ring, s.th.bg)
}

// faded returns the set drawn paler: a point the drawing hides.
func (s pointSet) faded() pointSet {
	if s.Fill != nil {
		s.Fill = s.th.tint(s.Fill, 0.45)
	}
	if s.Ring.Color != nil {
		s.Ring.Color = s.th.tint(s.Ring.Color, 0.45)
	}
	return s
}

// Thumbnail draws the set's legend entry.
func (s pointSet) Thumbnail(c *draw.Canvas) { s.mark(*c, c.Center()) }

// sideLegend is the fire / no-fire key of the threshold figures, drawn in
// a column beside the drawing rather than over the data.
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

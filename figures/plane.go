package figures

import (
	"fmt"
	"image/color"
	"math"
	"slices"
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"github.com/figgen/figgen/neuron"
	"github.com/figgen/figgen/spec"
)

func init() {
	register[ThresholdPlane]("threshold-plane", "The boundary w·x = θ over two or three inputs, the inputs that fire marked.")
}

// ThresholdPlane is kind "threshold-plane": the boundary w·x = θ over the
// inputs. Two weights: a preset of the plot (figgen expand prints it) — the
// firing half-plane shaded over the (x₁, x₂) square, its boundary line, the
// corners of {0,1}² marked by output, a legend beside it. Three weights:
// its own drawing, the plane cutting the unit cube in a 3-D view (camera),
// vertices marked; it has no plot to expand into.
type ThresholdPlane struct {
	spec.Axes `yaml:",inline"`
	ZLabel    spec.Text `yaml:"z_label"`   // third axis label (three inputs)
	Weights   []float64 `yaml:"weights"`   // 2 or 3; default [1, 1]
	Threshold float64   `yaml:"threshold"` // θ; default 1.5
	Fire      spec.Text `yaml:"fire"`      // legend text for y = 1
	NoFire    spec.Text `yaml:"no_fire"`   // legend text for y = 0
	Camera    Camera    `yaml:"camera"`    // the 3-D view (three weights)

	plot expansion
}

// Fields documents the threshold plane's keys.
func (*ThresholdPlane) Fields() spec.Fields {
	f := spec.Fields{
		"title":     {NoDefault: true},
		"z_label":   {Doc: "Label of the third axis (three weights)."},
		"weights":   {Doc: "Weights w of the boundary w·x = θ: two (a line, drawn as a plot: figgen expand prints it) or three (a plane cutting the unit cube, in 3-D).", Items: [2]int{2, 3}},
		"weights[]": {Within: [2]float64{-spec.MaxCoord, spec.MaxCoord}, What: "weight"},
		"threshold": {Doc: "Threshold θ of the boundary w·x = θ.", Within: [2]float64{-spec.MaxCoord, spec.MaxCoord}},
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
// splits the inputs into fire and no fire. Two weights draw the plot of
// expand, three a plane cutting the unit cube.
func (s *ThresholdPlane) build(e *env, f *spec.Figure) func(c draw.Canvas) {
	if len(s.Weights) == 3 {
		return buildPlane3(e, f, s)
	}
	return buildPreset(e, f, &s.plot)
}

// planeBox is the default range of both axes of the 2-input plane: the
// square [0, 1]² with a quarter of air.
var planeBox = spec.Range{Min: -0.25, Max: 1.25}

// expand draws w₁x₁ + w₂x₂ ≥ θ as a plot: the region, shaded in the
// theme's shade, its boundary in fire (its equation, with the weights'
// values, the region's legend entry when the line crosses the plot); the
// corners of {0,1}² marked by the unit's output (neuron) as dots (fire)
// and rings (no fire); the legend beside the plot, fire, no fire, then the
// boundary. Over the default square the plot is square (aspect equal),
// with ticks at 0 and 1 only; an author's range keeps the plot's room.
func (s *ThresholdPlane) expand(*spec.Figure) *Plot {
	if len(s.Weights) != 2 {
		return nil // three weights: no plot (notPlot)
	}
	w := [2]float64{s.Weights[0], s.Weights[1]}
	p := &Plot{Axes: s.Axes, Legend: "outside", Params: map[string]float64{"w1": w[0], "w2": w[1], "theta": s.Threshold}}
	box := neuron.Box2{X0: planeBox.Min, X1: planeBox.Max, Y0: planeBox.Min, Y1: planeBox.Max}
	if s.XRange == nil {
		p.XRange, p.XTicks = &planeBox, []Tick{{At: 0}, {At: 1}}
	} else {
		box.X0, box.X1 = s.XRange.Min, s.XRange.Max
	}
	if s.YRange == nil {
		p.YRange, p.YTicks = &planeBox, []Tick{{At: 0}, {At: 1}}
	} else {
		box.Y0, box.Y1 = s.YRange.Min, s.YRange.Max
	}
	if s.XRange == nil && s.YRange == nil {
		p.Aspect = "equal"
	}
	region := PlotLayer{kind: "region", Region: spec.Code{Src: "w1*x1 + w2*x2 >= theta"}, Vars: []string{"x1", "x2"},
		Style: Style{Color: "fire", Fill: shadeColor}, from: guide}
	if _, _, crosses := neuron.BoundarySegment(w, s.Threshold, box); crosses {
		region.Label = spec.Text{Src: mathLine(boundaryTerms(s.Weights, s.Threshold), false)}
		p.Order = []int{1, 2, 0}
	}
	fire := PlotLayer{kind: "points", Points: [][2]float64{}, Label: s.Fire, Style: Style{Color: "fire", Radius: 6},
		from: &presetOrigin{what: "the inputs that fire"}}
	cold := PlotLayer{kind: "points", Points: [][2]float64{}, Label: s.NoFire, Style: Style{Color: "cold", Marker: "ring", Radius: 6},
		from: &presetOrigin{what: "the inputs that do not fire"}}
	unit := neuron.NewUnit(s.Weights, s.Threshold)
	for _, x := range neuron.Corners(2) {
		if ok, _ := unit.FiresAsWritten(x); ok {
			fire.Points = append(fire.Points, [2]float64{x[0], x[1]})
		} else {
			cold.Points = append(cold.Points, [2]float64{x[0], x[1]})
		}
	}
	// The inputs are what the figure shows: out of sight, they are the
	// fault of the x range when it leaves out every one's x, else of the
	// y range.
	for _, l := range []*PlotLayer{&fire, &cold} {
		l.from.path = "y_range"
		if r := s.XRange; r != nil && !slices.ContainsFunc(l.Points, func(q [2]float64) bool { return q[0] >= r.Min && q[0] <= r.Max }) {
			l.from.path = "x_range"
		}
	}
	p.Layers = []PlotLayer{region, fire, cold}
	return p
}

// notPlot says why the figure has no plot to expand into: three weights
// are drawn in 3-D.
func (s *ThresholdPlane) notPlot(f *spec.Figure) *spec.Error {
	if len(s.Weights) == 2 {
		return nil
	}
	return spec.Errorf(f.PosOf("weights"), "threshold-plane: with %d weights it is a plane cutting the unit cube, drawn in 3-D, not a plot; only 2 weights expand", len(s.Weights))
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
	c.SetColor(r.Color)
	c.Fill(polygonPath(r.Poly, tx, ty))
}

// polygonPath is the closed path through poly's corners, in data
// coordinates placed by tx and ty.
func polygonPath(poly [][2]float64, tx, ty func(float64) vg.Length) vg.Path {
	path := make(vg.Path, 0, len(poly)+1)
	for i, q := range poly {
		pt := vg.Point{X: tx(q[0]), Y: ty(q[1])}
		if i == 0 {
			path.Move(pt)
		} else {
			path.Line(pt)
		}
	}
	path.Close()
	return path
}

package figures

import (
	"regexp"
	"sync"

	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"github.com/figgen/figgen/spec"
)

func init() {
	register[Surface]("surface", "A surface z = f(x, y) in 3-D: a shaded mesh or a wireframe, contours on the floor, points and a path on it.")
}

// Surface is kind "surface": z = f(x, y) over x_range × y_range, seen by a
// camera in a box of axes.
type Surface struct {
	Function   spec.Code          `yaml:"function"`
	Vars       []string           `yaml:"vars"`
	Params     map[string]float64 `yaml:"params"`
	XRange     *spec.Range        `yaml:"x_range"`
	YRange     *spec.Range        `yaml:"y_range"`
	XLabel     spec.Text          `yaml:"x_label"`
	YLabel     spec.Text          `yaml:"y_label"`
	ZLabel     spec.Text          `yaml:"z_label"`
	Mesh       string             `yaml:"mesh"`
	Colormap   string             `yaml:"colormap"`
	Resolution int                `yaml:"resolution"`
	Contours   int                `yaml:"contours"`
	Points     [][2]float64       `yaml:"points"`
	Path       [][2]float64       `yaml:"path"`
	Camera     Camera             `yaml:"camera"`
}

// maxSurfacePath is the most points of a surface's points or path.
const maxSurfacePath = 10_000

// Fields documents the surface's keys.
func (*Surface) Fields() spec.Fields {
	f := spec.Fields{
		"title":      {NoDefault: true},
		"function":   {Doc: "z as a formula of vars: numbers, + - * / ^, ( ), pi, e, the params and the functions of plot."},
		"vars":       {Doc: "The names of the x and y variables of function (default [x, y]).", Items: [2]int{2, 2}, Unique: true},
		"params":     {Doc: "Named numbers the function may use: {a: 3}."},
		"params[]":   {Within: [2]float64{-spec.MaxCoord, spec.MaxCoord}, What: "param"},
		"x_range":    {Doc: "Range of x as [min, max]" + spec.RangeNote + "; default [-2, 2]."},
		"y_range":    {Doc: "Range of y as [min, max]" + spec.RangeNote + "; default [-2, 2]."},
		"x_label":    {Doc: "Label of the x axis; default the first var as math.", NoDefault: true},
		"y_label":    {Doc: "Label of the y axis; default the second var as math.", NoDefault: true},
		"z_label":    {Doc: "Label of the z axis."},
		"mesh":       {Doc: "shaded: faces coloured by height and lit; wireframe: the grid's lines only.", Enum: []string{"shaded", "wireframe"}},
		"colormap":   {Doc: "Colours of the shaded mesh and the contours by height.", Enum: colormaps},
		"resolution": {Doc: "Cells per side of the grid the surface is sampled on (default 40).", Within: [2]float64{2, maxResolution}},
		"contours":   {Doc: "Contour lines projected on the floor of the box: how many levels (0 for none).", Within: [2]float64{0, 50}},
		"points":     {Doc: "Points [x, y] marked on the surface.", Items: [2]int{0, maxSurfacePath}},
		"path":       {Doc: "A path of points [x, y] drawn on the surface.", Items: [2]int{0, maxSurfacePath}},
	}
	cameraFields(f, -60, 30)
	return f
}

// Default draws a bowl over [-2, 2]².
func (s *Surface) Default(d *spec.Defaults) {
	spec.Default(d, "function", &s.Function, spec.Code{Src: "x^2 + y^2"})
	spec.Default(d, "vars", &s.Vars, []string{"x", "y"})
	spec.Default(d, "x_range", &s.XRange, &spec.Range{Min: -2, Max: 2})
	spec.Default(d, "y_range", &s.YRange, &spec.Range{Min: -2, Max: 2})
	if len(s.Vars) == 2 {
		spec.Default(d, "x_label", &s.XLabel, d.NewText(varMath(s.Vars[0])))
		spec.Default(d, "y_label", &s.YLabel, d.NewText(varMath(s.Vars[1])))
	}
	spec.Default(d, "z_label", &s.ZLabel, d.NewText("$z$"))
	spec.Default(d, "mesh", &s.Mesh, "shaded")
	spec.Default(d, "colormap", &s.Colormap, "viridis")
	spec.Default(d, "resolution", &s.Resolution, 40)
	defaultCamera(d, &s.Camera, -60, 30)
	d.Title = ""
	d.Alt = "곡면 z = f(x, y)를 3차원으로 그린 그림"
}

// Validate checks the formula over the vars.
func (s *Surface) Validate(c *spec.Check) {
	checkCode(c, "function", s.Function, s.Vars, s.Params)
}

var trailingDigits = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^([A-Za-z]+)_?([0-9]+)$`) })

// varMath writes a variable's name as math: w1 as $w_{1}$, theta as
// $\theta$ when it is a Greek letter's name, else as it is.
func varMath(v string) string {
	if m := trailingDigits().FindStringSubmatch(v); m != nil {
		return "$" + greek(m[1]) + "_{" + m[2] + "}$"
	}
	return "$" + greek(v) + "$"
}

// greek returns the TeX of a Greek letter's name, or the name.
func greek(s string) string {
	switch s {
	case "alpha", "beta", "gamma", "delta", "eta", "theta", "lambda", "mu", "sigma", "tau", "phi", "omega":
		return `\` + s
	}
	return s
}

// build draws the box, the mesh and what lies on it.
func (s *Surface) build(e *env, f *spec.Figure) func(c draw.Canvas) {
	fn := surfaceCode(s.Function, s.Vars, s.Params)
	m := newMesh3(fn, *s.XRange, *s.YRange, s.Resolution)
	v := newCamera(s.Camera)
	sf := surface3{m: m, wire: s.Mesh == "wireframe", cmap: colorMap(s.Colormap), contours: s.Contours}
	if len(s.Path) > 0 {
		sf.on = append(sf.on, onSurface{pts: s.Path, line: e.line(2, e.th.fire), col: e.th.fire})
	}
	if len(s.Points) > 0 {
		sf.on = append(sf.on, onSurface{pts: s.Points, dot: e.len(4.5), col: e.th.fire})
	}
	return func(c draw.Canvas) {
		c = e.titled(c, f.Title.Src)
		box := surfaceBox(v, m, s.Contours > 0, [3]string{s.XLabel.Src, s.YLabel.Src, s.ZLabel.Src})
		box.place(e, c.Rectangle, wholeOf(e))
		box.drawPanes(e, c)
		box.drawAxes(e, c)
		sf.draw(e, c, box)
	}
}

// surfaceBox returns the box of axes of a mesh, in matplotlib's
// proportions (4 : 4 : 3); with room below the mesh for contours on the
// floor.
func surfaceBox(v camera, m *mesh3, floor bool, labels [3]string) *box3 {
	lo := m.zlo
	if floor {
		lo -= 0.4 * (m.zhi - m.zlo)
	}
	return newBox3(v, [3]float64{m.x0, m.y0, lo}, [3]float64{m.x1, m.y1, m.zhi}, [3]float64{1, 1, 0.75}, labels)
}

// wholeOf returns the figure's canvas less the house margin: the most a
// drawing could have with no text.
func wholeOf(e *env) vg.Rectangle {
	return e.inset(draw.Canvas{Rectangle: vg.Rectangle{Max: vg.Point{X: pixels(e.f.Width), Y: pixels(e.f.Height)}}}).Rectangle
}

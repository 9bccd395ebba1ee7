package figures

import (
	"cmp"
	"fmt"
	"image/color"
	"math"
	"slices"
	"strconv"
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"github.com/figgen/figgen/internal/expr"
	"github.com/figgen/figgen/spec"
)

func init() {
	register[Plot]("plot", "A general plot: axes and a list of layers (functions, points, regions, contours, heatmaps, bars, lines, texts, arrows).")
}

// Limits of a plot: what no spec may exceed, so that none makes figgen
// hang or run out of memory.
const (
	maxPlotLayers = 40            // layers of a plot, before for_each
	maxForEach    = 20            // values of a layer's for_each
	maxPoints     = 100_000       // points of a plot, all layers and data files together
	maxCells      = 4 * 501 * 501 // grid points of a plot's surfaces, all layers together
	maxResolution = 500           // cells per side of a region, contour or heatmap grid
	maxSamples    = 10_000        // initial samples of a function
	maxTicks      = 50            // ticks of an axis
	maxPanels     = 12            // panels of a plot
)

// Plot is kind "plot": axes plus layers drawn in order.
type Plot struct {
	spec.Axes `yaml:",inline"`
	XTicks    []Tick             `yaml:"x_ticks"`
	YTicks    []Tick             `yaml:"y_ticks"`
	XScale    string             `yaml:"x_scale"`
	YScale    string             `yaml:"y_scale"`
	Aspect    string             `yaml:"aspect"`
	Legend    string             `yaml:"legend"`
	Order     []int              `yaml:"legend_order"`
	Params    map[string]float64 `yaml:"params"`
	Layers    []PlotLayer        `yaml:"layers"`
	Panels    []Panel            `yaml:"panels"`
	Columns   int                `yaml:"columns"`

	prefix string // "" for the plot, "panels[i]." for a panel's view
	title  string // a panel's title
}

// Tick is a tick of an axis: a number, or {at, label}.
type Tick struct {
	At    float64   `yaml:"at,short"`
	Label spec.Text `yaml:"label"`
}

// Levels are a contour's levels: a count, or a list of values.
type Levels struct {
	Count  int       `yaml:"count,short"`
	Values []float64 `yaml:"values,list"`
}

// Bars are the bars of a bar layer.
type Bars struct {
	X []float64 `yaml:"x"`
	Y []float64 `yaml:"y"`
}

// Arrow is an arrow in data coordinates.
type Arrow struct {
	From  [2]float64 `yaml:"from"`
	To    [2]float64 `yaml:"to"`
	Label spec.Text  `yaml:"label"`
}

// Style is how a layer is drawn.
type Style struct {
	Color   string  `yaml:"color"`
	Width   float64 `yaml:"width"`
	Dash    bool    `yaml:"dash"`
	Dotted  bool    `yaml:"dotted"`
	Marker  string  `yaml:"marker"`
	Fill    string  `yaml:"fill"`
	Opacity float64 `yaml:"opacity"`
	Radius  float64 `yaml:"radius"`
}

// PlotLayer is one layer of a plot: exactly one of its kinds of content
// (layerKinds) with the keys that go with it.
type PlotLayer struct {
	Function   spec.Code            `yaml:"function"`
	Var        string               `yaml:"var"`
	Domain     *spec.Range          `yaml:"domain"`
	Samples    int                  `yaml:"samples"`
	Jumps      string               `yaml:"jumps"`
	Points     [][2]float64         `yaml:"points"`
	Data       string               `yaml:"data"`
	X          string               `yaml:"x"`
	Y          string               `yaml:"y"`
	Mode       string               `yaml:"mode"`
	Region     spec.Code            `yaml:"region"`
	Vars       []string             `yaml:"vars"`
	Contour    spec.Code            `yaml:"contour"`
	Levels     Levels               `yaml:"levels"`
	Heatmap    spec.Code            `yaml:"heatmap"`
	Colormap   string               `yaml:"colormap"`
	Resolution int                  `yaml:"resolution"`
	Bars       Bars                 `yaml:"bars"`
	HLine      float64              `yaml:"hline"`
	VLine      float64              `yaml:"vline"`
	Text       spec.Text            `yaml:"text"`
	At         [2]float64           `yaml:"at"`
	Anchor     string               `yaml:"anchor"`
	Size       float64              `yaml:"size"`
	Arrow      Arrow                `yaml:"arrow"`
	Label      spec.Text            `yaml:"label"`
	Style      Style                `yaml:"style"`
	ForEach    map[string][]float64 `yaml:"for_each"`

	kind string        // which of layerKinds it is; set by Default
	from *presetOrigin // what the layer draws of a preset; nil in a plot spec
	rows [][2]float64  // the points of data, read by LoadData
}

// layerKinds are the keys that make a layer what it is: each layer has
// exactly one .
var layerKinds = []string{"function", "points", "data", "region", "contour", "heatmap", "bars", "hline", "vline", "text", "arrow"}

var (
	anchors   = []string{"center", "left", "right", "above", "below", "above-left", "above-right", "below-left", "below-right"}
	colormaps = []string{"viridis", "blue-red", "greys"}
)

// Fields documents the plot's keys.
func (*Plot) Fields() spec.Fields {
	code := " A formula: numbers, + - * / ^, ( ), pi, e, the params, and " + strings.Join(expr.Functions(), " ") + "."
	fs := spec.Fields{
		"x_range":              {Doc: "Range of the x axis as [min, max]" + spec.RangeNote + "; default [-5, 5], or the data's extent.", NoDefault: true},
		"y_range":              {Doc: "Range of the y axis as [min, max]" + spec.RangeNote + "; default what the layers show, with air.", NoDefault: true},
		"x_ticks":              {Doc: "Ticks of the x axis: numbers or {at, label}; [] for none; default nice numbers.", Items: [2]int{0, maxTicks}},
		"x_ticks.at":           {Doc: "Where the tick is."},
		"x_ticks.label":        {Doc: "The tick's label; default the number."},
		"y_ticks":              {Doc: "Ticks of the y axis: numbers or {at, label}; [] for none; default nice numbers.", Items: [2]int{0, maxTicks}},
		"y_ticks.at":           {Doc: "Where the tick is."},
		"y_ticks.label":        {Doc: "The tick's label; default the number."},
		"x_scale":              {Doc: "Scale of the x axis.", Enum: []string{"linear", "log"}},
		"y_scale":              {Doc: "Scale of the y axis.", Enum: []string{"linear", "log"}},
		"aspect":               {Doc: "auto: the plot fills its room; equal: one unit is as long on both axes, the plot narrowed or lowered to keep the ranges the spec gives (a y range it leaves open is widened instead).", Enum: []string{"auto", "equal"}},
		"legend":               {Doc: "Where the legend of the layers' labels goes: auto (a corner where it hides no curve), a corner, outside (right of the plot), or none.", Enum: append([]string{autoCorner, "outside", "none"}, corners...)},
		"legend_order":         {Doc: "The legend's entries listed first, in this order, by number (0 the first layer's with a label, a for_each's repetitions in their order); the others follow in the layers' order.", Items: [2]int{0, maxPlotLayers * maxForEach}, Unique: true},
		"params":               {Doc: "Named numbers every formula of the plot may use: {theta: 1.5}."},
		"params[]":             {Within: [2]float64{-spec.MaxCoord, spec.MaxCoord}, What: "param"},
		"layers":               {Doc: "The layers, drawn in order; each has one of " + strings.Join(layerKinds, ", ") + "; 1 to 40 of them.", Items: [2]int{0, maxPlotLayers}},
		"layers.function":      {Doc: "y as a formula of var, drawn over the domain; jumps and poles break the line." + code},
		"layers.var":           {Doc: "The free variable of function (default x)."},
		"layers.domain":        {Doc: "Where function is drawn, [a, b]; default the x range."},
		"layers.samples":       {Doc: "Samples of function before adaptive refinement (default 200).", Within: [2]float64{2, maxSamples}},
		"layers.jumps":         {Doc: "At a jump of function: break the line, or dots (closed where the function's value is, open at the other side's limit).", Enum: []string{"break", "dots"}},
		"layers.points":        {Doc: "Points [x, y] to draw."},
		"layers.data":          {Doc: "A CSV or TSV file with a header row (a tab in the header makes it TSV), relative to the spec's folder and inside the working directory; its columns x and y are drawn as points are. At most 100 000 points, 8 MiB.", NonEmpty: true},
		"layers.x":             {Doc: "The column of data that is x (default the first)."},
		"layers.y":             {Doc: "The column of data that is y (default the second)."},
		"layers.mode":          {Doc: "How points and data are drawn: markers, a line through them, both, or bars from 0 (default markers for points, line for data).", Enum: []string{"markers", "line", "both", "bars"}},
		"layers.region":        {Doc: "Shades where an inequality over the axis variables holds, its boundary drawn ('x1 + x2 >= theta'); one of == must shade something: a curve is a contour with levels [0]." + code},
		"layers.vars":          {Doc: "The names of the x and y axis variables in region, contour and heatmap (default [x, y]).", Items: [2]int{2, 2}, Unique: true},
		"layers.contour":       {Doc: "A surface over the axis variables drawn as contour lines." + code},
		"layers.levels":        {Doc: "The contour's levels: a count (default 8) or a list of values."},
		"layers.levels.count":  {Doc: "How many levels, evenly spaced between the surface's least and greatest value (1–50).", Within: [2]float64{0, 50}},
		"layers.levels.values": {Doc: "The levels' values.", Items: [2]int{0, 50}},
		"layers.heatmap":       {Doc: "A surface over the axis variables drawn as colours." + code},
		"layers.colormap":      {Doc: "Colours of the heatmap.", Enum: colormaps},
		"layers.resolution":    {Doc: "Cells per side of the grid a region, contour or heatmap is evaluated on (default 120).", Within: [2]float64{4, maxResolution}},
		"layers.bars":          {Doc: "Bars {x: [...], y: [...]}, one per x, from 0 to y."},
		"layers.bars.x":        {Doc: "Where the bars stand.", Items: [2]int{0, 1000}},
		"layers.bars.y":        {Doc: "How high each bar is.", Items: [2]int{0, 1000}},
		"layers.hline":         {Doc: "A horizontal line at this y."},
		"layers.vline":         {Doc: "A vertical line at this x."},
		"layers.text":          {Doc: "A text drawn at at."},
		"layers.at":            {Doc: "Where text is, [x, y] in data coordinates."},
		"layers.anchor":        {Doc: "Which side of at the text is on; a corner (below-right …) sets it 14 px off at diagonally, wraps it within half the plot's width and lets it hide no curve, as a note in a corner of the plot.", Enum: anchors},
		"layers.size":          {Doc: "Font size of text in points (default 12).", Within: [2]float64{6, 48}},
		"layers.arrow":         {Doc: "An arrow {from, to, label} in data coordinates."},
		"layers.arrow.from":    {Doc: "Where the arrow starts, [x, y]; its label is there."},
		"layers.arrow.to":      {Doc: "Where the arrow points, [x, y]."},
		"layers.arrow.label":   {Doc: "Text at the arrow's start."},
		"layers.label":         {Doc: "The layer's entry in the legend; with for_each, {name} stands for the value."},
		"layers.style":         {Doc: "How the layer is drawn."},
		"layers.style.color":   {Doc: "A palette index (0–7), a colour of the theme (" + strings.Join(themeColorNames, ", ") + ") or #rrggbb; default the next palette colour."},
		"layers.style.width":   {Doc: "Line width in points (default 2.2).", Within: [2]float64{0.1, 20}},
		"layers.style.dash":    {Doc: "Dashed line."},
		"layers.style.dotted":  {Doc: "Dotted line: short dashes, as of a guide (wins over dash)."},
		"layers.style.marker":  {Doc: "Marker of points.", Enum: []string{"dot", "ring", "square"}},
		"layers.style.fill":    {Doc: "Fill colour of a region or bars: as color; default the colour."},
		"layers.style.opacity": {Doc: "Opacity of fills (default 0.19 for a region, 0.85 for bars); a fill of shade (the firing region's colour) has its own.", Within: [2]float64{0, 1}},
		"layers.style.radius":  {Doc: "Radius in points of markers (default 4) and of a function's jump dots (default 4.5); 0 for the default.", Within: [2]float64{0, 20}},
		"layers.for_each":      {Doc: "Repeats the layer once per value of one param: {b: [-2, 0, 2]}, each with the next palette colour."},
		"layers.for_each[]":    {Items: [2]int{1, maxForEach}},
		"panels":               {Doc: "Instead of layers, a grid of plots, each with its own title, axes and layers; the fields set at the top apply to every panel that does not set them; 1 to 12 of them.", Items: [2]int{0, maxPanels}},
		"panels.title":         {Doc: "Title over the panel."},
		"columns":              {Doc: "Panels per row (default: all of them up to 3, else the square root).", Within: [2]float64{1, maxPanels}, NoDefault: true},
	}
	return withPanels(fs)
}

// Default fills the axes and names each layer's kind.
func (s *Plot) Default(d *spec.Defaults) {
	df := plotDefaults
	s.Axes.Default(d, df.XLabel.Src, df.YLabel.Src, 0, 0)
	spec.Default(d, "x_scale", &s.XScale, df.XScale)
	spec.Default(d, "y_scale", &s.YScale, df.YScale)
	spec.Default(d, "aspect", &s.Aspect, df.Aspect)
	spec.Default(d, "legend", &s.Legend, df.Legend)
	if !d.Set("layers") && !d.Set("panels") {
		s.Layers = []PlotLayer{{Function: spec.Code{Src: "sigmoid(x)"}}}
		s.Layers[0].kind = "function"
	}
	defaultLayers(d, "", s.Layers)
	s.defaultPanels(d)
	d.Title = ""
	d.Alt = "함수와 데이터를 그린 그래프"
}

// defaultLayers fills the layers at prefix+"layers" and names each one's
// kind.
func defaultLayers(d *spec.Defaults, prefix string, layers []PlotLayer) {
	for i := range layers {
		l := &layers[i]
		p := fmt.Sprintf("%slayers[%d].", prefix, i)
		for _, k := range layerKinds {
			if d.Set(p+k) || d.Bad(p+k) {
				l.kind = k
				break
			}
		}
		df := layerDefaults(l.kind)
		spec.Default(d, p+"var", &l.Var, df.Var)
		spec.Default(d, p+"samples", &l.Samples, df.Samples)
		spec.Default(d, p+"jumps", &l.Jumps, df.Jumps)
		spec.Default(d, p+"mode", &l.Mode, df.Mode)
		spec.Default(d, p+"vars", &l.Vars, df.Vars)
		spec.Default(d, p+"levels", &l.Levels, df.Levels)
		spec.Default(d, p+"colormap", &l.Colormap, df.Colormap)
		spec.Default(d, p+"resolution", &l.Resolution, df.Resolution)
		spec.Default(d, p+"anchor", &l.Anchor, df.Anchor)
		spec.Default(d, p+"size", &l.Size, df.Size)
		spec.Default(d, p+"style.marker", &l.Style.Marker, df.Style.Marker)
		spec.Default(d, p+"style.width", &l.Style.Width, df.Style.Width)
	}
}

// Validate checks what spans fields: one kind per layer, the formulas,
// the log axes, the for_each lists and the size of the data.
func (s *Plot) Validate(c *spec.Check) {
	if c.Set("panels") && len(s.Panels) == 0 {
		c.Errorf("panels", "panels: want 1 to %d panels, got 0", maxPanels)
	}
	if len(s.Panels) == 0 {
		s.validate(c)
		return
	}
	if c.Set("layers") {
		c.Errorf("layers", "layers: a plot has layers or panels, not both: move these layers into panels")
	}
	if s.Columns > len(s.Panels) {
		c.Errorf("columns", "columns: %d columns for %d panels", s.Columns, len(s.Panels))
	}
	for _, v := range s.views() {
		v.validate(c)
	}
}

// validate checks one plot or panel.
func (s *Plot) validate(c *spec.Check) {
	if len(s.Layers) == 0 {
		c.Errorf(s.at("layers"), "%slayers: want 1 to %d layers, got 0", s.prefix, maxPlotLayers)
	}
	if s.XScale == "log" {
		logRange(c, s.where(c, "x_range"), s.XRange, "x_scale")
	}
	if s.YScale == "log" {
		logRange(c, s.where(c, "y_range"), s.YRange, "y_scale")
	}
	points, cells := 0, 0
	for i := range s.Layers {
		l := &s.Layers[i]
		p := fmt.Sprintf("%slayers[%d]", s.prefix, i)
		var kinds []string
		for _, k := range layerKinds {
			if c.Set(p+"."+k) || c.Bad(p+"."+k) {
				kinds = append(kinds, k)
			}
		}
		switch {
		case len(kinds) == 0 && c.Set(p):
			c.Errorf(p, "%s: a layer needs one of %s", p, strings.Join(layerKinds, ", "))
			continue
		case len(kinds) > 1:
			c.Errorf(p+"."+kinds[1], "%s: a layer has one kind; this one has %s and %s: make them two layers", p, kinds[0], kinds[1])
			continue
		}
		if len(l.ForEach) > 1 {
			c.Errorf(p+".for_each", "%s.for_each: repeat over one param, got %d", p, len(l.ForEach))
		}
		for name, vals := range l.ForEach {
			if len(vals) < 1 || len(vals) > maxForEach {
				c.Errorf(p+".for_each."+name, "%s.for_each.%s: want 1 to %d values, got %d", p, name, maxForEach, len(vals))
			}
			if !isName(name) {
				c.Errorf(p+".for_each."+name, "%s.for_each: %q is no name (letters, digits, _)", p, name)
			}
			for i, v := range vals {
				// A value of for_each is a param's: within what params allow.
				if math.Abs(v) > spec.MaxCoord {
					q := fmt.Sprintf("%s.for_each.%s[%d]", p, name, i)
					c.Errorf(q, "%s: want a value from %s to %s, got %s", q, spec.Num(-spec.MaxCoord), spec.Num(spec.MaxCoord), spec.Num(v))
				}
			}
		}
		for _, v := range s.layerEnvs(l) {
			s.checkFormulas(c, p, l, v)
			break // one set of values checks the formulas' syntax
		}
		switch l.kind {
		case "points":
			points += len(l.Points)
		case "data":
			checkDataName(c, p+".data", l.Data)
		case "bars":
			if len(l.Bars.X) == 0 {
				c.Errorf(p+".bars", "%s.bars: want at least one bar", p)
			} else if len(l.Bars.X) != len(l.Bars.Y) {
				c.Errorf(p+".bars.y", "%s.bars: %d x and %d y; want one y per x", p, len(l.Bars.X), len(l.Bars.Y))
			}
		case "contour", "heatmap":
			if l.kind == "contour" && l.Levels.Count < 1 && len(l.Levels.Values) == 0 {
				c.Errorf(p+".levels", "%s.levels: want a count from 1 to 50 or a list of values", p)
			}
			n := l.Resolution + 1
			cells += n * n * len(s.layerEnvs(l))
		}
		for _, col := range []string{"color", "fill"} {
			v := l.Style.Color
			if col == "fill" {
				v = l.Style.Fill
			}
			if _, ok := parseColor(lightTheme, v, 0); !ok && v != "" {
				c.Errorf(p+".style."+col, "%s.style.%s: want a palette index 0–7, one of %s, or #rrggbb, got %q", p, col, strings.Join(themeColorNames, ", "), v)
			}
		}
		if fill := cmp.Or(l.Style.Fill, l.Style.Color); fill == shadeColor && c.Set(p+".style.opacity") && (l.kind == "region" || l.kind == "bars" || l.Mode == "bars") {
			c.Errorf(p+".style.opacity", "%s.style.opacity: the fill is the shade colour, which has an opacity of its own; leave opacity out or fill with another colour", p)
		}
	}
	for name := range s.Params {
		if !isName(name) {
			c.Errorf(s.at("params."+name), "params: %q is no name (letters, digits, _)", name)
		}
	}
	s.validateOrder(c)
	if points > maxPoints {
		c.Errorf(s.at("layers"), "layers: %s points; the limit is %s", proseNum(float64(points)), proseNum(maxPoints))
	}
	if cells > maxCells {
		c.Errorf(s.at("layers"), "layers: %s grid points of regions, contours and heatmaps; the limit is %s (four at resolution 500)", proseNum(float64(cells)), proseNum(maxCells))
	}
}

// validateOrder wants legend_order to name entries of the legend
// (each once: its Fields).
func (s *Plot) validateOrder(c *spec.Check) {
	if len(s.Order) == 0 {
		return
	}
	n := 0
	for _, in := range s.instances(lightTheme) {
		if in.entry() {
			n++
		}
	}
	p := s.where(c, "legend_order")
	for i, k := range s.Order {
		if k < 0 || k >= n {
			at := fmt.Sprintf("%s[%d]", p, i)
			if n == 0 {
				c.Errorf(at, "%s: the legend has no entries: give layers a label", at)
			} else {
				entries := fmt.Sprintf("%d entries (0 to %d)", n, n-1)
				if n == 1 {
					entries = "1 entry (0)"
				}
				c.Errorf(at, "%s: the legend has %s, got %d", at, entries, k)
			}
			return
		}
	}
}

// ordered returns the legend's entries in the plot's legend_order: those
// it lists first, in its order, then the others as they come.
func (s *Plot) ordered(es []legendEntry) []legendEntry {
	if len(s.Order) == 0 {
		return es
	}
	out := make([]legendEntry, 0, len(es))
	listed := make([]bool, len(es))
	for _, k := range s.Order {
		if k >= 0 && k < len(es) && !listed[k] { // Validate wants them so
			out = append(out, es[k])
			listed[k] = true
		}
	}
	for i, en := range es {
		if !listed[i] {
			out = append(out, en)
		}
	}
	return out
}

// entry reports whether the instance has a legend entry.
func (in instance) entry() bool {
	return in.label != "" && in.l.kind != "text" && in.l.kind != "arrow" && in.l.kind != "heatmap"
}

// logRange wants the range of a log axis positive.
func logRange(c *spec.Check, path string, r *spec.Range, scale string) {
	switch {
	case r == nil:
		// the default range is positive
	case r.Min <= 0:
		c.Errorf(path, "%s: a log axis needs both ends above 0, got %s", path, proseNum(r.Min))
	}
}

func isName(s string) bool {
	if s == "" || !(s[0] == '_' || s[0] >= 'a' && s[0] <= 'z' || s[0] >= 'A' && s[0] <= 'Z') {
		return false
	}
	for _, r := range s {
		if !(r == '_' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9') {
			return false
		}
	}
	return true
}

// layerEnvs returns the params of each repetition of the layer: the
// plot's params plus the for_each param's value, one map per value.
func (s *Plot) layerEnvs(l *PlotLayer) []map[string]float64 {
	name, vals := forEachOf(l)
	if name == "" {
		return []map[string]float64{s.Params}
	}
	out := make([]map[string]float64, len(vals))
	for i, v := range vals {
		m := map[string]float64{name: v}
		for k, x := range s.Params {
			if k != name {
				m[k] = x
			}
		}
		out[i] = m
	}
	return out
}

// forEachOf returns the layer's for_each param and values ("" for none).
func forEachOf(l *PlotLayer) (string, []float64) {
	for k, v := range l.ForEach { // at most one: Validate
		return k, v
	}
	return "", nil
}

// formula returns the layer's formula, its path, its variables and its
// type.
func (l *PlotLayer) formula() (spec.Code, string, []string, expr.Type) {
	switch l.kind {
	case "function":
		return l.Function, "function", []string{l.Var}, expr.Number
	case "region":
		return l.Region, "region", l.Vars, expr.Condition
	case "contour":
		return l.Contour, "contour", l.Vars, expr.Number
	case "heatmap":
		return l.Heatmap, "heatmap", l.Vars, expr.Number
	}
	return spec.Code{}, "", nil, 0
}

// checkFormulas parses the layer's formula, reporting an error at the
// character that is wrong.
func (s *Plot) checkFormulas(c *spec.Check, p string, l *PlotLayer, params map[string]float64) {
	code, key, vars, typ := l.formula()
	if key == "" {
		return
	}
	if !isName(l.Var) && l.kind == "function" {
		c.Errorf(p+".var", "%s.var: %q is no name (letters, digits, _)", p, l.Var)
		return
	}
	if _, err := expr.Parse(code.Src, expr.Env{Vars: vars, Params: params}, typ); err != nil {
		if e, ok := err.(*expr.Error); ok {
			c.ErrorAt(code.PosAt(e.Offset), "%s.%s: %s", p, key, e.Msg)
			return
		}
		c.Errorf(p+"."+key, "%s.%s: %v", p, key, err)
	}
}

// themeColorNames are the theme's colours a style may name.
var themeColorNames = []string{"ink", "grey", "light", "fire", "cold", "shade"}

// shadeColor is the theme colour with an opacity of its own (the firing
// region's): a fill of it is drawn as it is, whatever style.opacity says.
const shadeColor = "shade"

// parseColor returns the colour of a style value: a palette index, a
// colour of the theme, or #rrggbb; "" is the palette's next colour, next.
func parseColor(th *theme, s string, next int) (color.Color, bool) {
	switch s {
	case "":
		return th.palette(next), true
	case "ink":
		return th.ink, true
	case "grey":
		return th.grey, true
	case "light":
		return th.light, true
	case "fire":
		return th.fire, true
	case "cold":
		return th.cold, true
	case "shade":
		return th.shade, true
	}
	if n, err := strconv.Atoi(s); err == nil {
		if n < 0 || n > 7 {
			return nil, false
		}
		return th.palette(n), true
	}
	if len(s) == 7 && s[0] == '#' {
		v, err := strconv.ParseUint(s[1:], 16, 32)
		if err != nil {
			return nil, false
		}
		return color.RGBA{R: uint8(v >> 16), G: uint8(v >> 8), B: uint8(v), A: 0xff}, true
	}
	return nil, false
}

// dashes returns ls dashed or dotted as the style says.
func (st Style) dashes(ls draw.LineStyle) draw.LineStyle {
	switch {
	case st.Dotted:
		return dashed(ls, 2, 3)
	case st.Dash:
		return dashed(ls, 4, 3)
	}
	return ls
}

// radius returns the style's radius, or def when it sets none.
func (st Style) radius(def float64) float64 {
	if st.Radius > 0 {
		return st.Radius
	}
	return def
}

// withAlpha returns c at opacity a.
func withAlpha(c color.Color, a float64) color.Color {
	r, g, b, _ := c.RGBA()
	return color.NRGBA{R: uint8(r >> 8), G: uint8(g >> 8), B: uint8(b >> 8), A: uint8(math.Round(a * 255))}
}

// instance is one drawn repetition of a layer.
type instance struct {
	l      *PlotLayer
	path   string
	params map[string]float64
	label  string
	color  color.Color
}

// instances expands the layers' for_each into the drawn layers, each with
// its colour: the next palette colour unless the style names one.
func (s *Plot) instances(th *theme) []instance {
	var out []instance
	next := 0
	for i := range s.Layers {
		l := &s.Layers[i]
		name, vals := forEachOf(l)
		for j, params := range s.layerEnvs(l) {
			in := instance{l: l, path: fmt.Sprintf("%slayers[%d]", s.prefix, i), params: params, label: l.Label.Src}
			if name != "" {
				v := mathNum(vals[j])
				if vals[j] < 0 { // x + {b} with b = −2 reads x − 2
					in.label = strings.ReplaceAll(in.label, "+{"+name+"}", "-"+mathNum(-vals[j]))
					in.label = strings.ReplaceAll(in.label, "+ {"+name+"}", "- "+mathNum(-vals[j]))
				}
				in.label = strings.ReplaceAll(in.label, "{"+name+"}", v)
			}
			col := l.Style.Color
			if name != "" && j > 0 && col != "" {
				col = "" // a repeated layer takes the next colours
			}
			in.color, _ = parseColor(th, col, next)
			if l.Style.Color == "" || j > 0 {
				switch l.kind {
				case "function", "points", "data", "region", "bars":
					next++
				}
			}
			out = append(out, in)
		}
	}
	return out
}

// build draws the layers on the axes, or the panels.
func (s *Plot) build(e *env, f *spec.Figure) func(c draw.Canvas) {
	if len(s.Panels) > 0 {
		return s.buildPanels(e, f)
	}
	d := s.buildOne(e, f.Title.Src)
	return func(c draw.Canvas) { d(e.inset(c)) }
}

// buildOne draws one plot with its title on the canvas it is given.
func (s *Plot) buildOne(e *env, title string) func(c draw.Canvas) {
	p := e.newPlot(title, s.Axes)
	ins := s.instances(e.th)
	s.ranges(p, ins)
	if s.XScale == "log" {
		p.X.Scale = plot.LogScale{}
	}
	if s.YScale == "log" {
		p.Y.Scale = plot.LogScale{}
	}
	setTicks(&p.X, s.XTicks, s.XScale)
	setTicks(&p.Y, s.YTicks, s.YScale)
	legend := e.newLegendBox(s.Legend)
	if s.Legend == autoCorner {
		legend.Corners = legendCorners
	}
	var plotters []plot.Plotter
	for _, in := range ins {
		for _, pl := range s.layerPlotters(e, in, &legend) {
			p.Add(pl)
			plotters = append(plotters, pl)
		}
	}
	if s.prefix != "" { // a panel's title
		p.Title.TextStyle = e.font(labelSize, true)
		p.Title.TextStyle.XAlign, p.Title.TextStyle.YAlign = text.XCenter, text.YTop
	}
	legend.Entries = s.ordered(legend.Entries)
	if s.Legend != "none" && s.Legend != "outside" && len(legend.Entries) > 0 {
		p.Add(legend)
	}
	// A plot of equal aspect may be narrowed: its title keeps the room.
	title = ""
	if s.Aspect == "equal" {
		title, p.Title.Text = p.Title.Text, ""
	}
	fit := e.plotFitter(p)
	side := s.side(e, &legend, ins, plotters)
	if s.Aspect != "equal" {
		return func(c draw.Canvas) {
			c = side.crop(c)
			fit(c)
			p.Draw(c)
			side.draw(c, p)
		}
	}
	x0, x1, y0, y1 := p.X.Min, p.X.Max, p.Y.Min, p.Y.Max
	return func(c draw.Canvas) {
		c = side.crop(c)
		p.X.Min, p.X.Max, p.Y.Min, p.Y.Max = x0, x1, y0, y1
		var head vg.Length // the title's height, over the plot
		drawTitle := func(vg.Length) {}
		if title != "" { // as gonum sets it, over the room's width
			txt, sty := e.fit(title, p.Title.TextStyle, c.Max.X-c.Min.X, toPx(1))
			mid := c.Center().X
			drawTitle = func(top vg.Length) {
				c.FillText(sty, vg.Point{X: mid, Y: top + sty.FontExtents().Descent}, txt)
			}
			head = sty.Rectangle(txt).Size().Y + p.Title.Padding
			c.Max.Y -= head
		}
		mute := e.mute
		e.mute = true
		fit(c)
		e.mute = mute
		// One unit as long on both axes: a plot with more room per unit
		// across than up is narrowed, its ranges kept, and centred in its
		// room (what it draws beside it follows it); one with more room up
		// is lowered likewise, its title with it, when the spec gives its
		// y range, else widens its y range about its centre.
		d := p.DataCanvas(c)
		ux := float64(d.Max.X-d.Min.X) / (x1 - x0)
		uy := float64(d.Max.Y-d.Min.Y) / (y1 - y0)
		switch {
		case ux > uy:
			surplus := (d.Max.X - d.Min.X) - vg.Length((x1-x0)*uy)
			c.Min.X += surplus / 2
			c.Max.X -= surplus / 2
			fit(c)
		case s.YRange != nil:
			surplus := (d.Max.Y - d.Min.Y) - vg.Length((y1-y0)*ux)
			c.Min.Y += surplus / 2
			c.Max.Y -= surplus / 2
			fit(c)
		default:
			fit(c)
			h := float64(d.Max.Y-d.Min.Y) / ux
			m := (y0 + y1) / 2
			p.Y.Min, p.Y.Max = m-h/2, m+h/2
		}
		drawTitle(c.Max.Y + head)
		p.Draw(c)
		side.draw(c, p)
	}
}

// setTicks sets the ticks of an axis the spec lists.
func setTicks(a *plot.Axis, ticks []Tick, scale string) {
	if ticks == nil {
		if scale == "log" {
			a.Tick.Marker = logTicks{}
		}
		return
	}
	ts := make(symbolicTicks, len(ticks))
	for i, t := range ticks {
		ts[i] = plot.Tick{Value: t.At, Label: t.Label.Src}
		if t.Label.Src == "" {
			ts[i].Label = "$" + mathNum(t.At) + "$"
		}
	}
	a.Tick.Marker = ts
}

// logTicks labels the powers of ten of a log axis.
type logTicks struct{}

func (logTicks) Ticks(lo, hi float64) []plot.Tick {
	var ts []plot.Tick
	for k := math.Floor(math.Log10(lo)); k <= math.Ceil(math.Log10(hi)) && len(ts) < 200; k++ {
		v := math.Pow(10, k)
		if v >= lo*(1-1e-9) && v <= hi*(1+1e-9) {
			ts = append(ts, plot.Tick{Value: v, Label: fmt.Sprintf("$10^{%d}$", int(k))})
		}
		for m := 2.0; m < 10; m++ {
			if w := m * v; w >= lo && w <= hi {
				ts = append(ts, plot.Tick{Value: w})
			}
		}
	}
	return ts
}

// ranges sets the plot's ranges the spec leaves open: x from the data, or
// [-5, 5]; y from what the layers show, with air, or as x for a plot over
// the plane (a region, contour or heatmap).
func (s *Plot) ranges(p *plot.Plot, ins []instance) {
	plane := false
	dx0, dx1 := math.Inf(1), math.Inf(-1)
	for _, in := range ins {
		switch in.l.kind {
		case "region", "contour", "heatmap":
			plane = true
		case "points", "data", "bars":
			pad := 0.0
			if in.l.kind == "bars" || in.l.Mode == "bars" {
				pad = 0.5
			}
			for _, x := range in.l.xy().X {
				dx0, dx1 = math.Min(dx0, x-pad), math.Max(dx1, x+pad)
			}
		}
	}
	fns := slices.ContainsFunc(ins, func(in instance) bool { return in.l.kind == "function" })
	if s.XRange == nil {
		p.X.Min, p.X.Max = -5, 5
		if s.XScale == "log" {
			p.X.Min, p.X.Max = 0.01, 100
			dx0 = math.Max(dx0, 1e-300)
		}
		if dx1 > dx0 && !fns {
			pad := 0.05 * (dx1 - dx0)
			p.X.Min, p.X.Max = dx0-pad, dx1+pad
			if s.XScale == "log" {
				p.X.Min, p.X.Max = dx0/1.15, dx1*1.15
			}
		}
	}
	if s.YRange != nil {
		return
	}
	if plane {
		p.Y.Min, p.Y.Max = p.X.Min, p.X.Max
		return
	}
	var ys, fys []float64 // values of the data, of the functions
	for _, in := range ins {
		switch in.l.kind {
		case "function":
			f := s.function(in)
			a, b := in.l.domainIn(p.X.Min, p.X.Max)
			for i := 0; i <= 200; i++ {
				if y := f(a + (b-a)*float64(i)/200); !math.IsNaN(y) && !math.IsInf(y, 0) {
					fys = append(fys, y)
				}
			}
		case "points", "data", "bars":
			if in.l.kind == "bars" || in.l.Mode == "bars" {
				ys = append(ys, 0)
			}
			for _, y := range in.l.xy().Y {
				if finite(y) {
					ys = append(ys, y)
				}
			}
		case "hline":
			ys = append(ys, in.l.HLine)
		}
	}
	if s.YScale == "log" {
		ys = slices.DeleteFunc(ys, func(y float64) bool { return y <= 0 })
		fys = slices.DeleteFunc(fys, func(y float64) bool { return y <= 0 })
	}
	lo, hi := -1.0, 1.0
	if len(fys) > 0 {
		slices.Sort(fys)
		// Poles: the outer 2% of a function's values do not stretch the
		// axis; every data point does.
		cut := 0
		if len(fys) > 100 {
			cut = len(fys) / 50
		}
		lo, hi = fys[cut], fys[len(fys)-1-cut]
	}
	if len(ys) > 0 {
		if len(fys) == 0 {
			lo, hi = math.Inf(1), math.Inf(-1)
		}
		lo, hi = math.Min(lo, slices.Min(ys)), math.Max(hi, slices.Max(ys))
	}
	ys = append(ys, fys...)
	if !(hi > lo) {
		lo, hi = lo-1, hi+1
	}
	if s.YScale == "log" {
		if len(ys) == 0 {
			lo, hi = 0.01, 100
		}
		p.Y.Min, p.Y.Max = lo/1.25, hi*1.25
		return
	}
	pad := 0.06 * (hi - lo)
	p.Y.Min, p.Y.Max = lo-pad, hi+pad
}

// domainIn returns the layer's domain within [lo, hi].
func (l *PlotLayer) domainIn(lo, hi float64) (float64, float64) {
	if l.Domain != nil {
		return math.Max(lo, l.Domain.Min), math.Min(hi, l.Domain.Max)
	}
	return lo, hi
}

// function returns the function of a function layer instance.
func (s *Plot) function(in instance) func(float64) float64 {
	e, err := expr.Parse(in.l.Function.Src, expr.Env{Vars: []string{in.l.Var}, Params: in.params}, expr.Number)
	if err != nil {
		return func(float64) float64 { return math.NaN() } // reported by Validate
	}
	return e.Func()
}

// surface returns the formula of a region, contour or heatmap instance.
func (s *Plot) surface(in instance) *expr.Expr {
	code, _, vars, typ := in.l.formula()
	e, err := expr.Parse(code.Src, expr.Env{Vars: vars, Params: in.params}, typ)
	if err != nil {
		return nil
	}
	return e
}

// layerPlotters returns the plotters of one layer instance, adding its
// legend entry.
func (s *Plot) layerPlotters(e *env, in instance, legend *legendBox) []plot.Plotter {
	l := in.l
	ls := l.Style.dashes(e.line(l.Style.Width, in.color))
	entry := legendEntry{Label: in.label, Line: ls}
	var out []plot.Plotter
	switch l.kind {
	case "function":
		f := s.function(in)
		out = append(out, fnCurve{F: f, Domain: l.Domain, N: l.Samples, Dots: l.Jumps == "dots", Line: ls, Dot: e.len(l.Style.radius(4.5)), Bg: e.th.bg,
			Track: in.track(e, "the function of "+in.path, in.path+".function", l.Var)})
		legend.Avoid = append(legend.Avoid, f)
	case "points", "data":
		if l.Mode == "bars" {
			out = append(out, s.bars(e.th, in, l.xy(), &entry))
			break
		}
		mark := l.Mode != "line"
		if !mark {
			entry.Dot = 0
		} else {
			entry.Dot = e.len(l.Style.radius(4))
			entry.Marker = l.Style.Marker
			entry.NoLine = l.Mode == "markers"
		}
		legend.AvoidData = append(legend.AvoidData, avoidData{Pts: l.pts(), Lines: l.Mode != "markers"})
		dp := dataPoints{Pts: l.pts(), Mode: l.Mode, Marker: l.Style.Marker, R: e.len(l.Style.radius(4)), Line: ls, Color: in.color, Bg: e.th.bg}
		if len(dp.Pts) > 0 { // no points (points: []) is a legend entry alone, never out of sight
			dp.Track = in.track(e, "the "+l.kind+" of "+in.path, in.path+"."+l.kind, "x")
		}
		out = append(out, dp)
	case "region":
		x := s.surface(in)
		fill := l.fill(e.th, in.color, 0.19)
		rl := regionLayer{X: x, N: l.Resolution, Fill: fill, Line: e.line(l.Style.Width*0.9, in.color), Dash: l.Style.Dash}
		// A region of == is most often a curve, which shades nothing: it
		// must shade something. Any other region may lie out of sight
		// (a threshold no input reaches).
		if _, eq := x.Equality(); x != nil && eq {
			if rl.Track = in.track(e, "the region", in.path+".region", l.Vars[0]); rl.Track != nil {
				rl.Track.hint = "'==' holds only where its two sides are equal, which for quantities that vary is a curve and shades nothing: to draw that curve, make the layer a contour of their difference with levels: [0]"
			}
		}
		out = append(out, rl)
		entry.Fill = fill
	case "contour":
		out = append(out, contourLayer{X: s.surface(in), N: l.Resolution, Levels: l.Levels, Line: e.line(l.Style.Width*0.5, in.color), Map: l.Colormap, Style: l.Style.Color != ""})
	case "heatmap":
		out = append(out, heatLayer{X: s.surface(in), N: l.Resolution, Map: l.Colormap, Range: new(heatRange)})
	case "bars":
		out = append(out, s.bars(e.th, in, l.Bars, &entry))
	case "hline", "vline":
		gl := e.line(l.Style.Width*0.4, e.th.grey)
		if l.Style.Color != "" {
			gl.Color = in.color
		}
		gl = l.Style.dashes(gl)
		entry.Line = gl
		if l.kind == "hline" {
			out = append(out, hline{Y: l.HLine, Line: gl})
		} else {
			out = append(out, vline{X: l.VLine, Line: gl})
		}
	case "text":
		n := note{e: e, At: l.At, Text: l.Text.Src, Style: e.font(l.Size, false)}
		gap, corner := e.len(6), e.len(14)
		switch l.Anchor {
		case "center":
			n.XAlign, n.YAlign = text.XCenter, text.YCenter
		case "left": // the text left of the point
			n.XAlign, n.YAlign, n.Off = text.XRight, text.YCenter, vg.Point{X: -gap}
		case "right":
			n.XAlign, n.YAlign, n.Off = text.XLeft, text.YCenter, vg.Point{X: gap}
		case "above":
			n.XAlign, n.YAlign, n.Off = text.XCenter, text.YBottom, vg.Point{Y: gap}
		case "below":
			n.XAlign, n.YAlign, n.Off = text.XCenter, text.YTop, vg.Point{Y: -gap}
		default: // a corner: a note in a corner of the plot
			n.XAlign, n.YAlign, n.Off = text.XRight, text.YBottom, vg.Point{X: -corner, Y: corner}
			if strings.HasSuffix(l.Anchor, "right") {
				n.XAlign, n.Off.X = text.XLeft, corner
			}
			if strings.HasPrefix(l.Anchor, "below") {
				n.YAlign, n.Off.Y = text.YTop, -corner
			}
			n.Field, n.Share = in.path+".text", 0.5
			if l.from != nil {
				n.Field = l.from.path
			}
		}
		out = append(out, n)
	case "arrow":
		col := e.th.ink
		var cc color.Color = col
		if l.Style.Color != "" {
			cc = in.color
		}
		out = append(out, arrowLayer{e: e, A: l.Arrow, Line: e.line(l.Style.Width*0.55, cc)})
	}
	if in.entry() {
		legend.Entries = append(legend.Entries, entry)
	}
	return out
}

// presetOrigin is what a layer of a preset's plot draws, named as the preset's
// spec names it in a problem of its layout.
type presetOrigin struct {
	what, path string // of a curve: "the curve σ(z)", "" (the problem is y_range's); of a text: its field
	guide      bool   // a guide: no curve, never reported
}

// track returns the track of the instance's curve: what and path name it,
// unless the layer is a preset's, whose {name} stands for the value of
// the layer's for_each param.
func (in instance) track(e *env, what, path, xv string) *track {
	l := in.l
	switch {
	case l.from == nil:
		return e.track(what, path, xv)
	case l.from.guide:
		return nil
	}
	what = l.from.what
	if name, _ := forEachOf(l); name != "" {
		what = strings.ReplaceAll(what, "{"+name+"}", proseNum(in.params[name]))
	}
	return e.track(what, l.from.path, xv)
}

// bars returns the plotter of bars b drawn by a layer instance, setting
// its legend entry.
func (s *Plot) bars(th *theme, in instance, b Bars, entry *legendEntry) plot.Plotter {
	fill := in.l.fill(th, in.color, 0.85)
	entry.Fill, entry.NoLine = fill, true
	return barsLayer{X: b.X, Y: b.Y, Fill: fill}
}

// fill returns the fill of a region or bars layer drawn in col: the
// style's fill colour, else col, at the style's opacity (def when it
// sets none); the shade colour keeps its own.
func (l *PlotLayer) fill(th *theme, col color.Color, def float64) color.Color {
	name := l.Style.Fill
	if name != "" {
		col, _ = parseColor(th, name, 0)
	} else {
		name = l.Style.Color
	}
	if name == shadeColor {
		return col
	}
	if l.Style.Opacity > 0 {
		def = l.Style.Opacity
	}
	return withAlpha(col, def)
}

// pts returns the points of a points or data layer.
func (l *PlotLayer) pts() [][2]float64 {
	if l.kind == "data" {
		return l.rows
	}
	return l.Points
}

// xy returns the x and y of a bars, points or data layer.
func (l *PlotLayer) xy() Bars {
	if l.kind == "bars" {
		return l.Bars
	}
	pts := l.pts()
	b := Bars{X: make([]float64, len(pts)), Y: make([]float64, len(pts))}
	for i, q := range pts {
		b.X[i], b.Y[i] = q[0], q[1]
	}
	return b
}

// at returns the path of a key of the plot or panel.
func (s *Plot) at(key string) string { return s.prefix + key }

// where returns the path of a key of the plot or panel, or of the plot's
// when a panel takes the plot's value.
func (s *Plot) where(c *spec.Check, key string) string {
	if s.prefix != "" && !c.Set(s.prefix+key) {
		return key
	}
	return s.prefix + key
}

package figures

import (
	"fmt"
	"maps"
	"math"
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"github.com/figgen/figgen/spec"
)

// The panels of a plot (a grid of plots sharing the fields set at the
// top), and what a plot draws beside its data area: a legend outside, a
// colour bar for a heatmap.

// Panel is one plot of a grid of panels: the plot's fields, any of them
// left unset taken from the top of the spec.
type Panel struct {
	Title  spec.Text          `yaml:"title"`
	XLabel spec.Text          `yaml:"x_label"`
	YLabel spec.Text          `yaml:"y_label"`
	XRange *spec.Range        `yaml:"x_range"`
	YRange *spec.Range        `yaml:"y_range"`
	Grid   bool               `yaml:"grid"`
	XTicks []Tick             `yaml:"x_ticks"`
	YTicks []Tick             `yaml:"y_ticks"`
	XScale string             `yaml:"x_scale"`
	YScale string             `yaml:"y_scale"`
	Aspect string             `yaml:"aspect"`
	Legend string             `yaml:"legend"`
	Order  []int              `yaml:"legend_order"`
	Params map[string]float64 `yaml:"params"`
	Layers []PlotLayer        `yaml:"layers"`
}

// panelKeys are the keys a panel shares with the plot.
var panelKeys = []string{"x_label", "y_label", "x_range", "y_range", "grid", "x_ticks", "y_ticks", "x_scale", "y_scale", "aspect", "legend", "legend_order", "params", "layers"}

// withPanels adds to the plot's fields those of its panels: the same
// keys under panels.
func withPanels(fs spec.Fields) spec.Fields {
	common := map[string]string{
		"x_label": "Label of the panel's x axis.", "y_label": "Label of the panel's y axis.",
		"x_range": "Range of the panel's x axis" + spec.RangeNote + ".", "y_range": "Range of the panel's y axis" + spec.RangeNote + ".",
		"grid": "Draw grid lines.",
	}
	for k, doc := range common {
		fs["panels."+k] = spec.Field{Doc: doc}
	}
	for k, f := range maps.Clone(fs) {
		for _, pk := range panelKeys {
			if k == pk || strings.HasPrefix(k, pk+".") || strings.HasPrefix(k, pk+"[") {
				f.Doc = strings.TrimSuffix(f.Doc, ".") + "; default the plot's."
				if strings.Contains(k, ".") || strings.Contains(k, "[") {
					f.Doc = fs[k].Doc
				}
				fs["panels."+k] = f
			}
		}
	}
	fs["panels.layers"] = spec.Field{Doc: fs["layers"].Doc, Items: [2]int{1, maxPlotLayers}}
	fs["panels[]"] = spec.Field{Required: []string{"layers"}}
	return fs
}

// defaultColumns is how many panels a row holds by default.
func defaultColumns(n int) int {
	if n <= 3 {
		return n
	}
	return int(math.Ceil(math.Sqrt(float64(n))))
}

// defaultPanels fills each panel's unset fields with the plot's.
func (s *Plot) defaultPanels(d *spec.Defaults) {
	spec.Default(d, "columns", &s.Columns, max(1, defaultColumns(len(s.Panels))))
	for i := range s.Panels {
		pn := &s.Panels[i]
		p := fmt.Sprintf("panels[%d].", i)
		spec.Default(d, p+"x_label", &pn.XLabel, s.XLabel)
		spec.Default(d, p+"y_label", &pn.YLabel, s.YLabel)
		spec.Default(d, p+"x_range", &pn.XRange, s.XRange)
		spec.Default(d, p+"y_range", &pn.YRange, s.YRange)
		spec.Default(d, p+"grid", &pn.Grid, s.Grid)
		spec.Default(d, p+"x_ticks", &pn.XTicks, s.XTicks)
		spec.Default(d, p+"y_ticks", &pn.YTicks, s.YTicks)
		spec.Default(d, p+"x_scale", &pn.XScale, s.XScale)
		spec.Default(d, p+"y_scale", &pn.YScale, s.YScale)
		spec.Default(d, p+"aspect", &pn.Aspect, s.Aspect)
		spec.Default(d, p+"legend", &pn.Legend, s.Legend)
		spec.Default(d, p+"legend_order", &pn.Order, s.Order)
		params := maps.Clone(s.Params)
		if params == nil && pn.Params != nil {
			params = map[string]float64{}
		}
		maps.Copy(params, pn.Params)
		pn.Params = params
		defaultLayers(d, p, pn.Layers)
	}
}

// views returns each panel as a plot of its own, sharing the panel's
// layers.
func (s *Plot) views() []*Plot {
	out := make([]*Plot, len(s.Panels))
	for i := range s.Panels {
		pn := &s.Panels[i]
		out[i] = &Plot{
			Axes:   spec.Axes{XLabel: pn.XLabel, YLabel: pn.YLabel, XRange: pn.XRange, YRange: pn.YRange, Grid: pn.Grid},
			XTicks: pn.XTicks, YTicks: pn.YTicks, XScale: pn.XScale, YScale: pn.YScale,
			Aspect: pn.Aspect, Legend: pn.Legend, Order: pn.Order, Params: pn.Params, Layers: pn.Layers,
			prefix: fmt.Sprintf("panels[%d].", i), title: pn.Title.Src,
		}
	}
	return out
}

// buildPanels draws the panels in a grid under the figure's title.
func (s *Plot) buildPanels(e *env, f *spec.Figure) func(c draw.Canvas) {
	views := s.views()
	draws := make([]func(draw.Canvas), len(views))
	for i, v := range views {
		draws[i] = v.buildOne(e, v.title)
	}
	cols := max(s.Columns, 1)
	rows := (len(views) + cols - 1) / cols
	return func(c draw.Canvas) {
		c = e.titled(c, f.Title.Src)
		gap := e.len(16)
		if f.Title.Src != "" {
			c.Max.Y -= e.len(6) // apart from the panels' titles
		}
		w := (c.Max.X - c.Min.X - gap*vg.Length(cols-1)) / vg.Length(cols)
		h := (c.Max.Y - c.Min.Y - gap*vg.Length(rows-1)) / vg.Length(rows)
		for i, d := range draws {
			r, k := i/cols, i%cols
			cell := c
			cell.Min.X = c.Min.X + vg.Length(k)*(w+gap)
			cell.Max.X = cell.Min.X + w
			cell.Max.Y = c.Max.Y - vg.Length(r)*(h+gap)
			cell.Min.Y = cell.Max.Y - h
			e.cell = vg.Point{X: w, Y: h}
			d(cell)
		}
		e.cell = vg.Point{}
	}
}

// plotSide is what a plot draws right of its data area: a legend
// outside (frameless, its rows centred on the data area's height), a
// colour bar, or nothing.
type plotSide struct {
	e      *env
	legend *legendBox
	heat   *heatRange
	label  string // the colour bar's title
	cols   string // its colour map
	tick   text.Style
	w      vg.Length // the room it takes right of the plot
	labelW vg.Length
}

// legendWrap is the widest in points a label of a legend outside is set
// on one line: a math label wider wraps between its terms.
const legendWrap = 125

// side returns what the plot s draws beside its data area.
func (s *Plot) side(e *env, legend *legendBox, ins []instance, plotters []plot.Plotter) plotSide {
	sd := plotSide{e: e}
	gap := e.len(12)
	if s.Legend == "outside" && len(legend.Entries) > 0 {
		l := *legend
		l.Corner, l.Corners, l.Bare = "top-left", nil, true
		l.Wrap = e.len(legendWrap)
		l.wrap()
		sd.legend = &l
		r := l.Rect(draw.Canvas{})
		// A word too wide even shrunk (a problem of its field) takes no
		// more room from the plot than a label may.
		sd.w = gap + min(r.Max.X-r.Min.X, l.Wrap+2*l.Pad+l.Thumb+l.gap())
	}
	for _, pl := range plotters {
		h, ok := pl.(heatLayer)
		if !ok || h.X == nil {
			continue
		}
		sd.heat, sd.cols = h.Range, h.Map
		for _, in := range ins {
			if in.l.kind == "heatmap" {
				sd.label = in.label
				break
			}
		}
		sd.tick = e.font(tickSize, false)
		sd.tick.XAlign, sd.tick.YAlign = text.XLeft, text.YCenter
		// The labels' room, from the surface on a coarse grid over the
		// plot's ranges (the drawn grid is finer: its ticks may differ a
		// little, so leave some air).
		p := plot.New()
		x0, x1, y0, y1 := s.extent(ins)
		p.X.Min, p.X.Max, p.Y.Min, p.Y.Max = x0, x1, y0, y1
		g := newGrid(h.X, 24, p, true)
		lo, hi := g.minMax()
		var tw vg.Length
		// The drawn surface's ends differ from these a little: measure
		// the labels of the ranges about them too (of the same signs).
		d := (hi - lo) / 20
		for _, a := range []float64{lo - d, lo, lo + d} {
			if lo >= 0 {
				a = max(a, 0)
			}
			for _, b := range []float64{hi - d, hi, hi + d} {
				if hi <= 0 {
					b = min(b, 0)
				}
				for _, t := range barTicks(a, b) {
					tw = max(tw, sd.tick.Width(t.Label))
				}
			}
		}
		tw = tw*1.2 + e.len(4)
		lsty := e.font(tickSize, false)
		sd.labelW = lsty.Width(sd.label)
		sd.w += gap + max(e.len(14)+e.len(4)+tw, sd.labelW)
		break
	}
	return sd
}

// extent returns the x and y ranges of the plot as ranges() sets them.
func (s *Plot) extent(ins []instance) (x0, x1, y0, y1 float64) {
	p := plot.New()
	if s.XRange != nil {
		p.X.Min, p.X.Max = s.XRange.Min, s.XRange.Max
	}
	if s.YRange != nil {
		p.Y.Min, p.Y.Max = s.YRange.Min, s.YRange.Max
	}
	s.ranges(p, ins)
	return p.X.Min, p.X.Max, p.Y.Min, p.Y.Max
}

// barTicks are the labelled ticks of a colour bar from lo to hi, gonum's
// default values written as an axis's ticks are (tickNum): with the
// decimals their step needs, so a tick at −0.8 computed as
// −0.8000000000000002 reads −0.8.
func barTicks(lo, hi float64) []plot.Tick {
	if !(hi > lo) {
		return nil
	}
	var out []plot.Tick
	for _, t := range (plot.DefaultTicks{}).Ticks(lo, hi) {
		if t.Label != "" {
			out = append(out, plot.Tick{Value: t.Value})
		}
	}
	// The precision: the power of ten of the step between two labels (1,
	// 2, 2.5, 3, 4 or 5 × 10ⁿ; a tenth of the range for one label), finer
	// until every label is a multiple of it (2.5; labels offset by half a
	// step, as −0.5, 0.5, 1.5).
	step := (hi - lo) / 10
	if len(out) > 1 {
		step = out[1].Value - out[0].Value
	}
	res := math.Pow(10, math.Floor(math.Log10(step)+1e-9))
	for range 6 {
		exact := true
		for _, t := range out {
			if r := t.Value / res; math.Abs(r-math.Round(r)) > 1e-6 {
				exact = false
			}
		}
		if exact {
			break
		}
		res /= 10
	}
	big := math.Max(math.Abs(lo), math.Abs(hi))
	for i := range out {
		out[i].Label = "$" + tickNum(out[i].Value, big, res) + "$"
	}
	return out
}

// crop returns the canvas the plot is drawn on: c less the side's room.
func (sd plotSide) crop(c draw.Canvas) draw.Canvas {
	c.Max.X -= sd.w
	return c
}

// draw draws the side right of the plot p, drawn on c (cropped).
func (sd plotSide) draw(c draw.Canvas, p *plot.Plot) {
	if sd.w == 0 {
		return
	}
	e := sd.e
	d := p.DataCanvas(c)
	x := c.Max.X + e.len(12)
	top := d.Max.Y
	if sd.legend != nil {
		l := *sd.legend
		r := l.Rect(draw.Canvas{})
		if h := r.Max.Y - r.Min.Y; h > c.Max.Y-c.Min.Y {
			// Taller than the plot's canvas: the tallest entry's field is
			// to blame.
			tallest := l.Entries[0]
			for _, en := range l.Entries {
				if l.entryHeight(en) > l.entryHeight(tallest) {
					tallest = en
				}
			}
			o, name := e.name(tallest.Label)
			e.problem(o, name, "%s: the legend beside the plot needs %s px; the figure has %s px", name, px(toPx(h)), px(toPx(c.Max.Y-c.Min.Y)))
		}
		cc := c
		mid := (d.Min.Y + d.Max.Y) / 2
		cc.Rectangle = vg.Rectangle{Min: vg.Point{X: x - l.Margin, Y: d.Min.Y}, Max: vg.Point{X: x - l.Margin + (r.Max.X - r.Min.X), Y: mid + (r.Max.Y-r.Min.Y)/2 + l.Margin}}
		l.Plot(cc, p)
		x += r.Max.X - r.Min.X + e.len(12)
	}
	if sd.heat == nil || !sd.heat.Set {
		return
	}
	lo, hi := sd.heat.Lo, sd.heat.Hi
	bot := d.Min.Y
	if sd.label != "" {
		lsty := e.font(tickSize, false)
		lsty.XAlign, lsty.YAlign = text.XLeft, text.YTop
		c.FillText(lsty, vg.Point{X: x, Y: top}, sd.label)
		r := lsty.Rectangle(sd.label)
		top -= r.Max.Y - r.Min.Y + e.len(6)
	}
	bw := e.len(14)
	const shades = 64
	cols := colorMap(sd.cols).Palette(shades).Colors()
	for i := range shades {
		y0 := bot + (top-bot)*vg.Length(i)/shades
		y1 := bot + (top-bot)*vg.Length(i+1)/shades
		if i+1 < shades {
			y1 += vg.Length(0.4)
		}
		c.SetColor(cols[i])
		c.Fill(rectPath(vg.Rectangle{Min: vg.Point{X: x, Y: y0}, Max: vg.Point{X: x + bw, Y: y1}}))
	}
	c.SetLineStyle(e.line(0.8, e.th.frame))
	c.Stroke(rectPath(vg.Rectangle{Min: vg.Point{X: x, Y: bot}, Max: vg.Point{X: x + bw, Y: top}}))
	tl := e.len(4)
	for _, t := range barTicks(lo, hi) {
		y := bot + (top-bot)*vg.Length((t.Value-lo)/(hi-lo))
		c.StrokeLine2(e.line(1, e.th.ink), x+bw, y, x+bw+tl, y)
		c.FillText(sd.tick, vg.Point{X: x + bw + tl + e.len(2), Y: y}, t.Label)
	}
}

package figures

import (
	"image/color"
	"math"

	xfont "golang.org/x/image/font"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"github.com/figgen/figgen/spec"
)

// The house palette: ink for text and axes, one accent per curve, and the
// fire / no-fire pair used wherever a figure shows the neuron's output.
type colorT = color.Color

var (
	ink     = color.RGBA{R: 0x22, G: 0x22, B: 0x22, A: 0xff}
	grey    = color.RGBA{R: 0x88, G: 0x88, B: 0x88, A: 0xff}
	light   = color.RGBA{R: 0xdd, G: 0xdd, B: 0xdd, A: 0xff}
	fireCol = color.RGBA{R: 0xd6, G: 0x27, B: 0x28, A: 0xff}
	coldCol = color.RGBA{R: 0x1f, G: 0x77, B: 0xb4, A: 0xff}
	shade   = color.NRGBA{R: 0xd6, G: 0x27, B: 0x28, A: 0x30}
)

// palette returns the i-th curve colour (colour-blind safe, after Okabe & Ito).
func palette(i int) color.Color {
	p := [...]color.RGBA{
		{R: 0x00, G: 0x72, B: 0xb2, A: 0xff},
		{R: 0xd5, G: 0x5e, B: 0x00, A: 0xff},
		{R: 0x00, G: 0x9e, B: 0x73, A: 0xff},
		{R: 0xcc, G: 0x79, B: 0xa7, A: 0xff},
		{R: 0x56, G: 0xb4, B: 0xe9, A: 0xff},
		{R: 0xe6, G: 0x9f, B: 0x00, A: 0xff},
		{R: 0x00, G: 0x00, B: 0x00, A: 0xff},
		{R: 0xf0, G: 0xe4, B: 0x42, A: 0xff},
	}
	return p[i%len(p)]
}

// Text sizes in points, for a figure of the default 800×500 px.
const (
	titleSize = 15
	labelSize = 13
	tickSize  = 11
	noteSize  = 12

	// minScriptSize is the least size of math scripts and of the parts of
	// inline fractions: 12 px, below which a script is hard to read on
	// screen (the font's 55% scriptscript size gives 7 px digits in a
	// legend's fraction).
	minScriptSize = 9
)

// env is what every kind builder gets for one figure: its text handler
// (owned by this render) and the figure's scale.
type env struct {
	h     text.Handler
	scale float64 // text and line scale relative to the default size

	// What the layout pass checks (fit.go): the figure, its handler that
	// records texts, the field each text comes from, the curves drawn.
	f       *spec.Figure
	rec     *recorder
	origins map[string]origin
	curves  []*track
	mute    bool // fit reports no problem (a trial fit)
	built   bool // the builder has returned
	early   spec.ErrorList
	cell    vg.Point // the size of the panel being drawn; zero: the figure
}

func newEnv(h text.Handler, f *spec.Figure) *env {
	rec := &recorder{Handler: h}
	return &env{h: rec, scale: textScale(f), f: f, rec: rec, origins: fieldOrigins(f)}
}

// textScale is the scale of f's text and lines: it follows the figure's
// smaller side so small figures stay legible and large ones are not
// sparse; the default size is 1.
func textScale(f *spec.Figure) float64 {
	s := math.Min(float64(f.Width)/spec.DefaultWidth, float64(f.Height)/spec.DefaultHeight)
	return math.Max(0.4, math.Min(s, 3))
}

// font returns a text style of size pt (scaled), regular or bold.
func (e *env) font(pt float64, bold bool) text.Style {
	fnt := font.Font{Typeface: "figgen", Size: vg.Length(pt * e.scale)}
	if bold {
		fnt.Weight = xfont.WeightBold
	}
	return text.Style{Color: ink, Font: fnt, Handler: e.h, XAlign: text.XLeft, YAlign: text.YBottom}
}

// line returns a line style of width w points (scaled).
func (e *env) line(w float64, c color.Color) draw.LineStyle {
	return draw.LineStyle{Color: c, Width: vg.Length(w * e.scale)}
}

// len scales a length in points.
func (e *env) len(pt float64) vg.Length { return vg.Length(pt * e.scale) }

// newPlot returns a plot whose every text goes through the figure's
// handler, with the house axes.
func (e *env) newPlot(title string, ax spec.Axes) *plot.Plot {
	p := plot.New()
	p.Add(areaProbe{e})
	p.BackgroundColor = nil // the canvas is painted white once; vgsvg cannot write a transparent fill
	p.Title.Text = title
	p.Title.TextStyle = e.font(titleSize, true)
	p.Title.TextStyle.XAlign, p.Title.TextStyle.YAlign = text.XCenter, text.YTop
	p.Title.Padding = e.len(8)
	p.Legend.TextStyle = e.font(noteSize, false)
	for _, a := range []*plot.Axis{&p.X, &p.Y} {
		a.Label.TextStyle = e.font(labelSize, false)
		a.Label.TextStyle.XAlign = text.XCenter
		a.Label.Padding = e.len(4)
		a.Tick.Label = e.font(tickSize, false)
		a.LineStyle = e.line(1, ink)
		a.Tick.LineStyle = e.line(1, ink)
		a.Tick.Length = e.len(5)
		a.Padding = e.len(4)
		a.Tick.Marker = mathTicks{}
	}
	if ax.Grid {
		g := plotter.NewGrid()
		g.Vertical, g.Horizontal = e.line(0.6, light), e.line(0.6, light)
		p.Add(g)
	}
	p.X.Label.Text = ax.XLabel.Src
	p.Y.Label.Text = ax.YLabel.Src
	p.X.Tick.Label.XAlign = text.XCenter
	p.X.Tick.Label.YAlign = text.YTop
	p.Y.Tick.Label.XAlign = text.XRight
	p.Y.Tick.Label.YAlign = text.YCenter
	if ax.XRange != nil {
		p.X.Min, p.X.Max = ax.XRange.Min, ax.XRange.Max
	}
	if ax.YRange != nil {
		p.Y.Min, p.Y.Max = ax.YRange.Min, ax.YRange.Max
	}
	return p
}

// drawPlot draws p inside the house margin: without it the right end of
// the x axis and its last tick label touch the image border.
func (e *env) drawPlot(p *plot.Plot) func(c draw.Canvas) {
	fit := e.plotFitter(p)
	return func(c draw.Canvas) {
		c = e.inset(c)
		fit(c)
		p.Draw(c)
	}
}

// mathTicks labels the smallest "nice" step (1, 2 or 5 × 10ⁿ) that gives
// at most nine labelled ticks, with unlabelled minor ticks between them, and sets
// the labels as math so negative numbers get a real minus sign.
type mathTicks struct{}

func (mathTicks) Ticks(lo, hi float64) []plot.Tick {
	if !(hi > lo) || math.IsInf(hi-lo, 0) || hi-lo < 1e-9*math.Max(math.Abs(lo), math.Abs(hi)) {
		// Empty, infinite, or too narrow for float64 to tell ticks apart
		// (spec rejects such ranges; never loop on them).
		return nil
	}
	// The smallest nice step that gives at most nine labels.
	step := niceStep((hi - lo) / 10)
	for math.Floor(hi/step+1e-9)-math.Ceil(lo/step-1e-9)+1 > 9 {
		step = niceStep(step * 1.01)
	}
	minor := step / 2
	if m := step / math.Pow(10, math.Floor(math.Log10(step))); m == 2 {
		minor = step / 4
	}
	first := math.Ceil(lo/minor - 1e-9)
	n := int(math.Floor(hi/minor+1e-9) - first + 1)
	if n < 0 || n > 100 {
		return nil
	}
	big := math.Max(math.Abs(lo), math.Abs(hi))
	ts := make([]plot.Tick, 0, n)
	for i := 0; i < n; i++ {
		v := (first + float64(i)) * minor
		if math.Abs(v) < 1e-12*step {
			v = 0
		}
		t := plot.Tick{Value: v}
		if r := v / step; math.Abs(r-math.Round(r)) < 1e-9 {
			t.Label = "$" + tickNum(v, big, step) + "$"
		}
		ts = append(ts, t)
	}
	return ts
}

// niceStep returns the smallest 1, 2 or 5 × 10ⁿ at least x.
func niceStep(x float64) float64 {
	p := math.Pow(10, math.Floor(math.Log10(x)))
	for _, m := range []float64{1, 2, 5, 10} {
		if m*p >= x*(1-1e-9) {
			return m * p
		}
	}
	return 10 * p
}

// symbolicTicks shows only the given labels at the given values (e.g. θ on
// the weighted-sum axis of the reaction-condition graph).
type symbolicTicks []plot.Tick

func (t symbolicTicks) Ticks(min, max float64) []plot.Tick { return t }

// titled draws title, bold and centred, at the top of c less the house
// margin, and returns the canvas left below it (all of it when title is
// empty): the frame of every figure that is not a gonum plot.
func (e *env) titled(c draw.Canvas, title string) draw.Canvas {
	c = e.inset(c)
	if title == "" {
		return c
	}
	sty := e.font(titleSize, true)
	sty.XAlign, sty.YAlign = text.XCenter, text.YTop
	title, sty = e.fit(title, sty, c.Max.X-c.Min.X, toPx(1))
	c.FillText(sty, vg.Point{X: c.Center().X, Y: c.Max.Y}, title)
	r := sty.Rectangle(title)
	c.Max.Y -= r.Max.Y - r.Min.Y + e.len(8)
	return c
}

// inset returns c less the house margin.
func (e *env) inset(c draw.Canvas) draw.Canvas {
	m := e.len(12)
	return draw.Crop(c, m, -m-e.len(6), m, -m)
}

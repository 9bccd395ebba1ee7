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

type colorT = color.Color

// theme is the colours of one rendering of a figure: the page it sits on
// and everything drawn on it. A Renderer draws a figure once per theme the
// spec asks for (Output.Theme); the env of each drawing carries its theme,
// so no colour is a package variable that changes with it. Every colour
// is chosen for its page (the dark theme is designed, not inverted) and
// TestThemeContrast measures text and lines against the page.
type theme struct {
	name string // "light" or "dark": the theme's name in specs and Output.Theme

	bg     color.Color // the page: the canvas, node fills, label boxes, open dots
	ink    color.Color // text, axes, outlines
	grey   color.Color // secondary lines and texts: dotted guides, off wires
	light  color.Color // faint guides and grid lines, the block arrow
	frame  color.Color // the legend's frame: a shade apart from grey
	fire   color.Color // the neuron fires (1)
	cold   color.Color // it does not (0)
	shade  color.Color // the firing region, fire at low opacity
	halo   color.Color // behind labels over a drawing: the page, nearly opaque
	onCell color.Color // text on a cell too dark (light theme) or too light (dark) for ink

	pane, paneGrid color.Color // the back faces of a 3-D box and their grid lines

	pal [8]color.Color // curve colours, colour-blind safe, after Okabe & Ito

	// The pixels kind's cells: the ends of the diverging ramp, the lines
	// between cells and the highlight.
	pixNeg, pixPos, pixLine, pixAccent color.Color
}

// The house palette: ink for text and axes, one accent per curve, and the
// fire / no-fire pair used wherever a figure shows the neuron's output.
var lightTheme = &theme{
	name:   "light",
	bg:     color.White,
	ink:    color.RGBA{R: 0x22, G: 0x22, B: 0x22, A: 0xff},
	grey:   color.RGBA{R: 0x88, G: 0x88, B: 0x88, A: 0xff},
	light:  color.RGBA{R: 0xdd, G: 0xdd, B: 0xdd, A: 0xff},
	frame:  color.RGBA{R: 0xc4, G: 0xc4, B: 0xc4, A: 0xff},
	fire:   color.RGBA{R: 0xd6, G: 0x27, B: 0x28, A: 0xff},
	cold:   color.RGBA{R: 0x1f, G: 0x77, B: 0xb4, A: 0xff},
	shade:  color.NRGBA{R: 0xd6, G: 0x27, B: 0x28, A: 0x30},
	halo:   color.NRGBA{R: 255, G: 255, B: 255, A: 220},
	onCell: color.RGBA{R: 0xff, G: 0xff, B: 0xff, A: 0xff},

	pane:     color.RGBA{R: 0xf3, G: 0xf3, B: 0xf3, A: 0xff},
	paneGrid: color.RGBA{R: 0xd4, G: 0xd4, B: 0xd4, A: 0xff},
	pal: [8]color.Color{
		color.RGBA{R: 0x00, G: 0x72, B: 0xb2, A: 0xff},
		color.RGBA{R: 0xd5, G: 0x5e, B: 0x00, A: 0xff},
		color.RGBA{R: 0x00, G: 0x9e, B: 0x73, A: 0xff},
		color.RGBA{R: 0xcc, G: 0x79, B: 0xa7, A: 0xff},
		color.RGBA{R: 0x56, G: 0xb4, B: 0xe9, A: 0xff},
		color.RGBA{R: 0xe6, G: 0x9f, B: 0x00, A: 0xff},
		color.RGBA{R: 0x00, G: 0x00, B: 0x00, A: 0xff},
		color.RGBA{R: 0xf0, G: 0xe4, B: 0x42, A: 0xff},
	},
	// ColorBrewer's RdBu ends, safe for colour-blind readers; the
	// highlight in vermillion (Okabe–Ito).
	pixNeg:    color.RGBA{R: 0x21, G: 0x66, B: 0xac, A: 0xff},
	pixPos:    color.RGBA{R: 0xb2, G: 0x18, B: 0x2b, A: 0xff},
	pixLine:   color.RGBA{R: 0xb0, G: 0xb0, B: 0xb0, A: 0xff},
	pixAccent: color.RGBA{R: 0xd5, G: 0x5e, B: 0x00, A: 0xff},
}

// darkTheme is for a dark page: a near-black, slightly blue page; ink a
// soft white (not pure white, which glares); guides dim but visible; the
// Okabe–Ito hues kept and lifted in lightness so each line stands out at
// least 3:1 from the page (black, invisible there, becomes a light grey);
// fire and cold the same red and blue, lighter. Tints mix with the page,
// so node fills are dark washes of their colour under light ink.
var darkTheme = &theme{
	name:   "dark",
	bg:     color.RGBA{R: 0x16, G: 0x18, B: 0x1c, A: 0xff},
	ink:    color.RGBA{R: 0xe8, G: 0xe6, B: 0xe3, A: 0xff},
	grey:   color.RGBA{R: 0x9a, G: 0x9d, B: 0xa3, A: 0xff},
	light:  color.RGBA{R: 0x3c, G: 0x40, B: 0x47, A: 0xff},
	frame:  color.RGBA{R: 0x52, G: 0x57, B: 0x5f, A: 0xff},
	fire:   color.RGBA{R: 0xff, G: 0x6b, B: 0x61, A: 0xff},
	cold:   color.RGBA{R: 0x5c, G: 0xa8, B: 0xf0, A: 0xff},
	shade:  color.NRGBA{R: 0xff, G: 0x6b, B: 0x61, A: 0x38},
	halo:   color.NRGBA{R: 0x16, G: 0x18, B: 0x1c, A: 220},
	onCell: color.RGBA{R: 0x16, G: 0x18, B: 0x1c, A: 0xff},

	pane:     color.RGBA{R: 0x1f, G: 0x22, B: 0x27, A: 0xff},
	paneGrid: color.RGBA{R: 0x33, G: 0x37, B: 0x3e, A: 0xff},
	pal: [8]color.Color{
		color.RGBA{R: 0x4c, G: 0xa6, B: 0xe8, A: 0xff},
		color.RGBA{R: 0xf5, G: 0x8a, B: 0x3d, A: 0xff},
		color.RGBA{R: 0x2e, G: 0xc4, B: 0x96, A: 0xff},
		color.RGBA{R: 0xe2, G: 0x9c, B: 0xc6, A: 0xff},
		color.RGBA{R: 0x8c, G: 0xcf, B: 0xf4, A: 0xff},
		color.RGBA{R: 0xf2, G: 0xb7, B: 0x38, A: 0xff},
		color.RGBA{R: 0xd0, G: 0xd0, B: 0xd0, A: 0xff},
		color.RGBA{R: 0xf0, G: 0xe4, B: 0x42, A: 0xff},
	},
	pixNeg:    color.RGBA{R: 0x5a, G: 0xa2, B: 0xdb, A: 0xff},
	pixPos:    color.RGBA{R: 0xf0, G: 0x6e, B: 0x5e, A: 0xff},
	pixLine:   color.RGBA{R: 0x4a, G: 0x4e, B: 0x55, A: 0xff},
	pixAccent: color.RGBA{R: 0xf5, G: 0x8a, B: 0x3d, A: 0xff},
}

// themes are the themes a spec may ask for, by name.
var themes = map[string]*theme{"light": lightTheme, "dark": darkTheme}

// palette returns the i-th curve colour.
func (t *theme) palette(i int) color.Color { return t.pal[i%len(t.pal)] }

// tint returns col mixed with the page: a = 0 is the page, 1 is col.
func (t *theme) tint(col color.Color, a float64) color.Color {
	r, g, b, _ := col.RGBA()
	br, bg, bb, _ := t.bg.RGBA()
	mix := func(v, p uint32) uint8 {
		pv := float64(p >> 8)
		return uint8(pv + a*(float64(v>>8)-pv) + 0.5)
	}
	return color.RGBA{R: mix(r, br), G: mix(g, bg), B: mix(b, bb), A: 0xff}
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
	th    *theme // the colours of this drawing
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

func newEnv(h text.Handler, f *spec.Figure, th *theme) *env {
	rec := &recorder{Handler: h}
	return &env{th: th, h: rec, scale: textScale(f), f: f, rec: rec, origins: fieldOrigins(f)}
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
	return text.Style{Color: e.th.ink, Font: fnt, Handler: e.h, XAlign: text.XLeft, YAlign: text.YBottom}
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
		a.LineStyle = e.line(1, e.th.ink)
		a.Tick.LineStyle = e.line(1, e.th.ink)
		a.Tick.Length = e.len(5)
		a.Padding = e.len(4)
		a.Tick.Marker = mathTicks{}
	}
	if ax.Grid {
		g := plotter.NewGrid()
		g.Vertical, g.Horizontal = e.line(0.6, e.th.light), e.line(0.6, e.th.light)
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

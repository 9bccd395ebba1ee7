package vector

import (
	"errors"
	"image"
	"image/color"
	"math"

	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/vg"
)

// Doc is what a document says about its figure, besides the drawing.
type Doc struct {
	Title   string // the figure's title, as plain text
	Subject string // the alt text: one sentence describing the figure
	Lang    string // the language of the texts, e.g. "ko"
}

// style is the drawing state a vg.Canvas keeps between Push and Pop.
type style struct {
	col     color.NRGBA
	width   fixed
	dashes  []fixed
	dashOff fixed
}

// nrgba returns c with its colour apart from its alpha. A color.NRGBA is
// taken as it is; any other colour is converted from its pre-multiplied
// components.
func nrgba(c color.Color) color.NRGBA {
	if c == nil {
		return color.NRGBA{A: 0xff}
	}
	if n, ok := c.(color.NRGBA); ok {
		return n
	}
	return color.NRGBAModel.Convert(c).(color.NRGBA)
}

// base holds what both canvases share: the size, the state stack and the
// first error of the drawing.
type base struct {
	w, h  vg.Length
	doc   Doc
	stack []style
	err   error
}

func (b *base) init(w, h vg.Length, doc Doc) {
	b.w, b.h, b.doc = w, h, doc
	b.stack = []style{{col: color.NRGBA{A: 0xff}, width: grid}}
}

func (b *base) top() *style { return &b.stack[len(b.stack)-1] }

// Size returns the canvas size.
func (b *base) Size() (w, h vg.Length) { return b.w, b.h }

// SetLineWidth sets the width of strokes.
func (b *base) SetLineWidth(w vg.Length) { b.top().width = quant(float64(w)) }

// SetLineDash sets the dash pattern of strokes.
func (b *base) SetLineDash(dashes []vg.Length, offs vg.Length) {
	d := make([]fixed, len(dashes))
	for i, l := range dashes {
		d[i] = quant(float64(l))
	}
	b.top().dashes, b.top().dashOff = d, quant(float64(offs))
}

// SetColor sets the colour of fills and strokes.
func (b *base) SetColor(c color.Color) { b.top().col = nrgba(c) }

func (b *base) push() {
	s := *b.top()
	s.dashes = append([]fixed(nil), s.dashes...)
	b.stack = append(b.stack, s)
}

// pop reports whether there was a Push to undo.
func (b *base) pop() bool {
	if len(b.stack) == 1 {
		b.fail(errors.New("vector: Pop without Push"))
		return false
	}
	b.stack = b.stack[:len(b.stack)-1]
	return true
}

func (b *base) fail(err error) {
	if b.err == nil {
		b.err = err
	}
}

// FillString is not supported: figgen draws glyphs as outlines.
func (b *base) FillString(f font.Face, pt vg.Point, text string) {
	b.fail(errors.New("vector: FillString: text must be drawn as outlines"))
}

// DrawImage is not supported.
func (b *base) DrawImage(rect vg.Rectangle, img image.Image) {
	b.fail(errors.New("vector: DrawImage is not supported"))
}

// degrees returns the rotation rad in 1/10000 degree.
func degrees(rad float64) int64 {
	if rad != rad || math.IsInf(rad, 0) {
		return 0
	}
	d := math.Mod(float64(rad*180)/math.Pi, 360)
	return int64(math.Round(float64(d * 1e4)))
}

// scale returns a scale factor in 1/10000.
func scale(v float64) int64 {
	if v != v {
		return 0
	}
	return int64(math.Round(float64(math.Max(-1e6, math.Min(1e6, v)) * 1e4)))
}

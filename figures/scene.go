package figures

import (
	"image/color"

	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"github.com/figgen/figgen/diagram"
)

// Schematic figures (unit, signal, neuron-cell, diagram) are drawn as a
// diagram.Scene whose unit is one point of a default 800×500 figure: the
// scene below the title is sceneW×sceneH and is fitted into whatever is
// left of the canvas, so text and lines keep their proportions.
const (
	sceneW = 580
	sceneH = 330
)

// sceneFont returns a text style of size pt in scene units.
func (e *env) sceneFont(pt float64, bold bool) text.Style {
	s := e.font(pt, bold)
	s.Font.Size = vg.Length(pt)
	return s
}

// scenePen returns a pen of width w in the colour col.
func scenePen(w float64, col color.Color) diagram.Pen {
	return diagram.Pen{Color: col, Width: w}
}

// drawScene returns the drawing of a schematic figure: the title in bold
// at the top (as the plots have it), the scene fitted below.
func (e *env) drawScene(title string, s *diagram.Scene) func(c draw.Canvas) {
	return func(c draw.Canvas) {
		most := diagram.Fit(e.inset(c), s.W, s.H) // with no title
		f := s.DrawOn(e.titled(c, title))
		e.plotArea(vg.Rectangle{Min: f.P(diagram.Pt(0, 0)), Max: f.P(diagram.Pt(s.W, s.H))},
			most.P(diagram.Pt(s.W, s.H)).Sub(most.P(diagram.Pt(0, 0))))
	}
}

// sceneFit fits src to room scene units as fit does, in the scene font sty.
func (e *env) sceneFit(src string, sty text.Style, room float64) (string, text.Style) {
	return e.fit(src, sty, vg.Length(room), e.scenePx())
}

// scenePx estimates the pixels per scene unit of the figure: the scene
// fitted below a one-line title.
func (e *env) scenePx() float64 {
	m := float64(e.len(12))
	w := float64(pixels(e.f.Width)) - 2*m
	h := float64(pixels(e.f.Height)) - 2*m - float64(e.len(6))
	if e.f.Title.Src != "" {
		h -= float64(e.len(titleSize*1.2 + 8))
	}
	return toPx(vg.Length(max(0, min(w/sceneW, h/sceneH))))
}

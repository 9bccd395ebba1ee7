package typeset

import (
	"image"
	"image/color"
	"testing"

	plotfont "gonum.org/v1/plot/font"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"
)

// renderLines draws each string on its own row of a white canvas, over a
// faint line at the anchor point, and returns the decoded PNG.
func renderLines(t testing.TB, e *Engine, lines []string, fnt plotfont.Font) image.Image {
	t.Helper()
	h := e.Handler()
	size := fnt.Size
	sty := text.Style{Color: color.Black, Font: fnt, Handler: h}
	row := size * 2.6
	w := 36 * size
	ht := row*vg.Length(len(lines)) + size
	img := vgimg.NewWith(vgimg.UseWH(w, ht), vgimg.UseDPI(96), vgimg.UseBackgroundColor(color.White))
	dc := draw.New(img)
	for i, s := range lines {
		y := ht - row*vg.Length(i+1)
		dc.SetColor(color.RGBA{R: 200, G: 220, B: 255, A: 255})
		dc.SetLineWidth(0.5)
		var p vg.Path
		p.Move(vg.Point{X: 4, Y: y})
		p.Line(vg.Point{X: w - 4, Y: y})
		dc.Stroke(p)
		dc.FillText(sty, vg.Point{X: 8, Y: y}, s)
	}
	return encodeDecode(t, img)
}

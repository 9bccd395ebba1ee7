package figures

import (
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"github.com/figgen/figgen/spec"
)

// buildSpecimen sets each line of rich text on its own row: a proof sheet
// of the typesetter.
func buildSpecimen(e *env, f *spec.Figure) (func(c draw.Canvas), error) {
	lines := f.Specimen.Lines
	body := e.font(labelSize+2, false)
	body.YAlign = text.YTop
	return func(c draw.Canvas) {
		c = e.titled(c, f.Title.Src)
		y := c.Max.Y
		if f.Title.Src != "" {
			y -= e.len(6)
		}
		for _, l := range lines {
			c.FillText(body, vg.Point{X: c.Min.X + e.len(10), Y: y}, l.Src)
			y -= body.Height(l.Src) + e.len(10)
		}
	}, nil
}

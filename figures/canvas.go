package figures

import (
	"bytes"
	"fmt"
	"image/color"
	"image/png"

	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"

	"github.com/figgen/figgen/internal/vector"
	"github.com/figgen/figgen/spec"
	"github.com/figgen/figgen/typeset"
)

// pixelDPI is the resolution at which a spec's pixel sizes are laid out:
// a figure of width 800 is 800 px in PNG and 600 pt in SVG and PDF.
const pixelDPI = 96

func pixels(n int) vg.Length { return vg.Length(n) * vg.Inch / pixelDPI }

// renderFormat draws a figure on a fresh canvas of the format and returns
// the encoded bytes.
func renderFormat(format string, f *spec.Figure, drawFig func(c draw.Canvas)) ([]byte, error) {
	w, h := pixels(f.Width), pixels(f.Height)
	var buf bytes.Buffer
	switch format {
	case "png":
		c := vgimg.NewWith(vgimg.UseWH(w, h), vgimg.UseDPI(pixelDPI), vgimg.UseBackgroundColor(color.White))
		drawFig(draw.New(c))
		enc := png.Encoder{CompressionLevel: png.BestSpeed}
		if err := enc.Encode(&buf, c.Image()); err != nil {
			return nil, err
		}
	case "svg", "pdf":
		// figgen's own SVG and PDF writers: coordinates on a grid of
		// 1/100 pt and arcs as Béziers, so every machine writes the same
		// bytes; colours with their alpha apart, as viewers expect.
		var c interface {
			vg.CanvasWriterTo
			vg.Canvas
		}
		if format == "svg" {
			c = vector.NewSVG(w, h, docOf(f))
		} else {
			c = vector.NewPDF(w, h, docOf(f))
		}
		paintBackground(c, w, h)
		drawFig(draw.New(c))
		if _, err := c.WriteTo(&buf); err != nil {
			return nil, err
		}
	default:
		return nil, fmt.Errorf("unknown format %q", format)
	}
	return buf.Bytes(), nil
}

func paintBackground(c vg.Canvas, w, h vg.Length) {
	c.SetColor(color.White)
	c.Fill(rectPath(vg.Rectangle{Max: vg.Point{X: w, Y: h}}))
}

func rectPath(r vg.Rectangle) vg.Path {
	var p vg.Path
	p.Move(r.Min)
	p.Line(vg.Point{X: r.Max.X, Y: r.Min.Y})
	p.Line(r.Max)
	p.Line(vg.Point{X: r.Min.X, Y: r.Max.Y})
	p.Close()
	return p
}

// lang is the language of every figure's texts: figgen draws the figures
// of a Korean post.
const lang = "ko"

// docOf returns what the SVG and PDF say about f: its visible title as
// plain text (the alt text when it has none, its name when it has neither),
// its alt text and its language.
func docOf(f *spec.Figure) vector.Doc {
	title := typeset.Plain(f.Title.Src)
	if title == "" {
		title = f.Alt
	}
	if title == "" {
		title = f.Name
	}
	return vector.Doc{Title: title, Subject: f.Alt, Lang: lang}
}

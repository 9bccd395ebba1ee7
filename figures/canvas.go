package figures

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	imgdraw "image/draw"

	"git.sr.ht/~sbinet/gg"

	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"

	"github.com/figgen/figgen/internal/freelist"
	"github.com/figgen/figgen/internal/pngenc"
	"github.com/figgen/figgen/internal/vector"
	"github.com/figgen/figgen/spec"
	"github.com/figgen/figgen/typeset"
)

// pixelDPI is the resolution at which a spec's pixel sizes are laid out:
// a figure of width 800 is 800 px in PNG and 600 pt in SVG and PDF.
const pixelDPI = 96

func pixels(n int) vg.Length { return vg.Length(n) * vg.Inch / pixelDPI }

// renderFormat draws a figure, drawn by drawFig in the colours of th, on
// a fresh canvas of the format and returns the encoded bytes. A PNG has
// scale × the figure's pixels: the same drawing at scale × the
// resolution, so its layout and the size of its text are the figure's.
func (p *pools) renderFormat(format string, f *spec.Figure, drawFig func(c draw.Canvas), th *theme, scale int) ([]byte, error) {
	w, h := pixels(f.Width), pixels(f.Height)
	var buf bytes.Buffer
	switch format {
	case "png":
		return p.encodePNG(f, p.drawPNG(f, drawFig, th, scale))
	case "svg", "pdf":
		// figgen's own SVG and PDF writers: coordinates on a grid of
		// 1/100 pt and arcs as Béziers, so every machine writes the same
		// bytes; colours with their alpha apart, as viewers expect.
		var c interface {
			vg.CanvasWriterTo
			vg.Canvas
		}
		if format == "svg" {
			s := vector.NewSVG(w, h, docOf(f))
			s.ShareGlyphs(&p.glyphs)
			c = s
		} else {
			c = vector.NewPDF(w, h, docOf(f))
		}
		paintBackground(c, w, h, th.bg)
		drawFig(draw.New(c))
		if _, err := c.WriteTo(&buf); err != nil {
			return nil, err
		}
	default:
		return nil, fmt.Errorf("unknown format %q", format)
	}
	return buf.Bytes(), nil
}

// drawPNG draws a figure, drawn by drawFig in the colours of th, in an
// image of the pool of scale × the figure's pixels (see renderFormat).
func (p *pools) drawPNG(f *spec.Figure, drawFig func(c draw.Canvas), th *theme, scale int) *image.RGBA {
	img := p.image(f.Width*scale, f.Height*scale)
	// Drawn straight into img: vgimg's own context would copy it.
	// What vgimg sets on a context of its own is set here: butt caps
	// and y up. The canvas paints a white background over img; another
	// page is painted over it.
	ctx := gg.NewContextForRGBA(img)
	ctx.SetLineCapButt()
	ctx.InvertY()
	c := vgimg.NewWith(vgimg.UseImageWithContext(img, ctx), vgimg.UseDPI(pixelDPI*scale))
	if th != lightTheme {
		imgdraw.Draw(img, img.Bounds(), image.NewUniform(th.bg), image.Point{}, imgdraw.Src)
	}
	drawFig(draw.New(c))
	return img
}

// encodePNG returns the PNG of img, the image drawPNG drew of f, and
// gives img back to the pool.
func (p *pools) encodePNG(f *spec.Figure, img *image.RGBA) ([]byte, error) {
	defer p.images.Put(img)
	var buf bytes.Buffer
	doc := docOf(f)
	if err := p.png.EncodeTextOver(&buf, img, pngenc.Text{Key: "Title", Value: doc.Title, Lang: doc.Lang}, pngenc.Text{Key: "Description", Value: doc.Subject, Lang: doc.Lang}); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// renderAuto returns the SVG that follows the reader's page: the light
// drawing, whose every colour is a CSS custom property switched to the
// colour of the same fill or stroke of the dark drawing when the reader's
// page is dark (prefers-color-scheme). The two drawings differ only in
// their colours: the layout does not depend on them.
func (p *pools) renderAuto(f *spec.Figure, light, dark func(c draw.Canvas)) ([]byte, error) {
	w, h := pixels(f.Width), pixels(f.Height)
	d := vector.NewSVG(w, h, docOf(f))
	d.ShareGlyphs(&p.glyphs)
	d.Record()
	paintBackground(d, w, h, darkTheme.bg)
	dark(draw.New(d))
	c := vector.NewSVG(w, h, docOf(f))
	c.ShareGlyphs(&p.glyphs)
	c.Follow(d.Paints())
	paintBackground(c, w, h, lightTheme.bg)
	light(draw.New(c))
	var buf bytes.Buffer
	if _, err := c.WriteTo(&buf); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// pools holds what a Renderer reuses from one figure to the next, safe
// for concurrent use: the images figures were drawn in, the encoder's
// buffers and zlib writers, and the SVGs' glyph outlines.
type pools struct {
	images freelist.List[*image.RGBA]
	png    pngenc.Encoder
	glyphs vector.Glyphs
}

// image returns an image of w×h pixels, from the pool when one there is
// large enough; its pixels are whatever they were.
func (p *pools) image(w, h int) *image.RGBA {
	if img, ok := p.images.Get(); ok && cap(img.Pix) >= 4*w*h {
		return &image.RGBA{Pix: img.Pix[:4*w*h], Stride: 4 * w, Rect: image.Rect(0, 0, w, h)}
	}
	return image.NewRGBA(image.Rect(0, 0, w, h))
}

func paintBackground(c vg.Canvas, w, h vg.Length, bg color.Color) {
	c.SetColor(bg)
	c.Fill(rectPath(vg.Rectangle{Max: vg.Point{X: w, Y: h}}))
}

func rectPath(r vg.Rectangle) vg.Path { return appendRect(make(vg.Path, 0, 5), r) }

// appendRect appends the components of rectPath(r) to p.
func appendRect(p vg.Path, r vg.Rectangle) vg.Path {
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

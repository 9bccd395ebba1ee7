package figures

import (
	"bytes"
	"fmt"
	"html"
	"image/color"
	"image/png"

	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"
	"gonum.org/v1/plot/vg/vgpdf"
	"gonum.org/v1/plot/vg/vgsvg"

	"github.com/figgen/figgen/spec"
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
	case "svg":
		c := vgsvg.New(w, h)
		paintBackground(c, w, h)
		drawFig(draw.New(c))
		if _, err := c.WriteTo(&buf); err != nil {
			return nil, err
		}
		return svgWithAlt(buf.Bytes(), f), nil
	case "pdf":
		c := vgpdf.New(w, h)
		c.EmbedFonts(false) // text is drawn as outlines: no font is used
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

// svgWithAlt puts the figure's title and alt text into the SVG as <title>
// and <desc>, right after the opening <svg> tag, so screen readers and
// search engines reach them.
func svgWithAlt(svg []byte, f *spec.Figure) []byte {
	i := bytes.Index(svg, []byte("<svg"))
	if i < 0 {
		return svg
	}
	j := bytes.IndexByte(svg[i:], '>')
	if j < 0 {
		return svg
	}
	at := i + j + 1
	var b bytes.Buffer
	// The figure is one image to assistive technology, named by its title
	// and described by its alt text.
	b.Write(svg[:at-1])
	b.WriteString(` role="img" aria-labelledby="figgen-title"`)
	if f.Alt != "" {
		b.WriteString(` aria-describedby="figgen-desc"`)
	}
	b.WriteString(">")
	fmt.Fprintf(&b, "\n<title id=\"figgen-title\">%s</title>", html.EscapeString(f.Name))
	if f.Alt != "" {
		fmt.Fprintf(&b, "\n<desc id=\"figgen-desc\">%s</desc>", html.EscapeString(f.Alt))
	}
	b.Write(svg[at:])
	return b.Bytes()
}

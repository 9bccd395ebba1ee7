package vector

import (
	"bytes"
	"fmt"
	"html"
	"io"
	"strings"

	"gonum.org/v1/plot/vg"
)

// SVG is a vg.Canvas that writes an SVG document in points, its origin at
// the bottom left like every vg.Canvas.
type SVG struct {
	base
	body  bytes.Buffer
	gEnds []int // the groups each level of Push opened
}

// NewSVG returns an SVG canvas of size w×h.
func NewSVG(w, h vg.Length, doc Doc) *SVG {
	c := &SVG{gEnds: []int{0}}
	c.init(w, h, doc)
	return c
}

// Push saves the drawing state.
func (c *SVG) Push() {
	c.push()
	c.gEnds = append(c.gEnds, 0)
}

// Pop restores the drawing state saved by the matching Push.
func (c *SVG) Pop() {
	if !c.pop() {
		return
	}
	n := c.gEnds[len(c.gEnds)-1]
	c.gEnds = c.gEnds[:len(c.gEnds)-1]
	c.body.WriteString(strings.Repeat("</g>\n", n))
}

func (c *SVG) group(transform string) {
	fmt.Fprintf(&c.body, "<g transform=\"%s\">\n", transform)
	c.gEnds[len(c.gEnds)-1]++
}

// Rotate rotates the coordinates by rad, counter-clockwise.
func (c *SVG) Rotate(rad float64) { c.group("rotate(" + decimal(degrees(rad), 4) + ")") }

// Translate moves the origin to p.
func (c *SVG) Translate(p vg.Point) {
	q := qpoint(p)
	c.group("translate(" + q.x.String() + "," + q.y.String() + ")")
}

// Scale scales the coordinates.
func (c *SVG) Scale(x, y float64) {
	c.group("scale(" + decimal(scale(x), 4) + "," + decimal(scale(y), 4) + ")")
}

// Stroke strokes path with the current colour, width and dashes, with
// round joins as gonum's raster canvas draws them.
func (c *SVG) Stroke(path vg.Path) {
	s := c.top()
	if s.width <= 0 || s.col.A == 0 {
		return
	}
	d := svgPath(path)
	if d == "" {
		return
	}
	fmt.Fprintf(&c.body, `<path d="%s" fill="none" stroke="%s"`, d, hexColour(s))
	if s.col.A != 0xff {
		fmt.Fprintf(&c.body, ` stroke-opacity="%s"`, opacity(s.col.A))
	}
	if s.width != grid {
		fmt.Fprintf(&c.body, ` stroke-width="%s"`, s.width)
	}
	c.body.WriteString(` stroke-linejoin="round"`)
	if len(s.dashes) > 0 {
		ds := make([]string, len(s.dashes))
		for i, d := range s.dashes {
			ds[i] = d.String()
		}
		fmt.Fprintf(&c.body, ` stroke-dasharray="%s"`, strings.Join(ds, ","))
		if s.dashOff != 0 {
			fmt.Fprintf(&c.body, ` stroke-dashoffset="%s"`, s.dashOff)
		}
	}
	c.body.WriteString("/>\n")
}

// Fill fills path with the current colour (non-zero winding).
func (c *SVG) Fill(path vg.Path) {
	s := c.top()
	if s.col.A == 0 {
		return
	}
	d := svgPath(path)
	if d == "" {
		return
	}
	fmt.Fprintf(&c.body, `<path d="%s" fill="%s"`, d, hexColour(s))
	if s.col.A != 0xff {
		fmt.Fprintf(&c.body, ` fill-opacity="%s"`, opacity(s.col.A))
	}
	c.body.WriteString("/>\n")
}

func hexColour(s *style) string {
	return fmt.Sprintf("#%02x%02x%02x", s.col.R, s.col.G, s.col.B)
}

// opacity writes an 8-bit alpha as a fraction with three decimals.
func opacity(a uint8) string {
	return decimal((int64(a)*2000+255)/510, 3)
}

// svgPath returns the path data of path.
func svgPath(path vg.Path) string {
	var b strings.Builder
	for _, s := range segments(path) {
		b.WriteByte(s.op)
		n := 0
		switch s.op {
		case 'M', 'L':
			n = 1
		case 'Q':
			n = 2
		case 'C':
			n = 3
		}
		for i := range n {
			if i > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(s.p[i].x.String())
			b.WriteByte(',')
			b.WriteString(s.p[i].y.String())
		}
	}
	return b.String()
}

// WriteTo writes the SVG document: the root element names the figure for
// assistive technology (role img, <title> and <desc>) and its language.
func (c *SVG) WriteTo(w io.Writer) (int64, error) {
	if c.err != nil {
		return 0, c.err
	}
	var b bytes.Buffer
	wq, hq := quant(float64(c.w)), quant(float64(c.h))
	b.WriteString("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" width="%spt" height="%spt" viewBox="0 0 %s %s"`, wq, hq, wq, hq)
	if c.doc.Lang != "" {
		fmt.Fprintf(&b, ` lang="%s" xml:lang="%s"`, attr(c.doc.Lang), attr(c.doc.Lang))
	}
	b.WriteString(` role="img"`)
	if c.doc.Title != "" {
		b.WriteString(` aria-labelledby="figgen-title"`)
	}
	if c.doc.Subject != "" && c.doc.Subject != c.doc.Title {
		b.WriteString(` aria-describedby="figgen-desc"`)
	}
	b.WriteString(">\n")
	if c.doc.Title != "" {
		fmt.Fprintf(&b, "<title id=\"figgen-title\">%s</title>\n", html.EscapeString(c.doc.Title))
	}
	if c.doc.Subject != "" && c.doc.Subject != c.doc.Title {
		fmt.Fprintf(&b, "<desc id=\"figgen-desc\">%s</desc>\n", html.EscapeString(c.doc.Subject))
	}
	// Turn the y axis up, as a vg.Canvas has it.
	fmt.Fprintf(&b, "<g transform=\"matrix(1,0,0,-1,0,%s)\">\n", hq)
	b.Write(c.body.Bytes())
	for _, n := range c.gEnds {
		b.WriteString(strings.Repeat("</g>\n", n))
	}
	b.WriteString("</g>\n</svg>\n")
	n, err := w.Write(b.Bytes())
	return int64(n), err
}

func attr(s string) string { return html.EscapeString(s) }

package vector

import (
	"bytes"
	"errors"
	"fmt"
	"hash/fnv"
	"html"
	"image/color"
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

	// An SVG that follows the reader's page (Record, Follow).
	record bool
	paints []color.NRGBA          // recorded: the colour of each paint
	dark   []color.NRGBA          // followed: the dark drawing's paints
	next   int                    // the paint being written
	vars   map[[2]color.NRGBA]int // (light, dark) → custom property number
	pairs  [][2]color.NRGBA       // by number
}

// Record makes c keep the colour of every fill and stroke it is asked
// for, in order (Paints), to be followed by another drawing (Follow).
func (c *SVG) Record() { c.record = true }

// Paints returns the colours Record kept.
func (c *SVG) Paints() []color.NRGBA { return c.paints }

// Follow makes c an SVG that follows the reader's page: c draws the light
// drawing and dark is Paints of the same drawing in dark colours (the
// same fills and strokes, in the same order, but their colours). Each
// fill and stroke is then written with a CSS custom property whose value
// is its light colour, switched to its dark one by a
// prefers-color-scheme: dark media query. WriteTo fails when the two
// drawings have not the same number of fills and strokes.
func (c *SVG) Follow(dark []color.NRGBA) {
	c.dark, c.vars = dark, map[[2]color.NRGBA]int{}
}

// paint returns how to write the colour col of a fill or stroke: its
// value, its opacity ("" for opaque) and whether to draw it at all.
func (c *SVG) paint(col color.NRGBA) (value, opac string, ok bool) {
	if c.record {
		c.paints = append(c.paints, col)
	}
	if c.vars == nil {
		if col.A == 0 {
			return "", "", false
		}
		if col.A != 0xff {
			opac = opacity(col.A)
		}
		return fmt.Sprintf("#%02x%02x%02x", col.R, col.G, col.B), opac, true
	}
	if c.next >= len(c.dark) {
		c.fail(errors.New("vector: the dark drawing has fewer fills and strokes than the light one"))
		return "", "", false
	}
	p := [2]color.NRGBA{col, c.dark[c.next]}
	c.next++
	if p[0].A == 0 && p[1].A == 0 {
		return "", "", false
	}
	n, seen := c.vars[p]
	if !seen {
		n = len(c.pairs)
		c.vars[p] = n
		c.pairs = append(c.pairs, p)
	}
	return fmt.Sprintf("var(--c%d)", n), "", true
}

// cssColour writes col as #rrggbb, or #rrggbbaa when it is not opaque.
func cssColour(col color.NRGBA) string {
	if col.A == 0xff {
		return fmt.Sprintf("#%02x%02x%02x", col.R, col.G, col.B)
	}
	return fmt.Sprintf("#%02x%02x%02x%02x", col.R, col.G, col.B, col.A)
}

// themeStyle returns the class of the root element of an SVG that follows
// the reader's page, and its style sheet: each custom property's light
// colour, and its dark one under prefers-color-scheme: dark. The class is
// a hash of the colours, so that several such figures inlined in one page
// keep their own.
func (c *SVG) themeStyle() (class, css string) {
	var light, dark strings.Builder
	for i, p := range c.pairs {
		if i > 0 {
			light.WriteByte(';')
			dark.WriteByte(';')
		}
		fmt.Fprintf(&light, "--c%d:%s", i, cssColour(p[0]))
		fmt.Fprintf(&dark, "--c%d:%s", i, cssColour(p[1]))
	}
	h := fnv.New32a()
	h.Write([]byte(light.String() + "|" + dark.String()))
	class = fmt.Sprintf("figgen-%08x", h.Sum32())
	css = fmt.Sprintf("<style>\n.%s{%s}\n@media (prefers-color-scheme: dark){.%s{%s}}\n</style>\n", class, light.String(), class, dark.String())
	return class, css
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
	if s.width <= 0 {
		return
	}
	d := svgPath(path)
	if d == "" {
		return
	}
	col, opac, ok := c.paint(s.col)
	if !ok {
		return
	}
	if c.vars != nil {
		fmt.Fprintf(&c.body, `<path d="%s" fill="none" style="stroke:%s"`, d, col)
	} else {
		fmt.Fprintf(&c.body, `<path d="%s" fill="none" stroke="%s"`, d, col)
	}
	if opac != "" {
		fmt.Fprintf(&c.body, ` stroke-opacity="%s"`, opac)
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
	d := svgPath(path)
	if d == "" {
		return
	}
	col, opac, ok := c.paint(s.col)
	if !ok {
		return
	}
	if c.vars != nil {
		fmt.Fprintf(&c.body, `<path d="%s" style="fill:%s"`, d, col)
	} else {
		fmt.Fprintf(&c.body, `<path d="%s" fill="%s"`, d, col)
	}
	if opac != "" {
		fmt.Fprintf(&c.body, ` fill-opacity="%s"`, opac)
	}
	c.body.WriteString("/>\n")
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
	if c.err == nil && c.vars != nil && c.next != len(c.dark) {
		c.fail(errors.New("vector: the dark drawing has more fills and strokes than the light one"))
	}
	if c.err != nil {
		return 0, c.err
	}
	var class, css string
	if c.vars != nil {
		class, css = c.themeStyle()
	}
	var b bytes.Buffer
	wq, hq := quant(float64(c.w)), quant(float64(c.h))
	b.WriteString("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" width="%spt" height="%spt" viewBox="0 0 %s %s"`, wq, hq, wq, hq)
	if c.doc.Lang != "" {
		fmt.Fprintf(&b, ` lang="%s" xml:lang="%s"`, attr(c.doc.Lang), attr(c.doc.Lang))
	}
	if class != "" {
		fmt.Fprintf(&b, ` class="%s"`, class)
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
	b.WriteString(css)
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

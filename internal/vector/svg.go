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
	pd    pathData
	segs  []seg // scratch: the segments of the path being written

	// Glyphs: each distinct outline once in <defs>, placed with <use>.
	glyphs map[any]string    // FillGlyph's key → the id of its outline ("": empty)
	byData map[string]string // path data → id
	ids    map[string]bool   // the ids given
	shared *Glyphs           // outlines' path data kept across SVGs, or nil
	data   []byte            // scratch: an outline's path data
	defs   bytes.Buffer
	run    string // the paint of the open group of <use>s ("": none open)

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
	c.endRun()
	n := c.gEnds[len(c.gEnds)-1]
	c.gEnds = c.gEnds[:len(c.gEnds)-1]
	c.body.WriteString(strings.Repeat("</g>\n", n))
}

func (c *SVG) group(transform string) {
	c.endRun()
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
	c.segs = appendSegments(c.segs[:0], path)
	segs := c.segs
	if len(segs) == 0 {
		return
	}
	col, opac, ok := c.paint(s.col)
	if !ok {
		return
	}
	c.writePath(segs)
	if c.vars != nil {
		c.body.WriteString(`" fill="none" style="stroke:`)
	} else {
		c.body.WriteString(`" fill="none" stroke="`)
	}
	c.body.WriteString(col)
	c.body.WriteByte('"')
	if opac != "" {
		fmt.Fprintf(&c.body, ` stroke-opacity="%s"`, opac)
	}
	if s.width != grid {
		fmt.Fprintf(&c.body, ` stroke-width="%s"`, s.width)
	}
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
	c.segs = appendSegments(c.segs[:0], path)
	segs := c.segs
	if len(segs) == 0 {
		return
	}
	col, opac, ok := c.paint(s.col)
	if !ok {
		return
	}
	c.writePath(segs)
	if c.vars != nil {
		c.body.WriteString(`" style="fill:`)
	} else {
		c.body.WriteString(`" fill="`)
	}
	c.body.WriteString(col)
	c.body.WriteByte('"')
	if opac != "" {
		fmt.Fprintf(&c.body, ` fill-opacity="%s"`, opac)
	}
	c.body.WriteString("/>\n")
}

// opacity writes an 8-bit alpha as a fraction with three decimals.
func opacity(a uint8) string {
	return decimal((int64(a)*2000+255)/510, 3)
}

// writePath starts a <path> element with the data of segs, up to the
// closing quote of its d attribute.
func (c *SVG) writePath(segs []seg) {
	c.endRun()
	c.body.WriteString(`<path d="`)
	c.body.Write(appendPathData(&c.pd, c.body.AvailableBuffer(), segs))
}

// svgPath returns the path data of path.
func svgPath(path vg.Path) string {
	var w pathData
	return string(appendPathData(&w, nil, segments(path)))
}

// ShareGlyphs makes c take and keep the path data of glyph outlines in
// g, which other SVGs share: each outline is built once for all of them.
// The bytes written are the same with or without.
func (c *SVG) ShareGlyphs(g *Glyphs) { c.shared = g }

// FillGlyph fills a glyph's outline with the current colour, its origin
// at at. Each distinct outline is written once, in <defs>, and placed by
// a <use> wherever it is drawn, taking the fill of its place (the
// outline has none), so that a figure that follows the reader's page
// colours its texts as its other fills. key names the outline and must be
// comparable: equal keys stand for equal outlines. outline returns it
// with its origin at 0, 0; FillGlyph calls it only for a key it has not
// seen.
//
// A <use> names its outline with xlink:href, not SVG 2's plain href:
// every browser and tool reads xlink:href (SVG 2 keeps it for
// compatibility), while plain href is lost on Inkscape before 1.3 and
// Safari before 12.1; writing both would cost bytes on every glyph.
//
// A run of glyphs of one colour is one group that gives them their fill.
// An outline's id is a hash of its path data, so that figures inlined in
// one page share the ids of equal outlines and keep apart the others.
func (c *SVG) FillGlyph(key any, at vg.Point, outline func() vg.Path) {
	id, seen := c.glyphs[key]
	if !seen {
		id = c.define(key, outline)
		if c.glyphs == nil {
			c.glyphs = map[any]string{}
		}
		c.glyphs[key] = id
	}
	if id == "" {
		return
	}
	col, opac, ok := c.paint(c.top().col)
	if !ok {
		return
	}
	var run string
	if c.vars != nil {
		run = `style="fill:` + col + `"`
	} else {
		run = `fill="` + col + `"`
	}
	if opac != "" {
		run += ` fill-opacity="` + opac + `"`
	}
	if run != c.run {
		c.endRun()
		c.body.WriteString("<g " + run + ">\n")
		c.run = run
	}
	q := qpoint(at)
	c.body.WriteString(`<use xlink:href="#`)
	c.body.WriteString(id)
	c.body.WriteByte('"')
	if q.x != 0 {
		c.body.WriteString(` x="` + q.x.String() + `"`)
	}
	if q.y != 0 {
		c.body.WriteString(` y="` + q.y.String() + `"`)
	}
	c.body.WriteString("/>\n")
}

// endRun closes the open group of glyphs, if any.
func (c *SVG) endRun() {
	if c.run != "" {
		c.body.WriteString("</g>\n")
		c.run = ""
	}
}

// define writes the outline of key into <defs> unless an equal one is
// there and returns its id, "" for an outline that draws nothing. The
// outline's path data comes from the shared Glyphs when they have it.
func (c *SVG) define(key any, outline func() vg.Path) string {
	d, ok := c.shared.get(key)
	if !ok {
		c.segs = appendSegments(c.segs[:0], outline())
		if len(c.segs) > 0 {
			c.data = appendPathData(&c.pd, c.data[:0], c.segs)
			d = string(c.data)
		}
		c.shared.put(key, d)
	}
	if d == "" {
		return ""
	}
	if id, ok := c.byData[d]; ok {
		return id
	}
	if c.byData == nil {
		c.byData, c.ids = map[string]string{}, map[string]bool{}
	}
	id := glyphID(d, c.ids)
	c.byData[d], c.ids[id] = id, true
	c.defs.WriteString(`<path id="` + id + `" d="` + d + "\"/>\n")
	return id
}

// glyphID returns an id for the path data d: a letter and five base-36
// digits of its FNV-1a hash, of a salted hash when another outline of the
// figure has that id already.
func glyphID(d string, used map[string]bool) string {
	for salt := byte(0); ; salt++ {
		h := fnv.New64a()
		h.Write([]byte(d))
		if salt > 0 {
			h.Write([]byte{0, salt})
		}
		v := h.Sum64()
		id := make([]byte, 6)
		id[0] = 'a' + byte(v%26)
		v /= 26
		for i := 1; i < len(id); i++ {
			id[i] = "0123456789abcdefghijklmnopqrstuvwxyz"[v%36]
			v /= 36
		}
		if !used[string(id)] {
			return string(id)
		}
	}
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
	c.endRun()
	var b bytes.Buffer
	ends := 0
	for _, n := range c.gEnds {
		ends += n
	}
	// The whole document in one allocation: the head (escaped texts at
	// most 6 bytes a byte), the style, the definitions and the body.
	b.Grow(1024 + 6*(len(c.doc.Title)+len(c.doc.Subject)+2*len(c.doc.Lang)) + len(class) + len(css) + c.defs.Len() + c.body.Len() + 5*ends)
	wq, hq := quant(float64(c.w)), quant(float64(c.h))
	b.WriteString("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" width="%spt" height="%spt" viewBox="0 0 %s %s"`, wq, hq, wq, hq)
	if c.defs.Len() > 0 {
		b.WriteString(` xmlns:xlink="http://www.w3.org/1999/xlink"`)
	}
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
	if c.defs.Len() > 0 {
		b.WriteString("<defs>\n")
		b.Write(c.defs.Bytes())
		b.WriteString("</defs>\n")
	}
	// Turn the y axis up, as a vg.Canvas has it; every stroke inherits
	// its round joins.
	fmt.Fprintf(&b, "<g transform=\"matrix(1,0,0,-1,0,%s)\" stroke-linejoin=\"round\">\n", hq)
	b.Write(c.body.Bytes())
	for _, n := range c.gEnds {
		b.WriteString(strings.Repeat("</g>\n", n))
	}
	b.WriteString("</g>\n</svg>\n")
	n, err := w.Write(b.Bytes())
	return int64(n), err
}

func attr(s string) string { return html.EscapeString(s) }

package vector

import (
	"bytes"
	"fmt"
	"html"
	"io"
	"strconv"
	"strings"

	"gonum.org/v1/plot/vg"
)

// SVG is a vg.Canvas that writes an SVG document in points, its origin at
// the bottom left like every vg.Canvas.
//
// Paths are written with relative commands. A filled shape drawn more than
// once (a glyph, a marker) at other places is written once in <defs>, as
// drawn from its first point, and each drawing is a <use> of it at that
// point, when that is shorter.
type SVG struct {
	base
	body   bytes.Buffer
	gEnds  []int          // the groups each level of Push opened
	fills  []svgFill      // the filled paths, in the order drawn
	shapes map[string]int // path data after the first point → index in data
	data   []shape
}

// svgFill is one filled path, written at WriteTo where body reaches end.
type svgFill struct {
	end   int // offset in body
	shape int
	at    pt     // its first point
	attrs string // fill and fill-opacity
}

// shape is the path data of a filled path after its first point, relative
// to it, and how many fills draw it.
type shape struct {
	rest string
	uses int
	id   int // in <defs> as "g<id>" when positive
}

// NewSVG returns an SVG canvas of size w×h.
func NewSVG(w, h vg.Length, doc Doc) *SVG {
	c := &SVG{gEnds: []int{0}, shapes: map[string]int{}}
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
	segs := segments(path)
	if len(segs) == 0 {
		return
	}
	b := &c.body
	b.WriteString(`<path d="M`)
	var w pathWriter
	w.num(b, segs[0].p[0].x)
	w.num(b, segs[0].p[0].y)
	w.rest(b, segs)
	b.WriteString(`" fill="none" stroke="`)
	b.WriteString(hexColour(s))
	b.WriteByte('"')
	if s.col.A != 0xff {
		fmt.Fprintf(b, ` stroke-opacity="%s"`, opacity(s.col.A))
	}
	if s.width != grid {
		fmt.Fprintf(b, ` stroke-width="%s"`, s.width)
	}
	b.WriteString(` stroke-linejoin="round"`)
	if len(s.dashes) > 0 {
		ds := make([]string, len(s.dashes))
		for i, d := range s.dashes {
			ds[i] = d.String()
		}
		fmt.Fprintf(b, ` stroke-dasharray="%s"`, strings.Join(ds, ","))
		if s.dashOff != 0 {
			fmt.Fprintf(b, ` stroke-dashoffset="%s"`, s.dashOff)
		}
	}
	b.WriteString("/>\n")
}

// Fill fills path with the current colour (non-zero winding). The path is
// taken relative to its first point, so that a shape drawn again elsewhere
// is found again.
func (c *SVG) Fill(path vg.Path) {
	s := c.top()
	if s.col.A == 0 || len(path) == 0 {
		return
	}
	var o vg.Point
	if k := path[0].Type; k == vg.MoveComp || k == vg.LineComp {
		o = path[0].Pos
	}
	segs := segmentsFrom(path, o)
	if len(segs) == 0 {
		return
	}
	var rest bytes.Buffer
	var w pathWriter
	w.rest(&rest, segs)
	i, ok := c.shapes[string(rest.Bytes())]
	if !ok {
		i = len(c.data)
		c.data = append(c.data, shape{rest: rest.String()})
		c.shapes[c.data[i].rest] = i
	}
	c.data[i].uses++
	at := qpoint(o)
	at.x += segs[0].p[0].x
	at.y += segs[0].p[0].y
	attrs := ` fill="` + hexColour(s) + `"`
	if s.col.A != 0xff {
		attrs += ` fill-opacity="` + opacity(s.col.A) + `"`
	}
	c.fills = append(c.fills, svgFill{end: c.body.Len(), shape: i, at: at, attrs: attrs})
}

func hexColour(s *style) string {
	const hex = "0123456789abcdef"
	r, g, b := s.col.R, s.col.G, s.col.B
	return string([]byte{'#', hex[r>>4], hex[r&15], hex[g>>4], hex[g&15], hex[b>>4], hex[b&15]})
}

// opacity writes an 8-bit alpha as a fraction with three decimals.
func opacity(a uint8) string {
	return decimal((int64(a)*2000+255)/510, 3)
}

// svgPath returns the path data of path.
func svgPath(path vg.Path) string {
	segs := segments(path)
	if len(segs) == 0 {
		return ""
	}
	var b bytes.Buffer
	var w pathWriter
	b.WriteByte('M')
	w.num(&b, segs[0].p[0].x)
	w.num(&b, segs[0].p[0].y)
	w.rest(&b, segs)
	return b.String()
}

// pathWriter writes SVG path data compactly: relative commands, h and v
// for level and upright lines, a command letter only when it changes, a
// separator only where the next number could not be told apart without one
// (not before a minus, nor before a decimal point after a number that has
// one: "1.2.4" is 1.2 and .4), and no zero before a decimal point.
type pathWriter struct {
	last byte // the last command written
	sep  bool // a number was written last
	dot  bool // and it had a decimal point: a number starting with one needs no separator
}

// rest writes segs after their first move, each relative to the point
// before it.
func (w *pathWriter) rest(b *bytes.Buffer, segs []seg) {
	w.last, w.sep = 'M', true
	cur := segs[0].p[0]
	start := cur
	for _, s := range segs[1:] {
		switch s.op {
		case 'M':
			w.cmd(b, 'm')
			w.num(b, s.p[0].x-cur.x)
			w.num(b, s.p[0].y-cur.y)
			cur, start = s.p[0], s.p[0]
		case 'L':
			d := pt{s.p[0].x - cur.x, s.p[0].y - cur.y}
			switch {
			case d.y == 0:
				w.cmd(b, 'h')
				w.num(b, d.x)
			case d.x == 0:
				w.cmd(b, 'v')
				w.num(b, d.y)
			default:
				w.cmd(b, 'l')
				w.num(b, d.x)
				w.num(b, d.y)
			}
			cur = s.p[0]
		case 'Q', 'C':
			n := 2
			if s.op == 'C' {
				n = 3
			}
			w.cmd(b, s.op+'a'-'A')
			for _, p := range s.p[:n] {
				w.num(b, p.x-cur.x)
				w.num(b, p.y-cur.y)
			}
			cur = s.p[n-1]
		case 'Z':
			w.last = 0 // a z never repeats implicitly
			w.cmd(b, 'z')
			w.last = 'z'
			cur = start
		}
	}
}

// cmd writes the command letter c unless it repeats the last one (after
// m, the repeated command would be l: m is always written).
func (w *pathWriter) cmd(b *bytes.Buffer, c byte) {
	if c == w.last && c != 'm' && c != 'z' {
		return
	}
	b.WriteByte(c)
	w.last, w.sep = c, false
}

// num writes f in points, as fixed.String but without the zero before a
// decimal point.
func (w *pathWriter) num(b *bytes.Buffer, f fixed) {
	var buf [24]byte
	s := appendFixed(buf[:0], f)
	if w.sep && s[0] != '-' && (s[0] != '.' || !w.dot) {
		b.WriteByte(' ')
	}
	b.Write(s)
	w.sep, w.dot = true, bytes.IndexByte(s, '.') >= 0
}

// appendFixed appends f with at most two decimals, no trailing zeros and
// no zero before the decimal point: 12, 12.5, .05, -.5.
func appendFixed(dst []byte, f fixed) []byte {
	n := int64(f)
	if n < 0 {
		dst = append(dst, '-')
		n = -n
	}
	whole, frac := n/grid, n%grid
	if whole != 0 || frac == 0 {
		dst = strconv.AppendInt(dst, whole, 10)
	}
	if frac != 0 {
		dst = append(dst, '.', byte('0'+frac/10))
		if frac%10 != 0 {
			dst = append(dst, byte('0'+frac%10))
		}
	}
	return dst
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
	c.defs(&b)
	// Turn the y axis up, as a vg.Canvas has it.
	fmt.Fprintf(&b, "<g transform=\"matrix(1,0,0,-1,0,%s)\">\n", hq)
	body := c.body.Bytes()
	from := 0
	for _, f := range c.fills {
		b.Write(body[from:f.end])
		from = f.end
		sh := &c.data[f.shape]
		var w pathWriter
		if sh.id > 0 {
			fmt.Fprintf(&b, `<use href="#g%d" x="%s" y="%s"%s/>`+"\n", sh.id, f.at.x, f.at.y, f.attrs)
			continue
		}
		b.WriteString(`<path d="M`)
		w.num(&b, f.at.x)
		w.num(&b, f.at.y)
		b.WriteString(sh.rest)
		b.WriteString(`"` + f.attrs + "/>\n")
	}
	b.Write(body[from:])
	for _, n := range c.gEnds {
		b.WriteString(strings.Repeat("</g>\n", n))
	}
	b.WriteString("</g>\n</svg>\n")
	n, err := w.Write(b.Bytes())
	return int64(n), err
}

func attr(s string) string { return html.EscapeString(s) }

// defs writes, in <defs>, every shape filled more than once whose uses
// take fewer bytes than writing it out each time, and numbers them in the
// order they were first drawn.
func (c *SVG) defs(b *bytes.Buffer) {
	id := 0
	for i := range c.data {
		sh := &c.data[i]
		if sh.uses < 2 {
			continue
		}
		// A use costs about 45 bytes, the definition 22 and the data; a
		// path written out 28 and the data.
		n := len(sh.rest)
		if 22+n+45*sh.uses >= (28+n)*sh.uses {
			continue
		}
		if id == 0 {
			b.WriteString("<defs>\n")
		}
		id++
		sh.id = id
		fmt.Fprintf(b, `<path id="g%d" d="M0 0%s"/>`+"\n", id, sh.rest)
	}
	if id > 0 {
		b.WriteString("</defs>\n")
	}
}

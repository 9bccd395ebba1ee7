package vector

import (
	"bytes"
	"compress/zlib"
	"fmt"
	"io"
	"math"
	"slices"
	"strings"
	"unicode/utf16"

	"gonum.org/v1/plot/vg"
)

// PDF is a vg.Canvas that writes a one-page PDF in points. A PDF page has
// its origin at the bottom left, as a vg.Canvas does.
type PDF struct {
	base
	content bytes.Buffer
	gs      []pdfState // what the content stream has set, per q level
	alphas  []uint8    // the alphas the page's ExtGStates hold
}

// pdfState is the graphics state the content stream has set; the zero
// value is PDF's initial state but for the alpha, taken as opaque.
type pdfState struct {
	fill, stroke [3]uint8
	fillSet      bool
	strokeSet    bool
	alpha        uint8
	width        fixed
	widthSet     bool
	dashes       string // the d operator in force
}

// CreationDate is the date every PDF carries: a fixed one, so that a PDF's
// bytes depend on its figure alone.
const CreationDate = "D:20201214000000"

// NewPDF returns a PDF canvas of size w×h.
func NewPDF(w, h vg.Length, doc Doc) *PDF {
	c := &PDF{gs: []pdfState{{alpha: 0xff, dashes: solid}}}
	c.init(w, h, doc)
	// Round joins, as gonum's raster canvas draws them.
	c.content.WriteString("1 j\n")
	return c
}

func (c *PDF) state() *pdfState { return &c.gs[len(c.gs)-1] }

// Push saves the drawing state.
func (c *PDF) Push() {
	c.push()
	c.gs = append(c.gs, *c.state())
	c.content.WriteString("q\n")
}

// Pop restores the drawing state saved by the matching Push.
func (c *PDF) Pop() {
	if !c.pop() {
		return
	}
	c.gs = c.gs[:len(c.gs)-1]
	c.content.WriteString("Q\n")
}

// Rotate rotates the coordinates by rad, counter-clockwise.
func (c *PDF) Rotate(rad float64) {
	d := degrees(rad)
	s, co := sincosDeg(d)
	fmt.Fprintf(&c.content, "%s %s %s %s 0 0 cm\n", decimal(co, 6), decimal(s, 6), decimal(-s, 6), decimal(co, 6))
}

// Translate moves the origin to p.
func (c *PDF) Translate(p vg.Point) {
	q := qpoint(p)
	if q.x == 0 && q.y == 0 {
		return
	}
	fmt.Fprintf(&c.content, "1 0 0 1 %s %s cm\n", q.x, q.y)
}

// Scale scales the coordinates.
func (c *PDF) Scale(x, y float64) {
	fmt.Fprintf(&c.content, "%s 0 0 %s 0 0 cm\n", decimal(scale(x), 4), decimal(scale(y), 4))
}

// Stroke strokes path with the current colour, width and dashes.
func (c *PDF) Stroke(path vg.Path) {
	s := c.top()
	if s.width <= 0 || s.col.A == 0 {
		return
	}
	segs := segments(path)
	if len(segs) == 0 {
		return
	}
	g := c.state()
	col := [3]uint8{s.col.R, s.col.G, s.col.B}
	if !g.strokeSet || g.stroke != col {
		fmt.Fprintf(&c.content, "%s %s %s RG\n", unit(col[0]), unit(col[1]), unit(col[2]))
		g.stroke, g.strokeSet = col, true
	}
	c.setAlpha(s.col.A)
	if !g.widthSet || g.width != s.width {
		fmt.Fprintf(&c.content, "%s w\n", s.width)
		g.width, g.widthSet = s.width, true
	}
	if d := pdfDash(s); d != g.dashes {
		c.content.WriteString(d)
		g.dashes = d
	}
	writePath(&c.content, segs)
	c.content.WriteString("S\n")
}

// Fill fills path with the current colour (non-zero winding).
func (c *PDF) Fill(path vg.Path) {
	s := c.top()
	if s.col.A == 0 {
		return
	}
	segs := segments(path)
	if len(segs) == 0 {
		return
	}
	g := c.state()
	col := [3]uint8{s.col.R, s.col.G, s.col.B}
	if !g.fillSet || g.fill != col {
		fmt.Fprintf(&c.content, "%s %s %s rg\n", unit(col[0]), unit(col[1]), unit(col[2]))
		g.fill, g.fillSet = col, true
	}
	c.setAlpha(s.col.A)
	writePath(&c.content, segs)
	c.content.WriteString("f\n")
}

// setAlpha selects the ExtGState of alpha a (for fills and strokes).
func (c *PDF) setAlpha(a uint8) {
	g := c.state()
	if g.alpha == a {
		return
	}
	if !slices.Contains(c.alphas, a) {
		c.alphas = append(c.alphas, a)
	}
	fmt.Fprintf(&c.content, "/A%d gs\n", a)
	g.alpha = a
}

// solid is the dash operator of a solid line, PDF's initial one.
const solid = "[] 0 d\n"

func pdfDash(s *style) string {
	if len(s.dashes) == 0 {
		return solid
	}
	ds := make([]string, len(s.dashes))
	for i, d := range s.dashes {
		ds[i] = d.String()
	}
	return fmt.Sprintf("[%s] %s d\n", strings.Join(ds, " "), s.dashOff)
}

// writePath writes segs as PDF path operators; a quadratic Bézier becomes
// the cubic that draws it.
func writePath(b *bytes.Buffer, segs []seg) {
	var cur, start pt
	for _, s := range segs {
		switch s.op {
		case 'M':
			fmt.Fprintf(b, "%s %s m\n", s.p[0].x, s.p[0].y)
			cur, start = s.p[0], s.p[0]
		case 'L':
			fmt.Fprintf(b, "%s %s l\n", s.p[0].x, s.p[0].y)
			cur = s.p[0]
		case 'Q':
			q, e := s.p[0], s.p[1]
			c1 := pt{cur.x + third(2*(q.x-cur.x)), cur.y + third(2*(q.y-cur.y))}
			c2 := pt{e.x + third(2*(q.x-e.x)), e.y + third(2*(q.y-e.y))}
			fmt.Fprintf(b, "%s %s %s %s %s %s c\n", c1.x, c1.y, c2.x, c2.y, e.x, e.y)
			cur = e
		case 'C':
			fmt.Fprintf(b, "%s %s %s %s %s %s c\n", s.p[0].x, s.p[0].y, s.p[1].x, s.p[1].y, s.p[2].x, s.p[2].y)
			cur = s.p[2]
		case 'Z':
			b.WriteString("h\n")
			cur = start
		}
	}
}

// third returns v/3 rounded half away from zero, in integers.
func third(v fixed) fixed {
	if v < 0 {
		return -third(-v)
	}
	return (v + 1) / 3
}

// unit writes a colour component as a fraction of 255 with four decimals.
func unit(v uint8) string { return decimal((int64(v)*20000+255)/510, 4) }

// sincosDeg returns the sine and cosine of d/10000 degrees in millionths,
// exact for multiples of 90°.
func sincosDeg(d int64) (s, c int64) {
	d %= 360 * 1e4
	if d < 0 {
		d += 360 * 1e4
	}
	switch d {
	case 0:
		return 0, 1e6
	case 90 * 1e4:
		return 1e6, 0
	case 180 * 1e4:
		return 0, -1e6
	case 270 * 1e4:
		return -1e6, 0
	}
	sn, cs := math.Sincos(float64(float64(d)/1e4) * (math.Pi / 180))
	return int64(math.Round(float64(sn * 1e6))), int64(math.Round(float64(cs * 1e6)))
}

// WriteTo writes the PDF document.
func (c *PDF) WriteTo(w io.Writer) (int64, error) {
	if c.err != nil {
		return 0, c.err
	}
	var z bytes.Buffer
	zw, _ := zlib.NewWriterLevel(&z, zlib.BestCompression)
	content := c.content.Bytes()
	// Undo the Pushes left open, so that the stream is balanced.
	content = append(content, strings.Repeat("Q\n", len(c.gs)-1)...)
	zw.Write(content)
	zw.Close()

	var b bytes.Buffer
	var offsets []int
	obj := func(format string, args ...any) {
		offsets = append(offsets, b.Len())
		fmt.Fprintf(&b, "%d 0 obj\n", len(offsets))
		fmt.Fprintf(&b, format, args...)
		b.WriteString("\nendobj\n")
	}
	b.WriteString("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
	catalog := "<< /Type /Catalog /Pages 2 0 R"
	if c.doc.Lang != "" {
		catalog += " /Lang " + pdfText(c.doc.Lang)
	}
	if c.doc.Title != "" {
		catalog += " /ViewerPreferences << /DisplayDocTitle true >>"
	}
	obj("%s >>", catalog)
	obj("<< /Type /Pages /Kids [3 0 R] /Count 1 >>")
	wq, hq := quant(float64(c.w)), quant(float64(c.h))
	res := "<< /ProcSet [/PDF]"
	if len(c.alphas) > 0 {
		as := slices.Clone(c.alphas)
		slices.Sort(as)
		res += " /ExtGState <<"
		for _, a := range as {
			f := unit(a)
			res += fmt.Sprintf(" /A%d << /Type /ExtGState /ca %s /CA %s >>", a, f, f)
		}
		res += " >>"
	}
	res += " >>"
	obj("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %s %s] /Resources %s /Contents 4 0 R >>", wq, hq, res)
	obj("<< /Length %d /Filter /FlateDecode >>\nstream\n%s\nendstream", z.Len(), z.Bytes())
	info := "<< /Producer (figgen)"
	if c.doc.Title != "" {
		info += " /Title " + pdfText(c.doc.Title)
	}
	if c.doc.Subject != "" {
		info += " /Subject " + pdfText(c.doc.Subject)
	}
	info += " /CreationDate (" + CreationDate + ") /ModDate (" + CreationDate + ") >>"
	obj("%s", info)
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(offsets)+1)
	for _, off := range offsets {
		fmt.Fprintf(&b, "%010d 00000 n \n", off)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R /Info %d 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(offsets)+1, len(offsets), xref)
	n, err := w.Write(b.Bytes())
	return int64(n), err
}

// pdfText writes s as a PDF text string: ASCII as a literal string, any
// other text as UTF-16BE with a byte order mark, in hex.
func pdfText(s string) string {
	ascii := true
	for _, r := range s {
		if r < 0x20 || r > 0x7e {
			ascii = false
			break
		}
	}
	if ascii {
		r := strings.NewReplacer(`\`, `\\`, `(`, `\(`, `)`, `\)`)
		return "(" + r.Replace(s) + ")"
	}
	var b strings.Builder
	b.WriteString("<FEFF")
	for _, u := range utf16.Encode([]rune(s)) {
		fmt.Fprintf(&b, "%04X", u)
	}
	b.WriteString(">")
	return b.String()
}

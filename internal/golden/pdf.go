package golden

import (
	"bytes"
	"compress/zlib"
	"fmt"
	"image"
	"image/color"
	"io"
	"math"
	"regexp"
	"strconv"
	"strings"

	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/vgimg"
)

// PDF is a one-page PDF as figgen writes it, read back for tests.
type PDF struct {
	Objects []string // the objects' text, object n at n-1, streams inflated
	Content []byte   // the page's content stream, inflated
	Width   float64  // the page size in points (MediaBox)
	Height  float64
	alphas  map[string][2]float64 // ExtGState name → fill, stroke alpha
}

var (
	objRe    = regexp.MustCompile(`(?s)^(\d+) 0 obj\n(.*?)\nendobj\n`)
	streamRe = regexp.MustCompile(`(?s)^<< /Length (\d+) /Filter /FlateDecode >>\nstream\n`)
	boxRe    = regexp.MustCompile(`/MediaBox \[0 0 ([0-9.]+) ([0-9.]+)\]`)
	gsRe     = regexp.MustCompile(`/(\w+) << /Type /ExtGState /ca ([0-9.]+) /CA ([0-9.]+) >>`)
	xrefRe   = regexp.MustCompile(`(?s)xref\n0 (\d+)\n0000000000 65535 f \n((?:\d{10} 00000 n \n)*)trailer\n<< /Size (\d+) /Root 1 0 R /Info (\d+) 0 R >>\nstartxref\n(\d+)\n%%EOF\n$`)
)

// ReadPDF parses data, checking its structure: the header, every object
// where the cross-reference table says it is, the stream lengths and the
// trailer. The content stream is the fourth object.
func ReadPDF(data []byte) (*PDF, error) {
	const header = "%PDF-1.4\n%\xe2\xe3\xcf\xd3\n"
	if !bytes.HasPrefix(data, []byte(header)) {
		return nil, fmt.Errorf("no PDF header")
	}
	x := xrefRe.FindSubmatchIndex(data)
	if x == nil {
		return nil, fmt.Errorf("no well-formed xref table and trailer")
	}
	n, _ := strconv.Atoi(string(data[x[2]:x[3]]))
	size, _ := strconv.Atoi(string(data[x[6]:x[7]]))
	start, _ := strconv.Atoi(string(data[x[10]:x[11]]))
	entries := strings.Fields(string(data[x[4]:x[5]]))
	if n != size || len(entries) != 3*(n-1) || start != x[0] {
		return nil, fmt.Errorf("xref: %d entries, /Size %d, startxref %d at %d", len(entries)/3, size, start, x[0])
	}
	p := &PDF{alphas: map[string][2]float64{}}
	at := len(header)
	for i := 1; i < n; i++ {
		off, _ := strconv.Atoi(entries[3*(i-1)])
		if off != at {
			return nil, fmt.Errorf("object %d at byte %d, xref says %d", i, at, off)
		}
		rest := data[at:x[0]]
		pre := fmt.Sprintf("%d 0 obj\n", i)
		if !bytes.HasPrefix(rest, []byte(pre)) {
			return nil, fmt.Errorf("object %d does not start at byte %d", i, at)
		}
		if m := streamRe.FindSubmatchIndex(rest[len(pre):]); m != nil {
			l, _ := strconv.Atoi(string(rest[len(pre)+m[2] : len(pre)+m[3]]))
			s := len(pre) + m[1]
			end := []byte("\nendstream\nendobj\n")
			if s+l+len(end) > len(rest) || !bytes.Equal(rest[s+l:s+l+len(end)], end) {
				return nil, fmt.Errorf("object %d: stream /Length %d is wrong", i, l)
			}
			zr, err := zlib.NewReader(bytes.NewReader(rest[s : s+l]))
			if err != nil {
				return nil, fmt.Errorf("object %d: %v", i, err)
			}
			body, err := io.ReadAll(zr)
			if err != nil {
				return nil, fmt.Errorf("object %d: %v", i, err)
			}
			p.Objects = append(p.Objects, "<< /Filter /FlateDecode >>\nstream (inflated)\n"+string(body)+"endstream")
			if i == 4 {
				p.Content = body
			}
			at += s + l + len(end)
			continue
		}
		m := objRe.FindSubmatch(rest)
		if m == nil || string(m[1]) != strconv.Itoa(i) {
			return nil, fmt.Errorf("object %d is malformed", i)
		}
		p.Objects = append(p.Objects, string(m[2]))
		at += len(m[0])
	}
	if at != x[0] {
		return nil, fmt.Errorf("%d bytes between the last object and the xref table", x[0]-at)
	}
	if len(p.Objects) < 4 || p.Content == nil {
		return nil, fmt.Errorf("no content stream in object 4")
	}
	page := p.Objects[2]
	b := boxRe.FindStringSubmatch(page)
	if b == nil {
		return nil, fmt.Errorf("page has no MediaBox")
	}
	p.Width, _ = strconv.ParseFloat(b[1], 64)
	p.Height, _ = strconv.ParseFloat(b[2], 64)
	for _, g := range gsRe.FindAllStringSubmatch(page, -1) {
		ca, _ := strconv.ParseFloat(g[2], 64)
		cA, _ := strconv.ParseFloat(g[3], 64)
		p.alphas[g[1]] = [2]float64{ca, cA}
	}
	return p, nil
}

// Text returns the PDF as text: its objects in order with the streams
// inflated, without the byte offsets (which depend on the compressor). It
// is what a PDF golden holds.
func (p *PDF) Text() []byte {
	var b bytes.Buffer
	for i, o := range p.Objects {
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	return b.Bytes()
}

// Rasterize draws the page's content stream at dpi with gonum's raster
// canvas, on white, so that a test compares a PDF with its PNG twin by
// pixels. It reads the operators figgen writes (q Q cm rg RG gs w d j m l
// c h f S) and fails on any other.
func (p *PDF) Rasterize(dpi int) (image.Image, error) {
	c := vgimg.NewWith(vgimg.UseWH(vg.Length(p.Width), vg.Length(p.Height)), vgimg.UseDPI(dpi), vgimg.UseBackgroundColor(color.White))
	type gstate struct {
		fill, stroke color.NRGBA
	}
	st := []gstate{{fill: color.NRGBA{A: 255}, stroke: color.NRGBA{A: 255}}}
	var path vg.Path
	var args []string
	num := func(i int) float64 {
		v, _ := strconv.ParseFloat(args[i], 64)
		return v
	}
	pt := func(i int) vg.Point { return vg.Point{X: vg.Length(num(i)), Y: vg.Length(num(i + 1))} }
	rgb := func(a uint8) color.NRGBA {
		return color.NRGBA{R: uint8(math.Round(num(0) * 255)), G: uint8(math.Round(num(1) * 255)), B: uint8(math.Round(num(2) * 255)), A: a}
	}
	want := map[string]int{"q": 0, "Q": 0, "cm": 6, "rg": 3, "RG": 3, "gs": 1, "w": 1, "j": 1, "m": 2, "l": 2, "c": 6, "h": 0, "f": 0, "S": 0, "d": 2}
	toks := tokens(string(p.Content))
	for _, t := range toks {
		n, isOp := want[t]
		if !isOp {
			if t[0] != '/' && t[0] != '[' && strings.Trim(t, "0123456789.-") != "" {
				return nil, fmt.Errorf("content: unknown operator %q", t)
			}
			args = append(args, t)
			continue
		}
		if len(args) != n {
			return nil, fmt.Errorf("content: %q takes %d operands, has %v", t, n, args)
		}
		top := &st[len(st)-1]
		switch t {
		case "q":
			c.Push()
			st = append(st, *top)
		case "Q":
			if len(st) == 1 {
				return nil, fmt.Errorf("content: Q without q")
			}
			c.Pop()
			st = st[:len(st)-1]
		case "cm":
			a, b, cc, d, e, f := num(0), num(1), num(2), num(3), num(4), num(5)
			switch {
			case a == 1 && b == 0 && cc == 0 && d == 1:
				c.Translate(vg.Point{X: vg.Length(e), Y: vg.Length(f)})
			case e == 0 && f == 0 && b == 0 && cc == 0:
				c.Scale(a, d)
			case e == 0 && f == 0 && a == d && b == -cc:
				c.Rotate(math.Atan2(b, a))
			default:
				return nil, fmt.Errorf("content: unsupported matrix %v", args)
			}
		case "rg":
			top.fill = rgb(top.fill.A)
		case "RG":
			top.stroke = rgb(top.stroke.A)
		case "gs":
			a, ok := p.alphas[strings.TrimPrefix(args[0], "/")]
			if !ok {
				return nil, fmt.Errorf("content: no ExtGState %s", args[0])
			}
			top.fill.A, top.stroke.A = uint8(math.Round(a[0]*255)), uint8(math.Round(a[1]*255))
		case "w":
			c.SetLineWidth(vg.Length(num(0)))
		case "d":
			var ds []vg.Length
			for _, f := range strings.Fields(strings.Trim(args[0], "[]")) {
				v, _ := strconv.ParseFloat(f, 64)
				ds = append(ds, vg.Length(v))
			}
			c.SetLineDash(ds, vg.Length(num(1)))
		case "j":
			// gonum's raster canvas joins lines round, as figgen asks
		case "m":
			path.Move(pt(0))
		case "l":
			path.Line(pt(0))
		case "c":
			path.CubeTo(pt(0), pt(2), pt(4))
		case "h":
			path.Close()
		case "f":
			c.SetColor(top.fill)
			c.Fill(path)
			path = nil
		case "S":
			c.SetColor(top.stroke)
			c.Stroke(path)
			path = nil
		}
		args = args[:0]
	}
	if len(args) > 0 || path != nil {
		return nil, fmt.Errorf("content ends inside an operation")
	}
	return c.Image(), nil
}

// tokens splits a content stream into operands and operators; an array
// ([…]) is one token.
func tokens(s string) []string {
	var out []string
	for len(s) > 0 {
		s = strings.TrimLeft(s, " \n\r\t")
		if s == "" {
			break
		}
		if s[0] == '[' {
			i := strings.IndexByte(s, ']')
			if i < 0 {
				i = len(s) - 1
			}
			out = append(out, s[:i+1])
			s = s[i+1:]
			continue
		}
		i := strings.IndexAny(s, " \n\r\t[")
		if i < 0 {
			i = len(s)
		}
		out = append(out, s[:i])
		s = s[i:]
	}
	return out
}

package vector

import (
	"bytes"
	"image/color"
	"math"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/vg"
)

func TestQuant(t *testing.T) {
	for _, c := range []struct {
		v    float64
		want string
	}{
		{174.185, "174.19"}, {174.18499999999997, "174.19"}, {174.18500000000003, "174.19"},
		{174.184999, "174.18"}, {-174.185, "-174.19"}, {-0.004, "0"}, {-0.005, "-0.01"},
		{12, "12"}, {12.5, "12.5"}, {0.05, "0.05"}, {math.NaN(), "0"},
		{math.Inf(1), "1073741824"}, {math.Inf(-1), "-1073741824"},
	} {
		if got := quant(c.v).String(); got != c.want {
			t.Errorf("quant(%v) = %s, want %s", c.v, got, c.want)
		}
	}
}

// TestArcStartOnGrid: whether an arc begins with a line to its start is
// decided on the grid: a current point a hair off the start (as a fused
// multiply-add leaves it) draws no extra segment.
func TestArcStartOnGrid(t *testing.T) {
	for _, off := range []float64{0, 1e-12, -1e-12} {
		var p vg.Path
		p.Move(vg.Point{X: vg.Length(10 + off), Y: 5})
		p.Arc(vg.Point{X: 5, Y: 5}, 5, 0, math.Pi/2)
		got := svgPath(p)
		if want := "M10 5c0 2.76-2.24 5-5 5"; got != want {
			t.Errorf("offset %g: %s, want %s", off, got, want)
		}
	}
	var p vg.Path
	p.Move(vg.Point{X: 0, Y: 0})
	p.Arc(vg.Point{X: 5, Y: 5}, 5, 0, 2*math.Pi)
	got := svgPath(p)
	if abs := parsePathData(t, got); len(abs) != 6 || abs[0] != (seg{op: 'M'}) || abs[1] != (seg{op: 'L', p: [3]pt{{1000, 500}}}) || abs[5].op != 'C' || abs[5].p[2] != (pt{1000, 500}) {
		t.Errorf("a circle after a move: %s", got)
	}
}

// TestColourNotPremultiplied: a translucent colour keeps its components in
// both formats, its alpha apart.
func TestColourNotPremultiplied(t *testing.T) {
	shade := color.NRGBA{R: 0xd6, G: 0x27, B: 0x28, A: 0x30}
	var p vg.Path
	p.Move(vg.Point{})
	p.Line(vg.Point{X: 10})
	p.Line(vg.Point{X: 10, Y: 10})
	p.Close()

	s := NewSVG(20, 20, Doc{})
	s.SetColor(shade)
	s.Fill(p)
	var b bytes.Buffer
	if _, err := s.WriteTo(&b); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), `fill="#d62728" fill-opacity="0.188"`) {
		t.Errorf("SVG: %s", b.String())
	}

	d := NewPDF(20, 20, Doc{})
	d.SetColor(shade)
	d.Fill(p)
	d.SetColor(color.Black)
	d.Fill(p)
	if got, want := d.content.String(), "0.8392 0.1529 0.1569 rg\n/A48 gs\n0 0 m\n10 0 l\n10 10 l\nh\nf\n0 0 0 rg\n/A255 gs\n"; !strings.HasPrefix(got[len("1 j\n"):], want) {
		t.Errorf("PDF content:\n%s\nwant it to start with\n%s", got, want)
	}
}

func TestFillStringFails(t *testing.T) {
	s := NewSVG(20, 20, Doc{})
	s.FillString(font.Face{}, vg.Point{}, "x")
	if _, err := s.WriteTo(&bytes.Buffer{}); err == nil {
		t.Errorf("SVG: FillString did not fail")
	}
	d := NewPDF(20, 20, Doc{})
	d.FillString(font.Face{}, vg.Point{}, "x")
	if _, err := d.WriteTo(&bytes.Buffer{}); err == nil {
		t.Errorf("PDF: FillString did not fail")
	}
}

// TestFollowMismatch: an SVG that follows the reader's page fails when
// the dark drawing has not the same fills and strokes as the light one.
func TestFollowMismatch(t *testing.T) {
	var sq vg.Path
	sq.Move(vg.Point{})
	sq.Line(vg.Point{X: 10})
	sq.Line(vg.Point{X: 10, Y: 10})
	sq.Close()
	for _, n := range []int{0, 1, 3} {
		dark := make([]color.NRGBA, n)
		c := NewSVG(100, 100, Doc{})
		c.Follow(dark)
		c.SetColor(color.White)
		c.Fill(sq)
		c.Fill(sq)
		var b bytes.Buffer
		if _, err := c.WriteTo(&b); err == nil {
			t.Errorf("%d dark paints for 2 light ones: no error", n)
		}
	}
	c := NewSVG(100, 100, Doc{})
	c.Follow([]color.NRGBA{{R: 1, A: 0xff}, {R: 1, A: 0xff}})
	c.SetColor(color.White)
	c.Fill(sq)
	c.Fill(sq)
	var b bytes.Buffer
	if _, err := c.WriteTo(&b); err != nil || strings.Count(b.String(), "var(--c0)") != 2 || !strings.Contains(b.String(), "--c0:#ffffff}") || !strings.Contains(b.String(), "--c0:#010000}") {
		t.Errorf("%v\n%s", err, b.String())
	}
}

// parsePathData reads SVG path data back into absolute segments, lines
// along an axis as 'L': any command, absolute or relative, with its letter
// or repeated by its numbers alone.
func parsePathData(t *testing.T, d string) []seg {
	t.Helper()
	var out []seg
	var cur, start pt
	var cmd byte
	i := 0
	num := func() fixed {
		for i < len(d) && d[i] == ' ' {
			i++
		}
		j := i
		if j < len(d) && d[j] == '-' {
			j++
		}
		dot := false
		for j < len(d) && (d[j] >= '0' && d[j] <= '9' || d[j] == '.' && !dot) {
			dot = dot || d[j] == '.'
			j++
		}
		s := d[i:j]
		i = j
		neg := strings.HasPrefix(s, "-")
		s = strings.TrimPrefix(s, "-")
		whole, frac, _ := strings.Cut(s, ".")
		if len(frac) > 2 || s == "" || s == "." {
			t.Fatalf("%q: bad number %q", d, s)
		}
		n := 0
		for _, c := range whole {
			n = n*10 + int(c-'0')
		}
		frac += strings.Repeat("0", 2-len(frac))
		n = n*100 + int(frac[0]-'0')*10 + int(frac[1]-'0')
		if neg {
			n = -n
		}
		return fixed(n)
	}
	for i < len(d) {
		switch c := d[i]; {
		case c == ' ':
			i++
			continue
		case c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z':
			cmd = c
			i++
			if c == 'z' || c == 'Z' {
				out = append(out, seg{op: 'Z'})
				cur, cmd = start, 0
				continue
			}
		case cmd == 0:
			t.Fatalf("%q: numbers without a command at %d", d, i)
		}
		rel := cmd >= 'a'
		var o pt
		if rel {
			o = cur
		}
		point := func() pt {
			x := num()
			return pt{o.x + x, o.y + num()}
		}
		switch cmd | 0x20 {
		case 'm':
			cur = point()
			start = cur
			out = append(out, seg{op: 'M', p: [3]pt{cur}})
			cmd = 'L' | cmd&0x20
		case 'l':
			cur = point()
			out = append(out, seg{op: 'L', p: [3]pt{cur}})
		case 'h':
			cur = pt{o.x + num(), cur.y}
			out = append(out, seg{op: 'L', p: [3]pt{cur}})
		case 'v':
			cur = pt{cur.x, o.y + num()}
			out = append(out, seg{op: 'L', p: [3]pt{cur}})
		case 'q':
			a := point()
			cur = point()
			out = append(out, seg{op: 'Q', p: [3]pt{a, cur}})
		case 'c':
			a := point()
			b := point()
			cur = point()
			out = append(out, seg{op: 'C', p: [3]pt{a, b, cur}})
		default:
			t.Fatalf("%q: command %c", d, cmd)
		}
	}
	return out
}

// TestPathDataRoundTrip: path data written short reads back as the same
// absolute points, whatever the mix of segments, signs and decimals.
func TestPathDataRoundTrip(t *testing.T) {
	rnd := uint64(1)
	next := func() fixed {
		rnd = rnd*6364136223846793005 + 1442695040888963407
		switch v := int64(rnd >> 33); v % 4 {
		case 0:
			return fixed(v%200 - 100) // below a point, either sign
		case 1:
			return fixed(v%100000 - 50000)
		case 2:
			return fixed((v%2000 - 1000) * 100) // whole points
		default:
			return fixed((v%2000 - 1000) * 10)
		}
	}
	var w pathData
	for range 2000 {
		var segs []seg
		var cur pt
		for k := range 12 {
			rnd = rnd*6364136223846793005 + 1442695040888963407
			op := "MLLLQCCZ"[rnd>>60&7]
			if k == 0 {
				op = 'M'
			}
			s := seg{op: op}
			for j := range 3 {
				s.p[j] = pt{next(), next()}
			}
			if op == 'L' && rnd>>40&3 == 0 {
				s.p[0].y = cur.y // along an axis
			}
			switch op {
			case 'M', 'L':
				s.p[1], s.p[2], cur = pt{}, pt{}, s.p[0]
			case 'Q':
				s.p[2], cur = pt{}, s.p[1]
			case 'C':
				cur = s.p[2]
			case 'Z':
				s.p = [3]pt{}
			}
			segs = append(segs, s)
		}
		d := string(appendPathData(&w, nil, segs))
		got := parsePathData(t, d)
		if len(got) != len(segs) {
			t.Fatalf("%q: %d segments, want %d", d, len(got), len(segs))
		}
		for i := range segs {
			if got[i] != segs[i] {
				t.Fatalf("%q: segment %d is %v, want %v", d, i, got[i], segs[i])
			}
		}
	}
}

// TestPathDataShort: the spelling of path data, relative where shorter,
// without leading zeros, repeated letters or needless separators.
func TestPathDataShort(t *testing.T) {
	var p vg.Path
	p.Move(vg.Point{X: 100, Y: 100})
	p.Line(vg.Point{X: 100.5, Y: 100.25})
	p.Line(vg.Point{X: 100, Y: 99.5})
	p.Line(vg.Point{X: 110, Y: 99.5})
	p.Line(vg.Point{X: 110, Y: 0})
	p.Close()
	p.Move(vg.Point{X: 101, Y: 101})
	p.Line(vg.Point{X: 101.01, Y: 101.02})
	if got, want := svgPath(p), "M100 100l.5.25-.5-.75h10V0zm1 1 .01.02"; got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}

// TestGlyphReuse: an outline drawn twice is defined once and placed twice,
// its colour at each place (not in the definition), one group a colour.
func TestGlyphReuse(t *testing.T) {
	var sq vg.Path
	sq.Move(vg.Point{})
	sq.Line(vg.Point{X: 1})
	sq.Line(vg.Point{X: 1, Y: 1})
	sq.Close()
	calls := 0
	outline := func() vg.Path { calls++; return sq }
	red := color.NRGBA{R: 0xff, A: 0xff}
	draw := func(c *SVG) {
		c.SetColor(color.Black)
		c.FillGlyph("a", vg.Point{X: 10, Y: 20}, outline)
		c.FillGlyph("a", vg.Point{X: 12.5}, outline)
		c.SetColor(red)
		c.FillGlyph("b", vg.Point{X: 14, Y: 20}, outline) // another key, the same outline
		c.Fill(sq)
		c.FillGlyph("a", vg.Point{X: 16, Y: 20}, outline)
	}
	c := NewSVG(100, 100, Doc{})
	draw(c)
	var b bytes.Buffer
	if _, err := c.WriteTo(&b); err != nil {
		t.Fatal(err)
	}
	svg := b.String()
	if calls != 2 {
		t.Errorf("outline asked %d times, want 2 (once a key)", calls)
	}
	def := `<path id="`
	i := strings.Index(svg, def)
	id := svg[i+len(def) : i+len(def)+6]
	for _, want := range []string{
		`xmlns:xlink="http://www.w3.org/1999/xlink"`,
		"<defs>\n" + `<path id="` + id + `" d="M0 0H1V1z"/>` + "\n</defs>\n",
		`<g fill="#000000">` + "\n" + `<use xlink:href="#` + id + `" x="10" y="20"/>` + "\n" + `<use xlink:href="#` + id + `" x="12.5"/>` + "\n</g>\n" +
			`<g fill="#ff0000">` + "\n" + `<use xlink:href="#` + id + `" x="14" y="20"/>` + "\n</g>\n" +
			`<path d="M0 0H1V1z" fill="#ff0000"/>` + "\n" +
			`<g fill="#ff0000">` + "\n" + `<use xlink:href="#` + id + `" x="16" y="20"/>` + "\n</g>\n",
	} {
		if !strings.Contains(svg, want) {
			t.Errorf("no %q in\n%s", want, svg)
		}
	}
	if n := strings.Count(svg, "<path id="); n != 1 {
		t.Errorf("%d definitions, want 1", n)
	}

	// Following the reader's page: each place takes its custom property.
	d := NewSVG(100, 100, Doc{})
	d.Record()
	draw(d)
	f := NewSVG(100, 100, Doc{})
	dark := append([]color.NRGBA(nil), d.Paints()...)
	dark[0] = color.NRGBA{R: 1, A: 0xff} // the first glyph alone differs in the dark
	f.Follow(dark)
	draw(f)
	b.Reset()
	if _, err := f.WriteTo(&b); err != nil {
		t.Fatal(err)
	}
	svg = b.String()
	for _, want := range []string{
		`<g style="fill:var(--c0)">` + "\n" + `<use xlink:href="#` + id + `" x="10" y="20"/>` + "\n</g>\n" +
			`<g style="fill:var(--c1)">` + "\n" + `<use xlink:href="#` + id + `" x="12.5"/>` + "\n</g>\n",
		"--c0:#000000;--c1:#000000;", "--c0:#010000;--c1:#000000;",
	} {
		if !strings.Contains(svg, want) {
			t.Errorf("no %q in\n%s", want, svg)
		}
	}
}

// TestStrokeJoinsInherited: strokes take their round joins from the
// root group, not one attribute each.
func TestStrokeJoinsInherited(t *testing.T) {
	var p vg.Path
	p.Move(vg.Point{})
	p.Line(vg.Point{X: 10})
	p.Line(vg.Point{X: 10, Y: 10})
	c := NewSVG(20, 20, Doc{})
	c.Stroke(p)
	c.Stroke(p)
	var b bytes.Buffer
	if _, err := c.WriteTo(&b); err != nil {
		t.Fatal(err)
	}
	svg := b.String()
	if n := strings.Count(svg, `stroke-linejoin="round"`); n != 1 || !strings.Contains(svg, `<g transform="matrix(1,0,0,-1,0,20)" stroke-linejoin="round">`) {
		t.Errorf("%d round joins:\n%s", n, svg)
	}
	if !strings.Contains(svg, `<path d="M0 0H10V10" fill="none" stroke="#000000"/>`) {
		t.Errorf("strokes:\n%s", svg)
	}
}

// TestPathDataCost: cost counts the bytes put appends, whatever the state.
func TestPathDataCost(t *testing.T) {
	nums := []fixed{0, 1, -1, 5, 10, 50, 99, 100, 105, 150, -150, 12345, -99999, 1000000}
	for _, st := range []tokState{{}, {repeat: 'l', num: true}, {repeat: 'l', num: true, dot: true}, {repeat: 'c'}} {
		for _, letter := range []byte{'l', 'c', 'M'} {
			for i := range nums {
				for j := range nums {
					ns := []fixed{nums[i], nums[j]}
					s := st
					if got, want := st.cost(letter, ns), len(s.put(nil, letter, ns...)); got != want {
						t.Errorf("%+v %c %v: cost %d, put %d", st, letter, ns, got, want)
					}
				}
			}
		}
	}
}

// TestShareGlyphs: SVGs that share Glyphs build each outline once, and
// write the bytes an SVG of its own writes; concurrently too.
func TestShareGlyphs(t *testing.T) {
	var tri vg.Path
	tri.Move(vg.Point{})
	tri.Line(vg.Point{X: 1.25})
	tri.Line(vg.Point{X: 1, Y: 1})
	tri.Close()
	var calls sync.Map
	draw := func(c *SVG, id int) []byte {
		c.SetColor(color.Black)
		for k := range 20 {
			c.FillGlyph(k%5, vg.Point{X: vg.Length(k), Y: 3}, func() vg.Path {
				n, _ := calls.LoadOrStore(k%5, new(atomic.Int32))
				n.(*atomic.Int32).Add(1)
				var p vg.Path
				for _, q := range tri {
					q.Pos.X *= vg.Length(1 + k%5)
					p = append(p, q)
				}
				return p
			})
		}
		var b bytes.Buffer
		if _, err := c.WriteTo(&b); err != nil {
			t.Error(err)
		}
		return b.Bytes()
	}
	alone := draw(NewSVG(30, 30, Doc{}), 0)
	calls.Clear()
	var g Glyphs
	var wg sync.WaitGroup
	for i := range 8 {
		wg.Go(func() {
			c := NewSVG(30, 30, Doc{})
			c.ShareGlyphs(&g)
			if got := draw(c, i); !bytes.Equal(got, alone) {
				t.Errorf("shared:\n%s\nalone:\n%s", got, alone)
			}
		})
	}
	wg.Wait()
	total := 0
	calls.Range(func(k, v any) bool { total += int(v.(*atomic.Int32).Load()); return true })
	if total < 5 || total > 5*8 {
		t.Errorf("%d outlines built", total)
	}
	// One after the others builds none.
	calls.Clear()
	c := NewSVG(30, 30, Doc{})
	c.ShareGlyphs(&g)
	draw(c, 9)
	calls.Range(func(k, v any) bool { t.Errorf("outline %v built again", k); return true })
}

package typeset

import (
	"image/color"
	"math"
	"strings"
	"testing"

	plotfont "gonum.org/v1/plot/font"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/recorder"

	"github.com/figgen/figgen/fonts"
)

var testFont = plotfont.Font{Size: 12}

// lay lays out one line with a fresh layouter and returns it flattened.
func lay(t *testing.T, s string, bold bool) *box {
	t.Helper()
	segs, errs := parseLine(s)
	if len(errs) > 0 {
		t.Fatalf("parseLine(%q): %v", s, errs)
	}
	l := newLayouter(engine(t))
	l.report = true
	b := l.layoutLine(segs, 12, bold)
	if len(l.missing) > 0 {
		t.Fatalf("layout(%q): %v", s, l.missing)
	}
	return &box{w: b.w, h: b.h, d: b.d, items: b.flatten()}
}

// flatten returns the glyphs and rectangles of b, sub-boxes resolved, with
// coordinates relative to b's origin, in drawing order.
func (b *box) flatten() []item {
	var out []item
	var walk func(b *box, dx, dy float64)
	walk = func(b *box, dx, dy float64) {
		for _, it := range b.items {
			if it.sub != nil {
				walk(it.sub, dx+it.x, dy+it.y)
				continue
			}
			it.x += dx
			it.y += dy
			out = append(out, it)
		}
	}
	walk(b, 0, 0)
	return out
}

func TestBoxes(t *testing.T) {
	h := engine(t).Handler()
	box := func(s string) (w, ht, d vg.Length) { return h.Box(s, testFont) }
	for _, s := range []string{
		"가", "a", `$x$`, `$x_1$`, `$e^{-z}$`, `$\frac{a}{b}$`, `$\sqrt{x}$`, `$\hat{y}$`,
		`$\text{가}$`, `$\alpha$`, `$\left(x\right)$`, `$\,$`, `bad $\sigam$`,
	} {
		if w, _, _ := box(s); w <= 0 {
			t.Errorf("Box(%q) width = %v, want > 0", s, w)
		}
	}
	_, ph, pd := box("x")
	ext := h.Extents(testFont)
	if ph != ext.Ascent || pd != ext.Descent {
		t.Errorf("plain Box height/depth = %v/%v, want font extents %v/%v", ph, pd, ext.Ascent, ext.Descent)
	}
	_, fh, fd := box(`$\sigma(z)=\frac{1}{1+e^{-z}}$`)
	if fh+fd <= ph+pd {
		t.Errorf("\\frac height+depth %v <= plain %v", fh+fd, ph+pd)
	}
	_, dh, dd := box(`$\dfrac{1}{1+e^{-z}}$`)
	if dh <= fh || dd <= fd {
		t.Errorf("\\dfrac box %v/%v not taller than \\frac box %v/%v", dh, dd, fh, fd)
	}
	_, sh, _ := box(`$x^{2^{2^{2}}}$`)
	if sh <= ph {
		t.Errorf("nested superscripts height %v <= plain %v", sh, ph)
	}
	w1, _, _ := box(`$x$`)
	w2, _, _ := box(`$x_1$`)
	if w2 <= w1 {
		t.Errorf("x_1 width %v <= x width %v", w2, w1)
	}
	if bw, _, _ := h.Box("가나다", plotfont.Font{Size: 24}); bw <= 2*w1 {
		t.Errorf("Box at 24pt = %v, too narrow", bw)
	}
}

func TestScripts(t *testing.T) {
	for _, tc := range []struct {
		in        string
		idx       int     // item of the script
		below     bool    // script baseline below the main baseline
		sizeRatio float64 // script size / base size
	}{
		{`$x_1$`, 1, true, 0.7},
		{`$x^2$`, 1, false, 0.7},
		{`$e^{-z}$`, 2, false, 0.7},
		{`$x^{a^b}$`, 2, false, 0.55},
		{`$w^l_{ji}$`, 2, true, 0.7},
	} {
		t.Run(tc.in, func(t *testing.T) {
			b := lay(t, tc.in, false)
			base, s := b.items[0], b.items[tc.idx]
			if got := s.size / base.size; got < tc.sizeRatio-0.01 || got > tc.sizeRatio+0.01 {
				t.Errorf("script size ratio %.2f, want %.2f", got, tc.sizeRatio)
			}
			if (s.y < 0) != tc.below || s.y == 0 {
				t.Errorf("script baseline at %.2f, want below=%v", s.y, tc.below)
			}
			if s.x <= base.x {
				t.Errorf("script x %.2f not right of nucleus %.2f", s.x, base.x)
			}
		})
	}
}

func TestFontChoice(t *testing.T) {
	e := engine(t)
	for _, tc := range []struct {
		in    string
		bold  bool
		faces []fonts.Face
		runes string // the runes expected, one per item ("" skips)
	}{
		{"가a1", false, []fonts.Face{fonts.HangulRegular, fonts.HangulRegular, fonts.HangulRegular}, "가a1"},
		{"가a", true, []fonts.Face{fonts.HangulBold, fonts.HangulBold}, ""},
		{`$x2$`, false, []fonts.Face{fonts.LatinItalic, fonts.LatinRegular}, "x2"},
		{`$x$`, true, []fonts.Face{fonts.LatinBoldItalic}, ""},
		{`$\sigma\Sigma$`, false, []fonts.Face{fonts.LatinItalic, fonts.LatinRegular}, "σΣ"},
		{`$a-b$`, false, []fonts.Face{fonts.LatinItalic, fonts.Math, fonts.LatinItalic}, "a−b"},
		{`$\geq\ge\geqq$`, false, []fonts.Face{fonts.Math, fonts.Math, fonts.Math}, "≥≥≧"},
		{`$\text{가 b}$`, false, []fonts.Face{fonts.HangulRegular, fonts.LatinRegular, fonts.LatinRegular}, "가 b"},
		{`$\mathrm{d}x$`, false, []fonts.Face{fonts.LatinRegular, fonts.LatinItalic}, "dx"},
	} {
		t.Run(tc.in, func(t *testing.T) {
			b := lay(t, tc.in, tc.bold)
			if len(b.items) != len(tc.faces) {
				t.Fatalf("%d items, want %d", len(b.items), len(tc.faces))
			}
			rs := []rune(tc.runes)
			for i, it := range b.items {
				if it.face != tc.faces[i] {
					t.Errorf("item %d from %v, want %v", i, it.face, tc.faces[i])
				}
				if len(rs) > 0 {
					var l layouter
					l.e = e
					g, _ := e.faces[it.face].GlyphIndex(&l.buf, rs[i])
					if g != it.gid {
						t.Errorf("item %d is glyph %d, want %q (glyph %d)", i, it.gid, rs[i], g)
					}
				}
			}
		})
	}
}

func TestSpacing(t *testing.T) {
	mu := 12 * engine(t).mathScale / 18
	gap := func(s string, i int) float64 {
		b := lay(t, s, false)
		l := newLayouter(engine(t))
		prev := b.items[i-1]
		return b.items[i].x - (prev.x + l.met(prev.face, prev.gid).adv*prev.size)
	}
	for _, tc := range []struct {
		in   string
		i    int
		want float64 // in mu
	}{
		{`$a-b$`, 1, 4},  // binary
		{`$-b$`, 1, 0},   // unary
		{`$a=b$`, 1, 5},  // relation
		{`$a=-b$`, 2, 5}, // relation before unary minus
		{`$a=-b$`, 3, 0},
		{`$e^{-z}$`, 2, 0},
		{`$(-z)$`, 2, 0},
		{`$a,b$`, 2, 3},
		{`$a\,b$`, 1, 3},
		{`$a\quad b$`, 1, 18},
		{`$a \geq b$`, 1, 5},
		{`$a \cdot b$`, 1, 4},
		{`$x_1+b$`, 2, 4 + 0.04*18},
	} {
		t.Run(tc.in, func(t *testing.T) {
			if got := gap(tc.in, tc.i) / mu; got < tc.want-0.05 || got > tc.want+0.05 {
				t.Errorf("space before item %d = %.2f mu, want %.2f", tc.i, got, tc.want)
			}
		})
	}
}

func TestFracAndRadical(t *testing.T) {
	b := lay(t, `$\frac{a}{b}$`, false)
	var rule *item
	for i := range b.items {
		if b.items[i].rect {
			rule = &b.items[i]
		}
	}
	if rule == nil {
		t.Fatal("no fraction rule")
	}
	num, den := b.items[0], b.items[1]
	if !(num.y > rule.y+rule.h && den.y < rule.y) {
		t.Errorf("numerator at %.2f, rule %.2f..%.2f, denominator at %.2f", num.y, rule.y, rule.y+rule.h, den.y)
	}
	r := lay(t, `$\sqrt{x}$`, false)
	if len(r.items) != 3 || !r.items[2].rect || r.items[2].y <= r.items[1].y {
		t.Errorf("radical items %+v", r.items)
	}
}

func TestBadInputDrawnLiterally(t *testing.T) {
	h := engine(t).Handler()
	for _, s := range []string{`$\sigam$`, `a $x`, `$x^$`, "🙂"} {
		w, _, _ := h.Box(s, testFont)
		if s != "🙂" && w <= 0 {
			t.Errorf("Box(%q) width %v, want the source set literally", s, w)
		}
	}
}

// TestNestedLayoutLinear checks that placing a box references it instead of
// copying its items, so that nesting does not multiply the work: the items
// stored over all boxes stay proportional to the glyphs drawn.
func TestNestedLayoutLinear(t *testing.T) {
	const depth = 60
	s := "$" + strings.Repeat(`\sqrt{x+`, depth) + "y" + strings.Repeat("}", depth) + "$"
	segs, errs := parseLine(s)
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	b := newLayouter(engine(t)).layoutLine(segs, 12, false)
	stored := 0
	var walk func(b *box)
	walk = func(b *box) {
		stored += len(b.items)
		for _, it := range b.items {
			if it.sub != nil {
				walk(it.sub)
			}
		}
	}
	walk(b)
	drawn := len(b.flatten())
	if drawn < 4*depth {
		t.Fatalf("%d items drawn, want at least %d", drawn, 4*depth)
	}
	if stored > 4*drawn {
		t.Errorf("%d items stored for %d drawn: nesting copies items", stored, drawn)
	}
}

// TestDrawFarAway checks that glyphs far outside any canvas are skipped:
// rasterizers overflow there and take seconds per glyph.
func TestDrawFarAway(t *testing.T) {
	h := engine(t).Handler()
	for _, tc := range []struct {
		x     vg.Length
		fills int
	}{{10, 2}, {2 * maxCoord, 0}, {-2 * maxCoord, 0}} {
		var c recorder.Canvas
		sty := text.Style{Color: color.Black, Font: testFont, Handler: h}
		h.Draw(&c, "ab", sty, vg.Point{X: tc.x, Y: 10})
		fills := 0
		for _, a := range c.Actions {
			if _, ok := a.(*recorder.Fill); ok {
				fills++
			}
		}
		if fills != tc.fills {
			t.Errorf("Draw at x=%v: %d fills, want %d", tc.x, fills, tc.fills)
		}
	}
}

// TestBackslash: a backslash in plain text comes from the Latin face, not
// NanumGothic's ₩ at U+005C, in regular and bold text alike.
func TestBackslash(t *testing.T) {
	for _, bold := range []bool{false, true} {
		want := fonts.LatinRegular
		if bold {
			want = fonts.LatinBold
		}
		items := lay(t, `C:\Users 가`, bold).items
		if got := items[2].face; got != want {
			t.Errorf("bold %v: backslash from %v, want %v", bold, got, want)
		}
		if got := items[len(items)-1].face; got == want {
			t.Errorf("bold %v: Hangul from %v", bold, got)
		}
	}
}

// TestIgnorable: default-ignorable code points are laid out as nothing (no
// glyph, no width) in text, math and \text, and are not reported missing.
func TestIgnorable(t *testing.T) {
	e := engine(t)
	for _, r := range []rune{0x200b, 0x200c, 0x200d, 0x2060, 0xad, 0xfe00, 0xfe0f, 0xe0100, 0xe01ef, 0xfeff, 0x200e, 0x2066} {
		z := string(r)
		for _, pair := range [][2]string{
			{"ab가", "a" + z + "b" + z + "가"},
			{"$xy$", "$x" + z + "y$"},
			{"$x_1$", "$x_" + z + "1$"},
			{`$\text{a가}$`, `$\text{a` + z + `가}$`},
		} {
			if err := e.Check(pair[1]); err != nil {
				t.Errorf("Check(%+q) = %v", pair[1], err)
			}
			want, got := lay(t, pair[0], false), lay(t, pair[1], false)
			if len(got.items) != len(want.items) || got.w != want.w {
				t.Errorf("%+q: %d items, width %.3f; want %d, %.3f as %q", pair[1], len(got.items), got.w, len(want.items), want.w, pair[0])
			}
		}
	}
	// Visible format characters are not skipped.
	for _, r := range []rune{'a', 0x0600, 0xfff9, ' '} {
		if ignorable(r) {
			t.Errorf("ignorable(%U)", r)
		}
	}
}

// TestMinScript: with MinScript, scripts and the parts of inline fractions
// are never smaller than the floor, nor larger than the text they belong to.
func TestMinScript(t *testing.T) {
	e := engine(t)
	sizes := func(s string, size, floor float64) (least, most float64) {
		segs, errs := parseLine(s)
		if len(errs) > 0 {
			t.Fatal(errs)
		}
		l := newLayouter(e)
		l.minScript = floor
		b := l.layoutLine(segs, size, false)
		least = 1e9
		for _, it := range (&box{items: b.flatten()}).items {
			if !it.rect {
				least, most = min(least, it.size), max(most, it.size)
			}
		}
		return least, most
	}
	for _, s := range []string{`$\frac{1}{1+e^{-z}}$`, `$x^{2^{n}}$`, `$\sqrt[3]{8}$`, `$e^{x_i}$`} {
		if least, _ := sizes(s, 11, 0); least >= 8 {
			t.Errorf("%s at 11 pt without a floor: least size %.2f, want the font's script sizes below 8", s, least)
		}
		if least, _ := sizes(s, 11, 8); math.Abs(least-8) > 1e-9 {
			t.Errorf("%s at 11 pt with floor 8: least size %.2f, want 8", s, least)
		}
		text := 5 * e.mathScale
		if least, most := sizes(s, 5, 8); most > text+1e-9 || least < 5*e.mathScale*e.mc.scriptScriptScale {
			t.Errorf("%s at 5 pt with floor 8: sizes %.2f…%.2f, want at most the text's %.2f", s, least, most, text)
		}
		// Large text keeps the font's proportions.
		if least, _ := sizes(s, 30, 8); least >= 30*e.mathScale*e.mc.scriptScale {
			t.Errorf("%s at 30 pt: least size %.2f, want scriptscript size", s, least)
		}
	}
}

// TestPrimeSuperscript: y^\prime is set as y' is (TeX's ' is ^\prime): the
// same glyphs at the same places, not a small prime raised above y.
func TestPrimeSuperscript(t *testing.T) {
	for _, tc := range [][2]string{
		{`$y^\prime$`, `$y'$`},
		{`$y^{\prime}$`, `$y'$`},
		{`$f^{\prime\prime}(x)$`, `$f''(x)$`},
		{`$y^′$`, `$y'$`},
		{`$y^\prime_1$`, `$y'_1$`},
		{`$y^\prime^2$`, `$y'^2$`},
	} {
		got, want := lay(t, tc[0], false), lay(t, tc[1], false)
		if len(got.items) != len(want.items) || got.w != want.w || got.h != want.h {
			t.Errorf("%s: %d items, %.3f×%.3f; want %d, %.3f×%.3f as %s", tc[0], len(got.items), got.w, got.h, len(want.items), want.w, want.h, tc[1])
			continue
		}
		for i := range got.items {
			g, w := got.items[i], want.items[i]
			if g.gid != w.gid || g.size != w.size || math.Abs(g.x-w.x) > 1e-9 || math.Abs(g.y-w.y) > 1e-9 {
				t.Errorf("%s: item %d is %+v, want %+v", tc[0], i, g, w)
			}
		}
	}
}

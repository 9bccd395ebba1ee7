package typeset

import (
	"fmt"
	"unicode"

	"golang.org/x/image/font"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"

	"github.com/figgen/figgen/fonts"
)

// chain is an ordered list of faces; a rune comes from the first face that
// has it.
type chain uint8

const (
	chPlain chain = iota
	chPlainBold
	chItalic
	chItalicBold
	chUpright
	chUprightBold
	chSymbol
	chSymbolBold
	chText
	chTextBold
	numChains
)

var chains = [numChains][]fonts.Face{
	chPlain:       {fonts.HangulRegular, fonts.LatinRegular, fonts.Math},
	chPlainBold:   {fonts.HangulBold, fonts.LatinBold, fonts.HangulRegular, fonts.LatinRegular, fonts.Math},
	chItalic:      {fonts.LatinItalic, fonts.Math, fonts.LatinRegular, fonts.HangulRegular},
	chItalicBold:  {fonts.LatinBoldItalic, fonts.LatinItalic, fonts.LatinBold, fonts.Math, fonts.HangulBold},
	chUpright:     {fonts.LatinRegular, fonts.Math, fonts.HangulRegular},
	chUprightBold: {fonts.LatinBold, fonts.LatinRegular, fonts.Math, fonts.HangulBold},
	chSymbol:      {fonts.Math, fonts.LatinRegular, fonts.HangulRegular},
	chSymbolBold:  {fonts.LatinBold, fonts.Math, fonts.LatinRegular, fonts.HangulBold},
	chText:        {fonts.LatinRegular, fonts.HangulRegular, fonts.Math},
	chTextBold:    {fonts.LatinBold, fonts.HangulBold, fonts.LatinRegular, fonts.HangulRegular, fonts.Math},
}

// chainOf returns the chain of a math variant.
func chainOf(v variant, bold bool) chain {
	var c chain
	switch v {
	case vItalic:
		c = chItalic
	case vUpright:
		c = chUpright
	case vSymbol:
		c = chSymbol
	case vText:
		c = chText
	case vBold:
		return chUprightBold
	case vBoldItalic:
		return chItalicBold
	}
	if bold {
		c++
	}
	return c
}

// item is one drawn element of a laid-out box: a glyph, a filled rectangle
// or a placed sub-box. Coordinates are in points, y up, relative to the
// origin of the box holding the item.
type item struct {
	face   fonts.Face
	gid    sfnt.GlyphIndex
	rect   bool
	sub    *box    // a placed box, when not nil
	x, y   float64 // glyph origin on its baseline, rectangle lower left, or box origin
	size   float64 // glyph em size
	sx, sy float64 // glyph stretch factors
	w, h   float64 // rectangle size
}

// box is a laid-out piece: width, height above and depth below the baseline.
// Placing a box in another references it rather than copying its items, so
// that layout costs time linear in the input however deep the nesting.
type box struct {
	w, h, d float64
	items   []item
	ic      float64 // italic correction, for a single glyph
	char    bool    // a single character
	italic  bool    // a single italic character
}

// place puts o in b with its origin at (dx, dy) and grows b's height and
// depth. o must not change afterwards.
func (b *box) place(o *box, dx, dy float64) {
	if len(o.items) > 0 {
		b.items = append(b.items, item{sub: o, x: dx, y: dy})
	}
	b.h = max(b.h, o.h+dy)
	b.d = max(b.d, o.d-dy)
}

// append places o at the end of b.
func (b *box) append(o *box) {
	b.place(o, b.w, 0)
	b.w += o.w
}

// glyphMet are a glyph's metrics in em units, y up.
type glyphMet struct {
	adv                    float64
	xmin, ymin, xmax, ymax float64
}

type runeKey struct {
	r rune
	c chain
}

type glyphRef struct {
	face fonts.Face
	gid  sfnt.GlyphIndex
	ok   bool
}

type glyphKey struct {
	face fonts.Face
	gid  sfnt.GlyphIndex
}

// layouter lays out lines. It owns a buffer and caches and is used by one
// goroutine at a time.
type layouter struct {
	e    *Engine
	buf  sfnt.Buffer
	refs map[runeKey]glyphRef
	mets map[glyphKey]glyphMet

	// minScript is the least size of a script, in points (MinScript).
	minScript float64

	// report makes find record each rune no font has in missing.
	report  bool
	missing []*Error
}

func newLayouter(e *Engine) *layouter {
	return &layouter{
		e:    e,
		refs: make(map[runeKey]glyphRef),
		mets: make(map[glyphKey]glyphMet),
	}
}

// find returns the face and glyph of r in chain c, reporting a miss.
func (l *layouter) find(r rune, c chain, off int) glyphRef {
	k := runeKey{r, c}
	ref, ok := l.refs[k]
	if !ok {
		ref = glyphRef{face: chains[c][0]}
		for _, f := range chains[c] {
			g, err := l.e.faces[f].GlyphIndex(&l.buf, r)
			if err == nil && g != 0 {
				ref = glyphRef{face: f, gid: g, ok: true}
				break
			}
		}
		l.refs[k] = ref
	}
	if !ref.ok && l.report {
		l.missing = append(l.missing, &Error{Offset: off, Msg: fmt.Sprintf("no embedded font has %#q (%U)", string(r), r)})
	}
	return ref
}

// met returns the metrics of a glyph.
func (l *layouter) met(face fonts.Face, gid sfnt.GlyphIndex) glyphMet {
	k := glyphKey{face, gid}
	if m, ok := l.mets[k]; ok {
		return m
	}
	if m, ok := l.e.mets.Load(k); ok {
		l.mets[k] = m.(glyphMet)
		return m.(glyphMet)
	}
	f := l.e.faces[face]
	upem := l.e.upem[face]
	ppem := fixed.Int26_6(f.UnitsPerEm()) << 6
	var m glyphMet
	b, adv, err := f.GlyphBounds(&l.buf, gid, ppem, font.HintingNone)
	if err == nil {
		s := 64 * upem
		m = glyphMet{
			adv:  float64(adv) / s,
			xmin: float64(b.Min.X) / s, xmax: float64(b.Max.X) / s,
			ymin: -float64(b.Max.Y) / s, ymax: -float64(b.Min.Y) / s,
		}
		if b.Min.X == b.Max.X {
			m.ymin, m.ymax = 0, 0
		}
	}
	l.mets[k] = m
	l.e.mets.Store(k, m)
	return m
}

// kern returns the kerning between two glyphs of one face in em units.
func (l *layouter) kern(face fonts.Face, a, b sfnt.GlyphIndex) float64 {
	f := l.e.faces[face]
	k, err := f.Kern(&l.buf, a, b, fixed.Int26_6(f.UnitsPerEm())<<6, font.HintingNone)
	if err != nil {
		return 0
	}
	return float64(k) / (64 * l.e.upem[face])
}

// glyphBox lays out one glyph at size with ink-based height and depth.
func (l *layouter) glyphBox(ref glyphRef, size float64) *box {
	m := l.met(ref.face, ref.gid)
	b := &box{
		w:     m.adv * size,
		h:     m.ymax * size,
		d:     -m.ymin * size,
		items: []item{{face: ref.face, gid: ref.gid, size: size, sx: 1, sy: 1}},
		char:  true,
	}
	if ic := m.xmax - m.adv; ic > 0 {
		b.ic = ic * size
	}
	return b
}

// layoutLine lays out the segments of one line at size points.
func (l *layouter) layoutLine(segs []segment, size float64, bold bool) *box {
	line := &box{items: make([]item, 0, len(segs))}
	for _, s := range segs {
		if s.isMath {
			st := mstyle{size: size * l.e.mathScale, base: size * l.e.mathScale, bold: bold, floor: l.minScript}
			line.append(l.mathList(s.math, st))
			continue
		}
		line.append(l.plain(s.text, size, bold))
	}
	return line
}

// plain lays out plain text; its height and depth are NanumGothic's.
func (l *layouter) plain(rs []textRune, size float64, bold bool) *box {
	c := chPlain
	if bold {
		c = chPlainBold
	}
	b := &box{h: l.e.ascent * size, d: l.e.descent * size, items: make([]item, 0, len(rs))}
	var prev glyphRef
	for i, tr := range rs {
		if ignorable(tr.r) {
			continue
		}
		cr := c
		if tr.r == '\\' {
			// NanumGothic draws U+005C as ₩, as Korean fonts do; a
			// backslash is a backslash, from the Latin face.
			cr = chText
			if bold {
				cr = chTextBold
			}
		}
		ref := l.find(tr.r, cr, tr.off)
		if i > 0 && prev.face == ref.face && prev.ok && ref.ok {
			b.w += l.kern(ref.face, prev.gid, ref.gid) * size
		}
		m := l.met(ref.face, ref.gid)
		b.items = append(b.items, item{face: ref.face, gid: ref.gid, x: b.w, size: size, sx: 1, sy: 1})
		b.w += m.adv * size
		prev = ref
	}
	return b
}

// ignorable reports whether r is a default-ignorable code point (Unicode's
// derived Default_Ignorable_Code_Point): zero-width spaces and joiners
// (U+200B–U+200D, U+2060), the soft hyphen, variation selectors, U+FEFF
// and other invisible format characters. Layout skips them: no glyph, no
// width, and no report of a missing glyph.
func ignorable(r rune) bool {
	switch {
	case r < 0xad:
		return false
	case unicode.Is(unicode.Other_Default_Ignorable_Code_Point, r), unicode.Is(unicode.Variation_Selector, r):
		return true
	case r >= 0xfff9 && r <= 0xfffb, r >= 0x13430 && r <= 0x1345f:
		return false // interlinear annotations and Egyptian hieroglyph controls
	}
	return unicode.Is(unicode.Cf, r) && !unicode.Is(unicode.White_Space, r) && !unicode.Is(unicode.Prepended_Concatenation_Mark, r)
}

// mstyle is the math style: size and level (0 text, 1 script, 2
// scriptscript); floor is the least size of a script (MinScript).
type mstyle struct {
	size, base float64
	floor      float64
	level      int
	display    bool
	cramped    bool
	bold       bool
}

// em returns v em at the style's size.
func (s mstyle) em(v float64) float64 { return v * s.size }

// script returns the style of a sub- or superscript of s.
func (s mstyle) script(mc *mathConstants) mstyle {
	parent := s.size
	s.level = min(s.level+1, 2)
	s.display = false
	if s.level == 1 {
		s.size = s.scaled(mc.scriptScale, parent)
	} else {
		s.size = s.scaled(mc.scriptScriptScale, parent)
	}
	return s
}

// scaled returns the size of a script at scale of the base size, within
// the floor unless the parent text is smaller still.
func (s mstyle) scaled(scale, parent float64) float64 {
	return max(s.base*scale, min(s.floor, parent))
}

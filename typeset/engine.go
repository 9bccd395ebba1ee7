package typeset

import (
	"errors"
	"fmt"
	"slices"
	"sync"

	"golang.org/x/image/font"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
	plotfont "gonum.org/v1/plot/font"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"

	"github.com/figgen/figgen/fonts"
	// gonum/plot's default fonts go unparsed: every text is typeset's.
	_ "github.com/figgen/figgen/internal/plotfonts"
)

// Engine holds the parsed embedded fonts. It is immutable after New and safe
// for concurrent use; each figure gets its own Handler.
type Engine struct {
	faces []*sfnt.Font // indexed by fonts.Face
	upem  []float64    // units per em, indexed by fonts.Face

	// plain is the NanumGothic line metrics in em units.
	ascent, descent, height float64

	// mathScale scales math glyphs so that the x-height of STIX Two matches
	// the x-height of NanumGothic, the font of the surrounding text.
	mathScale float64

	mc mathConstants

	// Glyph metrics and outlines, by glyphKey, shared by every handler:
	// a run's figures draw mostly the same glyphs, which are then read
	// from the fonts once.
	mets, outlines sync.Map
}

// Error is a problem found in a rich-text string.
type Error struct {
	Offset int    // byte offset in the checked string where the problem starts
	Msg    string // lower-case message without position
}

// Error returns the message; the caller adds the position.
func (e *Error) Error() string { return e.Msg }

// New parses the embedded fonts.
func New() (*Engine, error) {
	all := fonts.Faces()
	e := &Engine{
		faces: make([]*sfnt.Font, len(all)),
		upem:  make([]float64, len(all)),
	}
	for _, f := range all {
		sf, err := sfnt.Parse(fonts.Data(f))
		if err != nil {
			return nil, fmt.Errorf("typeset: parse %s: %w", f, err)
		}
		e.faces[f] = sf
		e.upem[f] = float64(sf.UnitsPerEm())
	}
	var buf sfnt.Buffer
	hg := e.faces[fonts.HangulRegular]
	upem := fixed.Int26_6(hg.UnitsPerEm())
	m, err := hg.Metrics(&buf, upem, font.HintingNone)
	if err != nil {
		return nil, fmt.Errorf("typeset: metrics of %s: %w", fonts.HangulRegular, err)
	}
	u := float64(upem)
	e.ascent = float64(m.Ascent) / u
	e.descent = float64(m.Descent) / u
	e.height = float64(m.Height) / u

	e.mathScale = 1
	xh := func(f fonts.Face) float64 {
		sf := e.faces[f]
		g, err := sf.GlyphIndex(&buf, 'x')
		if err != nil || g == 0 {
			return 0
		}
		b, _, err := sf.GlyphBounds(&buf, g, fixed.Int26_6(sf.UnitsPerEm())<<6, font.HintingNone)
		if err != nil {
			return 0
		}
		return -float64(b.Min.Y) / 64 / float64(sf.UnitsPerEm())
	}
	if a, b := xh(fonts.HangulRegular), xh(fonts.LatinItalic); a > 0 && b > 0 {
		e.mathScale = min(max(a/b, 1), 1.2)
	}
	e.mc = parseMathConstants(fonts.Data(fonts.Math))
	return e, nil
}

// Handler returns a gonum/plot text handler for one figure. A Handler keeps
// glyph and layout caches; it must not be shared by concurrent renders.
func (e *Engine) Handler(opts ...Option) text.Handler {
	h := newHandler(e)
	for _, o := range opts {
		o(h)
	}
	return h
}

// Option configures a Handler.
type Option func(*handler)

// MinScript keeps the smaller sizes of math (sub- and superscripts, the
// parts of inline fractions, radical degrees) at least size, as MathML's
// scriptminsize does: a script takes its style's size or size, whichever
// is larger, but never grows past the text it belongs to.
func MinScript(size vg.Length) Option {
	return func(h *handler) { h.l.minScript = float64(size) }
}

// Check parses s as rich text and lays it out, reporting every problem: bad
// math syntax or a rune no embedded font has. It returns nil or the
// errors.Join of one *Error per problem, in order of offset, so that
// errors.As finds the first problem and the joined error's
// Unwrap() []error method lists them all:
//
//	var first *typeset.Error
//	if errors.As(err, &first) { … }
//	if all, ok := err.(interface{ Unwrap() []error }); ok {
//		for _, e := range all.Unwrap() { _ = e.(*typeset.Error) }
//	}
//
// Parsing goes on after an unknown command; a structural problem (an
// unclosed brace, say) ends the parse of its $…$ segment, and an unmatched
// "$" ends its line.
func (e *Engine) Check(s string) error {
	l := newLayouter(e)
	l.report = true
	var errs []error
	start := 0
	for _, line := range splitLines(s) {
		segs, perrs := parseLine(line)
		trace(traceCheckParse, line, 0, false)
		l.missing = l.missing[:0]
		l.layoutLine(segs, 10, false)
		trace(traceCheckLayout, line, 10, false)
		found := append(perrs, l.missing...)
		slices.SortStableFunc(found, func(a, b *Error) int { return a.Offset - b.Offset })
		for _, err := range found {
			err.Offset += start
			errs = append(errs, err)
		}
		start += len(line) + 1
	}
	return errors.Join(errs...)
}

// plotCache returns a gonum font cache holding NanumGothic, for code that
// asks the handler for its fonts.
func (e *Engine) plotCache() *plotfont.Cache {
	return plotfont.NewCache(plotfont.Collection{
		{Font: plotfont.Font{Typeface: "NanumGothic"}, Face: e.faces[fonts.HangulRegular]},
		{Font: plotfont.Font{Typeface: "NanumGothic", Weight: font.WeightBold}, Face: e.faces[fonts.HangulBold]},
	})
}

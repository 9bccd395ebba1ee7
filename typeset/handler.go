package typeset

import (
	"math"
	"strings"
	"sync"

	"golang.org/x/image/font"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
	plotfont "gonum.org/v1/plot/font"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"github.com/figgen/figgen/fonts"
)

// handler is a gonum/plot text.Handler drawing text as glyph outlines.
type handler struct {
	e     *Engine
	cache *plotfont.Cache

	mu       sync.Mutex
	l        *layouter
	outlines map[glyphKey][]seg
	// parsed holds each cached line's segments, laid out at every size
	// and weight it is asked for (literal text when its math is bad).
	parsed map[string][]segment
	lines  map[lineKey]*box
	// linesLen is the total length of the cached lines' texts.
	linesLen int
}

var _ text.Handler = (*handler)(nil)

// seg is one outline segment in em units, y up.
type seg struct {
	op  sfnt.SegmentOp
	pts [3][2]float32
}

type lineKey struct {
	txt  string
	size vg.Length
	bold bool
}

func newHandler(e *Engine) *handler {
	return &handler{
		e:        e,
		cache:    e.plotCache(),
		l:        newLayouter(e),
		outlines: make(map[glyphKey][]seg),
		parsed:   make(map[string][]segment),
		lines:    make(map[lineKey]*box),
	}
}

// Cache returns a font cache holding NanumGothic.
func (h *handler) Cache() *plotfont.Cache { return h.cache }

// Extents returns NanumGothic's line metrics at fnt.Size.
func (h *handler) Extents(fnt plotfont.Font) plotfont.Extents {
	s := fnt.Size
	return plotfont.Extents{
		Ascent:  vg.Length(h.e.ascent) * s,
		Descent: vg.Length(h.e.descent) * s,
		Height:  vg.Length(h.e.height) * s,
	}
}

// Lines splits txt into lines as text.Plain does.
func (h *handler) Lines(txt string) []string { return splitLines(txt) }

// Box returns the width, height and depth of one line of rich text.
func (h *handler) Box(txt string, fnt plotfont.Font) (w, ht, d vg.Length) {
	h.mu.Lock()
	defer h.mu.Unlock()
	b := h.layout(txt, fnt)
	return vg.Length(b.w), vg.Length(b.h), vg.Length(b.d)
}

// The line cache holds at most maxCachedLines laid-out lines and
// maxCachedText bytes of their texts (laid-out boxes take memory in
// proportion to the text), and the parse of each: a line is parsed only to
// be laid out, so the parses are never more than the boxes.
const (
	maxCachedLines = 4096
	maxCachedText  = 1 << 20
)

// layout lays out one line, parsing it once for all sizes and weights; a
// line with bad math is set literally. Box, Rectangle and Draw share the
// boxes, so each line is laid out once per size and weight.
func (h *handler) layout(txt string, fnt plotfont.Font) *box {
	bold := fnt.Weight >= font.WeightBold
	k := lineKey{txt, fnt.Size, bold}
	if b, ok := h.lines[k]; ok {
		return b
	}
	segs, ok := h.parsed[txt]
	if !ok {
		segs = parseLiteral(txt)
	}
	size := float64(fnt.Size)
	b := h.l.layoutLine(segs, size, bold)
	trace(traceLayout, txt, size, bold)
	b.w = max(b.w, 0) // negative space (\!) can make the sum negative
	b.h = max(b.h, h.e.ascent*size)
	b.d = max(b.d, h.e.descent*size)
	if len(h.lines) >= maxCachedLines || h.linesLen+len(txt) > maxCachedText {
		clear(h.lines)
		clear(h.parsed)
		h.linesLen = 0
	}
	h.parsed[txt] = segs
	h.lines[k] = b
	h.linesLen += len(txt)
	return b
}

// parseLiteral parses one line; a line with bad math is one plain segment
// of its source text.
func parseLiteral(txt string) []segment {
	segs, errs := parseLine(txt)
	trace(traceParse, txt, 0, false)
	if len(errs) == 0 {
		return segs
	}
	rs := make([]textRune, 0, len(txt))
	for i, r := range txt {
		rs = append(rs, textRune{r, i})
	}
	return []segment{{text: rs}}
}

// Draw draws txt with the alignment and rotation semantics of text.Plain:
// lines are Font.Size apart (more when a line's math is taller than the
// font), aligned by sty.XAlign and sty.YAlign, rotated about pt.
func (h *handler) Draw(c vg.Canvas, txt string, sty text.Style, pt vg.Point) {
	txt = strings.TrimRight(txt, "\n")
	if len(txt) == 0 {
		return
	}
	h.mu.Lock()
	defer h.mu.Unlock()

	fnt := sty.Font
	ext := h.Extents(fnt)
	c.SetColor(sty.Color)
	if sty.Rotation != 0 {
		c.Push()
		c.Rotate(sty.Rotation)
	}
	sin64, cos64 := math.Sincos(sty.Rotation)
	cos, sin := vg.Length(cos64), vg.Length(sin64)
	pt.X, pt.Y = pt.Y*sin+pt.X*cos, pt.Y*cos-pt.X*sin

	lines := splitLines(txt)
	boxes := make([]*box, len(lines))
	var ht vg.Length
	linegap := ext.Height - ext.Ascent - ext.Descent
	for i, line := range lines {
		boxes[i] = h.layout(line, fnt)
		ht += vg.Length(boxes[i].h + boxes[i].d)
		if i > 0 {
			ht += linegap
		}
	}
	// The last line's baseline is where text.Plain puts it, raised by the
	// depth its box has beyond the font's descent, so that deep math stays
	// inside the aligned block. Each earlier line sits Font.Size above the
	// next, plus the height its box has beyond the font's ascent and the
	// depth the next line's box has beyond the font's descent.
	n := len(lines)
	y := pt.Y + ht*vg.Length(sty.YAlign) - ext.Ascent + fnt.Size
	y += vg.Length(boxes[n-1].d) - ext.Descent
	base := make([]vg.Length, n)
	base[n-1] = y
	for i := n - 2; i >= 0; i-- {
		extra := vg.Length(boxes[i].h) - ext.Ascent + vg.Length(boxes[i+1].d) - ext.Descent
		base[i] = base[i+1] + fnt.Size + extra
	}
	gc := glyphCanvasOf(c)
	for i, b := range boxes {
		x := pt.X + vg.Length(sty.XAlign)*vg.Length(b.w)
		h.drawBox(c, gc, b, x, base[i])
	}
	if sty.Rotation != 0 {
		c.Pop()
	}
}

// maxCoord bounds the coordinates drawn, in points from the canvas origin
// (about 92 m): a glyph beyond it is skipped and a rectangle clipped.
// Rasterizers work in fixed point: vgimg (freetype, 26.6) takes seconds
// per glyph from about 2^23 pixels on, which is 2^18 points at 2300 dpi.
// No canvas reaches that far, so nothing visible is lost.
const maxCoord = 1 << 18

// glyphCanvas is a canvas that keeps each distinct glyph outline once and
// places it wherever it is drawn (an SVG's <defs> and <use>): key names
// the outline (equal keys, equal outlines), at is its origin and outline
// returns it with its origin at 0, 0, called only for a new key.
type glyphCanvas interface {
	FillGlyph(key any, at vg.Point, outline func() vg.Path)
}

// placedGlyph names a glyph outline at one size and stretch.
type placedGlyph struct {
	face   fonts.Face
	gid    sfnt.GlyphIndex
	sx, sy float64
}

// glyphCanvasOf returns the glyphCanvas c draws on, nil when it is none.
func glyphCanvasOf(c vg.Canvas) glyphCanvas {
	for {
		switch v := c.(type) {
		case glyphCanvas:
			return v
		case *draw.Canvas:
			c = v.Canvas
		case draw.Canvas:
			c = v.Canvas
		default:
			return nil
		}
	}
}

// drawBox fills the items of a laid-out box with origin (x, y), placing
// glyphs on gc when it is not nil.
func (h *handler) drawBox(c vg.Canvas, gc glyphCanvas, b *box, x, y vg.Length) {
	for _, it := range b.items {
		if it.sub != nil {
			h.drawBox(c, gc, it.sub, x+vg.Length(it.x), y+vg.Length(it.y))
			continue
		}
		if it.rect {
			x0, y0 := x+vg.Length(it.x), y+vg.Length(it.y)
			x1, y1 := x0+vg.Length(it.w), y0+vg.Length(it.h)
			if math.IsNaN(float64(x0 + x1 + y0 + y1)) {
				continue
			}
			x0, y0, x1, y1 = clampCoord(x0), clampCoord(y0), clampCoord(x1), clampCoord(y1)
			var p vg.Path
			p.Move(vg.Point{X: x0, Y: y0})
			p.Line(vg.Point{X: x1, Y: y0})
			p.Line(vg.Point{X: x1, Y: y1})
			p.Line(vg.Point{X: x0, Y: y1})
			p.Close()
			c.Fill(p)
			continue
		}
		if !(math.Abs(float64(x)+it.x) <= maxCoord && math.Abs(float64(y)+it.y) <= maxCoord) {
			continue // far away, or NaN
		}
		segs := h.outline(it.face, it.gid)
		if len(segs) == 0 {
			continue
		}
		ox, oy := float64(x)+it.x, float64(y)+it.y
		sx, sy := it.size*it.sx, it.size*it.sy
		if gc != nil {
			gc.FillGlyph(placedGlyph{it.face, it.gid, sx, sy}, vg.Point{X: vg.Length(ox), Y: vg.Length(oy)}, func() vg.Path {
				return glyphPath(segs, 0, 0, sx, sy)
			})
			continue
		}
		c.Fill(glyphPath(segs, ox, oy, sx, sy))
	}
}

// glyphPath returns the outline segs scaled by sx, sy, its origin at ox, oy.
func glyphPath(segs []seg, ox, oy, sx, sy float64) vg.Path {
	pt := func(q [2]float32) vg.Point {
		// float64(…) rounds each product: no fused multiply-add on arm64
		return vg.Point{X: vg.Length(ox + float64(float64(q[0])*sx)), Y: vg.Length(oy + float64(float64(q[1])*sy))}
	}
	n := len(segs)
	for _, s := range segs {
		if s.op == sfnt.SegmentOpMoveTo {
			n++ // a Close
		}
	}
	p := make(vg.Path, 0, n)
	open := false
	for _, s := range segs {
		switch s.op {
		case sfnt.SegmentOpMoveTo:
			if open {
				p.Close()
			}
			p.Move(pt(s.pts[0]))
			open = true
		case sfnt.SegmentOpLineTo:
			p.Line(pt(s.pts[0]))
		case sfnt.SegmentOpQuadTo:
			p.QuadTo(pt(s.pts[0]), pt(s.pts[1]))
		case sfnt.SegmentOpCubeTo:
			p.CubeTo(pt(s.pts[0]), pt(s.pts[1]), pt(s.pts[2]))
		}
	}
	if open {
		p.Close()
	}
	return p
}

func clampCoord(v vg.Length) vg.Length { return min(max(v, -maxCoord), maxCoord) }

// outline returns a glyph's outline in em units, cached.
func (h *handler) outline(face fonts.Face, gid sfnt.GlyphIndex) []seg {
	k := glyphKey{face, gid}
	if s, ok := h.outlines[k]; ok {
		return s
	}
	if s, ok := h.e.outlines.Load(k); ok {
		h.outlines[k] = s.([]seg)
		return s.([]seg)
	}
	f := h.e.faces[face]
	ppem := fixed.Int26_6(f.UnitsPerEm()) << 6
	segs, err := f.LoadGlyph(&h.l.buf, gid, ppem, nil)
	var out []seg
	if err == nil {
		s := float32(64 * h.e.upem[face])
		out = make([]seg, len(segs))
		for i, sg := range segs {
			out[i].op = sg.Op
			for j := range sg.Args {
				out[i].pts[j] = [2]float32{float32(sg.Args[j].X) / s, -float32(sg.Args[j].Y) / s}
			}
		}
	}
	h.outlines[k] = out
	h.e.outlines.Store(k, out)
	return out
}

package figures

import (
	"image/color"
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// legendBox is a plot's key, drawn as a plotter inside the data area: a
// white box with a light frame in one corner, so guides and grid lines do
// not run through its text, and one row per entry (a short sample of the
// line, then the label), top to bottom in the order of Entries. gonum's own
// legend has no background and cannot be measured reliably
// (Legend.Rectangle swaps left and right and ignores the offsets).
type legendBox struct {
	Entries     []legendEntry
	Corner      string     // one of corners
	Text        text.Style // labels' style
	Frame       draw.LineStyle
	Fill        color.Color
	Thumb       vg.Length // length of the line sample
	Pad, Margin vg.Length // inside the frame; between the frame and the data area's border
	Bare        bool      // no frame and no fill: a legend beside the plot, clear of the data
	// Wrap, when set, is the widest a label may be: a math label wider
	// breaks between its terms (before + − = and the relations).
	Wrap vg.Length
	e    *env // records the box over the curves in the layout pass
	// Corners, when set, are tried in order instead of Corner: the legend
	// goes in the first where it hides none of the curves Avoid (the
	// first of them if it hides some everywhere).
	Corners []string
	Avoid   []func(x float64) float64
	// AvoidData are data the legend must not hide either: points, joined
	// into a line when Lines is set.
	AvoidData []avoidData
}

// avoidData are points a legend placed by Corners must not hide.
type avoidData struct {
	Pts   [][2]float64
	Lines bool
}

// legendEntry is one row of a legendBox.
type legendEntry struct {
	Label string
	Line  draw.LineStyle // the sample line; none when its Color is nil
	// Optional: a marker (dot, ring, square) of radius Dot on the sample,
	// and a swatch of Fill behind it (a region, bars).
	Dot    vg.Length
	Marker string
	Fill   color.Color
	NoLine bool // markers or a swatch alone
	// lines are the label's lines and sty their style when the legend
	// wrapped it (wrap); nil: the label on one line in the legend's style.
	lines []string
	sty   *text.Style
}

// newLegendBox returns the house legend in a corner of the data area.
func (e *env) newLegendBox(corner string) legendBox {
	sty := e.font(noteSize, false)
	sty.XAlign, sty.YAlign = text.XLeft, text.YBottom // baseline at the anchor
	return legendBox{
		Corner: corner,
		Text:   sty,
		Frame:  e.line(0.8, e.th.frame),
		Fill:   e.th.bg,
		Thumb:  e.len(28),
		Pad:    e.len(7),
		Margin: e.len(10),
		e:      e,
	}
}

// rowHeight is the distance between two rows' centres.
func (l legendBox) rowHeight() vg.Length {
	ext := l.Text.FontExtents()
	return (ext.Ascent + ext.Descent) * 1.3
}

// wrap breaks the entries' labels wider than Wrap: a math label between
// its terms, any other between words, shrunk as e.fit does when a word is
// still too wide (a problem of the label's field).
func (l *legendBox) wrap() {
	if l.Wrap <= 0 {
		return
	}
	for i := range l.Entries {
		en := &l.Entries[i]
		if l.Text.Width(en.Label) <= l.Wrap {
			continue
		}
		sty := l.Text
		if terms := mathTerms(en.Label); terms != nil {
			en.lines = wrapMath(sty, terms, l.Wrap)
		} else {
			var txt string
			txt, sty = l.e.fit(en.Label, sty, l.Wrap, toPx(1))
			en.lines = strings.Split(txt, "\n")
		}
		en.sty = &sty
		for _, line := range en.lines {
			l.e.alias(line, en.Label)
		}
	}
}

// lines returns the lines of an entry's label and their style.
func (l legendBox) lines(en legendEntry) ([]string, text.Style) {
	if en.lines == nil {
		return []string{en.Label}, l.Text
	}
	return en.lines, *en.sty
}

// lineHeight is the distance between two lines of a wrapped label.
func lineHeight(sty text.Style) vg.Length { return sty.FontExtents().Height * 1.15 }

// lineSteps returns the distances from each line's baseline to the next
// one's: lineHeight, or more where tall math (a sum's limits, a
// fraction) would reach into the next line, with a tenth of an em
// between their boxes.
func lineSteps(lines []string, sty text.Style) []vg.Length {
	steps := make([]vg.Length, 0, len(lines))
	for i := 1; i < len(lines); i++ {
		below := -sty.Rectangle(lines[i-1]).Min.Y
		above := sty.Rectangle(lines[i]).Max.Y
		steps = append(steps, max(lineHeight(sty), below+above+sty.Font.Size/10))
	}
	return steps
}

// entryHeight is the height of an entry's row.
func (l legendBox) entryHeight(en legendEntry) vg.Length {
	lines, sty := l.lines(en)
	h := l.rowHeight()
	for _, d := range lineSteps(lines, sty) {
		h += d
	}
	return h
}

// Rect returns the legend's box (frame included) in a data area c.
func (l legendBox) Rect(c draw.Canvas) vg.Rectangle {
	var tw, eh vg.Length
	for _, en := range l.Entries {
		lines, sty := l.lines(en)
		for _, line := range lines {
			tw = max(tw, sty.Width(line))
		}
		eh += l.entryHeight(en)
	}
	w := 2*l.Pad + l.Thumb + l.gap() + tw
	h := 2*l.Pad + eh
	var r vg.Rectangle
	switch l.Corner {
	case "top-left", "bottom-left":
		r.Min.X = c.Min.X + l.Margin
	default:
		r.Min.X = c.Max.X - l.Margin - w
	}
	switch l.Corner {
	case "top-left", "top-right":
		r.Min.Y = c.Max.Y - l.Margin - h
	default:
		r.Min.Y = c.Min.Y + l.Margin
	}
	r.Max = vg.Point{X: r.Min.X + w, Y: r.Min.Y + h}
	return r
}

// gap is the space between a line sample and its label.
func (l legendBox) gap() vg.Length { return l.Pad }

// Plot draws the legend; add it to the plot after the data it keys.
func (l legendBox) Plot(c draw.Canvas, p *plot.Plot) {
	if len(l.Entries) == 0 {
		return
	}
	l = l.placed(c, p)
	r := l.Rect(c)
	if l.e != nil {
		l.e.cover(r, "the legend", "legend", "put it in another corner, or set a range that leaves one free")
	}
	if !l.Bare {
		c.SetColor(l.Fill)
		c.Fill(rectPath(r))
		c.SetLineStyle(l.Frame)
		c.Stroke(rectPath(r))
	}
	rh := l.rowHeight()
	x := r.Min.X + l.Pad
	top := r.Max.Y - l.Pad
	for _, en := range l.Entries {
		// Rows centred in their height, lowered a tenth of an em: the
		// labels' ink (axis down to baseline, ascenders up) then sits as
		// far from the frame's top as from its bottom.
		y := top - rh/2 - l.Text.Font.Size/10
		top -= l.entryHeight(en)
		switch {
		case en.Fill != nil && !en.NoLine:
			// A region: a square of its fill crossed by its boundary.
			h := rh * 0.3
			m := x + l.Thumb/2
			c.SetColor(en.Fill)
			c.Fill(rectPath(vg.Rectangle{Min: vg.Point{X: m - h, Y: y - h}, Max: vg.Point{X: m + h, Y: y + h}}))
			c.StrokeLine2(en.Line, m-h, y-h, m+h, y+h)
		case en.Fill != nil:
			h := rh * 0.3
			c.SetColor(en.Fill)
			c.Fill(rectPath(vg.Rectangle{Min: vg.Point{X: x, Y: y - h}, Max: vg.Point{X: x + l.Thumb, Y: y + h}}))
		case !en.NoLine:
			c.StrokeLine2(en.Line, x, y, x+l.Thumb, y)
		}
		if en.Dot > 0 {
			drawMarker(c, vg.Point{X: x + l.Thumb/2, Y: y}, en.Dot, en.Marker, en.Line, l.e.th.bg)
		}
		// The sample line is level with the math axis of the label (the
		// bar of "=" or "−"), about a quarter em above the baseline.
		base := y - l.Text.Font.Size/4
		lines, sty := l.lines(en)
		steps := lineSteps(lines, sty)
		for i, line := range lines {
			c.FillText(sty, vg.Point{X: x + l.Thumb + l.gap(), Y: base}, line)
			if i < len(steps) {
				base -= steps[i]
			}
		}
	}
}

// mathTerms returns the terms of a label that is one math segment, each
// after the first with the operator or relation it starts with ("x_{1}",
// "+ 2x_{2}", "= 1.5"); nil for any other label.
func mathTerms(label string) []string {
	if len(label) < 3 || label[0] != '$' || label[len(label)-1] != '$' || strings.Count(label, "$") != 2 {
		return nil
	}
	src := label[1 : len(label)-1]
	var terms []string
	depth, start := 0, 0
	for i := 0; i < len(src); i++ {
		switch src[i] {
		case '{':
			depth++
		case '}':
			depth--
		case ' ':
			if depth != 0 || i == 0 {
				continue
			}
			rest := src[i+1:]
			for _, op := range []string{"+ ", "- ", "= ", "< ", "> ", `\leq `, `\geq `, `\le `, `\ge `, `
eq `} {
				if strings.HasPrefix(rest, op) {
					if t := strings.TrimSpace(src[start:i]); t != "" {
						terms = append(terms, t)
					}
					start = i + 1
					break
				}
			}
		}
	}
	terms = append(terms, strings.TrimSpace(src[start:]))
	if len(terms) < 2 {
		return nil
	}
	return terms
}

// placed returns l in the first of its Corners where its box hides none of
// the curves Avoid as p draws them on c, sampled across the box.
func (l legendBox) placed(c draw.Canvas, p *plot.Plot) legendBox {
	if len(l.Corners) == 0 {
		return l
	}
	tx, ty := p.Transforms(&c)
	free := func(r vg.Rectangle) bool {
		const n = 64
		for _, f := range l.Avoid {
			var prev vg.Point
			for i := 0; i <= n; i++ {
				// The data x of canvas x, on the plot's linear x axis.
				cx := r.Min.X + (r.Max.X-r.Min.X)*vg.Length(i)/n
				x := p.X.Min + float64((cx-tx(p.X.Min))/(tx(p.X.Max)-tx(p.X.Min)))*(p.X.Max-p.X.Min)
				pt := vg.Point{X: cx, Y: ty(f(x))}
				if i > 0 && crosses(prev, pt, r) {
					return false
				}
				prev = pt
			}
		}
		for _, d := range l.AvoidData {
			var prev vg.Point
			for i, q := range d.Pts {
				pt := vg.Point{X: tx(q[0]), Y: ty(q[1])}
				if pt.X >= r.Min.X && pt.X <= r.Max.X && pt.Y >= r.Min.Y && pt.Y <= r.Max.Y ||
					d.Lines && i > 0 && crosses(prev, pt, r) {
					return false
				}
				prev = pt
			}
		}
		return true
	}
	for _, corner := range l.Corners {
		m := l
		m.Corner = corner
		if free(m.Rect(c)) {
			return m
		}
	}
	l.Corner = l.Corners[0]
	return l
}

// mathLine joins terms into one math segment; a continued line starts with
// an empty atom so that its leading + or = keeps its spacing.
func mathLine(terms []string, continued bool) string {
	if continued {
		return "${} " + strings.Join(terms, " ") + "$"
	}
	return "$" + strings.Join(terms, " ") + "$"
}

// wrapMath packs terms into as few lines of math as fit width in sty,
// breaking only between terms; a term wider than width has a line of its own.
func wrapMath(sty text.Style, terms []string, width vg.Length) []string {
	var lines, cur []string
	for _, t := range terms {
		if len(cur) > 0 && sty.Width(mathLine(append(cur[:len(cur):len(cur)], t), len(lines) > 0)) > width {
			lines = append(lines, mathLine(cur, len(lines) > 0))
			cur = nil
		}
		cur = append(cur, t)
	}
	if len(cur) > 0 {
		lines = append(lines, mathLine(cur, len(lines) > 0))
	}
	return lines
}

package figures

import (
	"fmt"
	"image"
	"image/color"
	"reflect"
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"github.com/figgen/figgen/spec"
)

// A figure is either right or an error. Before a figure is encoded it is
// drawn once on a canvas that keeps nothing (the layout pass): every text
// is recorded with its box and the field it came from, every plot area and
// every curve with what of it was seen. Then every text must lie inside
// the canvas, no two texts may overlap, each plot area must keep at least
// minAreaShare of the figure's width and of its height, and each curve
// must show somewhere in its plot. A violation is an error at the field
// responsible, naming the numbers; nothing is encoded.
const (
	minAreaShare = 0.3 // of the figure's width and of its height
	fitTolerance = 1.0 // pixels a box may cross an edge or another box by
)

// origin is the field a drawn text comes from: its key path ("y_label",
// "rows[1].caption") and its spec.Text.
type origin struct {
	path string
	text spec.Text
}

// layout is what one layout pass records.
type layout struct {
	texts  []placed
	areas  []area
	covers []cover
	errs   spec.ErrorList
}

// cover is a box drawn inside a plot over its curves (a legend, a
// formula): it may hide none of them.
type cover struct {
	box  vg.Rectangle
	what string // "the legend", "the formula", for the message
	path string // the field blamed
	hint string // what to do about it
}

// placed is a text as drawn: its source and its box on the canvas.
type placed struct {
	txt string
	box vg.Rectangle
}

// area is a plot area as drawn: the data rectangle of a plot, the frame of
// a scene. most is the largest size a drawing that keeps its proportions
// (a scene, the cube) could have in the figure with no text at all; zero
// for a plot, which takes whatever the texts leave.
type area struct {
	r    vg.Rectangle
	most vg.Point
	of   vg.Point // the size of the panel it is in; zero: the figure's
}

// track is a curve of a plot: Plot marks it seen when a sample of it lies
// inside the plot area.
type track struct {
	what string // the curve, for the message ("σ(z)", "biases[1]")
	xv   string // the variable of the horizontal axis, for the message ("z", "x")
	path string // the field blamed when it is not seen; "" for the y range
	hint string // said after the message, when set
	seen bool
	// pieces are the curve's lines as the layout pass draws them, clipped
	// to the plot; nil outside it.
	pieces [][]vg.Point
	record bool
	// The plot's ranges, for the message.
	x0, x1, y0, y1 float64
}

// recorder is the text handler of a figure: it draws through the typeset
// handler, except during the layout pass, when it records each text's box
// instead.
type recorder struct {
	text.Handler
	lay *layout
}

// Draw draws txt, or records it during the layout pass.
func (r *recorder) Draw(c vg.Canvas, txt string, sty text.Style, pt vg.Point) {
	if r.lay == nil {
		r.Handler.Draw(c, txt, sty, pt)
		return
	}
	txt = strings.TrimRight(txt, "\n")
	if txt == "" {
		return
	}
	b := sty.Rectangle(txt)
	r.lay.texts = append(r.lay.texts, placed{txt: txt, box: b.Add(pt)})
}

// laying returns the layout being recorded, nil outside the layout pass.
func (e *env) laying() *layout { return e.rec.lay }

// alias makes derived (a wrapped or composed text) come from the field
// src comes from.
func (e *env) alias(derived, src string) {
	if o, ok := e.origins[src]; ok {
		if _, seen := e.origins[derived]; !seen {
			e.origins[derived] = o
		}
	}
}

// problemAt records a problem at pos while the figure is built (a scene
// fitting its texts) or during the layout pass; drawing the formats after
// records nothing.
func (e *env) problemAt(pos spec.Pos, format string, args ...any) {
	switch lay := e.laying(); {
	case e.mute:
	case lay != nil:
		lay.errs = append(lay.errs, spec.Errorf(pos, format, args...))
	case !e.built:
		e.early = append(e.early, spec.Errorf(pos, format, args...))
	}
}

// problem records a problem of the text of o, or of path when o is the
// zero origin.
func (e *env) problem(o origin, path, format string, args ...any) {
	pos := o.text.Pos
	if o.path == "" {
		pos = e.f.PosOf(path)
	}
	e.problemAt(pos, format, args...)
}

// track returns a track for a curve of the figure over the horizontal
// axis' variable xv.
func (e *env) track(what, path, xv string) *track {
	t := &track{what: what, path: path, xv: xv}
	e.curves = append(e.curves, t)
	return t
}

// areaProbe is a plotter that records the data area of its plot.
type areaProbe struct{ e *env }

func (a areaProbe) Plot(c draw.Canvas, _ *plot.Plot) { a.e.plotArea(c.Rectangle, vg.Point{}) }

// cover records a box drawn over the curves of a plot during the layout
// pass.
func (e *env) cover(box vg.Rectangle, what, path, hint string) {
	if lay := e.laying(); lay != nil {
		lay.covers = append(lay.covers, cover{box: box, what: what, path: path, hint: hint})
	}
}

// plotArea records r as a plot area during the layout pass, with the
// largest size most its drawing could have (see area).
func (e *env) plotArea(r vg.Rectangle, most vg.Point) {
	if lay := e.laying(); lay != nil {
		lay.areas = append(lay.areas, area{r: r, most: most, of: e.cell})
	}
}

// fieldOrigins returns the origin of every non-empty text field of f by
// its source (the first field of a source wins).
func fieldOrigins(f *spec.Figure) map[string]origin {
	m := map[string]origin{}
	add := func(path string, t spec.Text) {
		if _, ok := m[t.Src]; !ok && t.Src != "" {
			m[t.Src] = origin{path: path, text: t}
		}
	}
	add("title", f.Title)
	if f.Spec != nil {
		walkTexts(reflect.ValueOf(f.Spec), "", add)
	}
	return m
}

var textType = reflect.TypeFor[spec.Text]()

// walkTexts calls add with the key path of every spec.Text under v.
func walkTexts(v reflect.Value, path string, add func(string, spec.Text)) {
	if v.Type() == textType {
		add(path, v.Interface().(spec.Text))
		return
	}
	switch v.Kind() {
	case reflect.Pointer:
		if !v.IsNil() {
			walkTexts(v.Elem(), path, add)
		}
	case reflect.Slice, reflect.Array:
		for i := range v.Len() {
			walkTexts(v.Index(i), fmt.Sprintf("%s[%d]", path, i), add)
		}
	case reflect.Struct:
		for i := range v.NumField() {
			sf := v.Type().Field(i)
			tag, _, _ := strings.Cut(sf.Tag.Get("yaml"), ",")
			if !sf.IsExported() || tag == "-" {
				continue
			}
			p := path
			switch {
			case tag == "" && sf.Anonymous: // inline
			case p == "":
				p = tag
			default:
				p += "." + tag
			}
			walkTexts(v.Field(i), p, add)
		}
	}
}

// layoutPass draws the figure once on a canvas that keeps nothing and
// checks what was drawn. It returns the problems found, or nil.
func (e *env) layoutPass(drawFig func(draw.Canvas)) spec.ErrorList {
	w, h := pixels(e.f.Width), pixels(e.f.Height)
	e.built = true
	lay := &layout{errs: e.early}
	for _, t := range e.curves {
		t.seen, t.pieces, t.record = false, nil, true
	}
	e.rec.lay = lay
	defer func() {
		e.rec.lay = nil
		for _, t := range e.curves {
			t.pieces, t.record = nil, false
		}
	}()
	drawFig(draw.New(nullCanvas{w: w, h: h}))
	if len(lay.errs) > 0 {
		return lay.errs // the builder's own words; the rest follows from them
	}
	e.checkTexts(lay, w, h)
	e.checkAreas(lay, w, h)
	if len(lay.errs) == 0 {
		e.checkCurves(lay) // a plot with no room shows no curve
	}
	if len(lay.errs) == 0 {
		e.checkCovers(lay)
	}
	return lay.errs
}

// toPx converts a canvas length (points) to pixels.
func toPx(l vg.Length) float64 { return float64(l) * pixelDPI / 72 }

// name returns how a message names a drawn text: its field, or the text.
func (e *env) name(txt string) (origin, string) {
	if o, ok := e.origins[txt]; ok {
		return o, o.path
	}
	return origin{}, "the text `" + short(strings.ReplaceAll(txt, "\n", " ")) + "`"
}

// checkTexts wants every text inside the canvas and no two overlapping. It
// reports each text once.
func (e *env) checkTexts(lay *layout, w, h vg.Length) {
	tol := vg.Length(fitTolerance * 72 / pixelDPI)
	bad := map[string]bool{}
	for _, t := range lay.texts {
		if bad[t.txt] {
			continue
		}
		o, name := e.name(t.txt)
		b := t.box
		bw, bh := toPx(b.Max.X-b.Min.X), toPx(b.Max.Y-b.Min.Y)
		var msg, path string
		switch {
		case bh > toPx(h)+fitTolerance:
			msg, path = fmt.Sprintf("%s needs %s px; the figure is %d px high", name, px(bh), e.f.Height), "height"
		case bw > toPx(w)+fitTolerance:
			msg, path = fmt.Sprintf("%s needs %s px; the figure is %d px wide", name, px(bw), e.f.Width), "width"
		case b.Min.X < -tol:
			msg, path = fmt.Sprintf("%s runs %s px past the left edge of the %d px wide figure", name, px(toPx(-b.Min.X)), e.f.Width), "width"
		case b.Max.X > w+tol:
			msg, path = fmt.Sprintf("%s runs %s px past the right edge of the %d px wide figure", name, px(toPx(b.Max.X-w)), e.f.Width), "width"
		case b.Min.Y < -tol:
			msg, path = fmt.Sprintf("%s runs %s px past the bottom edge of the %d px high figure", name, px(toPx(-b.Min.Y)), e.f.Height), "height"
		case b.Max.Y > h+tol:
			msg, path = fmt.Sprintf("%s runs %s px past the top edge of the %d px high figure", name, px(toPx(b.Max.Y-h)), e.f.Height), "height"
		default:
			continue
		}
		bad[t.txt] = true
		e.problem(o, path, "%s", msg)
	}
	for i, a := range lay.texts {
		for _, b := range lay.texts[i+1:] {
			if bad[a.txt] || bad[b.txt] {
				continue
			}
			ox := min(a.box.Max.X, b.box.Max.X) - max(a.box.Min.X, b.box.Min.X)
			oy := min(a.box.Max.Y, b.box.Max.Y) - max(a.box.Min.Y, b.box.Min.Y)
			if ox <= tol || oy <= tol {
				continue
			}
			oa, na := e.name(a.txt)
			ob, nb := e.name(b.txt)
			if oa.path == "" && ob.path != "" {
				oa, na, nb = ob, nb, na
			}
			bad[a.txt], bad[b.txt] = true, true
			e.problem(oa, "width", "%s overlaps %s by %s×%s px; the figure is %d×%d px",
				na, nb, px(toPx(ox)), px(toPx(oy)), e.f.Width, e.f.Height)
		}
	}
}

// checkAreas wants every plot area to keep minAreaShare of the figure's
// width and height. The text that takes most room outside it is blamed.
func (e *env) checkAreas(lay *layout, w, h vg.Length) {
	fw, fh := w, h
	for _, a := range lay.areas {
		w, h := fw, fh
		if a.of != (vg.Point{}) { // a panel's share of its cell
			w, h = a.of.X, a.of.Y
		}
		aw, ah := a.r.Max.X-a.r.Min.X, a.r.Max.Y-a.r.Min.Y
		if float64(aw) >= minAreaShare*float64(w) && float64(ah) >= minAreaShare*float64(h) {
			continue
		}
		path := "height"
		if float64(aw) < minAreaShare*float64(w) {
			path = "width"
		}
		if a.most != (vg.Point{}) && (float64(a.most.X) < minAreaShare*float64(w) || float64(a.most.Y) < minAreaShare*float64(h)) {
			// No text is to blame: the figure's proportions are.
			e.problem(origin{}, path, "%s: the drawing keeps its proportions and gets at most %s×%s px of the %d×%d px figure; it needs at least %s×%s px",
				path, px(toPx(a.most.X)), px(toPx(a.most.Y)), e.f.Width, e.f.Height,
				px(minAreaShare*toPx(w)), px(minAreaShare*toPx(h)))
			return
		}
		// The named text with the largest box takes the blame.
		var worst origin
		big := vg.Length(-1)
		for _, t := range lay.texts {
			o, ok := e.origins[t.txt]
			if !ok {
				continue
			}
			s := (t.box.Max.X - t.box.Min.X) * (t.box.Max.Y - t.box.Min.Y)
			if s > big {
				worst, big = o, s
			}
		}
		what := "the figure's texts leave"
		if worst.path != "" {
			what = worst.path + " leaves"
		}
		e.problem(worst, path, "%s the plot %s×%s px of the %d×%d px figure; it needs at least %s×%s px",
			what, px(toPx(max(aw, 0))), px(toPx(max(ah, 0))), e.f.Width, e.f.Height,
			px(minAreaShare*toPx(w)), px(minAreaShare*toPx(h)))
		return
	}
}

// checkCurves wants every curve seen in its plot.
func (e *env) checkCurves(lay *layout) {
	for _, t := range e.curves {
		if t.seen {
			continue
		}
		path := t.path
		if path == "" {
			path = "y_range"
		}
		hint := ""
		if t.hint != "" {
			hint = "; " + t.hint
		}
		e.problemAt(e.f.PosOf(path), "%s: nothing of %s is inside the plot (%s from %s to %s, y from %s to %s)%s",
			path, t.what, t.xv, proseNum(t.x0), proseNum(t.x1), proseNum(t.y0), proseNum(t.y1), hint)
	}
}

// checkCovers wants no box drawn over a plot (a legend, a formula) to
// hide a curve: a line of a curve may not cross it. Each box is reported
// once, with the first curve it hides.
func (e *env) checkCovers(lay *layout) {
	tol := vg.Length(fitTolerance * 72 / pixelDPI)
	for _, cv := range lay.covers {
		b := cv.box
		b.Min.X, b.Min.Y, b.Max.X, b.Max.Y = b.Min.X+tol, b.Min.Y+tol, b.Max.X-tol, b.Max.Y-tol
	curves:
		for _, t := range e.curves {
			for _, piece := range t.pieces {
				for i := 1; i < len(piece); i++ {
					if crosses(piece[i-1], piece[i], b) {
						e.problemAt(e.f.PosOf(cv.path), "%s: %s hides part of %s in the %d×%d px figure; %s",
							cv.path, cv.what, t.what, e.f.Width, e.f.Height, cv.hint)
						break curves
					}
				}
			}
		}
	}
}

// crosses reports whether the segment from p to q meets the rectangle r
// (Liang–Barsky clipping).
func crosses(p, q vg.Point, r vg.Rectangle) bool {
	if r.Min.X >= r.Max.X || r.Min.Y >= r.Max.Y {
		return false
	}
	t0, t1 := 0.0, 1.0
	dx, dy := float64(q.X-p.X), float64(q.Y-p.Y)
	for _, c := range [4][2]float64{
		{-dx, float64(p.X - r.Min.X)}, {dx, float64(r.Max.X - p.X)},
		{-dy, float64(p.Y - r.Min.Y)}, {dy, float64(r.Max.Y - p.Y)},
	} {
		den, num := c[0], c[1]
		if den == 0 {
			if num < 0 {
				return false
			}
			continue
		}
		t := num / den
		if den < 0 {
			t0 = max(t0, t)
		} else {
			t1 = min(t1, t)
		}
		if t0 > t1 {
			return false
		}
	}
	return true
}

// nullCanvas is a vg.Canvas of a size that draws nothing: the canvas of
// the layout pass.
type nullCanvas struct{ w, h vg.Length }

func (nullCanvas) SetLineWidth(vg.Length)                 {}
func (nullCanvas) SetLineDash([]vg.Length, vg.Length)     {}
func (nullCanvas) SetColor(color.Color)                   {}
func (nullCanvas) Rotate(float64)                         {}
func (nullCanvas) Translate(vg.Point)                     {}
func (nullCanvas) Scale(float64, float64)                 {}
func (nullCanvas) Push()                                  {}
func (nullCanvas) Pop()                                   {}
func (nullCanvas) Stroke(vg.Path)                         {}
func (nullCanvas) Fill(vg.Path)                           {}
func (nullCanvas) FillString(font.Face, vg.Point, string) {}
func (nullCanvas) DrawImage(vg.Rectangle, image.Image)    {}
func (c nullCanvas) Size() (vg.Length, vg.Length)         { return c.w, c.h }

// plotFitter returns what fits the texts of p to a canvas before p is
// drawn on it: the title to the canvas's width, the y label to the data
// area's height, the x label to its width and a symbolic x tick (a
// threshold's label) to the room around it. Each call starts from p's
// texts as built, so p can be drawn on several canvases.
func (e *env) plotFitter(p *plot.Plot) func(c draw.Canvas) {
	title, tsty := p.Title.Text, p.Title.TextStyle
	xl, xsty := p.X.Label.Text, p.X.Label.TextStyle
	yl, ysty := p.Y.Label.Text, p.Y.Label.TextStyle
	ticks, _ := p.X.Tick.Marker.(symbolicTicks)
	ticks = append(symbolicTicks(nil), ticks...)
	tickSty := p.X.Tick.Label
	return func(c draw.Canvas) {
		p.Title.Text, p.Title.TextStyle = e.fit(title, tsty, c.Max.X-c.Min.X, toPx(1))
		p.X.Label.Text, p.X.Label.TextStyle = xl, xsty
		p.Y.Label.Text, p.Y.Label.TextStyle = yl, ysty
		// The labels' room depends on each other: fit them to the canvas,
		// then twice to the data area left, reporting only the last time.
		mute := e.mute
		for i := range 3 {
			e.mute = mute || i < 2
			d := c
			if i > 0 {
				d = p.DataCanvas(c)
			}
			p.Y.Label.Text, p.Y.Label.TextStyle = e.fit(yl, ysty, d.Max.Y-d.Min.Y, toPx(1))
			if i > 0 {
				d = p.DataCanvas(c)
			}
			p.X.Label.Text, p.X.Label.TextStyle = e.fit(xl, xsty, d.Max.X-d.Min.X, toPx(1))
			if len(ticks) > 0 {
				fitted := make(symbolicTicks, len(ticks))
				for j, t := range ticks {
					x := d.Min.X + vg.Length((t.Value-p.X.Min)/(p.X.Max-p.X.Min))*(d.Max.X-d.Min.X)
					room := min(2*min(x-c.Min.X, c.Max.X-x), d.Max.X-d.Min.X)
					t.Label, p.X.Tick.Label = e.fit(t.Label, tickSty, room, toPx(1))
					fitted[j] = t
				}
				p.X.Tick.Marker = fitted
			}
		}
		e.mute = mute
	}
}

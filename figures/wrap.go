package figures

import (
	"fmt"
	"math"
	"strings"

	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
)

// Long text is broken into lines at the spaces outside its $…$ math, the
// way Korean typesetting breaks (keep-all): never inside a word, a Hangul
// word included, and never inside math. A word wider than its room shrinks
// the whole text, down to minShrink of its size; wider still, it is an
// error of the text's field.
const minShrink = 0.75

// word is a run of rich text between spaces outside math: its source and
// its byte offset in the line it was cut from.
type word struct {
	src string
	off int
}

// words splits one line of rich text at the spaces outside $…$ math and
// \$. A line whose math is unclosed is one word from the unmatched "$" on.
func words(line string) []word {
	var ws []word
	start := -1
	inMath := false
	for i := 0; i < len(line); i++ {
		c := line[i]
		switch {
		case c == '\\' && i+1 < len(line) && (line[i+1] == '$' || inMath):
			if start < 0 {
				start = i
			}
			i++ // \$ outside math, any escape inside it
			continue
		case c == '$':
			inMath = !inMath
		case c == ' ' && !inMath:
			if start >= 0 {
				ws = append(ws, word{line[start:i], start})
				start = -1
			}
			continue
		}
		if start < 0 {
			start = i
		}
	}
	if start >= 0 {
		ws = append(ws, word{line[start:], start})
	}
	return ws
}

// fit returns src broken into lines no wider than room (in the units of
// sty's font size) and the style to draw it with: sty itself, or sty
// shrunk so that its widest word fits, down to minShrink of its size. src
// comes back unchanged when every line of it fits. A word too wide even
// at the floor is recorded as a problem of src's field during a layout
// pass; pxPerUnit converts the units to pixels for the message.
func (e *env) fit(src string, sty text.Style, room vg.Length, pxPerUnit float64) (string, text.Style) {
	if src == "" {
		return src, sty
	}
	room = max(room, 0)
	lines := strings.Split(src, "\n")
	fits := true
	for _, l := range lines {
		if sty.Width(l) > room {
			fits = false
			break
		}
	}
	if fits {
		return src, sty
	}
	// Shrink to the widest word, within the floor.
	widest, wsrc, woff := vg.Length(0), "", 0
	off := 0
	for _, l := range lines {
		for _, w := range words(l) {
			if wd := sty.Width(w.src); wd > widest {
				widest, wsrc, woff = wd, w.src, off+w.off
			}
		}
		off += len(l) + 1
	}
	if widest > room {
		k := math.Max(float64(room/widest), minShrink)
		sty.Font.Size = vg.Length(float64(sty.Font.Size) * k)
		if w := sty.Width(wsrc); w > room*1.001 {
			e.wordTooLong(src, woff, wsrc, float64(w)*pxPerUnit, float64(room)*pxPerUnit)
		}
	}
	space := sty.Width(" ")
	var out []string
	for _, l := range lines {
		if sty.Width(l) <= room {
			out = append(out, l)
			continue
		}
		cur, curW := "", vg.Length(0)
		for _, w := range words(l) {
			wd := sty.Width(w.src)
			switch {
			case cur == "":
				cur, curW = w.src, wd
			case curW+space+wd <= room:
				cur, curW = cur+" "+w.src, curW+space+wd
			default:
				out = append(out, cur)
				cur, curW = w.src, wd
			}
		}
		out = append(out, cur)
	}
	wrapped := strings.Join(out, "\n")
	e.alias(wrapped, src)
	return wrapped, sty
}

// wordTooLong records that a word of src does not fit its room even at the
// smallest size.
func (e *env) wordTooLong(src string, off int, w string, need, room float64) {
	o, ok := e.origins[src]
	if !ok {
		e.problem(o, "", "`%s` needs %s px at the smallest size; it has %s px", short(w), px(need), px(room))
		return
	}
	at := o.text.Pos
	if o.text.Src == src {
		at = o.text.PosAt(off)
	}
	e.problemAt(at, "%s: `%s` needs %s px at the smallest size; it has %s px", o.path, short(w), px(need), px(room))
}

// tooTall records that txt, as fitted, needs more height (in pixels) than
// its room: wrapped into more lines, it would run over the drawing.
func (e *env) tooTall(txt string, need, room float64) {
	o, name := e.name(txt)
	e.problem(o, "height", "%s needs %s px of height here; it has %s px", name, px(need), px(room))
}

// short returns s cut to 24 characters for a message.
func short(s string) string {
	rs := []rune(s)
	if len(rs) <= 24 {
		return s
	}
	return string(rs[:23]) + "…"
}

// px formats a length in pixels, rounded up.
func px(v float64) string { return fmt.Sprint(int(math.Ceil(v - 1e-9))) }

package typeset

import (
	"fmt"
	"image/color"
	"strings"
	"sync"
	"testing"

	plotfont "gonum.org/v1/plot/font"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/vgimg"
)

var benchLabels = []string{`$\sigma(z)=\frac{1}{1+e^{-z}}$`, `출력 신호 있음 ($y=1$)`}

// BenchmarkLayout parses and lays out typical labels with warm glyph caches
// but no layout cache.
func BenchmarkLayout(b *testing.B) {
	l := newLayouter(engine(b))
	for b.Loop() {
		for _, s := range benchLabels {
			segs, err := parseLine(s)
			if err != nil {
				b.Fatal(err)
			}
			l.layoutLine(segs, 12, false)
		}
	}
}

// BenchmarkDraw draws typical labels onto a PNG canvas with one handler.
func BenchmarkDraw(b *testing.B) {
	h := engine(b).Handler()
	c := vgimg.New(300, 100)
	sty := text.Style{Color: color.Black, Font: plotfont.Font{Size: 12}, Handler: h}
	for b.Loop() {
		for i, s := range benchLabels {
			h.Draw(c, s, sty, vg.Point{X: 10, Y: 20 + 40*vg.Length(i)})
		}
	}
}

// TestParallelHandlers renders with one handler per goroutine; run with
// -race to check that handlers share nothing mutable.
func TestParallelHandlers(t *testing.T) {
	e := engine(t)
	var wg sync.WaitGroup
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			h := e.Handler()
			c := vgimg.New(200, 80)
			sty := text.Style{Color: color.Black, Font: plotfont.Font{Size: 10}, Handler: h}
			for _, s := range benchLabels {
				h.Draw(c, s, sty, vg.Point{X: 5, Y: 30})
				if err := e.Check(s); err != nil {
					t.Error(err)
				}
			}
		}()
	}
	wg.Wait()
}

// longLine returns unit repeated to at least n bytes.
func longLine(unit string, n int) string {
	return strings.Repeat(unit, (n+len(unit)-1)/len(unit))
}

// longLines are units of long one-line texts: plain text, math, and math
// nested 40 deep.
var longLines = []struct{ name, unit string }{
	{"plain", "가중합 weighted sum "},
	{"math", `$x_1 + \frac{a}{b} \cdot \alpha^2$ `},
	{"nested", "$" + strings.Repeat(`\sqrt{`, 40) + "x" + strings.Repeat("}", 40) + "$ "},
}

// benchLong runs op on each long line at two lengths; the time per byte
// must not grow with the length.
func benchLong(b *testing.B, op func(e *Engine, s string)) {
	e := engine(b)
	for _, ll := range longLines {
		for _, n := range []int{10_000, 80_000} {
			s := longLine(ll.unit, n)
			b.Run(fmt.Sprintf("%s/%d", ll.name, n), func(b *testing.B) {
				b.SetBytes(int64(len(s)))
				for b.Loop() {
					op(e, s)
				}
			})
		}
	}
}

// BenchmarkLongBox lays out one long line with a fresh handler.
func BenchmarkLongBox(b *testing.B) {
	benchLong(b, func(e *Engine, s string) { e.Handler().Box(s, testFont) })
}

// BenchmarkLongDraw draws one long line onto a small PNG canvas with a fresh
// handler.
func BenchmarkLongDraw(b *testing.B) {
	c := vgimg.New(300, 100)
	benchLong(b, func(e *Engine, s string) {
		h := e.Handler()
		sty := text.Style{Color: color.Black, Font: testFont, Handler: h}
		h.Draw(c, s, sty, vg.Point{X: 10, Y: 20})
	})
}

// BenchmarkLongCheck checks one long line.
func BenchmarkLongCheck(b *testing.B) {
	benchLong(b, func(e *Engine, s string) { _ = e.Check(s) })
}

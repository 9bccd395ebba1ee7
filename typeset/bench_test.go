package typeset

import (
	"image/color"
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

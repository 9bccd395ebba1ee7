package typeset

import (
	"math"
	"testing"

	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"
)

// fillRecorder records the paths filled on it.
type fillRecorder struct {
	vg.CanvasSizer
	fills []vg.Path
}

func (r *fillRecorder) Fill(p vg.Path) { r.fills = append(r.fills, p) }

// glyphRecorder is a canvas that places glyphs (as an SVG does).
type glyphRecorder struct {
	fillRecorder
	keys     []any
	at       []vg.Point
	outlines []vg.Path
}

func (r *glyphRecorder) FillGlyph(key any, at vg.Point, outline func() vg.Path) {
	r.keys, r.at = append(r.keys, key), append(r.at, at)
	if len(r.keys) == 1 || r.keys[len(r.keys)-1] != r.keys[0] {
		r.outlines = append(r.outlines, outline())
	}
}

// TestGlyphsPlaced: on a canvas that places glyphs, even behind gonum's
// draw.Canvas, every glyph is placed by a key of its outline (one key for
// one glyph at one size) and nothing is filled; the outline placed at its
// origin is the path another canvas is given to fill.
func TestGlyphsPlaced(t *testing.T) {
	h := engine(t).Handler()
	sty := text.Style{Font: font.Font{Size: 12}, Handler: h}
	at := vg.Point{X: 10, Y: 20}
	plain := &fillRecorder{CanvasSizer: vgimg.New(100, 100)}
	h.Draw(draw.New(plain), "aa", sty, at)
	rec := &glyphRecorder{fillRecorder: fillRecorder{CanvasSizer: vgimg.New(100, 100)}}
	h.Draw(draw.Crop(draw.New(rec), 1, 0, 0, 0), "aa", sty, at)

	if len(rec.fills) != 0 || len(rec.keys) != 2 || len(plain.fills) != 2 {
		t.Fatalf("%d fills and %d glyphs placed; %d fills on a plain canvas", len(rec.fills), len(rec.keys), len(plain.fills))
	}
	if rec.keys[0] != rec.keys[1] || !(rec.at[1].X > rec.at[0].X) || rec.at[1].Y != rec.at[0].Y {
		t.Errorf("two a's placed with keys %v, %v at %v, %v", rec.keys[0], rec.keys[1], rec.at[0], rec.at[1])
	}
	for i, want := range plain.fills {
		got := rec.outlines[0]
		if len(got) != len(want) {
			t.Fatalf("glyph %d: outline of %d components, filled %d", i, len(got), len(want))
		}
		for j := range got {
			g, w := got[j], want[j]
			if g.Type != w.Type || len(g.Control) != len(w.Control) {
				t.Fatalf("glyph %d, component %d: %+v, filled %+v", i, j, g, w)
			}
			pts := append([]vg.Point{g.Pos}, g.Control...)
			wpts := append([]vg.Point{w.Pos}, w.Control...)
			for k := range pts {
				if g.Type == vg.CloseComp {
					break
				}
				p := pts[k].Add(rec.at[i])
				if math.Abs(float64(p.X-wpts[k].X)) > 1e-9 || math.Abs(float64(p.Y-wpts[k].Y)) > 1e-9 {
					t.Fatalf("glyph %d, component %d: placed at %v, filled at %v", i, j, p, wpts[k])
				}
			}
		}
	}
}

package figures

import (
	"bytes"
	"image/color"
	"image/png"
	"slices"
	"testing"

	"github.com/figgen/figgen/neuron"
)

// TestBiasShiftLegendOrder: the legend lists the curves top to bottom as
// they stand, whatever the order of the spec's biases: for every
// activation, the curve of each entry is nowhere below the next entry's
// and above it somewhere; each entry keeps its curve's colour.
func TestBiasShiftLegendOrder(t *testing.T) {
	e := &env{th: lightTheme, h: renderer(t).eng.Handler(), scale: 1}
	for _, a := range neuron.Activations() {
		f := decodeYAML(t, "x.yaml", "kind: bias-shift\nactivation: "+a.Name+"\nbiases: [-1, 2, 0.5, -3]\n")
		s := f.Spec.(*BiasShift)
		l := legendOf(e, s.expand(f))
		var labels []string
		for _, en := range l.Entries {
			labels = append(labels, en.Label)
		}
		if want := []string{"$b = 2$", "$b = 0.5$", "$b = -1$", "$b = -3$"}; !slices.Equal(labels, want) {
			t.Errorf("%s: legend %q, want %q", a.Name, labels, want)
		}
		order := s.order()
		for k, i := range order {
			if l.Entries[k].Line.Color != lightTheme.palette(i) {
				t.Errorf("%s: entry %d has colour %v, its curve %v", a.Name, k, l.Entries[k].Line.Color, lightTheme.palette(i))
			}
			if k == 0 {
				continue
			}
			hi, lo := s.Biases[order[k-1]], s.Biases[i]
			above := false
			for z := -8.0; z <= 8; z += 1.0 / 64 {
				y1, y2 := a.F(z+hi), a.F(z+lo)
				if y1 < y2 {
					t.Fatalf("%s: at z = %g the curve of b = %g (%g) is below that of b = %g (%g), listed after it", a.Name, z, hi, y1, lo, y2)
				}
				above = above || y1 > y2
			}
			if !above {
				t.Errorf("%s: curves of b = %g and %g never apart", a.Name, hi, lo)
			}
		}
	}
}

// legendOf returns the legend the plot p draws: its entries in its
// legend_order.
func legendOf(e *env, p *Plot) legendBox {
	l := e.newLegendBox(p.Legend)
	for _, in := range p.instances(e.th) {
		in.l.Style.Width = 2.2 // as the plot's defaults give
		p.layerPlotters(e, in, &l)
	}
	l.Entries = p.ordered(l.Entries)
	return l
}

// TestBiasShiftLegendDrawn looks at the rendered 10.png: the line samples
// of the legend (bottom right) stand top to bottom in the order of the
// curves (b = 2 green, 0 orange, −2 blue), and the y = 0 guide does not
// run through the legend.
func TestBiasShiftLegendDrawn(t *testing.T) {
	f := decodeYAML(t, "x.yaml", "kind: bias-shift\nformats: [png]\n")
	outs, err := renderer(t).Render(f)
	if err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(bytes.NewReader(outs[0].Data))
	if err != nil {
		t.Fatal(err)
	}
	b := img.Bounds()
	near := func(c color.Color, want color.Color) bool {
		r, g, bl, _ := c.RGBA()
		wr, wg, wb, _ := want.RGBA()
		d := func(x, y uint32) bool { return x>>8+12 >= y>>8 && y>>8+12 >= x>>8 }
		return d(r, wr) && d(g, wg) && d(bl, wb)
	}
	// A pixel of the guides' dashed light grey, as antialiasing leaves it.
	guideGrey := func(c color.Color) bool {
		r, g, bl, _ := c.RGBA()
		r, g, bl = r>>8, g>>8, bl>>8
		return r == g && g == bl && r >= 0xd0 && r <= 0xf4
	}
	// The sample of each colour: the row, in the lower right quarter, with
	// the longest run of it (the curves there are near y = 1, at the top).
	sample := func(col color.Color) (row, x0, x1 int) {
		best := 0
		for y := b.Dy() / 2; y < b.Dy(); y++ {
			run := 0
			for x := b.Dx() / 2; x < b.Dx(); x++ {
				if near(img.At(x, y), col) {
					run++
					if run > best {
						best, row, x0, x1 = run, y, x-run+1, x
					}
				} else {
					run = 0
				}
			}
		}
		if best < 20 {
			t.Fatalf("no legend sample of colour %v", col)
		}
		return row, x0, x1
	}
	var rows []int
	left, right := b.Dx(), 0
	for _, i := range []int{2, 1, 0} { // b = 2, 0, −2
		y, x0, x1 := sample(lightTheme.palette(i))
		rows = append(rows, y)
		left, right = min(left, x0), max(right, x1)
	}
	if !(rows[0] < rows[1] && rows[1] < rows[2]) {
		t.Errorf("legend samples of b = 2, 0, −2 at rows %v, want top to bottom", rows)
	}
	// The guide y = 0: the row near the samples with the most guide grey
	// in the left half of the plot.
	guide, most := 0, 0
	for y := slices.Min(rows) - 30; y < slices.Max(rows)+30 && y < b.Dy(); y++ {
		n := 0
		for x := 0; x < b.Dx()/2; x++ {
			if guideGrey(img.At(x, y)) {
				n++
			}
		}
		if n > most {
			guide, most = y, n
		}
	}
	if most < 40 {
		t.Fatalf("no y = 0 guide found (%d grey pixels)", most)
	}
	// From the samples to the labels' end the guide row is the legend's
	// white: no guide grey, no ink of the curves.
	for x := left; x <= right+60 && x < b.Dx(); x++ {
		if c := img.At(x, guide); guideGrey(c) {
			t.Fatalf("the y = 0 guide shows at (%d, %d) inside the legend", x, guide)
		}
	}
}

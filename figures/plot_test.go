package figures

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"math"
	"regexp"
	"strings"
	"testing"
)

// TestPlotErrors: bad panels and layers are errors at the key to blame.
func TestPlotErrors(t *testing.T) {
	for _, tc := range []struct{ name, src, want string }{
		{"panels and layers", "kind: plot\nlayers:\n  - hline: 0\npanels:\n  - layers: [{hline: 1}]\n",
			"x.yaml:3:3: layers: a plot has layers or panels, not both: move these layers into panels"},
		{"a panel without layers", "kind: plot\npanels:\n  - title: A\n",
			"x.yaml:3:5: panels[0].layers: want 1 to 40 layers, got 0"},
		{"a bad formula in a panel", "kind: plot\npanels:\n  - layers:\n      - function: sigmod(x)\n",
			`x.yaml:4:19: panels[0].layers[0].function: unknown function "sigmod" (did you mean "sigmoid"?)`},
		{"more columns than panels", "kind: plot\ncolumns: 3\npanels:\n  - layers: [{hline: 1}]\n",
			"x.yaml:2:10: columns: 3 columns for 1 panels"},
		{"a panel's log axis from the top", "kind: plot\nx_range: [0, 1]\npanels:\n  - x_scale: log\n    layers: [{hline: 1}]\n",
			"x.yaml:2:10: x_range: a log axis needs both ends above 0, got 0"},
		{"a legend_order entry the legend lacks", "kind: plot\nlegend_order: [1, 0, 2]\nlayers:\n  - function: x + b\n    for_each: {b: [1, 2]}\n    label: '$b = {b}$'\n  - hline: 0\n",
			"x.yaml:2:22: legend_order[2]: the legend has 2 entries (0 to 1), got 2"},
		{"a legend_order of one entry", "kind: plot\nlegend_order: [-1]\nlayers:\n  - points: [[0, 0]]\n    label: a\n",
			"x.yaml:2:16: legend_order[0]: the legend has 1 entry (0), got -1"},
		{"a legend_order of no legend", "kind: plot\nlegend_order: [0]\nlayers:\n  - function: x\n",
			"x.yaml:2:16: legend_order[0]: the legend has no entries: give layers a label"},
		{"two kinds in a layer", "kind: plot\nlayers:\n  - function: x\n    points: [[0, 0]]\n",
			"x.yaml:4:13: layers[0]: a layer has one kind; this one has function and points: make them two layers"},
		{"a param beyond 1e9", "kind: plot\nparams: {a: 1, b: 1e300}\nlayers:\n  - function: b*x\n",
			"x.yaml:2:19: params.b: want a value from -1 × 10⁹ to 1 × 10⁹, got 1 × 10³⁰⁰"},
		{"a for_each value beyond 1e9", "kind: plot\nlayers:\n  - function: b*x\n    for_each: {b: [1, -2e9]}\n",
			"x.yaml:4:23: layers[0].for_each.b[1]: want a value from -1 × 10⁹ to 1 × 10⁹, got -2 × 10⁹"},
		// A preset's values become its plot's params: bounded as they are.
		{"a threshold-plane weight beyond 1e9", "kind: threshold-plane\nweights: [1e300, 1]\n",
			"x.yaml:2:11: weights[0]: want a value from -1 × 10⁹ to 1 × 10⁹, got 1 × 10³⁰⁰"},
		{"a threshold-plane threshold beyond 1e9", "kind: threshold-plane\nthreshold: -1e308\n",
			"x.yaml:2:12: threshold: want a value from -1 × 10⁹ to 1 × 10⁹, got -1 × 10³⁰⁸"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Kinds().Decode("x.yaml", []byte(tc.src))
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error\n%v\nwant\n%s", err, tc.want)
			}
		})
	}
}

// TestContourEnds: a surface whose contour lines gonum's Contour could
// not join (it grew without end) is drawn, and the same lines each time.
func TestContourEnds(t *testing.T) {
	r := renderer(t)
	f := decodeYAML(t, "x.yaml", "kind: plot\nlayers:\n  - contour: 'x^2 + 3*y^2'\n    levels: [22.22222222222222]\nformats: [svg]\n")
	a, err := r.Render(f)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := r.Render(f)
	if string(a[0].Data) != string(b[0].Data) {
		t.Errorf("two renders differ")
	}
	g := grid{n: 3, x0: 0, x1: 1, y0: 0, y1: 1, z: []float64{0, 0, 0, 0, 1, 0, 0, 0, 0}}
	if lines := contourLines(cornerGrid{g}, 0.5); len(lines) != 1 || len(lines[0].pts) != 4 || !lines[0].closed {
		t.Errorf("the contour around a peak: %v, want one closed loop of 4 points", lines)
	}
}

// TestColorBarTicks: a colour bar's ticks are written at their step's
// precision, never as the float64 the step's arithmetic gives
// (−0.8000000000000002), and the bar's room holds them.
func TestColorBarTicks(t *testing.T) {
	for _, tc := range []struct {
		lo, hi float64
		want   []string
	}{
		{-0.9723933233624025, 1.7009396403578472, []string{"$-0.8$", "$0.4$", "$1.6$"}},
		{-0.9094224890246997, 1.6829725949807792, []string{"$-0.5$", "$0.5$", "$1.5$"}},
		{0, 10, []string{"$0$", "$5$", "$10$"}},
		{0, 7.5, []string{"$0.0$", "$2.5$", "$5.0$", "$7.5$"}}, // one form, as an axis's
	} {
		var got []string
		for _, tk := range barTicks(tc.lo, tc.hi) {
			got = append(got, tk.Label)
		}
		if strings.Join(got, " ") != strings.Join(tc.want, " ") {
			t.Errorf("barTicks(%v, %v) = %q, want %q", tc.lo, tc.hi, got, tc.want)
		}
	}
	r := renderer(t)
	f := decodeYAML(t, "x.yaml", "kind: plot\nx_range: [-3, 3]\ny_range: [-3, 3]\nformats: [svg]\nlayers:\n  - heatmap: 'sin(3*x)*cos(2*y) + x^2/10'\n")
	if _, err := r.Render(f); err != nil {
		t.Fatal(err)
	}
}

// TestShadeFill: a region filled with the theme's shade is the firing
// region's colour of each theme, at its own opacity over the page, and
// an opacity beside it is an error at the opacity.
func TestShadeFill(t *testing.T) {
	src := "kind: plot\nformats: [png]\nthemes: [light, dark]\nwidth: 320\nheight: 200\nlegend: none\n" +
		"x_range: [0, 1]\ny_range: [0, 1]\nlayers:\n  - region: 'x >= -100'\n    style: {fill: shade}\n"
	f := decodeYAML(t, "shade.yaml", src)
	outs, err := renderer(t).Render(f)
	if err != nil {
		t.Fatal(err)
	}
	if len(outs) != 2 {
		t.Fatalf("%d outputs, want the light and the dark PNG", len(outs))
	}
	for i, th := range []*theme{lightTheme, darkTheme} {
		img, err := png.Decode(bytes.NewReader(outs[i].Data))
		if err != nil {
			t.Fatal(err)
		}
		got := color.NRGBAModel.Convert(img.At(200, 90)).(color.NRGBA)
		sr, sg, sb, sa := th.shade.RGBA() // premultiplied
		br, bg, bb, _ := th.bg.RGBA()
		over := func(s, b uint32) uint8 { return uint8((s + b*(0xffff-sa)/0xffff) >> 8) }
		want := color.NRGBA{R: over(sr, br), G: over(sg, bg), B: over(sb, bb), A: 0xff}
		d := func(a, b uint8) int { return max(int(a)-int(b), int(b)-int(a)) }
		if d(got.R, want.R) > 2 || d(got.G, want.G) > 2 || d(got.B, want.B) > 2 {
			t.Errorf("%s: the shaded region is %v, want the shade over the page %v", th.name, got, want)
		}
	}
	_, err = Kinds().Decode("x.yaml", []byte("kind: plot\nlayers:\n  - region: 'x > y'\n    style: {color: shade, opacity: 0.5}\n"))
	if want := "x.yaml:4:36: layers[0].style.opacity: the fill is the shade colour"; err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("error\n%v\nwant\n%s", err, want)
	}
}

// TestRegionHalfPlane: a region that is one comparison of affine sides
// is the exact polygon of the half-plane within the plot, one path of its
// corners (here the triangle over the diagonal of the square), its
// boundary one straight segment; a curved region keeps its rows.
func TestRegionHalfPlane(t *testing.T) {
	paths := func(region string) (fills, strokes []string) {
		src := "kind: plot\nformats: [svg]\nlegend: none\nx_range: [0, 1]\ny_range: [0, 1]\nparams: {theta: 1}\nlayers:\n" +
			"  - region: '" + region + "'\n    style: {color: '#123456'}\n"
		outs, err := renderer(t).Render(decodeYAML(t, "x.yaml", src))
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range regexp.MustCompile(`<path d="([^"]*)" fill="#123456"`).FindAllStringSubmatch(string(outs[0].Data), -1) {
			fills = append(fills, m[1])
		}
		for _, m := range regexp.MustCompile(`<path d="([^"]*)"[^>]*stroke="#123456"`).FindAllStringSubmatch(string(outs[0].Data), -1) {
			strokes = append(strokes, m[1])
		}
		return fills, strokes
	}
	for _, region := range []string{"2*x + y*(3 - 1) >= theta*2", "x1 + x2 > theta"} {
		region = strings.NewReplacer("x1", "x", "x2", "y").Replace(region)
		fills, strokes := paths(region)
		if sub, pts := pathShape(fills); len(fills) != 1 || sub != 1 || pts != 3 {
			t.Errorf("%s: fills %q, want one triangle", region, fills)
		}
		if sub, pts := pathShape(strokes); len(strokes) != 1 || sub != 1 || pts != 2 {
			t.Errorf("%s: boundary %q, want one segment", region, strokes)
		}
	}
	if fills, _ := paths("x^2 + y^2 <= 0.5"); len(fills) != 1 || func() bool { sub, _ := pathShape(fills); return sub < 10 }() {
		t.Errorf("a disc: fills %q, want the rows of the grid", fills)
	}
}

// pathShape counts the subpaths and the points of SVG path data (moves,
// lines, h and v; absolute or relative, letters repeated or implied).
func pathShape(ds []string) (subpaths, points int) {
	arity := map[byte]int{'M': 2, 'L': 2, 'H': 1, 'V': 1, 'C': 6, 'Q': 4, 'Z': 0}
	num := regexp.MustCompile(`^[-+]?(\d*\.\d+|\d+)(e[-+]?\d+)?`)
	for _, d := range ds {
		var cmd byte
		n := 0
		for i := 0; i < len(d); {
			c := d[i]
			switch {
			case c == ' ' || c == ',':
				i++
			case strings.IndexByte("MLHVCQZmlhvcqz", c) >= 0:
				cmd, n = c&^0x20, 0
				if cmd == 'M' {
					subpaths++
				}
				i++
			default:
				m := num.FindString(d[i:])
				if m == "" || arity[cmd] == 0 {
					return -1, -1
				}
				i += len(m)
				if n++; n%arity[cmd] == 0 {
					points++
				}
			}
		}
	}
	return subpaths, points
}

// TestEqualAspectKeepsRanges: a plot of equal aspect with more room
// across than up keeps its ranges, narrowed to a square for a square
// range, and its legend outside is frameless, centred on the plot's
// height.
func TestEqualAspectKeepsRanges(t *testing.T) {
	src := "kind: plot\nformats: [png]\nwidth: 320\nheight: 200\naspect: equal\nlegend: outside\nx_range: [0, 1]\ny_range: [0, 1]\n" +
		"layers:\n  - region: 'x >= -10'\n    style: {color: '#00ff00', opacity: 1}\n  - points: [[0.5, 0.5]]\n    style: {color: '#0000ff'}\n    label: p\n"
	img, err := png.Decode(bytes.NewReader(renderPNG(t, src)))
	if err != nil {
		t.Fatal(err)
	}
	box := func(want color.NRGBA) image.Rectangle {
		var r image.Rectangle
		b := img.Bounds()
		for y := b.Min.Y; y < b.Max.Y; y++ {
			for x := b.Min.X; x < b.Max.X; x++ {
				if color.NRGBAModel.Convert(img.At(x, y)) == want {
					r = r.Union(image.Rect(x, y, x+1, y+1))
				}
			}
		}
		return r
	}
	green := box(color.NRGBA{0, 0xff, 0, 0xff})
	if d := green.Dx() - green.Dy(); d < -2 || d > 2 {
		t.Errorf("the square [0, 1]² is drawn %d×%d px", green.Dx(), green.Dy())
	}
	blue := box(color.NRGBA{0, 0, 0xff, 0xff}) // the point, and the legend's marker beside the plot
	if blue.Max.X <= green.Max.X || blue.Min.X < green.Min.X {
		t.Fatalf("the legend's marker is not right of the plot: %v, plot %v", blue, green)
	}
	mid := (green.Min.Y + green.Max.Y) / 2
	if c := (blue.Min.Y + blue.Max.Y) / 2; c < mid-3 || c > mid+3 {
		t.Errorf("the legend's row is centred at y %d, the plot at %d", c, mid)
	}
	// A frame would be a column of its colour right of the plot.
	for x := green.Max.X + 2; x < img.Bounds().Max.X; x++ {
		n := 0
		for y := range img.Bounds().Max.Y {
			if color.NRGBAModel.Convert(img.At(x, y)) == (color.NRGBA{0xc4, 0xc4, 0xc4, 0xff}) {
				n++
			}
		}
		if n > 10 {
			t.Errorf("the legend outside has a frame at x %d", x)
			break
		}
	}
}

// greenPNG renders src, a plot spec of one PNG, and returns its pixels of
// pure green (the tests' region colour): a test, their count and the box
// around them.
func greenPNG(t *testing.T, src string) (green func(x, y int) bool, n int, box image.Rectangle) {
	t.Helper()
	outs, err := renderer(t).Render(decodeYAML(t, "x.yaml", src))
	if err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(bytes.NewReader(outs[0].Data))
	if err != nil {
		t.Fatal(err)
	}
	green = func(x, y int) bool { return color.NRGBAModel.Convert(img.At(x, y)) == color.NRGBA{0, 0xff, 0, 0xff} }
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			if green(x, y) {
				n++
				box = box.Union(image.Rect(x, y, x+1, y+1))
			}
		}
	}
	return green, n, box
}

// TestRegionRowJumps: a region whose rows change at once between two
// rows of its grid (the horizontal edge of 'x >= 0.5 or y <= -0.5') has
// that edge level, not a slope from one row's spans to the next one's.
func TestRegionRowJumps(t *testing.T) {
	for _, region := range []string{"x >= 0.5 or y <= -0.5", "x >= 0.5 or y <= -0.49", "(y <= 0 and x <= 0) or (y > 0 and x >= 0.5)"} {
		src := "kind: plot\nformats: [png]\nwidth: 640\nheight: 400\nlegend: none\nx_range: [-1, 1]\ny_range: [-1, 1]\n" +
			"layers:\n  - region: '" + region + "'\n    resolution: 20\n    style: {color: '#00ff00', opacity: 1}\n"
		green, _, box := greenPNG(t, src)
		// The topmost green pixel of the column at data x, below data y 0.9.
		top := func(x float64) int {
			px := box.Min.X + int((x+1)/2*float64(box.Dx()))
			for y := box.Min.Y + box.Dy()/20; y < box.Max.Y; y++ {
				if green(px, y) {
					return y
				}
			}
			return -1
		}
		a, c := top(-0.9), top(-0.1)
		if a < 0 || c < a-1 || c > a+1 {
			t.Errorf("%s: the left part's top is at pixel row %d at x = -0.9 and %d at x = -0.1, want it level", region, a, c)
		}
	}
}

// TestEqualAspectKeepsYRange: a plot of equal aspect with more room up
// than across keeps the y range its spec gives (lowered into its room),
// rather than widening it: the region over [0, 2] × [0, 1] is drawn twice
// as wide as high, and nothing beyond it.
func TestEqualAspectKeepsYRange(t *testing.T) {
	src := "kind: plot\ntitle: T\nformats: [png]\nwidth: 640\nheight: 400\naspect: equal\nlegend: none\nx_range: [0, 2]\ny_range: [0, 1]\n" +
		"layers:\n  - region: 'y >= -10'\n    style: {color: '#00ff00', opacity: 1}\n"
	_, _, green := greenPNG(t, src)
	if d := green.Dx() - 2*green.Dy(); d < -3 || d > 3 {
		t.Errorf("[0, 2] × [0, 1] is drawn %d×%d px, want twice as wide as high", green.Dx(), green.Dy())
	}
}

// TestRegionLogAxis: a region on a log axis is sampled evenly as the axis
// draws it, so that a band of half a decade near its low end, between two
// samples spread evenly in x, is drawn.
func TestRegionLogAxis(t *testing.T) {
	src := "kind: plot\nformats: [png]\nwidth: 640\nheight: 400\nlegend: none\nx_scale: log\nx_range: [0.01, 100]\ny_range: [0, 1]\n" +
		"layers:\n  - region: 'x >= 0.05 and x <= 0.2'\n    style: {color: '#00ff00', opacity: 1}\n"
	_, n, _ := greenPNG(t, src)
	// The band is 0.6 of 4 decades wide: some 80 px across the plot's
	// height, above 20 000 px.
	if n < 20000 {
		t.Errorf("the band [0.05, 0.2] has %d px, want it drawn", n)
	}
}

// TestUnfused: a grid's points are the rounded products an amd64 build
// computes, on arm64 too, whose compiler would fuse lo + (hi-lo)*t into
// one multiply-add (doc.go): .ci/run runs this test under qemu-aarch64.
func TestUnfused(t *testing.T) {
	n, differ := 0, 0
	for _, r := range [][2]float64{{-2.5, 1.5}, {-2, 4}, {-0.25, 1.25}, {0.01, 100}} {
		for i := 1; i < 64; i++ {
			tt := float64(i) / 63
			lo, hi := r[0], r[1]
			want := lo + float64((hi-lo)*tt) // rounded, then added
			if fused := math.FMA(hi-lo, tt, lo); fused != want {
				differ++
			}
			if got := along(lo, hi, tt, false); got != want {
				t.Errorf("along(%v, %v, %v) = %v, want the rounded %v", lo, hi, tt, got, want)
			}
			n++
		}
	}
	if differ == 0 {
		t.Fatalf("none of %d cases tells a fused multiply-add from a rounded one", n)
	}
}

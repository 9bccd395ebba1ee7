package figures

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"math"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

func TestOutputsNames(t *testing.T) {
	tests := []struct {
		spec string
		want []string
	}{
		{"", []string{"5.png", "5.svg"}},
		{"themes: [light, dark]\nscales: [1, 2]\n", []string{"5.png", "5@2x.png", "5.dark.png", "5.dark@2x.png", "5.svg", "5.dark.svg"}},
		{"themes: dark\nformats: [pdf, png]\nscales: [2]\n", []string{"5.dark.pdf", "5.dark@2x.png"}},
		{"themes: auto\nformats: [svg, png, pdf]\n", []string{"5.svg", "5.png", "5.dark.png", "5.pdf", "5.dark.pdf"}},
		{"themes: [auto]\noutput: a/b\nformats: [svg]\n", []string{"a/b.svg"}},
	}
	for _, tc := range tests {
		f := decodeYAML(t, "5.yaml", "kind: step\n"+tc.spec)
		var got []string
		for _, o := range Outputs(f) {
			got = append(got, o.Name)
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("%q: outputs %q, want %q", tc.spec, got, tc.want)
		}
	}
}

// contrast is the WCAG 2 contrast ratio of two opaque colours.
func contrast(a, b color.Color) float64 {
	lum := func(c color.Color) float64 {
		r, g, b, _ := c.RGBA()
		lin := func(v uint32) float64 {
			s := float64(v>>8) / 255
			if s <= 0.04045 {
				return s / 12.92
			}
			return math.Pow((s+0.055)/1.055, 2.4)
		}
		return 0.2126*lin(r) + 0.7152*lin(g) + 0.0722*lin(b)
	}
	la, lb := lum(a), lum(b)
	return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)
}

// TestThemeContrast measures the dark theme against its page: the
// colours texts are drawn in at least 4.5:1 (WCAG AA for text), the
// curve colours, fire, cold and the pixels' ramp ends at least 3:1 (WCAG
// for the parts of a graphic), the faint guides visible but below the
// lines. The light theme's numbers are logged beside them.
func TestThemeContrast(t *testing.T) {
	for _, th := range []*theme{lightTheme, darkTheme} {
		texts := map[string]color.Color{"ink": th.ink, "grey": th.grey, "ink on a node fill": th.ink}
		var b strings.Builder
		for _, name := range []string{"ink", "grey"} {
			fmt.Fprintf(&b, " %s %.2f", name, contrast(texts[name], th.bg))
		}
		// The fills texts sit on: a node's wash (tint 0.16 at most).
		fill := th.tint(th.palette(1), 0.16)
		fmt.Fprintf(&b, " ink-on-fill %.2f", contrast(th.ink, fill))
		for i := range th.pal {
			fmt.Fprintf(&b, " pal%d %.2f", i, contrast(th.palette(i), th.bg))
		}
		fmt.Fprintf(&b, " fire %.2f cold %.2f light %.2f", contrast(th.fire, th.bg), contrast(th.cold, th.bg), contrast(th.light, th.bg))
		t.Logf("%s:%s", th.name, b.String())
		if th != darkTheme {
			continue
		}
		for _, c := range []struct {
			name string
			fg   color.Color
			bg   color.Color
			min  float64
		}{
			{"ink", th.ink, th.bg, 4.5},
			{"grey (labels of the 3-D plane)", th.grey, th.bg, 4.5},
			{"ink on a node fill", th.ink, fill, 4.5},
			{"ink on the page under a halo", th.ink, th.halo, 4.5},
			{"text on a light cell", th.onCell, th.ink, 4.5},
			{"fire", th.fire, th.bg, 3},
			{"cold", th.cold, th.bg, 3},
			{"pixels' blue", th.pixNeg, th.bg, 3},
			{"pixels' red", th.pixPos, th.bg, 3},
			{"pixels' highlight", th.pixAccent, th.bg, 3},
		} {
			if r := contrast(c.fg, c.bg); r < c.min {
				t.Errorf("dark: %s has contrast %.2f:1 against its background, want at least %g", c.name, r, c.min)
			}
		}
		for i := range th.pal {
			if r := contrast(th.palette(i), th.bg); r < 3 {
				t.Errorf("dark: palette %d has contrast %.2f:1, want at least 3", i, r)
			}
		}
		if r := contrast(th.light, th.bg); r < 1.5 || r > contrast(th.grey, th.bg) {
			t.Errorf("dark: the faint guides have contrast %.2f:1, want at least 1.5 and less than grey's", r)
		}
	}
}

// TestVariantPixels renders a figure dark at 1x and 2x: the page is the
// dark theme's, @2x has twice the pixels in each direction and the same
// layout (its 2×2 blocks averaged are the 1x image, but for antialiasing).
func TestVariantPixels(t *testing.T) {
	f := decodeYAML(t, "5.yaml", "kind: step\nthemes: dark\nscales: [1, 2]\nformats: [png]\n")
	outs, err := renderer(t).Render(f)
	if err != nil {
		t.Fatal(err)
	}
	if len(outs) != 2 || outs[0].Name != "5.dark.png" || outs[1].Name != "5.dark@2x.png" || outs[1].Scale != 2 || outs[0].Theme != "dark" {
		t.Fatalf("outputs %+v", outs)
	}
	one, err := png.Decode(bytes.NewReader(outs[0].Data))
	if err != nil {
		t.Fatal(err)
	}
	two, err := png.Decode(bytes.NewReader(outs[1].Data))
	if err != nil {
		t.Fatal(err)
	}
	if one.Bounds() != image.Rect(0, 0, 800, 500) || two.Bounds() != image.Rect(0, 0, 1600, 1000) {
		t.Fatalf("sizes %v and %v", one.Bounds(), two.Bounds())
	}
	if got := color.NRGBAModel.Convert(one.At(2, 2)); got != color.NRGBAModel.Convert(darkTheme.bg) {
		t.Errorf("corner %v, want the dark page %v", got, darkTheme.bg)
	}
	var diff, inked float64
	for y := range 500 {
		for x := range 800 {
			r1, g1, b1, _ := one.At(x, y).RGBA()
			var r2, g2, b2 uint32
			for _, d := range [][2]int{{0, 0}, {1, 0}, {0, 1}, {1, 1}} {
				r, g, b, _ := two.At(2*x+d[0], 2*y+d[1]).RGBA()
				r2, g2, b2 = r2+r/4, g2+g/4, b2+b/4
			}
			dd := math.Abs(float64(r1)-float64(r2)) + math.Abs(float64(g1)-float64(g2)) + math.Abs(float64(b1)-float64(b2))
			diff += dd / 3 / 0xffff
			if c := color.NRGBAModel.Convert(one.At(x, y)); c != color.NRGBAModel.Convert(darkTheme.bg) {
				inked++
			}
		}
	}
	// The mean difference over the drawn pixels, antialiasing apart: a
	// layout that moved by a pixel, or text of another size, differs by
	// far more.
	if m := diff / inked; m > 0.08 {
		t.Errorf("@2x averaged differs from 1x by %.3f per drawn pixel", m)
	}
}

var (
	svgPaint = regexp.MustCompile(`(fill|stroke)="(#[0-9a-f]{6})"|style="(fill|stroke):var\(--c(\d+)\)"`)
	svgVar   = regexp.MustCompile(`--c(\d+):(#[0-9a-f]{6,8})`)
)

// paints returns the colours of an SVG's paths in order, custom
// properties resolved with the first (light) or second (dark) definitions.
func paints(t *testing.T, svg string, dark bool) []string {
	defs := strings.SplitN(svg, "@media (prefers-color-scheme: dark)", 2)
	vals := map[string]string{}
	if len(defs) == 2 {
		src := defs[0]
		if dark {
			src = strings.SplitN(defs[1], "}}", 2)[0]
		}
		for _, m := range svgVar.FindAllStringSubmatch(src, -1) {
			vals[m[1]] = m[2][:7]
		}
	}
	var out []string
	// A glyph placed by <use> takes the paint of its group, a run of
	// glyphs of one colour.
	var run []string
	for _, line := range strings.Split(svg, "\n") {
		switch {
		case strings.HasPrefix(line, "<use "):
			if run == nil {
				t.Fatalf("a glyph outside a group of one colour: %s", line)
			}
			out = append(out, run...)
			continue
		case line == "</g>":
			run = nil
			continue
		}
		var ps []string
		for _, m := range svgPaint.FindAllStringSubmatch(line, -1) {
			if m[2] != "" {
				ps = append(ps, m[2])
				continue
			}
			v, ok := vals[m[4]]
			if !ok {
				t.Fatalf("--c%s undefined", m[4])
			}
			ps = append(ps, v)
		}
		if strings.HasPrefix(line, "<g ") {
			run = ps
			continue
		}
		out = append(out, ps...)
	}
	return out
}

// TestAutoSVG renders themes: auto's SVG of every golden spec (every
// kind) and checks that its custom
// properties resolve, path by path, to the light SVG's colours and,
// under prefers-color-scheme: dark, to the dark SVG's.
func TestAutoSVG(t *testing.T) {
	names, err := filepath.Glob("testdata/*.yaml")
	if err != nil || len(names) < 10 {
		t.Fatal(names, err)
	}
	for _, name := range names {
		f := decodeFile(t, name)
		f.Formats, f.Themes = []string{"svg"}, []string{"light", "dark"}
		both, err := renderer(t).Render(f)
		if err != nil {
			t.Fatal(err)
		}
		f.Themes = []string{"auto"}
		auto, err := renderer(t).Render(f)
		if err != nil {
			t.Fatal(err)
		}
		if len(auto) != 1 || auto[0].Theme != "auto" || !strings.HasSuffix(auto[0].Name, ".svg") || strings.Contains(auto[0].Name, "dark") {
			t.Fatalf("%s: auto outputs %+v", name, auto)
		}
		svg := string(auto[0].Data)
		if !strings.Contains(svg, "<style>") || !strings.Contains(svg, "@media (prefers-color-scheme: dark)") || !strings.Contains(svg, `class="figgen-`) {
			t.Errorf("%s: no theme style sheet:\n%.600s", name, svg)
		}
		for i, dark := range []bool{false, true} {
			got, want := paints(t, svg, dark), paints(t, string(both[i].Data), false)
			if len(want) < 10 || !slices.Equal(got, want) {
				t.Errorf("%s: dark %v: auto resolves to %d colours %.10q…, the theme's SVG has %d %.10q…", name, dark, len(got), got, len(want), want)
			}
		}
		again, _ := renderer(t).Render(f)
		if !bytes.Equal(again[0].Data, auto[0].Data) {
			t.Errorf("%s: auto SVG not deterministic", name)
		}
	}
}

// TestDarkHasNoWhite renders every golden spec dark: no part of it keeps
// the light theme's white (a label box, a halo, a node fill left white
// would hold light ink illegibly). The dark theme's lightest colour is
// its ink, #e8e6e3.
func TestDarkHasNoWhite(t *testing.T) {
	names, err := filepath.Glob("testdata/*.yaml")
	if err != nil || len(names) < 10 {
		t.Fatal(names, err)
	}
	for _, name := range names {
		f := decodeFile(t, name)
		f.Formats, f.Themes = []string{"png"}, []string{"dark"}
		outs, err := renderer(t).Render(f)
		if err != nil {
			t.Fatal(err)
		}
		img, err := png.Decode(bytes.NewReader(outs[0].Data))
		if err != nil {
			t.Fatal(err)
		}
		white, r := 0, img.Bounds()
		for y := r.Min.Y; y < r.Max.Y; y++ {
			for x := r.Min.X; x < r.Max.X; x++ {
				if c := color.NRGBAModel.Convert(img.At(x, y)).(color.NRGBA); c.R > 0xf4 && c.G > 0xf4 && c.B > 0xf4 {
					white++
				}
			}
		}
		if white > 0 {
			t.Errorf("%s: %d white pixels in the dark theme", name, white)
		}
	}
}

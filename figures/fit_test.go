package figures

import (
	"errors"
	"fmt"
	"image"
	"image/color"
	"strings"
	"testing"

	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"

	"github.com/figgen/figgen/spec"
)

func TestWords(t *testing.T) {
	for _, tc := range []struct {
		line string
		want []string
	}{
		{"출력 신호 있음 ($y=1$)", []string{"출력", "신호", "있음", "($y=1$)"}},
		{"가중합 $w_1x_1 + w_2x_2$의 값", []string{"가중합", "$w_1x_1 + w_2x_2$의", "값"}},
		{`가격 \$5 이상`, []string{"가격", `\$5`, "이상"}},
		{`$\text{두 단어} + 1$`, []string{`$\text{두 단어} + 1$`}},
		{"  앞뒤  공백 ", []string{"앞뒤", "공백"}},
		{"닫히지 않은 $x + y", []string{"닫히지", "않은", "$x + y"}},
	} {
		var got []string
		for _, w := range words(tc.line) {
			got = append(got, w.src)
			if tc.line[w.off:w.off+len(w.src)] != w.src {
				t.Errorf("%q: word %q at offset %d", tc.line, w.src, w.off)
			}
		}
		if strings.Join(got, "|") != strings.Join(tc.want, "|") {
			t.Errorf("words(%q) = %q, want %q", tc.line, got, tc.want)
		}
	}
}

// TestFit: a text that fits is left alone; a long one breaks at its spaces
// into lines no wider than the room, losing no word; a word longer than
// the room shrinks the text, then is an error at the word.
func TestFit(t *testing.T) {
	e := lookEnv(t)
	sty := e.font(labelSize, false)
	short := "출력 신호"
	if got, s := e.fit(short, sty, 300, 1); got != short || s.Font.Size != sty.Font.Size {
		t.Errorf("fit(%q) = %q at %v", short, got, s.Font.Size)
	}
	long := strings.Repeat("가중합의 값은 $w_1x_1 + w_2x_2$이다 ", 6)
	got, s := e.fit(long, sty, 200, 1)
	if s.Font.Size != sty.Font.Size {
		t.Errorf("long text shrank to %v", s.Font.Size)
	}
	lines := strings.Split(got, "\n")
	if len(lines) < 3 {
		t.Errorf("long text in %d lines:\n%s", len(lines), got)
	}
	for _, l := range lines {
		if w := s.Width(l); w > 200 {
			t.Errorf("line %q is %v wide, room 200", l, w)
		}
	}
	if strings.Join(strings.Fields(got), " ") != strings.Join(strings.Fields(long), " ") {
		t.Errorf("wrapping changed the words:\n%s", got)
	}

	// One word 1.2 times its room shrinks; 2 times is an error at the word.
	word := "가나다라마바사아자차카타파하"
	w := float64(sty.Width(word))
	_, s = e.fit(word, sty, vgLen(w/1.2), 1)
	if k := float64(s.Font.Size / sty.Font.Size); k > 1/1.2+1e-6 || k < minShrink {
		t.Errorf("word 1.2× its room: size ×%v", k)
	}
	src := "앞 " + word
	e.f = &spec.Figure{File: "x.yaml"}
	e.origins = map[string]origin{src: {path: "caption", text: spec.Text{Src: src, Pos: spec.Pos{File: "x.yaml", Line: 3, Col: 10}}}}
	e.built = false
	e.fit(src, sty, vgLen(w/2), 1)
	if len(e.early) != 1 || !strings.HasPrefix(e.early[0].Error(), "x.yaml:3:10: caption: `가나다") {
		t.Errorf("word twice its room: %v", e.early)
	}
}

// TestLayoutErrors: each broken figure the issue measured is an error at
// the field responsible, with the numbers; Render returns it too and
// nothing else.
func TestLayoutErrors(t *testing.T) {
	r := renderer(t)
	longWord := strings.Repeat("가", 150)
	for _, tc := range []struct {
		name, src, want string
	}{
		{"curve outside y_range", "kind: sigmoid\ny_range: [5, 6]\n",
			"x.yaml:2:10: y_range: nothing of the curve σ(z) is inside the plot (z from -6 to 6, y from 5 to 6)"},
		{"step outside y_range", "kind: step\ny_range: [0.2, 0.8]\n",
			"x.yaml:2:10: y_range: nothing of the step u(z) is inside the plot"},
		{"40 specimen lines", "kind: specimen\nlines:\n" + strings.Repeat("  - 줄\n", 40),
			"x.yaml:3:3: lines: 40 lines need"},
		{"one long word in y_label", "kind: sigmoid\ny_label: " + longWord + "\n",
			"x.yaml:2:10: y_label: `가가가가"},
		{"one long word in a caption", "kind: signal\nrows:\n  - caption: 앞 " + longWord + "\n    value: 0\n",
			"x.yaml:3:16: rows[0].caption: `가가가"},
		{"long word in an input label", "kind: unit\ninputs: 1\ninput_labels: [" + strings.Repeat("가", 20) + "]\n",
			"x.yaml:3:16: input_labels[0]: `가가가"},
		{"formula over the curve", "kind: sigmoid\nformula: " + strings.Repeat("가중치의 ", 50) + "\n",
			"x.yaml:2:10: formula: the formula hides part of the curve σ(z) in the 800×500 px figure"},
		{"legend over the curves", "kind: bias-shift\nactivation: relu\nbiases: [-2, -1, 0, 1, 2]\nlegend: bottom-right\n",
			"x.yaml:4:9: legend: the legend hides part of the curve for b = -2 in the 800×500 px figure"},
		{"legend over the curves everywhere", "kind: bias-shift\nbiases: [-3, -2, -1, 0, 1, 2, 3, 4]\nx_range: [-4, 4]\n",
			"x.yaml:1:1: legend: the legend hides part of the curve"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := decodeYAML(t, "x.yaml", tc.src)
			err := r.CheckLayout(f)
			var list spec.ErrorList
			if !errors.As(err, &list) || len(list) == 0 || !strings.HasPrefix(list[0].Error(), tc.want) {
				t.Fatalf("CheckLayout = %v\nwant %s…", err, tc.want)
			}
			outs, rerr := r.Render(f)
			if outs != nil || rerr == nil || rerr.Error() != err.Error() {
				t.Errorf("Render = %d outputs, %v; want the layout errors", len(outs), rerr)
			}
		})
	}
}

// TestLongTextWraps: the texts the issue measured as broken now wrap and
// the figure passes its checks.
func TestLongTextWraps(t *testing.T) {
	r := renderer(t)
	korean := func(n int) string { return koreanText(n) }
	for _, src := range []string{
		"kind: sigmoid\ny_label: " + korean(70) + "\n",
		"kind: sigmoid\nx_label: " + korean(140) + "\n",
		"kind: step\nthreshold_label: " + korean(180) + "\n",
		"kind: sigmoid\ntitle: " + korean(66) + "\n",
		"kind: signal\nrows:\n  - {caption: " + korean(40) + ", value: 0}\n",
		"kind: unit\ninput_labels: [" + korean(20) + ", $x_2$]\noutput_label: " + korean(20) + "\n",
		"kind: neuron-cell\ndendrites: " + korean(30) + "\n",
		// A long formula wraps in the half of the plot the curve leaves free.
		"kind: sigmoid\nformula: " + korean(100) + "\n",
		// A legend left to figgen goes where it hides no curve.
		"kind: bias-shift\nactivation: relu\nbiases: [-2, -1, 0, 1, 2]\n",
	} {
		f := decodeYAML(t, "x.yaml", src)
		if err := r.CheckLayout(f); err != nil {
			t.Errorf("%s: %v", src, err)
		}
	}
}

// koreanText returns n characters of Korean words separated by spaces.
func koreanText(n int) string {
	ws := []string{"가중합의", "값이", "문턱값보다", "크면", "뉴런은", "신호를", "내보낸다"}
	var b []rune
	for i := 0; len(b) < n; i++ {
		if len(b) > 0 {
			b = append(b, ' ')
		}
		b = append(b, []rune(ws[i%len(ws)])...)
	}
	b = b[:n]
	if b[n-1] == ' ' {
		b[n-1] = '다'
	}
	return string(b)
}

// sweepField is a text field of a kind and a spec that sets it to %s.
type sweepField struct {
	kind, path, spec string
}

var sweepFields = []sweepField{
	{"sigmoid", "title", "kind: sigmoid\ntitle: %s\n"},
	{"sigmoid", "x_label", "kind: sigmoid\nx_label: %s\n"},
	{"sigmoid", "y_label", "kind: sigmoid\ny_label: %s\n"},
	{"sigmoid", "formula", "kind: sigmoid\nformula: %s\n"},
	{"step", "threshold_label", "kind: step\nthreshold_label: %s\n"},
	{"bias-shift", "y_label", "kind: bias-shift\ny_label: %s\n"},
	{"threshold-plane", "fire", "kind: threshold-plane\nfire: %s\n"},
	{"threshold-plane", "z_label", "kind: threshold-plane\nweights: [1, 1, 1]\nz_label: %s\n"},
	{"unit", "input_labels[0]", "kind: unit\ninput_labels: [%s, $x_2$, $x_3$]\n"},
	{"unit", "caption", "kind: unit\ncaption: %s\n"},
	{"unit", "output_label", "kind: unit\nfan_out: 2\noutput_label: %s\n"},
	{"signal", "rows[0].caption", "kind: signal\nrows:\n  - {caption: %s, value: 1}\n  - {value: 0}\n"},
	{"neuron-cell", "dendrites", "kind: neuron-cell\ndendrites: %s\n"},
	{"neuron-cell", "output_label", "kind: neuron-cell\noutput_label: %s\n"},
	{"diagram", "nodes[0].label", "kind: diagram\nnodes:\n  - {id: a, at: [0.2, 0.5], label: %s}\n  - {id: b, at: [0.8, 0.5]}\nedges:\n  - {from: a, to: b}\n"},
	{"specimen", "lines[0]", "kind: specimen\nlines: [%s]\n"},
	{"pixels", "images[1].caption", "kind: pixels\nimages:\n  - {values: [[1, -2], [0, 3]], index: true}\n  - {rows: ['#'], caption: %s}\n"},
	{"pixels", "convolve.caption", "kind: pixels\nimages:\n  - {values: [[1, 2], [3, 4]], numbers: true}\n  - {values: [[1]]}\nconvolve: {caption: %s}\nhighlight: [1, 2]\n"},
	{"network", "layers[0].name", "kind: network\nlayers: [{size: 3, name: %s}, {size: 2}]\n"},
	{"network", "layers[1].label", "kind: network\nlayers: [{size: 3}, {size: 2, label: %s}]\n"},
}

// TestFitSweep lays out every kind at sizes from the smallest to a large
// one with a text field from 1 to 300 characters long (and one 60-letter
// word): either the figure passes its checks, and drawn it has nothing on
// its border (nothing clipped) and its colours (not blank), or the error
// names the field.
func TestFitSweep(t *testing.T) {
	r := renderer(t)
	sizes := [][2]int{{320, 200}, {800, 500}, {3000, 2000}}
	texts := []string{"가", koreanText(12), koreanText(40), koreanText(120), koreanText(300), strings.Repeat("가", 60)}
	kinds := map[string]bool{}
	for _, sf := range sweepFields {
		kinds[sf.kind] = true
		for _, size := range sizes {
			for _, txt := range texts {
				name := fmt.Sprintf("%s/%s/%dx%d/%d", sf.kind, sf.path, size[0], size[1], len([]rune(txt)))
				src := fmt.Sprintf(sf.spec, txt) + fmt.Sprintf("width: %d\nheight: %d\n", size[0], size[1])
				f := decodeYAML(t, "x.yaml", src)
				err := r.CheckLayout(f)
				if err != nil {
					var list spec.ErrorList
					if !errors.As(err, &list) {
						t.Errorf("%s: %v is not a spec.ErrorList", name, err)
						continue
					}
					for _, e := range list {
						if !strings.Contains(e.Msg, sf.path) {
							t.Errorf("%s: %v does not name %s", name, e, sf.path)
						}
					}
					continue
				}
				if size[0] > 800 {
					continue // drawing it is slow and shows what 800×500 shows
				}
				img := drawImage(t, r, f)
				if x, y, ok := onBorder(img); ok {
					t.Errorf("%s: passes its checks but draws at (%d, %d) on the border", name, x, y)
				}
				if f.Kind != "specimen" && colourful(img) < 20 {
					t.Errorf("%s: passes its checks but draws almost nothing in colour", name)
				}
			}
		}
	}
	for _, k := range Kinds().Names() {
		if !kinds[k] {
			t.Errorf("kind %s is not swept", k)
		}
	}
}

// drawImage draws f as its PNG would be, without encoding it.
func drawImage(t *testing.T, r *Renderer, f *spec.Figure) image.Image {
	t.Helper()
	e := newEnv(r.eng.Handler(), f)
	drawFig := f.Spec.(kindSpec).build(e, f)
	c := vgimg.NewWith(vgimg.UseWH(pixels(f.Width), pixels(f.Height)), vgimg.UseDPI(pixelDPI), vgimg.UseBackgroundColor(color.White))
	drawFig(draw.New(c))
	return c.Image()
}

// onBorder returns a pixel of the image's outermost ring that is not
// white: something drawn there was cut by the edge.
func onBorder(img image.Image) (int, int, bool) {
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			if y != b.Min.Y && y != b.Max.Y-1 && x != b.Min.X && x != b.Max.X-1 {
				continue
			}
			if r, g, bl, _ := img.At(x, y).RGBA(); r < 0xf000 || g < 0xf000 || bl < 0xf000 {
				return x, y, true
			}
		}
	}
	return 0, 0, false
}

// colourful counts the pixels of a colour, however light (not grey).
func colourful(img image.Image) int {
	n := 0
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			r, g, bl, _ := img.At(x, y).RGBA()
			hi, lo := max(r, g, bl), min(r, g, bl)
			if hi-lo > 0x0c00 {
				n++
			}
		}
	}
	return n
}

func vgLen(v float64) vg.Length { return vg.Length(v) }

package figures

import (
	"errors"
	"fmt"
	"image"
	"image/color"
	"maps"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"

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
		{"curve outside a far y_range", "kind: sigmoid\ny_range: [-1e9, -9.99999e8]\n",
			"x.yaml:2:10: y_range: nothing of the curve σ(z) is inside the plot (z from -6 to 6, y from -1 × 10⁹ to -9.99999 × 10⁸)"},
		{"function of t outside y_range", "kind: plot\nx_range: [0, 1]\ny_range: [5, 6]\nlayers:\n  - function: t^2\n    var: t\n",
			"x.yaml:5:15: layers[0].function: nothing of the function of layers[0] is inside the plot (t from 0 to 1, y from 5 to 6)"},
		{"points outside y_range", "kind: plot\nx_range: [0, 1]\ny_range: [5, 6]\nlayers:\n  - points: [[0.5, 0]]\n",
			"x.yaml:5:13: layers[0].points: nothing of the points of layers[0] is inside the plot (x from 0 to 1, y from 5 to 6)"},
		// The inputs of a threshold plane are its content, not guides:
		// out of sight, as its expansion's points, they are an error.
		{"plane inputs outside x_range", "kind: threshold-plane\nx_range: [2, 3]\n",
			"x.yaml:2:10: x_range: nothing of the inputs that fire is inside the plot (x from 2 to 3, y from -0.25 to 1.25)"},
		{"plane inputs that fire outside x_range", "kind: threshold-plane\nweights: [-1, 1]\nthreshold: 1\nx_range: [0.5, 3]\n",
			"x.yaml:4:10: x_range: nothing of the inputs that fire is inside the plot"},
		{"plane inputs outside y_range", "kind: threshold-plane\ny_range: [3, 4]\n",
			"x.yaml:2:10: y_range: nothing of the inputs that fire is inside the plot (x from -0.25 to 1.25, y from 3 to 4)"},
		{"step outside y_range", "kind: step\ny_range: [0.2, 0.8]\n",
			"x.yaml:2:10: y_range: nothing of the step u(z) is inside the plot"},
		{"40 specimen lines", "kind: specimen\nlines:\n" + strings.Repeat("  - 줄\n", 40),
			"x.yaml:3:3: lines: 40 lines need"},
		{"one long word in y_label", "kind: sigmoid\ny_label: " + longWord + "\n",
			"x.yaml:2:10: y_label: `가가가가"},
		{"one long word in a caption", "kind: signal\nrows:\n  - caption: 앞 " + longWord + "\n    value: 0\n",
			"x.yaml:3:16: rows[0].caption: `가가가"},
		{"a scene too wide for its proportions", "kind: unit\nwidth: 3000\nheight: 200\n",
			"x.yaml:2:8: width: the drawing keeps its proportions and gets at most 330×188 px of the 3000×200 px figure"},
		{"a part's label wrapped over the cell", "kind: neuron-cell\nbody: " + koreanText(120) + "\n",
			"x.yaml:2:7: body needs 187 px of height here; it has 80 px"},
		{"a product label blamed on its long factor", "kind: unit\nedge_labels: products\ninput_labels: [" + longWord[:60] + ", $x_2$, $x_3$]\n",
			"x.yaml:3:16: input_labels[0]: `가가가"},
		{"long word in an input label", "kind: unit\ninputs: 1\ninput_labels: [" + strings.Repeat("가", 20) + "]\n",
			"x.yaml:3:16: input_labels[0]: `가가가"},
		{"formula over the curve", "kind: sigmoid\nformula: " + strings.Repeat("가중치의 ", 50) + "\n",
			"x.yaml:2:10: formula: the formula hides part of the curve σ(z) in the 800×500 px figure"},
		{"legend over the curves", "kind: bias-shift\nactivation: relu\nbiases: [-2, -1, 0, 1, 2]\nlegend: bottom-right\n",
			"x.yaml:4:9: legend: the legend hides part of the curve for b = -2 in the 800×500 px figure"},
		{"legend over the curves everywhere", "kind: bias-shift\nbiases: [-3, -2, -1, 0, 1, 2, 3, 4]\nx_range: [-4, 4]\n",
			"x.yaml:1:1: legend: the legend hides part of the curve"},
		// A region of == between quantities that vary is a line: it
		// shaded nothing, and the figure was blank with exit 0.
		{"region of ==", "kind: plot\nlayers:\n  - {region: 'x1 + x2 == 1', vars: [x1, x2]}\n",
			"x.yaml:3:14: layers[0].region: nothing of the region is inside the plot (x1 from -5 to 5, y from -5 to 5); '==' holds only where its two sides are equal"},
		{"region of == on the grid's own points", "kind: plot\nlayers:\n  - region: 'x == y'\n",
			"x.yaml:3:13: layers[0].region: nothing of the region is inside the plot (x from -5 to 5, y from -5 to 5); '=='"},
		{"region of == in one copy", "kind: plot\nlayers:\n  - {region: 'x >= 0 and y == b', for_each: {b: [1]}}\n",
			"x.yaml:3:14: layers[0].region: nothing of the region is inside the plot"},
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
		// == of quantities that hold still over areas shades them; a
		// region out of sight is no error (a threshold no input reaches).
		"kind: plot\nlayers:\n  - region: 'step(x + y - 1) == 1'\n  - region: 'relu(x) == 0 and y >= 0'\n",
		"kind: plot\nlayers:\n  - region: 'x + y >= 100'\n",
		"kind: threshold-plane\nweights: [1, 1]\nthreshold: 3\n",
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

// sweepContexts are the specs, beyond each kind alone, in which the sweep
// sets a kind's text fields: the ones some field is drawn only in (z_label
// with three weights, bias_label with the bias, a diagram's nodes and
// edges). A kind or field added later is swept from its own defaults; a
// field drawn in none of its kind's specs fails the sweep.
var sweepContexts = map[string][]string{
	"threshold-plane": {"weights: [1, 1, 1]\n"},
	"unit":            {"bias: true\nbody_label: $z$\n", "edge_labels: products\n"},
	"diagram": {"nodes:\n  - {id: a, at: [0.2, 0.5], label: A}\n  - {id: b, shape: box, at: [0.8, 0.5], label: B}\n" +
		"  - {id: c, shape: label, at: [0.5, 0.9], label: C}\nedges:\n  - {from: a, to: b, label: e}\n  - {from: a, to: c}\n"},
	"bias-shift": {"legend: top-left\n"},
	"network":    {"highlight: [{layer: 2, node: 1}]\nbias: true\n"},
	"plot": {"layers:\n  - {function: 'sigmoid(x)', label: A}\n  - {text: B, at: [-3, 0.5]}\n" +
		"  - {arrow: {from: [2.5, 0.2], to: [0.5, 0.6], label: C}}\nlegend: top-left\n"},
	"descent":    {"view: surface\n", "vars: [w]\ncost: 'w^2'\nstart: [1.5]\nrate: 1.1\n"},
	"perceptron": {"data: xor\n", "points: [[0, 0, 0], [2, 1, 1]]\n"},
	"pixels":     {"images:\n  - {rows: ['#.#', '.#.', '#.#'], caption: A}\n  - {rows: ['#.', '.#'], caption: B}\nconvolve: {caption: C}\nhighlight: [1, 1]\n"},
}

// sweepCase is a text field of a kind in one spec: a key path and the
// spec with that field set to a text, as YAML.
type sweepCase struct {
	kind, ctx, path string
	spec            func(txt string, w, h int) string
}

// sweepCases returns every rich-text field of every kind (the title
// included) in each of its specs, found by walking the decoded figures.
func sweepCases(t *testing.T) []sweepCase {
	var cases []sweepCase
	for _, kind := range Kinds().Names() {
		for _, ctx := range append([]string{""}, sweepContexts[kind]...) {
			f := decodeYAML(t, "x.yaml", "kind: "+kind+"\n"+ctx)
			var own map[string]any
			if err := yaml.Unmarshal([]byte(ctx), &own); err != nil {
				t.Fatal(err)
			}
			decoded := yamlTree(reflect.ValueOf(f.Spec)).(map[string]any)
			paths := []string{"title"}
			walkTexts(reflect.ValueOf(f.Spec), "", func(p string, txt spec.Text) {
				if kind == "plot" && txt.Src == "" {
					return // a plot layer's texts are those of its kind, which ctx writes
				}
				paths = append(paths, p)
			})
			for _, path := range paths {
				cases = append(cases, sweepCase{kind: kind, ctx: ctx, path: path, spec: func(txt string, w, h int) string {
					doc := map[string]any{"kind": kind, "width": w, "height": h}
					var tree map[string]any
					yamlCopy(own, &tree)
					maps.Copy(doc, tree)
					top, rest := splitPath(path)
					v, ok := doc[top]
					if !ok {
						yamlCopy(decoded[top], &v)
					}
					doc[top] = setPath(t, v, rest, txt)
					b, err := yaml.Marshal(doc)
					if err != nil {
						t.Fatal(err)
					}
					return string(b)
				}})
			}
		}
	}
	return cases
}

// yamlTree returns the value v as YAML would write it: a Text as its
// source, a struct as a mapping of its keys (inline ones flattened).
func yamlTree(v reflect.Value) any {
	if v.Type() == textType {
		return v.Interface().(spec.Text).Src
	}
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if v.IsNil() {
			return nil
		}
		return yamlTree(v.Elem())
	case reflect.Slice, reflect.Array:
		out := make([]any, v.Len())
		for i := range out {
			out[i] = yamlTree(v.Index(i))
		}
		return out
	case reflect.Struct:
		if v.Type() == reflect.TypeFor[spec.Range]() {
			r := v.Interface().(spec.Range)
			return []any{r.Min, r.Max}
		}
		out := map[string]any{}
		for i := range v.NumField() {
			sf := v.Type().Field(i)
			tag, _, _ := strings.Cut(sf.Tag.Get("yaml"), ",")
			switch {
			case !sf.IsExported() || tag == "-":
			case tag == "" && sf.Anonymous:
				maps.Copy(out, yamlTree(v.Field(i)).(map[string]any))
			default:
				out[tag] = yamlTree(v.Field(i))
			}
		}
		return out
	}
	return v.Interface()
}

// yamlCopy deep-copies a YAML tree into *dst through its encoding.
func yamlCopy[T any](src any, dst *T) {
	b, _ := yaml.Marshal(src)
	_ = yaml.Unmarshal(b, dst)
}

// splitPath splits "rows[1].caption" into "rows" and "[1].caption".
func splitPath(path string) (string, string) {
	if i := strings.IndexAny(path, ".["); i >= 0 {
		return path[:i], path[i:]
	}
	return path, ""
}

// setPath returns the tree v with the value at the path rest (".key",
// "[i]" …) set to txt.
func setPath(t *testing.T, v any, rest, txt string) any {
	if rest == "" {
		return txt
	}
	if rest[0] == '[' {
		j := strings.IndexByte(rest, ']')
		i, _ := strconv.Atoi(rest[1:j])
		list, ok := v.([]any)
		if !ok || i >= len(list) {
			t.Fatalf("no item %s in %v", rest, v)
		}
		list[i] = setPath(t, list[i], rest[j+1:], txt)
		return list
	}
	key, more := splitPath(rest[1:])
	m, ok := v.(map[string]any)
	if !ok {
		t.Fatalf("no key %s in %v", rest, v)
	}
	m[key] = setPath(t, m[key], more, txt)
	return m
}

// sweepText returns n characters of Korean and Latin words separated by
// spaces.
func sweepText(n int) string {
	ws := []string{"가중합의", "weighted", "값이", "sum", "문턱값보다", "exceeds", "크면", "the", "뉴런은", "threshold"}
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

// TestFitSweep sets every rich-text field of every kind, in each of the
// kind's specs, to texts of 1 to 300 characters of Korean and Latin words
// (and one 60-letter word) at sizes from the smallest to a large one and
// at two extreme aspect ratios: either the figure passes its checks, and
// drawn it has nothing on its border (nothing clipped) and its colours
// (not blank), or every error names the field, but the errors of the
// size itself (the figure fails with the shortest text too). Every length is tried at
// the default size, the longest texts at every size. Every field must be
// drawn in at least one of its kind's specs.
func TestFitSweep(t *testing.T) {
	r := renderer(t)
	type size struct{ w, h int }
	def := size{800, 500}
	sizes := []size{{320, 200}, def, {3000, 2000}, {3000, 200}, {320, 2000}}
	texts := []string{sweepText(1), sweepText(12), sweepText(40), sweepText(120), sweepText(300), strings.Repeat("가", 60)}
	longest := texts[len(texts)-2:]
	drawn := map[string]bool{}
	kinds := map[string]bool{}
	cases := sweepCases(t)
	for _, c := range cases {
		kinds[c.kind] = true
		// A field that makes an invalid spec in this context whatever its
		// text (a network's edge_label without a highlight) is swept in
		// another context.
		if _, err := Kinds().Decode("x.yaml", []byte(c.spec(texts[0], def.w, def.h))); err != nil {
			continue
		}
		// A figure that draws colour with the shortest text draws it with
		// every text (a diagram of no nodes draws none).
		inColour := colourful(drawImage(t, r, decodeYAML(t, "x.yaml", c.spec(texts[0], def.w, def.h)))) >= 20
		for _, sz := range sizes {
			ts := longest
			if sz == def {
				ts = texts
			}
			// What fails with the shortest text fails for the size alone.
			base := map[string]bool{}
			if err := r.CheckLayout(decodeYAML(t, "x.yaml", c.spec(texts[0], sz.w, sz.h))); err != nil {
				var list spec.ErrorList
				errors.As(err, &list)
				for _, e := range list {
					base[e.Msg] = true
				}
			}
			for _, txt := range ts {
				name := fmt.Sprintf("%s %q %s/%dx%d/%d", c.kind, c.ctx, c.path, sz.w, sz.h, len([]rune(txt)))
				f := decodeYAML(t, "x.yaml", c.spec(txt, sz.w, sz.h))
				if sz == def && txt == texts[0] {
					drawn[c.kind+" "+c.path] = drawn[c.kind+" "+c.path] || drawsField(t, r, f, c.path)
				}
				err := r.CheckLayout(f)
				if err != nil {
					var list spec.ErrorList
					if !errors.As(err, &list) {
						t.Errorf("%s: %v is not a spec.ErrorList", name, err)
						continue
					}
					for _, e := range list {
						if !strings.Contains(e.Msg, c.path) && !base[e.Msg] {
							t.Errorf("%s: %v does not name %s", name, e, c.path)
						}
					}
					continue
				}
				if sz.w*sz.h > 1_000_000 {
					continue // drawing it is slow and shows what the smaller sizes show
				}
				img := drawImage(t, r, f)
				if x, y, ok := onBorder(img); ok {
					t.Errorf("%s: passes its checks but draws at (%d, %d) on the border", name, x, y)
				}
				if inColour && colourful(img) < 20 {
					t.Errorf("%s: passes its checks but draws almost nothing in colour", name)
				}
			}
		}
	}
	for _, c := range cases {
		if !drawn[c.kind+" "+c.path] {
			t.Errorf("%s: %s is drawn in none of the sweep's specs (add one to sweepContexts)", c.kind, c.path)
			drawn[c.kind+" "+c.path] = true
		}
	}
	for _, k := range Kinds().Names() {
		if !kinds[k] {
			t.Errorf("kind %s is not swept", k)
		}
	}
	t.Logf("%d fields of %d kinds", len(drawn), len(kinds))
}

// drawsField reports whether the layout of f draws a text of the field at
// path.
func drawsField(t *testing.T, r *Renderer, f *spec.Figure, path string) bool {
	t.Helper()
	e := newEnv(r.eng.Handler(), f, lightTheme)
	drawFig := f.Spec.(kindSpec).build(e, f)
	w, h := pixels(f.Width), pixels(f.Height)
	e.built = true
	e.rec.lay = &layout{}
	drawFig(draw.New(nullCanvas{w: w, h: h}))
	for _, p := range e.rec.lay.texts {
		if o, ok := e.origins[p.txt]; ok && o.path == path {
			return true
		}
	}
	return false
}

// drawImage draws f as its PNG would be, without encoding it.
func drawImage(t *testing.T, r *Renderer, f *spec.Figure) image.Image {
	t.Helper()
	e := newEnv(r.eng.Handler(), f, lightTheme)
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

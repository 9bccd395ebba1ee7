package spec_test

import (
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/figgen/figgen/figures"
	"github.com/figgen/figgen/spec"
)

func mustDecode(t *testing.T, in string) *spec.Figure {
	t.Helper()
	f, err := kinds.Decode("dir/t.yaml", []byte(in))
	if err != nil {
		t.Fatalf("Decode: %v", err)
	}
	return f
}

func srcs(ts []spec.Text) []string {
	var s []string
	for _, t := range ts {
		s = append(s, t.Src)
	}
	return s
}

// TestKindAlone checks that "kind: X" alone decodes for every kind, sets
// exactly that kind and fills the common defaults.
func TestKindAlone(t *testing.T) {
	for _, k := range kinds.Names() {
		t.Run(k, func(t *testing.T) {
			f := mustDecode(t, "kind: "+k+"\n")
			if f.Kind != k || f.Name != "t" || f.File != "dir/t.yaml" {
				t.Errorf("Kind, Name, File = %q, %q, %q", f.Kind, f.Name, f.File)
			}
			if st := reflect.TypeOf(f.Spec); st == nil || st.Kind() != reflect.Pointer || st.Elem().Kind() != reflect.Struct {
				t.Errorf("Spec is %T, want a pointer to the kind's struct", f.Spec)
			}
			if f.Output != "t" || !slices.Equal(f.Formats, []string{"png", "svg"}) || f.Width != 800 || f.Height != 500 {
				t.Errorf("output, formats, size = %q, %q, %d×%d", f.Output, f.Formats, f.Width, f.Height)
			}
			if f.Alt == "" {
				t.Errorf("no default alt")
			}
			kindPos := spec.Pos{File: "dir/t.yaml", Line: 1, Col: 7}
			for _, tx := range f.Texts() {
				if tx.Pos != kindPos || tx.PosAt(1) != kindPos {
					t.Errorf("default text %q at %v, PosAt(1) %v; want the kind's position", tx.Src, tx.Pos, tx.PosAt(1))
				}
			}
		})
	}
}

func TestDefaults(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want any // the kind's struct, or the whole figure's texts ([]string)
		get  func(f *spec.Figure) any
	}{
		{"step", "kind: step", &figures.Step{Axes: spec.Axes{XLabel: spec.Text{Src: "$z$"}, YLabel: spec.Text{Src: "$u(z)$"}, XRange: &spec.Range{-3, 3}}},
			func(f *spec.Figure) any { return f.Spec.(*figures.Step) }},
		{"sigmoid", "kind: sigmoid", &figures.Sigmoid{Axes: spec.Axes{XLabel: spec.Text{Src: "$z$"}, YLabel: spec.Text{Src: `$\sigma(z)$`}, XRange: &spec.Range{-6, 6}},
			Formula: spec.Text{Src: `$\sigma(z)=\dfrac{1}{1+e^{-z}}$`}, MarkMidpoint: true},
			func(f *spec.Figure) any { return f.Spec.(*figures.Sigmoid) }},
		{"sigmoid explicit false and empty", "kind: sigmoid\nmark_midpoint: false\nformula: ''\ngrid: true", &figures.Sigmoid{Axes: spec.Axes{XLabel: spec.Text{Src: "$z$"}, YLabel: spec.Text{Src: `$\sigma(z)$`}, XRange: &spec.Range{-6, 6}, Grid: true}},
			func(f *spec.Figure) any { return f.Spec.(*figures.Sigmoid) }},
		{"bias-shift", "kind: bias-shift", &figures.BiasShift{Axes: spec.Axes{XLabel: spec.Text{Src: "$z$"}, YLabel: spec.Text{Src: `$\sigma(z+b)$`}, XRange: &spec.Range{-8, 8}},
			Activation: "sigmoid", Biases: []float64{-2, 0, 2}, Legend: "auto"},
			func(f *spec.Figure) any { return f.Spec.(*figures.BiasShift) }},
		{"bias-shift step", "kind: bias-shift\nactivation: step\nbiases: [1]\nlegend: top-left", &figures.BiasShift{Axes: spec.Axes{XLabel: spec.Text{Src: "$z$"}, YLabel: spec.Text{Src: `$u(z+b)$`}, XRange: &spec.Range{-8, 8}},
			Activation: "step", Biases: []float64{1}, Legend: "top-left"},
			func(f *spec.Figure) any { return f.Spec.(*figures.BiasShift) }},
		{"threshold-plane", "kind: threshold-plane", &figures.ThresholdPlane{Axes: spec.Axes{XLabel: spec.Text{Src: "$x_1$"}, YLabel: spec.Text{Src: "$x_2$"}},
			ZLabel: spec.Text{Src: "$x_3$"}, Weights: []float64{1, 1}, Threshold: 1.5, Fire: spec.Text{Src: "발화 ($y=1$)"}, NoFire: spec.Text{Src: "발화 없음 ($y=0$)"},
			Camera: figures.Camera{Azimuth: -40, Elevation: 28}},
			func(f *spec.Figure) any { return f.Spec.(*figures.ThresholdPlane) }},
		{"unit", "kind: unit", &figures.Unit{Inputs: 3, InputLabel: texts("$x_{1}$", "$x_{2}$", "$x_{3}$"), Weights: texts("$w_{1}$", "$w_{2}$", "$w_{3}$"),
			EdgeLabels: "weights", Body: "theta", Output: spec.Text{Src: "$y$"}, FanOut: 1, BiasLabel: spec.Text{Src: "$b$"},
			EdgeText: texts("$w_{1}$", "$w_{2}$", "$w_{3}$")},
			func(f *spec.Figure) any { return f.Spec.(*figures.Unit) }},
		{"unit products", "kind: unit\ninputs: 2\nedge_labels: products\nbias: true", &figures.Unit{Inputs: 2, InputLabel: texts("$x_{1}$", "$x_{2}$"), Weights: texts("$w_{1}$", "$w_{2}$"),
			EdgeLabels: "products", Body: "theta", Output: spec.Text{Src: "$y$"}, FanOut: 1, Bias: true, BiasLabel: spec.Text{Src: "$b$"},
			EdgeText: texts("${w_{1}}{x_{1}}$", "${w_{2}}{x_{2}}$")},
			func(f *spec.Figure) any { return f.Spec.(*figures.Unit) }},
		{"unit inputs from weights", "kind: unit\nweights: [$a$, '2']\nedge_labels: none\ninput_labels: [$x$, 연봉]", &figures.Unit{Inputs: 2, InputLabel: texts("$x$", "연봉"), Weights: texts("$a$", "2"),
			EdgeLabels: "none", Body: "theta", Output: spec.Text{Src: "$y$"}, FanOut: 1, BiasLabel: spec.Text{Src: "$b$"}},
			func(f *spec.Figure) any { return f.Spec.(*figures.Unit) }},
		{"unit products mixed", "kind: unit\ninputs: 1\nweights: ['$a$']\ninput_labels: [연봉]\nedge_labels: products", []string{"유닛", "연봉", "$a$", "$y$", "$b$", "$a$ 연봉"},
			func(f *spec.Figure) any { return srcs(f.Texts()) }},
		{"signal", "kind: signal", &figures.Signal{Direction: "input", Variable: spec.Text{Src: "$x$"},
			Rows: []figures.SignalRow{{Caption: spec.Text{Src: "신호 없음"}, Value: 0}, {Caption: spec.Text{Src: "신호 있음"}, Value: 1}}},
			func(f *spec.Figure) any { return f.Spec.(*figures.Signal) }},
		{"signal output", "kind: signal\ndirection: output", &figures.Signal{Direction: "output", Variable: spec.Text{Src: "$y$"},
			Rows: []figures.SignalRow{{Caption: spec.Text{Src: "반응 없음"}, Value: 0}, {Caption: spec.Text{Src: "반응 있음"}, Value: 1}}},
			func(f *spec.Figure) any { return f.Spec.(*figures.Signal) }},
		{"signal output title", "kind: signal\ndirection: output", []string{"출력 신호", "$y$", "반응 없음", "반응 있음"},
			func(f *spec.Figure) any { return srcs(f.Texts()) }},
		{"neuron-cell", "kind: neuron-cell", &figures.NeuronCell{Dendrites: spec.Text{Src: "수상돌기"}, Body: spec.Text{Src: "신경세포체"}, Axon: spec.Text{Src: "축삭돌기"},
			Terminals: spec.Text{Src: "축삭 말단"}, Output: spec.Text{Src: "출력: $0$ 또는 $1$"}},
			func(f *spec.Figure) any { return f.Spec.(*figures.NeuronCell) }},
		{"diagram", "kind: diagram\nnodes:\n  - {id: a, at: [0, 0.5], label: $x$}\n  - {id: b, at: [1, 0.5], shape: box}\nedges: [{from: a, to: b, dashed: true}]",
			&figures.Diagram{Nodes: []figures.Node{{ID: "a", Label: spec.Text{Src: "$x$"}, Shape: "circle", At: [2]float64{0, 0.5}}, {ID: "b", Shape: "box", At: [2]float64{1, 0.5}}},
				Edges: []figures.Edge{{From: "a", To: "b", Dashed: true}}},
			func(f *spec.Figure) any { return f.Spec.(*figures.Diagram) }},
		{"specimen", "kind: specimen\nlines: [a, b]", &figures.Specimen{Lines: texts("a", "b")},
			func(f *spec.Figure) any { return f.Spec.(*figures.Specimen) }},
		{"titles", "kind: threshold-plane\nweights: [1, 2, 3]", []string{`반응 조건의 경계 $w_1x_1 + w_2x_2 + w_3x_3 = \theta$`, "$x_1$", "$x_2$", "$x_3$", "발화 ($y=1$)", "발화 없음 ($y=0$)"},
			func(f *spec.Figure) any { return srcs(f.Texts()) }},
		{"empty title stays empty", "kind: step\ntitle: ''", []string{"$z$", "$u(z)$"},
			func(f *spec.Figure) any { return srcs(f.Texts()) }},
		{"null title is empty", "kind: neuron-cell\ntitle:\ndendrites: ''", []string{"신경세포체", "축삭돌기", "축삭 말단", "출력: $0$ 또는 $1$"},
			func(f *spec.Figure) any { return srcs(f.Texts()) }},
		{"step threshold moves the default range", "kind: step\nthreshold: 3.4", &figures.Step{Axes: spec.Axes{XLabel: spec.Text{Src: "$z$"}, YLabel: spec.Text{Src: "$u(z)$"}, XRange: &spec.Range{0.3999999999999999, 6.4}}, Threshold: 3.4},
			func(f *spec.Figure) any { return f.Spec.(*figures.Step) }},
		{"step range around the threshold", "kind: step\nthreshold: 3.4\nx_range: [3, 4]", &figures.Step{Axes: spec.Axes{XLabel: spec.Text{Src: "$z$"}, YLabel: spec.Text{Src: "$u(z)$"}, XRange: &spec.Range{3, 4}}, Threshold: 3.4},
			func(f *spec.Figure) any { return f.Spec.(*figures.Step) }},
		{"newlines and limits", "kind: specimen\nlines:\n  - \"one\\ntwo $a$\"\n  - |\n    three\n    four\n  - '$\\theta$'\n  - " + strings.Repeat("가", 2000),
			[]string{"one\ntwo $a$", "three\nfour\n", `$\theta$`, strings.Repeat("가", 2000)},
			func(f *spec.Figure) any { return srcs(f.Spec.(*figures.Specimen).Lines) }},
		{"sizes at the limits", "kind: step\nwidth: 5000\nheight: 5000", []int{5000, 5000},
			func(f *spec.Figure) any { return []int{f.Width, f.Height} }},
		{"small size", "kind: step\nwidth: 320\nheight: 200", []int{320, 200},
			func(f *spec.Figure) any { return []int{f.Width, f.Height} }},
		{"ranges at the limits", "kind: sigmoid\nx_range: [-1e9, 1e9]\ny_range: [0, 1e-6]", []spec.Range{{-1e9, 1e9}, {0, 1e-6}},
			func(f *spec.Figure) any {
				return []spec.Range{*f.Spec.(*figures.Sigmoid).XRange, *f.Spec.(*figures.Sigmoid).YRange}
			}},
		{"diagram at the limits", "kind: diagram\nnodes:\n" + manyNodes(100) + "edges: [" + strings.Repeat("{from: n0, to: n1}, ", 199) + "{from: n1, to: n0}]", []int{100, 200},
			func(f *spec.Figure) any {
				return []int{len(f.Spec.(*figures.Diagram).Nodes), len(f.Spec.(*figures.Diagram).Edges)}
			}},
		{"specimen at the limit", "kind: specimen\nlines: [" + strings.Repeat("a, ", 39) + "a]", 40,
			func(f *spec.Figure) any { return len(f.Spec.(*figures.Specimen).Lines) }},
		{"common fields", "kind: step\noutput: post1/5\nformats: [pdf]\nwidth: 640\nheight: 0x1e0\nalt: 그림",
			[]string{"post1/5", "pdf", "640", "480", "그림"},
			func(f *spec.Figure) any {
				return []string{f.Output, f.Formats[0], strconv.Itoa(f.Width), strconv.Itoa(f.Height), f.Alt}
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := tt.get(mustDecode(t, tt.in+"\n"))
			clearPos(reflect.ValueOf(got))
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got  %+v\nwant %+v", deref(got), deref(tt.want))
			}
		})
	}
}

func texts(s ...string) []spec.Text {
	ts := make([]spec.Text, len(s))
	for i := range s {
		ts[i].Src = s[i]
	}
	return ts
}

func deref(v any) any {
	if rv := reflect.ValueOf(v); rv.Kind() == reflect.Pointer && !rv.IsNil() {
		return rv.Elem().Interface()
	}
	return v
}

// clearPos zeroes every Text's Pos and map, so defaults compare by Src.
func clearPos(v reflect.Value) {
	switch v.Kind() {
	case reflect.Pointer:
		if !v.IsNil() {
			clearPos(v.Elem())
		}
	case reflect.Struct:
		if v.Type() == textType {
			v.Set(reflect.ValueOf(spec.Text{Src: v.Interface().(spec.Text).Src}))
			return
		}
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				clearPos(v.Field(i))
			}
		}
	case reflect.Slice, reflect.Array:
		for i := range v.Len() {
			clearPos(v.Index(i))
		}
	}
}

func TestPositions(t *testing.T) {
	in := `# comment
kind: diagram
title: "노드 $a$"
nodes:
  - id: a
    at: [0.25, 1]
    label: 입력 $x_1$
  - {id: b, at: [1, 0], label: 'it''s'}
edges:
  - from: a
    to: b
    label: |
      block
`
	f := mustDecode(t, in)
	p := func(line, col int) spec.Pos { return spec.Pos{File: "dir/t.yaml", Line: line, Col: col} }
	for path, want := range map[string]spec.Pos{
		"kind":            p(2, 7),
		"title":           p(3, 8),
		"nodes":           p(5, 3),
		"nodes[0]":        p(5, 5),
		"nodes[0].id":     p(5, 9),
		"nodes[0].at":     p(6, 9),
		"nodes[0].at[1]":  p(6, 9), // elements of a pair are not recorded
		"nodes[1].label":  p(8, 32),
		"nodes[1].shape":  p(8, 5), // a default: its parent
		"edges[0].to":     p(11, 9),
		"edges[0].label":  p(12, 12),
		"edges[3].from":   p(10, 3), // no such edge: the list
		"width":           p(1, 1),  // a default at the top: the file start
		"nosuch[2].thing": p(1, 1),
	} {
		if got := f.PosOf(path); got != want {
			t.Errorf("PosOf(%q) = %v, want %v", path, got, want)
		}
	}
	if got := (&spec.Figure{File: "x.yaml"}).PosOf("title"); got != (spec.Pos{File: "x.yaml", Line: 1, Col: 1}) {
		t.Errorf("PosOf on a hand-made figure = %v", got)
	}
}

func TestPosAt(t *testing.T) {
	in := "kind: specimen\n" +
		"title: 가나 $x$\n" + // plain, Korean: columns count characters
		"lines:\n" +
		"  - 'it''s $a$'\n" + // 4: exact up to the escape
		"  - \"q $b$\"\n" + // 5: double-quoted without escapes
		"  - \"esc\\u00e9 $c$\"\n" + // 6: exact up to the escape
		"  - '$d$'\n" + // 7: single-quoted
		"  - >\n    folded $e$\n" + // 8-9: folded block
		"  - plain\n    continued $f$\n" + // 10-11: multi-line plain
		"  - |\n    literal $g$\n      indented $h$\n\n    last\n" + // 12-16: literal block
		"  - >-\n    folded one\n    two $i$\n\n    para $j$\n" + // 17-21: folded lines
		"  - \"two\n    lines $k$\"\n" + // 22-23: quoted on two lines
		"alt: x\n"
	f := mustDecode(t, in)
	p := func(line, col int) spec.Pos { return spec.Pos{File: "dir/t.yaml", Line: line, Col: col} }
	l := f.Spec.(*figures.Specimen).Lines
	tests := []struct {
		text   spec.Text
		offset int
		want   spec.Pos
	}{
		{f.Title, 0, p(2, 8)},
		{f.Title, len("가나 "), p(2, 11)},
		{f.Title, len("가나 $x$"), p(2, 14)}, // the end is valid
		{f.Title, len("가나 $x$") + 1, p(2, 8)},
		{f.Title, -1, p(2, 8)},
		{l[0], 2, p(4, 8)}, // the ' that '' writes
		{l[0], 3, p(4, 5)}, // after the escape: the value's start
		{l[0], 5, p(4, 5)},
		{l[1], 2, p(5, 8)},
		{l[2], 3, p(6, 9)}, // the escape's start
		{l[2], 4, p(6, 5)},
		{l[3], 1, p(7, 7)},
		{l[4], 0, p(9, 5)},
		{l[4], 7, p(9, 12)},
		{l[5], 5, p(10, 10)}, // the space folding made: the end of the line
		{l[5], 7, p(11, 6)},
		{l[5], len(l[5].Src), p(11, 18)},
		{l[6], 0, p(13, 5)},
		{l[6], strings.Index(l[6].Src, "$h$"), p(14, 16)},
		{l[6], strings.Index(l[6].Src, "last"), p(16, 5)},
		{l[7], strings.Index(l[7].Src, "two"), p(19, 5)},
		{l[7], strings.Index(l[7].Src, "$j$"), p(21, 10)},
		{l[8], 1, p(22, 7)},                    // a quoted scalar's first line
		{l[8], 5, p(22, 5)},                    // then the value's start
		{spec.Text{Src: "abc"}, 1, spec.Pos{}}, // hand-made, no position
	}
	for _, tt := range tests {
		t.Run(tt.text.Src, func(t *testing.T) {
			if got := tt.text.PosAt(tt.offset); got != tt.want {
				t.Errorf("PosAt(%d) = %v, want %v", tt.offset, got, tt.want)
			}
		})
	}
	if l[4].Pos != p(8, 5) || l[6].Pos != p(12, 5) {
		t.Errorf("block scalars at %v, %v; want their headers", l[4].Pos, l[6].Pos)
	}
}

// TestPosAtBlock checks block scalars with an indentation indicator, with
// CRLF line ends and as a nested value.
func TestPosAtBlock(t *testing.T) {
	p := func(line, col int) spec.Pos { return spec.Pos{File: "dir/t.yaml", Line: line, Col: col} }
	for _, tt := range []struct {
		name, in string
		sub      string // substring of the title to place
		want     spec.Pos
	}{
		{"indicator", "kind: step\ntitle: |2\n    x $a$\n  y\n", "$a$", p(3, 7)},
		{"indicator, second line", "kind: step\ntitle: |2\n    x $a$\n  y\n", "y", p(4, 3)},
		{"crlf", "kind: step\r\ntitle: |\r\n  one\r\n  two $b$\r\n", "$b$", p(4, 7)},
		{"comment after the header", "kind: step\ntitle: > # note\n  a\n  b $c$\n", "$c$", p(4, 5)},
		{"keep", "kind: step\ntitle: |+\n  a $d$\n\n\nalt: x\n", "$d$", p(3, 5)},
	} {
		t.Run(tt.name, func(t *testing.T) {
			f := mustDecode(t, tt.in)
			i := strings.Index(f.Title.Src, tt.sub)
			if got := f.Title.PosAt(i); got != tt.want {
				t.Errorf("PosAt(%d) in %q = %v, want %v", i, f.Title.Src, got, tt.want)
			}
		})
	}
}

func TestTextsOrder(t *testing.T) {
	f := mustDecode(t, "kind: signal\ntitle: T\nvariable: V\nrows: [{caption: A, value: 1}, {caption: '', value: 0}, {caption: C, value: 0}]\n")
	if got, want := srcs(f.Texts()), []string{"T", "V", "A", "C"}; !slices.Equal(got, want) {
		t.Errorf("Texts = %q, want %q", got, want)
	}
}

// TestKinds checks the kind set: sorted distinct names, a fresh slice on
// each call, and one struct type of its own for each kind.
func TestKinds(t *testing.T) {
	names := kinds.Names()
	if len(names) == 0 || !slices.IsSorted(names) || len(slices.Compact(slices.Clone(names))) != len(names) {
		t.Errorf("Names() = %q, want sorted distinct names", names)
	}
	first := names[0]
	names[0] = "changed"
	if kinds.Names()[0] != first {
		t.Errorf("Names shares its slice")
	}
	if figures.Kinds() != kinds {
		t.Errorf("figures.Kinds() is not one set")
	}
	owner := map[reflect.Type]string{}
	for _, k := range kinds.Names() {
		f := mustDecode(t, "kind: "+k)
		typ := reflect.TypeOf(f.Spec)
		if o, ok := owner[typ]; ok {
			t.Errorf("kinds %q and %q share the type %v", o, k, typ)
		}
		owner[typ] = k
	}
}

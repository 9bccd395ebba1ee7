package spec_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/figgen/figgen/figures"
	"github.com/figgen/figgen/spec"
)

const configPath = "specs/figgen.yaml"

// exampleConfig is the folder config of the package documentation.
const exampleConfig = `formats: [png, svg, pdf]
width: 720
height: 450
kinds:
  sigmoid:
    x_range: [-8, 8]
    formula: '$f(z)$'
  unit:
    fan_out: 2
`

func mustConfig(t *testing.T, in string) *spec.Config {
	t.Helper()
	c, err := kinds.DecodeConfig(configPath, []byte(in))
	if err != nil {
		t.Fatalf("DecodeConfig: %v", err)
	}
	if c == nil || c.File != configPath {
		t.Fatalf("DecodeConfig = %v, want a Config of %s", c, configPath)
	}
	return c
}

// badConfigs are folder configs that must fail, with every error wanted as
// "line:col: message" after the file name.
var badConfigs = []struct {
	name string
	in   string
	want []string
}{
	// The file as a whole.
	{"invalid utf-8", "width: 8\xff0\n", []string{"1:9: invalid UTF-8 (byte 0xff)"}},
	{"invalid yaml", "formats: [png\n", []string{"1:10: invalid YAML: did not find expected ',' or ']'"}},
	{"too big", "width: 800\n#" + strings.Repeat("x", 1<<20), []string{"1:1: config is 1048588 bytes; the limit is 1 MiB"}},
	{"two documents", "width: 800\n---\nheight: 400\n", []string{"2:1: more than one YAML document: figgen.yaml holds one mapping of defaults"}},
	{"empty then more", "---\n---\nwidth: 800\n", []string{"2:1: more than one YAML document: figgen.yaml holds one mapping of defaults"}},
	{"top-level list", "- width: 800\n", []string{"1:1: want a mapping of fields at the top level, got a list"}},
	{"anchor", "width: &w 800\nheight: *w\n", []string{"1:8: anchor &w: anchors and aliases are not supported (1 more in the file)"}},

	// Top-level keys.
	{"unknown field", "widht: 800\n", []string{`1:1: unknown field "widht" (did you mean "width"?)`}},
	{"unknown field, far", "colour: red\n", []string{`1:1: unknown field "colour"`}},
	{"kinds typo", "kind_defaults: {}\nknids: {}\n", []string{
		`1:1: unknown field "kind_defaults"`,
		`2:1: unknown field "knids" (did you mean "kinds"?)`,
	}},
	{"per-figure fields", "kind: step\ntitle: T\noutput: o\nalt: A\n", []string{
		`1:1: field "kind" cannot be a folder default: set it in each spec`,
		`2:1: field "title" cannot be a folder default: set it in each spec`,
		`3:1: field "output" cannot be a folder default: set it in each spec`,
		`4:1: field "alt" cannot be a folder default: set it in each spec`,
	}},
	{"kind field at the top", "fan_out: 2\n", []string{
		`1:1: field "fan_out" belongs under kinds (it is a field of unit)`,
	}},
	{"duplicate key", "width: 800\nwidth: 900\n", []string{`2:1: duplicate key "width" (first at line 1)`}},
	{"non-scalar key", "[a]: 1\n", []string{"1:1: want a field name, got a list"}},

	// Kinds.
	{"kinds not a mapping", "kinds: [step]\n", []string{"1:8: kinds: want a mapping from kind names to fields, got a list"}},
	{"unknown kind", "kinds:\n  sigmod: {}\n", []string{`2:3: unknown kind "sigmod" (did you mean "sigmoid"?)`}},
	{"unknown kind, far", "kinds:\n  histogram: {}\n", []string{
		`2:3: unknown kind "histogram" (want one of ` + strings.Join(kinds.Names(), ", ") + ")",
	}},
	{"duplicate kind", "kinds:\n  step: {}\n  step: {}\n", []string{`3:3: duplicate key "step" (first at line 2)`}},
	{"kind not a mapping", "kinds:\n  step: 3\n", []string{"2:9: kinds.step: want a mapping of fields of kind step, got integer 3"}},
	{"kind key not a name", "kinds:\n  [step]: {}\n", []string{"2:3: want a kind name, got a list"}},
	{"field of another kind", "kinds:\n  step:\n    biases: [1]\n", []string{`3:5: field "biases" does not apply to kind "step" (only bias-shift, network)`}},
	{"field of another kind, close", "kinds:\n  unit:\n    biases: [1]\n", []string{`3:5: field "biases" does not apply to kind "unit" (did you mean "bias"?)`}},
	{"unknown kind field", "kinds:\n  step:\n    x_rnage: [-1, 1]\n    colour: red\n", []string{
		`3:5: unknown field "x_rnage" (did you mean "x_range"?)`,
		`4:5: unknown field "colour"`,
	}},
	{"common field under a kind", "kinds:\n  step:\n    width: 800\n    title: T\n", []string{
		`3:5: field "width" applies to every kind: set it at the top level of figgen.yaml`,
		`4:5: field "title" cannot be a folder default: set it in each spec`,
	}},
	{"duplicate kind field", "kinds:\n  unit: {fan_out: 2, fan_out: 3}\n", []string{`2:22: duplicate key "fan_out" (first at line 2)`}},

	// Types.
	{"width not an integer", "width: wide\n", []string{`1:8: width: want an integer, got string "wide"`}},
	{"formats not a list", "formats: png\n", []string{`1:10: formats: want a list of strings, got string "png"`}},
	{"range order", "kinds:\n  sigmoid:\n    x_range: [8, -8]\n", []string{"3:14: x_range: min 8 must be less than max -8"}},
	{"range not finite", "kinds:\n  sigmoid:\n    y_range: [0, .inf]\n", []string{"3:18: y_range[1]: want a finite number, got .inf"}},
	{"bool", "kinds:\n  step:\n    grid: yes\n", []string{`3:11: grid: want true or false, got string "yes"`}},
	{"control character", "kinds:\n  sigmoid:\n    formula: \"$\\theta$\"\n", []string{
		`3:14: formula: "\t" in a double-quoted string is a tab; write LaTeX in single quotes ('$\theta$')`,
	}},

	// Values.
	{"width too small", "width: 100\n", []string{"1:8: width: want 320 to 10000, got 100"}},
	{"too many pixels", "width: 10000\nheight: 10000\n", []string{"1:8: width × height 10000 × 10000 is over 25 megapixels"}},
	{"no format", "formats: []\n", []string{"1:10: formats: want at least one format, got 0"}},
	{"unknown format", "formats: [png, gif]\n", []string{`1:16: unknown format "gif" (want one of png, svg, pdf)`}},
	{"duplicate format", "formats: [png, png]\n", []string{`1:16: duplicate format "png"`}},
	{"enum", "kinds:\n  bias-shift:\n    legend: bottom-rigth\n", []string{`3:13: unknown legend "bottom-rigth" (did you mean "bottom-right"?)`}},
	{"fan out", "kinds:\n  unit:\n    fan_out: 6\n", []string{"3:14: fan_out: want 1 to 5, got 6"}},
	{"plane weights", "kinds:\n  threshold-plane:\n    weights: [1]\n", []string{"3:14: weights: want 2 or 3 weights, got 1"}},
	{"signal rows", "kinds:\n  signal:\n    rows: [{caption: a}]\n", []string{"3:12: rows[0]: missing value"}},
	{"config inconsistent", "kinds:\n  unit:\n    inputs: 2\n    weights: [$a$]\n", []string{"4:14: 1 weight for 2 inputs"}},
	{"range misses the config's threshold", "kinds:\n  step:\n    x_range: [5, 8]\n    threshold: 0\n", []string{"3:14: x_range [5, 8] does not contain threshold 0"}},
	{"unit inputs implied by the config's labels", "kinds:\n  unit:\n    input_labels: [a, b, c, d, e, f, g, h, i, j, k, l, m]\n", []string{"3:19: input_labels: want 1 to 12 labels, got 13"}},
	{"unit labels and weights disagree", "kinds:\n  unit:\n    input_labels: [a, b]\n    weights: [c]\n", []string{"4:14: 1 weight for 2 inputs"}},
	{"diagram edge", "kinds:\n  diagram:\n    nodes: [{id: c, at: [0, 0]}]\n    edges: [{from: a, to: b}]\n", []string{
		`4:20: unknown node "a"`,
		`4:27: unknown node "b"`,
	}},
	{"biases", "kinds:\n  bias-shift:\n    biases: [1, 2e9, 1]\n", []string{
		"3:17: biases[1]: want a value from -1 × 10⁹ to 1 × 10⁹, got 2 × 10⁹",
		"3:22: duplicate bias 1",
	}},
	{"latex in double quotes", "kinds:\n  sigmoid:\n    formula: \"$\\sigma$\"\n", []string{
		`3:16: invalid YAML: found unknown escape character; write LaTeX in single quotes ('$\sigma$')`,
	}},

	// All at once, sorted.
	{"many", "kinds:\n  unit: {fan_out: 0}\nwidht: 800\nheight: 1\n", []string{
		"2:19: fan_out: want 1 to 5, got 0",
		`3:1: unknown field "widht" (did you mean "width"?)`,
		"4:9: height: want 200 to 10000, got 1",
	}},
}

func TestDecodeConfigErrors(t *testing.T) {
	for _, tt := range badConfigs {
		t.Run(tt.name, func(t *testing.T) {
			c, err := kinds.DecodeConfig(configPath, []byte(tt.in))
			if err == nil {
				t.Fatalf("no error, want %q", tt.want)
			}
			if c != nil {
				t.Errorf("Config %v with an error, want nil", c)
			}
			var list spec.ErrorList
			if !errors.As(err, &list) {
				t.Fatalf("error %T is not an ErrorList", err)
			}
			want := make([]string, len(tt.want))
			for i, w := range tt.want {
				want[i] = configPath + ":" + w
			}
			if got := err.Error(); got != strings.Join(want, "\n") {
				t.Errorf("errors:\n%s\nwant:\n%s", got, strings.Join(want, "\n"))
			}
		})
	}
}

// TestEmptyConfig checks that a config setting nothing decodes and changes
// nothing.
func TestEmptyConfig(t *testing.T) {
	for _, in := range []string{"", "# defaults\n", "~\n", "---\n", "{}\n", "kinds:\n", "kinds: {}\n", "kinds:\n  step:\n  unit: {}\n"} {
		c := mustConfig(t, in)
		for _, src := range []string{"kind: step\n", "kind: unit\ninputs: 2\n"} {
			want, _ := kinds.Decode("specs/a.yaml", []byte(src))
			got, err := kinds.DecodeWith("specs/a.yaml", []byte(src), c)
			if err != nil || !reflect.DeepEqual(got, want) {
				t.Errorf("config %q, spec %q: DecodeWith = %v, %v; want Decode's %v", in, src, got, err, want)
			}
		}
		if ts := c.Texts(); ts != nil {
			t.Errorf("config %q: Texts = %v", in, ts)
		}
	}
}

// TestConfigPrecedence checks that a spec's own value beats the config's,
// which beats the built-in default, field by field.
func TestConfigPrecedence(t *testing.T) {
	c := mustConfig(t, exampleConfig)
	pos := func(line, col int) spec.Pos { return spec.Pos{File: configPath, Line: line, Col: col} }
	own := func(line, col int) spec.Pos { return spec.Pos{File: "specs/s.yaml", Line: line, Col: col} }
	for _, tt := range []struct {
		name, in string
		check    func(t *testing.T, f *spec.Figure)
	}{
		{"config beats built-in", "kind: sigmoid\n", func(t *testing.T, f *spec.Figure) {
			if !slices.Equal(f.Formats, []string{"png", "svg", "pdf"}) || f.Width != 720 || f.Height != 450 {
				t.Errorf("formats, size = %q, %d×%d", f.Formats, f.Width, f.Height)
			}
			if r := f.Spec.(*figures.Sigmoid).XRange; r == nil || *r != (spec.Range{-8, 8}) {
				t.Errorf("x_range = %v, want [-8, 8]", r)
			}
			if r := f.Spec.(*figures.Sigmoid).YRange; r != nil {
				t.Errorf("y_range = %v, want the built-in nil", r)
			}
			if !f.Spec.(*figures.Sigmoid).MarkMidpoint || f.Spec.(*figures.Sigmoid).XLabel.Src != "$z$" {
				t.Errorf("built-in defaults lost: mark_midpoint %v, x_label %q", f.Spec.(*figures.Sigmoid).MarkMidpoint, f.Spec.(*figures.Sigmoid).XLabel.Src)
			}
			for path, want := range map[string]spec.Pos{
				"formats": pos(1, 10), "formats[2]": pos(1, 21), "width": pos(2, 8), "height": pos(3, 9),
				"x_range": pos(6, 14), "formula": pos(7, 14), "title": own(1, 1),
			} {
				if got := f.PosOf(path); got != want {
					t.Errorf("PosOf(%q) = %v, want %v", path, got, want)
				}
			}
			fm := f.Spec.(*figures.Sigmoid).Formula
			if fm.Src != "$f(z)$" || fm.Pos != pos(7, 14) || fm.PosAt(1) != pos(7, 16) {
				t.Errorf("formula %q at %v, PosAt(1) %v", fm.Src, fm.Pos, fm.PosAt(1))
			}
			if ts := f.Texts(); !slices.ContainsFunc(ts, func(t spec.Text) bool { return t.Pos == pos(7, 14) }) {
				t.Errorf("Texts %v lack the config's formula", ts)
			}
		}},
		{"spec beats config", "kind: sigmoid\nformats: [pdf]\nwidth: 640\nx_range: [-1, 1]\nformula: '$g$'\n", func(t *testing.T, f *spec.Figure) {
			if !slices.Equal(f.Formats, []string{"pdf"}) || f.Width != 640 || f.Height != 450 {
				t.Errorf("formats, size = %q, %d×%d", f.Formats, f.Width, f.Height)
			}
			if r := f.Spec.(*figures.Sigmoid).XRange; *r != (spec.Range{-1, 1}) || f.Spec.(*figures.Sigmoid).Formula.Src != "$g$" {
				t.Errorf("x_range, formula = %v, %q", r, f.Spec.(*figures.Sigmoid).Formula.Src)
			}
			if f.PosOf("width") != own(3, 8) || f.PosOf("height") != pos(3, 9) || f.PosOf("formats[0]") != own(2, 11) {
				t.Errorf("PosOf width, height, formats[0] = %v, %v, %v", f.PosOf("width"), f.PosOf("height"), f.PosOf("formats[0]"))
			}
		}},
		{"explicit empty beats config", "kind: sigmoid\nformula: ''\n", func(t *testing.T, f *spec.Figure) {
			if fm := f.Spec.(*figures.Sigmoid).Formula; fm.Src != "" || fm.Pos != own(2, 10) {
				t.Errorf("formula %q at %v, want empty, from the spec", fm.Src, fm.Pos)
			}
		}},
		{"explicit null beats config", "kind: sigmoid\nformula:\n", func(t *testing.T, f *spec.Figure) {
			if f.Spec.(*figures.Sigmoid).Formula.Src != "" {
				t.Errorf("formula %q, want empty", f.Spec.(*figures.Sigmoid).Formula.Src)
			}
		}},
		{"other kind's defaults unused", "kind: step\n", func(t *testing.T, f *spec.Figure) {
			if r := f.Spec.(*figures.Step).XRange; *r != (spec.Range{-3, 3}) {
				t.Errorf("x_range = %v, want the built-in [-3, 3]", r)
			}
			if f.Width != 720 {
				t.Errorf("width = %d, want the config's 720", f.Width)
			}
		}},
		{"kind defaults", "kind: unit\n", func(t *testing.T, f *spec.Figure) {
			if f.Spec.(*figures.Unit).FanOut != 2 || f.Spec.(*figures.Unit).Inputs != 3 || f.PosOf("fan_out") != pos(9, 14) {
				t.Errorf("fan_out, inputs = %d, %d, fan_out at %v", f.Spec.(*figures.Unit).FanOut, f.Spec.(*figures.Unit).Inputs, f.PosOf("fan_out"))
			}
		}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			f, err := kinds.DecodeWith("specs/s.yaml", []byte(tt.in), c)
			if err != nil {
				t.Fatal(err)
			}
			tt.check(t, f)
		})
	}
}

// TestConfigInvalidForSpec checks a config value that is fine on its own
// but wrong for one spec: reported at the value, in figgen.yaml, after the
// spec's own errors.
func TestConfigInvalidForSpec(t *testing.T) {
	c := mustConfig(t, "width: 5000\nkinds:\n  step:\n    x_range: [-8, 8]\n")
	if _, err := kinds.DecodeWith("specs/a.yaml", []byte("kind: step\nthreshold: 2\n"), c); err != nil {
		t.Errorf("threshold inside the config's range: %v", err)
	}
	f, err := kinds.DecodeWith("specs/b.yaml", []byte("kind: step\nthreshold: 10\ntitle: 'T $x$'\nheight: 6000\ncolour: red\n"), c)
	want := "specs/b.yaml:4:9: width × height 5000 × 6000 is over 25 megapixels (width 5000 from specs/figgen.yaml:1:8)\n" +
		`specs/b.yaml:5:1: unknown field "colour"` + "\n" +
		"specs/figgen.yaml:4:14: x_range [-8, 8] does not contain threshold 10 (applied to specs/b.yaml)"
	if err == nil || err.Error() != want {
		t.Fatalf("error:\n%v\nwant:\n%s", err, want)
	}
	var e *spec.Error
	if !errors.As(err, &e) || e.Pos.File != "specs/b.yaml" {
		t.Errorf("first error %v, want the spec's", e)
	}
	if got := srcs(f.Texts()); !slices.Equal(got, []string{"T $x$"}) {
		t.Errorf("partial Texts = %q, want the spec's own", got)
	}
	// The config is unchanged: another spec still decodes.
	if _, err := kinds.DecodeWith("specs/c.yaml", []byte("kind: step\n"), c); err != nil {
		t.Errorf("after a failure: %v", err)
	}
}

// TestConfigCrossField checks the checks spanning fields with a config:
// DecodeConfig makes them only between values the config sets itself, and
// each spec is checked with the config applied, an error at the spec's own
// field naming the config value it involves. A value the spec writes,
// directly or by implication (a unit's inputs from its input_labels),
// beats the config's.
func TestConfigCrossField(t *testing.T) {
	for _, tt := range []struct {
		name, config, spec string
		inputs             int // of the unit decoded, when set
		want               []string
	}{
		{"range without threshold, spec's threshold inside", "kinds:\n  step:\n    x_range: [0, 6]\n", "kind: step\nthreshold: 2\n", 0, nil},
		{"range without threshold, default threshold", "kinds:\n  step:\n    x_range: [0, 6]\n", "kind: step\n", 0, []string{
			"specs/figgen.yaml:3:14: x_range [0, 6] does not contain threshold 0 (applied to specs/s.yaml)",
		}},
		{"flow range without threshold", "kinds: {step: {x_range: [0, 6]}}\n", "kind: step\n", 0, []string{
			"specs/figgen.yaml:1:25: x_range [0, 6] does not contain threshold 0 (applied to specs/s.yaml)",
		}},
		{"threshold without range, spec's range", "kinds:\n  step:\n    threshold: 10\n", "kind: step\nx_range: [-2, 4]\n", 0, []string{
			"specs/s.yaml:2:10: x_range [-2, 4] does not contain threshold 10 (threshold 10 from specs/figgen.yaml:3:16)",
		}},
		{"far threshold without range", "kinds:\n  step:\n    threshold: 1e8\n", "kind: step\n", 0, []string{
			"specs/figgen.yaml:3:16: threshold 1 × 10⁸ is too far from 0 for the default x_range [threshold − 3, threshold + 3]; set x_range (applied to specs/s.yaml)",
		}},
		{"far threshold, spec's range", "kinds:\n  step:\n    threshold: 1e8\n", "kind: step\nx_range: [99999000, 100001000]\n", 0, nil},
		{"config inputs, spec's labels", "kinds:\n  unit:\n    inputs: 2\n", "kind: unit\ninput_labels: [a, b, c, d]\n", 4, nil},
		{"config inputs, spec's weights", "kinds:\n  unit:\n    inputs: 2\n", "kind: unit\nweights: [a, b, c]\n", 3, nil},
		{"config inputs alone", "kinds:\n  unit:\n    inputs: 2\n", "kind: unit\n", 2, nil},
		{"config inputs, spec's lists disagree", "kinds:\n  unit:\n    inputs: 2\n", "kind: unit\ninput_labels: [a, b, c, d]\nweights: [p, q]\n", 0, []string{
			"specs/s.yaml:3:10: 2 weights for 4 inputs",
		}},
		{"config labels, spec's weights", "kinds:\n  unit:\n    input_labels: [a, b]\n", "kind: unit\nweights: [p, q, r]\n", 0, []string{
			"specs/figgen.yaml:3:19: 2 input labels for 3 inputs (applied to specs/s.yaml)",
		}},
		{"config width, spec's height", "width: 5000\n", "kind: step\nheight: 6000\n", 0, []string{
			"specs/s.yaml:2:9: width × height 5000 × 6000 is over 25 megapixels (width 5000 from specs/figgen.yaml:1:8)",
		}},
		{"config height, spec's width", "height: 6000\n", "kind: step\nwidth: 5000\n", 0, []string{
			"specs/s.yaml:2:8: width × height 5000 × 6000 is over 25 megapixels (height 6000 from specs/figgen.yaml:1:9)",
		}},
		{"config edges, spec's nodes", "kinds:\n  diagram:\n    edges: [{from: a, to: b}]\n", "kind: diagram\nnodes: [{id: a, at: [0, 0]}, {id: b, at: [1, 1]}]\n", 0, nil},
		{"config edges, a node missing", "kinds:\n  diagram:\n    edges: [{from: a, to: b}]\n", "kind: diagram\nnodes: [{id: a, at: [0, 0]}]\n", 0, []string{
			`specs/figgen.yaml:3:27: unknown node "b" (applied to specs/s.yaml)`,
		}},
		{"config nodes, spec's edges", "kinds:\n  diagram:\n    nodes: [{id: a, at: [0, 0]}, {id: b, at: [0, 0.5]}]\n", "kind: diagram\nedges: [{from: a, to: c}]\n", 0, []string{
			`specs/s.yaml:2:23: unknown node "c" (nodes from specs/figgen.yaml:3:12)`,
		}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			c := mustConfig(t, tt.config)
			f, err := kinds.DecodeWith("specs/s.yaml", []byte(tt.spec), c)
			if got, want := fmt.Sprint(err), strings.Join(tt.want, "\n"); err == nil && want != "" || err != nil && got != want {
				t.Fatalf("errors:\n%v\nwant:\n%s", err, want)
			}
			if tt.inputs != 0 && (f.Spec.(*figures.Unit).Inputs != tt.inputs || len(f.Spec.(*figures.Unit).Weights) != tt.inputs || len(f.Spec.(*figures.Unit).InputLabel) != tt.inputs) {
				t.Errorf("inputs, weights, labels = %d, %d, %d; want %d", f.Spec.(*figures.Unit).Inputs, len(f.Spec.(*figures.Unit).Weights), len(f.Spec.(*figures.Unit).InputLabel), tt.inputs)
			}
		})
	}
}

// TestDecodeIsDecodeWithNil checks that Decode is DecodeWith without a
// config, on good and bad specs.
func TestDecodeIsDecodeWithNil(t *testing.T) {
	var ins []string
	files, _ := filepath.Glob("testdata/*.yaml")
	for _, name := range files {
		b, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		ins = append(ins, string(b))
	}
	for _, k := range kinds.Names() {
		ins = append(ins, "kind: "+k+"\n")
	}
	for _, tt := range badTests {
		ins = append(ins, tt.in)
	}
	for _, in := range ins {
		f1, err1 := kinds.Decode("specs/t.yaml", []byte(in))
		f2, err2 := kinds.DecodeWith("specs/t.yaml", []byte(in), nil)
		if !reflect.DeepEqual(f1, f2) || !reflect.DeepEqual(err1, err2) {
			t.Errorf("%.40q: Decode = %v, %v; DecodeWith(nil) = %v, %v", in, f1, err1, f2, err2)
		}
	}
}

// TestConfigTexts checks the rich-text fields a config sets.
func TestConfigTexts(t *testing.T) {
	c := mustConfig(t, "kinds:\n  unit:\n    caption: '$z$'\n    weights: [a, b, c]\n  sigmoid: {formula: F}\n")
	var got []string
	for _, tx := range c.Texts() {
		got = append(got, tx.Src+"@"+tx.Pos.String())
	}
	want := []string{
		"a@specs/figgen.yaml:4:15", "b@specs/figgen.yaml:4:18", "c@specs/figgen.yaml:4:21",
		"$z$@specs/figgen.yaml:3:14", "F@specs/figgen.yaml:5:22",
	}
	if !slices.Equal(got, want) {
		t.Errorf("Texts = %q, want %q", got, want)
	}
	if (*spec.Config)(nil).Texts() != nil {
		t.Error("nil Config has Texts")
	}
}

// TestConfigConcurrent decodes many specs with one config at once (run
// with -race).
func TestConfigConcurrent(t *testing.T) {
	c := mustConfig(t, exampleConfig)
	var wg sync.WaitGroup
	for i := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			k := kinds.Names()[i%len(kinds.Names())]
			if _, err := kinds.DecodeWith("specs/t.yaml", []byte("kind: "+k+"\n"), c); err != nil {
				t.Error(err)
			}
		}()
	}
	wg.Wait()
}

const configSchemaFile = "figgen.config.schema.json"

// TestConfigSchemaUpToDate checks that the committed config schema is
// ConfigSchema's output; -update rewrites it.
func TestConfigSchemaUpToDate(t *testing.T) {
	got := kinds.ConfigSchema()
	if *update {
		if err := os.WriteFile(configSchemaFile, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(configSchemaFile)
	if err != nil {
		t.Fatalf("%v (go test ./spec/ -run TestConfigSchemaUpToDate -update writes it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s is stale (go test ./spec/ -run TestConfigSchemaUpToDate -update)", configSchemaFile)
	}
}

// TestConfigSchema checks that the config schema lists exactly the keys
// DecodeConfig accepts and agrees with it on good and bad configs.
func TestConfigSchema(t *testing.T) {
	var s map[string]any
	if err := json.Unmarshal(kinds.ConfigSchema(), &s); err != nil {
		t.Fatal(err)
	}
	if s["$id"] != spec.ConfigSchemaID {
		t.Errorf("$id = %v", s["$id"])
	}
	props := s["properties"].(map[string]any)
	if got, want := keys(props), []string{"formats", "height", "kinds", "scales", "themes", "width"}; !slices.Equal(got, want) {
		t.Errorf("properties %q, want %q", got, want)
	}
	byKind := props["kinds"].(map[string]any)["properties"].(map[string]any)
	if got := keys(byKind); !slices.Equal(got, kinds.Names()) {
		t.Errorf("kinds %q, want %q", got, kinds.Names())
	}
	for _, k := range kinds.Names() {
		if got, want := keys(byKind[k].(map[string]any)["properties"]), sortedNames(kindFields(k)); !slices.Equal(got, want) {
			t.Errorf("kinds.%s: properties %q, want %q", k, got, want)
		}
	}
	for _, in := range []string{exampleConfig, "", "kinds:\n", "kinds:\n  step:\n"} {
		if errs := validate(s, s, instance(t, []byte(in)), ""); len(errs) > 0 {
			t.Errorf("schema rejects %q:\n%s", in, strings.Join(errs, "\n"))
		}
	}
	for _, tt := range badConfigs {
		switch tt.name {
		case "invalid utf-8", "invalid yaml", "too big", "two documents", "empty then more", "anchor",
			"duplicate key", "duplicate kind", "duplicate kind field", "non-scalar key", "kind key not a name",
			"control character", "range order", "range not finite", "too many pixels", "duplicate format",
			"signal rows", "config inconsistent", "range misses the config's threshold", "diagram edge",
			"unit labels and weights disagree", "unit inputs implied by the config's labels", "latex in double quotes":
			continue // beyond the schema, or beyond JSON
		}
		t.Run(tt.name, func(t *testing.T) {
			if errs := validate(s, s, instance(t, []byte(tt.in)), ""); len(errs) == 0 {
				t.Errorf("schema accepts %q", tt.in)
			}
		})
	}
}

// TestConfigDerivedDefaults checks that a config value counts as written
// for the built-in defaults that depend on it.
func TestConfigDerivedDefaults(t *testing.T) {
	c := mustConfig(t, "kinds:\n  unit:\n    weights: [$a$, $b$]\n")
	f, err := kinds.DecodeWith("specs/u.yaml", []byte("kind: unit\n"), c)
	if err != nil {
		t.Fatal(err)
	}
	if u := f.Spec.(*figures.Unit); u.Inputs != 2 || len(u.InputLabel) != 2 || srcs(u.EdgeText)[1] != "$b$" {
		t.Errorf("inputs, input labels, edge text = %d, %q, %q", u.Inputs, srcs(u.InputLabel), srcs(u.EdgeText))
	}
	_, err = kinds.DecodeWith("specs/u.yaml", []byte("kind: unit\ninputs: 3\n"), c)
	want := "specs/figgen.yaml:3:14: 2 weights for 3 inputs (applied to specs/u.yaml)"
	if err == nil || err.Error() != want {
		t.Errorf("error %v, want %s", err, want)
	}
}

// TestConfigVariants checks themes and scales as folder defaults: a
// spec's own values win, one name stands for a list in both files, and a
// bad value is reported in figgen.yaml.
func TestConfigVariants(t *testing.T) {
	c := mustConfig(t, "themes: auto\nscales: [1, 2]\n")
	f, err := kinds.DecodeWith("specs/s.yaml", []byte("kind: step\n"), c)
	if err != nil {
		t.Fatal(err)
	}
	if !f.Themes.Auto() || !slices.Equal(f.Scales, []int{1, 2}) {
		t.Errorf("themes %q, scales %v, want the config's auto and [1, 2]", f.Themes, f.Scales)
	}
	if p := f.PosOf("themes[0]"); p.File != configPath || p.Line != 1 || p.Col != 9 {
		t.Errorf("themes[0] at %v, want figgen.yaml:1:9", p)
	}
	f, err = kinds.DecodeWith("specs/s.yaml", []byte("kind: step\nthemes: dark\n"), c)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(f.Themes, spec.Themes{"dark"}) {
		t.Errorf("themes %q, want the spec's [dark]", f.Themes)
	}
	f, err = kinds.Decode("specs/s.yaml", []byte("kind: step\n"))
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(f.Themes, spec.Themes{"light"}) || !slices.Equal(f.Scales, []int{1}) {
		t.Errorf("built-in themes %q, scales %v, want [light] and [1]", f.Themes, f.Scales)
	}
	_, err = kinds.DecodeConfig(configPath, []byte("themes: [light, auto]\nscales: [0]\n"))
	want := configPath + `:1:17: themes: auto draws both light and dark: write it alone (themes: auto)` + "\n" + configPath + ":2:10: scales[0]: want 1 to 3, got 0"
	if err == nil || err.Error() != want {
		t.Errorf("error\n%v\nwant\n%s", err, want)
	}
}

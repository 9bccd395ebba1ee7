package spec_test

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/figgen/figgen/spec"
)

// badTests are spec files that must fail, with every error wanted, as
// "line:col: message" after the file name.
var badTests = []struct {
	name string
	in   string
	want []string
}{
	// The file as a whole.
	{"empty", "", []string{"1:1: empty spec"}},
	{"comments only", "# nothing\n\n", []string{"1:1: empty spec"}},
	{"empty document", "---\n", []string{"1:1: empty spec"}},
	{"null document", "~\n", []string{"1:1: empty spec"}},
	{"invalid utf-8", "kind: step\ntitle: a\xffb\n", []string{"2:9: invalid UTF-8 (byte 0xff)"}},
	{"invalid yaml", "kind: step\ntitle: [a\n", []string{"2:8: invalid YAML: did not find expected ',' or ']'"}},
	{"bad indentation", "kind: step\n  title: a\n", []string{`2:8: invalid YAML: mapping values are not allowed in this context (a key indented too far, or a value holding ": " to quote)`}},
	{"tab indentation", "kind: step\nrows:\n\t- a\n", []string{"3:1: invalid YAML: found character that cannot start any token (a tab: indent with spaces)"}},
	{"too big", "kind: step\n" + strings.Repeat("# filler\n", 245000), []string{"1:1: spec is 2.1 MiB; the limit is 1 MiB"}},
	{"just too big", "kind: step\n#" + strings.Repeat("x", 1<<20-11), []string{"1:1: spec is 1048577 bytes; the limit is 1 MiB"}},
	{"two documents", "kind: step\n---\nkind: sigmoid\n", []string{"2:1: more than one YAML document: a spec file holds one figure"}},
	{"top-level list", "- kind: step\n", []string{"1:1: want a mapping of fields at the top level, got a list"}},
	{"top-level scalar", "step\n", []string{`1:1: want a mapping of fields at the top level, got string "step"`}},
	{"anchor and alias", "kind: step\nx_label: &l $z$\ny_label: *l\n", []string{
		"2:10: anchor &l: anchors and aliases are not supported (1 more in the file)",
	}},
	{"alias only", "kind: step\ntitle: *x\n", []string{"2:8: invalid YAML: unknown anchor 'x' referenced"}},

	// Kind.
	{"missing kind", "title: a\n", []string{"1:1: missing kind"}},
	{"missing kind, typo", "title: a\ntitel: b\n", []string{
		"1:1: missing kind",
		`2:1: unknown field "titel" (did you mean "title"?)`,
	}},
	{"unknown kind", "kind: sigmod\n", []string{`1:7: unknown kind "sigmod" (did you mean "sigmoid"?)`}},
	{"unknown kind, far", "kind: histogram\n", []string{
		`1:7: unknown kind "histogram" (want one of ` + strings.Join(kinds.Names(), ", ") + ")",
	}},
	{"kind not a string", "kind: [step]\n", []string{"1:7: kind: want a string, got a list"}},

	// Themes and scales.
	{"unknown theme", "kind: step\nthemes: [light, drak]\n", []string{`2:17: unknown theme "drak" (did you mean "dark"?)`}},
	{"unknown theme, one", "kind: step\nthemes: sepia\n", []string{`2:9: unknown theme "sepia" (want one of light, dark, auto)`}},
	{"theme not a name", "kind: step\nthemes: {a: 1}\n", []string{"2:9: themes: want a list of strings, got a mapping"}},
	{"auto with another", "kind: step\nthemes: [dark, auto]\n", []string{"2:16: themes: auto draws both light and dark: write it alone (themes: auto)"}},
	{"duplicate theme", "kind: step\nthemes: [dark, dark]\n", []string{"2:16: duplicate theme \"dark\""}},
	{"no theme", "kind: step\nthemes: []\n", []string{"2:9: themes: want 1 or 2 themes, got 0"}},
	{"scale 4", "kind: step\nscales: [1, 4]\n", []string{"2:13: scales[1]: want 1 to 3, got 4"}},
	{"scale not a number", "kind: step\nscales: 2\n", []string{"2:9: scales: want a list of integers, got integer 2"}},
	{"scale over the pixels", "kind: step\nwidth: 5000\nheight: 4000\nscales: [1, 2]\n", []string{"4:13: scale 2 makes a PNG of 10000 × 8000 pixels, over 25 megapixels"}},

	// Fields.
	{"unknown field", "kind: step\ntitel: a\n", []string{`2:1: unknown field "titel" (did you mean "title"?)`}},
	{"unknown field, far", "kind: step\ncolour: red\n", []string{`2:1: unknown field "colour"`}},
	{"field of another kind", "kind: step\nbiases: [1]\n", []string{`2:1: field "biases" does not apply to kind "step" (only bias-shift, network)`}},
	{"field of another kind, close", "kind: unit\nbiases: [1]\n", []string{`2:1: field "biases" does not apply to kind "unit" (did you mean "bias"?)`}},
	{"duplicate key", "kind: step\ntitle: a\ntitle: b\n", []string{`3:1: duplicate key "title" (first at line 2)`}},
	{"duplicate nested key", "kind: signal\nrows:\n  - {caption: a, value: 0, value: 1}\n", []string{`3:28: duplicate key "value" (first at line 3)`}},
	{"unknown nested field", "kind: diagram\nnodes:\n  - {id: a, at: [0, 0], lable: x}\n", []string{`3:25: unknown field "lable" (did you mean "label"?)`}},
	{"non-scalar key", "kind: step\n[a]: 1\n", []string{"2:1: want a field name, got a list"}},

	// Types.
	{"range not a list", "kind: step\nx_range: abc\n", []string{`2:10: x_range: want a list of two numbers, got string "abc"`}},
	{"range of three", "kind: step\nx_range: [1, 2, 3]\n", []string{"2:10: x_range: want a list of two numbers, got 3"}},
	{"range element", "kind: step\nx_range: [a, 2]\n", []string{`2:11: x_range[0]: want a number, got string "a"`}},
	{"range order", "kind: step\nx_range: [3, -3]\n", []string{"2:10: x_range: min 3 must be less than max -3"}},
	{"range empty", "kind: step\ny_range: [1, 1]\n", []string{"2:10: y_range: min 1 must be less than max 1"}},
	{"int rejects float", "kind: step\nwidth: 1.5\n", []string{"2:8: width: want an integer, got number 1.5"}},
	{"int rejects string", "kind: step\nheight: tall\n", []string{`2:9: height: want an integer, got string "tall"`}},
	{"int too big", "kind: step\nwidth: 99999999999999999999\n", []string{"2:8: width: want an integer, got number 99999999999999999999"}},
	{"float rejects bool", "kind: step\nthreshold: true\n", []string{"2:12: threshold: want a number, got bool true"}},
	{"nan", "kind: step\nthreshold: .nan\n", []string{"2:12: threshold: want a finite number, got .nan"}},
	{"inf", "kind: bias-shift\nbiases: [0, -.inf]\n", []string{"2:13: biases[1]: want a finite number, got -.inf"}},
	{"inf in range", "kind: sigmoid\nx_range: [-6, .Inf]\n", []string{"2:15: x_range[1]: want a finite number, got .Inf"}},
	{"bool rejects string", "kind: sigmoid\nmark_midpoint: yes\n", []string{`2:16: mark_midpoint: want true or false, got string "yes"`}},
	{"string rejects list", "kind: step\noutput: [a]\n", []string{"2:9: output: want a string, got a list"}},
	{"string rejects null", "kind: step\noutput:\n", []string{"2:8: output: want a string, got null"}},
	{"text rejects mapping", "kind: step\ntitle: {a: 1}\n", []string{"2:8: title: want text, got a mapping"}},
	{"list rejects scalar", "kind: step\nformats: png\n", []string{`2:10: formats: want a list of strings, got string "png"`}},
	{"list of texts", "kind: specimen\nlines: [a, [b]]\n", []string{"2:12: lines[1]: want text, got a list"}},
	{"struct rejects scalar", "kind: signal\nrows: [a]\n", []string{`2:8: rows[0]: want a mapping, got string "a"`}},
	{"at of one", "kind: diagram\nnodes: [{id: a, at: [1]}]\n", []string{"2:21: nodes[0].at: want a list of two numbers, got 1"}},

	// Common values.
	{"width zero", "kind: step\nwidth: 0\n", []string{"2:8: width: want 320 to 10000, got 0"}},
	{"width too small", "kind: step\nwidth: 319\n", []string{"2:8: width: want 320 to 10000, got 319"}},
	{"height too small", "kind: step\nheight: 199\n", []string{"2:9: height: want 200 to 10000, got 199"}},
	{"height too big", "kind: step\nheight: 10001\n", []string{"2:9: height: want 200 to 10000, got 10001"}},
	{"too many pixels", "kind: step\nwidth: 10000\nheight: 10000\n", []string{"2:8: width × height 10000 × 10000 is over 25 megapixels"}},
	{"unknown format", "kind: step\nformats: [png, gif]\n", []string{`2:16: unknown format "gif" (want one of png, svg, pdf)`}},
	{"format typo", "kind: step\nformats: [svgg]\n", []string{`2:11: unknown format "svgg" (did you mean "svg"?)`}},
	{"duplicate format", "kind: step\nformats: [png, svg, png]\n", []string{`2:21: duplicate format "png"`}},
	{"no format", "kind: step\nformats: []\n", []string{"2:10: formats: want at least one format, got 0"}},
	{"output empty", "kind: step\noutput: \"\"\n", []string{"2:9: output: want a non-empty name"}},
	{"output dotdot", "kind: step\noutput: a/../../b\n", []string{`2:9: output "a/../../b": want no ".." element`}},
	{"output absolute", "kind: step\noutput: /tmp/x\n", []string{`2:9: output "/tmp/x": want a relative path`}},
	{"output backslash", "kind: step\noutput: 'a\\b'\n", []string{`2:9: output "a\\b": use "/" to separate folders, not "\"`}},
	{"output extension only", "kind: step\noutput: post/.png\n", []string{`2:9: output "post/.png": want a name, not only an extension`}},
	{"output with extension", "kind: step\noutput: 5.png\n", []string{`2:9: output "5.png": want no extension: formats adds it`}},
	{"output trailing slash", "kind: step\noutput: post/\n", []string{`2:9: output "post/": want no empty folder name`}},
	{"output file name too long", "kind: step\noutput: post/" + strings.Repeat("n", 252) + "\n", []string{`2:9: output "post/` + strings.Repeat("n", 252) + `": the file name nnnnnnnnnnnnnnnn… is 256 bytes; file systems allow 255`}},
	{"output folder name too long", "kind: step\noutput: " + strings.Repeat("가", 86) + "/x\n", []string{`2:9: output "` + strings.Repeat("가", 86) + `/x": the folder name 가가가가가가가가가가가가가가가가… is 258 bytes; file systems allow 255`}},
	{"output drive", "kind: step\noutput: 'c:x'\n", []string{`2:9: output "c:x": want no ":" or control characters`}},

	// Kinds.
	{"plane weights", "kind: threshold-plane\nweights: [1, 1, 1, 1]\n", []string{"2:10: weights: want 2 or 3 weights, got 4"}},
	{"plane one weight", "kind: threshold-plane\nweights: [1]\n", []string{"2:10: weights: want 2 or 3 weights, got 1"}},
	{"descent cost var", "kind: descent\ncost: 'w1 + q'\n", []string{`2:13: cost: unknown variable "q" (the variables are w1, w2; name others under params)`}},
	{"descent start length", "kind: descent\nstart: [1]\n", []string{"2:8: start: 1 number for 2 vars; want one per var"}},
	{"descent rate", "kind: descent\nrate: 0\n", []string{"2:7: rate: want a value from 1 × 10⁻⁹ to 1 × 10⁶, got 0"}},
	{"descent steps", "kind: descent\nsteps: 10001\n", []string{"2:8: steps: want 0 to 10000, got 10001"}},
	{"perceptron label", "kind: perceptron\npoints: [[0, 0, 1], [1, 1, 2]]\n", []string{"2:28: points[1]: label 2; want 0 or 1"}},
	{"perceptron point", "kind: perceptron\npoints: [[0, 0, 1], [1, 1]]\n", []string{"2:21: points[1]: want 3 numbers, got 2"}},
	{"perceptron epochs", "kind: perceptron\nepochs: 10001\n", []string{"2:9: epochs: want 1 to 10000, got 10001"}},
	{"perceptron rate", "kind: perceptron\nrate: -0.1\n", []string{"2:7: rate: want a value from 1 × 10⁻⁹ to 1 × 10⁶, got -0.1"}},
	{"perceptron epoch shown", "kind: perceptron\nepochs_shown: [2, 9]\n", []string{"2:19: epochs_shown[1]: epoch 9; training ends after epoch 6"}},
	{"perceptron line off the plot", "kind: perceptron\ndata: xor\nepochs_shown: [2, 6]\n", []string{"3:19: epochs_shown[1]: the boundary of epoch 6, -0.1x₁ = 0.05, misses the range drawn (x₁ from -0.25 to 1.25, x₂ from -0.25 to 1.25)"}},
	{"perceptron data and points", "kind: perceptron\ndata: or\npoints: [[0, 0, 1]]\n", []string{"3:9: points: the spec sets data too; set one of them"}},
	{"perceptron start weights", "kind: perceptron\nstart: {weights: [1]}\n", []string{"2:18: start.weights: want 2 weights, got 1"}},
	{"surface grid", "kind: surface\nresolution: 501\n", []string{"2:13: resolution: want 2 to 500, got 501"}},
	{"camera elevation", "kind: threshold-plane\nweights: [1, 1, 1]\ncamera: {azimuth: 0, elevation: 95}\n", []string{"3:33: camera.elevation: want a value from -90 to 90, got 95"}},
	{"unit inputs", "kind: unit\ninputs: 13\n", []string{"2:9: inputs: want 1 to 12, got 13"}},
	{"unit no inputs", "kind: unit\ninputs: 0\n", []string{"2:9: inputs: want 1 to 12, got 0"}},
	{"unit weights count", "kind: unit\ninputs: 2\nweights: [$a$, $b$, $c$]\n", []string{"3:10: 3 weights for 2 inputs"}},
	{"unit labels count", "kind: unit\ninputs: 2\ninput_labels: [$a$]\n", []string{"3:15: 1 input label for 2 inputs"}},
	{"unit labels and weights disagree", "kind: unit\ninput_labels: [a, b]\nweights: [c]\n", []string{"3:10: 1 weight for 2 inputs"}},
	{"unit inputs implied by labels", "kind: unit\ninput_labels: [a, b, c, d, e, f, g, h, i, j, k, l, m]\n", []string{"2:15: input_labels: want 1 to 12 labels, got 13"}},
	{"unit inputs implied by weights", "kind: unit\nweights: [a, b, c, d, e, f, g, h, i, j, k, l, m]\n", []string{"2:10: weights: want 1 to 12 weights, got 13"}},
	{"unit inputs implied by both", "kind: unit\nweights: [a, b, c, d, e, f, g, h, i, j, k, l, m]\ninput_labels: [a, b, c, d, e, f, g, h, i, j, k, l, m]\n", []string{"3:15: input_labels: want 1 to 12 labels, got 13"}},
	{"unit weights for one input", "kind: unit\ninputs: 1\nweights: [$a$, $b$]\n", []string{"3:10: 2 weights for 1 input"}},
	{"unit fan out", "kind: unit\nfan_out: 6\n", []string{"2:10: fan_out: want 1 to 5, got 6"}},
	{"unit edge labels", "kind: unit\nedge_labels: product\n", []string{`2:14: unknown edge_labels "product" (did you mean "products"?)`}},
	{"unit body", "kind: unit\nbody: circle\n", []string{`2:7: unknown body "circle" (want one of theta, sum, step, sigmoid, none)`}},
	{"signal direction", "kind: signal\ndirection: in\n", []string{`2:12: unknown direction "in" (want one of input, output)`}},
	{"signal rows", "kind: signal\nrows: []\n", []string{"2:7: rows: want 1 to 6 rows, got 0"}},
	{"signal value", "kind: signal\nrows:\n  - caption: a\n    value: 2\n", []string{"4:12: rows[0].value: want 0 to 1, got 2"}},
	{"signal missing value", "kind: signal\nrows:\n  - caption: a\n", []string{"3:5: rows[0]: missing value"}},
	{"bias-shift biases", "kind: bias-shift\nbiases: [1, 2, 3, 4, 5, 6, 7, 8, 9]\n", []string{"2:9: biases: want 1 to 8 values, got 9"}},
	{"bias-shift no biases", "kind: bias-shift\nbiases: []\n", []string{"2:9: biases: want 1 to 8 values, got 0"}},
	{"bias-shift bias too far", "kind: bias-shift\nbiases: [0, -2e9, 1e9]\n", []string{"2:13: biases[1]: want a value from -1 × 10⁹ to 1 × 10⁹, got -2 × 10⁹"}},
	{"bias-shift duplicate biases", "kind: bias-shift\nbiases: [2, 0.5, 2, 2.0, -0, 0]\n", []string{
		"2:18: duplicate bias 2",
		"2:21: duplicate bias 2",
		"2:30: duplicate bias 0",
	}},
	{"bias-shift activation", "kind: bias-shift\nactivation: softmax\n", []string{`2:13: unknown activation "softmax" (want one of identity, relu, sigmoid, step, tanh)`}},
	{"bias-shift legend", "kind: bias-shift\nlegend: bottom-rigth\n", []string{`2:9: unknown legend "bottom-rigth" (did you mean "bottom-right"?)`}},
	{"diagram ids", "kind: diagram\nnodes:\n  - {id: a, at: [0, 0]}\n  - {id: a, at: [1, 1]}\n  - {id: '', at: [1, 0]}\n  - {at: [0, 1]}\n", []string{
		`4:10: duplicate node id "a" (first at line 3)`,
		"5:10: nodes[2].id: want a non-empty id",
		"6:5: nodes[3]: missing id",
	}},
	{"diagram shape", "kind: diagram\nnodes: [{id: a, at: [0, 0], shape: square}]\n", []string{`2:36: unknown shape "square" (want one of circle, box, label)`}},
	{"diagram at", "kind: diagram\nnodes:\n  - {id: a, at: [0, 1.5]}\n  - {id: b}\n", []string{
		"3:17: nodes[0].at[1]: want a value from 0 to 1, got 1.5",
		"4:5: nodes[1]: missing at",
	}},
	{"diagram edges", "kind: diagram\nnodes:\n  - {id: input, at: [0, 0]}\n  - {id: unit, at: [1, 1]}\nedges:\n  - {from: inptu, to: unit}\n  - {from: unit, to: zzz}\n  - {to: unit}\n", []string{
		`6:12: unknown node "inptu" (did you mean "input"?)`,
		`7:22: unknown node "zzz"`,
		"8:5: edges[2]: missing from",
	}},
	{"specimen lines", "kind: specimen\nlines: []\n", []string{"2:8: lines: want 1 to 40 lines, got 0"}},

	// Control characters, mostly LaTeX in double quotes.
	{"tab escape", "kind: step\ntitle: \"$\\theta$\"\n", []string{`2:8: title: "\t" in a double-quoted string is a tab; write LaTeX in single quotes ('$\theta$')`}},
	{"tab escape in math", "kind: step\nx_label: \"$2 \\times 3$\"\n", []string{`2:10: x_label: "\t" in a double-quoted string is a tab; write LaTeX in single quotes ('$2 \times 3$')`}},
	{"form feed", "kind: specimen\nlines: [\"$\\frac{1}{2}$\"]\n", []string{`2:9: lines[0]: "\f" in a double-quoted string is a form feed; write LaTeX in single quotes ('$\frac{1}{2}$')`}},
	{"backspace", "kind: step\ny_label: \"$\\beta$\"\n", []string{`2:10: y_label: "\b" in a double-quoted string is a backspace; write LaTeX in single quotes ('$\beta$')`}},
	{"carriage return", "kind: step\ny_label: \"$\\rho$\"\n", []string{`2:10: y_label: "\r" in a double-quoted string is a carriage return; write LaTeX in single quotes ('$\rho$')`}},
	{"bell", "kind: step\ny_label: \"$\\alpha$\"\n", []string{`2:10: y_label: "\a" in a double-quoted string is a bell; write LaTeX in single quotes ('$\alpha$')`}},
	{"vertical tab", "kind: step\ny_label: \"$\\vec{x}$\"\n", []string{`2:10: y_label: "\v" in a double-quoted string is a vertical tab; write LaTeX in single quotes ('$\vec{x}$')`}},
	{"escape character", "kind: step\ny_label: \"$\\epsilon$\"\n", []string{`2:10: y_label: "\e" in a double-quoted string is an escape character; write LaTeX in single quotes ('$\epsilon$')`}},
	{"paragraph separator", "kind: step\ny_label: \"$\\Pi$\"\n", []string{`2:10: y_label: "\P" in a double-quoted string is a paragraph separator; write LaTeX in single quotes ('$\Pi$')`}},
	{"newline in math", "kind: step\ny_label: \"$\\nu$\"\n", []string{`2:10: y_label: "\n" in a double-quoted string is a newline; write LaTeX in single quotes ('$\nu$')`}},
	{"escape with a quote", "kind: step\ntitle: \"it's $\\theta$\"\n", []string{`2:8: title: "\t" in a double-quoted string is a tab; write LaTeX in single quotes ('$\theta$')`}},
	{"null escape", "kind: step\ntitle: \"a\\0b\"\n", []string{`2:8: title: "\x00" in a double-quoted string is a null character; control characters are not allowed`}},
	{"hex escape in a string", "kind: step\nalt: \"a\\x01b\"\n", []string{`2:6: alt: "\x01" in a double-quoted string is a control character (U+0001); control characters are not allowed`}},
	{"delete", "kind: diagram\nnodes: [{id: \"a\\x7f\", at: [0, 0]}]\n", []string{`2:14: nodes[0].id: "\x7f" in a double-quoted string is a delete character; control characters are not allowed`}},
	{"blank title", "kind: step\ntitle: '   '\n", []string{`2:8: title: the text is only spaces; write "" for none`}},
	{"blank label", "kind: plot\nlayers:\n  - function: x\n    label: \"\\u3000 \"\n", []string{`4:12: layers[0].label: the text is only spaces; write "" for none`}},
	{"raw tab", "kind: step\ntitle: a\tb\n", []string{`2:8: title: "\t" is a tab; control characters are not allowed`}},
	{"raw tab in a block", "kind: step\ntitle: |\n  a\tb\n", []string{`2:8: title: "\t" is a tab; control characters are not allowed`}},
	{"texts too long in all", "kind: specimen\ntitle: ''\nlines:\n" + strings.Repeat("  - "+strings.Repeat("a", 2000)+"\n", 5) + "  - abc\n", []string{"9:5: the texts of the figure are 10003 characters, from here over the limit of 10000 in all"}},
	{"text too long", "kind: step\ntitle: " + strings.Repeat("가", 2001) + "\n", []string{"2:8: title: text of 2001 characters; the limit is 2000"}},

	// LaTeX in double quotes that YAML cannot parse: at the backslash.
	{"unknown escape", "kind: sigmoid\nformula: \"$\\sigma$\"\n", []string{`2:12: invalid YAML: found unknown escape character; write LaTeX in single quotes ('$\sigma$')`}},
	{"unknown escapes", "kind: specimen\nlines:\n  - \"$\\sqrt{2}$\"\n  - \"$\\sum$\"\n", []string{`3:7: invalid YAML: found unknown escape character; write LaTeX in single quotes ('$\sqrt{2}$')`}},
	{"escape leq", "kind: step\nx_label: \"$x \\leq 1$\"\n", []string{`2:14: invalid YAML: found unknown escape character; write LaTeX in single quotes ('$x \leq 1$')`}},
	{"escape pi", "kind: step\ny_label: \"$2\\pi$\"\n", []string{`2:13: invalid YAML: found unknown escape character; write LaTeX in single quotes ('$2\pi$')`}},
	{"escape cdot after a good escape", "kind: step\ntitle: \"a\\tb $x \\cdot y$\"\n", []string{`2:17: invalid YAML: found unknown escape character; write LaTeX in single quotes ('a\tb $x \cdot y$')`}},
	{"escape mu in a flow list", "kind: specimen\nlines: [\"a\", '\"', \"$\\mu$\"]\n", []string{`2:21: invalid YAML: found unknown escape character; write LaTeX in single quotes ('$\mu$')`}},
	{"escaped dollar", "kind: step\ntitle: \"price \\$5\"\n", []string{`2:15: invalid YAML: found unknown escape character; write LaTeX in single quotes ('price \$5')`}},
	{"escape xi", "kind: step\ntitle: \"$\\xi$\"\n", []string{`2:10: invalid YAML: did not find expected hexdecimal number; write LaTeX in single quotes ('$\xi$')`}},
	{"escape upsilon", "kind: step\ntitle: \"$\\upsilon$\"\n", []string{`2:10: invalid YAML: did not find expected hexdecimal number; write LaTeX in single quotes ('$\upsilon$')`}},
	{"escape Upsilon", "kind: step\ntitle: \"$\\Upsilon$\"\n", []string{`2:10: invalid YAML: did not find expected hexdecimal number; write LaTeX in single quotes ('$\Upsilon$')`}},
	{"escape on a continued line", "kind: step\ntitle: \"$a +\n  \\sigma$\"\n", []string{`3:3: invalid YAML: found unknown escape character; write LaTeX in single quotes ('$\theta$')`}},
	{"surrogate escape", "kind: step\ntitle: \"a\\ud800\"\n", []string{`2:10: invalid YAML: found invalid Unicode character escape code`}},

	// Ranges.
	{"range too wide", "kind: sigmoid\nx_range: [-2e9, 4]\n", []string{"2:10: x_range: want values from -1 × 10⁹ to 1 × 10⁹, got [-2 × 10⁹, 4]"}},
	{"range too narrow", "kind: sigmoid\ny_range: [1, 1.0000001]\n", []string{"2:10: y_range: [1, 1.0000001] is too narrow: want max − min ≥ 1 × 10⁻⁶"}},
	{"range too narrow, far", "kind: sigmoid\nx_range: [1000000, 1000000.5]\n", []string{"2:10: x_range: [1 × 10⁶, 1.0000005 × 10⁶] is too narrow: want max − min ≥ 1"}},
	{"range too narrow, small", "kind: sigmoid\nx_range: [0, 1e-7]\n", []string{"2:10: x_range: [0, 1 × 10⁻⁷] is too narrow: want max − min ≥ 1 × 10⁻⁶"}},
	{"step range without threshold", "kind: step\nthreshold: 3.4\nx_range: [-3, 3]\n", []string{"3:10: x_range [-3, 3] does not contain threshold 3.4"}},
	{"step range ends at threshold", "kind: step\nthreshold: 3\nx_range: [-3, 3]\n", []string{"3:10: x_range [-3, 3] does not contain threshold 3"}},
	{"step range misses a small threshold", "kind: step\nthreshold: 1e-7\nx_range: [1, 2]\n", []string{"3:10: x_range [1, 2] does not contain threshold 1 × 10⁻⁷"}},
	{"step threshold far, x_range bad", "kind: step\nthreshold: 1e8\nx_range: [1e8, 100000010]\n", []string{"3:10: x_range: [1 × 10⁸, 1.0000001 × 10⁸] is too narrow: want max − min ≥ 100"}},
	{"step threshold far", "kind: step\nthreshold: 1e8\n", []string{"2:12: threshold 1 × 10⁸ is too far from 0 for the default x_range [threshold − 3, threshold + 3]; set x_range"}},

	// Diagram checks the renderer needs.
	{"edge to itself", "kind: diagram\nnodes: [{id: a, at: [0, 0]}]\nedges:\n  - {from: a, to: a}\n", []string{`4:19: edge from "a" to itself`}},
	{"nodes at one place", "kind: diagram\nnodes:\n  - {id: a, at: [0.5, 0.5]}\n  - {id: b, at: [0.5, 0.5]}\n  - {id: c, at: [0.5, 0.5]}\n", []string{
		`4:17: node "b" is at the same place as node "a"`,
		`5:17: node "c" is at the same place as node "a"`,
	}},
	{"nodes outside at one place", "kind: diagram\nnodes:\n  - {id: a, at: [2, -1]}\n  - {id: b, at: [2, -1]}\n", []string{
		"3:17: nodes[0].at[0]: want a value from 0 to 1, got 2",
		"3:17: nodes[0].at[1]: want a value from 0 to 1, got -1",
		"4:17: nodes[1].at[0]: want a value from 0 to 1, got 2",
		"4:17: nodes[1].at[1]: want a value from 0 to 1, got -1",
	}},
	{"edge of no length", "kind: diagram\nnodes:\n  - {id: a, at: [1, 0]}\n  - {id: b, at: [1, 0]}\nedges: [{from: a, to: b}]\n", []string{
		`4:17: node "b" is at the same place as node "a"`,
		`5:23: edge from "a" to "b" has no length: the nodes are at the same place`,
	}},

	// Sizes of lists.
	{"too many lines", "kind: specimen\nlines: [" + strings.Repeat("a, ", 40) + "a]\n", []string{"2:8: lines: want 1 to 40 lines, got 41"}},
	{"too many nodes", "kind: diagram\nnodes:\n" + manyNodes(101), []string{"3:3: nodes: want at most 100 nodes, got 101"}},
	{"too many edges", "kind: diagram\nnodes: [{id: a, at: [0, 0]}, {id: b, at: [1, 1]}]\nedges: [" + strings.Repeat("{from: a, to: b}, ", 200) + "{from: b, to: a}]\n", []string{"3:8: edges: want at most 200 edges, got 201"}},

	// Several problems at once, sorted by position.
	{"all at once", "width: -1\nkind: unit\ntitel: a\nfan_out: 0\nbody: x\ntitle: b\ntitle: c\n", []string{
		"1:8: width: want 320 to 10000, got -1",
		`3:1: unknown field "titel" (did you mean "title"?)`,
		"4:10: fan_out: want 1 to 5, got 0",
		`5:7: unknown body "x" (want one of theta, sum, step, sigmoid, none)`,
		`7:1: duplicate key "title" (first at line 6)`,
	}},
}

// manyNodes returns a block list of n diagram nodes, each at its own place.
func manyNodes(n int) string {
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, "  - {id: n%d, at: [%v, %v]}\n", i, float64(i%11)/10, float64(i/11)/10)
	}
	return b.String()
}

func TestDecodeErrors(t *testing.T) {
	for _, tt := range badTests {
		t.Run(tt.name, func(t *testing.T) {
			f, err := kinds.Decode("t.yaml", []byte(tt.in))
			if err == nil {
				t.Fatalf("no error, want %q", tt.want)
			}
			if f != nil && (f.File != "t.yaml" || f.Name != "t") {
				t.Errorf("partial figure has File, Name = %q, %q", f.File, f.Name)
			}
			if f != nil {
				_ = f.Texts()
			}
			var list spec.ErrorList
			if !errors.As(err, &list) {
				t.Fatalf("error %T is not an ErrorList", err)
			}
			var got []string
			for _, e := range list {
				got = append(got, strings.TrimPrefix(e.Error(), "t.yaml:"))
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("errors:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
			var one *spec.Error
			if !errors.As(err, &one) || one != list[0] {
				t.Errorf("errors.As(*Error) = %v, want the first error", one)
			}
		})
	}
}

func TestErrorListFormat(t *testing.T) {
	_, err := kinds.Decode("specs/08-sigmoid.yaml", []byte("kind: sigmoid\ntitel: a\nwidth: 0\n"))
	want := "specs/08-sigmoid.yaml:2:1: unknown field \"titel\" (did you mean \"title\"?)\n" +
		"specs/08-sigmoid.yaml:3:8: width: want 320 to 10000, got 0"
	if err == nil || err.Error() != want {
		t.Errorf("error:\n%v\nwant:\n%s", err, want)
	}
}

// TestAliasBomb checks that a billion-laughs document fails at once instead
// of expanding.
func TestAliasBomb(t *testing.T) {
	var b strings.Builder
	b.WriteString("kind: specimen\na0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n")
	for i := 1; i < 10; i++ {
		b.WriteString("a" + string(rune('0'+i)) + ": &a" + string(rune('0'+i)) + " [")
		for j := range 9 {
			if j > 0 {
				b.WriteString(", ")
			}
			b.WriteString("*a" + string(rune('0'+i-1)))
		}
		b.WriteString("]\n")
	}
	b.WriteString("lines: *a9\n")
	start := time.Now()
	_, err := kinds.Decode("bomb.yaml", []byte(b.String()))
	if took := time.Since(start); took > time.Second {
		t.Errorf("took %v", took)
	}
	if err == nil || !strings.Contains(err.Error(), "anchors and aliases are not supported") {
		t.Errorf("error %v, want anchors and aliases rejected", err)
	}
	if want := "bomb.yaml:2:5: anchor &a0: anchors and aliases are not supported (91 more in the file)"; err == nil || err.Error() != want {
		t.Errorf("error %v, want one: %s", err, want)
	}
}

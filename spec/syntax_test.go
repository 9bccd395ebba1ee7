package spec_test

import (
	"strings"
	"testing"
)

// reaction is specs/05-reaction-condition.yaml as committed, for the
// syntax-error cases to break.
const reaction = `# yaml-language-server: $schema=../spec/figgen.schema.json
# 5.png: y against the weighted sum; the neuron fires from θ on.
kind: step
title: 반응 조건 그래프
output: "5"
x_label: "$w_1x_1 + w_2x_2 + w_3x_3$"
y_label: "$y$"
threshold: 1
threshold_label: '$\theta$'
x_range: [-2, 4]
alt: 가중 입력의 합이 임계값 θ보다 작으면 y = 0, θ 이상이면 y = 1인 계단 그래프
`

// edit returns reaction with its line n (1-based) replaced by lines.
func edit(n int, lines ...string) string {
	ls := strings.Split(strings.TrimSuffix(reaction, "\n"), "\n")
	ls = append(ls[:n-1], append(lines, ls[n:]...)...)
	return strings.Join(ls, "\n") + "\n"
}

// TestSyntaxErrors checks that YAML syntax errors name the line, and
// mostly the column, of the mistake.
func TestSyntaxErrors(t *testing.T) {
	if _, err := kinds.Decode("05.yaml", []byte(reaction)); err != nil {
		t.Fatalf("the unbroken spec: %v", err)
	}
	for _, tt := range []struct {
		name, in, want string
	}{
		{"unclosed flow sequence", edit(10, "x_range: [-2, 4"),
			"10:10: invalid YAML: did not find expected ',' or ']'"},
		{"unclosed flow sequence, last line", edit(11) + "x_range: [-2, 4\n",
			"11:10: invalid YAML: did not find expected ',' or ']'"},
		{"unclosed flow mapping", edit(10, "x_range: {a: 1"),
			"10:10: invalid YAML: did not find expected ',' or '}'"},
		{"list item indented less", edit(10, "x_range: [-2, 4]", "formats:", "  - png", " - svg"),
			"13:2: invalid YAML: did not find expected key"},
		{"key indented after a quoted value", edit(7, `y_label: "$y$"`, "  threshold: 1"),
			"8:3: invalid YAML: did not find expected key"},
		{"key indented by one", edit(7, ` y_label: "$y$"`),
			"7:2: invalid YAML: did not find expected key"},
		{"key indented after a plain value", edit(4, "title: 반응 조건 그래프", "  output: 5"),
			`5:9: invalid YAML: mapping values are not allowed in this context (a key indented too far, or a value holding ": " to quote)`},
		{"tab indenting a key", edit(8, "\tthreshold: 1"),
			"8:1: invalid YAML: found character that cannot start any token (a tab: indent with spaces)"},
		{"tab indenting a list item", edit(10, "x_range: [-2, 4]", "formats:", "\t- png"),
			"12:1: invalid YAML: found character that cannot start any token (a tab: indent with spaces)"},
		{"tab after spaces", edit(10, "x_range: [-2, 4]", "formats:", "  \t- png"),
			"12:3: invalid YAML: found character that cannot start any token (a tab: indent with spaces)"},
		{"unclosed double quote", edit(7, `y_label: "$y$`),
			"7:10: invalid YAML: found unexpected end of stream"},
		{"colon in a plain value", edit(4, "title: 반응: 조건"),
			`4:10: invalid YAML: mapping values are not allowed in this context (a key indented too far, or a value holding ": " to quote)`},
		{"unknown alias", edit(4, "title: *t"),
			"4:8: invalid YAML: unknown anchor 't' referenced"},
		{"error in a second document", reaction + "---\nkind: [\n",
			"13:7: invalid YAML: did not find expected node content"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := kinds.Decode("05.yaml", []byte(tt.in))
			if err == nil {
				t.Fatalf("no error, want %q", tt.want)
			}
			if got := strings.TrimPrefix(err.Error(), "05.yaml:"); got != tt.want {
				t.Errorf("error\n%s\nwant\n%s", got, tt.want)
			}
		})
	}
}

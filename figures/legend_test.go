package figures

import (
	"slices"
	"strings"
	"testing"
)

// TestMathTerms: a math label splits before its operators and relations
// at the top level, never inside braces; other labels do not split.
func TestMathTerms(t *testing.T) {
	for _, tc := range []struct {
		label string
		want  []string
	}{
		{"$x_{1} + x_{2} = 1.5$", []string{"x_{1}", "+ x_{2}", "= 1.5"}},
		{"$-2x_{1} - 0.5x_{2} = -3$", []string{"-2x_{1}", "- 0.5x_{2}", "= -3"}},
		{`$w_{1} + x \geq \theta$`, []string{"w_{1}", "+ x", `\geq \theta`}},
		{"$x^{a + b}$", nil},
		{"발화 ($y = 1$)", nil},
		{"$a$ and $b + c$", nil},
	} {
		if got := mathTerms(tc.label); !slices.Equal(got, tc.want) {
			t.Errorf("mathTerms(%q) = %q, want %q", tc.label, got, tc.want)
		}
	}
}

// TestLegendWraps: a legend outside breaks a math label too wide for it
// between terms, every line within its width, the terms all kept, and
// its row is as much taller; a label that fits stays one line.
func TestLegendWraps(t *testing.T) {
	e := lookEnv(t)
	l := e.newLegendBox("top-left")
	l.Wrap = e.len(legendWrap)
	long := mathLine(boundaryTerms([]float64{-1.25, 0.375, 2.5}, 1234.5), false)
	short := "$x_{1} + x_{2} = 1.5$"
	prose := strings.Repeat("발화 없음 ", 12)
	l.Entries = []legendEntry{{Label: long}, {Label: short}, {Label: prose}}
	l.wrap()
	lines, sty := l.lines(l.Entries[0])
	if len(lines) < 2 {
		t.Fatalf("%s: %d line(s), want it wrapped", long, len(lines))
	}
	var all []string
	for i, line := range lines {
		if w := sty.Width(line); w > l.Wrap {
			t.Errorf("line %q is %v wide, more than %v", line, w, l.Wrap)
		}
		all = append(all, strings.Trim(strings.TrimPrefix(line, "${} "), "$"))
		if i > 0 && !strings.HasPrefix(line, "${} ") {
			t.Errorf("continued line %q does not keep its operator's spacing", line)
		}
	}
	if got, want := strings.Join(all, " "), strings.Trim(long, "$"); got != want {
		t.Errorf("wrapped lines %q, want the terms of %q", got, want)
	}
	if lines, _ := l.lines(l.Entries[1]); len(lines) != 1 {
		t.Errorf("%s: %d lines, want one", short, len(lines))
	}
	if h, h1 := l.entryHeight(l.Entries[0]), l.entryHeight(l.Entries[1]); h <= h1 {
		t.Errorf("a wrapped entry is %v high, one line %v", h, h1)
	}
	lines, sty = l.lines(l.Entries[2])
	if len(lines) < 2 {
		t.Errorf("a long prose label is %d line(s), want it wrapped between words", len(lines))
	}
	for _, line := range lines {
		if w := sty.Width(line); w > l.Wrap {
			t.Errorf("prose line %q is %v wide, more than %v", line, w, l.Wrap)
		}
	}
}

// TestLegendTallLinesApart: a label wrapped into lines of tall math (a
// sum's limits, fractions, a power's power) spaces its lines by their
// height, so that none reaches into the next: it renders, where lines a
// fixed height apart overlapped.
func TestLegendTallLinesApart(t *testing.T) {
	for _, label := range []string{
		`$\sum_{k=1}^{n} w_k x_k + \frac{\alpha}{\beta} + \frac{\gamma}{\delta} - \sum_{j=1}^{m} v_j y_j \geq \theta^{2^{3}}$`,
		`짧은 $\frac{1}{2}$ 레이블 이것은 긴 레이블입니다 $\sum_{i=1}^{n} x_i$ 그리고 또 $\frac{a}{b}$ 계속`,
	} {
		src := "kind: plot\nformats: [png]\nlegend: outside\naspect: equal\nx_range: [0, 1]\ny_range: [0, 1]\nlayers:\n" +
			"  - function: x\n    label: '" + label + "'\n  - function: x^2\n    label: short\n"
		if _, err := renderer(t).Render(decodeYAML(t, "x.yaml", src)); err != nil {
			t.Errorf("%s: %v", label, err)
		}
	}
}

package typeset

import (
	"errors"
	"image/color"
	"slices"
	"strings"
	"sync"
	"testing"
	"unicode"

	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/vgimg"

	"github.com/figgen/figgen/internal/suggest"
)

var testEngine = sync.OnceValues(New)

func engine(t testing.TB) *Engine {
	t.Helper()
	e, err := testEngine()
	if err != nil {
		t.Fatal(err)
	}
	return e
}

func TestCheckOK(t *testing.T) {
	e := engine(t)
	for _, s := range []string{
		"",
		"출력 신호 있음 ($y=1$)",
		`$\sigma(z)=\frac{1}{1+e^{-z}}$`,
		`$w^l_{ji}$, $x_1$, $e^{-z}$, $x'$, $f''(x)^2$`,
		`$\hat{y} \bar{x} \vec{w} \sqrt{x} \sqrt[3]{x}$`,
		`$\alpha\beta\Theta\Sigma\omega \geq \leq \neq \approx \cdot \times \pm \sum \rightarrow \to \infty$`,
		`$\ge \le \geqq \leqq < > = + - \{ \}$`,
		`$\text{가중합}\,\mathrm{ReLU}\;\quad\qquad\ x$`,
		`price \$5 and $\$3$`,
		`$\left(\frac{a}{b}\right) \mathbb{R}^n \mathbf{w} \tanh \operatorname{softmax}$`,
		"two\nlines $x$",
		"$$",
		// A backslash that starts no math command is text.
		`C:\Users\min\theta.txt`, `a\theta`, `\foo bar`, `\\server\share`, `\sum.txt`, `1\2`,
		`\$5 $\theta$`, `\,`,
	} {
		if err := e.Check(s); err != nil {
			t.Errorf("Check(%q) = %v, want nil", s, err)
		}
	}
}

func TestCheckErrors(t *testing.T) {
	e := engine(t)
	for _, tc := range []struct {
		in     string
		msg    string
		offset int
	}{
		{`$\sigam$`, "unknown command `\\sigam` (did you mean `\\sigma`?)", 1},
		{`a $\alpah + 1$`, "unknown command `\\alpah` (did you mean `\\alpha`?)", 3},
		{`$\rightarow$`, "unknown command `\\rightarow` (did you mean `\\rightarrow`?)", 1},
		{`$\qux$`, "unknown command `\\qux`", 1},
		{`a $x`, "unmatched `$`", 2},
		{`$x$ and $`, "unmatched `$`", 8},
		{`$x^{2$`, "unclosed `{`", 3},
		{`$x}$`, "unmatched `}`", 2},
		{`$x^$`, "`^` without argument", 2},
		{`$x_$`, "`_` without argument", 2},
		{`$x_}$`, "`_` without argument", 2},
		{`$x^2^3$`, `double superscript`, 4},
		{`$x^2'$`, `double superscript`, 4},
		{`$x_1_2$`, `double subscript`, 4},
		{`$\frac{1}$`, "missing argument for `\\frac`", 1},
		{`$\sqrt$`, "missing argument for `\\sqrt`", 1},
		{`$\sqrt[3{x}$`, "unclosed `[`", 6},
		{`$\sqrt[3}{x}$`, "unclosed `[`", 6},
		{`$\hat$`, "missing argument for `\\hat`", 1},
		{`$\left( x$`, "`\\left` without `\\right`", 1},
		{`$x \right)$`, "`\\right` without `\\left`", 3},
		{`$\left(x\right$`, "missing delimiter after `\\right`", 8},
		{`$\left $`, "missing delimiter after `\\left`", 1},
		{`$\left\foo x\right)$`, "bad delimiter `\\foo`", 6},
		{`$\text{a$`, "unclosed `{`", 6},
		{`$\text{a\alpha}$`, "command `\\alpha` not allowed in `\\text`", 8},
		{`$x\$`, "unmatched `$`", 0},
		{`🙂 hi`, "no embedded font has `🙂` (U+1F642)", 0},
		{`ok $x + 🙂$`, "no embedded font has `🙂` (U+1F642)", 8},
		{"first\n$\\sigam$", "unknown command `\\sigam` (did you mean `\\sigma`?)", 7},
		// A math command outside $…$ would print as its letters.
		{`\theta`, "command `\\theta` outside math (did you mean '$\\theta$'?)", 0},
		{`각도 \theta는`, "command `\\theta` outside math (did you mean '$\\theta$'?)", 7},
		{`(\sigma)`, "command `\\sigma` outside math (did you mean '$\\sigma$'?)", 1},
		{`$x$ = \frac{1}{2}.`, "command `\\frac` outside math (did you mean '$\\frac{1}{2}$'?)", 6},
		{`\sqrt{x`, "command `\\sqrt` outside math (did you mean '$\\sqrt$'?)", 0},
		{`\alpha.`, "command `\\alpha` outside math (did you mean '$\\alpha$'?)", 0},
		{"$" + strings.Repeat("{", 300) + "x" + strings.Repeat("}", 300) + "$", "math nested too deeply", 100},
	} {
		t.Run(tc.in[:min(len(tc.in), 40)], func(t *testing.T) {
			err := e.Check(tc.in)
			var te *Error
			if !errors.As(err, &te) {
				t.Fatalf("Check(%q) = %v, want *Error", tc.in, err)
			}
			if te.Msg != tc.msg || te.Offset != tc.offset || err.Error() != tc.msg {
				t.Errorf("Check(%q) = %q at %d, want %q at %d", tc.in, te.Msg, te.Offset, tc.msg, tc.offset)
			}
			if strings.Contains(te.Msg, `\\`) {
				t.Errorf("message %q doubles a backslash", te.Msg)
			}
		})
	}
}

// TestCheckAll checks that Check reports every problem of a string, in
// order, as a join of *Error.
func TestCheckAll(t *testing.T) {
	e := engine(t)
	type problem struct {
		off int
		msg string
	}
	for _, tc := range []struct {
		in   string
		want []problem
	}{
		{`$\thetta$ and $x`, []problem{
			{1, "unknown command `\\thetta` (did you mean `\\theta`?)"},
			{14, "unmatched `$`"},
		}},
		{`$\sigam + \alpah^{\qux}$`, []problem{
			{1, "unknown command `\\sigam` (did you mean `\\sigma`?)"},
			{10, "unknown command `\\alpah` (did you mean `\\alpha`?)"},
			{18, "unknown command `\\qux`"},
		}},
		// A structural problem ends its segment (after what was found
		// before it); the next segment and the next line are still checked.
		{"$x^{2 \\foo$ $\\bar x + \\baz$\n🙂 $\\sqrt[\\thetta]{x}$", []problem{
			{3, "unclosed `{`"},
			{6, "unknown command `\\foo`"},
			{22, "unknown command `\\baz` (did you mean `\\bar`?)"},
			{28, "no embedded font has `🙂` (U+1F642)"},
			{40, "unknown command `\\thetta` (did you mean `\\theta`?)"},
		}},
		{"🙂 $\\qux$ 🙂", []problem{
			{0, "no embedded font has `🙂` (U+1F642)"},
			{6, "unknown command `\\qux`"},
			{12, "no embedded font has `🙂` (U+1F642)"},
		}},
	} {
		t.Run(tc.in, func(t *testing.T) {
			err := e.Check(tc.in)
			var first *Error
			if !errors.As(err, &first) {
				t.Fatalf("Check(%q) = %v, want *Error", tc.in, err)
			}
			if first.Offset != tc.want[0].off || first.Msg != tc.want[0].msg {
				t.Errorf("errors.As: %q at %d, want %q at %d", first.Msg, first.Offset, tc.want[0].msg, tc.want[0].off)
			}
			joined, ok := err.(interface{ Unwrap() []error })
			if !ok {
				t.Fatalf("Check(%q) = %T, want a join", tc.in, err)
			}
			var got []problem
			for _, x := range joined.Unwrap() {
				te, ok := x.(*Error)
				if !ok {
					t.Fatalf("element %T, want *Error", x)
				}
				got = append(got, problem{te.Offset, te.Msg})
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("Check(%q) =\n%v\nwant\n%v", tc.in, got, tc.want)
			}
		})
	}
}

// TestSqrtDegree checks that the optional argument of \sqrt ends at the
// matching "]".
func TestSqrtDegree(t *testing.T) {
	e := engine(t)
	for _, s := range []string{
		`$\sqrt[\sqrt[3]{x}]{y}$`,
		`$\sqrt[{]}]{y}$`,
		`$\sqrt[a[b]c]{y}$`,
		`$\sqrt[\left[x\right]]{y}$`,
		`$\sqrt[n]{\sqrt[m]{x}}$`,
	} {
		if err := e.Check(s); err != nil {
			t.Errorf("Check(%q) = %v", s, err)
		}
	}
	segs, errs := parseLine(`$\sqrt[\sqrt[3]{x}]{y}$`)
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	r, ok := segs[0].math[0].(*radical)
	if !ok || len(r.degree) != 1 || len(r.body) != 1 {
		t.Fatalf("parsed %#v", segs[0].math)
	}
	if inner, ok := r.degree[0].(*radical); !ok || len(inner.degree) != 1 {
		t.Errorf("degree %#v, want a radical of degree 3", r.degree[0])
	}
}

// TestCommandCandidates: every known command can be suggested (Closest
// suggests nothing among more than suggest.MaxCandidates names).
func TestCommandCandidates(t *testing.T) {
	if n := len(commandNames()); n > suggest.MaxCandidates {
		t.Errorf("%d commands, more than suggest.MaxCandidates = %d", n, suggest.MaxCandidates)
	}
}

func FuzzCheck(f *testing.F) {
	for _, s := range []string{
		`$\sigma(z)=\frac{1}{1+e^{-z}}$`, `출력 ($y=1$)`, `$x^{2$`, `$\left(\right.$`,
		`$\sqrt[3]{x}$`, `$\text{가}\$$`, `$x''^2_1$`, `\$`, `$\$`, "$a\n$", `$\hat$`, `$\frac12$`,
	} {
		f.Add(s)
	}
	e, err := New()
	if err != nil {
		f.Fatal(err)
	}
	h := e.Handler()
	c := vgimg.New(40, 20)
	sty := text.Style{Color: color.Black, Font: testFont, Handler: h, Rotation: 0.3}
	f.Fuzz(func(t *testing.T, s string) {
		err := e.Check(s)
		var te *Error
		if err != nil && !errors.As(err, &te) {
			t.Fatalf("Check(%q) = %#v", s, err)
		}
		if err != nil {
			prev := 0
			for _, x := range err.(interface{ Unwrap() []error }).Unwrap() {
				te, ok := x.(*Error)
				// %#q quotes with backquotes, unless the text has a
				// backquote or a control character.
				odd := strings.ContainsFunc(s, func(r rune) bool { return r == '`' || r == '\uFEFF' || unicode.IsControl(r) })
				if !ok || te.Offset < prev || te.Offset > len(s) || !odd && strings.Contains(te.Msg, `\\`) && !strings.Contains(s, `\\`) {
					t.Fatalf("Check(%q) = %#v", s, err)
				}
				prev = te.Offset
			}
		}
		for _, line := range h.Lines(s) {
			w, _, _ := h.Box(line, testFont)
			if w < 0 {
				t.Fatalf("Box(%q) width %v", line, w)
			}
		}
		h.Draw(c, s, sty, vg.Point{X: 1, Y: 1})
	})
}

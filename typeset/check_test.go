package typeset

import (
	"errors"
	"image/color"
	"sync"
	"testing"

	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/vgimg"
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
		{`$\sigam$`, `unknown command "\\sigam" (did you mean "\\sigma"?)`, 1},
		{`a $\alpah + 1$`, `unknown command "\\alpah" (did you mean "\\alpha"?)`, 3},
		{`$\rightarow$`, `unknown command "\\rightarow" (did you mean "\\rightarrow"?)`, 1},
		{`$\qux$`, `unknown command "\\qux"`, 1},
		{`a $x`, `unmatched "$"`, 2},
		{`$x$ and $`, `unmatched "$"`, 8},
		{`$x^{2$`, `unclosed "{"`, 3},
		{`$x}$`, `unmatched "}"`, 2},
		{`$x^$`, `"^" without argument`, 2},
		{`$x_$`, `"_" without argument`, 2},
		{`$x_}$`, `"_" without argument`, 2},
		{`$x^2^3$`, `double superscript`, 4},
		{`$x^2'$`, `double superscript`, 4},
		{`$x_1_2$`, `double subscript`, 4},
		{`$\frac{1}$`, `missing argument for "\\frac"`, 1},
		{`$\sqrt$`, `missing argument for "\\sqrt"`, 1},
		{`$\hat$`, `missing argument for "\\hat"`, 1},
		{`$\left( x$`, `"\\left" without "\\right"`, 1},
		{`$x \right)$`, `"\\right" without "\\left"`, 3},
		{`$\text{a$`, `unclosed "{"`, 6},
		{`🙂 hi`, `no embedded font has "🙂" (U+1F642)`, 0},
		{`ok $x + 🙂$`, `no embedded font has "🙂" (U+1F642)`, 8},
		{"first\n$\\sigam$", `unknown command "\\sigam" (did you mean "\\sigma"?)`, 7},
	} {
		t.Run(tc.in, func(t *testing.T) {
			err := e.Check(tc.in)
			var te *Error
			if !errors.As(err, &te) {
				t.Fatalf("Check(%q) = %v, want *Error", tc.in, err)
			}
			if te.Msg != tc.msg || te.Offset != tc.offset || err.Error() != tc.msg {
				t.Errorf("Check(%q) = %q at %d, want %q at %d", tc.in, te.Msg, te.Offset, tc.msg, tc.offset)
			}
		})
	}
}

func TestEditDistance(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		want int
	}{
		{"sigam", "sigma", 1}, {"", "abc", 3}, {"kitten", "sitting", 3}, {"geq", "geq", 0},
	} {
		if got := editDistance(tc.a, tc.b); got != tc.want {
			t.Errorf("editDistance(%q, %q) = %d, want %d", tc.a, tc.b, got, tc.want)
		}
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
		if err != nil && (!errors.As(err, &te) || te.Offset < 0 || te.Offset > len(s)) {
			t.Fatalf("Check(%q) = %#v", s, err)
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

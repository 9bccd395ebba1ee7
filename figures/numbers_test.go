package figures

import (
	"math"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

func TestMathNum(t *testing.T) {
	for _, tc := range []struct {
		v    float64
		want string
	}{
		{-2, "-2"}, {0, "0"}, {math.Copysign(0, -1), "0"}, {0.12345, "0.12345"}, {12345, "12345"},
		{0.1, "0.1"}, {1.5, "1.5"}, {0.0001, "0.0001"}, {999999, "999999"},
		{1e-7, `1 \times 10^{-7}`}, {2e6, `2 \times 10^{6}`}, {-1.5e-7, `-1.5 \times 10^{-7}`},
		{1e300, `1 \times 10^{300}`}, {-1e-300, `-1 \times 10^{-300}`},
		{10000001, `1.0000001 \times 10^{7}`}, {9999999.9, `9.9999999 \times 10^{6}`},
		{123456789, `1.23456789 \times 10^{8}`}, {0.30000000000000004, "0.30000000000000004"},
		{math.Inf(1), `\infty`}, {math.Inf(-1), `-\infty`},
	} {
		if got := mathNum(tc.v); got != tc.want {
			t.Errorf("mathNum(%v) = %q, want %q", tc.v, got, tc.want)
		}
	}
}

func TestProseNum(t *testing.T) {
	for _, tc := range []struct {
		v    float64
		want string
	}{
		{-2, "-2"}, {0, "0"}, {0.5, "0.5"}, {12345, "12345"},
		{1e-7, "1 × 10⁻⁷"}, {-1.5e300, "-1.5 × 10³⁰⁰"}, {2.5e6, "2.5 × 10⁶"}, {1e-10, "1 × 10⁻¹⁰"},
	} {
		if got := proseNum(tc.v); got != tc.want {
			t.Errorf("proseNum(%v) = %q, want %q", tc.v, got, tc.want)
		}
	}
}

// goFloat matches what Go's %v and %g write for large or small floats.
var goFloat = regexp.MustCompile(`\d[eE][+-]?\d`)

// checkLabels wants every label typeset without error and no number in
// Go's 1e-07 form.
func checkLabels(t *testing.T, what string, labels ...string) {
	t.Helper()
	r := renderer(t)
	for _, l := range labels {
		if err := r.eng.Check(l); err != nil {
			t.Errorf("%s: label %q: %v", what, l, err)
		}
		if goFloat.MatchString(l) {
			t.Errorf("%s: label %q writes a number as Go does", what, l)
		}
	}
}

// TestIndexedLabels: the default labels of a unit are right for any
// number of inputs: x_{10}, not x_10 (x₁0).
func TestIndexedLabels(t *testing.T) {
	f := decodeYAML(t, "u.yaml", "kind: unit\ninputs: 12\nedge_labels: products\n")
	u := f.Spec.(*Unit)
	for i, want := range map[int][3]string{
		0:  {"$x_{1}$", "$w_{1}$", "${w_{1}}{x_{1}}$"},
		9:  {"$x_{10}$", "$w_{10}$", "${w_{10}}{x_{10}}$"},
		11: {"$x_{12}$", "$w_{12}$", "${w_{12}}{x_{12}}$"},
	} {
		got := [3]string{u.InputLabel[i].Src, u.Weights[i].Src, u.EdgeText[i].Src}
		if got != want {
			t.Errorf("input %d: labels %q, want %q", i+1, got, want)
		}
	}
	var all []string
	for i := range u.Inputs {
		all = append(all, u.InputLabel[i].Src, u.Weights[i].Src, u.EdgeText[i].Src)
	}
	checkLabels(t, "unit", all...)
}

// TestProductLabels: products of single math segments join into one, each
// factor set as it is alone.
func TestProductLabels(t *testing.T) {
	for _, tc := range []struct {
		weights, inputs string
		want            [2]string
	}{
		{"['$w_1$', 'v']", "['$x_1$', '$x_2$']", [2]string{"${w_1}{x_1}$", "v $x_2$"}},
		// A command name does not run into the next factor.
		{`['$\alpha$', '$\beta$']`, "['$x$', '$y$']", [2]string{`${\alpha}{x}$`, `${\beta}{y}$`}},
		// A script of the input stays on the input: no double superscript.
		{"['$w^2$', '$w$']", "['$^3$', \"$'$\"]", [2]string{"${w^2}{^3}$", "${w}{'}$"}},
	} {
		f := decodeYAML(t, "p.yaml", "kind: unit\ninputs: 2\nedge_labels: products\nweights: "+tc.weights+"\ninput_labels: "+tc.inputs+"\n")
		u := f.Spec.(*Unit)
		if got := [2]string{u.EdgeText[0].Src, u.EdgeText[1].Src}; got != tc.want {
			t.Errorf("weights %s, inputs %s: edge labels %q, want %q", tc.weights, tc.inputs, got, tc.want)
		}
		checkLabels(t, "products", u.EdgeText[0].Src, u.EdgeText[1].Src)
	}
}

func TestBiasLegend(t *testing.T) {
	for _, tc := range []struct {
		b    float64
		want string
	}{
		{-2, "$b = -2$"}, {0, "$b = 0$"}, {0.5, "$b = 0.5$"},
		{1e-7, `$b = 1 \times 10^{-7}$`}, {-1e9, `$b = -1 \times 10^{9}$`},
	} {
		f := decodeYAML(t, "x.yaml", "kind: bias-shift\nbiases: ["+strconv.FormatFloat(tc.b, 'g', -1, 64)+"]\n")
		var got string
		for _, in := range f.Spec.(*BiasShift).expand(f).instances(lightTheme) {
			got = in.label // the curve's, last
		}
		if got != tc.want {
			t.Errorf("legend of b = %v: %q, want %q", tc.b, got, tc.want)
		}
		checkLabels(t, "bias-shift legend", got)
	}
}

// TestBiasShiftAlt: the default alt text writes the biases readably.
func TestBiasShiftAlt(t *testing.T) {
	f := decodeYAML(t, "b.yaml", "kind: bias-shift\nbiases: [-2, 0.5, 1e-7, 3e8]\n")
	if want := "(-2, 0.5, 1 × 10⁻⁷, 3 × 10⁸)"; !strings.Contains(f.Alt, want) {
		t.Errorf("alt %q lacks %q", f.Alt, want)
	}
}

func TestBoundary(t *testing.T) {
	for _, tc := range []struct {
		w     []float64
		theta float64
		want  string
	}{
		{[]float64{1, 1}, 1.5, "$x_{1} + x_{2} = 1.5$"},
		{[]float64{1, -2, 0.5}, -1, "$x_{1} - 2x_{2} + 0.5x_{3} = -1$"},
		{[]float64{-1, 0}, 0, "$-x_{1} = 0$"},
		{[]float64{0, 0}, 1, "$0 = 1$"},
		{[]float64{1.00001, 1}, 2, "$1.00001x_{1} + x_{2} = 2$"},
		{[]float64{1e-7, 1}, 1e300, `$(1 \times 10^{-7})\,x_{1} + x_{2} = 1 \times 10^{300}$`},
	} {
		got := mathLine(boundaryTerms(tc.w, tc.theta), false)
		if got != tc.want {
			t.Errorf("boundary %v, %v: %q, want %q", tc.w, tc.theta, got, tc.want)
		}
		checkLabels(t, "boundary", got)
	}
}

func TestSignalEquation(t *testing.T) {
	r := renderer(t)
	for _, tc := range []struct {
		variable string
		v        int
		want     string
	}{
		{"$x$", 0, "$x = 0$"},
		{"$x_{10}$", 1, "$x_{10} = 1$"},
		{`$\alpha$`, 1, `$\alpha = 1$`},
		{"입력", 1, "입력 $= 1$"},
	} {
		f := decodeYAML(t, "s.yaml", "kind: signal\nvariable: '"+tc.variable+"'\n")
		got := equation(f.Spec.(*Signal).Variable, tc.v)
		if got != tc.want {
			t.Errorf("equation(%q, %d) = %q, want %q", tc.variable, tc.v, got, tc.want)
		}
		if err := r.eng.Check(got); err != nil {
			t.Errorf("equation %q: %v", got, err)
		}
	}
}

// TestTickLabels: tick labels of any range typeset, share one form per
// axis, and are never Go's 1e-07.
func TestTickLabels(t *testing.T) {
	for _, rg := range [][2]float64{
		{-8, 8}, {0, 1}, {-0.25, 1.25}, {1e-7, 2e-7}, {-3e-5, 3e-5}, {0, 1e9}, {-1e9, 1e9},
		{1e6, 1e6 + 1}, {999, 1001}, {0.0001, 0.0002}, {-1e-9, 1e-9},
	} {
		var labels []string
		for _, tk := range (mathTicks{}).Ticks(rg[0], rg[1]) {
			if tk.Label != "" {
				labels = append(labels, tk.Label)
			}
		}
		if len(labels) < 2 {
			t.Errorf("range %v: labels %q", rg, labels)
		}
		seen := map[string]bool{}
		for _, l := range labels {
			if seen[l] {
				t.Errorf("range %v: label %q twice", rg, l)
			}
			seen[l] = true
			if l != "$0$" && strings.Contains(labels[len(labels)-1], `\times`) != strings.Contains(l, `\times`) {
				t.Errorf("range %v: labels %q mix forms", rg, labels)
			}
		}
		checkLabels(t, "ticks", labels...)
	}
}

package figures

import (
	"math"
	"slices"
	"strings"
	"testing"

	"gonum.org/v1/plot/vg/draw"

	"github.com/figgen/figgen/neuron"
)

// layoutTexts returns the texts the figure of src draws, as its layout
// pass records them.
func layoutTexts(t *testing.T, src string) []string {
	t.Helper()
	r := renderer(t)
	f := decodeYAML(t, "x.yaml", src)
	if err := r.CheckLayout(f); err != nil {
		t.Fatalf("%s: %v", src, err)
	}
	e := newEnv(r.eng.Handler(), f, lightTheme)
	drawFig := f.Spec.(kindSpec).build(e, f)
	e.built = true
	e.rec.lay = &layout{}
	drawFig(draw.New(nullCanvas{w: pixels(f.Width), h: pixels(f.Height)}))
	var out []string
	for _, p := range e.rec.lay.texts {
		out = append(out, p.txt)
	}
	return out
}

// TestPerceptronFigure: on AND and OR the last boundary drawn separates
// the points and the key writes its equation with the learnt numbers
// (rounded: 0.35, not 0.35000000000000003); on XOR it does not, and the
// figure says so after the epochs it trained.
func TestPerceptronFigure(t *testing.T) {
	for _, tc := range []struct {
		data, eq string
		epochs   int
		sep      bool
		last     string // the last row: the epochs ending on the final line
		off      string // a row left out: its line misses the plot
	}{
		{"and", "$0.1x_{1} + 0.3x_{2} = 0.35$", 6, true, "에폭 5, 6", ""},
		{"or", "$0.1x_{1} + 0.4x_{2} = 0.05$", 6, true, "에폭 5, 6", ""},
		{"xor", "$-0.1x_{1} - 0.1x_{2} = -0.05$", 10, false, "에폭 8, 10", "에폭 6"},
	} {
		t.Run(tc.data, func(t *testing.T) {
			src := "kind: perceptron\ndata: " + tc.data + "\n"
			s := decodeYAML(t, "x.yaml", src).Spec.(*Perceptron)
			run := s.train()
			last := run[len(run)-1]
			if len(run)-1 != tc.epochs || neuron.Separates(s.samples(), last.W, last.Theta) != tc.sep {
				t.Errorf("%d epochs, w = %v, θ = %g; want %d epochs, separating %v", len(run)-1, last.W, last.Theta, tc.epochs, tc.sep)
			}
			texts := layoutTexts(t, src)
			if !slices.Contains(texts, tc.eq) {
				t.Errorf("the key has no %s: %q", tc.eq, texts)
			}
			note := slices.ContainsFunc(texts, func(s string) bool { return strings.Contains(s, "가르지") })
			if note == tc.sep {
				t.Errorf("note drawn: %v, separating: %v (%q)", note, tc.sep, texts)
			}
			if !tc.sep && !slices.ContainsFunc(texts, func(s string) bool { return strings.HasPrefix(s, "에폭 10번") }) {
				t.Errorf("the note does not say 10 epochs: %q", texts)
			}
			if !slices.Contains(texts, "에폭 0") || !slices.Contains(texts, tc.last) {
				t.Errorf("the key lacks the start or %s: %q", tc.last, texts)
			}
			if tc.off != "" && slices.Contains(texts, tc.off) {
				t.Errorf("the key has %s, whose line misses the plot", tc.off)
			}
		})
	}
}

// TestPerceptronShown: every epoch of a short run, six spread over a long
// one, or those asked for, in order, with the last epoch always.
func TestPerceptronShown(t *testing.T) {
	var s Perceptron
	for _, tc := range []struct {
		asked []int
		n     int
		want  []int
	}{
		{nil, 6, []int{0, 1, 2, 3, 4, 5, 6}},
		{nil, 7, []int{0, 1, 2, 3, 4, 5, 6, 7}},
		{nil, 10, []int{0, 2, 4, 6, 8, 10}},
		{nil, 100, []int{0, 20, 40, 60, 80, 100}},
		{[]int{3, 1}, 6, []int{1, 3, 6}},
		{[]int{6, 0}, 6, []int{0, 6}},
	} {
		s.EpochsShown = tc.asked
		if got := s.shown(tc.n); !slices.Equal(got, tc.want) {
			t.Errorf("shown(%d) with %v = %v, want %v", tc.n, tc.asked, got, tc.want)
		}
	}
}

// TestShownNums: the key's numbers lose the rate's rounding error, keep
// six significant digits of the largest whatever its size, and never read
// −0.
func TestShownNums(t *testing.T) {
	for _, tc := range []struct {
		in   []float64
		want string
	}{
		{[]float64{0.1, 0.2, 0.1 + 0.1 + 0.1}, "0.1 0.2 0.3"},
		{[]float64{-0.5 + 0.1*5, 0.4, 0.35000000000000003}, "0 0.4 0.35"},
		{[]float64{12345.678, 1, 0.5}, "12345.7 1 0.5"},
		{[]float64{1e-7, 2.5e-8, 1e-20}, `1 \times 10^{-7} 2.5 \times 10^{-8} 0`},
		{[]float64{0, 0, 0}, "0 0 0"},
	} {
		var got []string
		for _, v := range shownNums(tc.in...) {
			got = append(got, mathNum(v))
		}
		if strings.Join(got, " ") != tc.want {
			t.Errorf("shownNums(%v) = %q, want %q", tc.in, got, tc.want)
		}
	}
	if math.Signbit(shownNums(-2.7755575615628914e-17, 0.4)[0]) {
		t.Error("−0")
	}
}

package suggest

import (
	"math/rand/v2"
	"strings"
	"testing"
)

func TestDistance(t *testing.T) {
	for _, tt := range []struct {
		a, b string
		want int
	}{
		{"", "", 0}, {"title", "title", 0}, {"titel", "title", 1}, {"sigmod", "sigmoid", 1},
		{"sigam", "sigma", 1}, {"", "abc", 3}, {"abc", "", 3}, {"kitten", "sitting", 3},
		{"geq", "geq", 0}, {"수상돌기", "수상돌가", 1}, {"ca", "abc", 3}, {"abcdef", "badcfe", 3},
	} {
		if got := Distance(tt.a, tt.b); got != tt.want {
			t.Errorf("Distance(%q, %q) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
		if got := Distance(tt.b, tt.a); got != tt.want {
			t.Errorf("Distance(%q, %q) = %d, want %d", tt.b, tt.a, got, tt.want)
		}
	}
}

// fullDistance is the optimal string alignment distance by the whole
// matrix, to check the banded computation against.
func fullDistance(a, b string) int {
	x, y := []rune(a), []rune(b)
	d := make([][]int, len(x)+1)
	for i := range d {
		d[i] = make([]int, len(y)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(x); i++ {
		for j := 1; j <= len(y); j++ {
			cost := 1
			if x[i-1] == y[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && x[i-1] == y[j-2] && x[i-2] == y[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(x)][len(y)]
}

// checkBanded checks distance within every bound k against fullDistance,
// reusing one dirty scratch slice as closest does.
func checkBanded(t *testing.T, a, b string, scratch []int) {
	t.Helper()
	want := fullDistance(a, b)
	x, y := []rune(a), []rune(b)
	for k := 0; k <= max(len(x), len(y))+1; k++ {
		got := distance(x, y, k, scratch[:3*(len(y)+1)])
		if w := min(want, k+1); got != w {
			t.Fatalf("distance(%q, %q, %d) = %d, want %d", a, b, k, got, w)
		}
	}
}

func TestBandedDistance(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	alphabet := []rune("abc가")
	str := func() string {
		rs := make([]rune, r.IntN(9))
		for i := range rs {
			rs[i] = alphabet[r.IntN(len(alphabet))]
		}
		return string(rs)
	}
	scratch := make([]int, 64)
	for i := range scratch {
		scratch[i] = -7 // stale values must never be read
	}
	for range 20000 {
		checkBanded(t, str(), str(), scratch)
	}
}

func FuzzDistance(f *testing.F) {
	f.Add("sigam", "sigma")
	f.Add("abcdef", "badcfe")
	f.Add("수상돌기", "수상돌가")
	f.Fuzz(func(t *testing.T, a, b string) {
		if len(a) > 40 || len(b) > 40 {
			return
		}
		checkBanded(t, a, b, make([]int, 3*(len(b)+1)))
	})
}

func TestMaxDistance(t *testing.T) {
	for _, tt := range []struct {
		name string
		want int
	}{
		{"", 0}, {"ab", 0}, {"abc", 1}, {"abcde", 1}, {"abcdef", 2},
		{"abcdefghi", 2}, {"abcdefghij", 3}, {"수상돌기", 1}, {strings.Repeat("x", 100), 3},
	} {
		if got := MaxDistance(tt.name); got != tt.want {
			t.Errorf("MaxDistance(%q) = %d, want %d", tt.name, got, tt.want)
		}
	}
}

func TestClosest(t *testing.T) {
	fields := []string{"title", "width", "height", "x_range", "kinds", "label", "bias"}
	for _, tt := range []struct {
		name       string
		candidates []string
		want       string
	}{
		{"titel", fields, "title"},
		{"widht", fields, "width"},
		{"x_rnage", fields, "x_range"},
		{"biases", fields, "bias"}, // 2 edits, 6 runes
		{"lable", fields, "label"},
		{"tile", fields, "title"},
		{"zzzzz", fields, ""},
		{"ab", []string{"ab", "abc"}, "ab"}, // short: exact only
		{"ax", []string{"ab"}, ""},
		{"abc", []string{"abd", "abe", "abb"}, "abb"}, // ties: alphabetically first
		{"abcd", []string{"abce", "abcdxy"}, "abce"},  // nearest first
		{"Titel", fields, ""},                         // Closest minds case
		{"sigam", []string{"Sigma", "sigma", "sigmoid"}, "sigma"},
		{"Sigam", []string{"Sigma", "sigma"}, "Sigma"},
		{"", []string{"", "a"}, ""},
		{"abc", nil, ""},
		{"rightarow", []string{"Rightarrow", "rightarrow", "leftarrow"}, "rightarrow"},
	} {
		got, ok := Closest(tt.name, tt.candidates)
		if got != tt.want || ok != (tt.want != "") {
			t.Errorf("Closest(%q, %q) = %q, %v, want %q", tt.name, tt.candidates, got, ok, tt.want)
		}
	}
}

func TestClosestFold(t *testing.T) {
	fields := []string{"title", "width", "input"}
	for _, tt := range []struct {
		name       string
		candidates []string
		want       string
	}{
		{"Titel", fields, "title"},
		{"WIDHT", fields, "width"},
		{"titel", fields, "title"},
		{"Inptu", []string{"Input"}, ""}, // the candidates keep their case
		{"input", []string{"Input"}, "Input"},
	} {
		got, ok := ClosestFold(tt.name, tt.candidates)
		if got != tt.want || ok != (tt.want != "") {
			t.Errorf("ClosestFold(%q, %q) = %q, %v, want %q", tt.name, tt.candidates, got, ok, tt.want)
		}
	}
}

// TestHostile checks the guards: a long name or too many candidates get
// no suggestion, and long candidates cost nothing.
func TestHostile(t *testing.T) {
	long := strings.Repeat("a", MaxName)
	if got, ok := Closest(long, []string{long + "b"}); !ok || got != long+"b" {
		t.Errorf("name of MaxName bytes: %q, %v", got, ok)
	}
	if _, ok := Closest(long+"a", []string{long + "ab"}); ok {
		t.Errorf("name longer than MaxName got a suggestion")
	}
	if _, ok := ClosestFold(strings.ToUpper(long)+"A", []string{long + "ab"}); ok {
		t.Errorf("ClosestFold: name longer than MaxName got a suggestion")
	}
	many := make([]string, MaxCandidates)
	for i := range many {
		many[i] = "zzzzzz"
	}
	many[0] = "title"
	if got, _ := Closest("titel", many); got != "title" {
		t.Errorf("MaxCandidates candidates: %q", got)
	}
	if _, ok := Closest("titel", append(many, "x")); ok {
		t.Errorf("more than MaxCandidates candidates got a suggestion")
	}
	huge := []string{strings.Repeat("t", 1<<20), strings.Repeat("가", 1<<18), "title"}
	n := testing.AllocsPerRun(10, func() {
		if got, _ := Closest("titel", huge); got != "title" {
			t.Errorf("with huge candidates: %q", got)
		}
	})
	if n > 4 {
		t.Errorf("Closest allocates %v times, want at most 4", n)
	}
}

func BenchmarkClosest(b *testing.B) {
	candidates := []string{"alpha", "beta", "gamma", "delta", "epsilon", "sigma", "theta", "rightarrow", "leftarrow", "frac", "sqrt"}
	for b.Loop() {
		Closest("sigam", candidates)
		Closest("rightarow", candidates)
		Closest("zzzzzzzzzzzzzzzzzzzz", candidates)
	}
}

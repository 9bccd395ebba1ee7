package expr

import (
	"math"
	"slices"
	"strings"
	"testing"
)

func TestEval(t *testing.T) {
	env := Env{Vars: []string{"x", "y"}, Params: map[string]float64{"theta": 1.5, "b": -2}}
	for _, tc := range []struct {
		src  string
		x, y float64
		want float64
	}{
		{"1 + 2*3", 0, 0, 7},
		{"2^3^2", 0, 0, 512}, // right-associative
		{"-x^2", 3, 0, -9},   // power binds tighter than unary minus
		{"2^-1", 0, 0, 0.5},  // a signed exponent
		{"step(0)", 0, 0, 1}, // as the post defines it
		{"step(x - theta)", 1.4, 0, 0},
		{"step(x - theta)", 1.5, 0, 1},
		{"sigmoid(0)", 0, 0, 0.5},
		{"1/(1+exp(-x))", 0, 0, 0.5},
		{"relu(x) + relu(-y)", -1, -2, 2},
		{"max(x, y, 3)", 1, 2, 3},
		{"min(x, y)", 1, 2, 1},
		{"tanh(0) + abs(-2) + sqrt(4) + ln(e) + log(1)", 0, 0, 5},
		{"sin(pi/2) + cos(0) + tan(0)", 0, 0, 2},
		{"identity(x + b)", 5, 0, 3},
		{"x + y >= theta", 1, 1, 1},
		{"x + y >= theta", 1, 0, 0},
		{"0 <= x <= 1", 0.5, 0, 1},
		{"0 <= x <= 1", 2, 0, 0},
		{"x > 0 and y > 0 or not (x == 5)", 5, -1, 0},
		{"x != y", 1, 2, 1},
		{"1.5e2 + .5", 0, 0, 150.5},
		{"x^2 + 3*y^2", 1, 2, 13},
	} {
		want := Number
		if strings.ContainsAny(tc.src, "<>=!") {
			want = Condition
		}
		e, err := Parse(tc.src, env, want)
		if err != nil {
			t.Errorf("%q: %v", tc.src, err)
			continue
		}
		if got := e.Eval(tc.x, tc.y); math.Abs(got-tc.want) > 1e-12 {
			t.Errorf("%q at (%g, %g) = %g, want %g", tc.src, tc.x, tc.y, got, tc.want)
		}
	}
}

// TestErrors checks each error's message and the byte offset of the
// character that is wrong.
func TestErrors(t *testing.T) {
	env := Env{Vars: []string{"z"}, Params: map[string]float64{"theta": 1}}
	deep := strings.Repeat("(", MaxDepth+1) + "z" + strings.Repeat(")", MaxDepth+1)
	for _, tc := range []struct {
		src  string
		want Type
		off  int
		msg  string
	}{
		{"sigmod(z)", Number, 0, `unknown function "sigmod" (did you mean "sigmoid"?)`},
		{"1 + sigmod(z)", Number, 4, `unknown function "sigmod" (did you mean "sigmoid"?)`},
		{"z + thta", Number, 4, `unknown variable "thta" (did you mean "theta"?)`},
		{"z + q", Number, 4, `unknown variable "q" (the variables are z; name others under params)`},
		{"2z", Number, 1, `missing operator before "z" (write * to multiply)`},
		{"(z + 1", Number, 0, "unclosed ("},
		{"exp(z", Number, 3, "unclosed ( of exp"},
		{"z + 1)", Number, 5, "unmatched )"},
		{"z +", Number, 3, "unexpected end of the expression: want a number, a name or ("},
		{"z ** 2", Number, 2, `"**" is not an operator: write x^2 for a power`},
		{"z = 1", Condition, 2, `unexpected character '=': write == to compare, or >= and <=`},
		{"z && 1", Condition, 2, `unexpected character '&': write and, or`},
		{"z # 1", Number, 2, `unexpected character '#'`},
		{"exp(z, 1)", Number, 0, "exp takes 1 argument, got 2"},
		{"max(z)", Number, 0, "max takes 2 or more arguments, got 1"},
		{"exp", Number, 0, `function "exp" needs its argument in parentheses: exp(x)`},
		{"z >= 1", Number, 0, "want a number, got a condition (a comparison)"},
		{"  z + 1", Condition, 2, "want a condition such as 'x + y >= 1', got a number"},
		{"1 + (z > 0)", Number, 4, "+ before a condition; it takes numbers"},
		{"z and z > 1", Condition, 0, "and after a number; it takes conditions (comparisons)"},
		{"exp(z > 1)", Number, 4, "exp() got a condition; it takes numbers"},
		{"1e999", Number, 0, `bad number "1e999"`},
		{"1..2", Number, 0, `bad number "1..2"`},
		{deep, Number, MaxDepth, "expression nested deeper than 32 levels"},
		{strings.Repeat("-", 40) + "z", Number, MaxDepth, "expression nested deeper than 32 levels"},
		{"", Number, 0, "unexpected end of the expression: want a number, a name or ("},
		{"z + θ", Number, 4, `unexpected character 'θ'`},
	} {
		_, err := Parse(tc.src, env, tc.want)
		e, ok := err.(*Error)
		if !ok {
			t.Errorf("%q: got %v, want an *Error", tc.src, err)
			continue
		}
		if e.Offset != tc.off || e.Msg != tc.msg {
			t.Errorf("%q: got %d %q\n\twant %d %q", tc.src, e.Offset, e.Msg, tc.off, tc.msg)
		}
	}
}

func TestTooLong(t *testing.T) {
	src := strings.Repeat("1+", MaxLen) + "1"
	if _, err := Parse(src, Env{}, Number); err == nil || !strings.Contains(err.Error(), "the limit is 2000") {
		t.Errorf("got %v", err)
	}
}

func TestUses(t *testing.T) {
	e, err := Parse("x1 + 2", Env{Vars: []string{"x1", "x2"}}, Number)
	if err != nil {
		t.Fatal(err)
	}
	if !e.Uses(0) || e.Uses(1) {
		t.Errorf("Uses = %v %v", e.Uses(0), e.Uses(1))
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{"1/(1+exp(-x))", "x^2 + 3*y^2", "x1 + x2 >= theta and y < 2", "max(x, 1, 2)", "((", "2x", "-x^-2^3"} {
		f.Add(s)
	}
	env := Env{Vars: []string{"x", "y"}, Params: map[string]float64{"theta": 1}}
	f.Fuzz(func(t *testing.T, src string) {
		for _, want := range []Type{Number, Condition} {
			e, err := Parse(src, env, want)
			if err != nil {
				ee, ok := err.(*Error)
				if !ok || ee.Offset < 0 || ee.Offset > len(src) && len(src) <= MaxLen || ee.Msg == "" {
					t.Fatalf("%q: bad error %#v", src, err)
				}
				continue
			}
			if e.Type() != want {
				t.Fatalf("%q: type %v, want %v", src, e.Type(), want)
			}
			v := e.Eval(0.5, -2)
			if want == Condition && v != 0 && v != 1 {
				t.Fatalf("%q: condition = %g", src, v)
			}
		}
	})
}

func BenchmarkEval(b *testing.B) {
	e, err := Parse("1/(1+exp(-(x*2 + y^2 - 1)))", Env{Vars: []string{"x", "y"}}, Number)
	if err != nil {
		b.Fatal(err)
	}
	f := e.Func2()
	for i := 0; b.Loop(); i++ {
		f(float64(i), 1)
	}
}

// TestLinear: a single comparison of affine sides gives its margin's
// coefficients, exactly as written; anything else is not linear.
func TestLinear(t *testing.T) {
	env := Env{Vars: []string{"x1", "x2"}, Params: map[string]float64{"theta": 1.5, "w": -2, "zero": 0}}
	for _, tc := range []struct {
		src  string
		k    []float64
		c    float64
		want bool
	}{
		{"x1 + x2 >= theta", []float64{1, 1}, -1.5, true},
		{"x1 + 2*x2 > theta", []float64{1, 2}, -1.5, true},
		{"w*x1 - x2/4 + 1 <= theta", []float64{2, 0.25}, 0.5, true},
		{"-(x1 - 3) < 2*(x2 + 1)", []float64{1, 2}, -1, true},
		{"x2 >= (1 + 2)*x1 * 2", []float64{-6, 1}, 0, true},
		{"x1 >= 0", []float64{1, 0}, 0, true},
		{"0 * x1 >= 1", []float64{0, 0}, -1, true},
		{"x1 + exp(0)*x2 >= pi", []float64{1, 1}, -math.Pi, true},
		{"x1*x2 >= 1", nil, 0, false},
		{"x1^2 + x2 >= 1", nil, 0, false},
		{"x1/x2 >= 1", nil, 0, false},
		{"sin(x1) >= x2", nil, 0, false},
		{"x1/zero >= x2", nil, 0, false}, // a coefficient not finite
		{"x1 == x2", nil, 0, false},
		{"0 <= x1 <= 1", nil, 0, false},
		{"x1 >= 0 and x2 >= 0", nil, 0, false},
		{"not x1 >= 0", nil, 0, false},
		{"abs(x1) + x2 >= 1", nil, 0, false},
	} {
		x, err := Parse(tc.src, env, Condition)
		if err != nil {
			t.Fatalf("%s: %v", tc.src, err)
		}
		k, c, ok := x.Linear()
		if ok != tc.want || ok && (!slices.Equal(k, tc.k) || c != tc.c) {
			t.Errorf("%s: Linear() = %v, %v, %v; want %v, %v, %v", tc.src, k, c, ok, tc.k, tc.c, tc.want)
			continue
		}
		if !ok {
			continue
		}
		// The margin is the affine function at any point.
		m, _ := x.Margin()
		for _, p := range [][2]float64{{0, 0}, {1, -2}, {0.3, 7}} {
			if got, want := m(p[0], p[1]), c+k[0]*p[0]+k[1]*p[1]; math.Abs(got-want) > 1e-12 {
				t.Errorf("%s at %v: margin %g, affine %g", tc.src, p, got, want)
			}
		}
	}
}

// TestEquality: the offset of the first ==, none for other comparisons.
func TestEquality(t *testing.T) {
	for _, tc := range []struct {
		src string
		off int
		ok  bool
	}{
		{"x + y == 1", 6, true},
		{"x >= 0 and y == 1 and x == y", 13, true},
		{"x <= y", 0, false},
		{"x != y", 0, false},
		{"not (x == 2)", 7, true},
	} {
		e, err := Parse(tc.src, Env{Vars: []string{"x", "y"}}, Condition)
		if err != nil {
			t.Fatalf("%s: %v", tc.src, err)
		}
		if off, ok := e.Equality(); ok != tc.ok || ok && off != tc.off {
			t.Errorf("%s: Equality() = %d, %v; want %d, %v", tc.src, off, ok, tc.off, tc.ok)
		}
	}
}

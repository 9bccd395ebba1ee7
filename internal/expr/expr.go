// Package expr parses and evaluates figgen's calculator expressions: the
// functions, regions and surfaces of a plot spec ('1/(1+exp(-z))',
// 'x1 + x2 >= theta').
//
// The language is small on purpose: numbers, the free variables and
// parameters a caller names, the constants pi and e, + - * / ^ (power,
// right-associative and binding tighter than a unary minus: -x^2 is
// -(x^2)), parentheses, calls of a fixed set of functions, comparisons
// (< <= > >= == !=, chained: 0 <= x <= 1) and and/or/not between them.
// An expression is a number or a condition; Parse checks which.
//
// Parse compiles an expression once into a tree of closures; evaluating
// it does no I/O, allocates nothing and takes time linear in the length
// of the expression, which is at most MaxLen bytes nested at most
// MaxDepth deep. Every error names the byte offset in the source of the
// character that is wrong, so that a caller can place it in its file.
package expr

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/figgen/figgen/internal/suggest"
	"github.com/figgen/figgen/neuron"
)

// Limits of an expression.
const (
	MaxLen   = 2000 // bytes of source
	MaxDepth = 32   // nesting of parentheses, calls and operators
)

// Error is a problem of an expression at a byte offset of its source.
type Error struct {
	Offset int
	Msg    string
}

func (e *Error) Error() string { return fmt.Sprintf("offset %d: %s", e.Offset, e.Msg) }

// Type is what an expression yields.
type Type int

const (
	Number    Type = iota // a number
	Condition             // true or false (a comparison)
)

// Env names what an expression may refer to besides the constants and
// functions: its free variables, in the order Eval takes their values,
// and parameters with their values.
type Env struct {
	Vars   []string
	Params map[string]float64
}

// Expr is a parsed expression.
type Expr struct {
	src  string
	typ  Type
	eval func(v []float64) float64 // a condition yields 1 or 0
	used []bool                    // by variable
	// margin, for a condition that is one comparison a < b (or >, <=,
	// >=), is b − a (a − b): positive where it holds, 0 on its boundary.
	margin func(v []float64) float64
	// linear is the margin as an affine function of the variables, when
	// both sides of the comparison are affine (see Linear).
	linear *affine
	// equal is the offset of the first == in the source, -1 if none.
	equal int
}

// Linear returns, for a condition that is a single comparison (<, <=, >,
// >=) whose sides are both affine in the variables once the params and
// constants are substituted, its margin as c + Σ k[i]·v[i]: positive
// where it holds, zero on its boundary ('2*x1 - x2/4 + 1 >= theta' gives
// k = [2, -0.25], c = 1 − θ). The coefficients are found on the parsed
// tree, symbolically: a sum or difference of affine terms, an affine term
// times or divided by a constant, its negation. A product or quotient of
// two variables' terms, a power or a function of a variable is not
// affine; nor is a coefficient that is not finite. ok is false for any
// other expression.
func (e *Expr) Linear() (k []float64, c float64, ok bool) {
	if e.linear == nil {
		return nil, 0, false
	}
	for _, x := range e.linear.k {
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return nil, 0, false
		}
	}
	if math.IsNaN(e.linear.c) || math.IsInf(e.linear.c, 0) {
		return nil, 0, false
	}
	return slices.Clone(e.linear.k), e.linear.c, true
}

// affine is c + Σ k[i]·v[i].
type affine struct {
	k []float64
	c float64
}

// constant reports whether a is affine and depends on no variable.
func (a *affine) constant() bool {
	return a != nil && !slices.ContainsFunc(a.k, func(x float64) bool { return x != 0 })
}

// combine returns sa·a + sb·b, nil unless both are affine.
func combine(a, b *affine, sa, sb float64) *affine {
	if a == nil || b == nil {
		return nil
	}
	// float64(…) rounds each product: no fused multiply-add, the same
	// coefficients on every machine.
	out := &affine{k: make([]float64, len(a.k)), c: float64(sa*a.c) + float64(sb*b.c)}
	for i := range out.k {
		out.k[i] = float64(sa*a.k[i]) + float64(sb*b.k[i])
	}
	return out
}

// Margin returns, for a condition that is a single comparison such as
// 'x1 + x2 >= theta', a function that is positive where it holds and zero
// on its boundary (x1 + x2 − theta), false for any other expression.
func (e *Expr) Margin() (func(x, y float64) float64, bool) {
	if e.margin == nil {
		return nil, false
	}
	m := e.margin
	return func(x, y float64) float64 {
		v := [2]float64{x, y}
		return m(v[:])
	}, true
}

// Equality returns the byte offset of the expression's first ==
// comparison, and false when it has none: a condition of == between
// quantities that vary continuously holds only on a curve.
func (e *Expr) Equality() (int, bool) { return e.equal, e.equal >= 0 }

// Type returns what the expression yields.
func (e *Expr) Type() Type { return e.typ }

// Uses reports whether the expression refers to the i-th variable.
func (e *Expr) Uses(i int) bool { return e.used[i] }

// Eval returns the value of the expression for the variables' values v,
// in the order of Env.Vars; a condition yields 1 (true) or 0. A value
// outside a function's domain is NaN (sqrt(-1), log(0) is -Inf).
func (e *Expr) Eval(v ...float64) float64 { return e.eval(v) }

// Func returns the expression of one variable as a function.
func (e *Expr) Func() func(float64) float64 {
	return func(x float64) float64 {
		var v [1]float64
		v[0] = x
		return e.eval(v[:])
	}
}

// Func2 returns the expression of two variables as a function.
func (e *Expr) Func2() func(x, y float64) float64 {
	return func(x, y float64) float64 {
		v := [2]float64{x, y}
		return e.eval(v[:])
	}
}

// function is a function of the language.
type function struct {
	args int // -1: two or more
	f1   func(float64) float64
	fn   func(a []float64) float64
}

// functions are the language's functions by name.
var functions = func() map[string]function {
	m := map[string]function{
		"exp":  {args: 1, f1: math.Exp},
		"log":  {args: 1, f1: math.Log},
		"ln":   {args: 1, f1: math.Log},
		"sqrt": {args: 1, f1: math.Sqrt},
		"abs":  {args: 1, f1: math.Abs},
		"sin":  {args: 1, f1: math.Sin},
		"cos":  {args: 1, f1: math.Cos},
		"tan":  {args: 1, f1: math.Tan},
		"min": {args: -1, fn: func(a []float64) float64 {
			m := a[0]
			for _, x := range a[1:] {
				m = math.Min(m, x)
			}
			return m
		}},
		"max": {args: -1, fn: func(a []float64) float64 {
			m := a[0]
			for _, x := range a[1:] {
				m = math.Max(m, x)
			}
			return m
		}},
	}
	// The activations come from neuron, the one list of them: step(0) = 1.
	for _, a := range neuron.Activations() {
		m[a.Name] = function{args: 1, f1: a.F}
	}
	return m
}()

// constants are the language's named numbers.
var constants = map[string]float64{"pi": math.Pi, "e": math.E}

// Functions returns the names of the language's functions, sorted.
func Functions() []string {
	var names []string
	for n := range functions {
		names = append(names, n)
	}
	slices.Sort(names)
	return names
}

// Jumps returns where the named function of one argument is discontinuous
// (the step at 0), nil for a continuous one.
func Jumps(name string) []float64 { return neuron.Jumps(name) }

// Parse parses src in env. want is the type the caller needs; a
// mismatch is an error at the start of the expression.
func Parse(src string, env Env, want Type) (*Expr, error) {
	if len(src) > MaxLen {
		return nil, &Error{MaxLen, fmt.Sprintf("expression of %d bytes; the limit is %d", len(src), MaxLen)}
	}
	p := &parser{src: src, env: env, used: make([]bool, len(env.Vars)), equal: -1}
	p.next()
	n, err := p.parseOr(0)
	if err == nil && p.tok.kind != tEOF {
		err = p.unexpected()
	}
	if err != nil {
		return nil, err
	}
	start := skipSpace(src, 0)
	switch {
	case want == Number && n.typ == Condition:
		return nil, &Error{start, "want a number, got a condition (a comparison)"}
	case want == Condition && n.typ == Number:
		return nil, &Error{start, "want a condition such as 'x + y >= 1', got a number"}
	}
	x := &Expr{src: src, typ: n.typ, eval: n.f, used: p.used, margin: n.margin, equal: p.equal}
	if n.typ == Condition && n.margin != nil {
		x.linear = n.lin
	}
	return x, nil
}

func skipSpace(s string, i int) int {
	for i < len(s) && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r') {
		i++
	}
	return i
}

type tokKind int

const (
	tEOF tokKind = iota
	tNum
	tIdent
	tOp // + - * / ^ ( ) , < <= > >= == !=
	tBad
)

type token struct {
	kind tokKind
	off  int
	text string
	num  float64
}

type node struct {
	typ Type
	f   func(v []float64) float64
	off int
	// konst is set when f is a constant (folded at parse time).
	konst bool
	// margin is Expr.margin of a single comparison.
	margin func(v []float64) float64
	// lin is a number's value when it is affine in the variables (nil
	// otherwise); of a single comparison, its margin's.
	lin *affine
}

type parser struct {
	src   string
	env   Env
	pos   int
	tok   token
	used  []bool
	equal int // the offset of the first == parsed, -1 if none
}

func isLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' }
func isDigit(c byte) bool  { return c >= '0' && c <= '9' }

func (p *parser) next() {
	i := skipSpace(p.src, p.pos)
	if i >= len(p.src) {
		p.tok, p.pos = token{kind: tEOF, off: len(p.src)}, i
		return
	}
	c := p.src[i]
	switch {
	case isDigit(c) || c == '.' && i+1 < len(p.src) && isDigit(p.src[i+1]):
		j := i
		for j < len(p.src) && (isDigit(p.src[j]) || p.src[j] == '.') {
			j++
		}
		if j < len(p.src) && (p.src[j] == 'e' || p.src[j] == 'E') {
			k := j + 1
			if k < len(p.src) && (p.src[k] == '+' || p.src[k] == '-') {
				k++
			}
			if k < len(p.src) && isDigit(p.src[k]) {
				for k < len(p.src) && isDigit(p.src[k]) {
					k++
				}
				j = k
			}
		}
		x, err := strconv.ParseFloat(p.src[i:j], 64)
		if err != nil || math.IsInf(x, 0) {
			p.tok = token{kind: tBad, off: i, text: "bad number " + strconv.Quote(p.src[i:j])}
		} else {
			p.tok = token{kind: tNum, off: i, text: p.src[i:j], num: x}
		}
		p.pos = j
	case isLetter(c):
		j := i
		for j < len(p.src) && (isLetter(p.src[j]) || isDigit(p.src[j])) {
			j++
		}
		p.tok, p.pos = token{kind: tIdent, off: i, text: p.src[i:j]}, j
	default:
		for _, op := range []string{"<=", ">=", "==", "!=", "**", "+", "-", "*", "/", "^", "(", ")", ",", "<", ">"} {
			if strings.HasPrefix(p.src[i:], op) {
				p.tok, p.pos = token{kind: tOp, off: i, text: op}, i+len(op)
				if op == "**" {
					p.tok.kind, p.tok.text = tBad, `"**" is not an operator: write x^2 for a power`
				}
				return
			}
		}
		r := []rune(p.src[i:min(len(p.src), i+4)])[0]
		msg := fmt.Sprintf("unexpected character %q", r)
		switch r {
		case '=':
			msg += ": write == to compare, or >= and <="
		case '&', '|':
			msg += ": write and, or"
		case '[', '{':
			msg += ": group with ( )"
		}
		p.tok, p.pos = token{kind: tBad, off: i, text: msg}, i+1
	}
}

func (p *parser) errf(off int, format string, args ...any) error {
	return &Error{off, fmt.Sprintf(format, args...)}
}

// unexpected reports the current token where it does not belong.
func (p *parser) unexpected() error {
	t := p.tok
	switch t.kind {
	case tEOF:
		return p.errf(t.off, "unexpected end of the expression")
	case tBad:
		return p.errf(t.off, "%s", t.text)
	case tIdent, tNum:
		return p.errf(t.off, "missing operator before %q (write * to multiply)", t.text)
	}
	if t.text == ")" {
		return p.errf(t.off, "unmatched )")
	}
	return p.errf(t.off, "unexpected %q", t.text)
}

// constant returns the affine value x, in the parser's variables.
func (p *parser) constant(x float64) *affine {
	return &affine{k: make([]float64, len(p.env.Vars)), c: x}
}

func (p *parser) isOp(s string) bool   { return p.tok.kind == tOp && p.tok.text == s }
func (p *parser) isWord(s string) bool { return p.tok.kind == tIdent && p.tok.text == s }

func (p *parser) deeper(depth int) error {
	if depth >= MaxDepth {
		return p.errf(p.tok.off, "expression nested deeper than %d levels", MaxDepth)
	}
	return nil
}

func (p *parser) wantNumber(n node, what string) error {
	if n.typ != Number {
		return p.errf(n.off, "%s a condition; it takes numbers", what)
	}
	return nil
}

func (p *parser) wantCond(n node, what string) error {
	if n.typ != Condition {
		return p.errf(n.off, "%s a number; it takes conditions (comparisons)", what)
	}
	return nil
}

func (p *parser) parseOr(depth int) (node, error) {
	a, err := p.parseAnd(depth)
	if err != nil {
		return a, err
	}
	for p.isWord("or") {
		off := p.tok.off
		p.next()
		b, err := p.parseAnd(depth)
		if err != nil {
			return b, err
		}
		if err := p.wantCond(a, "or after"); err != nil {
			return a, err
		}
		if err := p.wantCond(b, "or before"); err != nil {
			return b, err
		}
		fa, fb := a.f, b.f
		a = node{typ: Condition, off: a.off, f: func(v []float64) float64 {
			if fa(v) != 0 || fb(v) != 0 {
				return 1
			}
			return 0
		}}
		_ = off
	}
	return a, nil
}

func (p *parser) parseAnd(depth int) (node, error) {
	a, err := p.parseNot(depth)
	if err != nil {
		return a, err
	}
	for p.isWord("and") {
		p.next()
		b, err := p.parseNot(depth)
		if err != nil {
			return b, err
		}
		if err := p.wantCond(a, "and after"); err != nil {
			return a, err
		}
		if err := p.wantCond(b, "and before"); err != nil {
			return b, err
		}
		fa, fb := a.f, b.f
		a = node{typ: Condition, off: a.off, f: func(v []float64) float64 {
			if fa(v) != 0 && fb(v) != 0 {
				return 1
			}
			return 0
		}}
	}
	return a, nil
}

func (p *parser) parseNot(depth int) (node, error) {
	if p.isWord("not") {
		if err := p.deeper(depth); err != nil {
			return node{}, err
		}
		off := p.tok.off
		p.next()
		a, err := p.parseNot(depth + 1)
		if err != nil {
			return a, err
		}
		if err := p.wantCond(a, "not before"); err != nil {
			return a, err
		}
		fa := a.f
		return node{typ: Condition, off: off, f: func(v []float64) float64 { return 1 - fa(v) }}, nil
	}
	return p.parseCmp(depth)
}

var comparisons = map[string]func(a, b float64) bool{
	"<":  func(a, b float64) bool { return a < b },
	"<=": func(a, b float64) bool { return a <= b },
	">":  func(a, b float64) bool { return a > b },
	">=": func(a, b float64) bool { return a >= b },
	"==": func(a, b float64) bool { return a == b },
	"!=": func(a, b float64) bool { return a != b },
}

func (p *parser) parseCmp(depth int) (node, error) {
	a, err := p.parseSum(depth)
	if err != nil {
		return a, err
	}
	var conds []node
	var margin func(v []float64) float64
	var lin *affine
	for p.tok.kind == tOp && comparisons[p.tok.text] != nil {
		opText := p.tok.text
		if opText == "==" && p.equal < 0 {
			p.equal = p.tok.off
		}
		if err := p.wantNumber(a, "a comparison after"); err != nil {
			return a, err
		}
		op := comparisons[p.tok.text]
		p.next()
		b, err := p.parseSum(depth)
		if err != nil {
			return b, err
		}
		fa, fb := a.f, b.f
		conds = append(conds, node{typ: Condition, off: a.off, f: func(v []float64) float64 {
			if op(fa(v), fb(v)) {
				return 1
			}
			return 0
		}})
		lin = nil
		switch opText {
		case ">", ">=":
			margin = func(v []float64) float64 { return fa(v) - fb(v) }
			lin = combine(a.lin, b.lin, 1, -1)
		case "<", "<=":
			margin = func(v []float64) float64 { return fb(v) - fa(v) }
			lin = combine(a.lin, b.lin, -1, 1)
		}
		a = b
	}
	switch len(conds) {
	case 0:
		return a, nil
	case 1:
		conds[0].margin, conds[0].lin = margin, lin
		return conds[0], nil
	}
	fs := make([]func([]float64) float64, len(conds))
	for i, c := range conds {
		fs[i] = c.f
	}
	return node{typ: Condition, off: conds[0].off, f: func(v []float64) float64 {
		for _, f := range fs {
			if f(v) == 0 {
				return 0
			}
		}
		return 1
	}}, nil
}

func (p *parser) parseSum(depth int) (node, error) {
	return p.parseLeft(depth, "+", "-", p.parseProd, func(op string, a, b node) node {
		fa, fb := a.f, b.f
		if op == "+" {
			return node{off: a.off, f: func(v []float64) float64 { return fa(v) + fb(v) }, lin: combine(a.lin, b.lin, 1, 1)}
		}
		return node{off: a.off, f: func(v []float64) float64 { return fa(v) - fb(v) }, lin: combine(a.lin, b.lin, 1, -1)}
	})
}

func (p *parser) parseProd(depth int) (node, error) {
	return p.parseLeft(depth, "*", "/", p.parseUnary, func(op string, a, b node) node {
		fa, fb := a.f, b.f
		var lin *affine
		switch {
		case op == "*" && b.lin.constant():
			lin = combine(a.lin, a.lin, b.lin.c, 0)
		case op == "*" && a.lin.constant():
			lin = combine(b.lin, b.lin, a.lin.c, 0)
		case op == "/" && b.lin.constant():
			lin = combine(a.lin, a.lin, 1/b.lin.c, 0)
		}
		if op == "*" {
			return node{off: a.off, f: func(v []float64) float64 { return fa(v) * fb(v) }, lin: lin}
		}
		return node{off: a.off, f: func(v []float64) float64 { return fa(v) / fb(v) }, lin: lin}
	})
}

// parseLeft parses operands joined by the left-associative operators
// op1 and op2, each pair of numbers made one node by join (and folded
// when both are constants).
func (p *parser) parseLeft(depth int, op1, op2 string, operand func(int) (node, error), join func(op string, a, b node) node) (node, error) {
	a, err := operand(depth)
	if err != nil {
		return a, err
	}
	for p.isOp(op1) || p.isOp(op2) {
		op := p.tok.text
		p.next()
		b, err := operand(depth)
		if err != nil {
			return b, err
		}
		if err := p.wantNumber(a, op+" after"); err != nil {
			return a, err
		}
		if err := p.wantNumber(b, op+" before"); err != nil {
			return b, err
		}
		a = p.fold(join(op, a, b), a, b)
	}
	return a, nil
}

// fold returns n, evaluated once when its operands are constants.
func (p *parser) fold(n node, args ...node) node {
	for _, a := range args {
		if !a.konst {
			return n
		}
	}
	x := n.f(nil)
	n.f, n.konst = func([]float64) float64 { return x }, true
	n.lin = p.constant(x)
	return n
}

func (p *parser) parseUnary(depth int) (node, error) {
	if p.isOp("-") || p.isOp("+") {
		if err := p.deeper(depth); err != nil {
			return node{}, err
		}
		op, off := p.tok.text, p.tok.off
		p.next()
		a, err := p.parseUnary(depth + 1)
		if err != nil {
			return a, err
		}
		if err := p.wantNumber(a, op+" before"); err != nil {
			return a, err
		}
		if op == "+" {
			a.off = off
			return a, nil
		}
		fa := a.f
		return p.fold(node{off: off, f: func(v []float64) float64 { return -fa(v) }, lin: combine(a.lin, a.lin, -1, 0)}, a), nil
	}
	return p.parsePower(depth)
}

func (p *parser) parsePower(depth int) (node, error) {
	a, err := p.parseAtom(depth)
	if err != nil {
		return a, err
	}
	if !p.isOp("^") {
		return a, nil
	}
	if err := p.deeper(depth); err != nil {
		return node{}, err
	}
	p.next()
	b, err := p.parseUnary(depth + 1)
	if err != nil {
		return b, err
	}
	if err := p.wantNumber(a, "^ after"); err != nil {
		return a, err
	}
	if err := p.wantNumber(b, "^ before"); err != nil {
		return b, err
	}
	fa, fb := a.f, b.f
	if b.konst {
		switch k := fb(nil); k {
		case 2:
			return p.fold(node{off: a.off, f: func(v []float64) float64 { x := fa(v); return x * x }}, a), nil
		}
	}
	return p.fold(node{off: a.off, f: func(v []float64) float64 { return math.Pow(fa(v), fb(v)) }}, a, b), nil
}

func (p *parser) parseAtom(depth int) (node, error) {
	t := p.tok
	switch t.kind {
	case tNum:
		p.next()
		x := t.num
		return node{off: t.off, konst: true, f: func([]float64) float64 { return x }, lin: p.constant(x)}, nil
	case tIdent:
		p.next()
		if p.isOp("(") {
			return p.parseCall(t, depth)
		}
		return p.ident(t)
	case tOp:
		if t.text == "(" {
			if err := p.deeper(depth); err != nil {
				return node{}, err
			}
			p.next()
			n, err := p.parseOr(depth + 1)
			if err != nil {
				return n, err
			}
			if !p.isOp(")") {
				if p.tok.kind == tEOF {
					return n, p.errf(t.off, "unclosed (")
				}
				return n, p.unexpected()
			}
			p.next()
			n.off = t.off
			return n, nil
		}
	}
	if t.kind == tIdent || t.kind == tNum {
		return node{}, p.unexpected()
	}
	if t.kind == tOp && t.text != ")" && t.text != "(" || t.kind == tEOF {
		if t.kind == tEOF {
			return node{}, p.errf(t.off, "unexpected end of the expression: want a number, a name or (")
		}
		return node{}, p.errf(t.off, "unexpected %q: want a number, a name or (", t.text)
	}
	return node{}, p.unexpected()
}

var keywords = []string{"and", "or", "not"}

// names returns every name the expression may use, for suggestions.
func (p *parser) names(call bool) []string {
	var all []string
	if call {
		all = Functions()
	}
	all = append(all, p.env.Vars...)
	for k := range p.env.Params {
		all = append(all, k)
	}
	for k := range constants {
		all = append(all, k)
	}
	slices.Sort(all)
	return all
}

func (p *parser) ident(t token) (node, error) {
	name := t.text
	if i := slices.Index(p.env.Vars, name); i >= 0 {
		p.used[i] = true
		lin := p.constant(0)
		lin.k[i] = 1
		return node{off: t.off, f: func(v []float64) float64 { return v[i] }, lin: lin}, nil
	}
	if x, ok := p.env.Params[name]; ok {
		return node{off: t.off, konst: true, f: func([]float64) float64 { return x }, lin: p.constant(x)}, nil
	}
	if x, ok := constants[name]; ok {
		return node{off: t.off, konst: true, f: func([]float64) float64 { return x }, lin: p.constant(x)}, nil
	}
	if _, ok := functions[name]; ok {
		return node{}, p.errf(t.off, "function %q needs its argument in parentheses: %s(x)", name, name)
	}
	if slices.Contains(keywords, name) {
		return node{}, p.errf(t.off, "unexpected %q", name)
	}
	hint := ""
	if s, ok := suggest.ClosestFold(name, p.names(false)); ok {
		hint = fmt.Sprintf(" (did you mean %q?)", s)
	} else if len(p.env.Vars) > 0 {
		hint = " (the variables are " + strings.Join(p.env.Vars, ", ") + "; name others under params)"
	}
	return node{}, p.errf(t.off, "unknown variable %q%s", name, hint)
}

func (p *parser) parseCall(t token, depth int) (node, error) {
	fn, ok := functions[t.text]
	if !ok {
		hint := ""
		if s, ok := suggest.ClosestFold(t.text, Functions()); ok {
			hint = fmt.Sprintf(" (did you mean %q?)", s)
		}
		return node{}, p.errf(t.off, "unknown function %q%s", t.text, hint)
	}
	if err := p.deeper(depth); err != nil {
		return node{}, err
	}
	open := p.tok.off
	p.next() // (
	var args []node
	if !p.isOp(")") {
		for {
			a, err := p.parseOr(depth + 1)
			if err != nil {
				return a, err
			}
			if err := p.wantNumber(a, t.text+"() got"); err != nil {
				return a, err
			}
			args = append(args, a)
			if !p.isOp(",") {
				break
			}
			p.next()
		}
	}
	if !p.isOp(")") {
		if p.tok.kind == tEOF {
			return node{}, p.errf(open, "unclosed ( of %s", t.text)
		}
		return node{}, p.unexpected()
	}
	p.next()
	switch {
	case fn.args == 1 && len(args) != 1:
		return node{}, p.errf(t.off, "%s takes 1 argument, got %d", t.text, len(args))
	case fn.args < 0 && len(args) < 2:
		return node{}, p.errf(t.off, "%s takes 2 or more arguments, got %d", t.text, len(args))
	}
	if fn.args == 1 {
		f, fa := fn.f1, args[0].f
		return p.fold(node{off: t.off, f: func(v []float64) float64 { return f(fa(v)) }}, args...), nil
	}
	fs := make([]func([]float64) float64, len(args))
	for i, a := range args {
		fs[i] = a.f
	}
	f := fn.fn
	return p.fold(node{off: t.off, f: func(v []float64) float64 {
		var buf [8]float64
		vals := buf[:0]
		for _, fa := range fs {
			vals = append(vals, fa(v))
		}
		return f(vals)
	}}, args...), nil
}

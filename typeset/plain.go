package typeset

import "strings"

// Plain returns rich text s as plain text, for a document's title in
// metadata: math is written as it reads, w_1x_1 + w_2x_2 = \theta as
// "w1x1 + w2x2 = θ", a superscript with "^", \frac{a}{b} as "a/b", \sqrt{x}
// as "√x". Math that does not parse is left as its source; lines are joined
// with spaces.
func Plain(s string) string {
	var b strings.Builder
	for i, line := range splitLines(s) {
		if i > 0 {
			b.WriteByte(' ')
		}
		segs, errs := parseLine(line)
		if len(errs) > 0 {
			b.WriteString(line)
			continue
		}
		for _, seg := range segs {
			if !seg.isMath {
				for _, t := range seg.text {
					b.WriteRune(t.r)
				}
				continue
			}
			var m strings.Builder
			plainList(&m, seg.math)
			b.WriteString(strings.TrimSpace(m.String()))
		}
	}
	return strings.Join(strings.Fields(b.String()), " ")
}

// plainList writes a math list, with spaces around relations and binary
// operators (not around a unary one).
func plainList(b *strings.Builder, list []node) {
	prev := clOpen // a binary operator first in the list is unary
	for _, n := range list {
		switch n := n.(type) {
		case atom:
			switch {
			case n.cl == clRel || n.cl == clBin && prev != clOpen && prev != clBin && prev != clRel && prev != clPunct:
				b.WriteString(" " + string(n.r) + " ")
			case n.cl == clPunct:
				b.WriteString(string(n.r) + " ")
			default:
				b.WriteRune(n.r)
			}
			prev = n.cl
			continue
		case *group:
			plainList(b, n.list)
		case *scripts:
			if n.nucleus != nil {
				plainList(b, []node{n.nucleus})
			}
			b.WriteString(strings.Repeat("′", n.primes))
			if n.hasSub {
				plainList(b, n.sub)
			}
			if n.hasSup {
				b.WriteString("^")
				plainArg(b, n.sup)
			}
		case *frac:
			plainArg(b, n.num)
			b.WriteString("/")
			plainArg(b, n.den)
		case *radical:
			b.WriteString("√")
			plainArg(b, n.body)
		case *accent:
			plainList(b, n.body)
		case *textNode:
			for _, t := range n.runes {
				b.WriteRune(t.r)
			}
		case *space:
			if n.mu >= 5 {
				b.WriteString(" ")
			}
		case *fenced:
			if n.left != 0 {
				b.WriteRune(n.left)
			}
			plainList(b, n.body)
			if n.right != 0 {
				b.WriteRune(n.right)
			}
		}
		prev = clOrd
	}
}

// plainArg writes a list, in parentheses when it is more than one symbol.
func plainArg(b *strings.Builder, list []node) {
	var m strings.Builder
	plainList(&m, list)
	s := strings.TrimSpace(m.String())
	if len([]rune(s)) > 1 {
		s = "(" + s + ")"
	}
	b.WriteString(s)
}

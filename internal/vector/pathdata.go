package vector

import "strconv"

// pathData writes SVG path data as short as it stays exact: each segment
// absolute or relative, whichever is shorter (a relative delta is the
// difference of two quantised points, so no rounding accumulates along a
// path), lines along an axis as h or v, a command letter only when it is
// not the one the previous numbers repeat, numbers without a leading zero
// and with a separator only where one is needed (a minus sign or a second
// decimal point starts a new number by itself).
type pathData struct {
	b  []byte
	st tokState
}

// tokState is what the next token's spelling depends on.
type tokState struct {
	repeat byte // the command that numbers alone would repeat; 0 for none
	num    bool // the last token is a number
	dot    bool // that number has a decimal point
}

// put appends the command letter (left out when the numbers alone repeat
// it) and its numbers to dst, as written after the tokens st describes.
func (st *tokState) put(dst []byte, letter byte, nums ...fixed) []byte {
	if letter != st.repeat || !st.num {
		dst = append(dst, letter)
		st.num = false
	}
	for _, n := range nums {
		// The first character of n: a minus sign, a decimal point or a digit.
		first := byte('0')
		switch {
		case n < 0:
			first = '-'
		case n > 0 && n < grid:
			first = '.'
		}
		if st.num && first != '-' && !(first == '.' && st.dot) {
			dst = append(dst, ' ')
		}
		dst = appendCompact(dst, n)
		st.num, st.dot = true, n%grid != 0
	}
	switch letter {
	case 'M':
		st.repeat = 'L'
	case 'm':
		st.repeat = 'l'
	case 'z', 'Z':
		st.repeat, st.num = 0, false
	default:
		st.repeat = letter
	}
	return dst
}

// appendCompact appends f in points, with at most two decimals, no
// trailing zeros and no leading zero: 12, 12.5, .5, -.05.
func appendCompact(dst []byte, f fixed) []byte {
	n := int64(f)
	if n < 0 {
		dst = append(dst, '-')
		n = -n
	}
	whole, frac := n/grid, n%grid
	if whole != 0 || frac == 0 {
		dst = strconv.AppendInt(dst, whole, 10)
	}
	if frac != 0 {
		dst = append(dst, '.', byte('0'+frac/10))
		if frac%10 != 0 {
			dst = append(dst, byte('0'+frac%10))
		}
	}
	return dst
}

// choose appends the shorter of two spellings of one segment, the
// absolute one when they are as long.
func (w *pathData) choose(absL byte, abs []fixed, relL byte, rel []fixed) {
	if w.st.cost(absL, abs) <= w.st.cost(relL, rel) {
		w.b = w.st.put(w.b, absL, abs...)
		return
	}
	w.b = w.st.put(w.b, relL, rel...)
}

// cost returns how many bytes put would append.
func (st tokState) cost(letter byte, nums []fixed) int {
	l := 0
	if letter != st.repeat || !st.num {
		l++
		st.num = false
	}
	for _, n := range nums {
		first := byte('0')
		if n < 0 {
			first = '-'
			l++
			n = -n
		} else if n > 0 && n < grid {
			first = '.'
		}
		if st.num && first != '-' && !(first == '.' && st.dot) {
			l++
		}
		whole, frac := n/grid, n%grid
		if whole != 0 || frac == 0 {
			for l++; whole >= 10; whole /= 10 {
				l++
			}
		}
		switch {
		case frac == 0:
		case frac%10 == 0:
			l += 2
		default:
			l += 3
		}
		st.num, st.dot = true, frac != 0
	}
	return l
}

// appendPathData appends the path data of segs to dst.
func appendPathData(w *pathData, dst []byte, segs []seg) []byte {
	w.b, w.st = dst, tokState{}
	var cur, start pt
	for _, s := range segs {
		switch s.op {
		case 'M':
			p := s.p[0]
			w.choose('M', []fixed{p.x, p.y}, 'm', []fixed{p.x - cur.x, p.y - cur.y})
			cur, start = p, p
		case 'L':
			p := s.p[0]
			switch {
			case p.y == cur.y:
				w.choose('H', []fixed{p.x}, 'h', []fixed{p.x - cur.x})
			case p.x == cur.x:
				w.choose('V', []fixed{p.y}, 'v', []fixed{p.y - cur.y})
			default:
				w.choose('L', []fixed{p.x, p.y}, 'l', []fixed{p.x - cur.x, p.y - cur.y})
			}
			cur = p
		case 'Q':
			a, p := s.p[0], s.p[1]
			w.choose('Q', []fixed{a.x, a.y, p.x, p.y}, 'q', []fixed{a.x - cur.x, a.y - cur.y, p.x - cur.x, p.y - cur.y})
			cur = p
		case 'C':
			a, b, p := s.p[0], s.p[1], s.p[2]
			w.choose('C', []fixed{a.x, a.y, b.x, b.y, p.x, p.y}, 'c', []fixed{a.x - cur.x, a.y - cur.y, b.x - cur.x, b.y - cur.y, p.x - cur.x, p.y - cur.y})
			cur = p
		case 'Z':
			w.b = w.st.put(w.b, 'z')
			cur = start
		}
	}
	return w.b
}

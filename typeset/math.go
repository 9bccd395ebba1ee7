package typeset

// Spacing codes of TeX's inter-atom table: thin always, or thin, medium and
// thick spaces only in text and display styles.
const (
	sp0 = iota
	spThin
	spThinNS
	spMedNS
	spThickNS
)

// spacing is TeX's inter-atom spacing table (The TeXbook, chapter 18),
// indexed by the classes of the left and right atoms.
var spacing = [8][8]uint8{
	//          Ord       Op        Bin      Rel        Open      Close     Punct     Inner
	clOrd:   {sp0, spThin, spMedNS, spThickNS, sp0, sp0, sp0, spThinNS},
	clOp:    {spThin, spThin, sp0, spThickNS, sp0, sp0, sp0, spThinNS},
	clBin:   {spMedNS, spMedNS, sp0, sp0, spMedNS, sp0, sp0, spMedNS},
	clRel:   {spThickNS, spThickNS, sp0, sp0, spThickNS, sp0, sp0, spThickNS},
	clOpen:  {sp0, sp0, sp0, sp0, sp0, sp0, sp0, sp0},
	clClose: {sp0, spThin, spMedNS, spThickNS, sp0, sp0, sp0, spThinNS},
	clPunct: {spThinNS, spThinNS, sp0, spThinNS, spThinNS, spThinNS, spThinNS, spThinNS},
	clInner: {spThinNS, spThin, spMedNS, spThickNS, spThinNS, sp0, spThinNS, spThinNS},
}

// spaceMu returns the space in mu between classes a and b at a level.
func spaceMu(a, b class, level int) float64 {
	switch spacing[a][b] {
	case spThin:
		return 3
	case spThinNS:
		if level == 0 {
			return 3
		}
	case spMedNS:
		if level == 0 {
			return 4
		}
	case spThickNS:
		if level == 0 {
			return 5
		}
	}
	return 0
}

// piece is a laid-out list element.
type piece struct {
	b     *box
	cl    class
	space bool
}

// mathList lays out a math list with TeX's inter-atom spacing.
func (l *layouter) mathList(list []node, st mstyle) *box {
	var ps []piece
	for _, n := range list {
		switch n := n.(type) {
		case *styleChange:
			st.display = n.display
			continue
		case *space:
			ps = append(ps, piece{b: &box{w: n.mu * st.size / 18}, space: true})
			continue
		}
		b, cl := l.mathNode(n, st)
		ps = append(ps, piece{b: b, cl: cl})
	}
	// A binary operator with nothing to its left to operate on is
	// ordinary (unary minus), as is one followed by a relation, a closing
	// delimiter, punctuation or the end of the list (TeXbook rules 5, 6).
	prev := -1
	for i := range ps {
		if ps[i].space {
			continue
		}
		if ps[i].cl == clBin {
			if prev < 0 {
				ps[i].cl = clOrd
			} else {
				switch ps[prev].cl {
				case clBin, clOp, clRel, clOpen, clPunct:
					ps[i].cl = clOrd
				}
			}
		}
		if prev >= 0 && ps[prev].cl == clBin {
			switch ps[i].cl {
			case clRel, clClose, clPunct:
				ps[prev].cl = clOrd
			}
		}
		prev = i
	}
	if prev >= 0 && ps[prev].cl == clBin {
		ps[prev].cl = clOrd
	}
	if len(ps) == 1 && !ps[0].space {
		return ps[0].b
	}
	out := &box{}
	prev = -1
	for i, p := range ps {
		if !p.space {
			if prev >= 0 {
				out.w += spaceMu(ps[prev].cl, p.cl, st.level) * st.size / 18
			}
			prev = i
		}
		out.append(p.b)
	}
	return out
}

// mathNode lays out one node and returns its class.
func (l *layouter) mathNode(n node, st mstyle) (*box, class) {
	switch n := n.(type) {
	case atom:
		return l.mathAtom(n, st), n.cl
	case *group:
		b := l.mathList(n.list, st)
		if n.cl != clOrd {
			b.char = false
		}
		return b, n.cl
	case *scripts:
		return l.scripts(n, st)
	case *frac:
		return l.frac(n, st), clInner
	case *radical:
		return l.radical(n, st), clOrd
	case *accent:
		return l.accent(n, st), clOrd
	case *textNode:
		return l.text(n, st), clOrd
	case *fenced:
		return l.fenced(n, st), clInner
	}
	return &box{}, clOrd
}

func (l *layouter) mathAtom(a atom, st mstyle) *box {
	ref := l.find(a.r, chainOf(a.v, st.bold), a.off)
	size := st.size
	if a.cl == clOp && st.display {
		size *= 1.4
	}
	b := l.glyphBox(ref, size)
	b.italic = a.v == vItalic || a.v == vBoldItalic
	if b.italic {
		// TeX adds the italic correction of a math character to its
		// width; a subscript then tucks back under it (rule 17, 18).
		b.w += b.ic
	} else {
		b.ic = 0
	}
	if a.cl == clOp {
		// Centre large operators on the math axis.
		dy := st.em(l.e.mc.axisHeight) - (b.h-b.d)/2
		b.items[0].y += dy
		b.h += dy
		b.d -= dy
	}
	return b
}

// scripts sets sub- and superscripts (TeXbook rule 18, with the OpenType
// MATH constants).
func (l *layouter) scripts(n *scripts, st mstyle) (*box, class) {
	mc := &l.e.mc
	nuc, cl := &box{}, clOrd
	if n.nucleus != nil {
		nuc, cl = l.mathNode(n.nucleus, st)
	}
	if n.primes > 0 {
		// Primes sit after the nucleus at its size, like U+2032 in text.
		r := []rune{'′', '″', '‴'}[min(n.primes, 3)-1]
		pb := l.glyphBox(l.find(r, chSymbol, 0), st.size)
		for i := 3; i < n.primes; i++ {
			pb.append(l.glyphBox(l.find('′', chSymbol, 0), st.size))
		}
		wp := &box{char: nuc.char}
		wp.append(nuc)
		wp.append(pb)
		wp.char = nuc.char && n.primes > 0
		nuc = wp
	}
	supSt := st.script(mc)
	subSt := supSt
	subSt.cramped = true
	var sup, sub *box
	if len(n.sup) > 0 || n.hasSup {
		sup = l.mathList(n.sup, supSt)
	}
	if len(n.sub) > 0 || n.hasSub {
		sub = l.mathList(n.sub, subSt)
	}
	var u, v float64
	if !nuc.char {
		u = nuc.h - st.em(mc.supDrop)
		v = nuc.d + st.em(mc.subDropMin)
	}
	if sup != nil {
		shift := mc.supShiftUp
		if st.cramped {
			shift = mc.supShiftUpCramped
		}
		u = max(u, st.em(shift), sup.d+st.em(mc.supBottomMin))
	}
	if sub != nil {
		v = max(v, st.em(mc.subShiftDown), sub.h-st.em(mc.subTopMax))
	}
	if sup != nil && sub != nil {
		gap := (u - sup.d) - (sub.h - v)
		if want := st.em(mc.subSupGapMin); gap < want {
			if up := min(want-gap, st.em(mc.supBottomMaxWithSub)-(u-sup.d)); up > 0 {
				u += up
				gap += up
			}
			if gap < want {
				v += want - gap
			}
		}
	}
	out := &box{}
	out.append(nuc)
	w := nuc.w
	if sup != nil {
		x := nuc.w
		out.place(sup, x, u)
		w = max(w, x+sup.w)
	}
	if sub != nil {
		out.place(sub, nuc.w-nuc.ic, -v)
		w = max(w, nuc.w-nuc.ic+sub.w)
	}
	out.w = w + st.em(mc.spaceAfterScript)
	return out, cl
}

// frac sets a fraction (TeXbook rule 15 with OpenType constants).
func (l *layouter) frac(n *frac, st mstyle) *box {
	mc := &l.e.mc
	display := st.display
	switch n.style {
	case 'd':
		display = true
	case 't':
		display = false
	}
	inner := st.script(mc)
	if display {
		inner = st
		inner.display = false
	}
	num := l.mathList(n.num, inner)
	inner.cramped = true
	den := l.mathList(n.den, inner)

	t := st.em(mc.ruleThickness)
	a := st.em(mc.axisHeight)
	u, v := st.em(mc.numShiftUp), st.em(mc.denShiftDown)
	gn, gd := st.em(mc.numGapMin), st.em(mc.denGapMin)
	if display {
		u, v = st.em(mc.numShiftUpDisplay), st.em(mc.denShiftDownDisplay)
		gn, gd = st.em(mc.numGapMinDisplay), st.em(mc.denGapMinDisplay)
	}
	// Like matplotlib's mathtext, stack compactly around the rule with
	// the font's minimum gaps rather than its (tall) default shifts.
	_, _ = u, v
	u = a + t/2 + 1.5*gn + num.d
	v = den.h - (a - t/2) + 1.5*gd
	pad := st.em(0.12)
	w := max(num.w, den.w)
	out := &box{w: w + 2*pad}
	out.place(num, pad+(w-num.w)/2, u)
	out.place(den, pad+(w-den.w)/2, -v)
	out.items = append(out.items, item{rect: true, x: pad, y: a - t/2, w: w, h: t})
	out.h = max(out.h, a+t/2)
	out.d = max(out.d, t/2-a)
	return out
}

// radical sets \sqrt with a vertically stretched radical sign.
func (l *layouter) radical(n *radical, st mstyle) *box {
	mc := &l.e.mc
	inner := st
	inner.cramped = true
	body := l.mathList(n.body, inner)
	t := st.em(mc.radicalRule)
	gap := st.em(mc.radicalGap)
	if st.display {
		gap = st.em(mc.radicalGapDisplay)
	}
	ref := l.find('√', chainOf(vSymbol, false), 0)
	m := l.met(ref.face, ref.gid)
	size := st.size
	have := (m.ymax - m.ymin) * size
	need := body.h + body.d + gap + t
	sy := 1.0
	if have < need {
		sy = need / have
	} else {
		gap += (have - need) / 2
	}
	top := body.h + gap + t
	dy := top - m.ymax*size*sy
	out := &box{}
	out.items = append(out.items, item{face: ref.face, gid: ref.gid, x: -m.xmin * size, y: dy, size: size, sx: 1, sy: sy})
	out.h = top + st.em(mc.radicalExtra)
	out.d = max(0, -(dy + m.ymin*size*sy))
	x := (m.xmax - m.xmin) * size
	out.place(body, x, 0)
	out.w = x + body.w + t
	overlap := t / 2
	out.items = append(out.items, item{rect: true, x: x - overlap, y: top - t, w: body.w + t + overlap, h: t})
	if len(n.degree) == 0 {
		return out
	}
	dst := st
	dst.level = 2
	dst.display = false
	dst.size = st.scaled(mc.scriptScriptScale, st.size)
	deg := l.mathList(n.degree, dst)
	kb, ka := st.em(mc.radicalKernBefore), st.em(mc.radicalKernAfter)
	res := &box{}
	y := -out.d + mc.radicalDegreeRaise*(out.h+out.d) + deg.d
	res.place(deg, kb, y)
	x0 := max(0, kb+deg.w+ka)
	res.place(out, x0, 0)
	res.w = x0 + out.w
	return res
}

// accent puts an accent glyph or an overline over a body.
func (l *layouter) accent(n *accent, st mstyle) *box {
	mc := &l.e.mc
	inner := st
	inner.cramped = true
	body := l.mathList(n.body, inner)
	out := &box{w: body.w}
	out.place(body, 0, 0)
	if n.overbar {
		t := st.em(mc.overbarRule)
		y := body.h + st.em(mc.overbarGap)
		out.items = append(out.items, item{rect: true, y: y, w: body.w, h: t})
		out.h = max(out.h, y+t+st.em(mc.overbarExtra))
		return out
	}
	ref := l.find(n.r, chSymbol, 0)
	m := l.met(ref.face, ref.gid)
	size := st.size
	sx := 1.0
	if iw := (m.xmax - m.xmin) * size; n.wide && iw > 0 && iw < body.w*0.9 {
		sx = body.w * 0.9 / iw
	}
	skew := 0.0
	if body.italic {
		skew = 0.1 * body.h
	}
	cx := body.w/2 + skew
	x := cx - (m.xmin+m.xmax)/2*size*sx
	y := max(body.h, st.em(mc.accentBaseHeight)*0.9) + st.em(0.06) - m.ymin*size
	out.items = append(out.items, item{face: ref.face, gid: ref.gid, x: x, y: y, size: size, sx: sx, sy: 1})
	out.h = max(out.h, y+m.ymax*size)
	return out
}

// text sets \text{…} in the text font, spaces kept.
func (l *layouter) text(n *textNode, st mstyle) *box {
	v := n.v
	out := &box{}
	for _, tr := range n.runes {
		if ignorable(tr.r) {
			continue
		}
		ref := l.find(tr.r, chainOf(v, st.bold), tr.off)
		out.append(l.glyphBox(ref, st.size))
	}
	out.char = false
	return out
}

// fenced sets \left … \right with delimiters stretched around the axis.
func (l *layouter) fenced(n *fenced, st mstyle) *box {
	mc := &l.e.mc
	body := l.mathList(n.body, st)
	a := st.em(mc.axisHeight)
	half := max(body.h-a, body.d+a)
	total := max(2*half*0.901, 2*half-st.em(0.5))
	delim := func(r rune) *box {
		if r == 0 {
			return &box{w: st.em(0.12)}
		}
		c := chSymbol
		if r < 0x80 {
			c = chUpright
		}
		ref := l.find(r, c, 0)
		m := l.met(ref.face, ref.gid)
		size := st.size
		ht := (m.ymax - m.ymin) * size
		sy, sx := 1.0, 1.0
		if ht > 0 && ht < total {
			sy = total / ht
			sx = min(1+(sy-1)*0.2, 1.6)
		}
		dy := a - (m.ymax+m.ymin)/2*size*sy
		return &box{
			w:     m.adv * size * sx,
			h:     dy + m.ymax*size*sy,
			d:     -(dy + m.ymin*size*sy),
			items: []item{{face: ref.face, gid: ref.gid, y: dy, size: size, sx: sx, sy: sy}},
		}
	}
	out := &box{}
	out.append(delim(n.left))
	out.append(body)
	out.append(delim(n.right))
	return out
}

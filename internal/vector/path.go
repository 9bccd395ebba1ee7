// Package vector draws gonum's vg.Canvas as SVG and as PDF with figgen's
// own path emission, so that the bytes are the same on every machine.
//
// Every coordinate is quantised to a grid of 1/100 pt (math.Round on a
// value computed with explicit float64 roundings, so that no fused
// multiply-add of arm64, ppc64le, s390x or amd64 v3 changes it) and written
// from that integer; arcs are turned into cubic Béziers here, and every
// decision (whether an arc needs a line to its start) is taken on quantised
// points. Colours are written as they are, with their alpha apart (PDF: an
// ExtGState), never pre-multiplied.
//
// The canvases implement what figgen draws: paths, colours, line widths,
// dashes and transforms. Text must be drawn as outlines (FillString is an
// error) and images are not supported.
//
// The SVG is short: path data written from the quantised points, each
// segment absolute or relative, whichever is shorter (pathdata.go), and
// each distinct glyph outline once in <defs>, placed by <use> wherever it
// is drawn, in the colour of its place (SVG.FillGlyph).
package vector

import (
	"math"
	"strconv"

	"gonum.org/v1/plot/vg"
)

// grid is the number of quantisation steps per point.
const grid = 100

// limit bounds a quantised coordinate, in points: far beyond any canvas,
// and small enough that every value is an exact integer of the grid.
const limit = 1 << 30

// fixed is a length in hundredths of a point.
type fixed int64

// quant returns v in hundredths of a point, rounded half away from zero.
//
// It rounds twice: first to a millionth of a point, then that integer to the
// grid. Geometry computed with or without a fused multiply-add differs in
// the last bits, and a value that is round in decimal (174.185, from a
// tick at a round fraction of an axis) lies on a rounding boundary of the
// grid, where those bits would decide; the first rounding makes both
// computations the same integer before the second decides. NaN is 0 and
// infinities are clamped, so that no conversion to an integer depends on
// the machine.
func quant(v float64) fixed {
	switch {
	case v != v:
		return 0
	case v > limit:
		v = limit
	case v < -limit:
		v = -limit
	}
	const fine = 1e6 / grid // millionths per grid step
	n := int64(math.Round(float64(v * 1e6)))
	if n < 0 {
		return -fixed((-n + fine/2) / fine)
	}
	return fixed((n + fine/2) / fine)
}

// String writes f in points with at most two decimals and no trailing
// zeros: 12, 12.5, -0.05.
func (f fixed) String() string { return decimal(int64(f), 2) }

// decimal writes n/10^places with no trailing zeros.
func decimal(n int64, places int) string {
	var b [24]byte
	return string(appendDecimal(b[:0], n, places))
}

// appendDecimal appends decimal(n, places) to b. Every coordinate of an
// SVG or PDF goes through it: one string a number, not four.
func appendDecimal(b []byte, n int64, places int) []byte {
	neg := n < 0
	if neg {
		n = -n
	}
	p := int64(1)
	for range places {
		p *= 10
	}
	whole, frac := n/p, n%p
	if neg && n != 0 {
		b = append(b, '-')
	}
	b = strconv.AppendInt(b, whole, 10)
	if frac != 0 {
		digits := places
		for frac%10 == 0 {
			frac /= 10
			digits--
		}
		b = append(b, '.')
		for range digits { // zero-padded
			b = append(b, '0')
		}
		for i := len(b) - 1; frac > 0; i-- {
			b[i] = byte('0' + frac%10)
			frac /= 10
		}
	}
	return b
}

// pt is a quantised point.
type pt struct{ x, y fixed }

func qpt(x, y float64) pt { return pt{quant(x), quant(y)} }

func qpoint(p vg.Point) pt { return qpt(float64(p.X), float64(p.Y)) }

// seg is one quantised path segment: op is 'M', 'L', 'Q' (p[0] control,
// p[1] end), 'C' (p[0], p[1] controls, p[2] end) or 'Z'.
type seg struct {
	op byte
	p  [3]pt
}

// maxArcStep is the largest angle one cubic Bézier stands for: a quarter
// circle, whose radius errs by less than 0.03 %.
const maxArcStep = math.Pi / 2

// segments returns path as quantised segments, arcs as cubic Béziers. An
// arc starts with a line from the current point to the arc's start when
// the two differ on the grid (a move when there is no current point), as
// gonum's raster canvas draws it.
func segments(path vg.Path) []seg { return appendSegments(make([]seg, 0, len(path)), path) }

// appendSegments appends the segments of path to out.
func appendSegments(out []seg, path vg.Path) []seg {
	var cur, start pt
	has := false
	for _, c := range path {
		switch c.Type {
		case vg.MoveComp:
			cur = qpoint(c.Pos)
			start, has = cur, true
			out = append(out, seg{op: 'M', p: [3]pt{cur}})
		case vg.LineComp:
			cur = qpoint(c.Pos)
			if !has {
				start, has = cur, true
				out = append(out, seg{op: 'M', p: [3]pt{cur}})
				continue
			}
			out = append(out, seg{op: 'L', p: [3]pt{cur}})
		case vg.CurveComp:
			s := seg{op: 'Q'}
			switch len(c.Control) {
			case 1:
				s.p[0], s.p[1] = qpoint(c.Control[0]), qpoint(c.Pos)
			case 2:
				s.op = 'C'
				s.p[0], s.p[1], s.p[2] = qpoint(c.Control[0]), qpoint(c.Control[1]), qpoint(c.Pos)
			default:
				continue // gonum's canvases panic; draw nothing
			}
			if !has {
				start, has = cur, true
				out = append(out, seg{op: 'M', p: [3]pt{cur}})
			}
			cur = qpoint(c.Pos)
			out = append(out, s)
		case vg.ArcComp:
			out = arc(out, c, &cur, &start, &has)
		case vg.CloseComp:
			if has {
				out = append(out, seg{op: 'Z'})
				cur = start
			}
		}
	}
	return out
}

// arc appends the arc c as cubic Béziers, each of at most maxArcStep.
func arc(out []seg, c vg.PathComp, cur, start *pt, has *bool) []seg {
	cx, cy, r := float64(c.Pos.X), float64(c.Pos.Y), float64(c.Radius)
	a0, da := c.Start, c.Angle
	if da != da || a0 != a0 || math.IsInf(da, 0) || math.IsInf(a0, 0) {
		return out
	}
	// At most a few turns: more draws nothing new.
	da = math.Max(-8*math.Pi, math.Min(8*math.Pi, da))
	on := func(a float64) pt {
		s, co := math.Sincos(a)
		return qpt(cx+float64(r*co), cy+float64(r*s))
	}
	p0 := on(a0)
	switch {
	case !*has:
		*start, *has = p0, true
		out = append(out, seg{op: 'M', p: [3]pt{p0}})
	case p0 != *cur:
		out = append(out, seg{op: 'L', p: [3]pt{p0}})
	}
	*cur = p0
	n := int(math.Ceil(math.Abs(da) / maxArcStep))
	if n == 0 {
		return out
	}
	step := da / float64(n)
	// The control points lie k·r along the tangents at both ends.
	k := float64(4.0/3.0) * math.Tan(step/4)
	kr := float64(k * r)
	for i := range n {
		b0 := a0 + float64(step*float64(i))
		b1 := a0 + float64(step*float64(i+1))
		s0, c0 := math.Sincos(b0)
		s1, c1 := math.Sincos(b1)
		x0, y0 := cx+float64(r*c0), cy+float64(r*s0)
		x1, y1 := cx+float64(r*c1), cy+float64(r*s1)
		end := qpt(x1, y1)
		out = append(out, seg{op: 'C', p: [3]pt{
			qpt(x0-float64(kr*s0), y0+float64(kr*c0)),
			qpt(x1+float64(kr*s1), y1-float64(kr*c1)),
			end,
		}})
		*cur = end
	}
	return out
}

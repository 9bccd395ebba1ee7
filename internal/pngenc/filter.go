package pngenc

import (
	"compress/flate"
	"io"
)

// filterRule says how each row is filtered.
type filterRule uint8

const (
	filterNone filterRule = iota // every row unfiltered
	filterSub
	filterUp
	filterAverage
	filterPaeth
	filterMinSum // per row, the filter whose bytes sum least as signed values (libpng's rule)
)

// PNG filter types, as written before each row.
const (
	ftNone = iota
	ftSub
	ftUp
	ftAverage
	ftPaeth
)

// filterRows writes the image's rows, each with its filter byte, to w.
func (st *state) filterRows(rule filterRule, w io.Writer) {
	rb := st.rowBytes
	for i := range st.cur {
		if cap(st.cur[i]) < rb+1 {
			st.cur[i] = make([]byte, rb+1)
		}
		st.cur[i] = st.cur[i][:rb+1]
		st.cur[i][0] = byte(i)
	}
	for i := range st.row {
		if cap(st.row[i]) < rb {
			st.row[i] = make([]byte, rb)
		}
		st.row[i] = st.row[i][:rb]
	}
	prev, row := st.row[0], st.row[1]
	clear(prev) // the row above the first is zeros
	for y := range st.px.h {
		if rule == filterNone {
			// Converted straight after the filter byte.
			out := st.cur[ftNone]
			convertRow(out[1:], st.px, y, st.an, st.ct)
			w.Write(out)
			continue
		}
		convertRow(row, st.px, y, st.an, st.ct)
		ft := int(rule) // the rules up to filterPaeth are the PNG filter types
		if rule == filterMinSum {
			ft = st.minSum(row, prev, st.bpp)
		} else {
			apply(ft, st.cur[ft][1:], row, prev, st.bpp)
		}
		w.Write(st.cur[ft])
		prev, row = row, prev
	}
}

// minSum filters row every way into st.cur and returns the filter whose
// bytes, read as signed, sum least in absolute value.
func (st *state) minSum(row, prev []byte, bpp int) int {
	best, bestSum := 0, -1
	for ft := ftNone; ft <= ftPaeth; ft++ {
		out := st.cur[ft][1:]
		apply(ft, out, row, prev, bpp)
		sum := 0
		for _, b := range out {
			sum += abs8(b)
		}
		if bestSum < 0 || sum < bestSum {
			best, bestSum = ft, sum
		}
	}
	return best
}

func abs8(b byte) int {
	if b < 128 {
		return int(b)
	}
	return 256 - int(b)
}

// apply writes row filtered by ft to out.
func apply(ft int, out, row, prev []byte, bpp int) {
	n := len(row)
	switch ft {
	case ftNone:
		copy(out, row)
	case ftSub:
		copy(out[:bpp], row[:bpp])
		for i := bpp; i < n; i++ {
			out[i] = row[i] - row[i-bpp]
		}
	case ftUp:
		for i := range n {
			out[i] = row[i] - prev[i]
		}
	case ftAverage:
		for i := range bpp {
			out[i] = row[i] - prev[i]/2
		}
		for i := bpp; i < n; i++ {
			out[i] = row[i] - byte((int(row[i-bpp])+int(prev[i]))/2)
		}
	case ftPaeth:
		for i := range bpp {
			out[i] = row[i] - prev[i]
		}
		for i := bpp; i < n; i++ {
			out[i] = row[i] - paeth(row[i-bpp], prev[i], prev[i-bpp])
		}
	}
}

// paeth is the Paeth predictor of PNG.
func paeth(a, b, c uint8) uint8 {
	pc := int(c)
	pa := int(b) - pc
	pb := int(a) - pc
	pc = pa + pb
	if pa < 0 {
		pa = -pa
	}
	if pb < 0 {
		pb = -pb
	}
	if pc < 0 {
		pc = -pc
	}
	if pa <= pb && pa <= pc {
		return a
	} else if pb <= pc {
		return b
	}
	return c
}

// optimize returns the smaller of two filterings of raw (none, and
// libpng's adaptive rule), each deflated at the highest level.
func optimize(st *state) []byte {
	var best []byte
	for _, rule := range []filterRule{filterNone, filterMinSum} {
		out := st.deflate(flate.BestCompression, rule)
		if best == nil || len(out) < len(best) {
			best = append(best[:0], out...)
		}
	}
	return best
}

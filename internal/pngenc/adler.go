package pngenc

import "encoding/binary"

// adler32Of returns the Adler-32 checksum of data (RFC 1950), as
// hash/adler32 does, 32 bytes a step: the bytes' sum and their sum
// weighted 32, 31, …, 1 are found by multiplying 16-bit lanes of 64-bit
// words (no lane can carry into the next).
func adler32Of(data []byte) uint32 {
	const (
		mod = 65521
		// chunk is the bytes summed before the sums are reduced: s2
		// stays far below 2^64.
		chunk = 1 << 20
		lanes = 0x00ff00ff00ff00ff
		ones  = 0x0001000100010001
		odd   = 0x0007000500030001 // weights of bytes 1, 3, 5, 7
		even  = 0x0008000600040002 // weights of bytes 0, 2, 4, 6
	)
	s1, s2 := uint64(1), uint64(0)
	for len(data) > 0 {
		n := min(len(data), chunk)
		p := data[:n]
		data = data[n:]
		// s1s is the sum of s1 at each step of 32 bytes, added to s2
		// 32 times over when the chunk ends.
		var s1s, w uint64
		for len(p) >= 32 {
			x0 := binary.LittleEndian.Uint64(p)
			x1 := binary.LittleEndian.Uint64(p[8:])
			x2 := binary.LittleEndian.Uint64(p[16:])
			x3 := binary.LittleEndian.Uint64(p[24:])
			p = p[32:]
			e0, o0 := x0&lanes, x0>>8&lanes
			e1, o1 := x1&lanes, x1>>8&lanes
			e2, o2 := x2&lanes, x2>>8&lanes
			e3, o3 := x3&lanes, x3>>8&lanes
			s1s += s1
			// word i's bytes weigh 8·(3-i) more than word 3's, 8…1; the
			// lanes stay under 2^16
			t := 3*(e0+o0) + 2*(e1+o1) + (e2 + o2)
			w += ((e0+e1+e2+e3)*even+(o0+o1+o2+o3)*odd)>>48 + 8*(t*ones>>48)
			s1 += (e0 + o0 + e1 + o1 + e2 + o2 + e3 + o3) * ones >> 48
		}
		s2 += 32*s1s + w
		for _, b := range p {
			s1 += uint64(b)
			s2 += s1
		}
		s1 %= mod
		s2 %= mod
	}
	return uint32(s2<<16 | s1)
}

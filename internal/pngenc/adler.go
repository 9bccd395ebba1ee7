package pngenc

import "encoding/binary"

// adler32Of returns the Adler-32 checksum of data (RFC 1950), as
// hash/adler32 does, eight bytes a step: the sum of the eight bytes and
// their sum weighted 8, 7, …, 1 are found by multiplying their 16-bit
// lanes (no lane can carry into the next).
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
		// s1s is the sum of s1 at each step of 16 bytes, added to s2
		// 16 times over when the chunk ends.
		var s1s, w uint64
		for len(p) >= 16 {
			x, y := binary.LittleEndian.Uint64(p), binary.LittleEndian.Uint64(p[8:])
			ex, ox := x&lanes, x>>8&lanes
			ey, oy := y&lanes, y>>8&lanes
			s1s += s1
			// bytes 0-7 of x weigh 16-9, of y 8-1
			w += ((ex+ey)*even + (ox+oy)*odd + (ex+ox)*(8*ones)) >> 48
			s1 += (ex + ox + ey + oy) * ones >> 48
			p = p[16:]
		}
		s2 += 16*s1s + w
		for _, b := range p {
			s1 += uint64(b)
			s2 += s1
		}
		s1 %= mod
		s2 %= mod
	}
	return uint32(s2<<16 | s1)
}

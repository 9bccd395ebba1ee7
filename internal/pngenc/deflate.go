package pngenc

import (
	"encoding/binary"
	"math"
	"math/bits"
)

// This file is a zlib (RFC 1950) DEFLATE (RFC 1951) compressor made for
// the rows of figures: large flat areas, runs of one colour, rows much
// like the one above them, and glyphs repeated here and there. Matches
// are looked for in a fixed order: the pixel before (a run), the same
// pixel in the row above (what PNG's Up filter would catch), then a short
// hash chain. The tokens of the whole image (up to maxTokens) are split
// into blocks where their statistics change, each with its own Huffman
// codes, or fixed codes, or stored, whichever is shortest.
//
// The default parse (parseCheap) takes a match of cheapLong bytes or more
// whole, at once, as soon as it finds one: the flat areas and long runs,
// most of a figure's bytes, cost one search a match. The stretches
// between such matches (text, curves, edges) it parses for the fewest
// bits, by a shortest path over their positions: each position's edges
// are a literal and its few candidate matches (the pixel before, the row
// above, one found through where the run at the position ends, the
// longest of the hash chain) at each length they reach, priced
// by a model of the symbols' costs (-log2 of their frequency, in integer
// fixed point) of the tokens written so far in the image, set again
// every cheapPrice tokens. Inside a match the position after
// inherits its matches one shorter and is not searched again (only its
// longest lengths weighed): as many searches as a lazy parse makes. Of
// the positions inside matches longer than fastInsert, only those after
// a break of a run enter the hash chains (see insertBreaks).
//
// The optimizing parse instead finds, by dynamic programming over each
// window of the input, the tokens of least cost under a model of the
// symbols' costs taken from the previous parse, a few times over
// (the way zopfli does).

const (
	minMatch   = 3
	maxMatch   = 258
	windowSize = 1 << 15
	windowMask = windowSize - 1
	hashBits   = 15
	hashSize   = 1 << hashBits
	// maxTokens is about how many tokens are held before they are
	// written as blocks: 1 MiB of them, all of a figure's.
	maxTokens = 1 << 18
	// optWindow is the input the optimal parse looks at at once; its
	// arrays take 8 bytes for every byte of it.
	optWindow = 1 << 18
)

// A token is a literal byte (below matchFlag) or a match: matchFlag,
// length-3 in bits 16-23, distance-1 in bits 0-14.
type token uint32

const matchFlag = 1 << 31

// rawLen returns how many bytes of input toks stand for.
func rawLen(toks []token) int {
	n := len(toks)
	for _, t := range toks {
		// a match's length less one, without a branch: a literal's
		// bits 16-23 are 0 and its flag is 0
		n += int(t>>31) * int(t>>16&0xff+minMatch-1)
	}
	return n
}

func matchToken(l, d int) token { return token(matchFlag | uint32(l-minMatch)<<16 | uint32(d-1)) }
func (t token) isMatch() bool   { return t&matchFlag != 0 }
func (t token) length() int     { return int(t>>16&0xff) + minMatch }
func (t token) dist() int       { return int(t&0x7fff) + 1 }

// deflater holds a compressor's memory, reused from image to image.
type deflater struct {
	data        []byte // the input
	bpp, stride int    // distances of the pixel before and of the one above
	// The hash chains hold positions + 1 (0: none) modulo 2^32: a link's
	// distance is the difference, modulo 2^32, and every match is
	// checked against the data.
	head []uint32 // hash → last position with it + 1
	prev []uint32 // position & windowMask → the position before it with its hash + 1
	toks []token
	syms []uint16 // z.toks' symbols (see symbols), for the fast path's blocks
	bw   bitWriter
	hs   huffScratch
	blk  blockCodes
	blk2 blockCodes // other codes weighed against blk
	// the optimal parse's arrays, optWindow+1 long
	cost    []int64
	edgeLen []uint16
	edgeDst []uint16
	cands   []cand
	// the default parse's state (see parseCheap)
	cheap cheapState
	// the hash chains as they were before the window
	saveHead, savePrev []uint32
	rev                []token
	model              costModel
	split              []int
	// the run at runPos (see runAt)
	runPos, run int
	// the match with the pixel before at bppPos, as findFast found it
	bppPos, bppLen int
	keyPos, keyVal int
	hist           histogram
	segs           [splitSegs]histogram
	// the fast path's blocks as the splitter weighed them: costs, and
	// the first token and cost (index in costs) of each block kept
	costs      []blockCost
	leafStart  []int
	leafCostAt []int
}

// cand is a match the optimal parse weighs: its length and distance, and
// the cheapest distance (and its cost) of it and the longer ones after it.
type cand struct {
	l, d, cd int
	c        int64
}

// compress returns data as a zlib stream, appended to dst. bpp and stride
// are the distances from a byte to the same byte of the pixel before and
// of the row above.
func (z *deflater) compress(dst, data []byte, bpp, stride int, optimize bool) []byte {
	z.start(data, bpp, stride)
	z.bw = bitWriter{out: dst}
	if optimize {
		z.bw.out = append(z.bw.out, 0x78, 0xda)
	} else {
		z.bw.out = append(z.bw.out, 0x78, 0x01)
	}
	tokStart := 0 // the input position of z.toks[0]
	flush := func(p int, final bool) {
		z.writeBlocks(tokStart, final, optimize)
		z.toks = z.toks[:0]
		tokStart = p
	}
	if optimize {
		// Each block of the fast parse is parsed again with costs of its
		// own.
		ranges := z.rawBlocks()
		clear(z.head)
		clear(z.prev)
		z.toks = z.toks[:0]
		for i, s := range ranges {
			e := len(data)
			if i+1 < len(ranges) {
				e = ranges[i+1]
			}
			for p := s; p < e; {
				end := min(p+optWindow, e)
				if len(z.toks) >= maxTokens {
					flush(p, false)
				}
				z.parseOptimal(p, end)
				p = end
			}
		}
	} else {
		z.startCheap()
		p := 0
		for p < len(data) {
			p = z.parseCheap(p)
			if p < len(data) {
				flush(p, false)
			}
		}
	}
	flush(len(data), true)
	z.bw.align()
	z.bw.out = binary.BigEndian.AppendUint32(z.bw.out, adler32Of(data))
	out := z.bw.out
	z.bw.out = nil
	z.data = nil
	return out
}

// start makes z begin a new input: no tokens, empty hash chains, no
// runs or keys known.
func (z *deflater) start(data []byte, bpp, stride int) {
	z.data, z.bpp, z.stride = data, bpp, stride
	if z.head == nil {
		z.head = make([]uint32, hashSize)
		z.prev = make([]uint32, windowSize)
	}
	// Cleared even when new: the chains' pages are then written before
	// they are read. A page of fresh memory read first is mapped to the
	// kernel's page of zeros, and its first write then costs a second
	// fault and a flush of the TLB of every core that runs the process.
	clear(z.head)
	clear(z.prev)
	z.runPos, z.run = -2, 0
	z.bppPos = -1
	z.keyPos = -1
	z.toks = z.toks[:0]
}

// rawBlocks returns where the blocks of the fast parse start in the
// input.
func (z *deflater) rawBlocks() []int {
	var starts []int
	for p := 0; p < len(z.data); {
		z.toks = z.toks[:0]
		q := z.parseFast(p)
		toks := z.toks
		z.split = append(z.split[:0], 0, len(toks))
		z.splitRange(0, len(toks), z.blockBits(toks), true)
		bounds := z.split[2:]
		sortInts(bounds)
		starts = append(starts, p)
		raw, prev := p, 0
		for _, b := range bounds {
			raw += rawLen(toks[prev:b])
			starts = append(starts, raw)
			prev = b
		}
		p = q
	}
	return starts
}

// key returns the hash chain of position p (p+4 ≤ len(data)): its first
// four bytes and how long the bytes from it repeat those one pixel
// before (the run it starts). Positions whose runs differ in length match
// no further than the run itself does, from the pixel before: a chain
// of positions of one run length holds only those that can do better,
// where a chain of four bytes alone would be full of the positions of
// flat areas, all alike.
//
// The key of keyPos is kept: findFast and insert ask for the same
// position's in turn.
func (z *deflater) key(p int) int {
	if p == z.keyPos {
		return z.keyVal
	}
	z.keyPos, z.keyVal = p, runKey(z.data, p, z.runAt(p))
	return z.keyVal
}

// runKey is the hash of the three bytes at p and their run r.
func runKey(data []byte, p, r int) int {
	v := binary.LittleEndian.Uint32(data[p:])&0xffffff ^ uint32(r)*0x9e3779b1
	return int((v * 0x1e35a7bd) >> (32 - hashBits))
}

// runAt returns how many bytes from p+bpp on equal those bpp before them
// (the run the pixel at p starts, up to maxMatch), from the run at the
// position before when it is known.
func (z *deflater) runAt(p int) int {
	if p == z.runPos {
		return z.run
	}
	if p == z.runPos+1 && z.run > 0 {
		z.runPos, z.run = p, z.run-1
		if z.run < maxMatch-1 {
			return z.run
		}
	}
	r := 0
	if p+z.bpp < len(z.data) {
		// The match with the pixel before at p, when findFast measured
		// it, is that run but bpp longer: exactly so if it ended before
		// its limit, at least so otherwise.
		known := 0
		if p == z.bppPos && z.bppLen >= z.bpp {
			known = z.bppLen - z.bpp
			if z.bppLen < min(maxMatch, len(z.data)-p) {
				z.runPos, z.run = p, known
				return known
			}
		}
		r = known + matchLen(z.data[p+z.bpp+known:min(len(z.data), p+z.bpp+maxMatch)], z.data[p+known:])
	}
	z.runPos, z.run = p, r
	return r
}

// insert enters position p in the hash chains (p+4 ≤ len(data)).
func (z *deflater) insert(p int) {
	h := z.key(p)
	z.prev[p&windowMask] = z.head[h]
	z.head[h] = uint32(p + 1)
}

// matchLen returns how many bytes a and b have in common at their start;
// b is at least as long as a.
func matchLen(a, b []byte) int {
	n := 0
	for len(a)-n >= 8 {
		if x := binary.LittleEndian.Uint64(a[n:]) ^ binary.LittleEndian.Uint64(b[n:]); x != 0 {
			return n + bits.TrailingZeros64(x)>>3
		}
		n += 8
	}
	for n < len(a) && a[n] == b[n] {
		n++
	}
	return n
}

// The fast parse's limits: how many hash chain links are followed, the
// match length that ends a search, the length under which the next
// position is tried too (lazy matching), and the longest match whose
// positions all enter the hash chains.
const (
	fastChain  = 8
	fastNice   = 64
	fastLazy   = 32
	fastInsert = 32
	// tooFar is the distance beyond which a match of 3 bytes costs more
	// than its literals.
	tooFar = 4096
)

// chainMatch returns the longest match at p longer than best, from p's
// hash chain, its distance (0: none longer) and the links it followed. a
// is data[p:], as long as a match may be; the search follows at most
// links links, and ends at a match of nice bytes or of all of a.
func (z *deflater) chainMatch(p int, a []byte, best, links, nice int) (int, int, int) {
	return z.chainFrom(p, p, z.key(p), a, best, links, nice)
}

// keyOf is key(p) without its caches (of the key and of runAt), which
// stay those of the position being parsed.
func (z *deflater) keyOf(p int) int {
	data := z.data
	r := 0
	if p+z.bpp < len(data) {
		r = matchLen(data[p+z.bpp:min(len(data), p+z.bpp+maxMatch)], data[p:])
	}
	return runKey(data, p, r)
}

// breakMatch is chainMatch through the hash chain of e, a position after
// p: each position there that has e's key is tried at the same distance
// from p.
func (z *deflater) breakMatch(p, e int, a []byte, best, links int) (int, int, int) {
	return z.chainFrom(p, e, z.keyOf(e), a, best, links, maxMatch)
}

// chainFrom follows the hash chain h, that of position e (e ≥ p), for
// chainMatch and breakMatch.
func (z *deflater) chainFrom(p, e, h int, a []byte, best, links, nice int) (int, int, int) {
	data := z.data
	bestD := 0
	c := z.head[h]
	n := 0
	for ; c > 0 && n < links; n++ {
		d := int(uint32(e+1) - c)
		if uint(d-1) >= windowSize || d > p {
			break
		}
		q := p - d
		// d > e-p: the position found lies before p
		if d > e-p && data[q+best] == a[best] {
			if l := matchLen(a, data[q:]); l > best {
				best, bestD = l, d
				if l >= nice || l == len(a) {
					break
				}
			}
		}
		c = z.prev[(e-d)&windowMask]
	}
	return best, bestD, n
}

// insertBreaks enters in the hash chains, within [a, b), the first
// position after each break of a run (a byte unlike the one bpp after
// it), once a pixel: the positions breakMatch looks up. takeWhole calls
// it for the positions of a long match, which are not entered otherwise.
// A match with the pixel before has no break inside.
func (z *deflater) insertBreaks(a, b, d int) {
	data, bpp := z.data, z.bpp
	if d == bpp || a+bpp >= b {
		return
	}
	q := a + matchLen(data[a:b-bpp], data[a+bpp:]) // the first break
	for e := q + bpp; e < b; e = q + bpp {
		// e's run, as runAt finds it, ends at the next break, unless it
		// is as long as a run is measured
		r := 0
		if e+bpp < len(data) {
			r = matchLen(data[e+bpp:min(len(data), e+bpp+maxMatch)], data[e:])
		}
		h := runKey(data, e, r)
		z.prev[e&windowMask] = z.head[h]
		z.head[h] = uint32(e + 1)
		q = e + r
		if r == maxMatch && q < b-bpp {
			q += matchLen(data[q:b-bpp], data[q+bpp:])
		}
	}
}

// matchStart returns data[p:] as long as a match at p may be (nil when
// shorter than minMatch) and the length of its match with the pixel
// before (0 when p has none), which it keeps for runAt.
func (z *deflater) matchStart(p int) ([]byte, int) {
	maxL := min(maxMatch, len(z.data)-p)
	if maxL < minMatch {
		return nil, 0
	}
	a := z.data[p : p+maxL]
	l := 0
	if d := z.bpp; p >= d {
		l = matchLen(a, z.data[p-d:])
		z.bppPos, z.bppLen = p, l
	}
	return a, l
}

// findFast returns the longest match at p (0 if none): the pixel before,
// the row above, then the hash chain.
func (z *deflater) findFast(p int) (int, int) {
	data := z.data
	a, l := z.matchStart(p)
	if a == nil {
		return 0, 0
	}
	maxL := len(a)
	best, bestD := 0, 0
	if l > 0 {
		best, bestD = l, z.bpp
	}
	if d := z.stride; best < maxL && p >= d && d <= windowSize {
		if l := matchLen(a, data[p-d:]); l > best {
			best, bestD = l, d
		}
	}
	if best < fastNice && best < maxL && maxL >= 4 {
		if l, d, _ := z.chainMatch(p, a, best, fastChain, fastNice); d > 0 {
			best, bestD = l, d
		}
	}
	if best == minMatch && bestD > tooFar {
		return 0, 0
	}
	return best, bestD
}

// parseFast appends the tokens from p on to z.toks, until the input or
// the room for tokens ends, and returns where it stopped.
func (z *deflater) parseFast(p int) int {
	data := z.data
	n := len(data)
	l, d := z.findFast(p)
	for p < n && len(z.toks) < maxTokens {
		if l < minMatch {
			z.toks = append(z.toks, token(data[p]))
			if p+4 <= n {
				z.insert(p)
			}
			p++
			if p < n {
				l, d = z.findFast(p)
			}
			continue
		}
		if l < fastLazy && p+1 < n {
			if p+4 <= n {
				z.insert(p)
			}
			l2, d2 := z.findFast(p + 1)
			if l2 > l {
				z.toks = append(z.toks, token(data[p]))
				p++
				l, d = l2, d2
				continue
			}
		} else if p+4 <= n {
			z.insert(p)
		}
		z.toks = append(z.toks, matchToken(l, d))
		if l <= fastInsert {
			for q := p + 1; q < p+l && q+4 <= n; q++ {
				z.insert(q)
			}
		}
		p += l
		if p < n {
			l, d = z.findFast(p)
		}
	}
	return p
}

// histogram counts the symbols of some tokens.
type histogram struct {
	lit  [numLitLen]int32
	dist [numDist]int32
}

// symbols sets z.syms to the symbols of z.toks: the literal or length
// symbol in the low 9 bits, the distance symbol above (from noDist on for a
// literal), so that counting them takes no branch.
func (z *deflater) symbols() {
	syms := z.syms[:0]
	for _, t := range z.toks {
		if t.isMatch() {
			syms = append(syms, uint16(257+lengthCode(t.length()))|uint16(distCode(t.dist()))<<9)
		} else {
			syms = append(syms, uint16(t)|(noDist+uint16(t)&31)<<9)
		}
	}
	z.syms = syms
}

// noDist is where the distance symbols of literals begin in z.syms:
// noDist plus the literal's low 5 bits, so that counting a run of
// literals does not wait on one counter.
const noDist = 32

// addSyms counts symbols from z.syms.
func (h *histogram) addSyms(syms []uint16) {
	var dist [64]int32
	for _, s := range syms {
		h.lit[s&511]++
		dist[s>>9]++
	}
	for i := range h.dist {
		h.dist[i] += dist[i]
	}
}

func (h *histogram) add(toks []token) {
	for _, t := range toks {
		if t.isMatch() {
			h.lit[257+lengthCode(t.length())]++
			h.dist[distCode(t.dist())]++
		} else {
			h.lit[t]++
		}
	}
}

// blockCodes is a dynamic block's codes and header.
type blockCodes struct {
	litLens  [288]uint8 // 286 and 287 only in fixed codes
	distLens [numDist]uint8
	litCodes [288]uint16
	dstCodes [numDist]uint16
	clLens   [numCodeLen]uint8
	clCodes  [numCodeLen]uint16
	rle      []uint16 // code length symbols, with extra bits in the high byte
	hlit     int
	hdist    int
	hclen    int
}

// build sets the codes for h (whose end of block count must be set) and
// returns the bits of the header and of the data.
func (b *blockCodes) build(h *histogram, sc *huffScratch) (header, body int) {
	huffLengths(h.lit[:], 15, b.litLens[:numLitLen], sc)
	b.litLens[286], b.litLens[287] = 0, 0
	huffLengths(h.dist[:], 15, b.distLens[:], sc)
	return b.finish(h, sc)
}

// buildSmooth is build with the codes of h's counts evened out (see
// smoothCounts): longer runs of equal code lengths, a shorter header,
// sometimes shorter in all. The bits are still those of h's symbols.
func (b *blockCodes) buildSmooth(h *histogram, sc *huffScratch) (header, body int) {
	var lit [numLitLen]int32
	var dist [numDist]int32
	smoothCounts(lit[:], h.lit[:])
	smoothCounts(dist[:], h.dist[:])
	huffLengths(lit[:], 15, b.litLens[:numLitLen], sc)
	b.litLens[286], b.litLens[287] = 0, 0
	huffLengths(dist[:], 15, b.distLens[:], sc)
	return b.finish(h, sc)
}

// finish sets the header that sends b's code lengths and returns its
// bits and those of h's symbols in b's codes.
func (b *blockCodes) finish(h *histogram, sc *huffScratch) (header, body int) {
	b.hlit = numLitLen
	for b.hlit > 257 && b.litLens[b.hlit-1] == 0 {
		b.hlit--
	}
	b.hdist = numDist
	for b.hdist > 1 && b.distLens[b.hdist-1] == 0 {
		b.hdist--
	}
	// the lengths, run-length coded
	var all [numLitLen + numDist]uint8
	n := copy(all[:], b.litLens[:b.hlit])
	n += copy(all[n:], b.distLens[:b.hdist])
	lens := all[:n]
	b.rle = b.rle[:0]
	var clFreq [numCodeLen]int32
	emit := func(sym, extra int) {
		b.rle = append(b.rle, uint16(sym)|uint16(extra)<<8)
		clFreq[sym]++
	}
	for i := 0; i < len(lens); {
		v := lens[i]
		run := 1
		for i+run < len(lens) && lens[i+run] == v {
			run++
		}
		i += run
		if v == 0 {
			for run >= 11 {
				r := min(run, 138)
				emit(18, r-11)
				run -= r
			}
			if run >= 3 {
				emit(17, run-3)
				run = 0
			}
		} else {
			emit(int(v), 0)
			run--
			for run >= 3 {
				r := min(run, 6)
				emit(16, r-3)
				run -= r
			}
		}
		for ; run > 0; run-- {
			emit(int(v), 0)
		}
	}
	huffLengths(clFreq[:], 7, b.clLens[:], sc)
	b.hclen = numCodeLen
	for b.hclen > 4 && b.clLens[codeLenOrder[b.hclen-1]] == 0 {
		b.hclen--
	}
	header = 3 + 5 + 5 + 4 + 3*b.hclen
	for _, r := range b.rle {
		sym := r & 0xff
		header += int(b.clLens[sym])
		switch sym {
		case 16:
			header += 2
		case 17:
			header += 3
		case 18:
			header += 7
		}
	}
	for s, f := range h.lit {
		body += int(f) * int(b.litLens[s])
		if s > 256 {
			body += int(f) * int(lengthExtra[s-257])
		}
	}
	for s, f := range h.dist {
		body += int(f) * (int(b.distLens[s]) + int(distExtra[s]))
	}
	return header, body
}

// fixedBits returns the bits h takes in a block of fixed codes.
func fixedBits(h *histogram) int {
	n := 3
	for s, f := range h.lit {
		l := 8
		switch {
		case s >= 144 && s < 256:
			l = 9
		case s >= 256 && s < 280:
			l = 7
		}
		if s > 256 {
			l += int(lengthExtra[s-257])
		}
		n += int(f) * l
	}
	for s, f := range h.dist {
		n += int(f) * (5 + int(distExtra[s]))
	}
	return n
}

// blockBits estimates the bits of toks as one dynamic block.
func (z *deflater) blockBits(toks []token) int {
	h := &z.hist
	*h = histogram{}
	h.add(toks)
	h.lit[endOfBlock] = 1
	hd, body := z.blk.build(h, &z.hs)
	return hd + body
}

// writeBlocks writes z.toks, which start at input position start, as
// blocks split where that makes them shorter.
func (z *deflater) writeBlocks(start int, final, thorough bool) {
	toks := z.toks
	z.split = append(z.split[:0], 0, len(toks))
	if thorough {
		z.splitRange(0, len(toks), z.blockBits(toks), true)
	} else {
		z.symbols()
		z.costs, z.leafStart, z.leafCostAt = z.costs[:0], z.leafStart[:0], z.leafCostAt[:0]
		z.splitFast(0, len(toks), -1, -1)
	}
	// z.split holds the boundaries, unordered after the first two.
	bounds := z.split[2:]
	sortInts(bounds)
	raw := start
	prev := 0
	bounds = append(bounds, len(toks))
	leaf := 0 // z.leafStart is in order: splitFast makes the left leaves first
	for i, b := range bounds {
		n := rawLen(toks[prev:b])
		var syms []uint16
		var cost *blockCost
		if !thorough {
			syms = z.syms[prev:b]
			for leaf < len(z.leafStart) && z.leafStart[leaf] < prev {
				leaf++
			}
			if leaf < len(z.leafStart) && z.leafStart[leaf] == prev && z.leafCostAt[leaf] >= 0 {
				cost = &z.costs[z.leafCostAt[leaf]]
			}
		}
		z.writeBlock(toks[prev:b], syms, cost, z.data[raw:raw+n], final && i == len(bounds)-1)
		raw += n
		prev = b
	}
	z.split = bounds[:0]
}

func sortInts(a []int) {
	for i := 1; i < len(a); i++ {
		for j := i; j > 0 && a[j] < a[j-1]; j-- {
			a[j], a[j-1] = a[j-1], a[j]
		}
	}
}

// minSplit is the fewest tokens a block is split into.
const minSplit = 64

// splitRange splits toks[a:b], of cost bits as one block, in two where
// that saves most, and so on in each part, recording the boundaries.
func (z *deflater) splitRange(a, b, bits int, thorough bool) {
	if b-a < 2*minSplit {
		return
	}
	// candidates evenly spaced, then narrowed around the best
	steps := 8
	if thorough {
		steps = 16
	}
	lo, hi := a+minSplit, b-minSplit
	bestAt, bestL, bestR := -1, 0, 0
	for hi-lo > 0 {
		step := max((hi-lo)/steps, 1)
		found := -1
		for c := lo; c <= hi; c += step {
			l, r := z.blockBits(z.toks[a:c]), z.blockBits(z.toks[c:b])
			if bestAt < 0 || l+r < bestL+bestR {
				bestAt, bestL, bestR, found = c, l, r, c
			}
		}
		if step == 1 || !thorough && step < 64 {
			break
		}
		if found < 0 {
			found = bestAt
		}
		lo, hi = max(found-step, a+minSplit), min(found+step, b-minSplit)
	}
	// a split must pay for the header it adds
	if bestAt < 0 || bestL+bestR >= bits-8 {
		return
	}
	z.split = append(z.split, bestAt)
	z.splitRange(a, bestAt, bestL, thorough)
	z.splitRange(bestAt, b, bestR, thorough)
}

// splitSegs is how many parts splitFast cuts a range into to weigh the
// splits between them.
const splitSegs = 16

// splitFast is splitRange for the fast parse: a range is split where the
// entropy of the two sides' symbols is least, when the two blocks are
// shorter. A long range is weighed first at the boundaries of splitSegs
// equal parts, then token by token around the best of them; a short one
// token by token. bits is the range's cost as one block, or -1 if not yet
// known. It counts z.syms, set by z.symbols.
//
// ci is the index in z.costs of the range's counts and codes (-1: not yet
// known); the ranges left whole are recorded with theirs, which
// writeBlock then need not find again.
func (z *deflater) splitFast(a, b, bits, ci int) {
	if b-a < 2*minSplit {
		z.leafStart, z.leafCostAt = append(z.leafStart, a), append(z.leafCostAt, ci)
		return
	}
	all := &z.hist
	var left, right histogram
	lo, hi := a, b // the tokens weighed one by one
	if b-a >= 2*splitSegs*minSplit {
		segs := &z.segs
		var bound [splitSegs + 1]int
		for k := range bound {
			bound[k] = a + (b-a)*k/splitSegs
		}
		for k := range splitSegs {
			segs[k] = histogram{}
			segs[k].addSyms(z.syms[bound[k]:bound[k+1]])
		}
		*all = histogram{}
		for k := range splitSegs {
			addHist(all, &segs[k])
		}
		// The entropy of the two sides at each boundary, kept up to
		// date as each part moves from the right to the left: only its
		// symbols' terms change.
		right = *all
		var litL, litR, distL, distR entropySum
		litR.init(right.lit[:])
		distR.init(right.dist[:])
		bestK, bestE := -1, int64(math.MaxInt64)
		for k := 1; k < splitSegs; k++ {
			g := &segs[k-1]
			moveCounts(g.lit[:], left.lit[:], right.lit[:], &litL, &litR)
			moveCounts(g.dist[:], left.dist[:], right.dist[:], &distL, &distR)
			if e := litL.value() + distL.value() + litR.value() + distR.value(); e < bestE {
				bestK, bestE = k, e
			}
		}
		// weighed again token by token: half a part either side
		half := (b - a) / splitSegs / 2
		lo, hi = bound[bestK]-half, bound[bestK]+half
		left = histogram{}
		for k := range bestK - 1 {
			addHist(&left, &segs[k])
		}
		left.addSyms(z.syms[bound[bestK-1]:lo])
	} else {
		*all = histogram{}
		all.addSyms(z.syms[a:b])
	}
	right = *all
	subHist(&right, &left)
	if ci < 0 {
		ci = z.newCost(all)
		bits = z.costs[ci].bits()
	}
	c := z.bestCut(&left, &right, lo, hi, a+minSplit, b-minSplit)
	// the two sides' counts
	left.addSyms(z.syms[lo:c])
	right = *all
	subHist(&right, &left)
	li, ri := z.newCost(&left), z.newCost(&right)
	l, r := z.costs[li].bits(), z.costs[ri].bits()
	if l+r >= bits-8 {
		z.leafStart, z.leafCostAt = append(z.leafStart, a), append(z.leafCostAt, ci)
		return
	}
	z.split = append(z.split, c)
	z.splitFast(a, c, l, li)
	z.splitFast(c, b, r, ri)
}

// bestCut returns the cut in [from, to] between z.syms[lo:hi] where the
// two sides' cost (see entropySum.cost) is least: left and right are the
// counts of the tokens before lo and from lo on. It leaves them as they
// were.
func (z *deflater) bestCut(left, right *histogram, lo, hi, from, to int) int {
	var litL, litR, distL, distR entropySum
	litL.init(left.lit[:])
	distL.init(left.dist[:])
	litR.init(right.lit[:])
	distR.init(right.dist[:])
	best, bestE := max(lo, from), int64(math.MaxInt64)
	syms := z.syms
	l, r := *left, *right // copies, moved token by token
	for c := lo; ; c++ {
		if c >= from {
			if e := litL.cost() + distL.cost() + litR.cost() + distR.cost(); e < bestE {
				best, bestE = c, e
			}
		}
		if c == hi || c == to {
			return best
		}
		s := syms[c]
		moveOne(&l.lit[s&511], &r.lit[s&511], &litL, &litR)
		if ds := s >> 9; ds < numDist {
			moveOne(&l.dist[ds], &r.dist[ds], &distL, &distR)
		}
	}
}

// blockCost is a dynamic block's counts (with the end of block), codes
// and bits of header and data.
type blockCost struct {
	h        histogram
	codes    blockCodes
	hd, body int
}

func (c *blockCost) bits() int { return c.hd + c.body }

// newCost appends to z.costs the cost of a block of h's symbols and
// returns its index.
func (z *deflater) newCost(h *histogram) int {
	i := len(z.costs)
	if i < cap(z.costs) {
		z.costs = z.costs[:i+1]
	} else {
		z.costs = append(z.costs, blockCost{})
	}
	c := &z.costs[i]
	c.h = *h
	c.h.lit[endOfBlock] = 1
	c.hd, c.body = c.codes.build(&c.h, &z.hs)
	return i
}

// entropySum is the total, the sum of f·log2(f) and the number of some
// counts f that are not 0, kept up to date as they change: their
// entropy, the bits they take at least coded apart, is total·log2(total)
// - sum (in 1/65536 of a bit).
type entropySum struct {
	total, sum int64
	used       int
}

func (e *entropySum) init(freq []int32) {
	*e = entropySum{}
	for _, f := range freq {
		if f > 0 {
			e.total += int64(f)
			e.sum += xLog2xOf(f)
			e.used++
		}
	}
}

// value is the counts' entropy.
func (e *entropySum) value() int64 {
	if e.total == 0 {
		return 0
	}
	return xLog2xOf64(e.total) - e.sum
}

// usedCost is what each symbol in use is reckoned to add to a block's
// header, in 1/65536 of a bit: its code length, itself coded. (On the
// benchmark's figures 3-4.5 bits split best.)
const usedCost = 4 << 16

// cost is the counts' entropy and their part of a block's header.
func (e *entropySum) cost() int64 { return e.value() + int64(e.used)*usedCost }

// moveCounts moves the counts g from right to left, and their terms from
// er to el.
func moveCounts(g, left, right []int32, el, er *entropySum) {
	right = right[:len(g)]
	left = left[:len(g)]
	for s, f := range g {
		if f == 0 {
			continue
		}
		l, r := left[s], right[s]
		el.sum += xLog2xOf(l+f) - xLog2xOf(l)
		er.sum += xLog2xOf(r-f) - xLog2xOf(r)
		el.total += int64(f)
		er.total -= int64(f)
		if l == 0 {
			el.used++
		}
		if r == f {
			er.used--
		}
		left[s], right[s] = l+f, r-f
	}
}

// moveOne moves one of a symbol's count from right (*r) to left (*l),
// and its terms from er to el.
func moveOne(l, r *int32, el, er *entropySum) {
	fl, fr := *l, *r
	el.sum += xLog2xOf(fl+1) - xLog2xOf(fl)
	er.sum += xLog2xOf(fr-1) - xLog2xOf(fr)
	el.total++
	er.total--
	if fl == 0 {
		el.used++
	}
	if fr == 1 {
		er.used--
	}
	*l, *r = fl+1, fr-1
}

// xLog2xOf returns f·log2(f) in 1/65536 (0 for 0).
func xLog2xOf(f int32) int64 {
	if f < int32(len(xLog2x)) {
		return xLog2x[f]
	}
	return int64(f) * log2Big(uint64(f))
}

// xLog2xOf64 is xLog2xOf for any f ≥ 0.
func xLog2xOf64(f int64) int64 {
	if f < int64(len(xLog2x)) {
		return xLog2x[f]
	}
	return f * log2Big(uint64(f))
}

// log2Of is log2Fix(x), x ≥ 1, from log2Tab when x is in it.
func log2Of(x uint64) int64 {
	if x < uint64(len(log2Tab)) {
		return log2Tab[x]
	}
	return log2Fix(x)
}

// log2Big returns about log2(x), x ≥ 2048, in 1/65536: from log2Tab, by
// its top 12 bits, the rest interpolated (within 1/65536 or so; integer
// arithmetic, the same on every machine).
func log2Big(x uint64) int64 {
	sh := bits.Len64(x) - 12
	top := x >> sh
	frac := int64(x - top<<sh)
	lo, hi := log2Tab[top], log2Tab[top+1]
	return lo + int64(sh)<<16 + (hi-lo)*frac>>sh
}

func addHist(h, g *histogram) {
	for i, f := range g.lit {
		h.lit[i] += f
	}
	for i, f := range g.dist {
		h.dist[i] += f
	}
}

func subHist(h, g *histogram) {
	for i, f := range g.lit {
		h.lit[i] -= f
	}
	for i, f := range g.dist {
		h.dist[i] -= f
	}
}

// xLog2x holds x·log2(x) for small x, in 1/65536; constant once the
// package is initialised. log2Tab (log2tab.go, written by TestLog2Tab)
// holds log2Fix(x) for x up to 4096: finding them took every run a third
// of a millisecond before it started.
var xLog2x [4096]int64

func init() {
	for x := 1; x < len(xLog2x); x++ {
		xLog2x[x] = int64(x) * log2Tab[x]
	}
}

// log2Fix returns log2(x), x ≥ 1, in 1/65536, rounded down: by integer
// arithmetic, so that every machine weighs costs alike (math.Log2 may
// differ in its last bit from one architecture to another).
func log2Fix(x uint64) int64 {
	n := bits.Len64(x) - 1
	// m is x/2^n in [1, 2), 31 bits after the point
	var m uint64
	if n > 31 {
		m = x >> (n - 31)
	} else {
		m = x << (31 - n)
	}
	r := int64(n) << 16
	for i := 15; i >= 0; i-- {
		m = m * m >> 31
		if m >= 1<<32 {
			m >>= 1
			r |= 1 << i
		}
	}
	return r
}

// writeBlock writes toks, which stand for raw, as one block (or several
// stored ones), whichever of dynamic, fixed and stored is shortest.
// syms, when not nil, are toks' symbols; cost, when not nil, their
// counts and codes.
func (z *deflater) writeBlock(toks []token, syms []uint16, cost *blockCost, raw []byte, final bool) {
	h, b := &z.hist, &z.blk
	var hd, body int
	if cost != nil {
		h, b, hd, body = &cost.h, &cost.codes, cost.hd, cost.body
	} else {
		*h = histogram{}
		if syms != nil {
			h.addSyms(syms)
		} else {
			h.add(toks)
		}
		h.lit[endOfBlock] = 1
		hd, body = b.build(h, &z.hs)
	}
	// the codes of h's counts evened out, when they are shorter
	if b2 := &z.blk2; true {
		if hd2, body2 := b2.buildSmooth(h, &z.hs); hd2+body2 < hd+body {
			*b, *b2 = *b2, *b
			hd, body = hd2, body2
		}
	}
	dyn := hd + body
	fixed := fixedBits(h)
	stored := (len(raw)/65535+1)*40 + 8*len(raw) + 7
	var fin uint32
	if final {
		fin = 1
	}
	w := &z.bw
	switch {
	case stored < dyn && stored < fixed:
		for first := true; first || len(raw) > 0; first = false {
			n := min(len(raw), 65535)
			last := uint32(0)
			if n == len(raw) {
				last = fin
			}
			w.bits(last, 3)
			w.align()
			w.out = binary.LittleEndian.AppendUint16(w.out, uint16(n))
			w.out = binary.LittleEndian.AppendUint16(w.out, ^uint16(n))
			w.out = append(w.out, raw[:n]...)
			raw = raw[n:]
		}
		return
	case fixed <= dyn:
		for s := range b.litLens {
			l := uint8(8)
			switch {
			case s >= 144 && s < 256:
				l = 9
			case s >= 256 && s < 280:
				l = 7
			}
			b.litLens[s] = l
		}
		for s := range b.distLens {
			b.distLens[s] = 5
		}
		w.bits(fin|1<<1, 3)
	default:
		w.bits(fin|2<<1, 3)
		w.bits(uint32(b.hlit-257), 5)
		w.bits(uint32(b.hdist-1), 5)
		w.bits(uint32(b.hclen-4), 4)
		huffCodes(b.clLens[:], b.clCodes[:])
		for _, s := range codeLenOrder[:b.hclen] {
			w.bits(uint32(b.clLens[s]), 3)
		}
		for _, r := range b.rle {
			sym := r & 0xff
			w.bits(uint32(b.clCodes[sym]), uint(b.clLens[sym]))
			switch sym {
			case 16:
				w.bits(uint32(r>>8), 2)
			case 17:
				w.bits(uint32(r>>8), 3)
			case 18:
				w.bits(uint32(r>>8), 7)
			}
		}
	}
	huffCodes(b.litLens[:], b.litCodes[:])
	huffCodes(b.distLens[:], b.dstCodes[:])
	for _, t := range toks {
		if !t.isMatch() {
			w.bits(uint32(b.litCodes[t]), uint(b.litLens[t]))
			continue
		}
		l, d := t.length(), t.dist()
		lc, dc := lengthCode(l), distCode(d)
		w.bits(uint32(b.litCodes[257+lc]), uint(b.litLens[257+lc]))
		if e := lengthExtra[lc]; e > 0 {
			w.bits(uint32(l-int(lengthBase[lc])), uint(e))
		}
		w.bits(uint32(b.dstCodes[dc]), uint(b.distLens[dc]))
		if e := distExtra[dc]; e > 0 {
			w.bits(uint32(d-int(distBase[dc])), uint(e))
		}
	}
	w.bits(uint32(b.litCodes[endOfBlock]), uint(b.litLens[endOfBlock]))
}

// costModel is the cost of each literal, length and distance, in 1/65536
// of a bit.
type costModel struct {
	lit  [256]int64
	len  [maxMatch + 1]int64
	dist [numDist]int64
}

// set makes m the costs of the symbols of toks: -log2 of their frequency.
func (m *costModel) set(toks []token, h *histogram) {
	*h = histogram{}
	h.add(toks)
	h.lit[endOfBlock] = 1
	m.setHist(h)
}

// setHist makes m the costs of h's symbols: -log2 of their frequency.
func (m *costModel) setHist(h *histogram) {
	var total, totalD uint64
	for _, f := range h.lit {
		total += uint64(f)
	}
	for _, f := range h.dist {
		totalD += uint64(f)
	}
	totalD = max(totalD, 1)
	// each log2 found once, most in log2Tab: the model is set often by
	// the default parse
	lt, ltD := log2Of(total), log2Of(totalD)
	cost := func(f int32, lt int64) int64 {
		if f == 0 {
			return lt + 1<<16
		}
		return lt - log2Of(uint64(f))
	}
	for s := range m.lit {
		m.lit[s] = cost(h.lit[s], lt)
	}
	var lens [29]int64
	for c := range lens {
		lens[c] = cost(h.lit[257+c], lt) + int64(lengthExtra[c])<<16
	}
	for l := minMatch; l <= maxMatch; l++ {
		m.len[l] = lens[lengthCode(l)]
	}
	for c := range m.dist {
		m.dist[c] = cost(h.dist[c], ltD) + int64(distExtra[c])<<16
	}
}

// The optimal parse's limits: the hash chain links followed, the match
// length taken at once without weighing shorter ones, and the rounds of
// parsing with the costs of the round before.
const (
	optChain  = 128
	optNice   = 258
	optRounds = 4
)

// findAll collects in z.cands the matches at p, each longer than the one
// before, and returns the longest length.
func (z *deflater) findAll(p, end int) int {
	data := z.data
	maxL := min(maxMatch, end-p)
	z.cands = z.cands[:0]
	if maxL < minMatch {
		return 0
	}
	a := data[p : p+maxL]
	best := minMatch - 1
	try := func(d int) {
		if l := matchLen(a, data[p-d:]); l > best {
			best = l
			z.cands = append(z.cands, cand{l: l, d: d})
		}
	}
	if p >= z.bpp {
		try(z.bpp)
	}
	if best < maxL && p >= z.stride && z.stride <= windowSize {
		try(z.stride)
	}
	if best < maxL && maxL >= 4 {
		c := z.head[z.key(p)]
		for n := 0; c > 0 && n < optChain && best < maxL; n++ {
			d := int(uint32(p+1) - c)
			if uint(d-1) >= windowSize {
				break
			}
			q := p - d
			if data[q+best] == a[best] {
				try(d)
			}
			c = z.prev[q&windowMask]
		}
	}
	return max(best, 0)
}

// parseOptimal appends to z.toks the tokens of least cost for
// data[start:end], matches reaching no further than end.
func (z *deflater) parseOptimal(start, end int) {
	// a first parse for the costs
	n := end - start
	first := len(z.toks)
	z.saveHead, z.savePrev = append(z.saveHead[:0], z.head...), append(z.savePrev[:0], z.prev...)
	saveHead, savePrev := z.saveHead, z.savePrev
	z.greedyWindow(start, end)
	if cap(z.cost) < n+1 {
		z.cost = make([]int64, n+1)
		z.edgeLen = make([]uint16, n+1)
		z.edgeDst = make([]uint16, n+1)
	}
	cost, eLen, eDst := z.cost[:n+1], z.edgeLen[:n+1], z.edgeDst[:n+1]
	bestBits := z.blockBits(z.toks[first:])
	best := append([]token(nil), z.toks[first:]...)
	for round := 0; round < optRounds; round++ {
		z.model.set(z.toks[first:], &z.hist)
		z.toks = z.toks[:first]
		copy(z.head, saveHead)
		copy(z.prev, savePrev)
		m := &z.model
		for i := range cost {
			cost[i] = math.MaxInt64
		}
		cost[0] = 0
		data := z.data
		for i := 0; i < n; {
			p := start + i
			c0 := cost[i]
			if c := c0 + m.lit[data[p]]; c < cost[i+1] {
				cost[i+1], eLen[i+1] = c, 1
			}
			maxL := z.findAll(p, end)
			if p+4 <= len(data) {
				z.insert(p)
			}
			if maxL >= optNice {
				// a long match is taken whole
				last := z.cands[len(z.cands)-1]
				if c := c0 + m.len[last.l] + m.dist[distCode(last.d)]; c < cost[i+last.l] {
					cost[i+last.l], eLen[i+last.l], eDst[i+last.l] = c, uint16(last.l), uint16(last.d-1)
				}
				for q := p + 1; q < p+last.l && q+4 <= len(data); q++ {
					z.insert(q)
				}
				i += last.l
				continue
			}
			// each length served by the cheapest candidate that reaches
			// it: candidates come in order of length, so that is the
			// cheapest of those from the first that reaches it on.
			cs := z.cands
			for k := len(cs) - 1; k >= 0; k-- {
				cs[k].c = m.dist[distCode(cs[k].d)]
				if k+1 < len(cs) && cs[k+1].c < cs[k].c {
					cs[k].c, cs[k].cd = cs[k+1].c, cs[k+1].cd
				} else {
					cs[k].cd = cs[k].d
				}
			}
			l := minMatch
			for _, cd := range cs {
				for ; l <= cd.l; l++ {
					if c := c0 + m.len[l] + cd.c; c < cost[i+l] {
						cost[i+l], eLen[i+l], eDst[i+l] = c, uint16(l), uint16(cd.cd-1)
					}
				}
			}
			i++
		}
		// the path, from the end back
		rev := z.rev[:0]
		for i := n; i > 0; {
			if eLen[i] == 1 {
				rev = append(rev, token(data[start+i-1]))
				i--
				continue
			}
			l := int(eLen[i])
			rev = append(rev, matchToken(l, int(eDst[i])+1))
			i -= l
		}
		for k := len(rev) - 1; k >= 0; k-- {
			z.toks = append(z.toks, rev[k])
		}
		z.rev = rev
		if b := z.blockBits(z.toks[first:]); b < bestBits {
			bestBits = b
			best = append(best[:0], z.toks[first:]...)
		}
	}
	z.toks = append(z.toks[:first], best...)
}

// greedyWindow appends the fast parse of data[start:end] to z.toks,
// matches reaching no further than end.
func (z *deflater) greedyWindow(start, end int) {
	data := z.data
	for p := start; p < end; {
		l, d := z.findFast(p)
		l = min(l, end-p)
		if l < minMatch {
			z.toks = append(z.toks, token(data[p]))
			if p+4 <= len(data) {
				z.insert(p)
			}
			p++
			continue
		}
		z.toks = append(z.toks, matchToken(l, d))
		for q := p; q < p+l && q+4 <= len(data); q++ {
			z.insert(q)
		}
		p += l
	}
}

// The default parse's limits: the hash chain links followed (deeper than
// the fast parse's: the key of the run length keeps chains short of
// useless links, and the longer whole matches found leave fewer positions
// to weigh; a search ends only at a match as long as can be), the match length
// taken whole at once (the longest that the shortest path weighs is one
// less), the ring of costs ahead of a position (a power of two beyond
// cheapLong), the longest stretch parsed as one, and how many tokens are
// written between two settings of the symbols' costs (costs closer to
// the part of the figure at hand than when set each time the tokens had
// grown by half: 0.1 % smaller over the post's figures).
const (
	cheapChain = 64
	cheapLong  = 24
	cheapRing  = 64
	cheapMask  = cheapRing - 1
	cheapSeg   = 1 << 15
	cheapPrice = 512
	// The hash chain links the default parse may follow: cheapEarn more
	// for each position it searches, up to cheapBank saved. Figures,
	// whose searches mostly end early or find a long match, seldom run
	// out; noise-like pixels (a heatmap of random values, dense text),
	// whose every search would follow cheapChain links for a short
	// match, follow cheapEarn a position on average instead of four
	// times as many.
	cheapEarn = 16
	cheapBank = 1 << 16
	// cheapBreak is the links breakMatch follows (from the same
	// credit). With it, and the breaks inside long matches in the hash
	// chains, the benchmark's four figures take 74771 bytes instead of
	// 75704, for 7 % more time (74772 since the chain search's quarter
	// of links).
	cheapBreak = 16
)

// cheapSlot is a position's candidate matches: lengths and distances.
type cheapSlot struct {
	n int
	l [4]int
	d [4]int
}

// cheapState is the default parse's memory.
type cheapState struct {
	ring [cheapRing]cheapSlot // the last positions' candidates
	cost [cheapRing]int64     // the least cost of reaching each position ahead
	// the edge of least cost into each position of the stretch: its
	// length (1: a literal) and distance
	eLen, eDst []uint16
	hist       histogram // the symbols of the tokens written so far
	model      costModel // their costs
	counted    int       // tokens counted in hist
	priced     int       // tokens counted when model was set
	credit     int       // hash chain links that may be followed (cheapEarn)
	searches   int       // positions searched (each earns cheapEarn links)
	links      int       // hash chain links followed in all
}

// startCheap makes the default parse start a new image, its symbols'
// costs those of the fixed codes.
func (z *deflater) startCheap() {
	c := &z.cheap
	c.hist = histogram{}
	c.counted, c.priced = 0, 0
	c.credit, c.searches, c.links = cheapBank, 0, 0
	c.model.fixed()
	if c.eLen == nil {
		c.eLen = make([]uint16, cheapSeg+cheapLong+1)
		c.eDst = make([]uint16, cheapSeg+cheapLong+1)
	}
}

// fixed sets m to the costs of DEFLATE's fixed codes.
func (m *costModel) fixed() {
	for s := range m.lit {
		m.lit[s] = 8 << 16
		if s >= 144 {
			m.lit[s] = 9 << 16
		}
	}
	for l := minMatch; l <= maxMatch; l++ {
		c := lengthCode(l)
		b := int64(7)
		if 257+c >= 280 {
			b = 8
		}
		m.len[l] = (b + int64(lengthExtra[c])) << 16
	}
	for c := range m.dist {
		m.dist[c] = (5 + int64(distExtra[c])) << 16
	}
}

// candidates records in sl the matches at p the default parse weighs:
// with the pixel before, with the row above, the longest through the hash
// chain of where the run at p ends (cheapBreak links) and the longest of
// p's hash chain (cheapChain links, a quarter of them when another
// candidate matched), each when longer than those before.
// It returns the longest length and its distance.
func (z *deflater) candidates(p int, sl *cheapSlot) (int, int) {
	sl.n = 0
	data := z.data
	a, l := z.matchStart(p)
	if a == nil {
		return 0, 0
	}
	maxL := len(a)
	best, bestD := 0, 0
	if l >= minMatch {
		sl.l[sl.n], sl.d[sl.n] = l, z.bpp
		sl.n++
		best, bestD = l, z.bpp
	}
	if d := z.stride; best < maxL && p >= d && d <= windowSize && d != z.bpp {
		if l := matchLen(a, data[p-d:]); l >= minMatch {
			sl.l[sl.n], sl.d[sl.n] = l, d
			sl.n++
			if l > best {
				best, bestD = l, d
			}
		}
	}
	cs := &z.cheap
	cs.credit = min(cs.credit+cheapEarn, cheapBank)
	cs.searches++
	// Where the run at p ends, the pixels after it (e) may have been seen
	// before, after a run as long: the row above a little to the left or
	// right (a curve), or one grid line back. The hash chain of e holds
	// such places, also from inside long matches (see insertBreaks). A
	// position where nothing matches (neither a run nor a match) is not
	// worth the search: it is seldom the start of such a match.
	if r := z.runAt(p); best < maxL && (r > 0 || best > 0) && r+z.bpp < maxL {
		if e := p + r + z.bpp; e+4 <= len(data) {
			// longer than minMatch-1 at least: a match, not a byte or two
			eb, ed, n := z.breakMatch(p, e, a, max(best, minMatch-1), min(cheapBreak, cs.credit))
			cs.credit -= n
			cs.links += n
			if ed > 0 {
				sl.l[sl.n], sl.d[sl.n] = eb, ed
				sl.n++
				best, bestD = eb, ed
			}
		}
	}
	if best < maxL && maxL >= 4 {
		// a quarter of the links when a match was found already: 2 %
		// less time for 0.02 % more bytes
		links := cheapChain
		if best >= minMatch {
			links /= 4
		}
		cb, cd, n := z.chainMatch(p, a, best, min(links, cs.credit), maxMatch)
		cs.credit -= n
		cs.links += n
		if cd > 0 && cb >= minMatch {
			sl.l[sl.n], sl.d[sl.n] = cb, cd
			sl.n++
			best, bestD = cb, cd
		}
	}
	return best, bestD
}

// inherit sets sl to the matches of the position before (prev) that
// reach on, one shorter, and reports whether there are any.
func inherit(sl, prev *cheapSlot) bool {
	k := 0
	for j := range prev.n {
		if l := prev.l[j] - 1; l >= minMatch {
			sl.l[k], sl.d[k] = l, prev.d[j]
			k++
		}
	}
	sl.n = k
	return k > 0
}

// parseCheap appends the tokens from p on to z.toks, until the input or
// the room for tokens ends, and returns where it stopped.
func (z *deflater) parseCheap(p int) int {
	c := &z.cheap
	for p < len(z.data) && len(z.toks) < maxTokens {
		p = z.cheapStretch(p)
		if c.counted-c.priced >= cheapPrice {
			c.hist.lit[endOfBlock] = 1
			c.model.setHist(&c.hist)
			c.priced = c.counted
		}
	}
	return p
}

// emit appends t to z.toks and counts its symbols.
func (z *deflater) emit(t token) {
	z.toks = append(z.toks, t)
	h := &z.cheap.hist
	if t.isMatch() {
		h.lit[257+lengthCode(t.length())]++
		h.dist[distCode(t.dist())]++
	} else {
		h.lit[t]++
	}
	z.cheap.counted++
}

// cheapStretch parses from s up to the next match of cheapLong bytes or
// more, which it takes too, or up to the end of the input or of the
// stretch's room, and returns where it stopped.
func (z *deflater) cheapStretch(s int) int {
	data, n := z.data, len(z.data)
	c := &z.cheap
	m := &c.model
	if l, d := z.candidates(s, &c.ring[0]); l >= cheapLong || l == n-s {
		// nothing to weigh
		return z.takeWhole(s, l, d)
	}
	cost := &c.cost
	for k := range cost {
		cost[k] = math.MaxInt64
	}
	cost[0] = 0
	eLen, eDst := c.eLen, c.eDst
	p := s
	longL, longD := 0, 0
	for {
		i := p - s
		// the slot of i+cheapLong, free since i-cheapRing+cheapLong: no
		// edge reaches it yet
		cost[(i+cheapLong)&cheapMask] = math.MaxInt64
		sl := &c.ring[i&cheapMask]
		c0 := cost[i&cheapMask]
		inherited := i > 0 && inherit(sl, &c.ring[(i-1)&cheapMask])
		if i > 0 && !inherited {
			if l, d := z.candidates(p, sl); l >= cheapLong {
				longL, longD = l, d
				break
			}
		}
		if p+4 <= n {
			z.insert(p)
		}
		if cl := c0 + m.lit[data[p]]; cl < cost[(i+1)&cheapMask] {
			cost[(i+1)&cheapMask] = cl
			eLen[i+1] = 1
		}
		// Each length from the candidate of cheapest distance that
		// reaches it: the candidates in order of length (only the first
		// two can be out of order), each with the cheapest distance of
		// itself and the longer ones. An inherited position weighs only
		// each candidate's whole length.
		nc := sl.n
		var cl, cd [4]int
		var cc [4]int64
		for k := range nc {
			cl[k], cd[k], cc[k] = sl.l[k], sl.d[k], m.dist[distCode(sl.d[k])]
		}
		if nc > 1 && cl[0] > cl[1] {
			cl[0], cl[1], cd[0], cd[1], cc[0], cc[1] = cl[1], cl[0], cd[1], cd[0], cc[1], cc[0]
		}
		for k := nc - 2; k >= 0; k-- {
			if cc[k+1] <= cc[k] {
				cd[k], cc[k] = cd[k+1], cc[k+1]
			}
		}
		l := minMatch
		for k := range nc {
			base, d := c0+cc[k], uint16(cd[k])
			if inherited {
				l = cl[k]
			}
			for ; l <= cl[k]; l++ {
				if c := base + m.len[l]; c < cost[(i+l)&cheapMask] {
					cost[(i+l)&cheapMask] = c
					eLen[i+l], eDst[i+l] = uint16(l), d
				}
			}
		}
		p++
		if p >= n || p-s >= cheapSeg {
			break
		}
	}
	// the path, from the end back
	rev := z.rev[:0]
	for i := p - s; i > 0; {
		l := int(eLen[i])
		if l == 1 {
			rev = append(rev, token(data[s+i-1]))
			i--
			continue
		}
		rev = append(rev, matchToken(l, int(eDst[i])))
		i -= l
	}
	for k := len(rev) - 1; k >= 0; k-- {
		z.emit(rev[k])
	}
	z.rev = rev
	if longL > 0 {
		p = z.takeWhole(p, longL, longD)
	}
	return p
}

// takeWhole takes the match of length l at distance d at p (a literal if
// l < minMatch) and returns where it ends.
func (z *deflater) takeWhole(p, l, d int) int {
	n := len(z.data)
	if p+4 <= n {
		z.insert(p)
	}
	if l < minMatch {
		z.emit(token(z.data[p]))
		return p + 1
	}
	z.emit(matchToken(l, d))
	if l <= fastInsert {
		for q := p + 1; q < p+l && q+4 <= n; q++ {
			z.insert(q)
		}
	} else {
		z.insertBreaks(p+1, min(p+l, n-3), d)
	}
	return p + l
}

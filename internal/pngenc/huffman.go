package pngenc

import (
	"encoding/binary"
	"math/bits"
)

// DEFLATE's alphabets (RFC 1951, 3.2.5).
const (
	numLitLen  = 286 // literals 0-255, end of block 256, lengths 257-285
	numDist    = 30
	numCodeLen = 19
	endOfBlock = 256
)

// lengthBase and lengthExtra are the lengths 257+i stands for.
var (
	lengthBase  = [29]uint16{3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258}
	lengthExtra = [29]uint8{0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0}
	distBase    = [30]uint16{1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577}
	distExtra   = [30]uint8{0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13}
	// codeLenOrder is the order the code length code's lengths are sent in.
	codeLenOrder = [numCodeLen]uint8{16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15}
)

// lengthCode returns the length symbol's index (0-28, for 257-285) of a
// match length of 3-258.
func lengthCode(l int) int {
	return int(lengthCodes[l-3])
}

// distCode returns the distance symbol (0-29) of a distance of 1-32768.
func distCode(d int) int {
	if d <= 256 {
		return int(distCodes[d-1])
	}
	return int(distCodes[256+(d-1)>>7])
}

// lengthCodes and distCodes are filled from the tables above; they are
// constant once the package is initialised.
var (
	lengthCodes [256]uint8
	distCodes   [512]uint8
)

func init() {
	for c := range lengthBase {
		hi := 258
		if c < 28 {
			hi = int(lengthBase[c]) + 1<<lengthExtra[c] - 1
		}
		for l := int(lengthBase[c]); l <= hi && l <= 258; l++ {
			lengthCodes[l-3] = uint8(c)
		}
	}
	lengthCodes[258-3] = 28
	for c := range distBase {
		lo, hi := int(distBase[c]), int(distBase[c])+1<<distExtra[c]-1
		// beyond 256, one entry for every 128 distances (codes 16 on
		// start at a multiple of 128, plus one)
		step := 1
		if lo > 256 {
			step = 128
		}
		for d := lo; d <= hi; d += step {
			if d <= 256 {
				distCodes[d-1] = uint8(c)
			} else {
				distCodes[256+(d-1)>>7] = uint8(c)
			}
		}
	}
}

// huffLengths sets lens to the lengths of an optimal prefix code of at
// most maxBits bits for the symbols' frequencies freq (package-merge).
// The code is always complete: with fewer than two symbols in use, the
// first two symbols (or the one in use and another) get one bit each, so
// that every inflater accepts it. scratch is reused between calls.
func huffLengths(freq []int32, maxBits int, lens []uint8, sc *huffScratch) {
	clear(lens)
	leaves := sc.leaves[:0]
	for s, f := range freq {
		if f > 0 {
			leaves = append(leaves, leaf{f: int64(f), sym: uint16(s)})
		}
	}
	if len(leaves) < 2 {
		lens[0], lens[1] = 1, 1
		if len(leaves) == 1 && leaves[0].sym > 1 {
			lens[1] = 0
			lens[leaves[0].sym] = 1
		}
		sc.leaves = leaves
		return
	}
	// sorted by frequency, then symbol: they are in symbol order, and
	// a radix sort by frequency keeps that order among equals.
	leaves = sortLeaves(leaves, sc)
	sc.leaves = leaves
	n := len(leaves)
	if huffTree(leaves, maxBits, lens, sc) {
		return
	}
	clear(lens)
	// levels[j] lists the items of level j in weight order: a leaf's
	// index (≥ 0) or -1 for a package of two items of level j-1.
	for len(sc.levels) < maxBits {
		sc.levels = append(sc.levels, nil)
		sc.weights = append(sc.weights, nil)
	}
	sc.levels[0] = sc.levels[0][:0]
	sc.weights[0] = sc.weights[0][:0]
	for i, l := range leaves {
		sc.levels[0] = append(sc.levels[0], int16(i))
		sc.weights[0] = append(sc.weights[0], l.f)
	}
	for j := 1; j < maxBits; j++ {
		prevW := sc.weights[j-1]
		items, weights := sc.levels[j][:0], sc.weights[j][:0]
		li, pi := 0, 0
		for li < n || pi+1 < len(prevW) {
			if pi+1 < len(prevW) && (li >= n || prevW[pi]+prevW[pi+1] < leaves[li].f) {
				items = append(items, -1)
				weights = append(weights, prevW[pi]+prevW[pi+1])
				pi += 2
			} else {
				items = append(items, int16(li))
				weights = append(weights, leaves[li].f)
				li++
			}
		}
		sc.levels[j], sc.weights[j] = items, weights
	}
	take := 2*n - 2
	for j := maxBits - 1; j >= 0 && take > 0; j-- {
		packages := 0
		for _, it := range sc.levels[j][:take] {
			if it >= 0 {
				lens[leaves[it].sym]++
			} else {
				packages++
			}
		}
		take = 2 * packages
	}
}

// huffTree sets the lengths of a Huffman code of the leaves, sorted by
// frequency, built with two queues; it reports false, when some length
// is over maxBits, for package-merge to do it.
func huffTree(leaves []leaf, maxBits int, lens []uint8, sc *huffScratch) bool {
	n := len(leaves)
	w := append(sc.w[:0], make([]int64, 2*n-1)...)
	parent := append(sc.parent[:0], make([]int32, 2*n-1)...)
	for i, l := range leaves {
		w[i] = l.f
	}
	li, ni := 0, n // next leaf, next internal node not yet joined
	pick := func(end int) int {
		if li < n && (ni >= end || w[li] <= w[ni]) {
			li++
			return li - 1
		}
		ni++
		return ni - 1
	}
	for k := n; k < 2*n-1; k++ {
		a := pick(k)
		b := pick(k)
		w[k] = w[a] + w[b]
		parent[a], parent[b] = int32(k), int32(k)
	}
	depth := append(sc.depth[:0], make([]uint8, 2*n-1)...)
	ok := true
	for k := 2*n - 3; k >= 0; k-- {
		depth[k] = depth[parent[k]] + 1
		if k < n && int(depth[k]) > maxBits {
			ok = false
		}
	}
	for i, l := range leaves {
		lens[l.sym] = depth[i]
	}
	sc.w, sc.parent, sc.depth = w, parent, depth
	return ok
}

// sortLeaves sorts leaves, in symbol order, by frequency, stably: a
// radix sort, a byte of the frequency a pass, as many passes as the
// largest frequency has bytes. It returns the sorted leaves, in leaves or
// in sc.tmp.
func sortLeaves(leaves []leaf, sc *huffScratch) []leaf {
	var most int64
	for _, l := range leaves {
		most |= l.f
	}
	if cap(sc.tmp) < len(leaves) {
		sc.tmp = make([]leaf, len(leaves), 2*len(leaves))
	}
	src, dst := leaves, sc.tmp[:len(leaves)]
	for shift := uint(0); most>>shift > 0; shift += 8 {
		var count [257]int32
		for _, l := range src {
			count[int(uint8(l.f>>shift))+1]++
		}
		if count[int(uint8(src[0].f>>shift))+1] == int32(len(src)) {
			continue // all alike in this byte
		}
		for i := 1; i < 256; i++ {
			count[i] += count[i-1]
		}
		for _, l := range src {
			b := uint8(l.f >> shift)
			dst[count[b]] = l
			count[b]++
		}
		src, dst = dst, src
	}
	// whichever of the two src is, the other is kept for the next call
	if &src[0] == &leaves[0] {
		return leaves
	}
	sc.tmp = leaves[:0]
	return src
}

type leaf struct {
	f   int64
	sym uint16
}

// huffScratch is the memory huffLengths reuses.
type huffScratch struct {
	leaves  []leaf
	tmp     []leaf
	w       []int64
	parent  []int32
	depth   []uint8
	levels  [][]int16
	weights [][]int64
}

// huffCodes sets codes to the canonical codes of lens, bit-reversed as
// DEFLATE sends them (first bit lowest).
func huffCodes(lens []uint8, codes []uint16) {
	var count [16]uint16
	for _, l := range lens {
		count[l]++
	}
	count[0] = 0
	var next [16]uint16
	code := uint16(0)
	for b := 1; b < 16; b++ {
		code = (code + count[b-1]) << 1
		next[b] = code
	}
	for s, l := range lens {
		if l == 0 {
			codes[s] = 0
			continue
		}
		codes[s] = bits.Reverse16(next[l]) >> (16 - l)
		next[l]++
	}
}

// bitWriter appends bits to a byte slice, first bit lowest.
type bitWriter struct {
	out []byte
	acc uint64
	n   uint
}

// bits writes the nb (≤ 32) low bits of v.
func (w *bitWriter) bits(v uint32, nb uint) {
	w.acc |= uint64(v) << w.n
	w.n += nb
	if w.n >= 32 {
		w.out = binary.LittleEndian.AppendUint32(w.out, uint32(w.acc))
		w.acc >>= 32
		w.n -= 32
	}
}

// align writes zero bits up to the next byte boundary, and the bits held.
func (w *bitWriter) align() {
	for w.n > 0 {
		w.out = append(w.out, byte(w.acc))
		w.acc >>= 8
		if w.n > 8 {
			w.n -= 8
		} else {
			w.n = 0
		}
	}
	w.acc, w.n = 0, 0
}

// smoothCounts sets dst to the counts src evened out the way zopfli does
// it before building codes: stretches of counts close to each other
// (within 4 of a running average, or all 0) take their average, so that
// their codes' lengths come out alike and run-length code short, where
// runs already long enough (5 zeros, 7 equal counts) are left as they
// are. The code of dst is then weighed against that of src.
func smoothCounts(dst, src []int32) {
	copy(dst, src)
	n := len(dst)
	for n > 0 && dst[n-1] == 0 {
		n--
	}
	if n == 0 {
		return
	}
	counts := dst[:n]
	var good [numLitLen]bool
	sym, stride := counts[0], 0
	for i := 0; i <= n; i++ {
		if i == n || counts[i] != sym {
			if sym == 0 && stride >= 5 || sym != 0 && stride >= 7 {
				for k := range stride {
					good[i-k-1] = true
				}
			}
			stride = 1
			if i != n {
				sym = counts[i]
			}
		} else {
			stride++
		}
	}
	stride = 0
	limit, sum := int64(counts[0]), int64(0)
	for i := 0; i <= n; i++ {
		if i == n || good[i] || abs64(int64(counts[i])-limit) >= 4 {
			if stride >= 4 || stride >= 3 && sum == 0 {
				c := (sum + int64(stride)/2) / int64(stride)
				if c < 1 {
					c = 1
				}
				if sum == 0 {
					c = 0
				}
				for k := range stride {
					counts[i-k-1] = int32(c)
				}
			}
			stride, sum = 0, 0
			switch {
			case i < n-3:
				limit = (int64(counts[i]) + int64(counts[i+1]) + int64(counts[i+2]) + int64(counts[i+3]) + 2) / 4
			case i < n:
				limit = int64(counts[i])
			default:
				limit = 0
			}
		}
		stride++
		if i != n {
			sum += int64(counts[i])
		}
	}
}

func abs64(x int64) int64 {
	if x < 0 {
		return -x
	}
	return x
}

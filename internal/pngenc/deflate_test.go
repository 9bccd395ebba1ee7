package pngenc

import (
	"bytes"
	"cmp"
	"compress/zlib"
	"crypto/sha256"
	"flag"
	"fmt"
	"image"
	"image/draw"
	"image/png"
	"io"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
)

// inflate decompresses a zlib stream with the standard library.
func inflate(t testing.TB, z []byte) []byte {
	t.Helper()
	r, err := zlib.NewReader(bytes.NewReader(z))
	if err != nil {
		t.Fatal(err)
	}
	got, err := io.ReadAll(r)
	if err != nil {
		t.Fatal(err)
	}
	return got
}

// checkCompress compresses data both ways and fails unless compress/zlib
// reads back data.
func checkCompress(t testing.TB, z *deflater, data []byte, bpp, stride int) {
	t.Helper()
	for _, opt := range []bool{false, true} {
		out := z.compress(nil, data, bpp, stride, opt)
		if got := inflate(t, out); !bytes.Equal(got, data) {
			n := 0
			for n < min(len(got), len(data)) && got[n] == data[n] {
				n++
			}
			t.Fatalf("optimize %v: %d bytes decompress to %d, first difference at %d (want %d)", opt, len(data), len(got), n, len(data))
		}
	}
}

// structured returns data like an image's rows: runs, rows repeating the
// one above with changes, copies from far back, and noise.
func structured(r *rand.Rand, n, stride int) []byte {
	b := make([]byte, n)
	for i := 0; i < n; {
		k := 1 + r.IntN(300)
		switch r.IntN(5) {
		case 0: // noise
			for j := i; j < min(i+k, n); j++ {
				b[j] = byte(r.IntN(256))
			}
		case 1: // a run
			v := byte(r.IntN(4))
			for j := i; j < min(i+k, n); j++ {
				b[j] = v
			}
		case 2, 3: // the row above
			for j := i; j < min(i+k, n); j++ {
				if j >= stride {
					b[j] = b[j-stride]
				}
			}
		case 4: // far back
			d := 1 + r.IntN(40000)
			for j := i; j < min(i+k, n); j++ {
				if j >= d {
					b[j] = b[j-d]
				}
			}
		}
		i += k
	}
	return b
}

func TestCompressRoundTrip(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	var z deflater
	for i := range 200 {
		n := 1 + r.IntN(1<<(4+i%14))
		stride := 1 + r.IntN(3000)
		checkCompress(t, &z, structured(r, n, stride), 1+r.IntN(4), stride)
	}
}

// corpusFigure is an image of the corpus, its rows as this package
// deflates them.
type corpusFigure struct {
	name        string
	img         *image.RGBA
	raw         []byte
	bpp, stride int
}

var allCorpus = flag.Bool("corpus", false, "TestCorpusSizes: all of out/, not only the benchmark's figures")

// benchFigures are the figures of out/ that bench/specs draws too.
var benchFigures = map[string]bool{"6": true, "8": true, "10": true, "threshold-plane": true}

// corpus loads the post's figures (out/).
func corpus(t testing.TB) []corpusFigure {
	t.Helper()
	files, _ := filepath.Glob("../../out/*.png")
	if len(files) == 0 {
		t.Skip("no figures")
	}
	var figs []corpusFigure
	var e Encoder
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		m, err := png.Decode(bytes.NewReader(b))
		if err != nil {
			t.Fatal(err)
		}
		img := image.NewRGBA(m.Bounds())
		draw.Draw(img, img.Bounds(), m, m.Bounds().Min, draw.Src)
		px, an := e.nrgbaOf(img)
		st := &state{px: px, an: an, ct: choose(an)}
		st.rowBytes = rowBytes(px, st.ct)
		n := (st.rowBytes + 1) * px.h
		raw := make([]byte, n)
		for y := range px.h {
			convertRow(raw[y*(st.rowBytes+1)+1:(y+1)*(st.rowBytes+1)], px, y, an, st.ct)
		}
		bpp := map[uint8]int{ctRGB: 3, ctRGBA: 4}[st.ct.colorType]
		figs = append(figs, corpusFigure{strings.TrimSuffix(filepath.Base(f), ".png"), img, raw, max(bpp, 1), st.rowBytes + 1})
	}
	return figs
}

// TestCorpusSizes logs the zlib bytes of the benchmark's figures (all of
// the post's with -corpus), ours and compress/zlib's at levels 1, 6 and
// 9, checks that ours decompress to their rows and are smaller.
func TestCorpusSizes(t *testing.T) {
	var figs []corpusFigure
	for _, f := range corpus(t) {
		if *allCorpus || benchFigures[f.name] {
			figs = append(figs, f)
		}
	}
	var z deflater
	var tot [5]int
	var benchTot [5]int
	for _, f := range figs {
		var n [5]int
		for i, opt := range []bool{false, true} {
			out := z.compress(nil, f.raw, f.bpp, f.stride, opt)
			if got := inflate(t, out); !bytes.Equal(got, f.raw) {
				t.Fatalf("%s: optimize %v: the rows do not come back", f.name, opt)
			}
			n[i] = len(out)
		}
		for i, lvl := range []int{1, 6, 9} {
			var buf bytes.Buffer
			w, _ := zlib.NewWriterLevel(&buf, lvl)
			w.Write(f.raw)
			w.Close()
			n[2+i] = buf.Len()
		}
		for i := range n {
			tot[i] += n[i]
			if benchFigures[f.name] {
				benchTot[i] += n[i]
			}
		}
		t.Logf("%-28s ours %7d  optimize %7d  zlib-1 %7d  zlib-6 %7d  zlib-9 %7d", f.name, n[0], n[1], n[2], n[3], n[4])
	}
	t.Logf("%-28s ours %7d  optimize %7d  zlib-1 %7d  zlib-6 %7d  zlib-9 %7d", "bench (4)", benchTot[0], benchTot[1], benchTot[2], benchTot[3], benchTot[4])
	t.Logf("%-28s ours %7d  optimize %7d  zlib-1 %7d  zlib-6 %7d  zlib-9 %7d", "all", tot[0], tot[1], tot[2], tot[3], tot[4])
	if tot[0] >= tot[4] || benchTot[0] >= benchTot[4] {
		t.Errorf("%d bytes (the benchmark's figures %d), compress/zlib's highest level %d (%d)", tot[0], benchTot[0], tot[4], benchTot[4])
	}
	// the default parse weighs the stretches between long matches by
	// their cost (the lazy parse before it took 78235 bytes), its
	// blocks are cut token by token (77005 when cut only at sixteenths)
	// and their codes evened out where that is shorter (76213 without),
	// it follows hash chains 64 links deep (76048 at 8), and it prices
	// symbols anew every 512 tokens (75865 when their number had grown by
	// half), and it looks for matches through where runs end (75704
	// without)
	if benchTot[0] > 74900 {
		t.Errorf("the benchmark's figures: %d bytes by default, want at most 74900", benchTot[0])
	}
	if benchTot[1] > 73300 {
		t.Errorf("the benchmark's figures: %d bytes optimized, want at most 73300", benchTot[1])
	}
	if tot[1] >= tot[0]*985/1000 {
		t.Errorf("optimize: %d bytes, default %d", tot[1], tot[0])
	}
}

// FuzzCompress: whatever the input and distances, compress/zlib reads
// back the input.
func FuzzCompress(f *testing.F) {
	f.Add([]byte("abcabcabcabc\x00\x00\x00\x00\x00\x00\x00abcabd"), 3, 7)
	f.Add(bytes.Repeat([]byte{255, 255, 255, 0, 0, 1}, 100), 1, 9)
	var z deflater
	f.Fuzz(func(t *testing.T, data []byte, bpp, stride int) {
		if len(data) == 0 || bpp < 1 || bpp > 4 || stride < 1 {
			return
		}
		checkCompress(t, &z, data, bpp, stride)
	})
}

// BenchmarkCorpus deflates each figure of the corpus with this package
// (default and optimize) and with compress/zlib at levels 1, 6 and 9.
func BenchmarkCorpus(b *testing.B) {
	figs := corpus(b)
	for _, f := range figs {
		if testing.Short() && !benchFigures[f.name] {
			continue
		}
		b.Run(f.name, func(b *testing.B) {
			for _, opt := range []bool{false, true} {
				name := "ours"
				if opt {
					name = "ours-optimize"
				}
				b.Run(name, func(b *testing.B) {
					var z deflater
					var out []byte
					for b.Loop() {
						out = z.compress(out[:0], f.raw, f.bpp, f.stride, opt)
					}
					b.ReportMetric(float64(len(out)), "bytes")
				})
			}
			for _, lvl := range []int{1, 6, 9} {
				b.Run("zlib-"+strconv.Itoa(lvl), func(b *testing.B) {
					var buf bytes.Buffer
					w, _ := zlib.NewWriterLevel(&buf, lvl)
					for b.Loop() {
						buf.Reset()
						w.Reset(&buf)
						w.Write(f.raw)
						w.Close()
					}
					b.ReportMetric(float64(buf.Len()), "bytes")
				})
			}
		})
	}
}

func TestLog2Fix(t *testing.T) {
	for _, x := range []uint64{1, 2, 3, 5, 1000, 4095, 1<<40 + 12345} {
		got := float64(log2Fix(x)) / 65536
		if d := math.Log2(float64(x)) - got; d < 0 || d > 2.0/65536 {
			t.Errorf("log2(%d) = %v, want %v", x, got, math.Log2(float64(x)))
		}
	}
}

// TestSameBytes pins the bytes written for testdata/figure.png, by
// default and optimized: the same on every architecture (.ci/run and
// qemu run this test on arm64 too).
func TestSameBytes(t *testing.T) {
	img := figure(t)
	for _, tc := range []struct {
		opts Options
		sum  string
	}{
		{Options{}, "84705be46ad9f6819f9d33f2f8cb30bf9a34cb39c86757857dcf935c4c419acc"},
		{Options{Optimize: true}, "db8434226b35884ce70bdbecd08708128363f68385ec78954be2bf11de13f6ad"},
	} {
		var buf bytes.Buffer
		if err := Encode(&buf, img, tc.opts); err != nil {
			t.Fatal(err)
		}
		if got := fmt.Sprintf("%x", sha256.Sum256(buf.Bytes())); got != tc.sum {
			t.Errorf("optimize %v: sha256 %s, want %s", tc.opts.Optimize, got, tc.sum)
		}
	}
}

// BenchmarkDefaultVsLevel1 deflates the benchmark's four figures by
// default and with compress/zlib level 1 (what this package used before)
// in turn within each iteration, so that both see the same load of a
// shared machine, and reports each one's time (ours-ns, zlib1-ns) and
// bytes: for the four together, then for each.
func BenchmarkDefaultVsLevel1(b *testing.B) {
	var figs []corpusFigure
	for _, f := range corpus(b) {
		if benchFigures[f.name] {
			figs = append(figs, f)
		}
	}
	b.Run("four", func(b *testing.B) { benchVsLevel1(b, figs) })
	for i := range figs {
		b.Run(figs[i].name, func(b *testing.B) { benchVsLevel1(b, figs[i:i+1]) })
	}
}

func benchVsLevel1(b *testing.B, figs []corpusFigure) {
	var z deflater
	var out []byte
	var buf bytes.Buffer
	w, _ := zlib.NewWriterLevel(&buf, 1)
	var ours, zl time.Duration
	var oursBytes, zlBytes int
	for b.Loop() {
		oursBytes, zlBytes = 0, 0
		for _, f := range figs {
			t0 := time.Now()
			out = z.compress(out[:0], f.raw, f.bpp, f.stride, false)
			t1 := time.Now()
			buf.Reset()
			w.Reset(&buf)
			w.Write(f.raw)
			w.Close()
			t2 := time.Now()
			ours += t1.Sub(t0)
			zl += t2.Sub(t1)
			oursBytes += len(out)
			zlBytes += buf.Len()
		}
	}
	b.ReportMetric(float64(ours.Nanoseconds())/float64(b.N), "ours-ns")
	b.ReportMetric(float64(zl.Nanoseconds())/float64(b.N), "zlib1-ns")
	b.ReportMetric(float64(ours)/float64(zl), "ours/zlib1")
	b.ReportMetric(float64(oursBytes), "ours-bytes")
	b.ReportMetric(float64(zlBytes), "zlib1-bytes")
}

// TestBestCut: symbols of two kinds, one kind before a point and the
// other after, are cut at that point, wherever it is, the range weighed
// whole or only around it.
func TestBestCut(t *testing.T) {
	var z deflater
	for _, at := range []int{64, 65, 100, 999, 1936} {
		z.syms = z.syms[:0]
		for i := range 2000 {
			s := uint16(i%7) | (noDist+uint16(i%7))<<9 // literals 0-6
			if i >= at {
				s = uint16(257+i%5) | uint16(i%3)<<9 // matches
			}
			z.syms = append(z.syms, s)
		}
		var all histogram
		all.addSyms(z.syms)
		for _, w := range [][2]int{{0, 2000}, {max(at-40, 0), min(at+40, 2000)}} {
			var left histogram
			left.addSyms(z.syms[:w[0]])
			right := all
			subHist(&right, &left)
			l0, r0 := left, right
			if got := z.bestCut(&left, &right, w[0], w[1], 64, 2000-64); got != at {
				t.Errorf("cut at %d weighing %v: got %d", at, w, got)
			}
			if left != l0 || right != r0 {
				t.Errorf("cut at %d weighing %v: the counts changed", at, w)
			}
		}
	}
}

// TestLog2Big checks the interpolated logarithm against math.Log2, and
// x·log2(x) against log2Fix, from 2048 to 2^40.
func TestLog2Big(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	for i := range 2000 {
		x := uint64(2048) + r.Uint64N(uint64(1)<<(12+i%29))
		got := float64(log2Big(x)) / 65536
		if d := math.Abs(math.Log2(float64(x)) - got); d > 2.0/65536 {
			t.Fatalf("log2(%d) = %v, want %v", x, got, math.Log2(float64(x)))
		}
	}
	for _, f := range []int32{4095, 4096, 4097, 100000, 1 << 20} {
		want := int64(f) * log2Fix(uint64(f))
		if got := xLog2xOf(f); got-want > int64(f)*2 || want-got > int64(f)*2 {
			t.Errorf("xLog2xOf(%d) = %d, want %d", f, got, want)
		}
	}
}

// TestSmoothCounts: close counts take their average, long runs and
// far counts stay, no symbol in use loses its code; and for counts all
// about alike the evened code's header is the shorter.
func TestSmoothCounts(t *testing.T) {
	src := []int32{100, 101, 99, 102, 100, 5, 0, 0, 0, 0, 0, 7, 7, 7, 7, 7, 7, 7, 1000, 0}
	want := []int32{100, 100, 100, 100, 100, 5, 0, 0, 0, 0, 0, 7, 7, 7, 7, 7, 7, 7, 1000, 0}
	got := make([]int32, len(src))
	smoothCounts(got, src)
	if !slices.Equal(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
	r := rand.New(rand.NewPCG(7, 8))
	for range 200 {
		src := make([]int32, 1+r.IntN(numLitLen))
		for i := range src {
			if r.IntN(3) > 0 {
				src[i] = int32(r.IntN(1 << r.IntN(16)))
			}
		}
		got := make([]int32, len(src))
		smoothCounts(got, src)
		for i := range src {
			if src[i] > 0 && got[i] == 0 {
				t.Fatalf("%v: symbol %d in use lost its count: %v", src, i, got)
			}
		}
	}
	var h histogram
	for s := range 200 {
		h.lit[s] = int32(20 + r.IntN(4))
	}
	h.lit[endOfBlock] = 1
	var b blockCodes
	var sc huffScratch
	hd, body := b.build(&h, &sc)
	hd2, body2 := b.buildSmooth(&h, &sc)
	if hd2 >= hd || hd2+body2 >= hd+body {
		t.Errorf("evened: header %d, all %d bits; as counted: %d, %d", hd2, hd2+body2, hd, hd+body)
	}
}

// TestSortLeaves checks the radix sort against a sort by frequency, then
// symbol, with frequencies of one to five bytes.
func TestSortLeaves(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	var sc huffScratch
	for i := range 300 {
		n := 1 + r.IntN(300)
		var leaves []leaf
		for s := range n {
			leaves = append(leaves, leaf{f: 1 + r.Int64N(int64(1)<<(1+i%40)), sym: uint16(s)})
		}
		want := slices.Clone(leaves)
		slices.SortFunc(want, func(a, b leaf) int {
			if a.f != b.f {
				return cmp.Compare(a.f, b.f)
			}
			return cmp.Compare(a.sym, b.sym)
		})
		if got := sortLeaves(leaves, &sc); !slices.Equal(got, want) {
			t.Fatalf("%d leaves: %v, want %v", n, got, want)
		}
	}
}

// TestChainWork: on pixels like noise of a few greys, where every search
// of the hash chains finds only short matches and so would follow all
// cheapChain links, the default parse follows about cheapEarn links a
// search (work, not time: timings are the benchmarks').
func TestChainWork(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	const w, h = 400, 250
	data := make([]byte, (w+1)*h)
	for y := range h {
		for x := range w {
			data[y*(w+1)+1+x] = byte(r.IntN(5) * 63)
		}
	}
	var z deflater
	checkCompress(t, &z, data, 1, w+1)
	z.compress(nil, data, 1, w+1, false)
	c := &z.cheap
	if max := cheapEarn*c.searches + cheapBank; c.links > max {
		t.Errorf("%d hash chain links followed in %d searches, want at most %d", c.links, c.searches, max)
	}
}

// rowsOf returns the rows of w×h pixels of bpp bytes, each pixel as px
// gives it, each row after its filter byte (0), as a figure named name.
func rowsOf(name string, w, h, bpp int, px func(x, y int) []byte) corpusFigure {
	stride := w*bpp + 1
	raw := make([]byte, 0, stride*h)
	for y := range h {
		raw = append(raw, 0)
		for x := range w {
			raw = append(raw, px(x, y)...)
		}
	}
	return corpusFigure{name: name, raw: raw, bpp: bpp, stride: stride}
}

// BenchmarkNoiseVsLevel1 is BenchmarkDefaultVsLevel1 on 800×500 pixels
// that a spec can ask for and figures do not have, the default parse's
// worst: noise of 16M colours (RGB rows), of 17 colours (an 8-bit
// palette) and of 5 greys, and a gradient of many colours.
func BenchmarkNoiseVsLevel1(b *testing.B) {
	const w, h = 800, 500
	r := rand.New(rand.NewPCG(1, 2))
	var pal [17][3]byte
	for i := range pal {
		pal[i] = [3]byte{byte(r.IntN(256)), byte(r.IntN(256)), byte(r.IntN(256))}
	}
	rows := func(name string, bpp int, px func(x, y int) []byte) corpusFigure {
		return rowsOf(name, w, h, bpp, px)
	}
	figs := []corpusFigure{
		rows("rgb", 3, func(x, y int) []byte { return []byte{byte(r.IntN(256)), byte(r.IntN(256)), byte(r.IntN(256))} }),
		rows("palette17", 1, func(x, y int) []byte { return []byte{byte(r.IntN(17))} }),
		rows("grey5", 1, func(x, y int) []byte { return []byte{byte(r.IntN(5) * 63)} }),
		rows("gradient", 3, func(x, y int) []byte { return []byte{byte(x), byte(x >> 1), byte(y)} }),
	}
	for i := range figs {
		b.Run(figs[i].name, func(b *testing.B) { benchVsLevel1(b, figs[i:i+1]) })
	}
}

var updateLog2 = flag.Bool("update", false, "TestLog2Tab: write log2tab.go anew")

// TestLog2Tab checks log2tab.go against log2Fix, and writes it anew with
// -update.
func TestLog2Tab(t *testing.T) {
	var b bytes.Buffer
	b.WriteString("// Code generated by TestLog2Tab (go test ./internal/pngenc/ -run TestLog2Tab -update); DO NOT EDIT.\n\npackage pngenc\n\n")
	b.WriteString("// log2Tab holds log2Fix(x) for x from 0 (unused) to 4096.\nvar log2Tab = [4097]int64{\n\t0,")
	for x := 1; x <= 4096; x++ {
		if x%8 == 0 {
			b.WriteString("\n\t")
		} else {
			b.WriteString(" ")
		}
		fmt.Fprintf(&b, "%d,", log2Fix(uint64(x)))
	}
	b.WriteString("\n}\n")
	if *updateLog2 {
		if err := os.WriteFile("log2tab.go", b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	for x := 1; x <= 4096; x++ {
		if got, want := log2Tab[x], log2Fix(uint64(x)); got != want {
			t.Fatalf("log2Tab[%d] = %d, want %d: go test -run TestLog2Tab -update", x, got, want)
		}
	}
}

// TestDistCode checks distCode against RFC 1951's table for every
// distance.
func TestDistCode(t *testing.T) {
	for d := 1; d <= 32768; d++ {
		c := distCode(d)
		if lo, hi := int(distBase[c]), int(distBase[c])+1<<distExtra[c]-1; d < lo || d > hi {
			t.Fatalf("distCode(%d) = %d, for %d to %d", d, c, lo, hi)
		}
	}
	for l := 3; l <= 258; l++ {
		c := lengthCode(l)
		if lo, hi := int(lengthBase[c]), int(lengthBase[c])+1<<lengthExtra[c]-1; l < lo || l > hi || (l == 258) != (c == 28) {
			t.Fatalf("lengthCode(%d) = %d, for %d to %d", l, c, lo, hi)
		}
	}
}

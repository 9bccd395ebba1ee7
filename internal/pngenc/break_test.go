package pngenc

import (
	"bytes"
	"image"
	"image/color"
	"math/rand/v2"
	"testing"
)

// startParse sets z up to parse data by default as compress does, for
// tests that look at the parse's state.
func startParse(z *deflater, data []byte, bpp, stride int) {
	z.start(data, bpp, stride)
	z.startCheap()
}

// breakInputs are rows made to exercise breakMatch and insertBreaks:
// runs broken every few pixels, curves (a row the one above shifted),
// runs of about maxMatch bytes, long matches ending at the input's end.
func breakInputs(r *rand.Rand) []struct {
	name        string
	data        []byte
	bpp, stride int
} {
	type in = struct {
		name        string
		data        []byte
		bpp, stride int
	}
	var ins []in
	rows := func(name string, w, h, bpp int, px func(x, y int) []byte) {
		f := rowsOf(name, w, h, bpp, px)
		ins = append(ins, in{name, f.raw, bpp, f.stride})
	}
	for _, bpp := range []int{1, 3, 4} {
		pix := func(v byte) []byte { return bytes.Repeat([]byte{v}, bpp) }
		// a curve: one dark pixel a row, shifted by a pixel or two
		rows("curve", 200, 100, bpp, func(x, y int) []byte {
			if x == (y*y/97)%200 || x == (y*3+7)%200 {
				return pix(0)
			}
			return pix(255)
		})
		// a grid: lines every 37 pixels and rows, runs broken often
		rows("grid", 200, 80, bpp, func(x, y int) []byte {
			if x%37 == 0 || y%37 == 0 {
				return pix(byte(x / 37 * 9))
			}
			return pix(250)
		})
		// runs of random lengths around maxMatch, of few colours
		run, v := 0, byte(0)
		rows("runs", 700, 20, bpp, func(x, y int) []byte {
			if run == 0 {
				run, v = maxMatch/bpp-2+r.IntN(5), byte(r.IntN(3))
			}
			run--
			return pix(v)
		})
		// random short runs of 3 colours (every search a short match)
		rows("short", 300, 50, bpp, func(x, y int) []byte {
			if r.IntN(3) == 0 {
				v = byte(r.IntN(3))
			}
			return pix(v)
		})
		// rows longer than the window, repeating, with breaks
		rows("wide", 33000/bpp, 2, bpp, func(x, y int) []byte {
			if x%5 == 0 {
				return pix(byte(x))
			}
			return pix(7)
		})
		// a long match over breaks that ends at the input's last bytes
		for tail := range 6 {
			base := make([]byte, 0, 2000)
			for i := range 1000 {
				base = append(base, byte(i/7%3))
			}
			base = append(base, base[:1000-tail]...)
			ins = append(ins, in{"tail", base, bpp, 1001})
		}
	}
	return ins
}

// TestBreakParse: on inputs made for breakMatch and insertBreaks, both
// parses give streams that inflate to their input; every hash chain
// entry is a position that may be hashed (4 bytes to read), entered
// under its own key, and the chains' positions decrease.
func TestBreakParse(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	var z deflater
	for _, in := range breakInputs(r) {
		checkCompress(t, &z, in.data, in.bpp, in.stride)
		startParse(&z, in.data, in.bpp, in.stride)
		p := 0
		for p < len(in.data) {
			p = z.parseCheap(p)
			z.toks = z.toks[:0]
		}
		n := len(in.data)
		for h, c := range z.head {
			last := n + 1
			for k := 0; c > 0 && k < 200; k++ {
				e := int(c) - 1
				if e >= last {
					t.Fatalf("%s bpp %d: chain %d goes from %d to %d", in.name, in.bpp, h, last, e)
				}
				if n-e > windowSize {
					break
				}
				if e+4 > n {
					t.Fatalf("%s bpp %d: position %d of %d bytes in a chain", in.name, in.bpp, e, n)
				}
				if k := z.keyOf(e); k != h {
					t.Fatalf("%s bpp %d: position %d in chain %d, its key %d", in.name, in.bpp, e, h, k)
				}
				last = e
				c = z.prev[e&windowMask]
			}
		}
	}
}

// TestBreakMatchBounds: breakMatch, at every position of inputs made
// for it and whatever e after p, returns a match that lies in the input
// and the window and whose bytes are p's.
func TestBreakMatchBounds(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	var z deflater
	for _, in := range breakInputs(r) {
		data := in.data
		n := len(data)
		startParse(&z, data, in.bpp, in.stride)
		for p := 0; p+4 <= n; p++ {
			maxL := min(maxMatch, n-p)
			a := data[p : p+maxL]
			for _, de := range []int{1, in.bpp + 1, maxL - 1} {
				e := p + de
				if de < 1 || e+4 > n || de >= maxL {
					continue
				}
				for _, best := range []int{0, 4} {
					if best >= maxL {
						continue
					}
					l, d, k := z.breakMatch(p, e, a, best, cheapBreak)
					if k > cheapBreak {
						t.Fatalf("%s: %d links", in.name, k)
					}
					if d == 0 {
						continue
					}
					if d < 1 || d > p || d > windowSize || l <= best || l > maxL || !bytes.Equal(data[p:p+l], data[p-d:p-d+l]) {
						t.Fatalf("%s bpp %d: breakMatch(%d, %d, best %d) = %d, %d", in.name, in.bpp, p, e, best, l, d)
					}
				}
			}
			if p+4 <= n {
				z.insert(p)
			}
		}
	}
}

// TestInsertBreaks: insertBreaks enters exactly the first position after
// each break in [a, b), once a pixel, and nothing for a match with the
// pixel before or a range shorter than a pixel.
func TestInsertBreaks(t *testing.T) {
	r := rand.New(rand.NewPCG(9, 10))
	var z deflater
	for _, bpp := range []int{1, 2, 3, 4} {
		for range 50 {
			n := 8 + r.IntN(1500)
			data := make([]byte, n)
			v := byte(0)
			for i := range data {
				if r.IntN(1+r.IntN(300)) == 0 {
					v = byte(r.IntN(3))
				}
				data[i] = v
			}
			a := r.IntN(n - 4)
			b := a + r.IntN(n-3-a+1)
			startParse(&z, data, bpp, 1000)
			z.insertBreaks(a, b, bpp+1)
			// what it should enter: from a, each break q (data[q] ≠
			// data[q+bpp]) gives q+bpp, and the next break is sought from
			// there on
			var want []int
			for q := a; q+bpp < b; q++ {
				if data[q] != data[q+bpp] {
					want = append(want, q+bpp)
					q += bpp - 1
				}
			}
			var got []int
			for _, c := range z.head {
				for c > 0 {
					got = append(got, int(c)-1)
					c = z.prev[(int(c)-1)&windowMask]
				}
			}
			sortInts(got)
			if !equalInts(got, want) {
				t.Fatalf("bpp %d, [%d, %d) of %d: entered %v, want %v", bpp, a, b, n, got, want)
			}
			clear(z.head)
			clear(z.prev)
			z.insertBreaks(a, b, bpp)
			for _, c := range z.head {
				if c != 0 {
					t.Fatalf("bpp %d: a match with the pixel before entered %d", bpp, c-1)
				}
			}
		}
	}
}

func equalInts(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// TestBreakShapes: images of odd shapes, of each colour type, made of the
// patterns breakMatch looks for, decode as image/png's encoding does.
func TestBreakShapes(t *testing.T) {
	r := rand.New(rand.NewPCG(11, 12))
	pal := []color.NRGBA{{255, 255, 255, 255}, {0, 0, 0, 255}, {200, 30, 30, 255}, {30, 30, 200, 128}}
	grey := []color.NRGBA{{255, 255, 255, 255}, {0, 0, 0, 255}, {128, 128, 128, 255}}
	rgb := []color.NRGBA{{255, 255, 255, 255}, {0, 0, 0, 255}, {1, 2, 3, 255}}
	for i := range 300 {
		rgb = append(rgb, color.NRGBA{byte(i), byte(i * 7), byte(i * 13), 255})
	}
	rgba := append([]color.NRGBA{{0, 0, 0, 0}}, rgb...)
	for _, cols := range [][]color.NRGBA{grey, pal, rgb, rgba} {
		for _, sz := range [][2]int{{1, 1}, {1, 2}, {2, 1}, {1, 300}, {300, 1}, {3, 3}, {2, 500}, {500, 2}, {33000, 2}, {11000, 3}, {97, 53}} {
			w, h := sz[0], sz[1]
			for pat := range 3 {
				img := image.NewNRGBA(image.Rect(0, 0, w, h))
				for y := range h {
					for x := range w {
						var c color.NRGBA
						switch pat {
						case 0: // a curve over a background
							c = cols[0]
							if x == (y*y/7)%w || x == (3*y+1)%w {
								c = cols[1+(x+y)%(len(cols)-1)]
							}
						case 1: // a grid
							c = cols[0]
							if x%5 == 0 || y%3 == 0 {
								c = cols[1+x/5%(len(cols)-1)]
							}
						case 2: // noise of the colours
							c = cols[r.IntN(len(cols))]
						}
						img.SetNRGBA(x, y, c)
					}
				}
				roundTrip(t, img, Options{})
				if w*h <= 10000 {
					roundTrip(t, img, Options{Optimize: true})
				}
			}
		}
	}
}

// TestCandidates: every match candidates records is a match of at least
// minMatch bytes, in the input and the window, and after the first two
// they are longer each than all before (cheapStretch's order); it
// returns the longest.
func TestCandidates(t *testing.T) {
	r := rand.New(rand.NewPCG(13, 14))
	var z deflater
	var sl cheapSlot
	for _, in := range breakInputs(r) {
		data := in.data
		n := len(data)
		startParse(&z, data, in.bpp, in.stride)
		for p := 0; p < n; p++ {
			l, d := z.candidates(p, &sl)
			longest := 0
			for k := range sl.n {
				cl, cd := sl.l[k], sl.d[k]
				if cl < minMatch || cl > min(maxMatch, n-p) || cd < 1 || cd > p || cd > windowSize || !bytes.Equal(data[p:p+cl], data[p-cd:p-cd+cl]) {
					t.Fatalf("%s bpp %d: at %d of %d, candidate %d of %d: length %d, distance %d", in.name, in.bpp, p, n, k, sl.n, cl, cd)
				}
				if k >= 2 && cl <= longest {
					t.Fatalf("%s: at %d, candidate %d (%d bytes) not longer than those before (%d)", in.name, p, k, cl, longest)
				}
				if cl > longest {
					longest = cl
				}
			}
			if l != longest || (l > 0 && d == 0) {
				t.Fatalf("%s: at %d, candidates returns %d, %d, its longest %d", in.name, p, l, d, longest)
			}
			if p+4 <= n {
				z.insert(p)
			}
		}
	}
}

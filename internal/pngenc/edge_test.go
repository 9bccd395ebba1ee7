package pngenc

import (
	"bytes"
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"math/rand/v2"
	"runtime"
	"testing"
)

func noiseGrey(r *rand.Rand, w, h int) *image.RGBA {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for i := 0; i < len(img.Pix); i += 4 {
		v := uint8(r.IntN(256))
		img.Pix[i], img.Pix[i+1], img.Pix[i+2], img.Pix[i+3] = v, v, v, 255
	}
	return img
}

// TestEdgeShapes: images of odd shapes and colours — 1×1, one row, one
// column, one colour, noise, rows about the window's length, stored
// blocks' lengths about 65535 bytes, palettes of 256 and 257 colours,
// grey with alpha, a sub-image — decode as image/png's own encoding does.
func TestEdgeShapes(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	type tc struct {
		name string
		img  image.Image
	}
	var cases []tc
	solid := func(w, h int, c color.RGBA) *image.RGBA {
		img := image.NewRGBA(image.Rect(0, 0, w, h))
		for i := 0; i < len(img.Pix); i += 4 {
			img.Pix[i], img.Pix[i+1], img.Pix[i+2], img.Pix[i+3] = c.R, c.G, c.B, c.A
		}
		return img
	}
	cases = append(cases,
		tc{"1x1", solid(1, 1, color.RGBA{1, 2, 3, 255})},
		tc{"1x1grey", solid(1, 1, color.RGBA{9, 9, 9, 255})},
		tc{"1x1transp", solid(1, 1, color.RGBA{0, 0, 0, 0})},
		tc{"1x5000", randomRGBA(r, 1, 5000, true)},
		tc{"5000x1", randomRGBA(r, 5000, 1, true)},
		tc{"solid", solid(700, 500, color.RGBA{255, 255, 255, 255})},
		tc{"solidcol", solid(700, 500, color.RGBA{10, 200, 30, 255})},
		tc{"noiseRGBA", randomRGBA(r, 300, 300, false)},
		tc{"noiseRGB", randomRGBA(r, 300, 300, true)},
		// stored block boundaries: a grey row of w bytes is w+1 raw bytes
		tc{"grey65535", noiseGrey(r, 65534, 1)},
		tc{"grey65536", noiseGrey(r, 65535, 1)},
		tc{"grey65537", noiseGrey(r, 65536, 1)},
		tc{"grey2x65535", noiseGrey(r, 65534, 2)},
		tc{"grey131071", noiseGrey(r, 131070, 1)},
		// rows of the window's length and around
		tc{"row32767", noiseGrey(r, 32766, 3)},
		tc{"row32768", noiseGrey(r, 32767, 3)},
		tc{"row32769", noiseGrey(r, 32768, 3)},
		tc{"rgbrow", randomRGBA(r, 11000, 4, true)},
	)
	// rows that repeat exactly one window apart
	for _, w := range []int{32767, 32768, 32769} {
		img := image.NewRGBA(image.Rect(0, 0, w, 4))
		row := noiseGrey(r, w, 1)
		for y := range 4 {
			copy(img.Pix[y*img.Stride:], row.Pix)
		}
		cases = append(cases, tc{"repeat" + string(rune('0'+w%10)), img})
	}
	// palettes of 255, 256 and 257 colours, opaque and not, and grey with alpha
	for _, n := range []int{2, 3, 4, 5, 16, 17, 255, 256, 257} {
		for _, opaque := range []bool{true, false} {
			img := image.NewNRGBA(image.Rect(0, 0, 97, 61))
			for i := 0; i < len(img.Pix); i += 4 {
				k := r.IntN(n)
				a := uint8(255)
				if !opaque {
					a = uint8(k * 7)
				}
				img.Pix[i], img.Pix[i+1], img.Pix[i+2], img.Pix[i+3] = uint8(k), uint8(k>>8), 7, a
			}
			cases = append(cases, tc{"pal", img})
		}
	}
	for _, n := range []int{2, 256, 300} {
		img := image.NewNRGBA(image.Rect(0, 0, 50, 40))
		for i := 0; i < len(img.Pix); i += 4 {
			v := uint8(r.IntN(n))
			img.Pix[i], img.Pix[i+1], img.Pix[i+2], img.Pix[i+3] = v, v, v, uint8(r.IntN(n)>>1)
		}
		cases = append(cases, tc{"greyalpha", img})
	}
	// a sub-image with an offset
	big := randomRGBA(r, 50, 50, true)
	cases = append(cases, tc{"sub", big.SubImage(image.Rect(7, 9, 31, 40))})
	for _, c := range cases {
		for _, opt := range []bool{false, true} {
			data, _ := roundTrip(t, c.img, Options{Optimize: opt})
			b := c.img.Bounds()
			if b.Dx()*b.Dy() > 50000 && len(data) > 4*b.Dx()*b.Dy()+b.Dy()+4096 {
				t.Errorf("%s: %d bytes for %v", c.name, len(data), b)
			}
		}
	}
}

// TestEdgeIncompressible: noise falls back to stored blocks, a few bytes over the raw data.
func TestEdgeIncompressible(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	var z deflater
	for _, n := range []int{1, 2, 3, 100, 65534, 65535, 65536, 65537, 131070, 131071, 200000, 1 << 20} {
		data := make([]byte, n)
		for i := range data {
			data[i] = byte(r.Uint32())
		}
		for _, opt := range []bool{false, true} {
			out := z.compress(nil, data, 1, n+7, opt)
			if got := inflate(t, out); !bytes.Equal(got, data) {
				t.Fatalf("%d bytes: round trip fails", n)
			}
			if over := len(out) - n; over > 6+5*(n/65535+1)+5*(n/4096+1) {
				t.Errorf("%d bytes of noise, optimize %v: %d bytes (%d over)", n, opt, len(out), over)
			}
		}
	}
}

// kraft checks lens form a complete prefix code of at most maxBits bits
// (or the two one-bit codes for fewer than two symbols).
func kraft(t *testing.T, freq []int32, lens []uint8, maxBits int) {
	t.Helper()
	var sum float64
	for s, l := range lens {
		if int(l) > maxBits {
			t.Fatalf("length %d > %d", l, maxBits)
		}
		if freq[s] > 0 && l == 0 {
			t.Fatalf("symbol %d used but has no code", s)
		}
		if l > 0 {
			sum += 1 / float64(uint64(1)<<l)
		}
	}
	if sum != 1 {
		t.Fatalf("Kraft sum %v for %v", sum, lens)
	}
}

// TestHuffmanLimits: the code lengths of any frequencies, the deepest
// (Fibonacci) among them, form a complete code of at most 15 bits (7 for
// the code length code).
func TestHuffmanLimits(t *testing.T) {
	var sc huffScratch
	r := rand.New(rand.NewPCG(5, 6))
	for _, n := range []int{0, 1, 2, 3, 19, 30, 286} {
		for _, maxBits := range []int{7, 15} {
			if n > 19 && maxBits == 7 {
				continue
			}
			for trial := range 200 {
				freq := make([]int32, max(n, 2))
				switch trial % 4 {
				case 0: // Fibonacci: the deepest tree
					a, b := int32(1), int32(1)
					for i := range n {
						freq[i] = a
						a, b = b, min(a+b, 1<<28)
					}
				case 1:
					for i := range n {
						freq[i] = int32(r.IntN(1 << uint(r.IntN(28)+1)))
					}
				case 2:
					for i := range n {
						if r.IntN(4) == 0 {
							freq[i] = int32(1 + r.IntN(3))
						}
					}
				case 3:
					for i := range n {
						freq[i] = 1 << uint(min(i, 30))
					}
				}
				lens := make([]uint8, len(freq))
				huffLengths(freq, maxBits, lens, &sc)
				kraft(t, freq, lens, maxBits)
			}
		}
	}
}

// TestAllocsPerImage: an encoder reused on one figure allocates little and
// its memory does not grow from one image to the next.
func TestAllocsPerImage(t *testing.T) {
	img := figure(t)
	for _, opt := range []bool{false, true} {
		if opt && testing.Short() {
			continue
		}
		var e Encoder
		e.Optimize = opt
		var buf bytes.Buffer
		e.Encode(&buf, img)
		allocs := testing.AllocsPerRun(3, func() {
			buf.Reset()
			if err := e.Encode(&buf, img); err != nil {
				t.Fatal(err)
			}
		})
		if allocs > 50 {
			t.Errorf("optimize %v: %v allocations an image", opt, allocs)
		}
	}
}

// TestLargest encodes an image of 25 megapixels, the most a figure has,
// and reads it back.
func TestLargest(t *testing.T) {
	if testing.Short() {
		t.Skip()
	}
	// 25 megapixels, the most a figure has: a figure tiled
	fig := figure(t)
	w, h := 9000, 2777
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	fb := fig.Bounds()
	for y := range h {
		for x := 0; x < w; x += fb.Dx() {
			copy(img.Pix[y*img.Stride+4*x:min(y*img.Stride+4*w, y*img.Stride+4*(x+fb.Dx()))], fig.Pix[(y%fb.Dy())*fig.Stride:])
		}
	}
	var e Encoder
	var buf bytes.Buffer
	var m0, m1 runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&m0)
	if err := e.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	runtime.ReadMemStats(&m1)
	t.Logf("%d bytes; %d MB allocated", buf.Len(), (m1.TotalAlloc-m0.TotalAlloc)>>20)
	got, err := png.Decode(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	for y := 0; y < h; y += 7 {
		for x := 0; x < w; x += 3 {
			if color.NRGBAModel.Convert(got.At(x, y)) != color.NRGBAModel.Convert(img.At(x, y)) {
				t.Fatalf("pixel %d,%d", x, y)
			}
		}
	}
}

// FuzzEncode: any pixels, in any shape, decode with image/png as
// image/png's own encoding does, by default and optimized, and
// EncodeTextOver writes what Encode does.
func FuzzEncode(f *testing.F) {
	f.Add([]byte{1, 2, 3, 255, 1, 2, 3, 255, 0, 0, 0, 0}, uint16(3), uint8(0))
	f.Add(bytes.Repeat([]byte{9, 9, 9, 255}, 300), uint16(17), uint8(1))
	f.Fuzz(func(t *testing.T, data []byte, w uint16, mode uint8) {
		if w == 0 || len(data) < 4*int(w) {
			return
		}
		h := len(data) / (4 * int(w))
		img := image.NewNRGBA(image.Rect(0, 0, int(w), h))
		copy(img.Pix, data)
		switch mode % 4 {
		case 1: // opaque
			for i := 3; i < len(img.Pix); i += 4 {
				img.Pix[i] = 255
			}
		case 2: // few colours
			for i := range img.Pix {
				img.Pix[i] &= 0x81
			}
		case 3: // grey
			for i := 0; i < len(img.Pix); i += 4 {
				img.Pix[i+1], img.Pix[i+2], img.Pix[i+3] = img.Pix[i], img.Pix[i], 255
			}
		}
		opts := Options{Optimize: mode&4 != 0}
		roundTrip(t, img, opts)
		// The same pixels premultiplied, encoded over themselves.
		rgba := image.NewRGBA(img.Bounds())
		draw.Draw(rgba, rgba.Bounds(), img, image.Point{}, draw.Src)
		var want, got bytes.Buffer
		if err := Encode(&want, rgba, opts); err != nil {
			t.Fatal(err)
		}
		e := Encoder{Options: opts}
		if err := e.EncodeTextOver(&got, rgba); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got.Bytes(), want.Bytes()) {
			t.Fatal("EncodeTextOver writes other bytes than Encode")
		}
	})
}

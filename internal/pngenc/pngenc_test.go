package pngenc

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"io"
	"math/rand/v2"
	"os"
	"runtime"
	"strings"
	"testing"
)

// roundTrip encodes img with opts, decodes it with image/png, and fails
// unless every pixel equals what image/png's own encoder writes for img.
// It returns the encoding and the decoded image.
func roundTrip(t testing.TB, img image.Image, opts Options) ([]byte, image.Image) {
	t.Helper()
	var ours, std bytes.Buffer
	if err := Encode(&ours, img, opts); err != nil {
		t.Fatal(err)
	}
	if err := png.Encode(&std, img); err != nil {
		t.Fatal(err)
	}
	got, err := png.Decode(bytes.NewReader(ours.Bytes()))
	if err != nil {
		t.Fatalf("image/png cannot read the encoding: %v", err)
	}
	want, err := png.Decode(bytes.NewReader(std.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	if got.Bounds().Size() != img.Bounds().Size() {
		t.Fatalf("size %v, want %v", got.Bounds().Size(), img.Bounds().Size())
	}
	gb, wb := got.Bounds(), want.Bounds()
	for y := range gb.Dy() {
		for x := range gb.Dx() {
			g := color.NRGBA64Model.Convert(got.At(gb.Min.X+x, gb.Min.Y+y))
			w := color.NRGBA64Model.Convert(want.At(wb.Min.X+x, wb.Min.Y+y))
			if g != w {
				t.Fatalf("pixel (%d, %d) is %v, image/png writes %v", x, y, g, w)
			}
		}
	}
	return ours.Bytes(), got
}

// colourType returns the colour type and bit depth in data's IHDR.
func header(t testing.TB, data []byte) (ct, depth byte) {
	t.Helper()
	if len(data) < 26 || string(data[12:16]) != "IHDR" {
		t.Fatal("no IHDR")
	}
	return data[25], data[24]
}

func randomRGBA(r *rand.Rand, w, h int, opaque bool) *image.RGBA {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := range h {
		for x := range w {
			a := uint8(255)
			if !opaque {
				a = uint8(r.IntN(256))
			}
			// premultiplied: channels at most alpha
			img.SetRGBA(x, y, color.RGBA{uint8(r.IntN(int(a) + 1)), uint8(r.IntN(int(a) + 1)), uint8(r.IntN(int(a) + 1)), a})
		}
	}
	return img
}

func TestColourTypes(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	greys := image.NewGray(image.Rect(0, 0, 37, 11))
	for i := range greys.Pix {
		greys.Pix[i] = uint8(r.IntN(256))
	}
	pal := func(n int) *image.Paletted {
		var p color.Palette
		for i := range n {
			p = append(p, color.NRGBA{uint8(i * 7), uint8(255 - i), uint8(i * 3), 255})
		}
		img := image.NewPaletted(image.Rect(0, 0, 13, 9), p)
		for i := range img.Pix {
			img.Pix[i] = uint8(r.IntN(n))
		}
		return img
	}
	translucent := pal(16)
	translucent.Palette[3] = color.NRGBA{10, 20, 30, 128}
	translucent.Palette[5] = color.NRGBA{0, 0, 0, 0}
	for _, tc := range []struct {
		name      string
		img       image.Image
		ct, depth byte
	}{
		{"grey", greys, ctGrey, 8},
		{"2 colours", pal(2), ctPalette, 1},
		{"3 colours", pal(3), ctPalette, 2},
		{"16 colours", pal(16), ctPalette, 4},
		{"17 colours", pal(17), ctPalette, 8},
		{"256 colours", pal(256), ctPalette, 8},
		{"translucent palette", translucent, ctPalette, 4},
		{"opaque RGBA", randomRGBA(r, 31, 17, true), ctRGB, 8},
		{"translucent RGBA", randomRGBA(r, 31, 17, false), ctRGBA, 8},
	} {
		t.Run(tc.name, func(t *testing.T) {
			for _, opts := range []Options{{}, {Optimize: true}} {
				data, _ := roundTrip(t, tc.img, opts)
				ct, depth := header(t, data)
				if ct != tc.ct || depth != tc.depth {
					t.Errorf("colour type %d depth %d, want %d depth %d", ct, depth, tc.ct, tc.depth)
				}
			}
		})
	}
}

// TestRandom round-trips random images of odd sizes, from one pixel up,
// opaque and not, with few colours and many, at an offset origin.
func TestRandom(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for i := range 60 {
		w, h := 1+r.IntN(40), 1+r.IntN(12)
		if i < 4 {
			w, h = 1+i%2, 1+i/2
		}
		img := randomRGBA(r, w+3, h+2, i%3 != 0)
		if i%2 == 0 { // few colours: palette sizes of every depth
			n := 1 + r.IntN(300)
			for j := 0; j < len(img.Pix); j += 4 {
				k := uint8(r.IntN(n))
				copy(img.Pix[j:], []byte{k, k / 2, 0, 255})
			}
		}
		sub := img.SubImage(image.Rect(2, 1, 2+w, 1+h))
		roundTrip(t, sub, Options{Optimize: i%5 == 0})
	}
}

// TestNRGBA round-trips an NRGBA image with translucent pixels, written as
// RGBA without premultiplying.
func TestNRGBA(t *testing.T) {
	img := image.NewNRGBA(image.Rect(0, 0, 300, 3))
	for x := range 300 {
		img.SetNRGBA(x, 0, color.NRGBA{uint8(x), uint8(x * 3), 200, uint8(x / 2)})
		img.SetNRGBA(x, 1, color.NRGBA{1, 2, 3, 255})
		img.SetNRGBA(x, 2, color.NRGBA{255, 0, uint8(x), 0})
	}
	data, got := roundTrip(t, img, Options{})
	if ct, _ := header(t, data); ct != ctRGBA {
		t.Fatalf("colour type %d, want RGBA", ct)
	}
	if c := got.(*image.NRGBA).NRGBAAt(10, 0); c != (color.NRGBA{10, 30, 200, 5}) {
		t.Errorf("pixel (10, 0) = %v", c)
	}
}

// TestFigure encodes a figure: pixels identical, smaller than image/png,
// and the same bytes every time.
func TestFigure(t *testing.T) {
	img := figure(t)
	data, _ := roundTrip(t, img, Options{})
	var std bytes.Buffer
	enc := png.Encoder{CompressionLevel: png.BestSpeed}
	if err := enc.Encode(&std, img); err != nil {
		t.Fatal(err)
	}
	if len(data) >= std.Len() {
		t.Errorf("%d bytes, image/png writes %d", len(data), std.Len())
	}
	again, _ := roundTrip(t, img, Options{})
	if !bytes.Equal(data, again) {
		t.Error("two encodings differ")
	}
	opt, _ := roundTrip(t, img, Options{Optimize: true})
	if len(opt) >= len(data) {
		t.Errorf("optimized: %d bytes, default %d", len(opt), len(data))
	}
	t.Logf("figure: %d bytes, optimized %d, image/png %d", len(data), len(opt), std.Len())
}

// TestReuse encodes images of other sizes and colour types in turn with
// one Encoder: each encoding equals that of a fresh one.
func TestReuse(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	big := figure(t)
	small := randomRGBA(r, 7, 3, false)
	grey := image.NewGray(image.Rect(0, 0, 900, 2))
	for i := range grey.Pix {
		grey.Pix[i] = uint8(i)
	}
	few := image.NewPaletted(image.Rect(0, 0, 5, 5), color.Palette{color.White, color.Black, color.NRGBA{200, 0, 0, 255}})
	few.Pix[7] = 2
	var e Encoder
	for _, opt := range []bool{false, true, false} {
		e.Optimize = opt
		for _, img := range []image.Image{big, small, grey, few, big} {
			var reused, fresh bytes.Buffer
			if err := e.Encode(&reused, img); err != nil {
				t.Fatal(err)
			}
			if err := Encode(&fresh, img, Options{Optimize: opt}); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(reused.Bytes(), fresh.Bytes()) {
				t.Fatalf("%T %v optimize %v: a reused encoder writes other bytes", img, img.Bounds(), opt)
			}
		}
	}
}

func TestEmpty(t *testing.T) {
	if err := Encode(new(bytes.Buffer), image.NewRGBA(image.Rect(0, 0, 0, 5)), Options{}); err == nil {
		t.Error("an empty image is encoded")
	}
}

func figure(t testing.TB) *image.RGBA {
	f, err := os.Open("testdata/figure.png")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	m, err := png.Decode(f)
	if err != nil {
		t.Fatal(err)
	}
	img := image.NewRGBA(m.Bounds())
	for y := range m.Bounds().Dy() {
		for x := range m.Bounds().Dx() {
			img.Set(x, y, m.At(x, y))
		}
	}
	return img
}

// BenchmarkEncode encodes a figure (800×500, RGBA as figgen draws it) with
// this package and with image/png, in the same run.
func BenchmarkEncode(b *testing.B) {
	img := figure(b)
	b.Run("pngenc", func(b *testing.B) {
		var buf bytes.Buffer
		var e Encoder // as a figgen worker does: buffers reused
		for b.Loop() {
			buf.Reset()
			if err := e.Encode(&buf, img); err != nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric(float64(buf.Len()), "bytes")
	})
	b.Run("pngenc-optimize", func(b *testing.B) {
		var buf bytes.Buffer
		e := Encoder{Options: Options{Optimize: true}}
		for b.Loop() {
			buf.Reset()
			if err := e.Encode(&buf, img); err != nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric(float64(buf.Len()), "bytes")
	})
	b.Run("image-png-BestSpeed", func(b *testing.B) {
		var buf bytes.Buffer
		enc := png.Encoder{CompressionLevel: png.BestSpeed}
		for b.Loop() {
			buf.Reset()
			if err := enc.Encode(&buf, img); err != nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric(float64(buf.Len()), "bytes")
	})
	b.Run("image-png-Default", func(b *testing.B) {
		var buf bytes.Buffer
		for b.Loop() {
			buf.Reset()
			if err := png.Encode(&buf, img); err != nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric(float64(buf.Len()), "bytes")
	})
}

// TestText: the texts are iTXt chunks before the image data, UTF-8, that
// a decoder skips; a bad keyword is an error.
func TestText(t *testing.T) {
	img := image.NewGray(image.Rect(0, 0, 3, 2))
	var buf bytes.Buffer
	var e Encoder
	if err := e.EncodeText(&buf, img, Text{Key: "Title", Value: "뉴런", Lang: "ko"}, Text{Key: "Description", Value: "α < β"}); err != nil {
		t.Fatal(err)
	}
	data := buf.Bytes()
	want1 := "iTXtTitle\x00\x00\x00ko\x00\x00뉴런"
	want2 := "iTXtDescription\x00\x00\x00\x00\x00α < β"
	i1, i2, idat := bytes.Index(data, []byte(want1)), bytes.Index(data, []byte(want2)), bytes.Index(data, []byte("IDAT"))
	if i1 < 0 || i2 < i1 || idat < i2 {
		t.Errorf("iTXt chunks missing or misplaced: %q", data)
	}
	if _, err := png.Decode(bytes.NewReader(data)); err != nil {
		t.Errorf("image/png cannot read it: %v", err)
	}
	for _, k := range []string{"", " Title", "Ti\x00tle", "Tïtle", strings.Repeat("k", 80)} {
		if err := e.EncodeText(io.Discard, img, Text{Key: k, Value: "x"}); err == nil {
			t.Errorf("keyword %q: no error", k)
		}
	}
}

// TestKeptBounded: an Encoder keeps no buffer over maxKept for the next
// image, whether of its compressor or of the pixels it converted (an
// image not opaque RGBA).
func TestKeptBounded(t *testing.T) {
	img := image.NewRGBA(image.Rect(0, 0, 2100, 2100)) // 17.6 MB of pixels
	for i := 3; i < len(img.Pix); i += 4 {
		img.Pix[i] = uint8(i >> 10) // not opaque: converted
	}
	var e Encoder
	if err := e.Encode(io.Discard, img); err != nil {
		t.Fatal(err)
	}
	if b, ok := e.pix.Get(); ok && cap(b) > maxKept {
		t.Errorf("the encoder keeps %d MB of pixels", cap(b)>>20)
	}
	if s, ok := e.states.Get(); ok && (cap(s.raw) > maxKept || cap(s.out) > maxKept) {
		t.Errorf("the encoder keeps %d and %d MB of rows", cap(s.raw)>>20, cap(s.out)>>20)
	}
}

// TestEncodeOver: EncodeTextOver writes the same bytes as EncodeText, for
// rows that fit over the pixels (RGB, grey, 8-bit palettes, of every
// width modulo the four pixels convertRow takes at a time) and for rows
// that do not (RGBA, palettes of fewer bits, an image whose rows have
// gaps between them), and a figure's rows take no buffer of their own.
func TestEncodeOver(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	grey := func(w, h int) *image.RGBA {
		img := image.NewRGBA(image.Rect(0, 0, w, h))
		for i := 0; i < len(img.Pix); i += 4 {
			v := uint8(r.IntN(256))
			img.Pix[i], img.Pix[i+1], img.Pix[i+2], img.Pix[i+3] = v, v, v, 255
		}
		return img
	}
	colours := func(w, h, n int, opaque bool) *image.RGBA {
		img := image.NewRGBA(image.Rect(0, 0, w, h))
		for i := 0; i < len(img.Pix); i += 4 {
			k := uint8(r.IntN(n))
			a := uint8(255)
			if !opaque {
				a = 128
			}
			img.Pix[i], img.Pix[i+1], img.Pix[i+2], img.Pix[i+3] = k/2, k/3+1, 100-k/4, a
		}
		return img
	}
	fig := figure(t)
	cases := []struct {
		name string
		img  *image.RGBA
		ct   byte
	}{
		{"figure", fig, ctRGB},
		{"sub-image", fig.SubImage(image.Rect(3, 5, fig.Rect.Dx()-4, fig.Rect.Dy()-7)).(*image.RGBA), ctRGB},
		{"translucent", randomRGBA(r, 33, 9, false), ctRGBA},
		{"palette of 2", colours(13, 4, 2, true), ctPalette},
		{"translucent palette", colours(9, 5, 200, false), ctPalette},
	}
	for w := 1; w <= 9; w++ {
		for _, h := range []int{1, 2, 5} {
			cases = append(cases,
				struct {
					name string
					img  *image.RGBA
					ct   byte
				}{fmt.Sprintf("rgb %d×%d", w, 300+h), randomRGBA(r, w, 300+h, true), ctRGB}, // > 256 colours
				struct {
					name string
					img  *image.RGBA
					ct   byte
				}{fmt.Sprintf("grey %d×%d", w, h), grey(w, h), ctGrey},
			)
		}
		cases = append(cases, struct {
			name string
			img  *image.RGBA
			ct   byte
		}{fmt.Sprintf("palette %d×3", w), colours(w, 3, 40, true), ctPalette})
	}
	var e Encoder
	for _, c := range cases {
		var want, got bytes.Buffer
		if err := e.EncodeText(&want, c.img, Text{Key: "Title", Value: c.name}); err != nil {
			t.Fatal(err)
		}
		if ct, _ := header(t, want.Bytes()); ct != c.ct {
			t.Fatalf("%s: colour type %d, want %d", c.name, ct, c.ct)
		}
		clone := &image.RGBA{Pix: bytes.Clone(c.img.Pix), Stride: c.img.Stride, Rect: c.img.Rect}
		if err := e.EncodeTextOver(&got, clone, Text{Key: "Title", Value: c.name}); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got.Bytes(), want.Bytes()) {
			t.Errorf("%s: EncodeTextOver writes other bytes than EncodeText", c.name)
		}
	}

	// A fresh encoder's memory for a figure: the rows' 1.2 MB buffer
	// only when it has to make one.
	fresh := func(over bool) uint64 {
		img := &image.RGBA{Pix: bytes.Clone(fig.Pix), Stride: fig.Stride, Rect: fig.Rect}
		var e Encoder
		var buf bytes.Buffer
		var m0, m1 runtime.MemStats
		runtime.ReadMemStats(&m0)
		if over {
			e.EncodeTextOver(&buf, img)
		} else {
			e.EncodeText(&buf, img)
		}
		runtime.ReadMemStats(&m1)
		return m1.TotalAlloc - m0.TotalAlloc
	}
	rows := int64((3*fig.Rect.Dx() + 1) * fig.Rect.Dy())
	if a, b := int64(fresh(false)), int64(fresh(true)); a-b < rows {
		t.Errorf("a fresh encoder allocates %d bytes for a figure with EncodeText, %d with EncodeTextOver: want %d fewer", a, b, rows)
	}
}

// Package golden compares rendered files with committed golden files, for
// tests only. Goldens are rewritten only when the test binary runs with
// -update; on a mismatch the rendered file (and, for a PNG, a diff image) is
// written to testdata/failed/ beside the golden, which git ignores.
//
// Text files (SVG, and PDFs as text: see ReadPDF) must equal their golden
// byte for byte: figgen's output is deterministic, on every architecture
// (CI runs the golden tests as arm64 under qemu), so any difference is a
// change.
//
// PNGs are compared by decoded pixels, so that a change of the PNG encoder
// (zlib) alone does not fail a test, under Default: a pixel differs when one
// of its channels is more than 2 levels (of 255) from the golden's, and not a
// single such pixel is allowed. The numbers come from measurements:
//
//   - Drift: the PNGs of every figure and typeset golden are identical, pixel
//     for pixel and byte for byte, between two renders, between concurrent
//     renders, and across builds: amd64 with GOAMD64=v1 and v3 (fused
//     multiply-add), 386, -gcflags=-N -l, and arm64, riscv64, ppc64le and
//     s390x. No drift needs a count of pixels. The 2 levels only absorb an
//     off-by-one rounding of anti-aliasing coverage or compositing, should a
//     future toolchain or library change it, anywhere in the image.
//   - Sensitivity: one glyph changed in a label of a 320×200 step figure (the
//     smallest size figgen renders) changes 5 to 40 pixels by more than 2
//     levels, most of them by more than 24: + → − 5 pixels, x₁ → x₇ 11,
//     θ → φ 18, 조 → 초 39. At 480×300 the same swaps change 14 to 67 pixels.
//     The previous tolerance (24 levels, and 0.2% of the pixels: 128 at
//     320×200, 288 at 480×300) let every one of them pass.
//     figures.TestGoldenSeesText keeps this true.
package golden

import (
	"bytes"
	"flag"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"testing"
	"unicode/utf8"
)

var update = flag.Bool("update", false, "rewrite golden files with the current output")

// Tolerance bounds how far a rendered PNG may drift from its golden.
type Tolerance struct {
	Channel   uint8 // largest per-channel difference (0…255) that still counts as equal
	MaxPixels int   // number of pixels allowed to differ beyond Channel
}

// Default is the tolerance of every golden PNG; the package doc gives the
// measurements behind it.
var Default = Tolerance{Channel: 2, MaxPixels: 0}

// Allows reports whether d is within tol.
func (tol Tolerance) Allows(d Diff) bool {
	return !d.Bounds && d.Count <= tol.MaxPixels
}

// Diff is the result of comparing two images.
type Diff struct {
	Count  int         // pixels differing beyond the channel tolerance
	Total  int         // pixels compared
	Max    uint8       // largest per-channel difference seen
	First  image.Point // first differing pixel, in reading order
	Bounds bool        // sizes differ
	Mask   *image.RGBA // differing pixels in red on a faded copy of want
}

func (d Diff) String() string {
	if d.Bounds {
		return "sizes differ"
	}
	return fmt.Sprintf("%d of %d pixels differ (first at %v, largest channel difference %d)", d.Count, d.Total, d.First, d.Max)
}

// Compare compares got with want pixel by pixel: a pixel differs when one
// of its channels (non-premultiplied RGBA) is more than ch apart.
func Compare(got, want image.Image, ch uint8) Diff {
	gb, wb := got.Bounds(), want.Bounds()
	if gb.Size() != wb.Size() {
		return Diff{Bounds: true}
	}
	d := Diff{Total: gb.Dx() * gb.Dy(), First: image.Pt(-1, -1), Mask: image.NewRGBA(image.Rect(0, 0, gb.Dx(), gb.Dy()))}
	for y := 0; y < gb.Dy(); y++ {
		for x := 0; x < gb.Dx(); x++ {
			g := color.NRGBAModel.Convert(got.At(gb.Min.X+x, gb.Min.Y+y)).(color.NRGBA)
			w := color.NRGBAModel.Convert(want.At(wb.Min.X+x, wb.Min.Y+y)).(color.NRGBA)
			m := max(dist(g.R, w.R), dist(g.G, w.G), dist(g.B, w.B), dist(g.A, w.A))
			d.Max = max(d.Max, m)
			if m > ch {
				if d.Count == 0 {
					d.First = image.Pt(x, y)
				}
				d.Count++
				d.Mask.Set(x, y, color.RGBA{R: 255, A: 255})
				continue
			}
			v := 200 + w.R/5
			d.Mask.Set(x, y, color.RGBA{R: v, G: v, B: v, A: 255})
		}
	}
	return d
}

func dist(a, b uint8) uint8 {
	if a > b {
		return a - b
	}
	return b - a
}

// ComparePNG decodes two PNGs and compares them with tol.Channel; it never
// fails the test, so a test can assert that two renders do not match:
// tol.Allows(d) says whether they do.
func ComparePNG(got, want []byte, tol Tolerance) (Diff, error) {
	gi, err := png.Decode(bytes.NewReader(got))
	if err != nil {
		return Diff{}, fmt.Errorf("decode rendered PNG: %w", err)
	}
	wi, err := png.Decode(bytes.NewReader(want))
	if err != nil {
		return Diff{}, fmt.Errorf("decode golden PNG: %w", err)
	}
	return Compare(gi, wi, tol.Channel), nil
}

// PNG checks that the PNG bytes got match the golden file at path within
// tol. With -update it writes got there instead. On failure it writes the
// got image and a diff image under testdata/failed/ beside the golden.
func PNG(t testing.TB, path string, got []byte, tol Tolerance) {
	t.Helper()
	if *update {
		write(t, path, got)
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("golden %s: %v (run the test with -update to create it)", path, err)
	}
	d, err := ComparePNG(got, want, tol)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	if tol.Allows(d) {
		return
	}
	if d.Bounds {
		gc, _ := png.DecodeConfig(bytes.NewReader(got))
		wc, _ := png.DecodeConfig(bytes.NewReader(want))
		t.Errorf("%s: size %d×%d, golden %d×%d", path, gc.Width, gc.Height, wc.Width, wc.Height)
		failed(t, path, got, nil)
		return
	}
	t.Errorf("%s: %v; allowed: %d pixels beyond %d levels", path, d, tol.MaxPixels, tol.Channel)
	failed(t, path, got, d.Mask)
}

// Bytes checks that got equals the golden file at path byte for byte; it is
// meant for text files such as SVG. With -update it writes got there
// instead. On failure it writes got under testdata/failed/ beside the golden
// and reports the first difference by line and column, with context.
func Bytes(t testing.TB, path string, got []byte) {
	t.Helper()
	if *update {
		write(t, path, got)
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("golden %s: %v (run the test with -update to create it)", path, err)
	}
	if bytes.Equal(got, want) {
		return
	}
	t.Errorf("%s: differs from golden (got %d bytes, golden %d)\n%s", path, len(got), len(want), FirstDiff(got, want))
	failed(t, path, got, nil)
}

// around is how many bytes of a line FirstDiff shows either side of the
// first difference.
const around = 40

// FirstDiff describes where got first differs from want: byte offset (from
// 0), line and column (from 1, in bytes), and the line of each around that
// point. It returns "" when they are equal.
func FirstDiff(got, want []byte) string {
	i := 0
	for i < len(got) && i < len(want) && got[i] == want[i] {
		i++
	}
	if i == len(got) && i == len(want) {
		return ""
	}
	start := bytes.LastIndexByte(want[:i], '\n') + 1
	line := bytes.Count(want[:i], []byte{'\n'}) + 1
	return fmt.Sprintf("first difference at byte %d, line %d, column %d:\n  golden: %s\n  got:    %s",
		i, line, i-start+1, excerpt(want, start, i), excerpt(got, start, i))
}

// excerpt returns the line of b that starts at start, clipped to around
// bytes either side of i (on rune boundaries), quoted so that control
// characters and the end of the file show.
func excerpt(b []byte, start, i int) string {
	end := len(b)
	if j := bytes.IndexByte(b[min(i, len(b)):], '\n'); j >= 0 {
		end = min(i, len(b)) + j
	}
	from, to := max(start, i-around), min(end, i+1+around)
	for from > start && !utf8.RuneStart(b[from]) {
		from--
	}
	for to < end && !utf8.RuneStart(b[to]) {
		to++
	}
	s := fmt.Sprintf("%q", b[from:to])
	if from > start {
		s = "…" + s
	}
	if to < end {
		s += "…"
	}
	if to == len(b) {
		s += " (end of file)"
	}
	return s
}

func write(t testing.TB, path string, data []byte) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

func failed(t testing.TB, path string, got []byte, mask image.Image) {
	t.Helper()
	dir := filepath.Join(filepath.Dir(path), "failed")
	base := filepath.Base(path)
	write(t, filepath.Join(dir, base), got)
	if mask == nil {
		t.Logf("wrote the rendered file to %s", filepath.Join(dir, base))
		return
	}
	var b bytes.Buffer
	if err := png.Encode(&b, mask); err == nil {
		ext := filepath.Ext(base)
		write(t, filepath.Join(dir, base[:len(base)-len(ext)]+".diff.png"), b.Bytes())
	}
	t.Logf("wrote the rendered file and its diff under %s", dir)
}

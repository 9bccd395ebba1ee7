// Package golden compares rendered images with committed golden files, for
// tests only: PNGs by decoded pixels with a per-channel tolerance and a cap
// on the share of differing pixels. Goldens are
// rewritten only when the test binary runs with -update.
package golden

import (
	"bytes"
	"flag"
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"testing"
)

var update = flag.Bool("update", false, "rewrite golden files with the current output")

// Tolerance bounds how far a rendered PNG may drift from its golden.
type Tolerance struct {
	Channel  uint8   // largest per-channel difference (0…255) that still counts as equal
	MaxShare float64 // share of pixels (0…1) allowed to differ beyond Channel
}

// Default absorbs anti-aliasing noise across CPUs and build flags.
var Default = Tolerance{Channel: 24, MaxShare: 0.002}

// Diff is the result of comparing two images.
type Diff struct {
	Count  int         // pixels differing beyond the tolerance
	Total  int         // pixels compared
	First  image.Point // first differing pixel, in reading order
	Bounds bool        // sizes differ
	Mask   *image.RGBA // differing pixels in red on a faded copy of want
}

// Compare compares got with want pixel by pixel.
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
			if far(g.R, w.R, ch) || far(g.G, w.G, ch) || far(g.B, w.B, ch) || far(g.A, w.A, ch) {
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

func far(a, b, ch uint8) bool {
	if a > b {
		return a-b > ch
	}
	return b-a > ch
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
	wantData, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("golden %s: %v (run the test with -update to create it)", path, err)
	}
	gi, err := png.Decode(bytes.NewReader(got))
	if err != nil {
		t.Fatalf("decode rendered PNG: %v", err)
	}
	wi, err := png.Decode(bytes.NewReader(wantData))
	if err != nil {
		t.Fatalf("decode golden %s: %v", path, err)
	}
	d := Compare(gi, wi, tol.Channel)
	switch {
	case d.Bounds:
		t.Errorf("%s: size %v, golden %v", path, gi.Bounds().Size(), wi.Bounds().Size())
	case float64(d.Count) > tol.MaxShare*float64(d.Total):
		t.Errorf("%s: %d of %d pixels differ (first at %v)", path, d.Count, d.Total, d.First)
	default:
		return
	}
	failed(t, path, got, d.Mask)
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
	if mask != nil {
		var b bytes.Buffer
		if err := png.Encode(&b, mask); err == nil {
			ext := filepath.Ext(base)
			write(t, filepath.Join(dir, base[:len(base)-len(ext)]+".diff.png"), b.Bytes())
		}
	}
	t.Logf("wrote the rendered file and its diff under %s", dir)
}

package golden

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func fill(w, h int, c color.Color) *image.RGBA {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			img.Set(x, y, c)
		}
	}
	return img
}

// TestCompare checks the comparator itself: tolerance, counting, first
// position and size mismatch.
func TestCompare(t *testing.T) {
	white := color.RGBA{255, 255, 255, 255}
	base := fill(10, 10, white)
	near := fill(10, 10, color.RGBA{250, 250, 250, 255})
	spots := fill(10, 10, white)
	spots.Set(3, 2, color.RGBA{0, 0, 0, 255})
	spots.Set(7, 5, color.RGBA{0, 0, 0, 255})
	tests := []struct {
		name      string
		got, want image.Image
		ch        uint8
		count     int
		max       uint8
		first     image.Point
		bounds    bool
	}{
		{"identical", base, base, 0, 0, 0, image.Pt(-1, -1), false},
		{"within tolerance", near, base, 8, 0, 5, image.Pt(-1, -1), false},
		{"beyond tolerance", near, base, 4, 100, 5, image.Pt(0, 0), false},
		{"two spots", spots, base, 24, 2, 255, image.Pt(3, 2), false},
		{"size mismatch", fill(9, 10, white), base, 24, 0, 0, image.Pt(0, 0), true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := Compare(tc.got, tc.want, tc.ch)
			if d.Bounds != tc.bounds {
				t.Fatalf("Bounds = %v, want %v", d.Bounds, tc.bounds)
			}
			if tc.bounds {
				return
			}
			if d.Count != tc.count || d.First != tc.first || d.Max != tc.max {
				t.Errorf("Compare = %d differing, first %v, max %d; want %d, first %v, max %d", d.Count, d.First, d.Max, tc.count, tc.first, tc.max)
			}
		})
	}
}

func encode(t *testing.T, img image.Image) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// TestDefault: Default absorbs a drift of 2 levels anywhere, and no pixel
// beyond it; a size change never passes.
func TestDefault(t *testing.T) {
	white := color.RGBA{255, 255, 255, 255}
	base := encode(t, fill(20, 10, white))
	drift := fill(20, 10, white)
	for x := 0; x < 20; x++ {
		drift.Set(x, 3, color.RGBA{253, 254, 253, 255})
	}
	spot := fill(20, 10, white)
	spot.Set(4, 4, color.RGBA{252, 255, 255, 255})
	tests := []struct {
		name string
		got  []byte
		ok   bool
	}{
		{"identical", base, true},
		{"drift of 2 levels in a whole row", encode(t, drift), true},
		{"one pixel 3 levels off", encode(t, spot), false},
		{"size", encode(t, fill(20, 11, white)), false},
	}
	for _, tc := range tests {
		d, err := ComparePNG(tc.got, base, Default)
		if err != nil {
			t.Fatal(err)
		}
		if Default.Allows(d) != tc.ok {
			t.Errorf("%s: Allows(%v) = %v, want %v", tc.name, d, !tc.ok, tc.ok)
		}
	}
	if _, err := ComparePNG([]byte("not a png"), base, Default); err == nil {
		t.Error("ComparePNG accepts bytes that are not a PNG")
	}
}

func TestFirstDiff(t *testing.T) {
	long := strings.Repeat("0123456789", 10)
	tests := []struct {
		name, got, want string
		diff            string
	}{
		{"equal", "a\nb\n", "a\nb\n", ""},
		{"second line", "<svg>\n<path d=\"M1,2\"/>\n", "<svg>\n<path d=\"M1,3\"/>\n",
			"first difference at byte 18, line 2, column 13:\n" +
				"  golden: \"<path d=\\\"M1,3\\\"/>\"\n" +
				"  got:    \"<path d=\\\"M1,2\\\"/>\""},
		{"long line clipped", long + "X" + long + "\n", long + "Y" + long + "\n",
			"first difference at byte 100, line 1, column 101:\n" +
				"  golden: …\"" + long[60:] + "Y" + long[:40] + "\"…\n" +
				"  got:    …\"" + long[60:] + "X" + long[:40] + "\"…"},
		{"got shorter", "ab", "abc",
			"first difference at byte 2, line 1, column 3:\n" +
				"  golden: \"abc\" (end of file)\n" +
				"  got:    \"ab\" (end of file)"},
		{"rune boundary", strings.Repeat("가", 20) + "1", strings.Repeat("가", 20) + "2",
			"first difference at byte 60, line 1, column 61:\n" +
				"  golden: …\"" + strings.Repeat("가", 14) + "2\" (end of file)\n" +
				"  got:    …\"" + strings.Repeat("가", 14) + "1\" (end of file)"},
	}
	for _, tc := range tests {
		if got := FirstDiff([]byte(tc.got), []byte(tc.want)); got != tc.diff {
			t.Errorf("%s: FirstDiff =\n%s\nwant\n%s", tc.name, got, tc.diff)
		}
	}
}

// recorder is a testing.TB that keeps the errors reported to it.
type recorder struct {
	testing.TB
	errs []string
}

func (r *recorder) Helper()                         {}
func (r *recorder) Logf(format string, args ...any) {}
func (r *recorder) Errorf(format string, args ...any) {
	r.errs = append(r.errs, fmt.Sprintf(format, args...))
}

// TestBytes: Bytes passes equal bytes, and on a difference reports where
// and writes the rendered file under failed/.
func TestBytes(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "fig.svg")
	if err := os.WriteFile(path, []byte("<svg>\n<path d=\"M1,2\"/>\n</svg>\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	r := &recorder{TB: t}
	Bytes(r, path, []byte("<svg>\n<path d=\"M1,2\"/>\n</svg>\n"))
	if len(r.errs) != 0 {
		t.Fatalf("equal bytes: %q", r.errs)
	}
	got := []byte("<svg>\n<path d=\"M1,7\"/>\n</svg>\n")
	Bytes(r, path, got)
	if len(r.errs) != 1 || !strings.Contains(r.errs[0], "line 2, column 13") {
		t.Fatalf("one changed digit: errors %q", r.errs)
	}
	if data, err := os.ReadFile(filepath.Join(dir, "failed", "fig.svg")); err != nil || !bytes.Equal(data, got) {
		t.Errorf("failed/fig.svg = %q, %v; want the rendered bytes", data, err)
	}
}

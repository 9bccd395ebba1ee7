package figures

import (
	"bytes"
	"context"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// chromium returns the path of a Chromium to drive, skipping the test
// when there is none, unless in CI, where the test must run.
func chromium(t *testing.T) string {
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv("CI") != "" {
		t.Fatal("no Chromium found (chromium, chromium-browser, google-chrome): CI must have one (apt-get install chromium)")
	}
	t.Skip("no Chromium found (apt-get install chromium to run this test)")
	return ""
}

// TestAutoSVGInBrowser shows themes: auto's SVG in headless Chromium,
// alone and in an <img> of a page, with the reader's colour scheme light
// and dark: each screenshot is the figure of that theme (its PNG, within
// antialiasing), its text in the theme's ink.
func TestAutoSVGInBrowser(t *testing.T) {
	exe := chromium(t)
	f := decodeFile(t, "testdata/plane-or.yaml")
	f.Formats, f.Themes = []string{"svg", "png"}, []string{"auto"}
	outs, err := renderer(t).Render(f)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	pngs := map[string][]byte{}
	for _, o := range outs {
		switch o.Theme {
		case "auto":
			if err := os.WriteFile(filepath.Join(dir, "f.svg"), o.Data, 0o644); err != nil {
				t.Fatal(err)
			}
		default:
			pngs[o.Theme] = o.Data
		}
	}
	page := fmt.Sprintf(`<!doctype html><html><head><style>html,body{margin:0;background:#808080}img{display:block}</style></head><body><img src="f.svg" width="%d" height="%d"></body></html>`, f.Width, f.Height)
	if err := os.WriteFile(filepath.Join(dir, "page.html"), []byte(page), 0o644); err != nil {
		t.Fatal(err)
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:], chromedp.ExecPath(exe), chromedp.NoSandbox, chromedp.Flag("headless", "new"))
	actx, cancel := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancel()
	ctx, cancel := chromedp.NewContext(actx)
	defer cancel()
	ctx, cancel = context.WithTimeout(ctx, 60*time.Second)
	defer cancel()
	for _, scheme := range []string{"light", "dark"} {
		want, err := png.Decode(bytes.NewReader(pngs[scheme]))
		if err != nil {
			t.Fatal(err)
		}
		for _, doc := range []string{"f.svg", "page.html"} {
			media := emulation.SetEmulatedMediaParams{Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: scheme}}}
			err := chromedp.Do(ctx,
				chromedp.EmulateViewport(int64(f.Width), int64(f.Height)),
				chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
					_, err := cdp.Call(ctx, tg, emulation.SetEmulatedMedia, media)
					return err
				}),
				chromedp.Navigate("file://"+filepath.Join(dir, doc)),
				chromedp.Sleep(200*time.Millisecond),
			)
			if err != nil {
				t.Fatal(err)
			}
			shot, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
			if err != nil {
				t.Fatal(err)
			}
			got, err := png.Decode(bytes.NewReader(shot))
			if err != nil {
				t.Fatal(err)
			}
			if got.Bounds() != image.Rect(0, 0, f.Width, f.Height) {
				t.Fatalf("%s, %s: screenshot %v", doc, scheme, got.Bounds())
			}
			bg := themes[scheme].bg
			if c := got.At(3, 3); !near(c, bg, 2) {
				t.Errorf("%s, %s: page %v, want the theme's %v", doc, scheme, c, bg)
			}
			// Text: the glyphs, each placed by a <use> of one outline in
			// <defs>, take the theme's ink: where the PNG is nearer the ink
			// than the page in the title and the legend (where no line is
			// ink), the screenshot is too.
			ink, bg := themes[scheme].ink, themes[scheme].bg
			inked, right := 0, 0
			for y := range f.Height {
				for x := range f.Width {
					if !(x*100 >= 68*f.Width || y*100 < 8*f.Height) || dist(want.At(x, y), ink) >= dist(want.At(x, y), bg) {
						continue
					}
					inked++
					if g := got.At(x, y); dist(g, ink) < dist(g, bg) {
						right++
					}
				}
			}
			t.Logf("%s, %s: %d of %d pixels of text in the theme's ink", doc, scheme, right, inked)
			if inked < 100 || right*3 < inked*2 {
				t.Errorf("%s, %s: %d of %d pixels of text in the theme's ink %v", doc, scheme, right, inked, ink)
			}
			d := meanDiff(got, want)
			t.Logf("%s, %s: differs from the %s PNG by %.4f per pixel", doc, scheme, scheme, d)
			if d > 0.02 {
				t.Errorf("%s, %s: differs from the %s PNG by %.3f per pixel", doc, scheme, scheme, d)
			}
		}
	}
}

// near reports whether a and b differ by at most tol levels per channel.
func near(a, b color.Color, tol int) bool {
	ar, ag, ab, _ := a.RGBA()
	br, bg, bb, _ := b.RGBA()
	d := func(x, y uint32) bool { return math.Abs(float64(x>>8)-float64(y>>8)) <= float64(tol) }
	return d(ar, br) && d(ag, bg) && d(ab, bb)
}

// dist is the largest difference of two colours' channels, in levels.
func dist(a, b color.Color) int {
	ar, ag, ab, _ := a.RGBA()
	br, bg, bb, _ := b.RGBA()
	d := 0
	for _, p := range [][2]uint32{{ar, br}, {ag, bg}, {ab, bb}} {
		d = max(d, int(math.Abs(float64(p[0]>>8)-float64(p[1]>>8))))
	}
	return d
}

// meanDiff is the mean difference of two images of one size, 0 to 1.
func meanDiff(a, b image.Image) float64 {
	var sum float64
	r := a.Bounds()
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			ar, ag, ab, _ := a.At(x, y).RGBA()
			br, bg, bb, _ := b.At(x, y).RGBA()
			sum += (math.Abs(float64(ar)-float64(br)) + math.Abs(float64(ag)-float64(bg)) + math.Abs(float64(ab)-float64(bb))) / 3 / 0xffff
		}
	}
	return sum / float64(r.Dx()*r.Dy())
}

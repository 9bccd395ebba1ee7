package typeset

import (
	"bytes"
	"flag"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"math"
	"os"
	"path/filepath"
	"testing"

	"golang.org/x/image/font"
	plotfont "gonum.org/v1/plot/font"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"
)

var update = flag.Bool("update", false, "rewrite the golden PNGs in testdata")

// goldens are the strings of each golden image, one row each.
var goldens = []struct {
	name  string
	bold  bool
	lines []string
}{
	{"bold", true, []string{
		"굵은 제목: 인공 뉴런 $y = f(\\sum_i w_i x_i + b)$",
		`Bold $\alpha \geq 0$, $\text{출력}$`,
	}},
	{"plain", false, []string{
		"출력 신호 있음 ($y=1$)",
		"가중합과 활성화 함수 — Weighted sum",
		`가격 \$5, 입력 $x_1$, 가중치 $w_1$`,
	}},
	{"scripts", false, []string{
		`$w^l_{ji} \quad x_1 \quad e^{-z} \quad x^{2^{n}} \quad f'(x)$`,
		`$\sum_{i=1}^{n} w_i x_i + b \geq 0$`,
		`$-x + (-y) = a - b \cdot c \times d \pm e$`,
	}},
	{"frac_sqrt", false, []string{
		`$\sigma(z)=\frac{1}{1+e^{-z}}$`,
		`$\dfrac{\partial L}{\partial w} \quad \sqrt{x^2+y^2} \quad \sqrt[3]{8}$`,
		`$\left(\frac{a}{b}\right) \left[x\right] \{a, b\}$`,
	}},
	{"symbols", false, []string{
		`$\alpha\beta\gamma\delta\epsilon\eta\theta\lambda\mu\pi\rho\sigma\tau\phi\omega$`,
		`$\Gamma\Delta\Theta\Lambda\Sigma\Phi\Psi\Omega, a \leq b, c \geq d \neq e \approx f \rightarrow \infty$`,
		`$\hat{y} \; \bar{x} \; \vec{w} \; \tilde{a} \; \overline{AB} \; \mathbb{R}^n \; \mathbf{w}$`,
		`$\text{가중합 } z = \mathrm{ReLU}(x) = \max(0, x), \tanh x$`,
	}},
}

func TestGolden(t *testing.T) {
	e := engine(t)
	for _, g := range goldens {
		t.Run(g.name, func(t *testing.T) {
			for _, s := range g.lines {
				if err := e.Check(s); err != nil {
					t.Fatalf("Check(%q): %v", s, err)
				}
			}
			fnt := plotfont.Font{Size: 16}
			if g.bold {
				fnt.Weight = font.WeightBold
			}
			got := renderLines(t, e, g.lines, fnt)
			compareGolden(t, g.name, got)
		})
	}
	t.Run("align", func(t *testing.T) {
		compareGolden(t, "align", renderAlign(t, e))
	})
}

// renderAlign draws labels with every alignment and some rotations around
// marked anchor points.
func renderAlign(t testing.TB, e *Engine) image.Image {
	w, h := 480*vg.Inch/96, 320*vg.Inch/96
	img := vgimg.NewWith(vgimg.UseWH(w, h), vgimg.UseDPI(96), vgimg.UseBackgroundColor(color.White))
	dc := draw.New(img)
	sty := text.Style{Color: color.Black, Font: plotfont.Font{Size: 12}, Handler: e.Handler()}
	mark := func(p vg.Point) {
		dc.SetColor(color.RGBA{R: 230, A: 255})
		dc.SetLineWidth(0.5)
		var l vg.Path
		l.Move(vg.Point{X: p.X - 4, Y: p.Y})
		l.Line(vg.Point{X: p.X + 4, Y: p.Y})
		l.Move(vg.Point{X: p.X, Y: p.Y - 4})
		l.Line(vg.Point{X: p.X, Y: p.Y + 4})
		dc.Stroke(l)
	}
	i := 0
	for _, ya := range []text.YAlignment{text.YBottom, text.YCenter, text.YTop} {
		for _, xa := range []text.XAlignment{text.XLeft, text.XCenter, text.XRight} {
			p := vg.Point{X: w * vg.Length(1+i%3) / 4, Y: h - vg.Length(1+i/3)*h/6}
			mark(p)
			sty.XAlign, sty.YAlign = xa, ya
			dc.FillText(sty, p, `정렬 $x_i$`)
			i++
		}
	}
	for j, rot := range []float64{math.Pi / 2, -math.Pi / 6} {
		p := vg.Point{X: w * vg.Length(1+2*j) / 4, Y: h / 4}
		mark(p)
		sty.XAlign, sty.YAlign, sty.Rotation = text.XCenter, text.YCenter, rot
		dc.FillText(sty, p, "회전 $\\theta$\n둘째 줄 $\\frac{1}{2}$")
	}
	return encodeDecode(t, img)
}

func encodeDecode(t testing.TB, img *vgimg.Canvas) image.Image {
	t.Helper()
	var buf bytes.Buffer
	if _, err := (vgimg.PngCanvas{Canvas: img}).WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	m, err := png.Decode(&buf)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// compareGolden compares got with testdata/name.png, or rewrites it with
// -update. On failure it writes the got and diff images to testdata/failed.
func compareGolden(t *testing.T, name string, got image.Image) {
	t.Helper()
	path := filepath.Join("testdata", name+".png")
	if *update {
		if err := writePNG(path, got); err != nil {
			t.Fatal(err)
		}
		return
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatalf("missing golden (run go test -update): %v", err)
	}
	want, err := png.Decode(f)
	f.Close()
	if err != nil {
		t.Fatal(err)
	}
	n, first, diff := pixelDiff(got, want, 24)
	total := got.Bounds().Dx() * got.Bounds().Dy()
	if n > total/500 || got.Bounds() != want.Bounds() {
		dir := filepath.Join("testdata", "failed")
		_ = os.MkdirAll(dir, 0o755)
		_ = writePNG(filepath.Join(dir, name+".png"), got)
		if diff != nil {
			_ = writePNG(filepath.Join(dir, name+"-diff.png"), diff)
		}
		t.Errorf("%s: %d of %d pixels differ, first at %v (bounds %v, want %v)", name, n, total, first, got.Bounds(), want.Bounds())
	}
}

// pixelDiff counts pixels whose channels differ by more than tol, returns the
// first such pixel and a diff image (differing pixels red).
func pixelDiff(a, b image.Image, tol uint32) (n int, first image.Point, diff *image.RGBA) {
	if a.Bounds() != b.Bounds() {
		return a.Bounds().Dx() * a.Bounds().Dy(), image.Point{}, nil
	}
	r := a.Bounds()
	diff = image.NewRGBA(r)
	first = image.Point{X: -1, Y: -1}
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			ar, ag, ab, aa := a.At(x, y).RGBA()
			br, bg, bb, ba := b.At(x, y).RGBA()
			d := max(absDiff(ar, br), absDiff(ag, bg), absDiff(ab, bb), absDiff(aa, ba)) >> 8
			if d > tol {
				if n == 0 {
					first = image.Point{X: x, Y: y}
				}
				n++
				diff.Set(x, y, color.RGBA{R: 255, A: 255})
			} else {
				g := uint8(255 - (255-ar>>8)/4)
				diff.Set(x, y, color.RGBA{R: g, G: g, B: g, A: 255})
			}
		}
	}
	return n, first, diff
}

func absDiff(a, b uint32) uint32 {
	if a > b {
		return a - b
	}
	return b - a
}

func writePNG(path string, m image.Image) error {
	var buf bytes.Buffer
	if err := png.Encode(&buf, m); err != nil {
		return err
	}
	return os.WriteFile(path, buf.Bytes(), 0o644)
}

func TestPixelDiff(t *testing.T) {
	a := image.NewRGBA(image.Rect(0, 0, 4, 3))
	b := image.NewRGBA(image.Rect(0, 0, 4, 3))
	a.Set(1, 1, color.RGBA{R: 10, A: 255})
	b.Set(1, 1, color.RGBA{R: 20, A: 255})
	if n, _, _ := pixelDiff(a, b, 24); n != 0 {
		t.Errorf("small difference counted: %d", n)
	}
	b.Set(2, 1, color.RGBA{G: 200, A: 255})
	b.Set(3, 2, color.RGBA{B: 200, A: 255})
	n, first, _ := pixelDiff(a, b, 24)
	if n != 2 || first != image.Pt(2, 1) {
		t.Errorf("pixelDiff = %d first %v, want 2 first (2,1)", n, first)
	}
	if n, _, _ := pixelDiff(a, image.NewRGBA(image.Rect(0, 0, 3, 3)), 24); n != 12 {
		t.Errorf("bounds mismatch counted %d, want 12", n)
	}
}

func ExampleEngine_Check() {
	e, err := New()
	if err != nil {
		panic(err)
	}
	err = e.Check(`$\sigam(z)$`)
	fmt.Println(err, err.(*Error).Offset)
	// Output: unknown command "\\sigam" (did you mean "\\sigma"?) 1
}

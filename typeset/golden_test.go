package typeset

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"math"
	"path/filepath"
	"testing"

	"golang.org/x/image/font"
	plotfont "gonum.org/v1/plot/font"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"

	"github.com/figgen/figgen/internal/golden"
)

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
		`$w^l_{ji} \quad x_1 \quad e^{-z} \quad x^{2^{n}} \quad f'(x) \quad y^\prime$`,
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

// compareGolden compares got with testdata/name.png by pixels under
// golden.Default, which lets no changed glyph pass; go test -update
// rewrites it.
func compareGolden(t *testing.T, name string, got image.Image) {
	t.Helper()
	var buf bytes.Buffer
	if err := png.Encode(&buf, got); err != nil {
		t.Fatal(err)
	}
	golden.PNG(t, filepath.Join("testdata", name+".png"), buf.Bytes(), golden.Default)
}

func ExampleEngine_Check() {
	e, err := New()
	if err != nil {
		panic(err)
	}
	err = e.Check(`$\sigam(z) + \alpah$`)
	var first *Error
	if errors.As(err, &first) {
		fmt.Println("first:", first.Offset, first.Msg)
	}
	for _, err := range err.(interface{ Unwrap() []error }).Unwrap() {
		te := err.(*Error)
		fmt.Println(te.Offset, te.Msg)
	}
	// Output:
	// first: 1 unknown command `\sigam` (did you mean `\sigma`?)
	// 1 unknown command `\sigam` (did you mean `\sigma`?)
	// 13 unknown command `\alpah` (did you mean `\alpha`?)
}

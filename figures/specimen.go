package figures

import (
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"github.com/figgen/figgen/spec"
)

func init() {
	register[Specimen]("specimen", "Lines of rich text, to show what the typesetter does.")
}

// maxLines is the most lines of a specimen.
const maxLines = 40

// Specimen is kind "specimen": one line of rich text per entry, to show
// what the typesetter does.
type Specimen struct {
	Lines []spec.Text `yaml:"lines"`
}

// Fields documents the specimen's keys.
func (*Specimen) Fields() spec.Fields {
	return spec.Fields{
		"lines": {Doc: "Lines of rich text, one per entry.", Items: [2]int{1, maxLines}},
	}
}

// specimenLines are the default lines of a specimen: the post's symbols.
var specimenLines = [...]string{
	"입력 $x_1, x_2, x_3$과 가중치 $w_1, w_2, w_3$",
	`가중합 $z = w_1x_1 + w_2x_2 + w_3x_3 + b$, 문턱값 $\theta$`,
	`단위 계단 함수 $u(z)$와 시그모이드 $\sigma(z)=\frac{1}{1+e^{-z}}$`,
	`출력 $y = 0$ 또는 $1$, 가격 \$5`,
}

// Default sets the post's symbols.
func (s *Specimen) Default(d *spec.Defaults) {
	if !d.Set("lines") {
		for _, l := range specimenLines {
			s.Lines = append(s.Lines, d.NewText(l))
		}
	}
	d.Alt = "조판 견본: 한국어와 수식이 섞인 텍스트 줄들"
}

// Validate has nothing to check across fields.
func (*Specimen) Validate(*spec.Check) {}

// build sets each line of rich text on its own row: a proof sheet of the
// typesetter.
func (s *Specimen) build(e *env, f *spec.Figure) func(c draw.Canvas) {
	lines := s.Lines
	body := e.font(labelSize+2, false)
	body.YAlign = text.YTop
	return func(c draw.Canvas) {
		c = e.titled(c, f.Title.Src)
		y := c.Max.Y
		if f.Title.Src != "" {
			y -= e.len(6)
		}
		room := c.Max.X - c.Min.X - 2*e.len(10)
		type set struct {
			txt string
			sty text.Style
		}
		sets := make([]set, len(lines))
		need := y - c.Min.Y
		for i, l := range lines {
			txt, sty := e.fit(l.Src, body, room, toPx(1))
			sets[i] = set{txt, sty}
			need -= sty.Height(txt) + e.len(10)
		}
		if need < -e.len(10) {
			e.problemAt(f.PosOf("lines"), "lines: %s need %s px; the figure has %s px for them",
				spec.Count(len(lines), "line"), px(toPx(y-c.Min.Y-need-e.len(10))), px(toPx(y-c.Min.Y)))
		}
		for _, l := range sets {
			c.FillText(l.sty, vg.Point{X: c.Min.X + e.len(10), Y: y}, l.txt)
			y -= l.sty.Height(l.txt) + e.len(10)
		}
	}
}

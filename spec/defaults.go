package spec

import (
	"fmt"
	"strings"
)

// defaults fills every field the file left unset with its kind's default,
// so later stages see one complete shape. A field written empty (title: "")
// counts as set and stays empty.
func (d *decoder) defaults(f *Figure) {
	text := func(t *Text, path, src string) {
		if !d.set(path) {
			*t = Text{Src: src, Pos: d.kindPos}
		}
	}
	axes := func(a *Axes, x, y string, lo, hi float64) {
		text(&a.XLabel, "x_label", x)
		text(&a.YLabel, "y_label", y)
		if a.XRange == nil && lo < hi {
			a.XRange = &Range{Min: lo, Max: hi}
		}
	}
	title, alt := "", ""
	switch {
	case f.Step != nil:
		k := f.Step
		axes(&k.Axes, "$z$", "$u(z)$", k.Threshold-3, k.Threshold+3)
		title = "단위 계단 함수 $u(z)$"
		alt = "단위 계단 함수 u(z)의 그래프: z < 0이면 0, z ≥ 0이면 1"
		if k.ThresholdLabel.Src != "" {
			alt = "반응 조건 그래프: 입력의 가중합이 θ보다 작으면 y = 0, θ 이상이면 y = 1"
		}
	case f.Sigmoid != nil:
		k := f.Sigmoid
		axes(&k.Axes, "$z$", `$\sigma(z)$`, -6, 6)
		text(&k.Formula, "formula", `$\sigma(z)=\dfrac{1}{1+e^{-z}}$`)
		if !d.set("mark_midpoint") {
			k.MarkMidpoint = true
		}
		title = `시그모이드 함수 $\sigma(z)$`
		alt = "시그모이드 함수 σ(z) = 1/(1+e^(−z))의 그래프: 0과 1 사이를 잇는 S자 곡선이 (0, 0.5)를 지난다"
	case f.BiasShift != nil:
		k := f.BiasShift
		if !d.set("activation") {
			k.Activation = "sigmoid"
		}
		a := activations[k.Activation]
		if a.name == "" {
			a = activations["sigmoid"]
		}
		axes(&k.Axes, "$z$", "$"+a.symbol+"(z+b)$", -8, 8)
		if !d.set("biases") {
			k.Biases = []float64{-2, 0, 2}
		}
		if !d.set("legend") {
			k.Legend = "bottom-right"
		}
		title = "편향 $b$에 따른 " + a.name + "의 이동"
		alt = fmt.Sprintf("편향 b의 값(%s)마다 하나씩 그린 %s 곡선: b가 커지면 왼쪽으로, 작아지면 오른쪽으로 이동한다", joinFloats(k.Biases), a.name)
	case f.ThresholdPlane != nil:
		k := f.ThresholdPlane
		axes(&k.Axes, "$x_1$", "$x_2$", 0, 0)
		text(&k.ZLabel, "z_label", "$x_3$")
		if !d.set("weights") {
			k.Weights = []float64{1, 1}
		}
		if !d.set("threshold") {
			k.Threshold = 1.5
		}
		text(&k.Fire, "fire", "발화 ($y=1$)")
		text(&k.NoFire, "no_fire", "발화 없음 ($y=0$)")
		sum := "w_1x_1 + w_2x_2"
		if len(k.Weights) == 3 {
			sum += " + w_3x_3"
		}
		title = `반응 조건의 경계 $` + sum + ` = \theta$`
		alt = "가중합이 θ인 경계가 입력 공간을 발화 영역과 발화 없음 영역으로 나누고, 입력의 꼭짓점마다 출력을 표시한 그림"
	case f.Unit != nil:
		k := f.Unit
		// inputs: written, else the number of the spec's own input_labels
		// or weights (the folder's inputs is then not applied), else of
		// the folder's, else 3.
		switch {
		case d.set("inputs"):
			d.inputsFrom = "inputs"
		case d.own("input_labels"):
			d.inputsFrom = "input_labels"
		case d.own("weights"):
			d.inputsFrom = "weights"
		case d.set("input_labels"):
			d.inputsFrom = "input_labels"
		case d.set("weights"):
			d.inputsFrom = "weights"
		}
		switch d.inputsFrom {
		case "input_labels":
			k.Inputs = len(k.InputLabel)
		case "weights":
			k.Inputs = len(k.Weights)
		case "":
			k.Inputs = 3
		}
		n := min(max(k.Inputs, 0), maxInputs)
		if !d.set("input_labels") {
			k.InputLabel = indexed("x", n, d.kindPos)
		}
		if !d.set("weights") {
			k.Weights = indexed("w", n, d.kindPos)
		}
		if !d.set("edge_labels") {
			k.EdgeLabels = "weights"
		}
		if !d.set("body") {
			k.Body = "theta"
		}
		text(&k.Output, "output_label", "$y$")
		if !d.set("fan_out") {
			k.FanOut = 1
		}
		text(&k.BiasLabel, "bias_label", "$b$")
		switch k.EdgeLabels {
		case "weights":
			k.EdgeText = k.Weights
		case "products":
			for i := range min(len(k.Weights), len(k.InputLabel)) {
				k.EdgeText = append(k.EdgeText, product(k.Weights[i], k.InputLabel[i]))
			}
		}
		title = "유닛"
		alt = fmt.Sprintf("입력 %d개가 각각 가중치를 거쳐 하나의 유닛으로 들어가고 유닛이 출력 y를 내는 그림", k.Inputs)
		if k.Bias {
			alt = fmt.Sprintf("항상 1인 입력(가중치 b)과 입력 %d개가 하나의 유닛으로 들어가고 유닛이 출력 y를 내는 그림", k.Inputs)
		}
	case f.Signal != nil:
		k := f.Signal
		if !d.set("direction") {
			k.Direction = "input"
		}
		if k.Direction == "output" {
			text(&k.Variable, "variable", "$y$")
			title = "출력 신호"
			alt = "출력 신호: 반응이 없으면 y = 0, 반응이 있으면 y = 1"
			if !d.set("rows") {
				k.Rows = d.rows("반응 없음", "반응 있음")
			}
		} else {
			text(&k.Variable, "variable", "$x$")
			title = "입력 신호"
			alt = "입력 신호: 신호가 없으면 x = 0, 신호가 있으면 x = 1"
			if !d.set("rows") {
				k.Rows = d.rows("신호 없음", "신호 있음")
			}
		}
	case f.NeuronCell != nil:
		k := f.NeuronCell
		text(&k.Dendrites, "dendrites", "수상돌기")
		text(&k.Body, "body", "신경세포체")
		text(&k.Axon, "axon", "축삭돌기")
		text(&k.Terminals, "terminals", "축삭 말단")
		text(&k.Output, "output_label", "출력: $0$ 또는 $1$")
		title = "뉴런"
		alt = "뉴런의 모식도: 수상돌기로 받은 신호가 신경세포체를 거쳐 축삭돌기를 따라 축삭 말단으로 나가며, 출력은 0 또는 1"
	case f.Diagram != nil:
		k := f.Diagram
		for i := range k.Nodes {
			if !d.set(fmt.Sprintf("nodes[%d].shape", i)) {
				k.Nodes[i].Shape = "circle"
			}
		}
		alt = fmt.Sprintf("노드 %d개와 화살표 %d개로 이루어진 다이어그램", len(k.Nodes), len(k.Edges))
	case f.Specimen != nil:
		k := f.Specimen
		if !d.set("lines") {
			for _, s := range specimenLines {
				k.Lines = append(k.Lines, Text{Src: s, Pos: d.kindPos})
			}
		}
		alt = "조판 견본: 한국어와 수식이 섞인 텍스트 줄들"
	}
	text(&f.Title, "title", title)
	if !d.set("alt") {
		f.Alt = alt
	}
	if !d.set("output") {
		f.Output = f.Name
	}
	if !d.set("formats") {
		f.Formats = []string{"png", "svg"}
	}
	if !d.set("width") {
		f.Width = 800
	}
	if !d.set("height") {
		f.Height = 500
	}
}

// activations maps each bias-shift activation to its symbol and Korean name.
var activations = map[string]struct{ symbol, name string }{
	"sigmoid": {`\sigma`, "시그모이드"},
	"step":    {"u", "계단 함수"},
	"tanh":    {`\tanh`, "tanh"},
	"relu":    {`\mathrm{ReLU}`, "ReLU"},
}

// specimenLines are the default lines of a specimen: the post's symbols.
var specimenLines = [...]string{
	"입력 $x_1, x_2, x_3$과 가중치 $w_1, w_2, w_3$",
	`가중합 $z = w_1x_1 + w_2x_2 + w_3x_3 + b$, 문턱값 $\theta$`,
	`단위 계단 함수 $u(z)$와 시그모이드 $\sigma(z)=\frac{1}{1+e^{-z}}$`,
	`출력 $y = 0$ 또는 $1$, 가격 \$5`,
}

// indexed returns $v_1$ … $v_n$.
func indexed(v string, n int, pos Pos) []Text {
	ts := make([]Text, n)
	for i := range ts {
		ts[i] = Text{Src: fmt.Sprintf("$%s_%d$", v, i+1), Pos: pos}
	}
	return ts
}

// product returns the edge label of weight w on input x: one math segment
// "$wx$" when both are a single math segment, else "w x".
func product(w, x Text) Text {
	src := w.Src + " " + x.Src
	if wi, ok := mathOnly(w.Src); ok {
		if xi, ok := mathOnly(x.Src); ok {
			src = "$" + wi + xi + "$"
		}
	}
	return Text{Src: src, Pos: w.Pos}
}

// MathOnly returns the inside of t when t is exactly one $…$ segment
// ("$w_1$" gives "w_1"), so a caller can build math around it.
func (t Text) MathOnly() (string, bool) { return mathOnly(t.Src) }

func mathOnly(s string) (string, bool) {
	if len(s) < 2 || s[0] != '$' || s[len(s)-1] != '$' {
		return "", false
	}
	in := s[1 : len(s)-1]
	if strings.Contains(in, "$") || strings.HasSuffix(in, `\`) {
		return "", false
	}
	return in, true
}

func (d *decoder) rows(no, yes string) []SignalRow {
	return []SignalRow{
		{Caption: Text{Src: no, Pos: d.kindPos}, Value: 0},
		{Caption: Text{Src: yes, Pos: d.kindPos}, Value: 1},
	}
}

func joinFloats(xs []float64) string {
	s := make([]string, len(xs))
	for i, x := range xs {
		s[i] = fmt.Sprint(x)
	}
	return strings.Join(s, ", ")
}

package figures

import (
	"fmt"
	"math"

	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"github.com/figgen/figgen/diagram"
	"github.com/figgen/figgen/neuron"
	"github.com/figgen/figgen/spec"
)

// Layout of the unit diagram, in scene units.
const (
	unitInX      = 44  // centre of the input labels
	unitBodyX    = 318 // centre of the unit body
	unitBodyR    = 40
	unitOutX     = 520 // centre of the output labels
	unitRowMax   = 78  // largest gap between input rows
	unitFanGap   = 62  // gap between fanned-out outputs
	unitDenseGap = 44  // below this gap between input rows, labels shrink
	unitCaption  = 40  // height kept under the diagram for the caption
	unitSpread   = 1.1 // largest angle (radians) from due left at which an input enters the body

	// The room of each text, in scene units.
	unitInW      = 2*unitInX - 4
	unitEdgeW    = 90
	unitBodyW    = 1.6 * unitBodyR
	unitOutW     = 2*(sceneW-unitOutX) - 4
	unitCaptionW = sceneW - 8
)

func init() {
	register[Unit]("unit", "A neuron unit: inputs, weighted edges, the unit's body and its outputs.")
}

const (
	maxInputs = 12 // most inputs of a unit
	maxFanOut = 5  // most output arrows of a unit
)

// Unit is kind "unit": a neuron unit diagram (4.png, 7.png, 9.png).
type Unit struct {
	Inputs     int         `yaml:"inputs"`       // n ≥ 1; default 3
	InputLabel []spec.Text `yaml:"input_labels"` // n labels; default $x_1$ … $x_n$
	Weights    []spec.Text `yaml:"weights"`      // n edge labels; default $w_1$ … $w_n$
	EdgeLabels string      `yaml:"edge_labels"`  // weights (default), products ($w_1x_1$ …), none
	Body       string      `yaml:"body"`         // theta (default), sum, step, sigmoid, none
	BodyLabel  spec.Text   `yaml:"body_label"`   // overrides the body's glyph when set
	Output     spec.Text   `yaml:"output_label"` // output label; default $y$ (key output_label: output is the file name)
	FanOut     int         `yaml:"fan_out"`      // output arrows; default 1
	Bias       bool        `yaml:"bias"`         // add the input fixed at 1 with weight BiasLabel
	BiasLabel  spec.Text   `yaml:"bias_label"`   // default $b$
	Caption    spec.Text   `yaml:"caption"`      // text under the diagram (e.g. the weighted sum)

	// EdgeText is computed, not read: the label drawn on each of the n input
	// edges as EdgeLabels asks (Weights, products such as $w_1x_1$, or nil
	// for none). The bias edge is labelled BiasLabel.
	EdgeText []spec.Text `yaml:"-"`
}

// Fields documents the unit's keys.
func (*Unit) Fields() spec.Fields {
	return spec.Fields{
		"inputs":       {Doc: "Number of inputs n; default the number of input_labels or weights given, else 3.", Within: [2]float64{1, maxInputs}, ImpliedBy: []string{"input_labels", "weights"}, NoDefault: true},
		"input_labels": {Doc: "Label of each input, n of them; default $x_1$ … $x_n$.", NoDefault: true, Noun: "labels"},
		"weights":      {Doc: "Label of each input edge's weight, n of them; default $w_1$ … $w_n$.", NoDefault: true},
		"edge_labels":  {Doc: "What the input edges show: the weights, their products with the inputs ($w_1x_1$ …) or nothing.", Enum: []string{"weights", "products", "none"}},
		"body":         {Doc: "Glyph in the unit's body.", Enum: []string{"theta", "sum", "step", "sigmoid", "none"}},
		"body_label":   {Doc: "Overrides the body's glyph when set."},
		"output_label": {Doc: "Label of the output (the key output is the file name)."},
		"fan_out":      {Doc: "Number of output arrows.", Within: [2]float64{1, maxFanOut}},
		"bias":         {Doc: "Add an input fixed at 1 with weight bias_label."},
		"bias_label":   {Doc: "Weight label of the bias input."},
		"caption":      {Doc: "Text under the diagram (e.g. the weighted sum)."},
	}
}

// inputsFrom returns the key a unit's inputs come from: "inputs" when
// written, else the list it is the length of (the spec's own before the
// folder's), else "" for the built-in 3.
func inputsFrom(w *spec.Written) string {
	switch {
	case w.Set("inputs"):
		return "inputs"
	case w.Own("input_labels"):
		return "input_labels"
	case w.Own("weights"):
		return "weights"
	case w.Set("input_labels"):
		return "input_labels"
	case w.Set("weights"):
		return "weights"
	}
	return ""
}

// Default draws three inputs with their weights into a θ body.
func (u *Unit) Default(d *spec.Defaults) {
	switch inputsFrom(d.Written) {
	case "input_labels":
		u.Inputs = len(u.InputLabel)
	case "weights":
		u.Inputs = len(u.Weights)
	case "":
		u.Inputs = 3
	}
	n := min(max(u.Inputs, 0), maxInputs)
	spec.Default(d, "input_labels", &u.InputLabel, indexed(d, "x", n))
	spec.Default(d, "weights", &u.Weights, indexed(d, "w", n))
	spec.Default(d, "edge_labels", &u.EdgeLabels, "weights")
	spec.Default(d, "body", &u.Body, "theta")
	spec.Default(d, "output_label", &u.Output, d.NewText("$y$"))
	spec.Default(d, "fan_out", &u.FanOut, 1)
	spec.Default(d, "bias_label", &u.BiasLabel, d.NewText("$b$"))
	switch u.EdgeLabels {
	case "weights":
		u.EdgeText = u.Weights
	case "products":
		for i := range min(len(u.Weights), len(u.InputLabel)) {
			u.EdgeText = append(u.EdgeText, product(u.Weights[i], u.InputLabel[i]))
		}
	}
	d.Title = "유닛"
	d.Alt = fmt.Sprintf("입력 %d개가 각각 가중치를 거쳐 하나의 유닛으로 들어가고 유닛이 출력 y를 내는 그림", u.Inputs)
	if u.Bias {
		d.Alt = fmt.Sprintf("항상 1인 입력(가중치 b)과 입력 %d개가 하나의 유닛으로 들어가고 유닛이 출력 y를 내는 그림", u.Inputs)
	}
}

// Validate wants one input label and one weight per input.
func (u *Unit) Validate(c *spec.Check) {
	if u.Inputs < 1 || u.Inputs > maxInputs {
		return // reported by the constraint of inputs
	}
	from := inputsFrom(c.Written)
	what := fmt.Sprintf("inputs %d", u.Inputs)
	if n := len(u.Weights); n != u.Inputs && c.Spans("weights", from) {
		at := c.Pos("weights")
		c.ErrorAt(at, "%s for %s%s", spec.Count(n, "weight"), spec.Count(u.Inputs, "input"), c.Origin(at, from, what))
	}
	if n := len(u.InputLabel); n != u.Inputs && c.Spans("input_labels", from) {
		at := c.Pos("input_labels")
		c.ErrorAt(at, "%s for %s%s", spec.Count(n, "input label"), spec.Count(u.Inputs, "input"), c.Origin(at, from, what))
	}
}

// indexed returns $v_{1}$ … $v_{n}$: the index braced, so that $x_{10}$
// is x with subscript 10, not x₁0.
func indexed(d *spec.Defaults, v string, n int) []spec.Text {
	ts := make([]spec.Text, n)
	for i := range ts {
		ts[i] = d.NewText(fmt.Sprintf("$%s_{%d}$", v, i+1))
	}
	return ts
}

// product returns the edge label of weight w on input x: one math segment
// "${w}{x}$" when both are a single math segment, else "w x". Each factor
// is braced so that it sets as it does alone: $\alpha$ and $x$ give
// \alpha x, not the command \alphax, and a script of x stays on x.
func product(w, x spec.Text) spec.Text {
	src := w.Src + " " + x.Src
	if wi, ok := w.MathOnly(); ok {
		if xi, ok := x.MathOnly(); ok {
			src = "${" + wi + "}{" + xi + "}$"
		}
	}
	return spec.Text{Src: src, Pos: w.Pos}
}

// build draws a neuron unit: inputs with weights into one body, its
// output (fanned out or not), an optional bias input and a caption
// (4.png, 7.png, 9.png).
func (u *Unit) build(e *env, f *spec.Figure) func(c draw.Canvas) {
	return e.drawScene(f.Title.Src, unitScene(e, u))
}

// unitScene lays out the unit diagram.
func unitScene(e *env, u *Unit) *diagram.Scene {
	n := u.Inputs
	edgeText := u.EdgeText
	s := &diagram.Scene{W: sceneW, H: sceneH}
	label := e.sceneFont(labelSize+3, false)
	weight := e.sceneFont(labelSize+1, false)
	inkPen := scenePen(1.4, e.th.ink)

	bottom := 12.0
	if u.Caption.Src != "" {
		bottom = unitCaption
	}
	top := sceneH - 12.0
	midY := (top + bottom) / 2

	// Input rows, bias first (on top), evenly spaced around the body.
	rows := n
	if u.Bias {
		rows++
	}
	gap := 0.0
	if rows > 1 {
		gap = math.Min(unitRowMax, (top-bottom-24)/float64(rows-1))
	}
	rowY := func(i int) float64 { return midY + (float64(rows-1)/2-float64(i))*gap }
	// Dense rows (many inputs) get smaller labels, and the edge labels sit
	// nearer the inputs, where the edges are still a row apart.
	labelT := 0.4
	if rows > 1 && gap < unitDenseGap {
		shrink := math.Max(0.7, gap/unitDenseGap)
		label.Font.Size *= vg.Length(shrink)
		weight.Font.Size *= vg.Length(shrink)
		labelT = 0.2
	}

	body := s.Node(diagram.Node{
		Shape: diagram.Circle, At: diagram.Pt(unitBodyX, midY), R: unitBodyR,
		Pen: scenePen(1.8, e.th.ink), Fill: e.th.tint(e.th.palette(0), 0.10),
		Text: e.sceneFont(labelSize+7, false),
	})
	unitBody(e, body, u)

	// Input arrows enter the body spread over its left side rather than
	// all aimed at its centre, so their heads do not pile up.
	edge := func(from *diagram.Node, lab string, pen diagram.Pen) *diagram.Edge {
		natural := math.Atan2(from.At.Y-body.At.Y, from.At.X-body.At.X)
		dev := math.Remainder(natural-math.Pi, 2*math.Pi)
		dev = math.Max(-unitSpread, math.Min(unitSpread, 1.9*dev))
		aim := diagram.Polar(body.At, body.R, math.Pi+dev)
		return s.Edge(diagram.Edge{From: from, To: body, ToAt: &aim, Pen: pen, Label: lab, LabelT: labelT, LabelPad: 3, LabelBg: e.th.bg, Text: weight})
	}
	row := 0
	if u.Bias {
		bcol := e.th.palette(1)
		lab := label
		lab.Color = bcol
		in := s.Node(diagram.Node{Shape: diagram.Label, At: diagram.Pt(unitInX, rowY(row)), Pad: 7, Label: "$1$", Text: lab})
		bl, bsty := e.sceneFit(u.BiasLabel.Src, weight, unitEdgeW)
		ed := edge(in, bl, scenePen(1.4, bcol).Dashed(5, 3.5))
		ed.Text = bsty
		ed.Text.Color = bcol
		row++
	}
	for i := range n {
		il, isty := e.sceneFit(u.InputLabel[i].Src, label, unitInW)
		in := s.Node(diagram.Node{Shape: diagram.Label, At: diagram.Pt(unitInX, rowY(row)), Pad: 7, Label: il, Text: isty})
		lab, wsty := "", weight
		if edgeText != nil {
			// A product is blamed on the longer of its factors.
			from := u.Weights[i].Src
			if u.EdgeLabels == "products" && len(u.InputLabel[i].Src) > len(from) {
				from = u.InputLabel[i].Src
			}
			e.alias(edgeText[i].Src, from)
			lab, wsty = e.sceneFit(edgeText[i].Src, weight, unitEdgeW)
		}
		edge(in, lab, inkPen).Text = wsty
		row++
	}

	// Outputs: one arrow, or FanOut arrows each carrying the same label.
	k := u.FanOut
	outs := make([]*diagram.Node, k)
	ol, osty := e.sceneFit(u.Output.Src, label, unitOutW)
	for i := range outs {
		y := midY + (float64(k-1)/2-float64(i))*unitFanGap
		outs[i] = s.Node(diagram.Node{Shape: diagram.Label, At: diagram.Pt(unitOutX, y), Pad: 7, Label: ol, Text: osty})
	}
	s.FanOut(body, outs, diagram.Edge{Pen: inkPen})

	if u.Caption.Src != "" {
		cap := e.sceneFont(labelSize, false)
		cap.XAlign, cap.YAlign = text.XCenter, text.YCenter
		txt, cap := e.sceneFit(u.Caption.Src, cap, unitCaptionW)
		s.Text(diagram.Text{At: diagram.Pt(sceneW/2, bottom/2), Text: txt, Style: cap})
	}
	return s
}

// unitBody sets what the unit's circle shows: BodyLabel when set, else
// θ, Σ, a small step or sigmoid glyph, or nothing.
func unitBody(e *env, body *diagram.Node, u *Unit) {
	if u.BodyLabel.Src != "" {
		body.Label, body.Text = e.sceneFit(u.BodyLabel.Src, body.Text, unitBodyW)
		return
	}
	switch u.Body {
	case "", "theta":
		body.Label = `$\theta$`
	case "sum":
		body.Label = `$\Sigma$`
	case "step":
		body.Glyph = activationGlyph(e.th, neuron.Step, true)
	case "sigmoid":
		body.Glyph = activationGlyph(e.th, neuron.Sigmoid, false)
	}
}

// activationGlyph draws a small graph of a (over z in −5…5) inside a node:
// a faint axis and the curve, with the step's jump as a vertical riser.
func activationGlyph(th *theme, a func(float64) float64, step bool) func(f *diagram.Frame, n *diagram.Node) {
	return func(f *diagram.Frame, n *diagram.Node) {
		w, h := 1.1*n.R, 0.8*n.R
		c := n.At
		pt := func(z, y float64) diagram.Point {
			return diagram.Pt(c.X+z/5*w/2, c.Y+(y-0.5)*h)
		}
		f.Line(scenePen(0.8, th.grey), pt(-5, 0), pt(5, 0))
		f.Line(scenePen(0.8, th.grey), pt(0, -0.1), pt(0, 1.1))
		pen := scenePen(2, th.palette(0))
		if step {
			// Closed at the top: u(0) = 1.
			r := 2.4
			f.Line(pen, pt(-5, 0), pt(0, 0).Sub(diagram.Pt(r, 0)))
			f.Line(pen, pt(0, 1), pt(5, 1))
			f.Circle(pt(0, 0), r, th.bg, scenePen(1.3, th.palette(0)))
			f.Circle(pt(0, 1), r, th.palette(0), diagram.Pen{})
			return
		}
		var p diagram.Path
		for i := 0; i <= 40; i++ {
			z := -5 + float64(i)/4
			if i == 0 {
				p.Move(pt(z, a(z)))
			} else {
				p.Line(pt(z, a(z)))
			}
		}
		f.Stroke(pen, p)
	}
}

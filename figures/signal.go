package figures

import (
	"fmt"
	"image/color"
	"math"

	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg/draw"

	"github.com/figgen/figgen/diagram"
	"github.com/figgen/figgen/spec"
)

// Layout of the signal figure, in scene units: the x of each column.
const (
	sigCaptionX = 78  // centre of the row captions
	sigWireFrom = 168 // input wire start / output wire end is mirrored
	sigSomaIn   = 318 // soma centre when the signal comes in
	sigSomaOut  = 210 // soma centre when the signal goes out
	sigWireTo   = 360 // output wire end
	sigMeansX   = 408 // left of the "means" arrow
	sigValueX   = 498 // centre of the "x = 1" box, unless a wide one is moved right
	sigValueMin = 452 // left of a value's box: clear of the "means" arrow
	sigValuePad = 10  // between a value's box and its text
	sigSomaR    = 22
	sigCaptionW = 150                                      // room of a caption, left of the wires
	sigValueW   = sceneW - sigValueMin - 2*sigValuePad - 2 // room of the value's text in its box
	sigRowGap   = 6                                        // least space between the boxes of two rows
)

func init() {
	register[Signal]("signal", "Rows of “caption → variable = value” panels for input or output signals.")
}

// maxRows is the most rows of a signal.
const maxRows = 6

// Signal is kind "signal": rows of "caption → variable = value" panels for
// input (2.png) or output (3.png) signals.
type Signal struct {
	Direction string      `yaml:"direction"` // input (default) or output
	Variable  spec.Text   `yaml:"variable"`  // default $x$ (input) or $y$ (output)
	Rows      []SignalRow `yaml:"rows"`      // default: no signal → 0, signal → 1
}

// SignalRow is one row of a signal figure.
type SignalRow struct {
	Caption spec.Text `yaml:"caption"`
	Value   int       `yaml:"value"` // 0 or 1
}

// Fields documents the signal's keys.
func (*Signal) Fields() spec.Fields {
	return spec.Fields{
		"direction":    {Doc: "Whether the panels show input or output signals.", Enum: []string{"input", "output"}},
		"variable":     {Doc: "Variable of the panels; default $x$ for input, $y$ for output.", NoDefault: true},
		"rows":         {Doc: "One panel per row; default two rows, no signal → 0 and signal → 1 (no reaction and reaction for output).", Items: [2]int{1, maxRows}, NoDefault: true},
		"rows[]":       {Required: []string{"value"}},
		"rows.caption": {Doc: "Caption of the row."},
		"rows.value":   {Doc: "Value of the variable in the row.", Within: [2]float64{0, 1}},
	}
}

// Default shows no signal and a signal, for input unless told otherwise.
func (sg *Signal) Default(d *spec.Defaults) {
	spec.Default(d, "direction", &sg.Direction, "input")
	variable, no, yes := "$x$", "신호 없음", "신호 있음"
	d.Title = "입력 신호"
	d.Alt = "입력 신호: 신호가 없으면 x = 0, 신호가 있으면 x = 1"
	if sg.Direction == "output" {
		variable, no, yes = "$y$", "반응 없음", "반응 있음"
		d.Title = "출력 신호"
		d.Alt = "출력 신호: 반응이 없으면 y = 0, 반응이 있으면 y = 1"
	}
	spec.Default(d, "variable", &sg.Variable, d.NewText(variable))
	spec.Default(d, "rows", &sg.Rows, []SignalRow{{Caption: d.NewText(no), Value: 0}, {Caption: d.NewText(yes), Value: 1}})
}

// Validate has nothing to check across fields.
func (*Signal) Validate(*spec.Check) {}

// build draws rows of "caption, a neuron with its signal, variable =
// value" (2.png for input signals, 3.png for output signals).
func (sg *Signal) build(e *env, f *spec.Figure) func(c draw.Canvas) {
	return e.drawScene(f.Title.Src, signalScene(e, sg))
}

// signalScene lays out the signal rows.
func signalScene(e *env, sg *Signal) *diagram.Scene {
	out := sg.Direction == "output"
	s := &diagram.Scene{W: sceneW, H: sceneH}
	rowH := float64(sceneH) / float64(len(sg.Rows))
	caption := e.sceneFont(labelSize+1, false)
	caption.XAlign, caption.YAlign = text.XCenter, text.YCenter
	value := e.sceneFont(labelSize+5, false)
	for i, r := range sg.Rows {
		y := sceneH - (float64(i)+0.5)*rowH
		on := r.Value == 1
		if i > 0 {
			yb := sceneH - float64(i)*rowH
			s.Under = append(s.Under, func(f *diagram.Frame) {
				f.Line(scenePen(0.8, e.th.light), diagram.Pt(16, yb), diagram.Pt(sceneW-16, yb))
			})
		}
		capText, capSty := e.sceneFit(r.Caption.Src, caption, sigCaptionW)
		s.Text(diagram.Text{At: diagram.Pt(sigCaptionX, y), Text: capText, Style: capSty})
		if h := float64(capSty.Height(capText)); h > rowH-sigRowGap {
			e.rowTooTall(fmt.Sprintf("rows[%d].caption", i), r.Caption.Src, h, rowH-sigRowGap, len(sg.Rows))
		}

		// The neuron and its wire: solid accent when the signal is there,
		// grey and dashed when it is not.
		wire := scenePen(1.4, e.th.grey).Dashed(5, 4)
		if on {
			wire = scenePen(2.6, e.th.fire)
		}
		somaX := sigSomaIn
		if out {
			somaX = sigSomaOut
		}
		soma := s.Node(diagram.Node{
			Shape: diagram.Circle, At: diagram.Pt(float64(somaX), y), R: math.Min(sigSomaR, rowH/4.2),
			Pen: scenePen(1.6, e.th.ink), Fill: e.th.tint(e.th.palette(0), 0.12),
		})
		if out && on {
			soma.Fill = e.th.tint(e.th.fire, 0.22)
		}
		soma.Glyph = somaGlyph(e.th, out)
		far := s.Node(diagram.Node{Shape: diagram.Dot, At: diagram.Pt(sigWireFrom, y)})
		if out {
			far.At.X = sigWireTo
			s.Edge(diagram.Edge{From: soma, To: far, Pen: wire, Head: signalHead(on)})
		} else {
			s.Edge(diagram.Edge{From: far, To: soma, Pen: wire, Head: signalHead(on)})
		}

		// "means": a light block arrow, then the variable's value.
		s.Under = append(s.Under, meansArrow(e.th, diagram.Pt(sigMeansX, y)))
		eq := equation(sg.Variable, r.Value)
		e.alias(eq, sg.Variable.Src)
		eq, valSty := e.sceneFit(eq, value, sigValueW)
		// The box is centred at sigValueX, or moved right to keep clear of
		// the arrow; it keeps within its row.
		half := float64(valSty.Width(eq))/2 + sigValuePad
		if h := float64(valSty.Height(eq)) + 2*sigValuePad; h > rowH-sigRowGap {
			e.rowTooTall("variable", sg.Variable.Src, h, rowH-sigRowGap, len(sg.Rows))
		}
		box := diagram.Node{
			Shape: diagram.Box, At: diagram.Pt(math.Max(sigValueX, sigValueMin+half), y), R: 8, Pad: sigValuePad,
			Label: eq, Text: valSty,
			Pen: scenePen(1.2, e.th.grey), Fill: e.th.bg,
		}
		if on {
			box.Pen = scenePen(1.6, e.th.fire)
			box.Fill = e.th.tint(e.th.fire, 0.08)
		}
		s.Node(box)
	}
	return s
}

// rowTooTall reports the text src of the field path, need scene units high,
// in a row that has room for it.
func (e *env) rowTooTall(path, src string, need, room float64, rows int) {
	k := e.scenePx()
	e.problem(e.origins[src], path, "%s needs %s px of height; each of the %d rows has %s px", path, px(need*k), rows, px(room*k))
}

// signalHead returns the arrowhead length of a wire: a present signal has
// its head scaled with its thicker pen.
func signalHead(on bool) float64 {
	if on {
		return diagram.HeadLen(2.2)
	}
	return diagram.HeadLen(1.4)
}

// equation returns "variable = v" as math: "$x = 1$" when the variable is
// one math segment.
func equation(variable spec.Text, v int) string {
	if in, ok := variable.MathOnly(); ok {
		return "$" + in + " = " + mathNum(float64(v)) + "$"
	}
	return variable.Src + " $= " + mathNum(float64(v)) + "$"
}

// somaGlyph draws a soma's dendrites (two forked branches on its left),
// a short axon stub on its right when the signal comes in, and its nucleus.
func somaGlyph(th *theme, out bool) func(f *diagram.Frame, n *diagram.Node) {
	return func(f *diagram.Frame, n *diagram.Node) {
		col := th.tint(th.palette(0), 0.6)
		k := n.R / sigSomaR // processes shrink with a smaller soma
		for _, side := range []float64{1, -1} {
			a := math.Pi - side*0.85
			p0 := diagram.Polar(n.At, n.R-2, a)
			p1 := diagram.Polar(n.At, n.R+13*k, a+side*0.08)
			taper(f, col, p0, diagram.Lerp(p0, p1, 0.4), diagram.Lerp(p0, p1, 0.7), p1, 4.5*k, 2.2*k)
			for _, da := range []float64{0.45, -0.45} {
				d := p1.Sub(n.At).Unit()
				q := p1.Add(diagram.Pt(d.X*math.Cos(da)-d.Y*math.Sin(da), d.X*math.Sin(da)+d.Y*math.Cos(da)).Scale(9 * k))
				taper(f, col, p1, diagram.Lerp(p1, q, 0.4), diagram.Lerp(p1, q, 0.7), q, 2.2*k, 1.1*k)
			}
		}
		if !out {
			p0 := diagram.Pt(n.At.X+n.R-2, n.At.Y)
			p1 := diagram.Pt(n.At.X+n.R+16*k, n.At.Y)
			taper(f, col, p0, diagram.Lerp(p0, p1, 0.4), diagram.Lerp(p0, p1, 0.7), p1, 5*k, 2.2*k)
		}
		f.Circle(n.At, n.R, n.Fill, n.Pen) // the soma over the roots of its processes
		f.Circle(n.At.Add(diagram.Pt(-2, 2)), n.R*0.36, th.tint(th.palette(0), 0.55), diagram.Pen{})
	}
}

// meansArrow returns a drawing of a light block arrow (⇒) starting at p.
func meansArrow(th *theme, p diagram.Point) func(f *diagram.Frame) {
	return func(f *diagram.Frame) {
		var a diagram.Path
		const l, h, head, hw = 36, 5, 14, 11
		a.Move(diagram.Pt(p.X, p.Y-h))
		a.Line(diagram.Pt(p.X+l-head, p.Y-h))
		a.Line(diagram.Pt(p.X+l-head, p.Y-hw))
		a.Line(diagram.Pt(p.X+l, p.Y))
		a.Line(diagram.Pt(p.X+l-head, p.Y+hw))
		a.Line(diagram.Pt(p.X+l-head, p.Y+h))
		a.Line(diagram.Pt(p.X, p.Y+h))
		a.Close()
		f.Fill(th.light, a)
	}
}

// taper fills a stroke along the cubic Bézier p0 c1 c2 p1 whose width goes
// from w0 to w1, with round ends.
func taper(f *diagram.Frame, col color.Color, p0, c1, c2, p1 diagram.Point, w0, w1 float64) {
	f.Fill(col, polygon(tube(bezier{p0, c1, c2, p1}, 0, 1, w0, w1)))
}

package figures

import (
	"image/color"
	"math"

	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg/draw"

	"github.com/figgen/figgen/diagram"
	"github.com/figgen/figgen/neuron"
	"github.com/figgen/figgen/spec"
)

// Layout of the unit diagram, in scene units.
const (
	unitInX     = 44  // centre of the input labels
	unitBodyX   = 318 // centre of the unit body
	unitBodyR   = 40
	unitOutX    = 520 // centre of the output labels
	unitRowMax  = 78  // largest gap between input rows
	unitFanGap  = 62  // gap between fanned-out outputs
	unitCaption = 40  // height kept under the diagram for the caption
	unitSpread  = 1.1 // largest angle (radians) from due left at which an input enters the body
)

// buildUnit draws a neuron unit: inputs with weights into one body, its
// output (fanned out or not), an optional bias input and a caption
// (4.png, 7.png, 9.png). The count checks repeat what spec validated; they
// only keep a bug there from becoming an index panic here.
func buildUnit(e *env, f *spec.Figure) (func(c draw.Canvas), error) {
	s, err := unitScene(e, f)
	if err != nil {
		return nil, err
	}
	return e.drawScene(f.Title.Src, s), nil
}

// unitScene lays out the unit diagram.
func unitScene(e *env, f *spec.Figure) (*diagram.Scene, error) {
	u := f.Unit
	if u == nil {
		return nil, spec.Errorf(f.PosOf("kind"), "kind %q has no unit", f.Kind)
	}
	n := u.Inputs
	switch {
	case n < 1:
		return nil, spec.Errorf(f.PosOf("inputs"), "%d inputs: need at least 1", n)
	case len(u.InputLabel) != n:
		return nil, spec.Errorf(f.PosOf("input_labels"), "%d input labels for %d inputs", len(u.InputLabel), n)
	case len(u.Weights) != n:
		return nil, spec.Errorf(f.PosOf("weights"), "%d weights for %d inputs", len(u.Weights), n)
	case u.FanOut < 1:
		return nil, spec.Errorf(f.PosOf("fan_out"), "fan_out %d: need at least 1", u.FanOut)
	}
	// The spec expands edge_labels into the text of each edge (nil: none).
	edgeText := u.EdgeText
	if edgeText != nil && len(edgeText) != n {
		return nil, spec.Errorf(f.PosOf("edge_labels"), "%d edge labels for %d inputs", len(edgeText), n)
	}

	s := &diagram.Scene{W: sceneW, H: sceneH}
	label := e.sceneFont(labelSize+3, false)
	weight := e.sceneFont(labelSize+1, false)
	inkPen := scenePen(1.4, ink)

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

	body := s.Node(diagram.Node{
		Shape: diagram.Circle, At: diagram.Pt(unitBodyX, midY), R: unitBodyR,
		Pen: scenePen(1.8, ink), Fill: tint(palette(0), 0.10),
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
		return s.Edge(diagram.Edge{From: from, To: body, ToAt: &aim, Pen: pen, Label: lab, LabelT: 0.4, LabelPad: 3, Text: weight})
	}
	row := 0
	if u.Bias {
		bcol := palette(1)
		lab := label
		lab.Color = bcol
		in := s.Node(diagram.Node{Shape: diagram.Label, At: diagram.Pt(unitInX, rowY(row)), Pad: 7, Label: "$1$", Text: lab})
		ed := edge(in, u.BiasLabel.Src, scenePen(1.4, bcol).Dashed(5, 3.5))
		ed.Text.Color = bcol
		row++
	}
	for i := range n {
		in := s.Node(diagram.Node{Shape: diagram.Label, At: diagram.Pt(unitInX, rowY(row)), Pad: 7, Label: u.InputLabel[i].Src, Text: label})
		lab := ""
		if edgeText != nil {
			lab = edgeText[i].Src
		}
		edge(in, lab, inkPen)
		row++
	}

	// Outputs: one arrow, or FanOut arrows each carrying the same label.
	k := u.FanOut
	outs := make([]*diagram.Node, k)
	for i := range outs {
		y := midY + (float64(k-1)/2-float64(i))*unitFanGap
		outs[i] = s.Node(diagram.Node{Shape: diagram.Label, At: diagram.Pt(unitOutX, y), Pad: 7, Label: u.Output.Src, Text: label})
	}
	s.FanOut(body, outs, diagram.Edge{Pen: inkPen})

	if u.Caption.Src != "" {
		cap := e.sceneFont(labelSize, false)
		cap.XAlign, cap.YAlign = text.XCenter, text.YCenter
		s.Text(diagram.Text{At: diagram.Pt(sceneW/2, bottom/2), Text: u.Caption.Src, Style: cap})
	}
	return s, nil
}

// unitBody sets what the unit's circle shows: BodyLabel when set, else
// θ, Σ, a small step or sigmoid glyph, or nothing.
func unitBody(e *env, body *diagram.Node, u *spec.Unit) {
	if u.BodyLabel.Src != "" {
		body.Label = u.BodyLabel.Src
		return
	}
	switch u.Body {
	case "", "theta":
		body.Label = `$\theta$`
	case "sum":
		body.Label = `$\Sigma$`
	case "step":
		body.Glyph = activationGlyph(neuron.Step, true)
	case "sigmoid":
		body.Glyph = activationGlyph(neuron.Sigmoid, false)
	}
}

// activationGlyph draws a small graph of a (over z in −5…5) inside a node:
// a faint axis and the curve, with the step's jump as a vertical riser.
func activationGlyph(a func(float64) float64, step bool) func(f *diagram.Frame, n *diagram.Node) {
	return func(f *diagram.Frame, n *diagram.Node) {
		w, h := 1.1*n.R, 0.8*n.R
		c := n.At
		pt := func(z, y float64) diagram.Point {
			return diagram.Pt(c.X+z/5*w/2, c.Y+(y-0.5)*h)
		}
		f.Line(scenePen(0.8, grey), pt(-5, 0), pt(5, 0))
		f.Line(scenePen(0.8, grey), pt(0, -0.1), pt(0, 1.1))
		pen := scenePen(2, palette(0))
		if step {
			// Closed at the top: u(0) = 1.
			r := 2.4
			f.Line(pen, pt(-5, 0), pt(0, 0).Sub(diagram.Pt(r, 0)))
			f.Line(pen, pt(0, 1), pt(5, 1))
			f.Circle(pt(0, 0), r, color.White, scenePen(1.3, palette(0)))
			f.Circle(pt(0, 1), r, palette(0), diagram.Pen{})
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

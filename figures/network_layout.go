package figures

import (
	"math"
	"strconv"

	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"

	"github.com/figgen/figgen/diagram"
	"github.com/figgen/figgen/neuron"
)

// Layout of the network kind, in scene units. The layout is computed from
// the layers alone: the densest column sets the gap between slots, the
// widest label the radius of every node (a label too big for the gap
// shrinks, down to netMinShrink of its size), the widest names the side
// margins.
const (
	netMargin    = 4          // around the drawing
	netNameGap   = 8          // between the lowest node and the names
	netNameMaxH  = sceneH / 4 // the most height the layer names take
	netMaxGap    = 96         // largest gap between two slots of a column
	netMaxR      = 26         // largest node radius
	netMinR      = 13         // least node radius, when the gap allows
	netMinShrink = 0.62       // least scale of the node labels
	netNodePad   = 2.5        // between a node's label and its circle
	netDot       = 1.6        // radius of the ellipsis's dots
)

// netSlot is one slot of a column: a unit (index from 0), the bias node
// (unit −1) or the ellipsis (unit −2).
type netSlot struct {
	unit int
	node *diagram.Node
}

const (
	slotBias     = -1
	slotEllipsis = -2
)

// netColumn is the slots of one layer, top to bottom.
type netColumn struct {
	x     float64
	slots []netSlot
}

// networkScene lays out the network k.
func networkScene(e *env, k *Network) *diagram.Scene {
	s := &diagram.Scene{W: sceneW, H: sceneH}
	n := len(k.Layers)
	accent := e.th.palette(1)

	// The forward pass, when the nodes show its values or the edges their
	// weights.
	var acts [][]float64
	if k.Values {
		net, err := neuron.NewNetwork(k.sizes(), k.Weights, k.Biases, activationOf(k.Activation))
		if err == nil {
			acts, _ = net.Forward(k.Input)
		}
	}
	hi := map[[2]int]bool{}
	for _, h := range k.Highlight {
		hi[[2]int{h.Layer - 1, h.Node - 1}] = true
	}

	// Columns and their slots.
	cols := make([]netColumn, n)
	most := 0
	for l, layer := range k.Layers {
		c := &cols[l]
		if k.Bias && l < n-1 {
			c.slots = append(c.slots, netSlot{unit: slotBias})
		}
		_, head, tail := elided(layer.Size, k.MaxShown, 0)
		for u := range head {
			c.slots = append(c.slots, netSlot{unit: u})
		}
		if tail > 0 {
			c.slots = append(c.slots, netSlot{unit: slotEllipsis})
			for u := layer.Size - tail; u < layer.Size; u++ {
				c.slots = append(c.slots, netSlot{unit: u})
			}
		}
		most = max(most, len(c.slots))
	}

	// The label of every node, and the room its largest needs.
	label := func(l, u int) string {
		switch {
		case u == slotBias:
			return "$1$"
		case acts != nil:
			return "$" + valueNum(acts[l][u]) + "$"
		}
		t := k.Layers[l].Label
		src := expand(t.Src, map[string]string{"i": strconv.Itoa(u + 1), "l": strconv.Itoa(l + 1)})
		e.alias(src, t.Src)
		return src
	}
	baseFont := e.sceneFont(labelSize, false)
	need := make([]float64, n) // half the diagonal of each column's largest label
	for l, c := range cols {
		for _, sl := range c.slots {
			if sl.unit == slotEllipsis {
				continue
			}
			b := diagram.TextBox(centred(baseFont), diagram.Point{}, label(l, sl.unit))
			need[l] = math.Max(need[l], 0.5*math.Hypot(b.W(), b.H()))
		}
	}

	// Names under the columns, fitted to the room between columns.
	nameFont := centred(e.sceneFont(labelSize, false))
	nameRoom := float64(sceneW)/float64(n) - 10
	names := make([]string, n)
	nameSty := make([]text.Style, n)
	nameH, firstW, lastW := 0.0, 0.0, 0.0
	for l, layer := range k.Layers {
		names[l], nameSty[l] = e.sceneFit(layer.Name.Src, nameFont, nameRoom)
		if names[l] == "" {
			continue
		}
		b := diagram.TextBox(nameSty[l], diagram.Point{}, names[l])
		if h := b.H(); h > netNameMaxH {
			// A name may take a quarter of the height: more is its
			// problem, not the units'.
			e.tooTall(names[l], h*e.scenePx(), netNameMaxH*e.scenePx())
		}
		nameH = math.Max(nameH, math.Min(b.H(), netNameMaxH))
		switch l {
		case 0:
			firstW = b.W()
		case n - 1:
			lastW = b.W()
		}
	}

	// Vertical: the densest column fills the height above the names.
	bottom := float64(netMargin)
	if nameH > 0 {
		bottom += nameH + netNameGap
	}
	top := float64(sceneH - netMargin)
	gapOf := func(slots int) float64 { return math.Min(netMaxGap, (top-bottom)/float64(slots)) }
	// Each column's radius and label size: the labels at full size when
	// the column's gap allows, else shrunk to fit it.
	radius := make([]float64, n)
	fonts := make([]text.Style, n)
	for l, c := range cols {
		room := math.Min(netMaxR, gapOf(len(c.slots))/2-1.5) // the largest radius the gap allows
		scale := 1.0
		if need[l]+netNodePad > room {
			scale = math.Max(netMinShrink, (room-netNodePad)/need[l])
		}
		fonts[l] = baseFont
		fonts[l].Font.Size *= vg.Length(scale)
		radius[l] = math.Min(room, math.Max(netMinR, need[l]*scale+netNodePad))
	}

	// Horizontal: the columns spread between margins that hold the first
	// and last nodes and names.
	x0 := netMargin + math.Max(radius[0], firstW/2)
	x1 := sceneW - netMargin - math.Max(radius[n-1], lastW/2)
	step := (x1 - x0) / float64(n-1)
	mid := (top + bottom) / 2
	for l := range cols {
		c := &cols[l]
		c.x = x0 + float64(l)*step
		gap := gapOf(len(c.slots))
		for si := range c.slots {
			sl := &c.slots[si]
			y := mid + (float64(len(c.slots)-1)/2-float64(si))*gap
			at := diagram.Pt(c.x, y)
			if sl.unit == slotEllipsis {
				s.Under = append(s.Under, ellipsisDots(e.th, at, gap))
				s.Extra = append(s.Extra, diagram.RectAt(at, 2*netDot, 0.5*gap))
				continue
			}
			// A label wider than its circle wraps at spaces (a template of
			// words) or shrinks, as every text does.
			src, sty := e.sceneFit(label(l, sl.unit), fonts[l], 2*radius[l]-2)
			nd := diagram.Node{
				Shape: diagram.Circle, At: at, R: radius[l],
				Label: src, Text: sty,
				Pen: scenePen(1.2, e.th.ink), Fill: e.th.tint(e.th.palette(0), 0.10),
			}
			switch {
			case sl.unit == slotBias:
				nd.Pen = scenePen(1.2, e.th.grey).Dashed(3, 2.5)
				nd.Fill = e.th.bg
			case hi[[2]int{l, sl.unit}]:
				nd.Pen = scenePen(2.2, accent)
				nd.Fill = e.th.tint(accent, 0.16)
			}
			sl.node = s.Node(nd)
		}
		if names[l] != "" {
			s.Text(diagram.Text{At: diagram.Pt(c.x, netMargin+nameH/2), Text: names[l], Style: nameSty[l]})
		}
	}

	networkEdges(e, k, s, cols, hi, step)
	return s
}

// networkEdges adds the edges between the columns, the highlighted ones
// last (on top), and places the labels of the labelled ones.
func networkEdges(e *env, k *Network, s *diagram.Scene, cols []netColumn, hi map[[2]int]bool, step float64) {
	accent := e.th.palette(1)
	all := len(k.Highlight) == 0 && k.edgeCount() <= allEdgeLabels
	biggest := 0.0
	if k.EdgeStyle == "weight" {
		for _, m := range k.Weights {
			for _, row := range m {
				for _, w := range row {
					biggest = math.Max(biggest, math.Abs(w))
				}
			}
		}
	}
	edgeFont := e.sceneFont(noteSize, false)
	// A labelled edge's group: the edges into one highlighted unit, or
	// every edge of a connection when all are labelled.
	type pending struct {
		ed    diagram.Edge
		group int
	}
	var plain, marked []pending
	for l := 0; l+1 < len(cols); l++ {
		if k.Layers[l].Connect == "none" {
			continue
		}
		for _, from := range cols[l].slots {
			if from.node == nil {
				continue
			}
			for _, to := range cols[l+1].slots {
				if to.node == nil || to.unit < 0 {
					continue
				}
				ed := diagram.Edge{From: from.node, To: to.node, Head: -1, Pen: scenePen(0.8, e.th.grey)}
				bias := from.unit == slotBias
				if bias {
					ed.Pen = ed.Pen.Dashed(3, 2.5)
				}
				if k.EdgeStyle == "weight" && !bias {
					ed.Pen = weightPen(e.th, k.Weights[l][to.unit][from.unit], biggest)
				}
				target := hi[[2]int{l + 1, to.unit}]
				if target && k.EdgeStyle != "weight" {
					ed.Pen.Color = accent
					ed.Pen.Width = 1.8
				}
				if target || all {
					t := k.EdgeLabel.Src
					vals := map[string]string{"j": strconv.Itoa(to.unit + 1), "i": strconv.Itoa(from.unit + 1), "l": strconv.Itoa(l + 2)}
					switch {
					case bias:
						t = k.BiasLabel.Src
						vals["b"] = "0"
						if k.Biases != nil {
							vals["b"] = valueNum(k.Biases[l][to.unit])
						}
					case k.Weights != nil:
						vals["w"] = valueNum(k.Weights[l][to.unit][from.unit])
					}
					src := expand(t, vals)
					e.alias(src, t)
					ed.Label, ed.Text = e.sceneFit(src, edgeFont, 0.8*step)
					ed.LabelPad, ed.LabelBg = 1.5, e.th.bg
					if target {
						ed.Text.Color = accent
					}
				}
				switch {
				case target:
					marked = append(marked, pending{ed, (l+1)*(maxLayerSize+1) + to.unit})
				case all:
					plain = append(plain, pending{ed, l})
				default:
					plain = append(plain, pending{ed, -1})
				}
			}
		}
	}
	groups := map[int][]*diagram.Edge{}
	var order []int
	for _, p := range append(plain, marked...) {
		ed := s.Edge(p.ed)
		if ed.Label == "" {
			continue
		}
		if _, ok := groups[p.group]; !ok {
			order = append(order, p.group)
		}
		groups[p.group] = append(groups[p.group], ed)
	}
	var placed []diagram.Rect
	for _, g := range order {
		placed = placeLabels(s, groups[g], placed)
	}
}

// placeLabels chooses where along its edges the labels of one group sit:
// the first fraction, from a little past the source on, at which no two of
// them overlap and none overlaps a node or a label placed before; when no
// fraction clears them, every other label (the edges in the order of their
// sources) sits further along, staggered. It returns placed with the
// group's labels added.
func placeLabels(s *diagram.Scene, edges []*diagram.Edge, placed []diagram.Rect) []diagram.Rect {
	best, bestT, bestD := math.Inf(1), 0.5, 0.0
	set := func(t, d float64) {
		for i, ed := range edges {
			ed.LabelT = t
			if i%2 == 1 {
				ed.LabelT = t + d
			}
		}
	}
search:
	for _, d := range []float64{0, 0.15, 0.2, 0.25, 0.3} {
		for _, t := range []float64{0.3, 0.25, 0.35, 0.2, 0.4, 0.45, 0.15, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75} {
			if t+d > 0.85 {
				continue
			}
			set(t, d)
			bad := labelClash(s, edges, placed)
			if bad < best {
				best, bestT, bestD = bad, t, d
			}
			if bad == 0 {
				break search
			}
		}
	}
	set(bestT, bestD)
	for _, ed := range edges {
		placed = append(placed, ed.LabelBox())
	}
	return placed
}

// labelClash measures how much the labels of edges overlap each other,
// the nodes and the boxes placed: 0 when they are clear.
func labelClash(s *diagram.Scene, edges []*diagram.Edge, placed []diagram.Rect) float64 {
	area := func(a, b diagram.Rect) float64 {
		w := math.Min(a.Max.X, b.Max.X) - math.Max(a.Min.X, b.Min.X)
		h := math.Min(a.Max.Y, b.Max.Y) - math.Max(a.Min.Y, b.Min.Y)
		if w <= 0 || h <= 0 {
			return 0
		}
		return w * h
	}
	sum := 0.0
	for i, ed := range edges {
		b := ed.LabelBox().Inset(-1)
		for _, o := range edges[i+1:] {
			sum += area(b, o.LabelBox())
		}
		for _, p := range placed {
			sum += area(b, p)
		}
		for _, nd := range s.Nodes {
			sum += area(b, nd.Bounds())
		}
	}
	return sum
}

// weightPen draws an edge of weight w, the largest magnitude being
// biggest: wider the larger |w|, blue when positive, vermillion when
// negative (the Okabe–Ito pair, told apart by every kind of colour
// vision), a zero weight a thin dotted grey line.
func weightPen(th *theme, w, biggest float64) diagram.Pen {
	if w == 0 || biggest == 0 {
		return scenePen(0.6, th.grey).Dashed(1, 2)
	}
	col := th.palette(0)
	if w < 0 {
		col = th.palette(1)
	}
	return scenePen(0.6+2.8*math.Abs(w)/biggest, col)
}

// ellipsisDots draws a vertical ellipsis at c in a slot of height gap.
func ellipsisDots(th *theme, c diagram.Point, gap float64) func(f *diagram.Frame) {
	d := math.Min(6, gap/4)
	return func(f *diagram.Frame) {
		for _, dy := range []float64{-d, 0, d} {
			f.Circle(c.Add(diagram.Pt(0, dy)), netDot, th.ink, diagram.Pen{})
		}
	}
}

// centred returns sty aligned on its centre.
func centred(sty text.Style) text.Style {
	sty.XAlign, sty.YAlign = text.XCenter, text.YCenter
	return sty
}

// valueNum writes a value of the forward pass to three significant
// digits as math source: 0.731, 2, -0.5.
func valueNum(v float64) string {
	r, _ := strconv.ParseFloat(strconv.FormatFloat(v, 'g', 3, 64), 64)
	return mathNum(r)
}

// sizes returns the layer sizes.
func (k *Network) sizes() []int {
	s := make([]int, len(k.Layers))
	for i, l := range k.Layers {
		s[i] = l.Size
	}
	return s
}

// activationOf returns the activation of a validated name.
func activationOf(name string) neuron.Activation {
	a, _ := neuron.ActivationByName(name)
	return a
}

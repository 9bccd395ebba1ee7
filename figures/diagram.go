package figures

import (
	"fmt"
	"image/color"

	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"github.com/figgen/figgen/diagram"
	"github.com/figgen/figgen/spec"
)

// Schematic figures (unit, signal, neuron-cell, diagram) are drawn as a
// diagram.Scene whose unit is one point of a default 800×500 figure: the
// scene below the title is sceneW×sceneH and is fitted into whatever is
// left of the canvas, so text and lines keep their proportions.
const (
	sceneW = 580
	sceneH = 330
)

// sceneFont returns a text style of size pt in scene units.
func (e *env) sceneFont(pt float64, bold bool) text.Style {
	s := e.font(pt, bold)
	s.Font.Size = vg.Length(pt)
	return s
}

// scenePen returns a pen of width w in the colour col.
func scenePen(w float64, col color.Color) diagram.Pen {
	return diagram.Pen{Color: col, Width: w}
}

// tint returns col mixed with white: a = 0 is white, 1 is col.
func tint(col color.Color, a float64) color.Color {
	r, g, b, _ := col.RGBA()
	mix := func(v uint32) uint8 { return uint8(255 - a*(255-float64(v>>8)) + 0.5) }
	return color.RGBA{R: mix(r), G: mix(g), B: mix(b), A: 0xff}
}

// drawScene returns the drawing of a schematic figure: the title in bold
// at the top (as the plots have it), the scene fitted below.
func (e *env) drawScene(title string, s *diagram.Scene) func(c draw.Canvas) {
	return func(c draw.Canvas) { s.DrawOn(e.titled(c, title)) }
}

// Layout of the diagram kind: the unit square of node positions maps to
// the scene inside these margins.
const (
	diagramMarginX = 50
	diagramMarginY = 36
	diagramRadius  = 24
)

// buildDiagram draws free nodes and edges: kind "diagram".
func buildDiagram(e *env, f *spec.Figure) (func(c draw.Canvas), error) {
	s, err := diagramScene(e, f)
	if err != nil {
		return nil, err
	}
	return e.drawScene(f.Title.Src, s), nil
}

// diagramScene lays out the nodes and edges of a diagram spec. spec has
// validated ids, shapes and edges; the checks here only keep a bug there
// from becoming a panic here.
func diagramScene(e *env, f *spec.Figure) (*diagram.Scene, error) {
	d := f.Diagram
	if d == nil {
		return nil, spec.Errorf(f.PosOf("kind"), "kind %q has no diagram", f.Kind)
	}
	s := &diagram.Scene{W: sceneW, H: sceneH}
	label := e.sceneFont(labelSize, false)
	pen := scenePen(1.4, ink)
	byID := make(map[string]*diagram.Node, len(d.Nodes))
	for i, n := range d.Nodes {
		if _, dup := byID[n.ID]; dup {
			return nil, spec.Errorf(f.PosOf(fmt.Sprintf("nodes[%d].id", i)), "duplicate node id %q", n.ID)
		}
		at := diagram.Pt(
			diagramMarginX+n.At[0]*(sceneW-2*diagramMarginX),
			diagramMarginY+n.At[1]*(sceneH-2*diagramMarginY),
		)
		nd := diagram.Node{At: at, Label: n.Label.Src, Text: label, Pen: pen, Fill: color.White}
		switch n.Shape {
		case "", "circle":
			nd.Shape = diagram.Circle
			nd.Fill = tint(palette(0), 0.08)
			nd.R = diagramRadius
			if n.Label.Src != "" {
				b := nd.LabelBox()
				nd.R = max(nd.R, 0.5*diagram.Pt(b.W(), b.H()).Len()+4)
			}
		case "box":
			nd.Shape, nd.R, nd.Pad = diagram.Box, 6, 9
			nd.Fill = tint(palette(0), 0.08)
		case "label":
			nd.Shape, nd.Pad, nd.Pen = diagram.Label, 5, diagram.Pen{}
		default:
			return nil, spec.Errorf(f.PosOf(fmt.Sprintf("nodes[%d].shape", i)), "unknown shape %q", n.Shape)
		}
		byID[n.ID] = s.Node(nd)
	}
	for i, ed := range d.Edges {
		from, ok := byID[ed.From]
		if !ok {
			return nil, spec.Errorf(f.PosOf(fmt.Sprintf("edges[%d].from", i)), "unknown node %q", ed.From)
		}
		to, ok := byID[ed.To]
		if !ok {
			return nil, spec.Errorf(f.PosOf(fmt.Sprintf("edges[%d].to", i)), "unknown node %q", ed.To)
		}
		if from == to {
			return nil, spec.Errorf(f.PosOf(fmt.Sprintf("edges[%d].to", i)), "edge from %q to itself", ed.From)
		}
		p := pen
		if ed.Dashed {
			p = p.Dashed(5, 3.5)
		}
		s.Edge(diagram.Edge{
			From: from, To: to, Pen: p,
			Label: ed.Label.Src, LabelPad: 3, Text: e.sceneFont(noteSize, false),
		})
	}
	return s, nil
}

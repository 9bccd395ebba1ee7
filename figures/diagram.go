package figures

import (
	"fmt"

	"gonum.org/v1/plot/vg/draw"

	"github.com/figgen/figgen/diagram"
	"github.com/figgen/figgen/spec"
)

// Layout of the diagram kind: the unit square of node positions maps to
// the scene inside these margins.
const (
	diagramMarginX = 50
	diagramMarginY = 36
	diagramRadius  = 24
	diagramCircleW = 100 // room of a circle node's label
	diagramLabelW  = 160 // room of a box's or a label node's text
	diagramEdgeW   = 120 // room of an edge label
)

func init() {
	register[Diagram]("diagram", "Free nodes and arrows in the unit square.")
}

const (
	maxNodes = 100 // most nodes of a diagram
	maxEdges = 200 // most edges of a diagram
)

// Diagram is kind "diagram": free nodes and edges in a unit coordinate
// system (x right, y up, both 0…1 across the drawing area).
type Diagram struct {
	Nodes []Node `yaml:"nodes"`
	Edges []Edge `yaml:"edges"`
}

// Node is a diagram node.
type Node struct {
	ID    string     `yaml:"id"`
	Label spec.Text  `yaml:"label"`
	Shape string     `yaml:"shape"` // circle (default), box, label
	At    [2]float64 `yaml:"at"`
}

// Edge is a diagram arrow between two nodes.
type Edge struct {
	From   string    `yaml:"from"`
	To     string    `yaml:"to"`
	Label  spec.Text `yaml:"label"`
	Dashed bool      `yaml:"dashed"`
}

// Fields documents the diagram's keys.
func (*Diagram) Fields() spec.Fields {
	return spec.Fields{
		"nodes":        {Doc: "Nodes of the diagram, each at its own place.", Items: [2]int{0, maxNodes}},
		"nodes[]":      {Required: []string{"id", "at"}},
		"nodes.id":     {Doc: "Id of the node, unique, for edges to refer to.", NonEmpty: true},
		"nodes.label":  {Doc: "Text drawn in or as the node."},
		"nodes.shape":  {Doc: "Shape of the node; default circle.", Enum: []string{"circle", "box", "label"}},
		"nodes.at":     {Doc: "Centre [x, y] in the unit square: x right, y up."},
		"nodes.at[]":   {Within: [2]float64{0, 1}},
		"edges":        {Doc: "Arrows between two nodes at different places.", Items: [2]int{0, maxEdges}},
		"edges[]":      {Required: []string{"from", "to"}},
		"edges.from":   {Doc: "Id of the node the arrow starts at."},
		"edges.to":     {Doc: "Id of the node the arrow points to."},
		"edges.label":  {Doc: "Text beside the arrow."},
		"edges.dashed": {Doc: "Draw the arrow dashed."},
	}
}

// Default makes every node a circle unless it says otherwise.
func (k *Diagram) Default(d *spec.Defaults) {
	for i := range k.Nodes {
		spec.Default(d, fmt.Sprintf("nodes[%d].shape", i), &k.Nodes[i].Shape, "circle")
	}
	d.Alt = fmt.Sprintf("노드 %d개와 화살표 %d개로 이루어진 다이어그램", len(k.Nodes), len(k.Edges))
}

// Validate wants distinct ids at distinct places, and every edge between
// two of them.
func (k *Diagram) Validate(c *spec.Check) {
	first := map[string]int{}
	placed := map[[2]float64]int{} // first node at each point
	var ids []string
	for i, n := range k.Nodes {
		p := fmt.Sprintf("nodes[%d]", i)
		switch j, dup := first[n.ID]; {
		case !c.Set(p + ".id"):
		case n.ID == "":
			// reported by the constraint of nodes.id
		case dup:
			c.Errorf(p+".id", "duplicate node id %q (first at line %d)", n.ID, c.Pos(fmt.Sprintf("nodes[%d].id", j)).Line)
		default:
			first[n.ID] = i
			ids = append(ids, n.ID)
		}
		if !c.Set(p+".at") || n.ID == "" || !c.Set(p+".id") || !inUnitSquare(n.At) {
			continue // an at outside the square is reported by its constraint
		}
		if j, ok := placed[n.At]; ok {
			c.Errorf(p+".at", "node %q is at the same place as node %q", n.ID, k.Nodes[j].ID)
		} else {
			placed[n.At] = i
		}
	}
	for i, e := range k.Edges {
		p := fmt.Sprintf("edges[%d]", i)
		for _, end := range []struct{ key, id string }{{"from", e.From}, {"to", e.To}} {
			q := p + "." + end.key
			if _, ok := first[end.id]; !ok && c.Set(q) && c.Spans("nodes") {
				at := c.Pos(q)
				c.ErrorAt(at, "unknown node %q%s%s", end.id, spec.Suggest(end.id, ids), c.Origin(at, "nodes", "nodes"))
			}
		}
		a, okA := first[e.From]
		b, okB := first[e.To]
		switch {
		case !okA || !okB || !c.Set(p+".from") || !c.Set(p+".to"):
		case a == b:
			c.Errorf(p+".to", "edge from %q to itself", e.From)
		case c.Set(fmt.Sprintf("nodes[%d].at", a)) && c.Set(fmt.Sprintf("nodes[%d].at", b)) && k.Nodes[a].At == k.Nodes[b].At:
			at := c.Pos(p + ".to")
			c.ErrorAt(at, "edge from %q to %q has no length: the nodes are at the same place%s", e.From, e.To, c.Origin(at, "nodes", "nodes"))
		}
	}
}

// inUnitSquare reports whether p is in [0, 1]².
func inUnitSquare(p [2]float64) bool {
	return p[0] >= 0 && p[0] <= 1 && p[1] >= 0 && p[1] <= 1
}

// build draws free nodes and edges.
func (k *Diagram) build(e *env, f *spec.Figure) func(c draw.Canvas) {
	return e.drawScene(f.Title.Src, diagramScene(e, k))
}

// diagramScene lays out the nodes and edges of a diagram spec.
func diagramScene(e *env, d *Diagram) *diagram.Scene {
	s := &diagram.Scene{W: sceneW, H: sceneH}
	label := e.sceneFont(labelSize, false)
	pen := scenePen(1.4, e.th.ink)
	byID := make(map[string]*diagram.Node, len(d.Nodes))
	for _, n := range d.Nodes {
		at := diagram.Pt(
			diagramMarginX+n.At[0]*(sceneW-2*diagramMarginX),
			diagramMarginY+n.At[1]*(sceneH-2*diagramMarginY),
		)
		room := float64(diagramLabelW)
		if n.Shape == "" || n.Shape == "circle" {
			room = diagramCircleW
		}
		src, sty := e.sceneFit(n.Label.Src, label, room)
		nd := diagram.Node{At: at, Label: src, Text: sty, Pen: pen, Fill: e.th.bg}
		switch n.Shape {
		case "", "circle":
			nd.Shape = diagram.Circle
			nd.Fill = e.th.tint(e.th.palette(0), 0.08)
			nd.R = diagramRadius
			if n.Label.Src != "" {
				b := nd.LabelBox()
				nd.R = max(nd.R, 0.5*diagram.Pt(b.W(), b.H()).Len()+4)
			}
		case "box":
			nd.Shape, nd.R, nd.Pad = diagram.Box, 6, 9
			nd.Fill = e.th.tint(e.th.palette(0), 0.08)
		case "label":
			nd.Shape, nd.Pad, nd.Pen = diagram.Label, 5, diagram.Pen{}
		}
		byID[n.ID] = s.Node(nd)
	}
	for _, ed := range d.Edges {
		from, to := byID[ed.From], byID[ed.To]
		p := pen
		if ed.Dashed {
			p = p.Dashed(5, 3.5)
		}
		src, sty := e.sceneFit(ed.Label.Src, e.sceneFont(noteSize, false), diagramEdgeW)
		s.Edge(diagram.Edge{
			From: from, To: to, Pen: p,
			Label: src, LabelPad: 3, LabelBg: e.th.bg, Text: sty,
		})
	}
	return s
}

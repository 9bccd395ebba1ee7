package figures

import (
	"errors"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"

	"github.com/figgen/figgen/diagram"
	"github.com/figgen/figgen/spec"
	"github.com/figgen/figgen/typeset"
)

// lookEnv returns an env for a default 800×500 figure with figgen's text
// engine.
func lookEnv(t *testing.T) *env {
	t.Helper()
	eng, err := typeset.New()
	if err != nil {
		t.Fatal(err)
	}
	return newEnv(eng.Handler(), &spec.Figure{Width: 800, Height: 500})
}

// renderLook draws a figure at 800×500 px and, when FIGGEN_LOOK names a
// directory, writes it there as name.png for a person to look at.
func renderLook(t *testing.T, name string, drawFig func(c draw.Canvas)) {
	t.Helper()
	img := vgimg.NewWith(vgimg.UseWH(800*vg.Inch/96, 500*vg.Inch/96), vgimg.UseDPI(96), vgimg.UseBackgroundColor(color.White))
	drawFig(draw.New(img))
	dir := os.Getenv("FIGGEN_LOOK")
	if dir == "" {
		return
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	fh, err := os.Create(filepath.Join(dir, name+".png"))
	if err != nil {
		t.Fatal(err)
	}
	defer fh.Close()
	if err := png.Encode(fh, img.Image()); err != nil {
		t.Fatal(err)
	}
}

// checkScene reports what a reader would see as a defect: anything outside
// the scene, edge labels overlapping each other or a node, and edges
// running through another edge's label or through a node they do not
// connect.
func checkScene(t *testing.T, s *diagram.Scene) {
	t.Helper()
	all := diagram.Rect{Max: diagram.Pt(s.W, s.H)}
	if b := s.Bounds(); b.Min.X < all.Min.X || b.Min.Y < all.Min.Y || b.Max.X > all.Max.X || b.Max.Y > all.Max.Y {
		t.Errorf("scene bounds %v outside %v", b, all)
	}
	for i, e := range s.Edges {
		lb := e.LabelBox()
		for j, o := range s.Edges {
			if i == j {
				continue
			}
			if ob := o.LabelBox(); !lb.Empty() && !ob.Empty() && lb.Overlaps(ob) {
				t.Errorf("labels %q and %q overlap", e.Label, o.Label)
			}
			a, b := o.Ends()
			if !lb.Empty() && lb.Inset(1).SegmentHits(a, b) {
				t.Errorf("edge to %q crosses label %q", o.To.Label, e.Label)
			}
		}
		for _, n := range s.Nodes {
			if n == e.From || n == e.To || n.Shape == diagram.Dot {
				continue
			}
			a, b := e.Ends()
			if n.Bounds().Inset(1).SegmentHits(a, b) {
				t.Errorf("edge %q→%q runs through node %q", e.From.Label, e.To.Label, n.Label)
			}
			if !lb.Empty() && lb.Overlaps(n.Bounds()) {
				t.Errorf("label %q overlaps node %q", e.Label, n.Label)
			}
		}
	}
	for _, tx := range s.Texts {
		for _, n := range s.Nodes {
			if n.Shape != diagram.Dot && tx.Box().Overlaps(n.Bounds()) {
				t.Errorf("text %q overlaps node %q", tx.Text, n.Label)
			}
		}
	}
}

func txt(s string) spec.Text { return spec.Text{Src: s} }

func TestDiagram(t *testing.T) {
	f := &spec.Figure{Kind: "diagram", Title: txt("다이어그램"), Width: 800, Height: 500, Diagram: &spec.Diagram{
		Nodes: []spec.Node{
			{ID: "in", Label: txt("$x$"), Shape: "label", At: [2]float64{0, 0.5}},
			{ID: "a", Label: txt("$a_1$"), Shape: "circle", At: [2]float64{0.4, 0.9}},
			{ID: "b", Label: txt("box node"), Shape: "box", At: [2]float64{0.4, 0.1}},
			{ID: "out", Label: txt("$y$"), Shape: "circle", At: [2]float64{1, 0.5}},
		},
		Edges: []spec.Edge{
			{From: "in", To: "a", Label: txt("$w_1$")},
			{From: "in", To: "b", Label: txt("$w_2$"), Dashed: true},
			{From: "a", To: "out"},
			{From: "b", To: "out", Label: txt("$v$")},
		},
	}}
	e := lookEnv(t)
	s, err := diagramScene(e, f)
	if err != nil {
		t.Fatal(err)
	}
	checkScene(t, s)
	d, err := buildDiagram(e, f)
	if err != nil {
		t.Fatal(err)
	}
	renderLook(t, "diagram", d)
}

func TestDiagramErrors(t *testing.T) {
	nodes := []spec.Node{{ID: "a"}, {ID: "b", At: [2]float64{1, 1}}}
	for _, tc := range []struct {
		name string
		d    spec.Diagram
		want string
	}{
		{"unknown from", spec.Diagram{Nodes: nodes, Edges: []spec.Edge{{From: "c", To: "a"}}}, `unknown node "c"`},
		{"unknown to", spec.Diagram{Nodes: nodes, Edges: []spec.Edge{{From: "a", To: "z"}}}, `unknown node "z"`},
		{"self", spec.Diagram{Nodes: nodes, Edges: []spec.Edge{{From: "a", To: "a"}}}, `edge from "a" to itself`},
		{"duplicate", spec.Diagram{Nodes: append(nodes, spec.Node{ID: "a"})}, `duplicate node id "a"`},
		{"shape", spec.Diagram{Nodes: []spec.Node{{ID: "a", Shape: "hexagon"}}}, `unknown shape "hexagon"`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := tc.d
			_, err := buildDiagram(lookEnv(t), &spec.Figure{Kind: "diagram", Diagram: &d})
			var se *spec.Error
			if !errors.As(err, &se) || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("error %v, want a *spec.Error with %q", err, tc.want)
			}
		})
	}
}

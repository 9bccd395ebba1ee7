package figures

import (
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
	return newEnv(eng.Handler(), &spec.Figure{Width: 800, Height: 500}, lightTheme)
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
	f := decodeYAML(t, "diagram", `kind: diagram
title: 다이어그램
nodes:
  - {id: in, label: $x$, shape: label, at: [0, 0.5]}
  - {id: a, label: $a_1$, at: [0.4, 0.9]}
  - {id: b, label: box node, shape: box, at: [0.4, 0.1]}
  - {id: out, label: $y$, at: [1, 0.5]}
edges:
  - {from: in, to: a, label: $w_1$}
  - {from: in, to: b, label: $w_2$, dashed: true}
  - {from: a, to: out}
  - {from: b, to: out, label: $v$}
`)
	e := lookEnv(t)
	k := f.Spec.(*Diagram)
	checkScene(t, diagramScene(e, k))
	renderLook(t, "diagram", k.build(e, f))
}

// TestDiagramErrors: the rules spanning a diagram's fields live in its
// Validate, each error at its place.
func TestDiagramErrors(t *testing.T) {
	const nodes = "kind: diagram\nnodes: [{id: a, at: [0, 0]}, {id: b, at: [1, 1]}]\n"
	for _, tc := range []struct{ name, yaml, want string }{
		{"unknown from", nodes + "edges: [{from: c, to: a}]\n", `x.yaml:3:16: unknown node "c"`},
		{"unknown to", nodes + "edges: [{from: a, to: bb}]\n", `x.yaml:3:23: unknown node "bb"`},
		{"self", nodes + "edges: [{from: a, to: a}]\n", `x.yaml:3:23: edge from "a" to itself`},
		{"duplicate", "kind: diagram\nnodes: [{id: a, at: [0, 0]}, {id: a, at: [1, 1]}]\n", `x.yaml:2:35: duplicate node id "a" (first at line 2)`},
		{"same place", "kind: diagram\nnodes: [{id: a, at: [0, 0]}, {id: b, at: [0, 0]}]\n", `x.yaml:2:42: node "b" is at the same place as node "a"`},
		{"shape", "kind: diagram\nnodes: [{id: a, at: [0, 0], shape: hexagon}]\n", `x.yaml:2:36: unknown shape "hexagon"`},
		{"missing at", "kind: diagram\nnodes: [{id: a}]\n", `x.yaml:2:9: nodes[0]: missing at`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Kinds().Decode("x.yaml", []byte(tc.yaml))
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("error %v, want %q", err, tc.want)
			}
		})
	}
}

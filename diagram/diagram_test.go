package diagram

import (
	"image/color"
	"image/png"
	"math"
	"os"
	"path/filepath"
	"testing"

	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/font/liberation"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"
)

const eps = 1e-9

func near(a, b float64) bool { return math.Abs(a-b) < 1e-6 }

func plainStyle(size float64) text.Style {
	return text.Style{
		Color:   color.Black,
		Font:    font.Font{Typeface: "Liberation", Variant: "Sans", Size: vg.Length(size)},
		Handler: text.Plain{Fonts: font.NewCache(liberation.Collection())},
	}
}

func TestFit(t *testing.T) {
	for _, tc := range []struct {
		name      string
		cw, ch    vg.Length
		w, h      float64
		k, ox, oy float64
	}{
		{"wide canvas", 1000, 500, 100, 100, 5, 250, 0},
		{"tall canvas", 300, 900, 100, 50, 3, 0, 375},
		{"same aspect", 600, 375, 600, 375, 1, 0, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := draw.Canvas{Rectangle: vg.Rectangle{Max: vg.Point{X: tc.cw, Y: tc.ch}}}
			f := Fit(c, tc.w, tc.h)
			if !near(f.K, tc.k) || !near(float64(f.Origin.X), tc.ox) || !near(float64(f.Origin.Y), tc.oy) {
				t.Fatalf("Fit = k %v origin %v, want k %v origin (%v, %v)", f.K, f.Origin, tc.k, tc.ox, tc.oy)
			}
			top := f.P(Pt(tc.w, tc.h))
			if float64(top.X) > float64(tc.cw)+eps || float64(top.Y) > float64(tc.ch)+eps {
				t.Errorf("scene corner %v outside canvas", top)
			}
			if got := f.L(2); !near(float64(got), 2*tc.k) {
				t.Errorf("L(2) = %v, want %v", got, 2*tc.k)
			}
		})
	}
	// An offset canvas keeps its offset.
	c := draw.Canvas{Rectangle: vg.Rectangle{Min: vg.Point{X: 10, Y: 20}, Max: vg.Point{X: 110, Y: 220}}}
	if f := Fit(c, 1, 1); !near(float64(f.P(Pt(0, 0)).X), 10) || !near(float64(f.P(Pt(0, 0)).Y), 70) {
		t.Errorf("offset canvas origin = %v, want (10, 70)", f.P(Pt(0, 0)))
	}
}

func TestCircleBorder(t *testing.T) {
	n := &Node{Shape: Circle, At: Pt(10, 20), R: 30, Pen: Pen{Width: 2}}
	for _, p := range []Point{Pt(100, 20), Pt(-50, 80), Pt(10, -7), Pt(11, 21)} {
		b := n.Border(p)
		if d := b.Sub(n.At).Len(); !near(d, 31) {
			t.Errorf("Border(%v) at distance %v from centre, want 31", p, d)
		}
		// On the segment from the centre toward p.
		if cross := (b.X-n.At.X)*(p.Y-n.At.Y) - (b.Y-n.At.Y)*(p.X-n.At.X); !near(cross, 0) {
			t.Errorf("Border(%v) = %v not on the ray to p", p, b)
		}
	}
}

func TestEdgeEndsOnCircle(t *testing.T) {
	a := &Node{Shape: Label, At: Pt(0, 0), Pad: 4}
	c := &Node{Shape: Circle, At: Pt(100, 50), R: 20, Pen: Pen{Width: 1.5}}
	e := &Edge{From: a, To: c, Pen: Pen{Width: 1}}
	_, tip := e.Ends()
	if d := tip.Sub(c.At).Len(); !near(d, 20.75) {
		t.Errorf("tip %v at %v from centre, want 20.75 (radius plus half the pen)", tip, d)
	}
	e.Gap = 3
	_, tip = e.Ends()
	if d := tip.Sub(c.At).Len(); !near(d, 23.75) {
		t.Errorf("tip with gap at %v from centre, want 23.75", d)
	}
}

func TestBoxBorder(t *testing.T) {
	n := &Node{Shape: Box, At: Pt(0, 0), W: 40, H: 20, R: 5}
	for _, tc := range []struct {
		toward Point
		want   Point
	}{
		{Pt(100, 0), Pt(20, 0)},
		{Pt(0, -100), Pt(0, -10)},
		{Pt(-100, 5), Pt(-20, 1)},
	} {
		if got := n.Border(tc.toward); !near(got.X, tc.want.X) || !near(got.Y, tc.want.Y) {
			t.Errorf("Border(%v) = %v, want %v", tc.toward, got, tc.want)
		}
	}
	// Toward a corner the point lies on the corner arc, inside the square corner.
	got := n.Border(Pt(40, 20))
	cc := Pt(15, 5)
	if d := got.Sub(cc).Len(); !near(d, 5) {
		t.Errorf("corner border %v at %v from the corner centre, want 5", got, d)
	}
	if got.X >= 20 || got.Y >= 10 {
		t.Errorf("corner border %v not cut by the rounding", got)
	}
	// Every border point is on the outline: on a side or a corner arc.
	for i := 0; i < 360; i++ {
		a := float64(i) * math.Pi / 180
		p := n.Border(Polar(Pt(0, 0), 100, a))
		x, y := math.Abs(p.X), math.Abs(p.Y)
		onSide := (near(x, 20) && y <= 5+eps) || (near(y, 10) && x <= 15+eps)
		onArc := x >= 15-eps && y >= 5-eps && near(Pt(x-15, y-5).Len(), 5)
		if !onSide && !onArc {
			t.Fatalf("angle %d°: border %v not on the outline", i, p)
		}
	}
}

func TestEdgeLabelBox(t *testing.T) {
	sty := plainStyle(12)
	a := &Node{Shape: Dot, At: Pt(0, 0)}
	b := &Node{Shape: Dot, At: Pt(200, 100)}
	e := &Edge{From: a, To: b, Label: "w1", LabelT: 0.25, LabelPad: 3, Text: sty}
	at := e.LabelAt()
	if !near(at.X, 50) || !near(at.Y, 25) {
		t.Fatalf("LabelAt = %v, want (50, 25)", at)
	}
	box := e.LabelBox()
	c := sty
	c.XAlign, c.YAlign = text.XCenter, text.YCenter
	w := float64(c.Width("w1"))
	if !near(box.W(), w+6) {
		t.Errorf("label box width %v, want text width %v + 2·pad", box.W(), w)
	}
	if !box.Contains(at) || !near(box.Center().X, 50) {
		t.Errorf("label box %v not centred on %v", box, at)
	}
	// Without a label there is no box.
	e.Label = ""
	if !e.LabelBox().Empty() {
		t.Errorf("empty label has box %v", e.LabelBox())
	}
}

func TestSegmentHits(t *testing.T) {
	r := Rect{Pt(0, 0), Pt(10, 10)}
	for _, tc := range []struct {
		a, b Point
		want bool
	}{
		{Pt(-5, 5), Pt(15, 5), true},
		{Pt(-5, -5), Pt(-1, 20), false},
		{Pt(5, 5), Pt(6, 6), true},
		{Pt(-5, 11), Pt(15, 11), false},
		{Pt(-5, 0), Pt(15, 0), false}, // along the edge only
	} {
		if got := r.SegmentHits(tc.a, tc.b); got != tc.want {
			t.Errorf("SegmentHits(%v, %v) = %v, want %v", tc.a, tc.b, got, tc.want)
		}
	}
}

func TestSceneBounds(t *testing.T) {
	var s Scene
	s.W, s.H = 100, 100
	c := s.Node(Node{Shape: Circle, At: Pt(50, 50), R: 10, Pen: Pen{Width: 2}})
	d := s.Node(Node{Shape: Dot, At: Pt(90, 50)})
	s.Edge(Edge{From: c, To: d, Pen: Pen{Width: 2}})
	b := s.Bounds()
	if !near(b.Min.X, 39) || !near(b.Max.X, 91) || !near(b.Min.Y, 39) || !near(b.Max.Y, 61) {
		t.Errorf("Bounds = %v", b)
	}
}

// TestLook renders a sample scene to PNG for a person to look at; the
// file goes to testdata/failed (gitignored) under -look.
func TestLook(t *testing.T) {
	out := os.Getenv("DIAGRAM_LOOK")
	if out == "" {
		t.Skip("set DIAGRAM_LOOK=dir to write the sample image")
	}
	sty := plainStyle(13)
	ink := color.RGBA{0x22, 0x22, 0x22, 0xff}
	pen := Pen{Color: ink, Width: 1.3}
	var s Scene
	s.W, s.H = 580, 330
	body := s.Node(Node{Shape: Circle, At: Pt(300, 165), R: 40, Pen: Pen{Color: ink, Width: 1.6}, Fill: color.White, Label: "theta", Text: sty})
	for i, y := range []float64{265, 165, 65} {
		in := s.Node(Node{Shape: Label, At: Pt(60, y), Pad: 6, Label: []string{"x1", "x2", "x3"}[i], Text: sty})
		s.Edge(Edge{From: in, To: body, Pen: pen, Label: []string{"w1", "w2", "w3"}[i], LabelT: 0.45, LabelPad: 3, Text: sty})
	}
	box := s.Node(Node{Shape: Box, At: Pt(480, 250), R: 8, Pad: 8, Pen: pen, Label: "box node", Text: sty})
	s.Edge(Edge{From: body, To: box, Pen: pen.Dashed(5, 3)})
	var outs []*Node
	for _, y := range []float64{140, 90} {
		outs = append(outs, s.Node(Node{Shape: Label, At: Pt(500, y), Pad: 6, Label: "y", Text: sty}))
	}
	s.FanOut(body, outs, Edge{Pen: pen})
	s.Text(Text{At: Pt(290, 10), Text: "z = w1x1 + w2x2 + w3x3", Style: sty})
	img := vgimg.NewWith(vgimg.UseWH(800*vg.Inch/96, 500*vg.Inch/96), vgimg.UseDPI(96), vgimg.UseBackgroundColor(color.White))
	s.DrawOn(draw.New(img))
	if err := os.MkdirAll(out, 0o755); err != nil {
		t.Fatal(err)
	}
	fh, err := os.Create(filepath.Join(out, "diagram-sample.png"))
	if err != nil {
		t.Fatal(err)
	}
	defer fh.Close()
	if err := png.Encode(fh, img.Image()); err != nil {
		t.Fatal(err)
	}
}

func TestClip(t *testing.T) {
	r := Rect{Pt(0, 0), Pt(10, 10)}
	for _, tc := range []struct {
		a, b   Point
		t0, t1 float64
		ok     bool
	}{
		{Pt(-10, 5), Pt(20, 5), 1.0 / 3, 2.0 / 3, true},
		{Pt(5, 5), Pt(25, 5), 0, 0.25, true}, // starts inside
		{Pt(-10, -10), Pt(20, 20), 1.0 / 3, 2.0 / 3, true},
		{Pt(-5, 20), Pt(15, 20), 0, 0, false},
	} {
		t0, t1, ok := r.Clip(tc.a, tc.b)
		if ok != tc.ok || ok && (!near(t0, tc.t0) || !near(t1, tc.t1)) {
			t.Errorf("Clip(%v, %v) = %v, %v, %v; want %v, %v, %v", tc.a, tc.b, t0, t1, ok, tc.t0, tc.t1, tc.ok)
		}
	}
}

// TestPenFit: a fitted pattern draws a line of the length with whole
// dashes at both ends (k whole periods and one dash), changed little.
func TestPenFit(t *testing.T) {
	pen := Pen{Width: 1}.Dashed(5, 3)
	for _, l := range []float64{2, 5, 9, 13, 14.5, 17, 40, 123.4} {
		d := pen.Fit(l).Dashes
		period, on := d[0]+d[1], d[0]
		k := (l - on) / period
		if math.Abs(k-math.Round(k)) > 1e-9 || k < -1e-9 {
			t.Errorf("Fit(%v) = %v: %v periods before the last dash, want a whole number", l, d, k)
		}
		if s := on / 5; l >= 5 && (s < 0.6 || s > 1.4) {
			t.Errorf("Fit(%v) scales the pattern by %v", l, s)
		}
	}
	if solid := (Pen{Width: 1}).Fit(10); solid.Dashes != nil {
		t.Errorf("a solid pen fitted has dashes %v", solid.Dashes)
	}
}

// TestEdgeLabelInterrupts: a labelled dashed edge is cut clear of its
// label: no pixel of the line within half a pad of the label's box (once,
// the line ran under the label's background and a stub of a dash showed
// beside it), and the line reaches close to the box on both sides.
func TestEdgeLabelInterrupts(t *testing.T) {
	red := color.RGBA{0xff, 0, 0, 0xff}
	sty := plainStyle(12)
	sty.Color = color.RGBA{0, 0, 0xff, 0xff}
	for _, lt := range []float64{0.3, 0.4, 0.47, 0.5, 0.55} {
		var s Scene
		s.W, s.H = 200, 60
		a := s.Node(Node{Shape: Dot, At: Pt(5, 45)})
		b := s.Node(Node{Shape: Dot, At: Pt(195, 15)})
		e := s.Edge(Edge{From: a, To: b, Pen: Pen{Color: red, Width: 1.4}.Dashed(5, 3.5), Label: "b", LabelT: lt, LabelPad: 3, Text: sty})
		const k = 4 // pixels per unit
		img := vgimg.NewWith(vgimg.UseWH(200*k, 60*k), vgimg.UseDPI(72), vgimg.UseBackgroundColor(color.White))
		f := s.DrawOn(draw.New(img))
		if !near(f.K, k) {
			t.Fatalf("scale %v", f.K)
		}
		px := img.Image()
		redAt := func(x, y float64) bool {
			p := f.P(Pt(x, y))
			r, g, b, _ := px.At(int(p.X), px.Bounds().Dy()-1-int(p.Y)).RGBA()
			return r > 0xc000 && g < 0x8000 && b < 0x8000
		}
		box := e.LabelBox()
		clear := box.Inset(-e.LabelPad/2 + 0.3) // less a pixel of antialiasing
		for y := clear.Min.Y; y <= clear.Max.Y; y += 0.25 {
			for x := clear.Min.X; x <= clear.Max.X; x += 0.25 {
				if redAt(x, y) {
					t.Fatalf("LabelT %v: the line shows at (%.2f, %.2f), within half a pad of the label box %v", lt, x, y, box)
				}
			}
		}
		// Whole dashes end and start beside the label: the line is within
		// a pad of the cut on both sides.
		from, to := e.Ends()
		t0, t1, _ := box.Inset(-e.LabelPad/2).Clip(from, to)
		for _, side := range []struct{ t, dir float64 }{{t0, -1}, {t1, 1}} {
			seen := false
			for d := 0.5; d <= 2; d += 0.25 {
				p := Lerp(from, to, side.t).Add(to.Sub(from).Unit().Scale(side.dir * d))
				seen = seen || redAt(p.X, p.Y)
			}
			if !seen {
				t.Errorf("LabelT %v: no dash within 2 units %s the label", lt, map[float64]string{-1: "before", 1: "after"}[side.dir])
			}
		}
	}
}

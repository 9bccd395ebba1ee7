package figures

import (
	"bytes"
	"fmt"
	"image/color"
	"image/png"
	"testing"

	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"

	"github.com/figgen/figgen/neuron"
)

// TestCubeRightHanded: the cube's projection keeps x₁, x₂, x₃ a
// right-handed frame as seen: x₃ is drawn up, and x₁ turns onto x₂
// counter-clockwise (positive signed area of the drawn x₁, x₂ axes, with
// the floor seen from above); the projection is a rotation, not a mirror.
func TestCubeRightHanded(t *testing.T) {
	v := newView()
	var axes [3][3]float64 // drawn x, y and depth of each axis
	ox, oy, od := v.project([3]float64{})
	for k := range 3 {
		var p [3]float64
		p[k] = 1
		x, y, d := v.project(p)
		axes[k] = [3]float64{x - ox, y - oy, d - od}
	}
	x1, x2, x3 := axes[0], axes[1], axes[2]
	if x3[1] <= 0 || x3[0] != 0 {
		t.Errorf("x₃ drawn as (%g, %g), want straight up", x3[0], x3[1])
	}
	if x1[2] <= 0 && x2[2] <= 0 || x3[2] >= 0 {
		t.Errorf("the floor is not seen from above: depths %g, %g, %g", x1[2], x2[2], x3[2])
	}
	if area := x1[0]*x2[1] - x1[1]*x2[0]; area <= 0 {
		t.Errorf("signed area of the drawn x₁, x₂ = %g: x₁ turns clockwise onto x₂, a mirror image", area)
	}
	// (drawn x, drawn y, toward the viewer) of the axes: determinant +1.
	m := [3][3]float64{}
	for k := range 3 {
		m[k] = [3]float64{axes[k][0], axes[k][1], -axes[k][2]}
	}
	det := m[0][0]*(m[1][1]*m[2][2]-m[1][2]*m[2][1]) - m[0][1]*(m[1][0]*m[2][2]-m[1][2]*m[2][0]) + m[0][2]*(m[1][0]*m[2][1]-m[1][1]*m[2][0])
	if det < 1-1e-9 || det > 1+1e-9 {
		t.Errorf("the projection has determinant %g, want 1 (a rotation)", det)
	}
}

// TestCubeDepth: for the post's cube (x₁ + x₂ + x₃ = 1.5) the viewer is
// on the side of the plane that does not fire, so the four firing corners
// lie beyond the plane; the hidden corner is (1, 1, 0); an edge crossing
// the plane is split where it crosses.
func TestCubeDepth(t *testing.T) {
	v := newView()
	w := [3]float64{1, 1, 1}
	k := newCut(w, 1.5, v, true)
	corners := neuron.Corners(3)
	if got := corners[v.farthest(corners)]; fmt.Sprint(got) != "[1 1 0]" {
		t.Errorf("hidden corner %v, want (1, 1, 0)", got)
	}
	for _, q := range corners {
		if want := q[0]+q[1]+q[2] > 1.5; k.behind(vec3(q)) != want {
			t.Errorf("corner %v behind the plane: %v, want %v", q, k.behind(vec3(q)), want)
		}
	}
	pcs := k.pieces([3]float64{1, 1, 0}, [3]float64{0, 1, 0})
	if len(pcs) != 2 || pcs[0][1] != [3]float64{0.5, 1, 0} || !k.pieceBehind(pcs[0]) || k.pieceBehind(pcs[1]) {
		t.Errorf("edge (1,1,0)–(0,1,0) in pieces %v", pcs)
	}
	if n := len(k.pieces([3]float64{0, 0, 0}, [3]float64{1, 0, 0})); n != 1 {
		t.Errorf("an edge that misses the plane in %d pieces", n)
	}
	// No section drawn: nothing is behind it.
	if none := newCut(w, 1.5, v, false); none.behind([3]float64{1, 1, 1}) {
		t.Errorf("a corner behind a plane that is not drawn")
	}
}

// TestCubeDrawn looks at the drawn cube: each corner is marked by the
// unit's output (filled red where w·x ≥ θ, open where not), and the
// hidden corner (1, 1, 0), beyond the plane, is drawn under the plane's
// shade and faded, not in full red over it.
func TestCubeDrawn(t *testing.T) {
	for _, tc := range []struct {
		w  [3]float64
		th float64
	}{{[3]float64{1, 1, 1}, 1.5}, {[3]float64{1, 1, 1}, 2.5}, {[3]float64{-1, 1, 1}, 0.5}} {
		src := fmt.Sprintf("kind: threshold-plane\nweights: [%g, %g, %g]\nthreshold: %g\nformats: [png]\n", tc.w[0], tc.w[1], tc.w[2], tc.th)
		f := decodeYAML(t, "cube.yaml", src)
		r := renderer(t)
		outs, err := r.Render(f)
		if err != nil {
			t.Fatal(err)
		}
		img, err := png.Decode(bytes.NewReader(outs[0].Data))
		if err != nil {
			t.Fatal(err)
		}
		// The layout the figure used, on a scratch canvas of its size.
		e := newEnv(r.eng.Handler(), f, lightTheme)
		scratch := vgimg.NewWith(vgimg.UseWH(pixels(f.Width), pixels(f.Height)), vgimg.UseDPI(pixelDPI))
		lay := newCubeLayout(e, e.titled(draw.New(scratch), f.Title.Src), newView())
		at := func(q [3]float64) color.RGBA {
			p := lay.pt(q)
			x := int(float64(p.X) * pixelDPI / 72)
			y := f.Height - 1 - int(float64(p.Y)*pixelDPI/72)
			return color.RGBAModel.Convert(img.At(x, y)).(color.RGBA)
		}
		isFire := func(c color.RGBA) bool { return near8(c, lightTheme.fire.(color.RGBA), 6) }
		unit := neuron.NewUnit(tc.w[:], tc.th)
		far := newView().farthest(neuron.Corners(3))
		for i, q := range neuron.Corners(3) {
			c := at(vec3(q))
			fires, _ := unit.Fires(q)
			switch {
			case i == far && fires:
				// Faded red, under the shade when beyond the plane.
				if isFire(c) || !(int(c.R)-int(c.G) > 40) {
					t.Errorf("%v: hidden firing corner %v drawn %v, want faded red", tc, q, c)
				}
			case fires:
				if !isFire(c) {
					t.Errorf("%v: firing corner %v drawn %v, want red", tc, q, c)
				}
			default:
				// An open ring: its centre is white, or shaded when beyond the plane.
				if c.G < 0xc0 {
					t.Errorf("%v: corner %v that does not fire drawn %v at its centre, want an open ring", tc, q, c)
				}
			}
		}
	}
}

// near8 reports whether two colours differ by at most tol per channel.
func near8(a, b color.RGBA, tol int) bool {
	d := func(x, y uint8) bool { return int(x)-int(y) <= tol && int(y)-int(x) <= tol }
	return d(a.R, b.R) && d(a.G, b.G) && d(a.B, b.B)
}

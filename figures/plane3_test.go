package figures

import (
	"bytes"
	"fmt"
	"image/color"
	"image/png"
	"math"
	"testing"

	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"

	"github.com/figgen/figgen/neuron"
)

// TestCameraRightHanded: for any camera the projection keeps x, y, z a
// right-handed frame as seen: z is drawn up (from above), and (drawn x,
// drawn y, toward the viewer) is a rotation of the axes, determinant 1;
// matplotlib's default view draws x to the right and towards the viewer,
// y to the right and back.
func TestCameraRightHanded(t *testing.T) {
	for _, cam := range []Camera{{-60, 30}, {cubeAzimuth, cubeElevation}, {-135, 22}, {30, -45}, {0, 90}} {
		v := newCamera(cam)
		var axes [3][3]float64 // drawn x, y and depth of each axis
		for k := range 3 {
			var p [3]float64
			p[k] = 1
			x, y, d := v.project(p)
			axes[k] = [3]float64{x, y, d}
		}
		if x3 := axes[2]; math.Abs(x3[0]) > 1e-12 || (cam.Elevation < 90 && x3[1] <= 0) {
			t.Errorf("%v: z drawn as (%g, %g), want straight up", cam, x3[0], x3[1])
		}
		m := [3][3]float64{}
		for k := range 3 {
			m[k] = [3]float64{axes[k][0], axes[k][1], -axes[k][2]}
		}
		det := m[0][0]*(m[1][1]*m[2][2]-m[1][2]*m[2][1]) - m[0][1]*(m[1][0]*m[2][2]-m[1][2]*m[2][0]) + m[0][2]*(m[1][0]*m[2][1]-m[1][1]*m[2][0])
		if math.Abs(det-1) > 1e-9 {
			t.Errorf("%v: the projection has determinant %g, want 1 (a rotation)", cam, det)
		}
		if a := v.away(); math.Abs(dot3(a, [3]float64{-m[0][2], -m[1][2], -m[2][2]})-1) > 1e-9 {
			t.Errorf("%v: away %v is not the direction of growing depth", cam, a)
		}
	}
	v := newCamera(Camera{-60, 30})
	x, y, d := v.project([3]float64{1, 0, 0})
	if x <= 0 || y >= 0 || d >= 0 {
		t.Errorf("matplotlib's default view draws x at (%g, %g) depth %g, want right, down and nearer", x, y, d)
	}
	x, y, d = v.project([3]float64{0, 1, 0})
	if x <= 0 || y <= 0 || d <= 0 {
		t.Errorf("matplotlib's default view draws y at (%g, %g) depth %g, want right, up and farther", x, y, d)
	}
}

// TestCubeDepth: for the post's cube (x₁ + x₂ + x₃ = 1.5) in its default
// view the viewer is on the side of the plane that fires, so the four
// corners that do not fire lie beyond the plane; seen from the opposite
// side, the firing ones do; an edge crossing the plane is split where it
// crosses.
func TestCubeDepth(t *testing.T) {
	w := [3]float64{1, 1, 1}
	corners := neuron.Corners(3)
	for _, tc := range []struct {
		cam        Camera
		firesAhead bool
	}{{Camera{cubeAzimuth, cubeElevation}, true}, {Camera{-60, 30}, true}, {Camera{-135, 20}, false}} {
		k := newCut(w, 1.5, newCamera(tc.cam), true)
		for _, q := range corners {
			fires := q[0]+q[1]+q[2] > 1.5
			if want := fires != tc.firesAhead; k.behind(vec3(q)) != want {
				t.Errorf("%v: corner %v behind the plane: %v, want %v", tc.cam, q, k.behind(vec3(q)), want)
			}
		}
	}
	k := newCut(w, 1.5, newCamera(Camera{cubeAzimuth, cubeElevation}), true)
	pcs := k.pieces([3]float64{1, 1, 0}, [3]float64{0, 1, 0})
	if len(pcs) != 2 || pcs[0][1] != [3]float64{0.5, 1, 0} || k.pieceBehind(pcs[0]) || !k.pieceBehind(pcs[1]) {
		t.Errorf("edge (1,1,0)–(0,1,0) in pieces %v", pcs)
	}
	if n := len(k.pieces([3]float64{0, 0, 0}, [3]float64{1, 0, 0})); n != 1 {
		t.Errorf("an edge that misses the plane in %d pieces", n)
	}
	// No section drawn: nothing is behind it.
	if none := newCut(w, 1.5, newCamera(Camera{cubeAzimuth, cubeElevation}), false); none.behind([3]float64{0, 0, 0}) {
		t.Errorf("a corner behind a plane that is not drawn")
	}
}

// TestCubeDrawn looks at the drawn cube: each corner is marked by the
// unit's output (filled red where w·x ≥ θ, open where not); a corner
// beyond the plane is drawn faded under the plane's shade, one in front
// in full over it.
func TestCubeDrawn(t *testing.T) {
	for _, tc := range []struct {
		w   [3]float64
		th  float64
		cam Camera
	}{{[3]float64{1, 1, 1}, 1.5, Camera{cubeAzimuth, cubeElevation}}, {[3]float64{1, 1, 1}, 2.5, Camera{cubeAzimuth, cubeElevation}},
		{[3]float64{-1, 1, 1}, 0.5, Camera{cubeAzimuth, cubeElevation}}, {[3]float64{1, 1, 1}, 1.5, Camera{-120, 25}}} {
		src := fmt.Sprintf("kind: threshold-plane\nweights: [%g, %g, %g]\nthreshold: %g\ncamera: {azimuth: %g, elevation: %g}\nformats: [png]\n",
			tc.w[0], tc.w[1], tc.w[2], tc.th, tc.cam.Azimuth, tc.cam.Elevation)
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
		v := newCamera(tc.cam)
		box := cubeBox(v, [3]string{})
		placeCube(e, e.titled(draw.New(scratch), f.Title.Src), box)
		at := func(q [3]float64) color.RGBA {
			p := box.pt(q)
			x := int(float64(p.X) * pixelDPI / 72)
			y := f.Height - 1 - int(float64(p.Y)*pixelDPI/72)
			return color.RGBAModel.Convert(img.At(x, y)).(color.RGBA)
		}
		isFire := func(c color.RGBA) bool { return near8(c, lightTheme.fire.(color.RGBA), 6) }
		unit := neuron.NewUnit(tc.w[:], tc.th)
		k := newCut(tc.w, tc.th, v, len(neuron.CubeSection(tc.w, tc.th)) >= 3)
		for _, q := range neuron.Corners(3) {
			c := at(vec3(q))
			fires, _ := unit.Fires(q)
			switch behind := k.behind(vec3(q)); {
			case fires && behind:
				if isFire(c) || !(int(c.R)-int(c.G) > 40) {
					t.Errorf("%v: firing corner %v beyond the plane drawn %v, want faded red", tc, q, c)
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

package figures

import (
	"fmt"
	"strings"
	"testing"

	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// networkTexts lays the network spec src out as the layout pass does and
// returns every text drawn with its box, and the canvas size.
func networkTexts(t *testing.T, src string) ([]placed, vg.Length, vg.Length) {
	t.Helper()
	f := decodeYAML(t, "x.yaml", src)
	e := newEnv(renderer(t).eng.Handler(), f, lightTheme)
	drawFig := f.Spec.(*Network).build(e, f)
	w, h := pixels(f.Width), pixels(f.Height)
	lay := &layout{}
	e.built = true
	e.rec.lay = lay
	drawFig(draw.New(nullCanvas{w: w, h: h}))
	e.rec.lay = nil
	if len(lay.errs) > 0 {
		t.Fatalf("%s: %v", src, lay.errs)
	}
	return lay.texts, w, h
}

// TestNetworkSweep: the same layout holds 1 to 16 shown units per layer
// and 2 to 6 layers, sizes alike and mixed, with a unit highlighted (its
// incoming edges labelled): every text lies inside the canvas and no two
// texts' boxes intersect.
func TestNetworkSweep(t *testing.T) {
	for layers := 2; layers <= 6; layers++ {
		for shown := 1; shown <= 16; shown++ {
			for _, mixed := range []bool{false, true} {
				var b strings.Builder
				fmt.Fprintf(&b, "kind: network\nmax_shown: 16\nlayers:\n")
				for l := range layers {
					size := shown
					if mixed {
						size = 1 + (shown+5*l)%16
					}
					fmt.Fprintf(&b, "  - {size: %d}\n", size)
				}
				fmt.Fprintf(&b, "highlight: [{layer: %d, node: 1}]\n", layers)
				src := b.String()
				texts, w, h := networkTexts(t, src)
				if len(texts) < layers {
					t.Fatalf("%s: %d texts drawn", src, len(texts))
				}
				tol := vg.Length(0.01)
				for i, a := range texts {
					r := a.box
					if r.Min.X < -tol || r.Min.Y < -tol || r.Max.X > w+tol || r.Max.Y > h+tol {
						t.Errorf("%s: %q at %v is outside the %v×%v canvas", src, a.txt, r, w, h)
					}
					for _, o := range texts[i+1:] {
						q := o.box
						if r.Min.X < q.Max.X-tol && q.Min.X < r.Max.X-tol && r.Min.Y < q.Max.Y-tol && q.Min.Y < r.Max.Y-tol {
							t.Errorf("%s: %q %v overlaps %q %v", src, a.txt, r, o.txt, q)
						}
					}
				}
			}
		}
	}
}

// TestNetworkErrors: bad networks are errors at the value to blame.
func TestNetworkErrors(t *testing.T) {
	const two = "kind: network\nlayers: [{size: 2}, {size: 3}]\n"
	for _, tc := range []struct{ name, yaml, want string }{
		{"size 0", "kind: network\nlayers: [{size: 0}, {size: 3}]\n", "x.yaml:2:17: layers[0].size: want 1 to 10000, got 0"},
		{"size over 10000", "kind: network\nlayers: [{size: 10001}, {size: 3}]\n", "x.yaml:2:17: layers[0].size: want 1 to 10000, got 10001"},
		{"one layer", "kind: network\nlayers: [{size: 4}]\n", "x.yaml:2:9: layers: want 2 to 6 layers, got 1"},
		{"highlight layer", two + "highlight: [{layer: 3, node: 1}]\n", "x.yaml:3:21: layer 3 of a network of 2 layers"},
		{"highlight node", two + "highlight: [{layer: 2, node: 4}]\n", "x.yaml:3:30: unit 4 of layer 2, which has 3 units"},
		{"highlight elided", "kind: network\nlayers: [{size: 784}, {size: 3}]\nhighlight: [{layer: 1, node: 400}]\n", "x.yaml:3:30: unit 400 of layer 1 is hidden by the ellipsis: max_shown 8 draws units 1–4 and 782–784 of its 784"},
		{"matrices", two + "weights: [[[1, 2]], [[1]]]\n", "x.yaml:3:10: 2 weight matrices for 2 layers; want 1, one per connection"},
		{"rows", two + "weights: [[[1, 2], [3, 4]]]\n", "x.yaml:3:11: 2 rows for the 3 units of layer 2 (layers[1].size): one row per target unit"},
		{"columns", two + "weights: [[[1, 2], [3, 4], [5, 6, 7]]]\n", "x.yaml:3:28: 3 weights for the 2 units of layer 1 (layers[0].size): one per source unit"},
		{"biases", two + "biases: [[1, 2]]\n", "x.yaml:3:10: 2 biases for the 3 units of layer 2 (layers[1].size)"},
		{"input", two + "input: [1, 2, 3]\n", "x.yaml:3:8: 3 inputs for the 2 units of layer 1 (layers[0].size)"},
		{"label name", "kind: network\nlayers: [{size: 2, label: '$x_{k}$'}, {size: 3}]\n", "x.yaml:2:31: layers[0].label: unknown name {k} in the template; it knows {i}, {l}"},
		{"edge label name", two + "edge_label: 'w{j}{n}'\n", "x.yaml:3:18: edge_label: unknown name {n} in the template; it knows {j}, {i}, {l}"},
		{"weight name without weights", two + "edge_label: '${w}$'\n", "x.yaml:3:15: edge_label: unknown name {w}"},
		{"last connect", "kind: network\nlayers: [{size: 2}, {size: 3, connect: none}]\n", "x.yaml:2:40: the last layer connects to nothing"},
		{"values without input", two + "weights: [[[1, 2], [3, 4], [5, 6]]]\nvalues: true\n", "x.yaml:4:9: values: true needs input for the forward pass"},
		{"edge style without weights", two + "edge_style: weight\n", "x.yaml:3:13: edge_style: weight needs weights"},
		{"too many edge labels", "kind: network\nlayers: [{size: 5}, {size: 5}]\nedge_label: '$w$'\n", "x.yaml:3:13: the network draws 25 edges, too many to label each"},
		{"activation", two + "activation: softmax\n", "x.yaml:3:13: unknown activation \"softmax\""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Kinds().Decode("x.yaml", []byte(tc.yaml))
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("error %v\nwant %q", err, tc.want)
			}
		})
	}
}

func TestExpand(t *testing.T) {
	for _, tc := range []struct{ src, want string }{
		{"$x_{i}$", "$x_{12}$"},
		{"$a^{({l})}_{i}$", "$a^{({2})}_{12}$"},
		{"$w_{{j}{i}}$", "$w_{{3}{12}}$"},
		{"입력 {i}", "입력 12"},
		{`$\hat{y}_{i}$ \$ {i}`, `$\hat{y}_{12}$ \$ 12`},
		{`$\mathrm{id}$`, `$\mathrm{id}$`},
	} {
		if got := expand(tc.src, map[string]string{"i": "12", "j": "3", "l": "2"}); got != tc.want {
			t.Errorf("expand(%q) = %q, want %q", tc.src, got, tc.want)
		}
	}
}

// TestNetworkValues: the nodes show the forward pass neuron computes.
func TestNetworkValues(t *testing.T) {
	texts, _, _ := networkTexts(t, `kind: network
layers: [{size: 2}, {size: 2}, {size: 1}]
weights: [[[1, 1], [1, 1]], [[-1, 1]]]
biases: [[-1.5, -0.5], [-0.5]]
input: [1, 0]
activation: step
values: true
`)
	var got []string
	for _, p := range texts {
		if !strings.HasPrefix(p.txt, "$w") && p.txt != "신경망" && !strings.Contains(p.txt, "층") {
			got = append(got, p.txt)
		}
	}
	want := "$1$ $0$ $0$ $1$ $1$"
	if s := strings.Join(got, " "); s != want {
		t.Errorf("node texts %q, want %q", s, want)
	}
}

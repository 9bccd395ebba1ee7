package figures

import (
	"errors"
	"reflect"
	"strings"
	"testing"

	"github.com/figgen/figgen/spec"
)

// TestPixelsErrors: every rule spanning a pixels figure's fields is an
// error at its place naming the field.
func TestPixelsErrors(t *testing.T) {
	const two = "kind: pixels\nimages:\n  - values: [[1, 2, 3], [4, 5, 6], [7, 8, 9]]\n  - values: [[1, 0], [0, 1]]\n"
	for _, tc := range []struct{ name, yaml, want string }{
		{"rows of unequal length", "kind: pixels\nimages:\n  - rows: ['###', '#.', '###']\n",
			"x.yaml:3:19: images[0].rows[1]: 2 cells, but images[0].rows[0] has 3: the rows of an image are equally long"},
		{"other character", "kind: pixels\nimages:\n  - rows: ['###', '#o#']\n",
			`x.yaml:3:19: images[0].rows[1]: "#o#" has "o" at cell 2; write # for ink and . for blank`},
		{"space", "kind: pixels\nimages:\n  - rows: ['# #']\n",
			`x.yaml:3:12: images[0].rows[0]: "# #" has " " at cell 2`},
		{"empty row", "kind: pixels\nimages:\n  - rows: ['#', '']\n", "x.yaml:3:17: images[0].rows[1]: an empty row"},
		{"no rows", "kind: pixels\nimages:\n  - rows: []\n", "x.yaml:3:11: images[0].rows: want at least one row"},
		{"wide row", "kind: pixels\nimages:\n  - rows: ['" + strings.Repeat(".", 33) + "']\n",
			"x.yaml:3:12: images[0].rows[0]: want at most 32 cells, got 33"},
		{"tall image", "kind: pixels\nimages:\n  - rows: [" + strings.Repeat("'#', ", 32) + "'#']\n",
			"x.yaml:3:11: images[0].rows: want at most 32 rows, got 33"},
		{"ragged values", "kind: pixels\nimages:\n  - values: [[1, 2], [3]]\n",
			"x.yaml:3:22: images[0].values[1]: 1 value, but images[0].values[0] has 2: the rows of an image are equally long"},
		{"NaN", "kind: pixels\nimages:\n  - values: [[1, .nan]]\n",
			"x.yaml:3:18: images[0].values[0][1]: want a finite number, got .nan"},
		{"infinity", "kind: pixels\nimages:\n  - values: [[-.inf]]\n",
			"x.yaml:3:15: images[0].values[0][0]: want a finite number, got -.inf"},
		{"huge value", "kind: pixels\nimages:\n  - values: [[2e9]]\n",
			"x.yaml:3:15: images[0].values[0][0]: want a value from -1 × 10⁹ to 1 × 10⁹, got 2 × 10⁹"},
		{"rows and values", "kind: pixels\nimages:\n  - {rows: ['#'], values: [[1]]}\n",
			"x.yaml:3:27: images[0]: write rows or values, not both"},
		{"neither", "kind: pixels\nimages:\n  - caption: 빈 이미지\n", "x.yaml:3:5: images[0]: want rows (# and .) or values"},
		{"filter larger", "kind: pixels\nimages:\n  - values: [[1, 2]]\n  - values: [[1], [2]]\nconvolve: {filter: 1}\n",
			"x.yaml:5:20: convolve.filter: the filter images[1] (2×1) is larger than the image images[0] (1×2)"},
		{"no such image", two + "convolve: {image: 2}\n", "x.yaml:5:19: convolve.image: no images[2]; there are 2 images"},
		{"image not drawn", two + "  - rows: ['#']\nconvolve: {}\n",
			"x.yaml:5:5: images[2] is not drawn: with convolve the figure shows images[0] ⊛ images[1] = the feature map"},
		{"highlight row outside", two + "convolve: {}\nhighlight: [3, 1]\n",
			"x.yaml:6:13: highlight: row 3 is outside the 2×2 feature map (a 3×3 image, a 2×2 filter)"},
		{"highlight column outside", two + "convolve: {}\nhighlight: [1, 5]\n",
			"x.yaml:6:16: highlight: column 5 is outside the 2×2 feature map"},
		{"highlight from 1", two + "convolve: {}\nhighlight: [0, 1]\n", "x.yaml:6:13: highlight[0]: want 1 to 32, got 0"},
		{"highlight of one number", two + "convolve: {}\nhighlight: [1]\n", "x.yaml:6:12: highlight: want [row, column], got 1 numbers"},
		{"highlight of three", two + "convolve: {}\nhighlight: [1, 1, 1]\n", "x.yaml:6:12: highlight: want at most 2 numbers, got 3"},
		{"highlight without convolve", two + "highlight: [1, 1]\n",
			"x.yaml:5:12: highlight outlines a window of a convolution; set convolve too"},
		{"unknown key", "kind: pixels\nconvolve: {filtre: 1}\n", `x.yaml:2:12: unknown field "filtre" (did you mean "filter"?)`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Kinds().Decode("x.yaml", []byte(tc.yaml))
			var list spec.ErrorList
			if !errors.As(err, &list) || !strings.HasPrefix(list[0].Error(), tc.want) {
				t.Fatalf("error %v\nwant %s", err, tc.want)
			}
		})
	}
}

// TestPixelsFeatureMap: the feature map drawn is the one package neuron
// computes, its numbers rounded to the decimals of its inputs, and the
// highlight outlines the window of the map's cell.
func TestPixelsFeatureMap(t *testing.T) {
	f := decodeYAML(t, "x.yaml", `kind: pixels
images:
  - values: [[0.1, 0.2, 0.3], [0.4, 0.5, 0.6]]
  - values: [[1, 1], [1, 1]]
convolve: {bias: -0.05}
highlight: [1, 2]
`)
	grids, signs := f.Spec.(*Pixels).grids()
	if len(grids) != 3 || !reflect.DeepEqual(signs, []string{"$⊛$", "$=$"}) {
		t.Fatalf("%d grids, signs %q; want image ⊛ filter = map", len(grids), signs)
	}
	m := grids[2]
	var got []string
	for _, v := range m.m[0] {
		got = append(got, m.number(v))
	}
	// 0.1+0.2+0.4+0.5−0.05 is 1.1500000000000001 in float64.
	if want := []string{"$1.15$", "$1.55$"}; !reflect.DeepEqual(got, want) {
		t.Errorf("feature map numbers %q, want %q", got, want)
	}
	for i, want := range []*[4]int{{0, 1, 2, 2}, {0, 0, 2, 2}, {0, 1, 1, 1}} {
		if !reflect.DeepEqual(grids[i].hl, want) {
			t.Errorf("grid %d highlights %v, want %v", i, grids[i].hl, want)
		}
	}
}

// TestPixelsCellsTooSmall: numbers or index labels that cannot be read
// in their cells are an error of the field asking for them; the same
// image without them draws.
func TestPixelsCellsTooSmall(t *testing.T) {
	r := renderer(t)
	var rows strings.Builder
	for range 28 {
		rows.WriteString("'" + strings.Repeat("#.", 14) + "', ")
	}
	base := "kind: pixels\nimages:\n  - rows: [" + strings.TrimSuffix(rows.String(), ", ") + "]\n"
	if err := r.CheckLayout(decodeYAML(t, "x.yaml", base)); err != nil {
		t.Fatalf("28×28 image: %v", err)
	}
	for _, tc := range []struct{ key, want string }{
		{"index", "x.yaml:4:12: images[0].index: the cells are too small for `$x_{100}$`"},
		{"numbers", "x.yaml:4:14: images[0].numbers: the cells are too small for `$1$`"},
	} {
		err := r.CheckLayout(decodeYAML(t, "x.yaml", base+"    "+tc.key+": true\n"))
		var list spec.ErrorList
		if !errors.As(err, &list) || !strings.HasPrefix(list[0].Error(), tc.want) {
			t.Errorf("%s: CheckLayout = %v\nwant %s…", tc.key, err, tc.want)
		}
	}
}

// TestPixelsDefault: the kind alone draws the post's digits.
func TestPixelsDefault(t *testing.T) {
	f := decodeYAML(t, "x.yaml", "kind: pixels\n")
	if f.Title.Src != "픽셀 이미지" || f.Alt != "픽셀 이미지 2개: 숫자 0 (4×3), 숫자 1 (4×3)" {
		t.Errorf("title %q, alt %q", f.Title.Src, f.Alt)
	}
	if err := renderer(t).CheckLayout(f); err != nil {
		t.Error(err)
	}
	f = decodeYAML(t, "x.yaml", "kind: pixels\nimages:\n  - values: [[1, 2, 3], [4, 5, 6], [7, 8, 9]]\n  - values: [[1, 0], [0, 1]]\nconvolve: {}\n")
	if f.Alt != "3×3 이미지와 2×2 필터의 합성곱으로 얻은 2×2 특징 맵" {
		t.Errorf("convolution alt %q", f.Alt)
	}
}

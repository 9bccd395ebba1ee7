package figures

import "testing"

func TestUnit(t *testing.T) {
	for _, tc := range []struct{ name, yaml string }{
		{"4-weighted-inputs", "kind: unit\ntitle: 가중치를 고려한 입력 신호\nbody: sum\ncaption: '입력의 합: $w_1x_1 + w_2x_2 + w_3x_3$'\n"},
		{"7-unit", "kind: unit\ntitle: 유닛 (단순화한 뉴런)\nfan_out: 3\n"},
		{"9-bias", "kind: unit\ntitle: 편향을 입력으로 나타낸 유닛\nbias: true\nbody: sum\ncaption: '$z = w_1x_1 + w_2x_2 + w_3x_3 + b$'\n"},
		{"unit-products-step", "kind: unit\ntitle: products\nedge_labels: products\nbody: step\ninputs: 2\n"},
		{"unit-sigmoid-many", "kind: unit\ntitle: many\nbody: sigmoid\ninputs: 5\nbias: true\nfan_out: 2\ncaption: $z$\n"},
		{"unit-one", "kind: unit\ntitle: one\ninputs: 1\nedge_labels: none\nbody_label: $u$\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			e := lookEnv(t)
			f := decodeYAML(t, tc.name, tc.yaml)
			u := f.Spec.(*Unit)
			checkScene(t, unitScene(e, u))
			renderLook(t, tc.name, u.build(e, f))
		})
	}
}

// TestUnitTwelveInputs: the most inputs a unit takes, with the bias and
// products on every edge, lay out without overlaps at the default size.
func TestUnitTwelveInputs(t *testing.T) {
	r := renderer(t)
	f := decodeYAML(t, "u.yaml", "kind: unit\ninputs: 12\nbias: true\nedge_labels: products\nfan_out: 5\nformats: [svg]\n")
	if _, err := r.Render(f); err != nil {
		t.Fatal(err)
	}
}

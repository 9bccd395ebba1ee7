package figures

import (
	"errors"
	"strings"
	"testing"

	"github.com/figgen/figgen/spec"
)

func unitFig(title string, u spec.Unit) *spec.Figure {
	if u.Inputs == 0 {
		u.Inputs = 3
	}
	for i := len(u.InputLabel); i < u.Inputs; i++ {
		u.InputLabel = append(u.InputLabel, txt("$x_"+string(rune('1'+i))+"$"))
	}
	for i := len(u.Weights); i < u.Inputs; i++ {
		u.Weights = append(u.Weights, txt("$w_"+string(rune('1'+i))+"$"))
	}
	if u.Output.Src == "" {
		u.Output = txt("$y$")
	}
	if u.FanOut == 0 {
		u.FanOut = 1
	}
	if u.BiasLabel.Src == "" {
		u.BiasLabel = txt("$b$")
	}
	if u.EdgeLabels == "" {
		u.EdgeLabels = "weights"
	}
	if u.EdgeText == nil {
		switch u.EdgeLabels {
		case "weights":
			u.EdgeText = u.Weights
		case "products":
			for i := range u.Weights {
				w, x := u.Weights[i].Src, u.InputLabel[i].Src
				u.EdgeText = append(u.EdgeText, txt(w[:len(w)-1]+x[1:]))
			}
		}
	}
	if u.Body == "" {
		u.Body = "theta"
	}
	return &spec.Figure{Kind: "unit", Title: txt(title), Width: 800, Height: 500, Unit: &u}
}

func TestUnit(t *testing.T) {
	for _, tc := range []struct {
		name string
		f    *spec.Figure
	}{
		{"4-weighted-inputs", unitFig("가중치를 고려한 입력 신호", spec.Unit{Body: "sum", Caption: txt("입력의 합: $w_1x_1 + w_2x_2 + w_3x_3$")})},
		{"7-unit", unitFig("유닛 (단순화한 뉴런)", spec.Unit{FanOut: 3})},
		{"9-bias", unitFig("편향을 입력으로 나타낸 유닛", spec.Unit{Bias: true, Body: "sum", Caption: txt("$z = w_1x_1 + w_2x_2 + w_3x_3 + b$")})},
		{"unit-products-step", unitFig("products", spec.Unit{EdgeLabels: "products", Body: "step", Inputs: 2})},
		{"unit-sigmoid-many", unitFig("many", spec.Unit{Body: "sigmoid", Inputs: 5, Bias: true, FanOut: 2, Caption: txt("$z$")})},
		{"unit-one", unitFig("one", spec.Unit{Inputs: 1, EdgeLabels: "none", BodyLabel: txt("$u$")})},
	} {
		t.Run(tc.name, func(t *testing.T) {
			e := lookEnv(t)
			s, err := unitScene(e, tc.f)
			if err != nil {
				t.Fatal(err)
			}
			checkScene(t, s)
			d, err := buildUnit(e, tc.f)
			if err != nil {
				t.Fatal(err)
			}
			renderLook(t, tc.name, d)
		})
	}
}

func TestUnitErrors(t *testing.T) {
	for _, tc := range []struct {
		name string
		edit func(u *spec.Unit)
		want string
	}{
		{"weights", func(u *spec.Unit) { u.Weights = u.Weights[:2] }, "2 weights for 3 inputs"},
		{"labels", func(u *spec.Unit) { u.InputLabel = u.InputLabel[:1] }, "1 input labels for 3 inputs"},
		{"no inputs", func(u *spec.Unit) { u.Inputs = 0 }, "0 inputs"},
		{"fan out", func(u *spec.Unit) { u.FanOut = 0 }, "fan_out 0"},
		{"edge labels", func(u *spec.Unit) { u.EdgeText = u.EdgeText[:1] }, `1 edge labels for 3 inputs`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := unitFig("", spec.Unit{})
			tc.edit(f.Unit)
			_, err := buildUnit(lookEnv(t), f)
			var se *spec.Error
			if !errors.As(err, &se) || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("error %v, want a *spec.Error with %q", err, tc.want)
			}
		})
	}
}

package figures

import (
	"errors"
	"strings"
	"testing"

	"github.com/figgen/figgen/spec"
)

func signalFig(title, dir, variable string, rows ...spec.SignalRow) *spec.Figure {
	if rows == nil {
		no, yes := "신호 없음", "신호 있음"
		if dir == "output" {
			no, yes = "반응 없음", "반응 있음"
		}
		rows = []spec.SignalRow{{Caption: txt(no), Value: 0}, {Caption: txt(yes), Value: 1}}
	}
	return &spec.Figure{Kind: "signal", Title: txt(title), Width: 800, Height: 500,
		Signal: &spec.Signal{Direction: dir, Variable: txt(variable), Rows: rows}}
}

func TestSignal(t *testing.T) {
	for _, tc := range []struct {
		name string
		f    *spec.Figure
	}{
		{"2-input-signal", signalFig("입력 신호", "input", "$x$")},
		{"3-output-signal", signalFig("출력 신호", "output", "$y$")},
		{"signal-four-rows", signalFig("four", "input", "$x_1$",
			spec.SignalRow{Caption: txt("none"), Value: 0}, spec.SignalRow{Caption: txt("one"), Value: 1},
			spec.SignalRow{Caption: txt("none"), Value: 0}, spec.SignalRow{Caption: txt("one"), Value: 1})},
	} {
		t.Run(tc.name, func(t *testing.T) {
			e := lookEnv(t)
			s, err := signalScene(e, tc.f)
			if err != nil {
				t.Fatal(err)
			}
			checkScene(t, s)
			d, err := buildSignal(e, tc.f)
			if err != nil {
				t.Fatal(err)
			}
			renderLook(t, tc.name, d)
		})
	}
}

func TestSignalErrors(t *testing.T) {
	for _, tc := range []struct {
		name string
		f    *spec.Figure
		want string
	}{
		{"value", signalFig("", "input", "$x$", spec.SignalRow{Value: 2}), "value 2: want 0 or 1"},
		{"direction", signalFig("", "sideways", "$x$"), `unknown direction "sideways"`},
		{"no rows", signalFig("", "input", "$x$", []spec.SignalRow{}...), "no rows"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if tc.name == "no rows" {
				tc.f.Signal.Rows = nil
			}
			_, err := buildSignal(lookEnv(t), tc.f)
			var se *spec.Error
			if !errors.As(err, &se) || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("error %v, want a *spec.Error with %q", err, tc.want)
			}
		})
	}
}

func TestEquation(t *testing.T) {
	if got := equation(spec.Text{Src: "$x$"}, 1); got != "$x = 1$" {
		t.Errorf("equation($x$, 1) = %q", got)
	}
	if got := equation(spec.Text{Src: "입력"}, 0); got != "입력 $= 0$" {
		t.Errorf("equation(입력, 0) = %q", got)
	}
}

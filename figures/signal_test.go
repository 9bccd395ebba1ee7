package figures

import (
	"testing"

	"github.com/figgen/figgen/spec"
)

func TestSignal(t *testing.T) {
	for _, tc := range []struct{ name, yaml string }{
		{"2-input-signal", "kind: signal\n"},
		{"3-output-signal", "kind: signal\ndirection: output\n"},
		{"signal-four-rows", "kind: signal\ntitle: four\nvariable: $x_1$\nrows: [{caption: none, value: 0}, {caption: one, value: 1}, {caption: none, value: 0}, {caption: one, value: 1}]\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			e := lookEnv(t)
			f := decodeYAML(t, tc.name, tc.yaml)
			sg := f.Spec.(*Signal)
			checkScene(t, signalScene(e, sg))
			renderLook(t, tc.name, sg.build(e, f))
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

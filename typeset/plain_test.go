package typeset

import "testing"

func TestPlain(t *testing.T) {
	for _, c := range []struct{ src, want string }{
		{"반응 조건 그래프", "반응 조건 그래프"},
		{`반응 조건의 경계 $w_1x_1 + w_2x_2 + w_3x_3 = \theta$`, "반응 조건의 경계 w1x1 + w2x2 + w3x3 = θ"},
		{`$\sigma(z)=\frac{1}{1+e^{-z}}$`, "σ(z) = 1/(1 + e^(−z))"},
		{`$-x \geq \sqrt{2}$, \$5`, "−x ≥ √2, $5"},
		{"두 줄\n제목", "두 줄 제목"},
		{`$\frac{1}$ 깨짐`, `$\frac{1}$ 깨짐`},
		{"", ""},
	} {
		if got := Plain(c.src); got != c.want {
			t.Errorf("Plain(%q) = %q, want %q", c.src, got, c.want)
		}
	}
}

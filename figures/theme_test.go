package figures

import (
	"slices"
	"testing"
)

func TestMathTicks(t *testing.T) {
	tests := []struct {
		min, max float64
		labels   []string
	}{
		{-3, 3, []string{"$-3$", "$-2$", "$-1$", "$0$", "$1$", "$2$", "$3$"}},
		{-6, 6, []string{"$-6$", "$-4$", "$-2$", "$0$", "$2$", "$4$", "$6$"}},
		{-8, 8, []string{"$-8$", "$-6$", "$-4$", "$-2$", "$0$", "$2$", "$4$", "$6$", "$8$"}},
		// Labels of one axis share their number of decimals.
		{0, 1, []string{"$0.0$", "$0.2$", "$0.4$", "$0.6$", "$0.8$", "$1.0$"}},
		{-0.25, 1.25, []string{"$-0.2$", "$0.0$", "$0.2$", "$0.4$", "$0.6$", "$0.8$", "$1.0$", "$1.2$"}},
		{0.5, 16.6, []string{"$2$", "$4$", "$6$", "$8$", "$10$", "$12$", "$14$", "$16$"}},
		{10000000, 10000020, []string{`$1.0000000 \times 10^{7}$`, `$1.0000005 \times 10^{7}$`, `$1.0000010 \times 10^{7}$`, `$1.0000015 \times 10^{7}$`, `$1.0000020 \times 10^{7}$`}},
		{1, 1, nil},
		{3, 1, nil},
		// Ranges too narrow for their magnitude give no ticks, and return.
		{1e16, 1e16 + 16, nil},
		{1, 1.0000000000000002, nil},
	}
	for _, tc := range tests {
		var got []string
		for _, tk := range (mathTicks{}).Ticks(tc.min, tc.max) {
			if tk.Label != "" {
				got = append(got, tk.Label)
			}
		}
		if !slices.Equal(got, tc.labels) {
			t.Errorf("Ticks(%g, %g) labels = %q, want %q", tc.min, tc.max, got, tc.labels)
		}
	}
}

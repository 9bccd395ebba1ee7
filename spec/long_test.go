package spec_test

import (
	"fmt"
	"strings"
	"testing"
)

// TestLongLists decodes specs near the 1 MiB limit holding one long flow
// list: each must be rejected in linear time. Checking the items of a
// unique list against a slice of the ones seen, and finding each text's
// place by walking its line from the start, once took minutes.
func TestLongLists(t *testing.T) {
	list := func(n int, item string) string {
		items := make([]string, n)
		for i := range items {
			items[i] = fmt.Sprintf(item, i)
		}
		return "[" + strings.Join(items, ",") + "]"
	}
	tests := []struct{ name, src, want string }{
		{"unique numbers", "kind: bias-shift\nbiases: " + list(60000, "%d") + "\n", "biases: want 1 to 8 values, got 60000"},
		{"texts", "kind: specimen\nlines: " + list(60000, "a%d") + "\n", "lines: want 1 to 40 lines, got 60000"},
		{"quoted texts", "kind: specimen\nlines: " + list(50000, "'가%d'") + "\n", "lines: want 1 to 40 lines, got 50000"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := kinds.Decode("t.yaml", []byte(tt.src))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %v, want %q", err, tt.want)
			}
		})
	}
}

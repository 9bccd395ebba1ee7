package spec_test

import (
	"slices"
	"strings"
	"testing"
)

// TestPartial checks the Figure Decode returns with an error: the texts
// that decoded, as written, whatever else is wrong.
func TestPartial(t *testing.T) {
	for _, tt := range []struct {
		name, in string
		texts    []string // nil: no figure
	}{
		{"typo beside texts", "kind: step\ntitel: x\ntitle: 'T $a$'\nx_label: '$z$'\n", []string{"T $a$", "$z$"}},
		{"unknown kind", "kind: sigmod\ntitle: T\nformula: '$f$'\n", []string{"T"}},
		{"no kind", "title: T\n", []string{"T"}},
		{"bad item among lines", "kind: specimen\nlines: [a, [b], c, \"\\theta\"]\n", []string{"a", "c"}},
		{"validation error", "kind: unit\nwidth: 0\ncaption: C\n", []string{"C"}},
		{"no defaults", "kind: neuron-cell\nwidth: 0\n", nil},
		{"anchors", "kind: step\ntitle: &a T\n", []string{"T"}},
		{"two documents", "kind: step\ntitle: T\n---\nkind: step\n", []string{"T"}},
		{"syntax error", "kind: step\ntitle: [T\n", nil},
		{"top-level list", "- kind: step\n", nil},
		{"too big", "kind: step\n#" + strings.Repeat("x", 1<<20), nil},
	} {
		t.Run(tt.name, func(t *testing.T) {
			f, err := kinds.Decode("dir/t.yaml", []byte(tt.in))
			if err == nil {
				t.Fatal("no error")
			}
			wantFig := tt.texts != nil || tt.name == "no defaults"
			if (f != nil) != wantFig {
				t.Fatalf("figure %v, want one: %v", f, wantFig)
			}
			if f == nil {
				return
			}
			if f.File != "dir/t.yaml" || f.Name != "t" {
				t.Errorf("File, Name = %q, %q", f.File, f.Name)
			}
			if got := srcs(f.Texts()); !slices.Equal(got, tt.texts) {
				t.Errorf("Texts = %q, want %q", got, tt.texts)
			}
			for _, tx := range f.Texts() {
				if tx.Pos.Line < 1 || tx.Pos.Col < 2 {
					t.Errorf("text %q at %v, want where it is written", tx.Src, tx.Pos)
				}
			}
		})
	}
}

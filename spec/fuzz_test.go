package spec

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// FuzzDecode checks that no input makes Decode panic, and that it returns
// either a figure of one known kind or a non-empty ErrorList.
func FuzzDecode(f *testing.F) {
	for _, tt := range badTests {
		f.Add([]byte(tt.in))
	}
	for _, k := range Kinds() {
		f.Add([]byte("kind: " + k + "\n"))
	}
	files, _ := filepath.Glob("testdata/*.yaml")
	for _, p := range files {
		if data, err := os.ReadFile(p); err == nil {
			f.Add(data)
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		fig, err := Decode("f.yaml", data)
		if err != nil {
			var list ErrorList
			if fig != nil || !errors.As(err, &list) || len(list) == 0 {
				t.Fatalf("Decode = %v, %v", fig, err)
			}
			for _, e := range list {
				_ = e.Error()
			}
			return
		}
		if !fig.kindValue().IsValid() || fig.Width < 1 || len(fig.Formats) == 0 || fig.Output == "" {
			t.Fatalf("incomplete figure %+v", fig)
		}
		for _, tx := range fig.Texts() {
			for i := range len(tx.Src) + 1 {
				_ = tx.PosAt(i)
			}
		}
		_ = fig.PosOf("nodes[0].at")
	})
}

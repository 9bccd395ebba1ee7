package spec_test

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/figgen/figgen/spec"
)

// FuzzDecode checks that no input makes Decode panic, and that it returns
// either a figure of one known kind or a non-empty ErrorList.
func FuzzDecode(f *testing.F) {
	for _, tt := range badTests {
		f.Add([]byte(tt.in))
	}
	for _, k := range kinds.Names() {
		f.Add([]byte("kind: " + k + "\n"))
	}
	files, _ := filepath.Glob("testdata/*.yaml")
	for _, p := range files {
		if data, err := os.ReadFile(p); err == nil {
			f.Add(data)
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		fig, err := kinds.Decode("f.yaml", data)
		if err != nil {
			var list spec.ErrorList
			if !errors.As(err, &list) || len(list) == 0 {
				t.Fatalf("Decode = %v, %v", fig, err)
			}
			for _, e := range list {
				_ = e.Error()
			}
			if fig != nil {
				checkTexts(fig)
			}
			return
		}
		if fig.Spec == nil || fig.Width < 1 || len(fig.Formats) == 0 || fig.Output == "" {
			t.Fatalf("incomplete figure %+v", fig)
		}
		checkTexts(fig)
	})
}

// checkTexts checks that every Text of f maps each offset into the file.
func checkTexts(f *spec.Figure) {
	for _, tx := range f.Texts() {
		for i := range len(tx.Src) + 1 {
			if p := tx.PosAt(i); p.File != f.File || p.Line < 1 || p.Col < 1 {
				panic(fmt.Sprintf("%q.PosAt(%d) = %v", tx.Src, i, p))
			}
		}
	}
	_ = f.PosOf("nodes[0].at")
}

// FuzzDecodeConfig checks that no input makes DecodeConfig panic, that it
// returns either a Config or a non-empty ErrorList, and that a Config it
// accepts makes, from a spec of only a kind, a valid figure or errors in
// figgen.yaml only: checks spanning a value the config leaves to each spec
// (a step's threshold for its x_range).
func FuzzDecodeConfig(f *testing.F) {
	for _, tt := range badConfigs {
		f.Add([]byte(tt.in))
	}
	f.Add([]byte(exampleConfig))
	f.Fuzz(func(t *testing.T, data []byte) {
		c, err := kinds.DecodeConfig("figgen.yaml", data)
		if err != nil {
			var list spec.ErrorList
			if c != nil || !errors.As(err, &list) || len(list) == 0 {
				t.Fatalf("DecodeConfig = %v, %v", c, err)
			}
			return
		}
		for _, k := range kinds.Names() {
			fig, err := kinds.DecodeWith("f.yaml", []byte("kind: "+k+"\n"), c)
			if err != nil {
				var list spec.ErrorList
				errors.As(err, &list)
				for _, e := range list {
					if e.Pos.File != "figgen.yaml" || !strings.HasSuffix(e.Msg, " (applied to f.yaml)") {
						t.Fatalf("kind %s: %v", k, err)
					}
				}
				continue
			}
			for _, tx := range fig.Texts() {
				for i := range len(tx.Src) + 1 {
					if p := tx.PosAt(i); p.File != "f.yaml" && p.File != "figgen.yaml" || p.Line < 1 || p.Col < 1 {
						t.Fatalf("%q.PosAt(%d) = %v", tx.Src, i, p)
					}
				}
			}
		}
	})
}

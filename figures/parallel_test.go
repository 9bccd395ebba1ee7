package figures

import (
	"bytes"
	"sync"
	"testing"
)

// TestParallelSameBytes renders every test figure twice over, all at
// once, with one Renderer (its images, PNG encoder and SVG glyph outlines
// shared), and wants the bytes each gives rendered alone by a Renderer of
// its own.
func TestParallelSameBytes(t *testing.T) {
	renderer(t)
	var want [][]Output
	paths := testSpecs(t)
	for _, path := range paths {
		f := decodeFile(t, path)
		f.Formats = []string{"svg", "png"}
		o, err := New(engine).Render(f)
		if err != nil {
			t.Fatal(err)
		}
		want = append(want, o)
	}
	r := renderer(t)
	var wg sync.WaitGroup
	for round := range 2 {
		for i, path := range paths {
			f := decodeFile(t, path)
			f.Formats = []string{"svg", "png"}
			if round == 1 {
				f.Formats = []string{"png", "svg"}
			}
			wg.Go(func() {
				got, err := r.Render(f)
				if err != nil {
					t.Error(err)
					return
				}
				for _, g := range got {
					for _, w := range want[i] {
						if g.Name == w.Name && !bytes.Equal(g.Data, w.Data) {
							t.Errorf("%s: %s differs in parallel", path, g.Name)
						}
					}
				}
			})
		}
	}
	wg.Wait()
}

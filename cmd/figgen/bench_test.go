package main

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"testing"
)

// BenchmarkRenderCommand runs `figgen render` in process into a fresh out
// dir each time, as `go run ./bench` runs the command: the four figures of
// bench/specs, the post's 13 figures and all of specs/. For CPU profiles
// of a whole run (go test -run XXX -bench RenderCommand -cpuprofile …);
// the fonts are parsed once, by the first run.
func BenchmarkRenderCommand(b *testing.B) {
	post, err := filepath.Glob("../../specs/[01][0-9]-*.yaml")
	if err != nil {
		b.Fatal(err)
	}
	for _, name := range []string{"threshold-plane.yaml", "threshold-cube.yaml", "typography.yaml"} {
		post = append(post, "../../specs/"+name)
	}
	for _, c := range []struct {
		name  string
		paths []string
	}{
		{"bench", []string{"../../bench/specs"}},
		{"post", post},
		{"specs", []string{"../../specs"}},
	} {
		b.Run(c.name, func(b *testing.B) {
			dir := b.TempDir()
			i := 0
			for b.Loop() {
				out := filepath.Join(dir, "out", string(rune('a'+i%26)))
				i++
				os.RemoveAll(out)
				args := append([]string{"figgen", "render", "--out", out}, c.paths...)
				if code := run(context.Background(), args, io.Discard, io.Discard); code != 0 {
					b.Fatalf("exit %d", code)
				}
			}
		})
	}
}

package figgen

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"path"
	"strings"
	"testing"
	"testing/fstest"
)

// manySpecs returns a folder "many" of n specs taken in turn from specs/,
// as `go run ./bench` makes them for its many-specs run: named by their
// files (no output field), with specs/data beside them.
func manySpecs(tb testing.TB, n int) fs.FS {
	tb.Helper()
	src := os.DirFS("specs")
	names, err := fs.Glob(src, "*.yaml")
	if err != nil || len(names) == 0 {
		tb.Fatal("no specs", err)
	}
	m := fstest.MapFS{}
	data, err := fs.Sub(src, "data")
	if err != nil {
		tb.Fatal(err)
	}
	err = fs.WalkDir(data, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(data, p)
		m[path.Join("many/data", p)] = &fstest.MapFile{Data: b, Mode: 0o644}
		return err
	})
	if err != nil {
		tb.Fatal(err)
	}
	for i := range n {
		name := names[i%len(names)]
		b, err := fs.ReadFile(src, name)
		if err != nil {
			tb.Fatal(err)
		}
		var keep []string
		for _, l := range strings.Split(string(b), "\n") {
			if !strings.HasPrefix(l, "output:") {
				keep = append(keep, l)
			}
		}
		m[fmt.Sprintf("many/s%03d-%s", i, name)] = &fstest.MapFile{Data: []byte(strings.Join(keep, "\n")), Mode: 0o644}
	}
	return m
}

// discard is a Sink that keeps nothing.
type discard struct{}

func (discard) Begin([]string) error     { return nil }
func (discard) Put(string, []byte) error { return nil }

// BenchmarkGenerateMany renders 100 specs taken in turn from specs/, a
// figure at a time and two at once, in one process: for the profiles of
// a run of many specs (-cpuprofile, -mutexprofile, -blockprofile, -trace)
// and the speed-up of Options.Parallel. The fonts are parsed once, before
// the timing.
func BenchmarkGenerateMany(b *testing.B) {
	fsys := manySpecs(b, 100)
	if _, err := renderer(); err != nil {
		b.Fatal(err)
	}
	for _, parallel := range []int{1, 2} {
		b.Run(fmt.Sprintf("parallel=%d", parallel), func(b *testing.B) {
			for b.Loop() {
				_, err := Generate(context.Background(), Options{FS: fsys, Paths: []string{"many"}, Parallel: parallel, Sink: discard{}})
				if err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

package figgen

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"io/fs"
	"os"
	"path"
	"slices"
	"strings"
	"testing"

	"github.com/figgen/figgen/figures"
	"github.com/figgen/figgen/fonts"
)

// TestSkip: a skipped spec is decoded (its outputs are in the order and on
// the contact sheet) but not rendered; its key changes with the spec, the
// folder defaults (added or changed) and nothing else.
func TestSkip(t *testing.T) {
	fsys := mapFS(map[string]string{
		"specs/a.yaml": "kind: step\n",
		"specs/b.yaml": "kind: sigmoid\nformats: [svg]\n",
	})
	keys := map[string]string{}
	res, err := Generate(context.Background(), Options{FS: fsys, Skip: func(f *Figure) bool {
		keys[f.Spec] = f.Key
		return f.Spec == "specs/a.yaml"
	}})
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"a.png", "a.svg", "b.svg", "index.html"}; !slices.Equal(res.Order, want) {
		t.Errorf("order %v, want %v", res.Order, want)
	}
	if got := slices.Sorted(func(yield func(string) bool) {
		for k := range res.Files {
			if !yield(k) {
				return
			}
		}
	}); !slices.Equal(got, []string{"b.svg", "index.html"}) {
		t.Errorf("files rendered: %v, want b.svg and index.html", got)
	}
	if !bytes.Contains(res.Files["index.html"], []byte(`src="a.png"`)) {
		t.Errorf("the contact sheet lacks the skipped figure")
	}
	if !res.Figures[0].Skipped || res.Figures[1].Skipped || !slices.Equal(res.Figures[0].Outputs, []string{"a.png", "a.svg"}) {
		t.Errorf("figures: %+v", res.Figures)
	}
	a := keys["specs/a.yaml"]
	if a != InputKey([]byte("kind: step\n"), nil) || a == keys["specs/b.yaml"] {
		t.Errorf("keys %v", keys)
	}
	if InputKey([]byte("kind: step\n"), []byte{}) == a || InputKey([]byte("kind: step\n"), []byte("width: 700\n")) == a {
		t.Errorf("an empty or a new figgen.yaml does not change the key")
	}
	// Scan computes the same keys without decoding.
	figs, folder, err := Scan(context.Background(), Options{FS: fsys}, nil)
	if err != nil || !folder || len(figs) != 2 || figs[0].Key != a || figs[1].Key != keys["specs/b.yaml"] {
		t.Errorf("Scan = %+v, %v, %v", figs, folder, err)
	}
}

// TestShardsPartition: the shards of any set of specs split it, each spec
// in exactly one.
func TestShardsPartition(t *testing.T) {
	for _, n := range []int{1, 2, 3, 7} {
		for i := range 100 {
			spec := "specs/" + strings.Repeat("x", i%5) + string(rune('a'+i%26)) + ".yaml"
			in := 0
			for k := 1; k <= n; k++ {
				if InShard(spec, k, n) {
					in++
				}
			}
			if in != 1 {
				t.Fatalf("%s is in %d of %d shards", spec, in, n)
			}
		}
	}
	if InShard("specs/a.yaml", 1, 2) != InShard("/elsewhere/a.yaml", 1, 2) {
		t.Errorf("a spec's shard depends on its folder")
	}
}

// TestBuildCoversSource: every package of the module that draws is in
// Build's source (the command and the benchmarks are not), and the fonts
// committed with it are pinned.
func TestBuildCoversSource(t *testing.T) {
	listed := map[string]bool{}
	fs.WalkDir(ownSource, ".", func(p string, d fs.DirEntry, err error) error {
		if !d.IsDir() {
			listed[path.Dir(p)] = true
		}
		return nil
	})
	fs.WalkDir(os.DirFS("."), ".", func(p string, d fs.DirEntry, err error) error {
		if !d.IsDir() {
			return nil
		}
		if base := path.Base(p); p != "." && (strings.HasPrefix(base, ".") || base == "testdata" || p == "cmd" || p == "bench") {
			return fs.SkipDir
		}
		goFiles, _ := fs.Glob(os.DirFS(p), "*.go")
		hasCode := slices.ContainsFunc(goFiles, func(f string) bool { return !strings.HasSuffix(f, "_test.go") })
		if hasCode && !listed[p] && p != "internal/golden" {
			t.Errorf("package %s is not in Build's source (build.go's go:embed)", p)
		}
		return nil
	})
	for name, face := range map[string]fonts.Face{"NanumGothic.ttf": fonts.HangulRegular, "NanumGothicBold.ttf": fonts.HangulBold} {
		s := sha256.Sum256(fonts.Data(face))
		if got := hex.EncodeToString(s[:]); fontSums[name] != got {
			t.Errorf("fontSums[%q] = %q; the font's SHA-256 is %s", name, fontSums[name], got)
		}
	}
}

// TestPNGMetadata: a PNG carries the figure's title and alt text.
func TestPNGMetadata(t *testing.T) {
	fsys := mapFS(map[string]string{"specs/a.yaml": "kind: step\ntitle: 계단 함수 $u(z)$\nalt: 0에서 1로 뛰는 계단 함수\nformats: [png]\n"})
	res, err := generate(t, fsys, "specs/a.yaml")
	if err != nil {
		t.Fatal(err)
	}
	png := res.Files["a.png"]
	for _, want := range []string{"iTXtTitle\x00\x00\x00ko\x00\x00계단 함수 u(z)", "iTXtDescription\x00\x00\x00ko\x00\x000에서 1로 뛰는 계단 함수"} {
		if !bytes.Contains(png, []byte(want)) {
			t.Errorf("the PNG lacks %q", want)
		}
	}
}

// TestReuse: a spec whose record's key is its inputs' is not decoded (the
// record's alt text is on the contact sheet, even where the spec could
// not be decoded); a record whose key is another's is ignored; a run with
// a problem, or with outputs that might clash, reports it as a run
// without Reuse does.
func TestReuse(t *testing.T) {
	a := "kind: step\nalt: from the spec\n"
	fsys := mapFS(map[string]string{
		"specs/a.yaml": a,
		"specs/b.yaml": "kind: sigmoid\nformats: [svg]\n",
	})
	record := Figure{Key: InputKey([]byte(a), nil), Alt: "from the record", Width: 640, Height: 400,
		Files: []figures.Output{{Name: "a.png", Format: "png", Theme: "light", Scale: 1}}}
	asked := map[string]bool{}
	run := func(fsys fs.FS, rec Figure) (*Result, error) {
		return Generate(context.Background(), Options{FS: fsys,
			Reuse: func(spec string) (Figure, bool) { return rec, spec == "specs/a.yaml" },
			Skip:  func(f *Figure) bool { asked[f.Spec] = true; return false }})
	}
	res, err := run(fsys, record)
	if err != nil {
		t.Fatal(err)
	}
	f := res.Figures[0]
	if !f.Skipped || f.Spec != "specs/a.yaml" || f.Config != "specs/figgen.yaml" || f.Alt != "from the record" || !slices.Equal(f.Outputs, []string{"a.png"}) || asked["specs/a.yaml"] || !asked["specs/b.yaml"] {
		t.Errorf("reused figure %+v (Skip asked: %v)", f, asked)
	}
	if _, ok := res.Files["a.png"]; ok || !slices.Equal(res.Order, []string{"a.png", "b.svg", "index.html"}) {
		t.Errorf("order %v; a.png rendered: %v", res.Order, ok)
	}
	if !bytes.Contains(res.Files["index.html"], []byte(`alt="from the record" width="640" height="400"`)) {
		t.Errorf("the contact sheet does not show the record:\n%s", res.Files["index.html"])
	}
	// Another key: decoded.
	other := record
	other.Key = InputKey([]byte("kind: step\n"), nil)
	if res, err := run(fsys, other); err != nil || res.Figures[0].Skipped || res.Figures[0].Alt != "from the spec" {
		t.Errorf("a record of other inputs was taken: %+v, %v", res.Figures[0], err)
	}
	// A problem elsewhere: every spec decoded, so reported in full.
	bad := mapFS(map[string]string{"specs/a.yaml": a, "specs/b.yaml": "kind: sigmoid\nwidth: -1\n"})
	_, err = run(bad, record)
	_, want := Generate(context.Background(), Options{FS: bad})
	if err == nil || err.Error() != want.Error() {
		t.Errorf("with Reuse: %v\nwithout: %v", err, want)
	}
	// A new spec writing a reused spec's output: the clash at its place.
	clash := mapFS(map[string]string{"specs/a.yaml": a, "specs/b.yaml": "kind: sigmoid\noutput: A\n"})
	_, err = run(clash, record)
	_, want = Generate(context.Background(), Options{FS: clash})
	if err == nil || want == nil || err.Error() != want.Error() {
		t.Errorf("with Reuse: %v\nwithout: %v", err, want)
	}
}

package figgen

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"image/color"
	"image/png"
	"io"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/figgen/figgen/figures"
	"github.com/figgen/figgen/spec"
)

// mapFS returns a MapFS of the given files (path → contents).
func mapFS(files map[string]string) fstest.MapFS {
	m := fstest.MapFS{}
	for name, body := range files {
		m[name] = &fstest.MapFile{Data: []byte(body), Mode: 0o644}
	}
	return m
}

func generate(t *testing.T, fsys fs.FS, paths ...string) (*Result, error) {
	t.Helper()
	return Generate(context.Background(), Options{FS: fsys, Paths: paths})
}

// errorList returns the positioned errors of err as strings.
func errorList(t *testing.T, err error) []string {
	t.Helper()
	var list spec.ErrorList
	if !errors.As(err, &list) {
		t.Fatalf("error %v holds no spec.ErrorList", err)
	}
	var out []string
	for _, e := range list {
		out = append(out, e.Error())
	}
	return out
}

func TestGenerateFolder(t *testing.T) {
	fsys := mapFS(map[string]string{
		"specs/step.yaml":     "kind: step\n",
		"specs/sigmoid.yml":   "kind: sigmoid\nformats: [png, svg, pdf]\n",
		"specs/notes.txt":     "not a spec",
		"specs/.draft.yaml":   "kind: bogus\n", // dot files are skipped
		"specs/sub/deep.yaml": "kind: bogus\n", // subfolders too
	})
	res, err := generate(t, fsys) // no paths: specs
	if err != nil {
		t.Fatal(err)
	}
	wantOrder := []string{"sigmoid.png", "sigmoid.svg", "sigmoid.pdf", "step.png", "step.svg", "index.html"}
	if !slices.Equal(res.Order, wantOrder) {
		t.Errorf("Order = %q, want %q", res.Order, wantOrder)
	}
	if !slices.Equal(slices.Sorted(maps.Keys(res.Files)), slices.Sorted(slices.Values(wantOrder))) {
		t.Errorf("Files hold %q, want %q", slices.Sorted(maps.Keys(res.Files)), wantOrder)
	}
	if want := []string{"specs/sigmoid.yml", "specs/step.yaml"}; !slices.Equal(res.Specs, want) || !res.Folder {
		t.Errorf("Specs = %q, Folder = %v; want %q, true", res.Specs, res.Folder, want)
	}
	for name, prefix := range map[string]string{"step.png": "\x89PNG", "sigmoid.svg": "<?xml", "sigmoid.pdf": "%PDF", "index.html": "<!doctype html>"} {
		if !bytes.HasPrefix(res.Files[name], []byte(prefix)) {
			t.Errorf("%s does not start with %q", name, prefix)
		}
	}
	if index := string(res.Files["index.html"]); !strings.Contains(index, "sigmoid.yml") || !strings.Contains(index, "step.yaml") {
		t.Errorf("index.html does not list both specs:\n%s", index)
	}

	// One figure at a time makes the same bytes.
	one, err := Generate(context.Background(), Options{FS: fsys, Parallel: 1})
	if err != nil {
		t.Fatal(err)
	}
	if !maps.EqualFunc(one.Files, res.Files, bytes.Equal) {
		t.Errorf("Parallel: 1 renders other bytes")
	}
}

func TestContactSheetOnlyForFolders(t *testing.T) {
	fsys := mapFS(map[string]string{"specs/a.yaml": "kind: step\nformats: [svg]\n", "specs/b.yaml": "kind: sigmoid\n"})
	res, err := generate(t, fsys, "specs/a.yaml", "specs/b.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"a.svg", "b.png", "b.svg"}; !slices.Equal(res.Order, want) || res.Folder || res.Files["index.html"] != nil {
		t.Errorf("two spec files: Order %q, Folder %v; want %q and no index.html", res.Order, res.Folder, want)
	}
	res, err = generate(t, fsys, "specs/b.yaml", "specs")
	if err != nil {
		t.Fatal(err)
	}
	// A file named twice, once through its folder, is one spec.
	if want := []string{"b.png", "b.svg", "a.svg", "index.html"}; !slices.Equal(res.Order, want) || !res.Folder {
		t.Errorf("a file and its folder: Order %q, Folder %v; want %q", res.Order, res.Folder, want)
	}
}

// TestRepoSpecs: through an fs.FS, specs/ makes exactly the committed out/.
func TestRepoSpecs(t *testing.T) {
	res, err := Generate(context.Background(), Options{FS: os.DirFS(".")})
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range res.Order {
		committed, err := os.ReadFile(filepath.Join("out", filepath.FromSlash(name)))
		if err != nil || !bytes.Equal(committed, res.Files[name]) {
			t.Errorf("out/%s differs from what specs/ makes (%v)", name, err)
		}
	}
}

func TestErrorsAllAtOnce(t *testing.T) {
	fsys := mapFS(map[string]string{
		"specs/figgen.yaml": "kinds:\n  sigmoid:\n    formula: '$\\sigam$'\n",
		"specs/a.yaml":      "kind: sigmoid\ntitel: x\n",
		"specs/b.yaml":      "kind: sigmoid\nheight: x\ntitle: '$x'\n",
		"specs/c.yaml":      "kind: step\nx_label: '$\\thetta$'\n",
	})
	_, err := generate(t, fsys)
	var list spec.ErrorList
	if !errors.As(err, &list) || err.Error() != list.Error() {
		t.Fatalf("error is not a spec.ErrorList alone: %v", err)
	}
	// Sorted by file, line, column; the bad default once, though two
	// specs use it.
	want := []string{
		`specs/a.yaml:2:1: unknown field "titel" (did you mean "title"?)`,
		`specs/b.yaml:2:9: height: want an integer, got string "x"`,
		"specs/b.yaml:3:9: unmatched `$`",
		"specs/c.yaml:2:12: unknown command `\\thetta` (did you mean `\\theta`?)",
		"specs/figgen.yaml:3:16: unknown command `\\sigam` (did you mean `\\sigma`?)",
	}
	if got := errorList(t, err); !slices.Equal(got, want) {
		t.Errorf("errors:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if res, err := Validate(context.Background(), Options{FS: fsys}); res != nil || err == nil || err.Error() != strings.Join(want, "\n") {
		t.Errorf("Validate: %q, %v; want the same errors", res, err)
	}
}

func TestDuplicateOutputs(t *testing.T) {
	fsys := mapFS(map[string]string{
		"specs/a.yaml": "kind: step\noutput: same\n",
		"specs/b.yaml": "kind: sigmoid\noutput: same\nformats: [pdf, png]\n",
		"specs/c.yaml": "kind: sigmoid\noutput: SAME\nformats: [svg]\n", // case-insensitive file systems
		"specs/d.yaml": "kind: sigmoid\noutput: same\nformats: [pdf]\n",
	})
	_, err := generate(t, fsys)
	want := []string{
		`specs/b.yaml:2:9: output "same.png" is also written by specs/a.yaml`,
		`specs/c.yaml:2:9: output "SAME.svg" is also written by specs/a.yaml`,
		`specs/d.yaml:2:9: output "same.pdf" is also written by specs/b.yaml`,
	}
	if got := errorList(t, err); !slices.Equal(got, want) {
		t.Errorf("errors:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func pngWidth(t *testing.T, data []byte) int {
	t.Helper()
	cfg, err := png.DecodeConfig(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	return cfg.Width
}

func TestFolderDefaults(t *testing.T) {
	fsys := mapFS(map[string]string{
		"specs/figgen.yaml": "width: 640\nformats: [png]\n",
		"specs/a.yaml":      "kind: sigmoid\n",
		"specs/b.yaml":      "kind: step\nwidth: 700\n",
		"other/c.yaml":      "kind: step\n", // another folder, no defaults
	})
	res, err := generate(t, fsys, "specs", "other/c.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"a.png", "b.png", "c.png", "c.svg", "index.html"}; !slices.Equal(res.Order, want) {
		t.Fatalf("Order = %q, want %q", res.Order, want)
	}
	for name, w := range map[string]int{"a.png": 640, "b.png": 700, "c.png": 800} {
		if got := pngWidth(t, res.Files[name]); got != w {
			t.Errorf("%s is %d px wide, want %d", name, got, w)
		}
	}
	// A spec named alone gets its folder's defaults too.
	one, err := generate(t, fsys, "specs/a.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(one.Order, []string{"a.png"}) || !bytes.Equal(one.Files["a.png"], res.Files["a.png"]) {
		t.Errorf("a.yaml alone: %q, other bytes than with its folder", one.Order)
	}

	// A problem a default makes for a spec is reported at the default.
	fsys["specs/figgen.yaml"].Data = []byte("kinds:\n  step:\n    x_range: [-5, 5]\n")
	fsys["specs/b.yaml"].Data = []byte("kind: step\nthreshold: 8\n")
	_, err = generate(t, fsys, "specs")
	if got := errorList(t, err); len(got) != 1 || !strings.HasPrefix(got[0], "specs/figgen.yaml:3:14: ") || !strings.HasSuffix(got[0], " (applied to specs/b.yaml)") {
		t.Errorf("errors: %q, want one at specs/figgen.yaml:3:14 applied to specs/b.yaml", got)
	}
}

func TestBadPaths(t *testing.T) {
	fsys := mapFS(map[string]string{
		"specs/a.yaml":         "kind: step\n",
		"specs/figgen.yaml":    "width: 640\n",
		"misnamed/a.yaml":      "kind: step\n",
		"misnamed/figgen.yml":  "width: 640\n",
		"misnamed/Figgen.yaml": "width: 640\n",
		"empty/notes.txt":      "",
	})
	_, err := generate(t, fsys, "nowhere", "specs/figgen.yaml", "misnamed", "empty", "../specs", "/specs", "")
	if err == nil {
		t.Fatal("no error")
	}
	for _, want := range []string{
		"figgen: nowhere: no such spec file or folder",
		"figgen: specs/figgen.yaml holds folder defaults, not a figure",
		"figgen: misnamed/Figgen.yaml: folder defaults go in figgen.yaml",
		"figgen: misnamed/figgen.yml: folder defaults go in figgen.yaml",
		"figgen: empty: no *.yaml specs in folder",
		"figgen: stat ../specs: invalid argument: a path in Options.FS is slash-separated and relative, without ..",
		"figgen: stat /specs: invalid argument",
		"figgen: stat : invalid argument",
	} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error lacks %q:\n%v", want, err)
		}
	}
}

func TestNamesAsGiven(t *testing.T) {
	fsys := mapFS(map[string]string{"specs/a.yaml": "kind: step\ntitel: x\n"})
	for _, tc := range []struct{ path, file string }{
		{"specs", "specs/a.yaml"},
		{"./specs/", "specs/a.yaml"},
		{"./specs/a.yaml", "./specs/a.yaml"},
		{".", ""}, // specs/ is a subfolder of .: not looked into
	} {
		_, err := generate(t, fsys, tc.path)
		if tc.file == "" {
			if err == nil || !strings.Contains(err.Error(), "no *.yaml specs") {
				t.Errorf("%q: %v, want no specs found", tc.path, err)
			}
			continue
		}
		if want := tc.file + `:2:1: unknown field "titel" (did you mean "title"?)`; err == nil || err.Error() != want {
			t.Errorf("%q: %v, want %s", tc.path, err, want)
		}
	}
}

// limitFS serves a MapFS, counting the files opened and the bytes read, and
// serves the files of endless as never-ending streams (as /dev/zero is),
// their Stat as the MapFS says (a size that may lie).
type limitFS struct {
	fstest.MapFS
	endless map[string]bool
	opened  map[string]int
	read    map[string]int
}

func (l *limitFS) Open(name string) (fs.File, error) {
	l.opened[name]++
	f, err := l.MapFS.Open(name)
	if err != nil || !l.endless[name] {
		return f, err
	}
	return &endless{File: f, n: func(n int) { l.read[name] += n }}, nil
}

type endless struct {
	fs.File
	n func(int)
}

func (e *endless) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = '#'
	}
	e.n(len(p))
	return len(p), nil
}

func TestLimits(t *testing.T) {
	exact := "kind: step\n#" + strings.Repeat("x", spec.MaxFileBytes-13) + "\n"
	l := &limitFS{
		MapFS: fstest.MapFS{
			"specs/big.yaml":    {Data: make([]byte, 3<<20)},
			"specs/liar.yaml":   {Data: []byte("kind: step\n")}, // says 11 bytes, never ends
			"specs/pipe.yaml":   {Mode: fs.ModeNamedPipe},
			"specs/device.yaml": {Mode: fs.ModeDevice | fs.ModeCharDevice},
			"specs/folder.yaml": {Mode: fs.ModeDir},
			"specs/exact.yaml":  {Data: []byte(exact)},
			"specs/figgen.yaml": {Data: []byte{}},
			"over/a.yaml":       {Data: []byte("kind: step\n")},
			"over/figgen.yaml":  {Data: make([]byte, spec.MaxFileBytes+1)},
		},
		endless: map[string]bool{"specs/big.yaml": true, "specs/liar.yaml": true},
		opened:  map[string]int{},
		read:    map[string]int{},
	}
	_, err := generate(t, l, "specs", "specs/pipe.yaml", "specs/device.yaml", "over")
	if err == nil {
		t.Fatal("no error")
	}
	for _, want := range []string{
		"specs/device.yaml:1:1: spec is a device, not a regular file",
		"specs/pipe.yaml:1:1: spec is a named pipe, not a regular file",
		"specs/big.yaml:1:1: spec is 3.0 MiB; the limit is 1 MiB",
		"specs/liar.yaml:1:1: spec is over 1 MiB; the limit is 1 MiB",
		"over/figgen.yaml:1:1: config is 1048577 bytes; the limit is 1 MiB",
	} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error lacks %q:\n%v", want, err)
		}
	}
	if strings.Contains(err.Error(), "exact.yaml") || strings.Count(err.Error(), "pipe.yaml") != 1 {
		t.Errorf("a spec of exactly 1 MiB is rejected, or pipe.yaml reported twice:\n%v", err)
	}
	// specs/folder.yaml is a folder: skipped in a listing.
	if strings.Contains(err.Error(), "folder.yaml") {
		t.Errorf("a folder named *.yaml is taken for a spec:\n%v", err)
	}
	for _, name := range []string{"specs/big.yaml", "specs/pipe.yaml", "specs/device.yaml", "over/figgen.yaml"} {
		if l.opened[name] != 0 {
			t.Errorf("%s opened", name)
		}
	}
	if n := l.read["specs/liar.yaml"]; n != spec.MaxFileBytes+1 {
		t.Errorf("read %d bytes of an endless file; the limit is %d", n, spec.MaxFileBytes+1)
	}
}

// TestOSFiles: without an FS, paths are the operating system's, absolute
// ones included, and name the files in errors as given.
func TestOSFiles(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "a.yaml"), []byte("kind: step\ntitel: x\n"), 0o644)
	_, err := Generate(context.Background(), Options{Paths: []string{dir}})
	if want := filepath.Join(dir, "a.yaml") + `:2:1: unknown field "titel" (did you mean "title"?)`; err == nil || err.Error() != want {
		t.Errorf("error %v, want %s", err, want)
	}
	if _, err := os.Stat("/dev/zero"); err == nil {
		_, err := Validate(context.Background(), Options{Paths: []string{"/dev/zero"}})
		if err == nil || err.Error() != "/dev/zero:1:1: spec is a device, not a regular file; figgen reads nothing else" {
			t.Errorf("/dev/zero: %v", err)
		}
	}
}

func TestBroken(t *testing.T) {
	defer func(r func() (*figures.Renderer, error)) { renderer = r }(renderer)
	renderer = func() (*figures.Renderer, error) {
		return nil, fmt.Errorf("figgen is broken: its embedded fonts do not load: %w", io.ErrUnexpectedEOF)
	}
	_, err := generate(t, mapFS(map[string]string{"specs/a.yaml": "kind: step\n"}))
	if err == nil || !strings.HasPrefix(err.Error(), "figgen is broken: ") {
		t.Errorf("error %v, want figgen is broken", err)
	}
}

func TestCancel(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := Generate(ctx, Options{FS: mapFS(map[string]string{"specs/a.yaml": "kind: step\n"})})
	if !errors.Is(err, context.Canceled) {
		t.Errorf("error %v, want context.Canceled", err)
	}
}

func TestSortDropsRepeats(t *testing.T) {
	at := func(file string, line, col int, msg string) *spec.Error {
		return spec.Errorf(spec.Pos{File: file, Line: line, Col: col}, "%s", msg)
	}
	l := spec.ErrorList{
		at("b", 1, 1, "x"), at("a", 2, 1, "y"), at("a", 1, 5, "z"), at("a", 2, 1, "w"),
		at("a", 2, 1, "y"), at("b", 1, 1, "x"), at("a", 1, 5, "z"),
	}
	l.Sort()
	want := "a:1:5: z\na:2:1: y\na:2:1: w\nb:1:1: x"
	if l.Error() != want {
		t.Errorf("sorted:\n%s\nwant:\n%s", l.Error(), want)
	}
}

// recorder is a Sink that keeps what it is given.
type recorder struct {
	begun []string
	got   map[string][]byte
	order []string
	fail  string // Put of this name fails
}

func (r *recorder) Begin(names []string) error {
	r.begun = slices.Clone(names)
	return nil
}

func (r *recorder) Put(name string, data []byte) error {
	if name == r.fail {
		return errSink
	}
	r.got[name] = slices.Clone(data)
	r.order = append(r.order, name)
	return nil
}

var errSink = errors.New("sink full")

// TestSink: with a Sink, every output goes to it once, with the bytes
// Generate would return, index.html last, and none stays in the Result;
// the sink's error stops the run and comes back as is.
func TestSink(t *testing.T) {
	fsys := mapFS(map[string]string{
		"specs/a.yaml": "kind: step\nformats: [png, svg]\n",
		"specs/b.yaml": "kind: sigmoid\nformats: [svg, pdf]\noutput: sub/b\n",
		"specs/c.yaml": "kind: unit\nformats: [svg]\n",
	})
	want, err := Generate(context.Background(), Options{FS: fsys})
	if err != nil {
		t.Fatal(err)
	}
	r := &recorder{got: map[string][]byte{}}
	res, err := Generate(context.Background(), Options{FS: fsys, Sink: r})
	if err != nil {
		t.Fatal(err)
	}
	if res.Files != nil {
		t.Errorf("Result.Files holds %d outputs with a Sink", len(res.Files))
	}
	if !slices.Equal(r.begun, want.Order) || !slices.Equal(res.Order, want.Order) {
		t.Errorf("Begin got %v, Order %v; want %v", r.begun, res.Order, want.Order)
	}
	if len(r.order) != len(want.Order) || r.order[len(r.order)-1] != "index.html" {
		t.Errorf("Put got %v; want each of %v once, index.html last", r.order, want.Order)
	}
	for name, data := range want.Files {
		if !bytes.Equal(r.got[name], data) {
			t.Errorf("Put got other bytes for %s", name)
		}
	}

	r = &recorder{got: map[string][]byte{}, fail: "a.svg"}
	_, err = Generate(context.Background(), Options{FS: fsys, Sink: r, Parallel: 1})
	if err != errSink {
		t.Errorf("error %v, want the sink's own", err)
	}
	if _, ok := r.got["c.svg"]; ok {
		t.Errorf("the run went on after the sink failed")
	}
}

// TestOutputConflicts: an output where another needs a folder, or under
// figgen's own files, is found before anything is rendered.
func TestOutputConflicts(t *testing.T) {
	_, err := generate(t, mapFS(map[string]string{
		"specs/a.yaml": "kind: step\noutput: x\n",
		"specs/b.yaml": "kind: step\noutput: x.svg/y\n",
		"specs/c.yaml": "kind: step\noutput: Index.HTML/y\n",
		"specs/d.yaml": "kind: step\noutput: x/y/z\n", // a folder x beside the file x.png is fine
	}))
	want := []string{
		`specs/b.yaml:2:9: output "x.svg/y" needs a folder "x.svg", where specs/a.yaml writes a file`,
		`specs/c.yaml:2:9: output "Index.HTML/y": "Index.HTML" is figgen's own file, not a folder`,
	}
	if got := errorList(t, err); !slices.Equal(got, want) {
		t.Errorf("errors:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestOptimize: with Optimize every PNG has the same pixels in fewer bytes,
// and every other output the same bytes.
func TestOptimize(t *testing.T) {
	fsys := mapFS(map[string]string{
		"specs/sigmoid.yaml": "kind: sigmoid\nformats: [png, svg, pdf]\n",
		"specs/plane.yaml":   "kind: threshold-plane\n",
	})
	plain, err := Generate(context.Background(), Options{FS: fsys, Paths: []string{"specs"}})
	if err != nil {
		t.Fatal(err)
	}
	opt, err := Generate(context.Background(), Options{FS: fsys, Paths: []string{"specs"}, Optimize: true})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(plain.Order, opt.Order) {
		t.Fatalf("outputs %v, optimized %v", plain.Order, opt.Order)
	}
	for _, name := range plain.Order {
		a, b := plain.Files[name], opt.Files[name]
		if !strings.HasSuffix(name, ".png") {
			if !bytes.Equal(a, b) {
				t.Errorf("%s differs when optimized", name)
			}
			continue
		}
		if len(b) >= len(a) {
			t.Errorf("%s: %d bytes optimized, %d not", name, len(b), len(a))
		}
		pa, err := png.Decode(bytes.NewReader(a))
		if err != nil {
			t.Fatal(err)
		}
		pb, err := png.Decode(bytes.NewReader(b))
		if err != nil {
			t.Fatalf("%s optimized: %v", name, err)
		}
		if pa.Bounds() != pb.Bounds() {
			t.Fatalf("%s: bounds %v optimized, %v not", name, pb.Bounds(), pa.Bounds())
		}
		r := pa.Bounds()
		for y := r.Min.Y; y < r.Max.Y; y++ {
			for x := r.Min.X; x < r.Max.X; x++ {
				if ca, cb := color.NRGBA64Model.Convert(pa.At(x, y)), color.NRGBA64Model.Convert(pb.At(x, y)); ca != cb {
					t.Fatalf("%s: pixel (%d, %d) is %v optimized, %v not", name, x, y, cb, ca)
				}
			}
		}
	}
}

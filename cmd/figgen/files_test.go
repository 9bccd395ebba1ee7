package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
)

// The out dir: figgen writes there only the files of its outputs and its
// manifest, checks everything that could fail before the first write,
// never writes through a link, and overwrites or removes only files it
// wrote.

// mustWrite writes body to p, making its folder.
func mustWrite(t *testing.T, p, body string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
}

// sameSnapshot fails unless the out dir holds exactly what it did.
func sameSnapshot(t *testing.T, what string, before, after map[string]string) {
	t.Helper()
	if len(before) != len(after) {
		t.Errorf("%s: the out dir changed: %d files before, %d after", what, len(before), len(after))
	}
	for p, b := range before {
		if after[p] != b {
			t.Errorf("%s: %s changed", what, p)
		}
	}
}

// TestNotRegularSpecs: a spec or figgen.yaml that is a link to a device, or
// a named pipe, gives a positioned error and exit 2 instead of hanging.
func TestNotRegularSpecs(t *testing.T) {
	if _, err := os.Stat("/dev/zero"); err != nil {
		t.Skip("no /dev/zero")
	}
	specs := specDir(t, map[string]string{"a.yaml": "kind: step\n"})
	if err := os.Symlink("/dev/zero", filepath.Join(specs, "z.yaml")); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mkfifo(filepath.Join(specs, "p.yaml"), 0o644); err != nil {
		t.Skip("no named pipes:", err)
	}
	out := t.TempDir()
	for _, cmd := range []string{"validate", "check", "render"} {
		code, _, stderr := figgen(t, cmd, "--out", out, specs)
		if cmd == "validate" {
			code, _, stderr = figgen(t, cmd, specs)
		}
		for _, want := range []string{
			filepath.Join(specs, "z.yaml") + ":1:1: spec is a device, not a regular file",
			filepath.Join(specs, "p.yaml") + ":1:1: spec is a named pipe, not a regular file",
		} {
			if code != 2 || !strings.Contains(stderr, want) {
				t.Errorf("%s: exit %d, stderr lacks %q:\n%s", cmd, code, want, stderr)
			}
		}
	}
	// A file over the limit is not read.
	os.Remove(filepath.Join(specs, "z.yaml"))
	os.Remove(filepath.Join(specs, "p.yaml"))
	mustWrite(t, filepath.Join(specs, "big.yaml"), "kind: step\n#"+strings.Repeat("x", 2<<20))
	code, _, stderr := figgen(t, "validate", specs)
	if want := filepath.Join(specs, "big.yaml") + ":1:1: spec is 2.0 MiB; the limit is 1 MiB"; code != 2 || !strings.Contains(stderr, want) {
		t.Errorf("a spec of 2 MiB: exit %d, stderr lacks %q:\n%s", code, want, stderr)
	}
	os.Remove(filepath.Join(specs, "big.yaml"))

	// Folder defaults too.
	os.Remove(filepath.Join(specs, "z.yaml"))
	os.Remove(filepath.Join(specs, "p.yaml"))
	if err := syscall.Mkfifo(filepath.Join(specs, "figgen.yaml"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, stderr = figgen(t, "validate", specs)
	if want := filepath.Join(specs, "figgen.yaml") + ":1:1: config is a named pipe"; code != 2 || !strings.Contains(stderr, want) {
		t.Errorf("figgen.yaml a named pipe: exit %d, stderr lacks %q:\n%s", code, want, stderr)
	}
	if len(snapshot(t, out)) != 0 {
		t.Errorf("invalid specs wrote into the out dir")
	}
}

// TestOutputsAgainstOut: an output is checked where it is written, in the
// out dir, not in the working directory; a folder in its way fails the
// run before anything is written.
func TestOutputsAgainstOut(t *testing.T) {
	specs := specDir(t, map[string]string{"a.yaml": "kind: step\nformats: [png]\n", "b.yaml": "kind: sigmoid\nformats: [png]\n"})
	t.Chdir(t.TempDir())
	if err := os.Mkdir("a.png", 0o755); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "out")
	if code, _, stderr := figgen(t, "render", "--out", out, specs); code != 0 {
		t.Errorf("a folder a.png in the working directory fails a render into %s: exit %d\n%s", out, code, stderr)
	}

	out = t.TempDir()
	if err := os.Mkdir(filepath.Join(out, "b.png"), 0o755); err != nil {
		t.Fatal(err)
	}
	before := snapshot(t, out)
	for _, cmd := range []string{"render", "check"} {
		code, _, stderr := figgen(t, cmd, "--out", out, specs)
		if want := filepath.Join(out, "b.png") + " is a folder"; code != 2 || !strings.Contains(stderr, want) {
			t.Errorf("%s: exit %d, stderr lacks %q:\n%s", cmd, code, want, stderr)
		}
	}
	sameSnapshot(t, "a folder in the way", before, snapshot(t, out))
	if _, err := os.Stat(filepath.Join(out, "a.png")); err == nil {
		t.Errorf("render wrote a.png before failing at b.png")
	}
}

// TestWriteTimeProblems: whatever would fail while writing is found first:
// names too long for the file system, an output where another one needs a
// folder, an output under index.html.
func TestWriteTimeProblems(t *testing.T) {
	long := strings.Repeat("n", 251) // 255 bytes with ".png": the longest name
	specs := specDir(t, map[string]string{"a.yaml": "kind: step\noutput: " + long + "\n"})
	out := t.TempDir()
	for range 3 { // the temporary file's name must fit as well, every time
		if code, _, stderr := figgen(t, "render", "--out", out, specs); code != 0 {
			t.Fatalf("render of a 255-byte file name: exit %d\n%s", code, stderr)
		}
		os.Remove(filepath.Join(out, long+".png"))
	}

	tests := []struct {
		name  string
		specs map[string]string
		want  []string
	}{
		{"file name too long", map[string]string{"a.yaml": "kind: step\noutput: " + long + "n\n"},
			[]string{"a.yaml:2:9: output", "is 256 bytes; file systems allow 255"}},
		{"folder name too long", map[string]string{"a.yaml": "kind: step\noutput: " + strings.Repeat("가", 86) + "/x\n"},
			[]string{"a.yaml:2:9: output", "the folder name", "is 258 bytes"}},
		{"output in another's file", map[string]string{"a.yaml": "kind: step\noutput: x\n", "b.yaml": "kind: step\noutput: x.png/y\n"},
			[]string{`b.yaml:2:9: output "x.png/y" needs a folder "x.png", where`}},
		{"whatever the case", map[string]string{"a.yaml": "kind: step\noutput: x\n", "b.yaml": "kind: step\noutput: X.PNG/y\n"},
			[]string{`b.yaml:2:9: output "X.PNG/y" needs a folder "X.PNG"`}},
		{"under index.html", map[string]string{"a.yaml": "kind: step\noutput: index.html/y\n"},
			[]string{`a.yaml:2:9: output "index.html/y": "index.html" is figgen's own file, not a folder`}},
		{"under the manifest", map[string]string{"a.yaml": "kind: step\noutput: .figgen.json/y\n"},
			[]string{`a.yaml:2:9: output ".figgen.json/y": ".figgen.json" is figgen's own file`}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			specs := specDir(t, tc.specs)
			out := t.TempDir()
			for _, cmd := range []string{"render", "check", "validate"} {
				code, _, stderr := figgen(t, cmd, "--out", out, specs)
				if cmd == "validate" {
					code, _, stderr = figgen(t, cmd, specs)
				}
				for _, w := range tc.want {
					if code != 2 || !strings.Contains(stderr, w) {
						t.Errorf("%s: exit %d, stderr lacks %q:\n%s", cmd, code, w, stderr)
					}
				}
			}
			if len(snapshot(t, out)) != 0 {
				t.Errorf("files written: %v", snapshot(t, out))
			}
		})
	}
}

// TestNoLinksFollowed: a link to a folder inside the out dir is not
// written through; an out dir that is itself a link is used as is.
func TestNoLinksFollowed(t *testing.T) {
	specs := specDir(t, map[string]string{"a.yaml": "kind: step\nformats: [svg]\noutput: sub/x\n"})
	root := t.TempDir()
	out, victim := filepath.Join(root, "out"), filepath.Join(root, "victim")
	os.Mkdir(out, 0o755)
	os.Mkdir(victim, 0o755)
	if err := os.Symlink("../victim", filepath.Join(out, "sub")); err != nil {
		t.Fatal(err)
	}
	for _, cmd := range []string{"render", "check"} {
		code, _, stderr := figgen(t, cmd, "--out", out, specs)
		if want := filepath.Join(out, "sub") + " is a symbolic link"; code != 2 || !strings.Contains(stderr, want) {
			t.Errorf("%s: exit %d, stderr lacks %q:\n%s", cmd, code, want, stderr)
		}
	}
	if len(snapshot(t, victim)) != 0 {
		t.Errorf("render wrote through a link: %v", snapshot(t, victim))
	}

	// A link as the out dir: its outputs, and the outputs no spec
	// produces any more, are found through it.
	real := t.TempDir()
	link := filepath.Join(t.TempDir(), "out")
	if err := os.Symlink(real, link); err != nil {
		t.Fatal(err)
	}
	specs = specDir(t, map[string]string{"a.yaml": "kind: step\nformats: [svg]\n", "old.yaml": "kind: step\nformats: [svg]\n"})
	if code, _, stderr := figgen(t, "render", "--out", link, specs); code != 0 {
		t.Fatalf("render into a linked out dir: exit %d\n%s", code, stderr)
	}
	os.Remove(filepath.Join(specs, "old.yaml"))
	code, _, stderr := figgen(t, "check", "--out", link, specs)
	if want := filepath.Join(link, "old.svg") + ": no spec produces it"; code != 1 || !strings.Contains(stderr, want) {
		t.Errorf("check through a linked out dir: exit %d, stderr lacks %q:\n%s", code, want, stderr)
	}
	if code, _, _ := figgen(t, "render", "--prune", "--out", link, specs); code != 0 {
		t.Fatalf("render --prune: exit %d", code)
	}
	if _, err := os.Stat(filepath.Join(real, "old.svg")); err == nil {
		t.Errorf("render --prune through a linked out dir left old.svg")
	}

	// A manifest naming a file behind a link does not make --prune
	// remove it.
	out = t.TempDir()
	if code, _, _ := figgen(t, "render", "--out", out, specs); code != 0 {
		t.Fatal("render")
	}
	mustWrite(t, filepath.Join(victim, "y.svg"), "keep")
	os.Symlink(victim, filepath.Join(out, "sub"))
	mustWrite(t, filepath.Join(out, manifestName), `{"outputs": [{"name": "a.svg"}, {"name": "index.html"}, {"name": "sub/y.svg"}]}`)
	if code, _, stderr := figgen(t, "render", "--prune", "--out", out, specs); code != 0 {
		t.Fatalf("render --prune: exit %d\n%s", code, stderr)
	}
	if _, err := os.Stat(filepath.Join(victim, "y.svg")); err != nil {
		t.Errorf("--prune removed a file through a link")
	}
}

// TestOnlyItsOwnFiles: figgen overwrites and removes only the files its
// manifest lists; files of the same bytes it takes as its own.
func TestOnlyItsOwnFiles(t *testing.T) {
	specs := specDir(t, map[string]string{"a.yaml": "kind: step\nformats: [svg]\n", "old.yaml": "kind: sigmoid\nformats: [svg]\n"})
	out := t.TempDir()
	index := filepath.Join(out, "index.html")
	mustWrite(t, index, "<p>my own page</p>")
	before := snapshot(t, out)
	for _, cmd := range []string{"render", "check"} {
		code, _, stderr := figgen(t, cmd, "--out", out, specs)
		if want := index + " was not written by figgen"; code != 2 || !strings.Contains(stderr, want) {
			t.Errorf("%s with a hand-written index.html: exit %d, stderr lacks %q:\n%s", cmd, code, want, stderr)
		}
	}
	sameSnapshot(t, "hand-written index.html", before, snapshot(t, out))

	os.Remove(index)
	if code, _, stderr := figgen(t, "render", "--out", out, specs); code != 0 {
		t.Fatalf("render: exit %d\n%s", code, stderr)
	}
	manifest, _ := os.ReadFile(filepath.Join(out, manifestName))
	want := string(manifest)
	if m, err := parseManifest(manifest); err != nil || !slices.Equal(names(m), []string{"a.svg", "index.html", "old.svg"}) {
		t.Errorf("manifest (%v):\n%s", err, manifest)
	}

	// Outputs already there with the right bytes are figgen's: a lost
	// manifest is written again, and nothing else.
	os.Remove(filepath.Join(out, manifestName))
	if code, stdout, _ := figgen(t, "check", "--out", out, specs); code != 1 || strings.Contains(stdout, "0 written") {
		t.Errorf("check without a manifest: exit %d, want 1", code)
	}
	if code, stdout, stderr := figgen(t, "render", "--out", out, specs); code != 0 || !strings.Contains(stdout, "0 written") {
		t.Errorf("render without a manifest: exit %d\n%s%s", code, stdout, stderr)
	}
	if got, _ := os.ReadFile(filepath.Join(out, manifestName)); string(got) != want {
		t.Errorf("manifest written again:\n%s", got)
	}

	// Outputs no spec produces: check names them; --dry-run says what
	// --prune would remove and removes nothing; --prune removes only
	// figgen's files.
	os.Remove(filepath.Join(specs, "old.yaml"))
	hand := filepath.Join(out, "hand.png")
	notes := filepath.Join(out, "notes.txt")
	mustWrite(t, hand, "mine")
	mustWrite(t, notes, "mine")
	code, _, stderr := figgen(t, "check", "--out", out, specs)
	if code != 1 || !strings.Contains(stderr, filepath.Join(out, "old.svg")+": no spec produces it") ||
		strings.Contains(stderr, "hand.png") || !strings.Contains(stderr, "run figgen render --prune --out "+out+" "+specs) {
		t.Errorf("check with an orphan: exit %d, stderr:\n%s", code, stderr)
	}
	if code, stdout, _ := figgen(t, "render", "--out", out, specs); code != 0 || !strings.Contains(stdout, "--prune") {
		t.Errorf("render without --prune: exit %d, stdout lacks the hint:\n%s", code, stdout)
	}
	before = snapshot(t, out)
	code, stdout, _ := figgen(t, "render", "--prune", "--dry-run", "--out", out, specs)
	if want := "would remove " + filepath.Join(out, "old.svg"); code != 0 || !strings.Contains(stdout, want) {
		t.Errorf("render --prune --dry-run: exit %d, stdout lacks %q:\n%s", code, want, stdout)
	}
	sameSnapshot(t, "--dry-run", before, snapshot(t, out))
	if code, stdout, _ := figgen(t, "render", "--prune", "--out", out, specs); code != 0 || !strings.Contains(stdout, "removed "+filepath.Join(out, "old.svg")) {
		t.Fatalf("render --prune: exit %d\n%s", code, stdout)
	}
	for _, p := range []string{hand, notes} {
		if _, err := os.Stat(p); err != nil {
			t.Errorf("render --prune removed %s, which figgen did not write", p)
		}
	}
	if _, err := os.Stat(filepath.Join(out, "old.svg")); err == nil {
		t.Errorf("render --prune left old.svg")
	}
	if code, _, stderr := figgen(t, "check", "--out", out, specs); code != 0 {
		t.Errorf("check after prune: exit %d\n%s", code, stderr)
	}
	// Checking one spec file says nothing of the others' outputs.
	mustWrite(t, filepath.Join(specs, "b.yaml"), "kind: step\nformats: [svg]\n")
	if code, _, _ := figgen(t, "render", "--out", out, specs); code != 0 {
		t.Fatal("render")
	}
	if code, _, stderr := figgen(t, "check", "--out", out, filepath.Join(specs, "a.yaml")); code != 0 {
		t.Errorf("check of one file: exit %d\n%s", code, stderr)
	}

	// A folder of specs as the out dir: its files are not figgen's.
	dir := specDir(t, map[string]string{"a.yaml": "kind: step\nformats: [svg]\n", "keep.png": "x"})
	if code, _, stderr := figgen(t, "render", "--prune", "--out", dir, dir); code != 0 {
		t.Fatalf("render: exit %d\n%s", code, stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, "keep.png")); err != nil {
		t.Errorf("--prune removed a file figgen did not write")
	}
}

// TestPruneNested: an output in a folder that no spec produces any more
// goes with its folder, when --prune leaves it empty.
func TestPruneNested(t *testing.T) {
	specs := specDir(t, map[string]string{"a.yaml": "kind: step\nformats: [svg]\n", "b.yaml": "kind: step\nformats: [svg]\noutput: sub/deep/b\n"})
	out := t.TempDir()
	if code, _, stderr := figgen(t, "render", "--out", out, specs); code != 0 {
		t.Fatalf("render: exit %d\n%s", code, stderr)
	}
	os.Remove(filepath.Join(specs, "b.yaml"))
	if code, _, stderr := figgen(t, "render", "--prune", "--out", out, specs); code != 0 {
		t.Fatalf("render --prune: exit %d\n%s", code, stderr)
	}
	if _, err := os.Stat(filepath.Join(out, "sub")); err == nil {
		t.Errorf("render --prune left the empty folders of sub/deep/b.svg")
	}
}

// TestTemporaryFiles: temporary files of an interrupted run are reported
// by check and removed by render; nothing else that looks like one is
// touched; check writes nothing at all.
func TestTemporaryFiles(t *testing.T) {
	specs := specDir(t, goodSpecs)
	out := t.TempDir()
	if code, _, stderr := figgen(t, "render", "--out", out, specs); code != 0 {
		t.Fatalf("render: exit %d\n%s", code, stderr)
	}
	left := filepath.Join(out, ".figgen-1234567.tmp")
	other := filepath.Join(out, ".step.png.99.tmp")
	mustWrite(t, left, "half")
	mustWrite(t, other, "not ours")
	mustWrite(t, filepath.Join(out, "step.png"), "stale")
	before := snapshot(t, out)
	code, stdout, _ := figgen(t, "check", "--out", out, specs)
	if code != 1 || !strings.Contains(stdout, left+": left by an interrupted run") {
		t.Errorf("check: exit %d, stdout lacks the temporary file:\n%s", code, stdout)
	}
	sameSnapshot(t, "check", before, snapshot(t, out))
	code, stdout, _ = figgen(t, "render", "--out", out, specs)
	if code != 0 || !strings.Contains(stdout, "removed "+left) {
		t.Errorf("render: exit %d, stdout:\n%s", code, stdout)
	}
	if _, err := os.Stat(left); err == nil {
		t.Errorf("render left %s", left)
	}
	if _, err := os.Stat(other); err != nil {
		t.Errorf("render removed %s, which is not figgen's", other)
	}
	ents, _ := os.ReadDir(out)
	for _, e := range ents {
		if strings.HasPrefix(e.Name(), ".figgen-") {
			t.Errorf("render left its temporary file %s", e.Name())
		}
	}
}

// TestBadManifest: a manifest that is not figgen's, names a file outside
// the out dir or was edited by hand is ignored with a warning and written
// anew; it makes figgen neither prune nor overwrite a file it names.
func TestBadManifest(t *testing.T) {
	specs := specDir(t, map[string]string{"a.yaml": "kind: step\nformats: [svg]\n"})
	for _, body := range []string{"not json", `{"outputs": [{"name": "../victim.png"}]}`, `{"outputs": [{"name": "main.go"}]}`, `{"files": []}`,
		`{"outputs": [{"name": "b.svg"}]}`, "{\n  \"outputs\": [\n    {\"name\":\"b.svg\"}\n  ]\n}\n"} {
		out := t.TempDir()
		mustWrite(t, filepath.Join(out, manifestName), body)
		mustWrite(t, filepath.Join(out, "b.svg"), "mine")
		code, _, stderr := figgen(t, "render", "--prune", "--out", out, specs)
		valid := strings.HasPrefix(body, "{\n")
		if code != 0 || valid == strings.Contains(stderr, "warning: "+filepath.Join(out, manifestName)) {
			t.Errorf("manifest %s: exit %d\n%s", body, code, stderr)
		}
		if data, _ := os.ReadFile(filepath.Join(out, "b.svg")); !valid && string(data) != "mine" {
			t.Errorf("manifest %s: b.svg removed", body)
		}
		m, err := readManifest(t, out)
		if err != nil || !slices.Equal(names(m), []string{"a.svg", "index.html"}) {
			t.Errorf("manifest %s: rebuilt as %v (%v)", body, names(m), err)
		}
	}
}

func readManifest(t *testing.T, out string) (manifest, error) {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(out, manifestName))
	if err != nil {
		return manifest{}, err
	}
	return parseManifest(data)
}

func names(m manifest) []string {
	var ns []string
	for _, e := range m.Outputs {
		ns = append(ns, e.Name)
	}
	return ns
}

// TestIncremental: a render re-renders exactly the specs whose inputs or
// outputs changed; check --fast sees the same.
func TestIncremental(t *testing.T) {
	specs := specDir(t, map[string]string{"a.yaml": "kind: step\nformats: [svg]\n", "b.yaml": "kind: sigmoid\nformats: [svg]\n"})
	out := t.TempDir()
	render := func(what string, want ...string) {
		t.Helper()
		code, stdout, stderr := figgen(t, "render", "--json", "--out", out, specs)
		var rep report
		if err := json.Unmarshal([]byte(stdout), &rep); code != 0 || err != nil {
			t.Fatalf("%s: exit %d, %v\n%s%s", what, code, err, stdout, stderr)
		}
		var rendered []string // not skipped
		for _, n := range append(rep.Written, rep.Unchanged...) {
			if !slices.Contains(rep.Skipped, n) && n != "index.html" {
				rendered = append(rendered, n)
			}
		}
		slices.Sort(rendered)
		if !slices.Equal(rendered, want) {
			t.Errorf("%s: rendered %v, want %v", what, rendered, want)
		}
	}
	fast := func(what string, want int) {
		t.Helper()
		if code, _, stderr := figgen(t, "check", "--fast", "--out", out, specs); code != want {
			t.Errorf("%s: check --fast exit %d, want %d\n%s", what, code, want, stderr)
		}
	}
	render("first", "a.svg", "b.svg")
	render("again") // nothing
	fast("fresh", 0)
	mustWrite(t, filepath.Join(specs, "b.yaml"), "kind: sigmoid\nformats: [svg]\n# a comment\n")
	fast("a spec changed", 1)
	render("a spec changed", "b.svg")
	mustWrite(t, filepath.Join(out, "a.svg"), "edited by hand")
	fast("an output edited", 1)
	render("an output edited", "a.svg")
	mustWrite(t, filepath.Join(specs, "figgen.yaml"), "width: 700\n")
	render("folder defaults added", "a.svg", "b.svg")
	os.Remove(filepath.Join(out, "b.svg"))
	render("an output removed", "b.svg")
	// Another figgen: the manifest's build differs.
	data, _ := os.ReadFile(filepath.Join(out, manifestName))
	m, _ := parseManifest(data)
	m.Figgen = "sha256:" + strings.Repeat("0", 64)
	os.WriteFile(filepath.Join(out, manifestName), m.bytes(), 0o644)
	fast("another figgen", 1)
	render("another figgen", "a.svg", "b.svg")
	fast("fresh again", 0)
	if code, _, stderr := figgen(t, "check", "--out", out, specs); code != 0 {
		t.Errorf("check: exit %d\n%s", code, stderr)
	}
}

// TestHiddenFolder: an output in a dot folder is figgen's like any other.
func TestHiddenFolder(t *testing.T) {
	specs := specDir(t, map[string]string{"a.yaml": "kind: step\nformats: [svg]\noutput: .drafts/a\n"})
	out := t.TempDir()
	for range 2 {
		if code, _, stderr := figgen(t, "render", "--out", out, specs); code != 0 {
			t.Fatalf("render: exit %d\n%s", code, stderr)
		}
	}
	if code, _, stderr := figgen(t, "check", "--out", out, specs); code != 0 {
		t.Errorf("check: exit %d\n%s", code, stderr)
	}
}

package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// TestMain keeps the tests' stat caches out of the user's cache folder.
func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "figgen-cache-")
	if err != nil {
		panic(err)
	}
	os.Setenv("XDG_CACHE_HOME", dir)
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// statsLater opens the out dir dir as a run an hour from now would, when
// every file there is old enough for the stat cache to keep its hash.
func statsLater(t *testing.T, dir string) *outDir {
	t.Helper()
	o, err := openOutDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	o.stats = openStatCache(o.abs)
	o.stats.start = time.Now().Add(time.Hour)
	return o
}

// TestStatCache: the hashes of an out dir's files are kept outside it and
// used while a file's stat is the same; a file rewritten in place with its
// size and times put back is read again (its change time differs); a
// corrupt cache is ignored and written anew; a file hashed as soon as it
// was written is not kept.
func TestStatCache(t *testing.T) {
	specs := specDir(t, goodSpecs)
	out := filepath.Join(t.TempDir(), "out")
	if code, _, stderr := figgen(t, "render", "--out", out, specs); code != 0 {
		t.Fatalf("render: %s", stderr)
	}
	before := snapshot(t, out)
	o := statsLater(t, out)
	want := sum([]byte(before[filepath.Join(out, "step.svg")]))
	if got := o.sumOf("step.svg"); got != want {
		t.Fatalf("sum %s, want %s", got, want)
	}
	o.saveStats()
	sameSnapshot(t, "out dir after saving the stat cache", before, snapshot(t, out))
	o = statsLater(t, out)
	if s, ok := o.stats.known["step.svg"]; !ok || s.sum != want {
		t.Fatalf("the cache does not know step.svg: %+v", o.stats.known)
	}

	// Rewritten in place, same size, same modification time.
	p := filepath.Join(out, "step.svg")
	st, err := os.Stat(p)
	if err != nil {
		t.Fatal(err)
	}
	edited := []byte(strings.Replace(before[p], "<svg", "<SVG", 1))
	f, err := os.OpenFile(p, os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.Write(edited); err != nil {
		t.Fatal(err)
	}
	f.Close()
	if err := os.Chtimes(p, st.ModTime(), st.ModTime()); err != nil {
		t.Fatal(err)
	}
	if got := o.sumOf("step.svg"); got != sum(edited) {
		t.Errorf("a file edited in place, size and times kept: sum from the cache")
	}
	if code, _, _ := figgen(t, "check", "--fast", "--out", out, specs); code != 1 {
		t.Errorf("check --fast after an edit in place: exit %d, want 1", code)
	}

	// A corrupt cache: ignored, and written anew.
	for _, junk := range []string{"", "garbage\n", strings.Repeat("x", 100)} {
		if err := os.WriteFile(o.stats.file, []byte(junk), 0o600); err != nil {
			t.Fatal(err)
		}
		o = statsLater(t, out)
		if len(o.stats.known) != 0 || o.sumOf("step.png") != sum([]byte(before[filepath.Join(out, "step.png")])) {
			t.Errorf("cache %q: known %v", junk, o.stats.known)
		}
		o.saveStats()
		if o = statsLater(t, out); len(o.stats.known) != 1 {
			t.Errorf("cache %q not written anew: %v", junk, o.stats.known)
		}
	}
	// One bit changed: not trusted at all.
	data, _ := os.ReadFile(o.stats.file)
	data[len(data)/2] ^= 1
	os.WriteFile(o.stats.file, data, 0o600)
	if o = statsLater(t, out); len(o.stats.known) != 0 {
		t.Errorf("a cache with a bit changed was read: %v", o.stats.known)
	}

	// Hashed as soon as written: not kept.
	o, _ = openOutDir(out)
	o.sumOf("sigmoid.pdf")
	o.saveStats()
	if _, ok := statsLater(t, out).stats.known["sigmoid.pdf"]; ok {
		t.Errorf("the hash of a file just written was kept")
	}
}

// TestReuseSameBytes: a render that reuses the figures of specs it does
// not decode writes the same contact sheet and manifest as a render from
// scratch.
func TestReuseSameBytes(t *testing.T) {
	specs := specDir(t, map[string]string{
		"a.yaml": "kind: step\nalt: a step\nthemes: [light, dark]\n",
		"b.yaml": "kind: sigmoid\nformats: [png]\nscales: [1, 2]\n",
		"c.yaml": "kind: unit\nformats: [png]\n",
	})
	out := filepath.Join(t.TempDir(), "out")
	if code, _, stderr := figgen(t, "render", "--out", out, specs); code != 0 {
		t.Fatalf("render: %s", stderr)
	}
	mustWrite(t, filepath.Join(specs, "b.yaml"), "kind: sigmoid\nformats: [png]\nscales: [1, 2]\nalt: changed\n")
	code, stdout, stderr := figgen(t, "render", "--json", "--out", out, specs)
	var rep report
	if err := json.Unmarshal([]byte(stdout), &rep); code != 0 || err != nil {
		t.Fatalf("render: exit %d, %v\n%s", code, err, stderr)
	}
	if want := []string{"b.png", "b@2x.png", "index.html"}; !slices.Equal(rep.Written, want) {
		t.Errorf("written %v, want %v", rep.Written, want)
	}
	o, _ := openOutDir(out)
	if _, ok := o.reusable(filepath.Join(specs, "a.yaml"), true); !ok {
		t.Errorf("a.yaml is not reusable")
	}
	scratch := filepath.Join(t.TempDir(), "out")
	if code, _, stderr := figgen(t, "render", "--out", scratch, specs); code != 0 {
		t.Fatalf("render: %s", stderr)
	}
	a, _ := os.ReadFile(filepath.Join(out, "index.html"))
	b, _ := os.ReadFile(filepath.Join(scratch, "index.html"))
	if !bytes.Equal(a, b) {
		t.Errorf("index.html differs from a render from scratch:\n%s\n---\n%s", a, b)
	}
	// The manifests name the specs relative to each out dir.
	ma, err1 := readManifest(t, out)
	mb, err2 := readManifest(t, scratch)
	if err1 != nil || err2 != nil || len(ma.Outputs) != len(mb.Outputs) {
		t.Fatalf("manifests: %v, %v", err1, err2)
	}
	for i, e := range ma.Outputs {
		f := mb.Outputs[i]
		if e.Name != f.Name || path.Base(e.Spec) != path.Base(f.Spec) || e.Inputs != f.Inputs || e.SHA256 != f.SHA256 {
			t.Errorf("manifest entry %+v, from scratch %+v", e, f)
		}
	}
}

// TestPruneStatCaches: the caches of out dirs unused for 30 days and the
// leftovers of unfinished saves go, at most once a day; nothing else in
// the cache folder is touched.
func TestPruneStatCaches(t *testing.T) {
	dir := t.TempDir()
	now := time.Now()
	files := map[string]time.Duration{
		"stat-old":     40 * 24 * time.Hour,
		"stat-recent":  24 * time.Hour,
		".stat-123":    2 * 24 * time.Hour,
		".stat-456":    time.Minute,
		"someone-else": 40 * 24 * time.Hour,
	}
	for name, age := range files {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte("x"), 0o600); err != nil {
			t.Fatal(err)
		}
		os.Chtimes(p, now.Add(-age), now.Add(-age))
	}
	if err := os.Mkdir(filepath.Join(dir, "stat-folder"), 0o700); err != nil {
		t.Fatal(err)
	}
	os.Chtimes(filepath.Join(dir, "stat-folder"), now.Add(-40*24*time.Hour), now.Add(-40*24*time.Hour))
	left := func() []string {
		ents, _ := os.ReadDir(dir)
		var names []string
		for _, e := range ents {
			names = append(names, e.Name())
		}
		return names
	}
	pruneStatCaches(dir, now)
	if got, want := left(), []string{".stat-456", "last-prune", "someone-else", "stat-folder", "stat-recent"}; !slices.Equal(got, want) {
		t.Fatalf("left %q, want %q", got, want)
	}
	// within a day of the last pruning nothing is looked at
	old := now.Add(-40 * 24 * time.Hour)
	os.Chtimes(filepath.Join(dir, "stat-recent"), old, old)
	pruneStatCaches(dir, now.Add(23*time.Hour))
	if !slices.Contains(left(), "stat-recent") {
		t.Fatal("pruned again within a day")
	}
	pruneStatCaches(dir, now.Add(25*time.Hour))
	if slices.Contains(left(), "stat-recent") {
		t.Fatal("an unused cache kept after a day")
	}
}

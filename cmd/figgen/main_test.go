package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// figgen runs the command in process and returns its exit status and
// output.
func figgen(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = run(context.Background(), append([]string{"figgen"}, args...), &out, &errb)
	return code, out.String(), errb.String()
}

// specDir writes the given specs (name → YAML) into a fresh folder.
func specDir(t *testing.T, specs map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, body := range specs {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

var goodSpecs = map[string]string{
	"step.yaml":    "kind: step\n",
	"sigmoid.yaml": "kind: sigmoid\nformats: [png, svg, pdf]\n",
}

// snapshot returns every file under dir with its contents.
func snapshot(t *testing.T, dir string) map[string]string {
	t.Helper()
	m := map[string]string{}
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			b, _ := os.ReadFile(p)
			m[p] = string(b)
		}
		return nil
	})
	return m
}

func TestRenderThenCheck(t *testing.T) {
	specs := specDir(t, goodSpecs)
	out := filepath.Join(t.TempDir(), "out")
	code, stdout, stderr := figgen(t, "render", "--out", out, specs)
	if code != 0 {
		t.Fatalf("render: exit %d, stderr:\n%s", code, stderr)
	}
	for _, f := range []string{"step.png", "step.svg", "sigmoid.png", "sigmoid.svg", "sigmoid.pdf", "index.html"} {
		if _, err := os.Stat(filepath.Join(out, f)); err != nil {
			t.Errorf("render wrote no %s (stdout %q)", f, stdout)
		}
	}
	if code, _, stderr := figgen(t, "check", "--out", out, specs); code != 0 {
		t.Fatalf("check after render: exit %d, want 0; stderr:\n%s", code, stderr)
	}

	// Rendering again changes nothing, byte for byte.
	before := snapshot(t, out)
	if code, stdout, _ := figgen(t, "render", "--out", out, specs); code != 0 || !strings.Contains(stdout, "0 written") {
		t.Fatalf("second render: exit %d, stdout %q; want 0 written", code, stdout)
	}
	after := snapshot(t, out)
	for p, b := range before {
		if after[p] != b {
			t.Errorf("%s changed on a second render", p)
		}
	}

	// A stale and a missing file are both named, exit 1.
	if err := os.WriteFile(filepath.Join(out, "step.png"), []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Remove(filepath.Join(out, "sigmoid.svg")); err != nil {
		t.Fatal(err)
	}
	code, _, stderr = figgen(t, "check", "--out", out, specs)
	if code != 1 {
		t.Fatalf("check with stale files: exit %d, want 1", code)
	}
	for _, want := range []string{filepath.Join(out, "step.png") + ": stale", filepath.Join(out, "sigmoid.svg") + ": missing"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("check stderr lacks %q:\n%s", want, stderr)
		}
	}
}

func TestInvalidSpecsWriteNothing(t *testing.T) {
	tests := []struct {
		name  string
		specs map[string]string
		want  []string // substrings of stderr
	}{
		{"unknown field", map[string]string{"a.yaml": "kind: step\ntitel: x\n"},
			[]string{"a.yaml:2:1: unknown field \"titel\" (did you mean \"title\"?)"}},
		{"unknown kind", map[string]string{"a.yaml": "kind: sigmod\n"},
			[]string{"a.yaml:1:7: unknown kind \"sigmod\" (did you mean \"sigmoid\"?)"}},
		{"every problem at once", map[string]string{"a.yaml": "kind: step\nwidth: -3\n", "b.yaml": "kind: sigmoid\nheight: x\n"},
			[]string{"a.yaml:2:8:", "b.yaml:2:9:"}},
		{"missing glyph", map[string]string{"a.yaml": "kind: step\ntitle: \"웃음 \U0001F642\"\n"},
			[]string{"a.yaml:2:", "U+1F642"}},
		{"bad math", map[string]string{"a.yaml": "kind: step\ntitle: '$\\sigam(z)$ and $x'\n"},
			[]string{"a.yaml:2:10: unknown command `\\sigam` (did you mean `\\sigma`?)", "a.yaml:2:25: unmatched `$`"}},
		{"typo and bad math in one file", map[string]string{"a.yaml": "kind: step\ntitel: x\nx_label: '$\\thetta$'\n"},
			[]string{"a.yaml:2:1: unknown field", "a.yaml:3:"}},
		{"tab from a double-quoted escape", map[string]string{"a.yaml": "kind: step\ntitle: \"$\\theta$\"\n"},
			[]string{"a.yaml:2:8:", "single quotes"}},
		{"duplicate output", map[string]string{"a.yaml": "kind: step\noutput: same\n", "b.yaml": "kind: sigmoid\noutput: same\n"},
			[]string{"b.yaml:2:9: output \"same.png\" is also written by"}},
		{"curve outside the plot, one good spec beside", map[string]string{"a.yaml": "kind: sigmoid\ny_range: [5, 6]\n", "b.yaml": "kind: step\n"},
			[]string{"a.yaml:2:10: y_range: nothing of the curve"}},
		{"a value of a data file that is not a number", map[string]string{"a.yaml": "kind: plot\nlayers:\n  - data: d.csv\n", "d.csv": "x,y\n1,2\n2,two\n"},
			[]string{"d.csv:3:3: column \"y\": \"two\" is not a number"}},
		{"a data file outside the spec's folder", map[string]string{"a.yaml": "kind: plot\nlayers:\n  - data: ../d.csv\n"},
			[]string{"a.yaml:3:11: layers[0].data: \"../d.csv\" leaves the spec's folder"}},
		{"too many specimen lines", map[string]string{"a.yaml": "kind: specimen\nheight: 200\nlines: [" + strings.Repeat("줄, ", 20) + "끝]\n"},
			[]string{"a.yaml:3:8: lines: 21 lines need"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			specs := specDir(t, tc.specs)
			out := t.TempDir()
			keep := filepath.Join(out, "a.png")
			if err := os.WriteFile(keep, []byte("existing"), 0o644); err != nil {
				t.Fatal(err)
			}
			before := snapshot(t, out)
			for _, cmd := range []string{"render", "check", "validate"} {
				args := []string{cmd, "--out", out, specs}
				if cmd == "validate" {
					args = []string{cmd, specs}
				}
				code, _, stderr := figgen(t, args...)
				if code != 2 {
					t.Errorf("%s: exit %d, want 2; stderr:\n%s", cmd, code, stderr)
				}
				for _, w := range tc.want {
					if !strings.Contains(stderr, w) {
						t.Errorf("%s: stderr lacks %q:\n%s", cmd, w, stderr)
					}
				}
			}
			after := snapshot(t, out)
			if len(after) != len(before) || after[keep] != "existing" {
				t.Errorf("invalid specs changed the out dir: %v", after)
			}
		})
	}
}

func TestUsage(t *testing.T) {
	tests := []struct {
		name string
		args []string
		code int
		want string
	}{
		{"no such path", []string{"render", "--out", t.TempDir(), "nowhere/x.yaml"}, 2, "no such spec file or folder"},
		{"unknown flag", []string{"render", "--bogus"}, 2, "bogus"},
		{"unknown command", []string{"draw"}, 2, "unknown command"},
		{"help", []string{"--help"}, 0, "render"},
		{"help command", []string{"help", "check"}, 0, "stale"},
		{"version", []string{"--version"}, 0, "figgen version"},
		{"flag after path", []string{"render", "specs", "--out", "x"}, 2, "flag --out after PATH"},
		{"out is a file", []string{"check", "--out", "main.go", "../../specs"}, 2, "--out main.go is a file"},
		{"misnamed folder defaults", []string{"validate", "testdata/misnamed"}, 2, "folder defaults go in figgen.yaml"},
		{"render help", []string{"render", "--help"}, 0, "Exit 2"},
		{"check help", []string{"check", "--help"}, 0, "exits 1"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			code, stdout, stderr := figgen(t, tc.args...)
			if code != tc.code {
				t.Errorf("exit %d, want %d; stderr:\n%s", code, tc.code, stderr)
			}
			if !strings.Contains(stdout+stderr, tc.want) {
				t.Errorf("output lacks %q:\nstdout:\n%s\nstderr:\n%s", tc.want, stdout, stderr)
			}
		})
	}
}

// TestRepoSpecs keeps the committed out/ fresh: it is what CI's
// `figgen check specs/` asserts, run here too so `go test` catches it.
func TestRepoSpecs(t *testing.T) {
	if code, _, stderr := figgen(t, "check", "--out", "../../out", "../../specs"); code != 0 {
		t.Errorf("figgen check specs/: exit %d\n%s", code, stderr)
	}
}

func pngWidth(t *testing.T, path string) int {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil || len(b) < 24 {
		t.Fatalf("read %s: %v", path, err)
	}
	return int(b[16])<<24 | int(b[17])<<16 | int(b[18])<<8 | int(b[19])
}

func TestFolderDefaults(t *testing.T) {
	specs := specDir(t, map[string]string{
		"figgen.yaml": "width: 640\nformats: [png]\nkinds:\n  sigmoid:\n    formula: ''\n",
		"a.yaml":      "kind: sigmoid\n",
		"b.yaml":      "kind: step\nwidth: 700\n",
	})
	out := t.TempDir()
	if code, _, stderr := figgen(t, "render", "--out", out, specs); code != 0 {
		t.Fatalf("render: exit %d\n%s", code, stderr)
	}
	if w := pngWidth(t, filepath.Join(out, "a.png")); w != 640 {
		t.Errorf("a.png is %d px wide, figgen.yaml says 640", w)
	}
	if w := pngWidth(t, filepath.Join(out, "b.png")); w != 700 {
		t.Errorf("b.png is %d px wide, its spec says 700", w)
	}
	if _, err := os.Stat(filepath.Join(out, "a.svg")); err == nil {
		t.Errorf("a.svg written, figgen.yaml asks for png only")
	}
	// One spec file alone gets its folder's defaults too: same bytes.
	if code, _, stderr := figgen(t, "check", "--out", out, filepath.Join(specs, "a.yaml")); code != 0 {
		t.Errorf("check of one spec: exit %d\n%s", code, stderr)
	}
	if code, _, stderr := figgen(t, "render", "--out", out, filepath.Join(specs, "figgen.yaml")); code != 2 || !strings.Contains(stderr, "folder defaults") {
		t.Errorf("figgen.yaml as a spec: exit %d\n%s", code, stderr)
	}
}

func TestBadFolderDefaults(t *testing.T) {
	specs := specDir(t, map[string]string{
		"figgen.yaml": "widht: 640\nkinds:\n  sigmoid:\n    formula: '$\\sigam$'\n",
		"a.yaml":      "kind: sigmoid\n",
		"b.yaml":      "kind: sigmoid\n",
	})
	code, _, stderr := figgen(t, "validate", specs)
	if code != 2 {
		t.Fatalf("exit %d, want 2\n%s", code, stderr)
	}
	cfg := filepath.Join(specs, "figgen.yaml")
	if !strings.Contains(stderr, cfg+`:1:1: unknown field "widht" (did you mean "width"?)`) {
		t.Errorf("stderr lacks the unknown field in figgen.yaml:\n%s", stderr)
	}

	// Bad math in a valid default is reported once, at figgen.yaml, not
	// once per spec it applies to.
	if err := os.WriteFile(cfg, []byte("kinds:\n  sigmoid:\n    formula: '$\\sigam$'\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, stderr = figgen(t, "validate", specs)
	if code != 2 || strings.Count(stderr, "unknown command") != 1 || !strings.Contains(stderr, cfg+":3:16:") {
		t.Errorf("bad math in figgen.yaml: exit %d, want one error at %s:3:16\n%s", code, cfg, stderr)
	}
	// Even when no spec of the folder uses that default.
	os.Remove(filepath.Join(specs, "a.yaml"))
	os.WriteFile(filepath.Join(specs, "b.yaml"), []byte("kind: step\n"), 0o644)
	code, _, stderr = figgen(t, "validate", specs)
	if code != 2 || !strings.Contains(stderr, cfg+":3:16:") {
		t.Errorf("bad math in figgen.yaml: exit %d, want one error at %s:3:16\n%s", code, cfg, stderr)
	}
}

// TestOptimizeThenCheck: check --optimize accepts what render --optimize
// wrote; check without it finds the PNGs stale and says why, and the
// other way round.
func TestOptimizeThenCheck(t *testing.T) {
	specs := specDir(t, goodSpecs)
	out := filepath.Join(t.TempDir(), "out")
	plainOut := filepath.Join(t.TempDir(), "plain")
	if code, _, stderr := figgen(t, "render", "--optimize", "--out", out, specs); code != 0 {
		t.Fatalf("render --optimize: exit %d\n%s", code, stderr)
	}
	if code, _, stderr := figgen(t, "render", "--out", plainOut, specs); code != 0 {
		t.Fatalf("render: exit %d\n%s", code, stderr)
	}
	opt, plain := snapshot(t, out), snapshot(t, plainOut)
	for _, f := range []string{"step.png", "sigmoid.png"} {
		if o, p := opt[filepath.Join(out, f)], plain[filepath.Join(plainOut, f)]; len(o) == 0 || len(o) >= len(p) {
			t.Errorf("%s: %d bytes optimized, %d not", f, len(o), len(p))
		}
	}
	if code, _, stderr := figgen(t, "check", "--optimize", "--out", out, specs); code != 0 {
		t.Fatalf("check --optimize after render --optimize: exit %d\n%s", code, stderr)
	}
	code, _, stderr := figgen(t, "check", "--out", out, specs)
	if want := filepath.Join(out, "step.png") + ": stale: the same pixels in other bytes (rendered with --optimize? check it so)"; code != 1 || !strings.Contains(stderr, want) {
		t.Errorf("check of optimized files: exit %d, stderr lacks %q:\n%s", code, want, stderr)
	}
	if strings.Contains(stderr, ".svg") {
		t.Errorf("check of optimized files names an SVG:\n%s", stderr)
	}
	code, _, stderr = figgen(t, "check", "--optimize", "--out", plainOut, specs)
	for _, want := range []string{"(rendered without --optimize? check it so)", "; run figgen render --optimize --out " + plainOut} {
		if code != 1 || !strings.Contains(stderr, want) {
			t.Errorf("check --optimize of plain files: exit %d, stderr lacks %q:\n%s", code, want, stderr)
		}
	}
}

package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestExpand prints the plot of a preset, which renders the preset's
// files; a spec of another kind is a positioned error, exit 2, nothing
// written.
func TestExpand(t *testing.T) {
	dir := specDir(t, map[string]string{
		"step.yaml": "kind: step\nthreshold: 1\nthreshold_label: '$\\theta$'\nx_range: [-2, 4]\n",
		"unit.yaml": "# a unit\nkind: unit\n",
	})
	code, out, errs := figgen(t, "expand", filepath.Join(dir, "step.yaml"))
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	for _, want := range []string{"kind: plot\n", "output: step\n", "x_ticks: [{at: 1, label: '$\\theta$'}]\n", "params: {theta: 1}\n", "  - function: 'step(z - theta)'\n    var: z\n    jumps: dots\n"} {
		if !strings.Contains(out, want) {
			t.Errorf("expansion lacks %q:\n%s", want, out)
		}
	}
	// Saved beside it under another name, it renders the preset's files.
	if err := os.WriteFile(filepath.Join(dir, "plot.yml"), []byte(out), 0o644); err != nil {
		t.Fatal(err)
	}
	a, b := t.TempDir(), t.TempDir()
	if code, _, errs := figgen(t, "render", "--out", a, filepath.Join(dir, "step.yaml")); code != 0 {
		t.Fatal(errs)
	}
	if code, _, errs := figgen(t, "render", "--out", b, filepath.Join(dir, "plot.yml")); code != 0 {
		t.Fatal(errs)
	}
	for _, name := range []string{"step.png", "step.svg"} {
		x, _ := os.ReadFile(filepath.Join(a, name))
		y, _ := os.ReadFile(filepath.Join(b, name))
		if len(x) == 0 || string(x) != string(y) {
			t.Errorf("%s: the expansion renders other bytes than the preset", name)
		}
	}
	before := snapshot(t, dir)
	code, out, errs = figgen(t, "expand", filepath.Join(dir, "unit.yaml"))
	if code != 2 || out != "" || !strings.Contains(errs, "unit.yaml:2:7: kind unit is not a plot nor a preset of one (bias-shift, sigmoid, step, threshold-plane)") {
		t.Errorf("expand of a unit: exit %d, stdout %q, stderr %q", code, out, errs)
	}
	if after := snapshot(t, dir); len(after) != len(before) {
		t.Errorf("expand wrote files")
	}
}

// TestExpandFolderDefaults saves expansions in a folder whose figgen.yaml
// sets defaults for plot: each renders its spec's bytes there, the
// folder's values replacing neither what a preset draws nor a plot's own
// values equal to the built-in defaults.
func TestExpandFolderDefaults(t *testing.T) {
	dir := specDir(t, map[string]string{
		"figgen.yaml":  "kinds:\n  plot:\n    aspect: equal\n    grid: false\n    x_label: '$t$'\n    legend: none\n    x_range: [-1, 1]\n",
		"step.yaml":    "kind: step\nthreshold: 1\nx_range: [-2, 4]\n",
		"sigmoid.yaml": "kind: sigmoid\n",
		"bias.yaml":    "kind: bias-shift\n",
		"own.yaml":     "kind: plot\naspect: auto\nx_label: '$x$'\ngrid: true\nx_range: [-3, 3]\nlayers:\n  - function: 'x*x'\n    label: 'square'\n",
	})
	for _, name := range []string{"step", "sigmoid", "bias", "own"} {
		code, out, errs := figgen(t, "expand", filepath.Join(dir, name+".yaml"))
		if code != 0 {
			t.Fatalf("expand %s: exit %d: %s", name, code, errs)
		}
		saved := filepath.Join(dir, "expanded-"+name+".yml")
		if err := os.WriteFile(saved, []byte(out), 0o644); err != nil {
			t.Fatal(err)
		}
		a, b := t.TempDir(), t.TempDir()
		if code, _, errs := figgen(t, "render", "--out", a, filepath.Join(dir, name+".yaml")); code != 0 {
			t.Fatal(errs)
		}
		if code, _, errs := figgen(t, "render", "--out", b, saved); code != 0 {
			t.Errorf("%s's expansion in the folder:\n%s\n%s", name, out, errs)
		}
		for _, f := range []string{name + ".png", name + ".svg"} {
			x, _ := os.ReadFile(filepath.Join(a, f))
			y, _ := os.ReadFile(filepath.Join(b, f))
			if len(x) == 0 || string(x) != string(y) {
				t.Errorf("%s: the expansion saved in the folder renders other bytes than the spec:\n%s", f, out)
			}
		}
		if err := os.Remove(saved); err != nil {
			t.Fatal(err)
		}
	}
	// Automatic ticks have no YAML but none: the folder's would replace them.
	dir = specDir(t, map[string]string{
		"figgen.yaml": "kinds:\n  plot:\n    x_ticks: [1]\n",
		"step.yaml":   "kind: step\n",
	})
	before := snapshot(t, dir)
	code, out, errs := figgen(t, "expand", filepath.Join(dir, "step.yaml"))
	if code != 2 || out != "" || !strings.Contains(errs, "step.yaml:1:7: the expansion cannot keep the automatic x_ticks: saved in this folder it would take its figgen.yaml's defaults for plot") {
		t.Errorf("expand with folder x_ticks: exit %d, stdout %q, stderr %q", code, out, errs)
	}
	if after := snapshot(t, dir); len(after) != len(before) {
		t.Errorf("expand wrote files")
	}
}

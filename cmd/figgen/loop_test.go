package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestShardsMakeOneRun: the outputs the shards of a folder write together
// are those of one full run, each written by one shard.
func TestShardsMakeOneRun(t *testing.T) {
	files := map[string]string{}
	for _, n := range []string{"a", "b", "c", "d", "e", "f"} {
		files[n+".yaml"] = "kind: step\nformats: [svg]\n"
	}
	specs := specDir(t, files)
	written := func(args ...string) []string {
		out := t.TempDir()
		code, stdout, stderr := figgen(t, append(append([]string{"render", "--json", "--out", out}, args...), specs)...)
		var rep report
		if err := json.Unmarshal([]byte(stdout), &rep); code != 0 || err != nil {
			t.Fatalf("render %v: exit %d %v\n%s", args, code, err, stderr)
		}
		return rep.Written
	}
	full := written()
	var union []string
	for k := 1; k <= 3; k++ {
		union = append(union, written("--shard", string(rune('0'+k))+"/3")...)
	}
	slices.Sort(full)
	slices.Sort(union)
	if !slices.Equal(full, union) {
		t.Errorf("shards wrote %v; a full run %v", union, full)
	}
	for _, bad := range []string{"0/3", "4/3", "x", "1/0"} {
		if code, _, _ := figgen(t, "render", "--shard", bad, specs); code != 2 {
			t.Errorf("--shard %s: exit %d, want 2", bad, code)
		}
	}
}

// TestCheckPost: check --post reports, at the post's positions, images no
// spec produces, stale ones, links leaving the out dir and empty alt texts.
func TestCheckPost(t *testing.T) {
	specs := specDir(t, map[string]string{"a.yaml": "kind: step\n", "b.yaml": "kind: sigmoid\n"})
	out := t.TempDir()
	if code, _, stderr := figgen(t, "render", "--out", out, specs); code != 0 {
		t.Fatal(stderr)
	}
	post := filepath.Join(t.TempDir(), "post.md")
	mustWrite(t, post, "# 글\n\n본문 ![계단](a.png) 그리고\n\n![](b.png)\n\n![없음](c.png)\n\n![밖](../x.png)\n\n![웹](https://example.com/x.png)\n")
	code, stdout, _ := figgen(t, "check", "--post", post, "--out", out, specs)
	for _, want := range []string{post + ":7:1: c.png: no spec produces it", post + ":9:1: ../x.png leaves the out dir", "warning: " + post + ":5:1: b.png: no alt text"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("lacks %q:\n%s", want, stdout)
		}
	}
	if code != 1 {
		t.Errorf("exit %d, want 1", code)
	}
	mustWrite(t, post, "본문 ![계단](a.png)\n")
	if code, stdout, _ := figgen(t, "check", "--post", post, "--out", out, specs); code != 0 || !strings.Contains(stdout, "note: "+post+": figure b is not shown in the post") {
		t.Errorf("exit %d\n%s", code, stdout)
	}
	mustWrite(t, filepath.Join(specs, "a.yaml"), "kind: step\nthreshold: 1\n")
	diff := t.TempDir()
	code, stdout, _ = figgen(t, "check", "--post", post, "--diff", diff, "--out", out, specs)
	if code != 1 || !strings.Contains(stdout, post+":1:4: a.png: stale") {
		t.Errorf("stale: exit %d\n%s", code, stdout)
	}
	for _, f := range []string{"a.old.png", "a.new.png", "a.diff.png", "a.old.svg", "a.new.svg"} {
		if _, err := os.Stat(filepath.Join(diff, f)); err != nil {
			t.Errorf("--diff: %v", err)
		}
	}
	for _, bad := range []string{filepath.Join(t.TempDir(), "none.md"), specs} {
		if code, _, _ := figgen(t, "check", "--post", bad, "--out", out, specs); code != 2 {
			t.Errorf("--post %s: exit %d, want 2", bad, code)
		}
	}
	notMD := filepath.Join(t.TempDir(), "post.txt")
	mustWrite(t, notMD, "![a](a.png)")
	if code, _, _ := figgen(t, "check", "--post", notMD, "--out", out, specs); code != 2 {
		t.Errorf("--post post.txt: exit %d, want 2", code)
	}
}

//go:build linux || darwin

package main

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/creack/pty"
)

// TestProgressOnTerminal drives a render with stderr on a real terminal
// (a pseudo-terminal): one line, rewritten in place, counting the outputs
// up to the total, and cleared at the end; with stderr in a file or a
// pipe, as in a CI log, not a byte of it.
func TestProgressOnTerminal(t *testing.T) {
	specs := map[string]string{}
	for _, n := range []string{"a", "b", "c", "d", "e", "f", "g", "h"} {
		specs[n+".yaml"] = "kind: step\nformats: [svg]\n"
	}
	dir := specDir(t, specs) // 8 outputs: a long run

	master, tty, err := pty.Open()
	if err != nil {
		t.Skipf("no pseudo-terminal here: %v", err)
	}
	defer master.Close()
	seen := make(chan []byte)
	go func() {
		b, _ := io.ReadAll(master) // until the terminal is closed
		seen <- b
	}()
	code := run(context.Background(), []string{"figgen", "render", "--out", filepath.Join(t.TempDir(), "out"), dir}, io.Discard, tty)
	tty.Close()
	got := string(<-seen)
	if code != 0 {
		t.Fatalf("render: exit %d\n%q", code, got)
	}
	steps := regexp.MustCompile(`\r\x1b\[Kfiggen: rendering (\d+)/8`).FindAllStringSubmatch(got, -1)
	if len(steps) < 8 || steps[0][1] != "1" || steps[len(steps)-1][1] != "8" {
		t.Errorf("progress on a terminal: %q", got)
	}
	if !strings.HasSuffix(got, "\r\x1b[K") || strings.Contains(got, "\n") {
		t.Errorf("the progress line is not one line cleared at the end: %q", got)
	}

	// A file and a pipe: nothing.
	f, err := os.Create(filepath.Join(t.TempDir(), "log"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	for _, stderr := range []*os.File{f, w} {
		if code := run(context.Background(), []string{"figgen", "render", "--out", filepath.Join(t.TempDir(), "out"), dir}, io.Discard, stderr); code != 0 {
			t.Fatalf("render: exit %d", code)
		}
	}
	w.Close()
	piped, _ := io.ReadAll(r)
	logged, _ := os.ReadFile(f.Name())
	if len(piped) > 0 || len(logged) > 0 {
		t.Errorf("progress in a pipe %q or a file %q", piped, logged)
	}
}

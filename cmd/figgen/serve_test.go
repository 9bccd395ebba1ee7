package main

import (
	"context"
	"io"
	"net"
	"net/http"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"
)

func TestServePortInUse(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	addr := ln.Addr().String()
	code, stdout, stderr := figgen(t, "serve", "--addr", addr, specDir(t, goodSpecs))
	if want := "figgen serve: listen " + addr + ": address already in use\n"; code != 2 || stderr != want || stdout != "" {
		t.Errorf("exit %d, stdout %q, stderr %q; want 2 and %q", code, stdout, stderr, want)
	}
}

func TestServeUsage(t *testing.T) {
	specs := specDir(t, goodSpecs)
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"serve", "--addr", "127.0.0.1:0", specs, specs}, "figgen serve: one PATH at most, not 2"},
		{[]string{"serve", "--addr", "127.0.0.1:0", specs + "/nope"}, "no such spec file or folder"},
		{[]string{"serve", "--addr", "127.0.0.1:99999", specs}, "figgen serve: listen 127.0.0.1:99999: "},
		{[]string{"serve", "--addr", "nohost", specs}, "figgen serve: listen nohost: "},
	} {
		code, _, stderr := figgen(t, tc.args...)
		if code != 2 || !strings.Contains(stderr, tc.want) {
			t.Errorf("%q: exit %d, stderr %q; want 2 and %q", tc.args, code, stderr, tc.want)
		}
	}
}

// syncBuffer is a bytes.Buffer safe for a writer and a reader at once.
type syncBuffer struct {
	mu sync.Mutex
	b  strings.Builder
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// TestServeStops: serve answers, and a cancelled context (Ctrl-C) stops
// it cleanly, an open event stream included, with exit 0.
func TestServeStops(t *testing.T) {
	specs := specDir(t, map[string]string{"a.yaml": "kind: sigmoid\n", "b.yaml": "kind: step\nwidth: 10\n"})
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var stdout, stderr syncBuffer
	done := make(chan int, 1)
	go func() {
		done <- run(ctx, []string{"figgen", "serve", "--addr", "127.0.0.1:0", specs}, &stdout, &stderr)
	}()
	addr := regexp.MustCompile(`at (http://127\.0\.0\.1:\d+/) `)
	var url string
	for i := 0; url == ""; i++ {
		if m := addr.FindStringSubmatch(stdout.String()); m != nil {
			url = m[1]
		} else if i == 200 {
			t.Fatalf("no address in %q", stdout.String())
		}
		time.Sleep(25 * time.Millisecond)
	}
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	page, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || !strings.Contains(string(page), "a.yaml") {
		t.Fatalf("GET %s: %d\n%s", url, resp.StatusCode, page)
	}
	events, err := http.Get(url + "events")
	if err != nil {
		t.Fatal(err)
	}
	defer events.Body.Close()
	cancel()
	select {
	case code := <-done:
		if code != 0 {
			t.Errorf("exit %d after Ctrl-C, stderr %q", code, stderr.String())
		}
	case <-time.After(10 * time.Second):
		t.Fatal("serve did not stop on Ctrl-C")
	}
	out := stdout.String()
	if !strings.Contains(out, "rendered 2 specs in ") || !strings.Contains(out, "; 1 with errors") || !strings.HasSuffix(out, "figgen serve: stopped\n") {
		t.Errorf("stdout:\n%s", out)
	}
	if !strings.Contains(stderr.String(), "b.yaml:2:8: width") {
		t.Errorf("stderr lacks the broken spec's error:\n%s", stderr.String())
	}
	if _, err := io.ReadAll(events.Body); err != nil {
		t.Errorf("event stream: %v", err)
	}
}

package serve

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"image/png"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// specFolder writes the given specs (name → YAML) into a fresh folder.
func specFolder(t *testing.T, specs map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, body := range specs {
		writeSpec(t, filepath.Join(dir, name), body)
	}
	return dir
}

// writeSpec saves a spec as editors do: a new file renamed over the old.
func writeSpec(t *testing.T, path, body string) {
	t.Helper()
	tmp := filepath.Join(filepath.Dir(path), "."+filepath.Base(path)+".swp")
	if err := os.WriteFile(tmp, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(tmp, path); err != nil {
		t.Fatal(err)
	}
}

// rendered returns a server for dir after its first render, without
// watching or listening.
func rendered(t *testing.T, dir string) *Server {
	t.Helper()
	s := New(Options{Path: dir})
	s.refresh(context.Background(), nil, true)
	return s
}

func get(t *testing.T, h http.Handler, method, target string) *httptest.ResponseRecorder {
	t.Helper()
	req := httptest.NewRequest(method, target, nil)
	req.Host = "127.0.0.1:8080"
	w := httptest.NewRecorder()
	h.ServeHTTP(w, req)
	return w
}

const (
	goodSpec = "kind: sigmoid\nwidth: 640\nalt: An S curve.\n"
	badSpec  = "kind: sigmoid\nwidth: 10\n"
)

func TestPage(t *testing.T) {
	dir := specFolder(t, map[string]string{
		"a.yaml": goodSpec,
		"b.yaml": "kind: step\noutput: post/b\nalt: A step <b>.\n",
		"c.yaml": badSpec,
		"d.yaml": "kind: step\noutput: A\n",
	})
	s := rendered(t, dir)
	h := s.Handler(true)
	w := get(t, h, "GET", "/")
	if w.Code != 200 || w.Header().Get("Content-Type") != "text/html; charset=utf-8" {
		t.Fatalf("GET /: %d %s", w.Code, w.Header().Get("Content-Type"))
	}
	page := w.Body.String()
	for _, want := range []string{
		`data-spec="` + filepath.Join(dir, "a.yaml") + `"`,
		`alt="An S curve."`,
		`<p class="alt">A step &lt;b&gt;.</p>`, // escaped
		`src="/out/a.png?v=`,
		`src="/out/post/b.png?v=`,
		`href="/out/post/b.svg?v=`,
		// The broken spec's positioned error, in place of its figure.
		filepath.Join(dir, "c.yaml") + `:2:8: width`,
		// Two specs writing one file, as render would refuse.
		filepath.Join(dir, "d.yaml") + `: output &#34;A.png&#34; is also written by ` + filepath.Join(dir, "a.yaml"),
	} {
		if !strings.Contains(page, want) {
			t.Errorf("page lacks %q", want)
		}
	}
	if strings.Contains(page, "<b>.") {
		t.Error("alt text not escaped")
	}
}

func TestFiles(t *testing.T) {
	dir := specFolder(t, map[string]string{"a.yaml": goodSpec, "b.yaml": "kind: step\noutput: post/b\n"})
	if err := os.Symlink("/etc/passwd", filepath.Join(dir, "link.png")); err != nil {
		t.Fatal(err)
	}
	s := rendered(t, dir)
	h := s.Handler(true)

	w := get(t, h, "GET", "/out/a.png")
	if w.Code != 200 || w.Header().Get("Content-Type") != "image/png" {
		t.Fatalf("GET /out/a.png: %d %s", w.Code, w.Header().Get("Content-Type"))
	}
	img, err := png.Decode(w.Body)
	if err != nil || img.Bounds().Dx() != 640 {
		t.Fatalf("a.png: %v, %v", err, img)
	}
	etag := w.Header().Get("ETag")
	req := httptest.NewRequest("GET", "/out/a.png", nil)
	req.Host = "localhost:8080"
	req.Header.Set("If-None-Match", etag)
	w = httptest.NewRecorder()
	h.ServeHTTP(w, req)
	if w.Code != http.StatusNotModified {
		t.Errorf("GET with If-None-Match %s: %d, want 304", etag, w.Code)
	}
	if w := get(t, h, "GET", "/out/post/b.svg"); w.Code != 200 || w.Header().Get("Content-Type") != "image/svg+xml" || !bytes.HasPrefix(w.Body.Bytes(), []byte("<?xml")) {
		t.Errorf("GET /out/post/b.svg: %d %s", w.Code, w.Header().Get("Content-Type"))
	}

	for target, code := range map[string]int{
		"/out/../a.yaml":         400,
		"/out/%2e%2e/a.yaml":     400,
		"/out/..%2fa.yaml":       400,
		"/out/post%2fb.png":      400, // an encoded slash is no folder
		"/out/post%2Fb.png":      400,
		"/out/post%5cb.png":      400,
		"/out/post\\b.png":       400,
		"/out//a.png":            400,
		"/out/./a.png":           400,
		"/out/a.png/":            400,
		"/out/a.png%00":          400,
		"/out/a.yaml":            404, // a file of the folder, not an output
		"/out/link.png":          404, // a link in the folder
		"/a.yaml":                404,
		"/out/":                  400,
		"/out/nope.png":          404,
		"/index.html":            404,
		"/out/post/../a.png":     400,
		"/out/post/%2e%2e/a.png": 400,
	} {
		if w := get(t, h, "GET", target); w.Code != code {
			t.Errorf("GET %s: %d, want %d", target, w.Code, code)
		}
	}

	for _, m := range []string{"POST", "PUT", "DELETE", "HEAD", "OPTIONS"} {
		if w := get(t, h, m, "/out/a.png"); w.Code != http.StatusMethodNotAllowed || w.Header().Get("Allow") != "GET" {
			t.Errorf("%s /out/a.png: %d, want 405", m, w.Code)
		}
	}

	// A page served from a name of its own that points here is refused.
	for host, code := range map[string]int{"localhost:8080": 200, "[::1]:8080": 200, "127.0.0.2": 200, "evil.example:8080": 403, "192.168.1.5:8080": 403} {
		req := httptest.NewRequest("GET", "/", nil)
		req.Host = host
		w := httptest.NewRecorder()
		h.ServeHTTP(w, req)
		if w.Code != code {
			t.Errorf("Host %s: %d, want %d", host, w.Code, code)
		}
	}
	if w := get(t, s.Handler(false), "GET", "/"); w.Code != 200 {
		t.Errorf("without the loopback check: %d", w.Code)
	}
}

// TestEscapesOnTheWire sends raw request lines, as no browser would, to a
// real server: nothing but an output comes back.
func TestEscapesOnTheWire(t *testing.T) {
	dir := specFolder(t, map[string]string{"a.yaml": goodSpec})
	srv := httptest.NewServer(rendered(t, dir).Handler(true))
	defer srv.Close()
	for _, target := range []string{"/out/../a.yaml", "/out/..%2f..%2fetc%2fpasswd", "/../../etc/passwd", "/out/%2e%2e/%2e%2e/etc/passwd", "/out/a.yaml"} {
		conn, err := net.Dial("tcp", srv.Listener.Addr().String())
		if err != nil {
			t.Fatal(err)
		}
		io.WriteString(conn, "GET "+target+" HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
		resp, err := io.ReadAll(conn)
		conn.Close()
		if err != nil {
			t.Fatal(err)
		}
		status, _, _ := strings.Cut(string(resp), "\r\n")
		if !strings.Contains(status, " 400 ") && !strings.Contains(status, " 404 ") {
			t.Errorf("GET %s: %s", target, status)
		}
		if strings.Contains(string(resp), "kind: sigmoid") || strings.Contains(string(resp), "root:") {
			t.Errorf("GET %s leaked a file:\n%s", target, resp)
		}
	}
}

// sse reads the events of a stream.
type sse struct {
	r *bufio.Reader
}

// next returns the name and data of the next event, skipping comments.
func (e *sse) next(t *testing.T) (name, data string) {
	t.Helper()
	for {
		line, err := e.r.ReadString('\n')
		if err != nil {
			t.Fatalf("event stream: %v", err)
		}
		line = strings.TrimRight(line, "\n")
		switch {
		case line == "" && name != "":
			return name, data
		case strings.HasPrefix(line, "event: "):
			name = line[len("event: "):]
		case strings.HasPrefix(line, "data: "):
			data = line[len("data: "):]
		}
	}
}

// serving runs a server for dir on a loopback port until the test ends.
func serving(t *testing.T, dir string) (url string, s *Server) {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	s = New(Options{Path: dir}) // the default debounce, as an author has it
	done := make(chan error, 1)
	go func() { done <- s.Run(ctx, ln) }()
	t.Cleanup(func() {
		cancel()
		select {
		case err := <-done:
			if err != nil {
				t.Errorf("Run: %v", err)
			}
		case <-time.After(10 * time.Second):
			t.Error("Run did not return after its context was cancelled")
		}
	})
	url = "http://" + ln.Addr().String()
	// Run renders before it serves: wait for the page.
	for i := 0; ; i++ {
		resp, err := http.Get(url + "/")
		if err == nil {
			resp.Body.Close()
			return url, s
		}
		if i == 100 {
			t.Fatal(err)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

type cardMsg struct {
	Spec string `json:"spec"`
	Seq  uint64 `json:"seq"`
	HTML string `json:"html"`
}

func TestEvents(t *testing.T) {
	dir := specFolder(t, map[string]string{"a.yaml": goodSpec, "b.yaml": "kind: step\n"})
	url, _ := serving(t, dir)
	resp, err := http.Get(url + "/events")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if ct := resp.Header.Get("Content-Type"); ct != "text/event-stream" {
		t.Fatalf("Content-Type %q", ct)
	}
	events := &sse{r: bufio.NewReader(resp.Body)}
	name, data := events.next(t)
	if name != "hello" || !regexp.MustCompile(`^[0-9a-f]{16} 1$`).MatchString(data) {
		t.Fatalf("first event %s %q, want hello ID 1", name, data)
	}
	a := filepath.Join(dir, "a.yaml")
	src := regexp.MustCompile(`src="/out/a\.png\?v=[0-9a-f]+"`)
	figure := func() cardMsg {
		t.Helper()
		name, data := events.next(t)
		var m cardMsg
		if name != "figure" || json.Unmarshal([]byte(data), &m) != nil || m.Spec != a {
			t.Fatalf("event %s %q, want figure of %s", name, data, a)
		}
		return m
	}

	// An edit: the new image, under a new URL.
	page, _ := http.Get(url + "/")
	before, _ := io.ReadAll(page.Body)
	page.Body.Close()
	oldSrc := src.FindString(string(before))
	writeSpec(t, a, strings.Replace(goodSpec, "640", "720", 1))
	m := figure()
	newSrc := src.FindString(m.HTML)
	if m.Seq != 2 || newSrc == "" || newSrc == oldSrc || strings.Contains(m.HTML, `class="error"`) {
		t.Fatalf("after an edit: seq %d, src %q (was %q):\n%s", m.Seq, newSrc, oldSrc, m.HTML)
	}
	img, err := http.Get(url + strings.TrimSuffix(strings.TrimPrefix(newSrc, `src="`), `"`))
	if err != nil {
		t.Fatal(err)
	}
	cfg, err := png.DecodeConfig(img.Body)
	img.Body.Close()
	if err != nil || cfg.Width != 720 {
		t.Fatalf("new image: %v, width %d, want 720", err, cfg.Width)
	}

	// Broken: the error in place of the figure, the last good image kept.
	writeSpec(t, a, badSpec)
	m = figure()
	if !strings.Contains(m.HTML, a+":2:8: width") || src.FindString(m.HTML) != newSrc {
		t.Fatalf("after breaking the spec:\n%s", m.HTML)
	}
	// Fixed: the figure is back.
	writeSpec(t, a, goodSpec)
	m = figure()
	if strings.Contains(m.HTML, `class="error"`) || src.FindString(m.HTML) != oldSrc {
		t.Fatalf("after fixing the spec:\n%s", m.HTML)
	}

	// Folder defaults re-render every spec of the folder.
	writeSpec(t, filepath.Join(dir, "figgen.yaml"), "height: 400\n")
	seen := map[string]bool{}
	for range 2 {
		name, data := events.next(t)
		var m cardMsg
		json.Unmarshal([]byte(data), &m)
		seen[name+" "+filepath.Base(m.Spec)] = true
	}
	if !seen["figure a.yaml"] || !seen["figure b.yaml"] {
		t.Errorf("after figgen.yaml changed: %v", seen)
	}

	// A new spec: the page reloads.
	writeSpec(t, filepath.Join(dir, "c.yaml"), "kind: step\n")
	if name, _ := events.next(t); name != "reload" {
		t.Errorf("after a new spec: event %s, want reload", name)
	}
	if page, err := http.Get(url + "/"); err != nil {
		t.Fatal(err)
	} else {
		body, _ := io.ReadAll(page.Body)
		page.Body.Close()
		if !strings.Contains(string(body), filepath.Join(dir, "c.yaml")) {
			t.Error("the page lacks the new spec")
		}
	}
}

// TestUnchanged: saving a spec without changing it sends nothing.
func TestUnchanged(t *testing.T) {
	dir := specFolder(t, map[string]string{"a.yaml": goodSpec, "b.yaml": "kind: step\n"})
	url, _ := serving(t, dir)
	resp, err := http.Get(url + "/events")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	events := &sse{r: bufio.NewReader(resp.Body)}
	events.next(t) // hello
	writeSpec(t, filepath.Join(dir, "a.yaml"), goodSpec)
	writeSpec(t, filepath.Join(dir, "b.yaml"), "kind: step\nwidth: 700\n")
	name, data := events.next(t)
	var m cardMsg
	json.Unmarshal([]byte(data), &m)
	if name != "figure" || filepath.Base(m.Spec) != "b.yaml" {
		t.Errorf("event %s of %s, want figure of b.yaml only", name, m.Spec)
	}
}

package serve

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// chromium returns the path of a Chromium or Chrome, or "" when there is
// none.
func chromium() string {
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "headless-shell"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// TestBrowser drives a real headless Chromium: it loads the page, edits a
// spec on disk and waits for the new image, breaks the spec and sees the
// error in place of the figure with the last good image kept, then fixes
// it and sees the figure back. In CI (CI set) a missing Chromium fails the
// test rather than skipping it.
func TestBrowser(t *testing.T) {
	chrome := chromium()
	if chrome == "" {
		if ci := os.Getenv("CI"); ci != "" && ci != "false" {
			t.Fatal("no Chromium found, and CI is set: the browser test must run in CI (apt-get install chromium)")
		}
		t.Skip("no Chromium found (chromium, chromium-browser, google-chrome on PATH): install Debian's chromium to run the browser test")
	}
	dir := specFolder(t, map[string]string{"a.yaml": goodSpec, "b.yaml": "kind: step\nalt: A step.\n"})
	a := filepath.Join(dir, "a.yaml")
	url, _ := serving(t, dir)

	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(chrome),
		chromedp.NoSandbox, // as root in CI
		chromedp.DisableGPU,
		chromedp.WindowSize(1200, 900),
	)
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancelAlloc()
	ctx, cancelBrowser := chromedp.NewContext(actx)
	defer cancelBrowser()
	ctx, cancel := context.WithTimeout(ctx, 20*time.Second)
	defer cancel()

	// card is the JavaScript of a.yaml's card on the page.
	const card = `[...document.querySelectorAll("section.card")].find(c => c.dataset.spec.endsWith("/a.yaml"))`
	// shown is a.yaml's image, once loaded: its width, or 0.
	const shown = `(() => { const i = ` + card + `?.querySelector("img"); return i && i.complete ? i.naturalWidth : 0; })()`
	// errorText is the error shown in a.yaml's card, or "".
	const errorText = `(` + card + `?.querySelector(".error")?.textContent ?? "")`
	wait := func(what, cond string) {
		t.Helper()
		start := time.Now()
		if _, err := chromedp.Run(ctx, chromedp.Poll[bool](cond, chromedp.WithPollingInterval(10*time.Millisecond), chromedp.WithPollingTimeout(5*time.Second))); err != nil {
			html, _ := chromedp.Run(context.WithoutCancel(ctx), chromedp.OuterHTML("main"))
			t.Fatalf("%s: %v; the page:\n%s", what, err, html)
		}
		t.Logf("%s: %v", what, time.Since(start).Round(time.Millisecond))
	}

	if err := chromedp.Do(ctx, chromedp.Navigate(url+"/")); err != nil {
		t.Fatal(err)
	}
	wait("page loaded and live", shown+` === 640 && document.getElementById("status").textContent === "live"`)
	alt, err := chromedp.Run(ctx, chromedp.Evaluate[string](card+`.querySelector("img").alt`))
	if err != nil {
		t.Fatal(err)
	}
	name, err := chromedp.Run(ctx, chromedp.Evaluate[string](card+`.querySelector("h2").textContent`))
	if err != nil {
		t.Fatal(err)
	}
	if alt != "An S curve." || name != a {
		t.Errorf("card shows alt %q and spec %q; want %q and %q", alt, name, "An S curve.", a)
	}

	writeSpec(t, a, strings.Replace(goodSpec, "640", "720", 1))
	wait("edited: the new image shown", shown+` === 720 && `+errorText+` === ""`)

	writeSpec(t, a, badSpec)
	wait("broken: the error shown, the last good image kept", errorText+`.includes("a.yaml:2:8: width") && `+shown+` === 720`)

	writeSpec(t, a, strings.Replace(goodSpec, "640", "600", 1))
	wait("fixed: the figure back", shown+` === 600 && `+errorText+` === ""`)

	// The other figure was left as it was.
	if others, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll("section.card").length`)); err != nil || others != 2 {
		t.Errorf("%d cards on the page (%v), want 2", others, err)
	}
}

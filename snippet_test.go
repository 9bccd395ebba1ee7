package figgen

import (
	"bytes"
	"context"
	"html"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
)

func describe(t *testing.T, files map[string]string, paths ...string) []Figure {
	t.Helper()
	figs, err := Describe(context.Background(), Options{FS: mapFS(files), Paths: paths})
	if err != nil {
		t.Fatal(err)
	}
	return figs
}

func TestSnippetHTML(t *testing.T) {
	figs := describe(t, map[string]string{
		"p/figgen.yaml": "themes: [light, dark]\nscales: [1, 2]\n",
		"p/5.yaml":      "kind: step\nalt: 'a \"step\" <b> & y = 1'\n",
		"p/6.yaml":      "kind: step\nthemes: auto\nformats: [svg]\noutput: 그림 6\n",
		"p/7.yaml":      "kind: step\nformats: [svg, png]\nscales: [1]\nalt: only light\nthemes: light\n",
	}, "p/5.yaml", "p/6.yaml", "p/7.yaml")
	want := []string{
		`<picture>
  <source media="(prefers-color-scheme: dark)" srcset="/i/5.dark.png 1x, /i/5.dark@2x.png 2x">
  <img src="/i/5.png" srcset="/i/5.png 1x, /i/5@2x.png 2x" width="800" height="500" alt="a &#34;step&#34; &lt;b&gt; &amp; y = 1">
</picture>`,
		// The SVG of themes auto follows the page by itself.
		`<img src="/i/%EA%B7%B8%EB%A6%BC%206.svg" width="800" height="500" alt="단위 계단 함수 u(z)의 그래프: z &lt; 0이면 0, z ≥ 0이면 1">`,
		`<img src="/i/7.png" width="800" height="500" alt="only light">`,
	}
	for i, f := range figs {
		got, err := Snippet(f, "html", "/i/")
		if err != nil {
			t.Fatal(err)
		}
		if got != want[i] {
			t.Errorf("%s:\n%s\nwant\n%s", f.Spec, got, want[i])
		}
	}
}

// TestSnippetMarkdown renders a markdown snippet with goldmark: one image,
// its alt text as it was (no link, emphasis or code made of it), its
// name escaped.
func TestSnippetMarkdown(t *testing.T) {
	alt := `a [link](x) *not* emphasis, \ back_slash ` + "`code`" + ` <i> & ~~s~~! 한글`
	figs := describe(t, map[string]string{
		"p/5.yaml": "kind: step\nthemes: dark\nalt: '" + strings.ReplaceAll(alt, "'", "''") + "'\noutput: a (b)/c d\n",
	}, "p/5.yaml")
	md, err := Snippet(figs[0], "markdown", "")
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := goldmark.Convert([]byte(md), &b); err != nil {
		t.Fatal(err)
	}
	want := `<p><img src="a%20%28b%29/c%20d.dark.png" alt="` + html.EscapeString(alt) + `"></p>` + "\n"
	if got := b.String(); got != want {
		t.Errorf("%s renders as\n%s\nwant\n%s", md, got, want)
	}
	if _, err := Snippet(figs[0], "rtf", ""); err == nil {
		t.Error("format rtf: no error")
	}
	pdf := describe(t, map[string]string{"p/5.yaml": "kind: step\nformats: [pdf]\n"}, "p/5.yaml")
	if _, err := Snippet(pdf[0], "markdown", ""); err == nil || !strings.Contains(err.Error(), "no PNG or SVG") {
		t.Errorf("a spec of PDF only: %v", err)
	}
}

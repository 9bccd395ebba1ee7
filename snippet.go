package figgen

import (
	"fmt"
	"html"
	"net/url"
	"strings"

	"github.com/figgen/figgen/figures"
)

// Snippet returns what to paste into a post to show the figure fi, as
// "markdown" (![alt](5.png)) or "html": a <picture> whose <source> holds
// the dark images for a reader whose page is dark (prefers-color-scheme)
// and whose <img> holds the light ones, each with srcset 1x and 2x when
// the spec writes @2x PNGs, width and height, and the alt text. The image
// is the PNG when the spec writes one, else the SVG (an SVG of themes
// auto follows the page by itself). base is put before each file name
// ("/images/post1/"); names are escaped as URL paths, and every text as
// markdown or HTML.
func Snippet(fi Figure, format, base string) (string, error) {
	img := ""
	for _, want := range []string{"png", "svg"} {
		for _, o := range fi.Files {
			if o.Format == want {
				img = want
				break
			}
		}
		if img != "" {
			break
		}
	}
	if img == "" {
		return "", fmt.Errorf("%s writes no PNG or SVG: no image to show in a post", fi.Spec)
	}
	// srcs[theme] lists the theme's images by scale.
	srcs := map[string][]figures.Output{}
	var themes []string
	for _, o := range fi.Files {
		if o.Format != img {
			continue
		}
		th := o.Theme
		if th == "auto" {
			th = "light"
		}
		if _, seen := srcs[th]; !seen {
			themes = append(themes, th)
		}
		srcs[th] = append(srcs[th], o)
	}
	main := themes[0] // light when the spec draws it
	link := func(o figures.Output) string { return base + pathEscape(o.Name) }
	switch format {
	case "markdown", "md":
		return fmt.Sprintf("![%s](%s)", markdownText(fi.Alt), markdownDest(link(srcs[main][0]))), nil
	case "html":
	default:
		return "", fmt.Errorf("unknown snippet format %q (want markdown or html)", format)
	}
	srcset := func(os []figures.Output) string {
		var parts []string
		for _, o := range os {
			parts = append(parts, fmt.Sprintf("%s %dx", link(o), o.Scale))
		}
		return html.EscapeString(strings.Join(parts, ", "))
	}
	var b strings.Builder
	dark := main == "light" && srcs["dark"] != nil
	if dark {
		b.WriteString("<picture>\n")
		fmt.Fprintf(&b, "  <source media=\"(prefers-color-scheme: dark)\" srcset=\"%s\">\n  ", srcset(srcs["dark"]))
	}
	fmt.Fprintf(&b, "<img src=\"%s\"", html.EscapeString(link(srcs[main][0])))
	if len(srcs[main]) > 1 {
		fmt.Fprintf(&b, " srcset=\"%s\"", srcset(srcs[main]))
	}
	fmt.Fprintf(&b, " width=\"%d\" height=\"%d\" alt=\"%s\">", fi.Width, fi.Height, html.EscapeString(fi.Alt))
	if dark {
		b.WriteString("\n</picture>")
	}
	return b.String(), nil
}

// pathEscape escapes each element of the slash-separated name as a URL
// path segment.
func pathEscape(name string) string {
	els := strings.Split(name, "/")
	for i, e := range els {
		els[i] = url.PathEscape(e)
	}
	return strings.Join(els, "/")
}

// markdownText escapes s for the text of a markdown link or image: every
// ASCII punctuation character that could start markup gets a backslash,
// and a line break becomes a space.
func markdownText(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '\n' || r == '\r':
			b.WriteByte(' ')
		case strings.ContainsRune("\\`*_[]<>&~!", r):
			b.WriteByte('\\')
			b.WriteRune(r)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// markdownDest writes a link destination: within <…> when it holds a
// space or parenthesis (escaped as URL paths, names hold none; a base
// may).
func markdownDest(s string) string {
	if strings.ContainsAny(s, " ()<>") {
		return "<" + strings.NewReplacer("<", `\<`, ">", `\>`).Replace(s) + ">"
	}
	return s
}

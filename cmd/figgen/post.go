package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/url"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
)

// maxPostBytes bounds what figgen reads of a post.
const maxPostBytes = 16 << 20

// post is a markdown post whose images check --post checks.
type post struct {
	file   string
	source []byte
	images []postImage
}

// postImage is one image the post shows.
type postImage struct {
	line, col int
	dest, alt string
}

// postFinding is what check --post says of a place of the post.
type postFinding struct {
	File     string `json:"file"`
	Line     int    `json:"line,omitempty"`
	Col      int    `json:"col,omitempty"`
	Severity string `json:"severity"` // error, warning or note
	Message  string `json:"message"`
}

// readPost reads and parses the markdown post p ("" for none): a file
// that is missing, no regular file, not named .md or .markdown, or not
// UTF-8 text is a usage error.
func readPost(p string) (*post, error) {
	if p == "" {
		return nil, nil
	}
	data, err := readRegular(p, maxPostBytes)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil, fail(exitUsage, fmt.Errorf("figgen check: --post %s: no such file", p))
	case err != nil:
		return nil, fail(exitUsage, fmt.Errorf("figgen check: --post %v", err))
	}
	if ext := strings.ToLower(filepath.Ext(p)); ext != ".md" && ext != ".markdown" {
		return nil, fail(exitUsage, fmt.Errorf("figgen check: --post %s: not a markdown file (*.md, *.markdown)", p))
	}
	if !utf8.Valid(data) || bytes.IndexByte(data, 0) >= 0 {
		return nil, fail(exitUsage, fmt.Errorf("figgen check: --post %s: not markdown: not UTF-8 text", p))
	}
	return parsePost(p, data), nil
}

// parsePost finds every image of the markdown source, with its position.
func parsePost(file string, source []byte) *post {
	p := &post{file: file, source: source}
	doc := goldmark.DefaultParser().Parse(text.NewReader(source))
	ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		img, ok := n.(*ast.Image)
		if !entering || !ok {
			return ast.WalkContinue, nil
		}
		off := img.Pos()
		if off < 0 {
			off = blockStart(img)
		}
		line, col := lineCol(source, off)
		p.images = append(p.images, postImage{line: line, col: col, dest: string(img.Destination), alt: plainText(img, source)})
		return ast.WalkSkipChildren, nil
	})
	return p
}

// blockStart returns the offset of the first line of the block holding
// n, or 0.
func blockStart(n ast.Node) int {
	for ; n != nil; n = n.Parent() {
		if n.Type() == ast.TypeBlock && n.Lines().Len() > 0 {
			return n.Lines().At(0).Start
		}
	}
	return 0
}

// plainText returns the text of n's descendants: an image's alt text.
func plainText(n ast.Node, source []byte) string {
	var b strings.Builder
	ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch t := c.(type) {
		case *ast.Text:
			b.Write(t.Segment.Value(source))
			if t.SoftLineBreak() || t.HardLineBreak() {
				b.WriteByte(' ')
			}
		case *ast.String:
			b.Write(t.Value)
		}
		return ast.WalkContinue, nil
	})
	return b.String()
}

// lineCol returns the line and column (in characters, from 1) of the
// byte offset off of source.
func lineCol(source []byte, off int) (int, int) {
	off = min(max(off, 0), len(source))
	before := source[:off]
	line := bytes.Count(before, []byte("\n")) + 1
	start := bytes.LastIndexByte(before, '\n') + 1
	return line, utf8.RuneCount(before[start:]) + 1
}

// outName returns the name under the out dir an image link dest names,
// "" when it names no file of the out dir (a URL, a path from the site's
// root), or an error when it leaves the out dir.
func outName(dest string) (string, error) {
	if dest == "" {
		return "", errors.New("an image with no link")
	}
	if u, err := url.Parse(dest); err == nil && (u.Scheme != "" || u.Host != "") {
		return "", nil
	}
	if strings.HasPrefix(dest, "/") || strings.HasPrefix(dest, "#") {
		return "", nil
	}
	dest, _, _ = strings.Cut(dest, "#")
	dest, _, _ = strings.Cut(dest, "?")
	name, err := url.PathUnescape(dest)
	if err != nil {
		return "", fmt.Errorf("%s: a malformed link (%v)", dest, err)
	}
	if strings.Contains(name, `\`) {
		return "", fmt.Errorf("%s: a link with a backslash; write /", dest)
	}
	clean := path.Clean(name)
	if clean == ".." || strings.HasPrefix(clean, "../") || strings.HasPrefix(clean, "/") {
		return "", fmt.Errorf("%s leaves the out dir", dest)
	}
	return clean, nil
}

// report says, at the post's positions, which of its images no spec
// produces, which are stale, which have no alt text, and (as notes) which
// figures of the run the post does not show. It reports whether any image
// is missing, stale or out of the out dir. The post's links are read as
// names under the out dir, where the post's images are published.
func (p *post) report(w io.Writer, out *outDir, order []string, stale map[string]bool, rep *report) bool {
	bad := false
	say := func(line, col int, severity, format string, args ...any) {
		msg := fmt.Sprintf(format, args...)
		rep.Post = append(rep.Post, postFinding{File: p.file, Line: line, Col: col, Severity: severity, Message: msg})
		prefix := ""
		if severity != "error" {
			prefix = severity + ": "
		}
		if line > 0 {
			fmt.Fprintf(w, "%s%s:%d:%d: %s\n", prefix, p.file, line, col, msg)
		} else {
			fmt.Fprintf(w, "%s%s: %s\n", prefix, p.file, msg)
		}
		if severity == "error" {
			bad = true
		}
	}
	produced := map[string]bool{}
	for _, n := range order {
		produced[n] = true
	}
	linked := map[string]bool{} // figures by output base name
	for _, img := range p.images {
		name, err := outName(img.dest)
		switch {
		case err != nil:
			say(img.line, img.col, "error", "%v", err)
			continue
		case name == "":
			continue
		}
		linked[strings.TrimSuffix(name, path.Ext(name))] = true
		switch {
		case !produced[name]:
			say(img.line, img.col, "error", "%s: no spec produces it", name)
		case stale[name]:
			say(img.line, img.col, "error", "%s: stale in %s", name, out.dir)
		}
		if strings.TrimSpace(img.alt) == "" {
			say(img.line, img.col, "warning", "%s: no alt text", name)
		}
	}
	var unlinked []string
	for _, n := range order {
		base := strings.TrimSuffix(n, path.Ext(n))
		if n != indexName && !linked[base] && !slices.Contains(unlinked, base) {
			unlinked = append(unlinked, base)
		}
	}
	for _, base := range unlinked {
		say(0, 0, "note", "figure %s is not shown in the post", base)
	}
	return bad
}

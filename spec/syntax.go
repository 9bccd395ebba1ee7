package spec

import (
	"bytes"
	"io"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

var yamlLine = regexp.MustCompile(`^yaml: line (\d+): `)

// yamlError records a YAML syntax error at the place of the problem.
//
// The parser names a line, but not always the problem's: for many errors
// it is the 0-based line where the enclosing collection starts ("did not
// find expected key" under a mapping that starts on line 3 says line 2).
// So the problem's line is found by parsing growing prefixes of the file:
// it is the first line whose prefix fails with the same error as the whole
// file; on that line, the column is the one after the longest part that
// still parses.
func (d *decoder) yamlError(err error) {
	full := err.Error()
	msg := strings.TrimPrefix(full, "yaml: ")
	hint := 0
	if m := yamlLine.FindStringSubmatch(full); m != nil {
		hint, _ = strconv.Atoi(m[1])
		msg = full[len(m[0]):]
	}
	pos := d.syntaxPos(full, hint)
	if msg == "found character that cannot start any token" || strings.HasPrefix(msg, "found a tab character") {
		if s, ok := d.lineText(pos.Line); ok {
			indent := s[:len(s)-len(strings.TrimLeft(s, " \t"))]
			if i := strings.IndexByte(indent, '\t'); i >= 0 && (pos.Col == 0 || pos.Col <= len(indent)+1) {
				pos.Col = i + 1
				msg += " (a tab: indent with spaces)"
			}
		}
	}
	if msg == "mapping values are not allowed in this context" {
		msg += ` (a key indented too far, or a value holding ": " to quote)`
	}
	d.errorf(pos, "invalid YAML: %s", msg)
}

// syntaxBudget bounds the bytes syntaxPos parses, so that a large file
// with a syntax error costs no more than a few dozen parses of itself.
const syntaxBudget = 32 << 20

// syntaxPos returns the position of the YAML error full, or the line the
// parser named (hint) when it cannot tell.
func (d *decoder) syntaxPos(full string, hint int) Pos {
	pos := Pos{File: d.file, Line: hint}
	budget := syntaxBudget
	parses := func(n int) error {
		budget -= n
		return parseAll(d.data[:n])
	}
	end := func(line int) int { // offset of the end of the line, its break included
		if line < len(d.lines) {
			return d.lines[line]
		}
		return len(d.data)
	}
	same := func(line int) bool {
		err := parses(end(line))
		return err != nil && err.Error() == full
	}
	// The problem is on the named line or after it; the last line fails
	// as the whole file does. Failing stays failing as lines are added,
	// but for a cut inside a multi-line value: search for the first line.
	lo, hi := max(1, hint-1), len(d.lines)
	if lo > hi || !same(hi) {
		return pos
	}
	for lo < hi && budget > 0 {
		mid := (lo + hi) / 2
		if same(mid) {
			hi = mid
		} else {
			lo = mid + 1
		}
	}
	if lo < hi {
		return pos
	}
	pos.Line = lo
	s, _ := d.lineText(lo)
	start := d.lines[lo-1]
	if len(s) > 1000 {
		return pos
	}
	for c := len(s); c >= 0 && budget > 0; c-- {
		if c < len(s) && !utf8.RuneStart(d.data[start+c]) {
			continue
		}
		if parses(start+c) == nil {
			if c == len(s) {
				c = len(s) - len(strings.TrimLeft(s, " \t")) // the line parses: its break does not
			}
			pos.Col = 1 + utf8.RuneCountInString(s[:c])
			break
		}
	}
	return pos
}

// parseAll parses every document of data and returns the first error.
func parseAll(data []byte) error {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	for {
		var n yaml.Node
		if err := decodeNode(dec, &n); err != nil {
			if err == io.EOF {
				return nil
			}
			return err
		}
	}
}

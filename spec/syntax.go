package spec

import (
	"bytes"
	"io"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// yamlLine is compiled when a spec first has a YAML syntax error.
var yamlLine = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^yaml: line (\d+): `) })

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
	if m := yamlLine().FindStringSubmatch(full); m != nil {
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
	if latex, ok := escapeErrors[msg]; ok {
		// The parser names the line of the opening quote: point at the
		// backslash instead, most likely a LaTeX command.
		if at, quote, ok := d.badEscape(hint, msg); ok {
			pos = d.offsetPos(at)
			if latex {
				q := d.offsetPos(quote)
				msg += "; write LaTeX in single quotes (" + d.singleQuoted(&yaml.Node{Line: q.Line, Column: q.Col}) + ")"
			}
		}
	}
	d.errorf(pos, "invalid YAML: %s", msg)
}

// escapeErrors are the parser's errors for a bad escape in a double-quoted
// scalar, each with whether a LaTeX command is its likely cause ("$\sigma$",
// "$\xi$").
var escapeErrors = map[string]bool{
	"found unknown escape character":              true,
	"did not find expected hexdecimal number":     true,
	"found invalid Unicode character escape code": false,
}

// badEscape finds the escape the parser failed on with msg: the first bad
// escape of the first double-quoted scalar starting on line that has one.
// It returns the offsets of its backslash and of the scalar's opening
// quote.
func (d *decoder) badEscape(line int, msg string) (at, quote int, ok bool) {
	if line < 1 || line > len(d.lines) {
		return 0, 0, false
	}
	data := d.data
	end := len(data)
	if line < len(d.lines) {
		end = d.lines[line]
	}
	prev := byte(0) // the last non-blank byte before i on the line
	for i := d.lines[line-1]; i < end; i++ {
		b := data[i]
		switch {
		case b == ' ' || b == '\t' || b == '\r' || b == '\n':
			continue
		case b == '#' && (prev == 0 || data[i-1] == ' ' || data[i-1] == '\t'):
			return 0, 0, false // a comment
		case prev != 0 && !strings.ContainsRune(":-[{,?", rune(prev)):
			// inside a plain scalar or after a quoted one: no quote starts here
		case b == '\'':
			for i++; i < len(data) && (data[i] != '\'' || i+1 < len(data) && data[i+1] == '\''); i++ {
				if data[i] == '\'' {
					i++ // '' is a quote
				}
			}
			if i >= end {
				return 0, 0, false
			}
		case b == '"':
			q := i
			for i++; i < len(data) && data[i] != '"'; i++ {
				if data[i] != '\\' {
					continue
				}
				n, problem := escapeAt(data, i)
				if problem != "" {
					return i, q, problem == msg
				}
				i += n - 1
			}
			if i >= end {
				return 0, 0, false
			}
		}
		prev = b
	}
	return 0, 0, false
}

// escapeAt returns the length of the escape starting with the backslash at
// data[i] in a double-quoted scalar, or the parser's error for it.
func escapeAt(data []byte, i int) (int, string) {
	if i+1 >= len(data) {
		return 1, "" // the end of the file: the scalar is not closed
	}
	c := data[i+1]
	n := 0
	switch {
	case c == '\n' || c == '\r':
		return 1, "" // an escaped line break
	case strings.IndexByte("0abt\tnvfre \"'\\N_LP", c) >= 0:
		return 2, ""
	case c == 'x':
		n = 2
	case c == 'u':
		n = 4
	case c == 'U':
		n = 8
	default:
		return 0, "found unknown escape character"
	}
	if i+2+n > len(data) {
		return 0, "did not find expected hexdecimal number"
	}
	v, err := strconv.ParseUint(string(data[i+2:i+2+n]), 16, 32)
	if err != nil {
		return 0, "did not find expected hexdecimal number"
	}
	if v >= 0xd800 && v <= 0xdfff || v > 0x10ffff {
		return 0, "found invalid Unicode character escape code"
	}
	return 2 + n, ""
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

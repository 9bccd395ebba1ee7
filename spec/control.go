package spec

import (
	"fmt"
	"strings"

	"go.yaml.in/yaml/v3"
)

// forbidden reports whether r may not appear in a text or string value: the
// C0 and C1 control characters but the newline, DEL, and the line and
// paragraph separators. They draw nothing, or garbage, and in a
// double-quoted YAML string they are what a LaTeX command turns into:
// "$\theta$" is a tab and "heta".
func forbidden(r rune) bool {
	return r < 0x20 && r != '\n' || r >= 0x7f && r <= 0x9f || r == 0x2028 || r == 0x2029
}

// controlNames names the characters a double-quoted YAML string's
// one-letter escapes make, with the escape.
var controlNames = map[rune]struct{ escape, name string }{
	0:      {`\0`, "a null character"},
	'\a':   {`\a`, "a bell"},
	'\b':   {`\b`, "a backspace"},
	'\t':   {`\t`, "a tab"},
	'\n':   {`\n`, "a newline"},
	'\v':   {`\v`, "a vertical tab"},
	'\f':   {`\f`, "a form feed"},
	'\r':   {`\r`, "a carriage return"},
	0x1b:   {`\e`, "an escape character"},
	0x7f:   {"", "a delete character"},
	0x85:   {`\N`, "a next-line character"},
	0x2028: {`\L`, "a line separator"},
	0x2029: {`\P`, "a paragraph separator"},
}

// controlProblem returns the error message for the first forbidden
// character of the scalar n, "" when it has none. In a rich-text field
// (text) a newline inside $…$ of a double-quoted string counts too: it is
// "\nu" or "\neq" gone wrong.
func (d *decoder) controlProblem(path string, n *yaml.Node, text bool) string {
	quoted := n.Style == yaml.DoubleQuotedStyle
	bad, math := rune(-1), false
	for i, r := range n.Value {
		switch {
		case forbidden(r):
			bad = r
		case r == '\n' && text && quoted && math:
			bad = r
		case r == '$' && (i == 0 || n.Value[i-1] != '\\'):
			math = !math
		}
		if bad >= 0 {
			break
		}
	}
	if bad < 0 {
		return ""
	}
	c, named := controlNames[bad]
	if !named {
		c.name = fmt.Sprintf("a control character (U+%04X)", bad)
	}
	if quoted && c.escape != "" && c.escape != `\0` {
		return fmt.Sprintf(`%s: "%s" in a double-quoted string is %s; write LaTeX in single quotes (%s)`,
			path, c.escape, c.name, d.singleQuoted(n))
	}
	if quoted {
		return fmt.Sprintf("%s: %q in a double-quoted string is %s; control characters are not allowed", path, string(bad), c.name)
	}
	return fmt.Sprintf("%s: %q is %s; control characters are not allowed", path, string(bad), c.name)
}

// singleQuoted returns the double-quoted scalar n as the user wrote it, in
// single quotes instead, when that keeps its meaning but for the escapes;
// else an example.
func (d *decoder) singleQuoted(n *yaml.Node) string {
	rest := d.rest(n.Line, n.Column)
	if strings.HasPrefix(rest, `"`) {
		in := rest[1:]
		if end := strings.IndexByte(in, '"'); end >= 0 {
			in = in[:end]
			if !strings.ContainsAny(in, "'\r\n") && !strings.Contains(in, `\\`) && !strings.HasSuffix(in, `\`) {
				return "'" + in + "'"
			}
		}
	}
	return `'$\theta$'`
}

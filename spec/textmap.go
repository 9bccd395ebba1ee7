package spec

import (
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// textMap returns the map from the bytes of the scalar n's value to places
// in the file (see Text.PosAt), or nil when there is none.
func (d *decoder) textMap(n *yaml.Node) *textMap {
	src := n.Value
	if src == "" || n.Line < 1 || n.Column < 1 {
		return nil
	}
	var segs []segment
	switch n.Style {
	case 0:
		if rest := d.rest(n.Line, n.Column); !strings.Contains(src, "\n") && strings.HasPrefix(rest, src) {
			segs = []segment{{0, len(src), n.Line, n.Column}}
			break
		}
		first := true
		segs = matchLines(src, n.Line, true, func(line int) (string, int, bool) {
			if first {
				first = false
				return strings.TrimRight(d.rest(n.Line, n.Column), " \t\r\n"), n.Column, true
			}
			s, ok := d.lineText(line)
			t := strings.TrimLeft(s, " \t")
			return strings.TrimRight(t, " \t"), 1 + utf8.RuneCountInString(s[:len(s)-len(t)]), ok
		})
	case yaml.SingleQuotedStyle, yaml.DoubleQuotedStyle:
		segs = d.quotedMap(n)
	case yaml.LiteralStyle, yaml.FoldedStyle:
		segs = d.blockMap(n)
	}
	if segs == nil {
		return nil
	}
	return &textMap{segs: segs}
}

// quotedMap maps a quoted scalar up to its first escape, or on several
// lines up to the end of its first line.
func (d *decoder) quotedMap(n *yaml.Node) []segment {
	src, rest := n.Value, d.rest(n.Line, n.Column)
	quote, stops := "'", "'"
	if n.Style == yaml.DoubleQuotedStyle {
		quote, stops = `"`, `"\`
	}
	if !strings.HasPrefix(rest, quote) {
		return nil
	}
	in := strings.TrimRight(rest[1:], "\r\n")
	p := strings.IndexAny(in, stops)
	if p < 0 {
		p = len(strings.TrimRight(in, " \t")) // continued on the next line
	}
	if p > len(src) || src[:p] != in[:p] {
		return nil
	}
	return []segment{{0, p, n.Line, n.Column + 1}}
}

// blockMap maps a literal or folded block scalar. Its content starts on
// the line after the header, each line indented by the same number of
// spaces; that number is the first content line's indentation, or less
// when an indentation indicator made the first line keep some spaces.
func (d *decoder) blockMap(n *yaml.Node) []segment {
	top := 0
	for line := n.Line + 1; ; line++ {
		s, ok := d.lineText(line)
		if !ok {
			return nil
		}
		if strings.Trim(s, " ") != "" {
			top = len(s) - len(strings.TrimLeft(s, " "))
			break
		}
	}
	for indent := min(top, 64); indent >= 0; indent-- {
		segs := matchLines(n.Value, n.Line+1, false, func(line int) (string, int, bool) {
			s, ok := d.lineText(line)
			switch {
			case !ok:
				return "", 0, false
			case strings.Trim(s, " ") == "":
				return "", 0, true
			case len(s) < indent || strings.Trim(s[:indent], " ") != "":
				return "", 0, false // less indented: the scalar is over
			}
			return s[indent:], indent + 1, true
		})
		if segs != nil {
			return segs
		}
	}
	return nil
}

// matchLines maps src onto the text of consecutive lines from line first:
// text(line) returns what the scalar holds of that line with the column
// where it starts ("" for a line with nothing of it), false when the
// scalar cannot go on there. Between the lines' texts src may hold the
// spaces and newlines folding makes. With last set, the final line may go
// on after the end of src (a comment, a flow indicator). It returns nil
// unless every character of src, those separators aside, maps to a line.
func matchLines(src string, first int, last bool, text func(line int) (string, int, bool)) []segment {
	var segs []segment
	cur := 0
	for line := first; ; line++ {
		if strings.Trim(src[cur:], " \n") == "" {
			return segs
		}
		s, col, ok := text(line)
		if !ok {
			return nil
		}
		if s == "" {
			continue
		}
		for {
			if strings.HasPrefix(src[cur:], s) {
				break
			}
			if r := strings.TrimRight(src[cur:], " \n"); last && r != "" && strings.HasPrefix(s, r) {
				s = r
				break
			}
			if cur < len(src) && (src[cur] == ' ' || src[cur] == '\n') {
				cur++
				continue
			}
			return nil
		}
		segs = append(segs, segment{cur, len(s), line, col})
		cur += len(s)
	}
}

// lineText returns the 1-based line of the file without its line break,
// false when there is no such line.
func (d *decoder) lineText(line int) (string, bool) {
	if line < 1 || line > len(d.lines) {
		return "", false
	}
	end := len(d.text)
	if line < len(d.lines) {
		end = d.lines[line]
	}
	s := d.text[d.lines[line-1]:end]
	return strings.TrimRight(s, "\r\n"), true
}

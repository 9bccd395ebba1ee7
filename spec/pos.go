package spec

import (
	"reflect"
	"strings"
	"unicode/utf8"
)

// PosAt returns the position of the byte at offset in t.Src (offset
// len(t.Src) is the place just after the last character).
//
// It is exact for a plain scalar, on one line or several, and for a literal
// (|) or folded (>) block scalar, folded lines included: every character
// of Src maps to the place it was written, and a separator a fold made (a
// space, or a newline) to the end of the line before it. A quoted scalar on
// one line maps exactly up to its first escape (” or \…); from there on,
// and for a quoted scalar spread over several lines, offsets map to t.Pos.
// Offsets outside Src, defaults and hand-made Texts map to t.Pos too.
func (t Text) PosAt(offset int) Pos {
	if t.m == nil || offset < 0 || offset > len(t.Src) {
		return t.Pos
	}
	for _, s := range t.m.segs {
		if s.off <= offset && offset <= s.off+s.n {
			return Pos{File: t.Pos.File, Line: s.line, Col: s.col + utf8.RuneCountInString(t.Src[s.off:offset])}
		}
	}
	return t.Pos
}

// textMap maps the bytes of a Text's Src to places in the file: a run of
// Src written as is on one line is one segment.
type textMap struct {
	segs []segment
}

// segment says that Src[off:off+n] is written at line, from column col.
type segment struct {
	off, n    int
	line, col int
}

// PosOf returns the position of the value at a key path such as "title",
// "weights[1]" or "edges[0].to". When the path was not written in the file
// (a default), it returns the position of the nearest written parent, and
// failing that the start of the file.
func (f *Figure) PosOf(path string) Pos {
	for path != "" {
		if p, ok := f.pos[path]; ok {
			return p
		}
		path = parentPath(path)
	}
	return Pos{File: f.File, Line: 1, Col: 1}
}

// parentPath drops the last element of a key path: "edges[0].to" →
// "edges[0]" → "edges" → "".
func parentPath(path string) string {
	i := strings.LastIndexAny(path, ".[")
	if i < 0 {
		return ""
	}
	return path[:i]
}

// Texts returns every non-empty rich-text field of the figure: the title,
// then the kind's fields in the order they are declared (slices element by
// element, nested rows, nodes and edges included). It is safe on any
// Figure, a partial one from a failed Decode or one without a kind included.
func (f *Figure) Texts() []Text {
	var out []Text
	add := func(t Text) {
		if t.Src != "" {
			out = append(out, t)
		}
	}
	add(f.Title)
	if k := f.specValue(); k.IsValid() {
		collectTexts(k, add)
	}
	return out
}

var textType = reflect.TypeFor[Text]()

func collectTexts(v reflect.Value, add func(Text)) {
	if v.Type() == textType {
		add(v.Interface().(Text))
		return
	}
	switch v.Kind() {
	case reflect.Struct:
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				collectTexts(v.Field(i), add)
			}
		}
	case reflect.Slice, reflect.Array:
		for i := range v.Len() {
			collectTexts(v.Index(i), add)
		}
	case reflect.Pointer:
		if !v.IsNil() {
			collectTexts(v.Elem(), add)
		}
	}
}

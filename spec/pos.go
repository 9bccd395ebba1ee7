package spec

import (
	"reflect"
	"strings"
	"unicode/utf8"
)

// PosAt returns the position of the byte at offset in t.Src. It is exact
// for a value written on one line as a plain or quoted scalar without
// escapes; otherwise, and for offsets outside Src, it returns t.Pos.
func (t Text) PosAt(offset int) Pos {
	if t.shift < 0 || offset < 0 || offset > len(t.Src) || t.Pos.Line <= 0 || t.Pos.Col <= 0 {
		return t.Pos
	}
	p := t.Pos
	p.Col += t.shift + utf8.RuneCountInString(t.Src[:offset])
	return p
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
// element, nested rows, nodes and edges included).
func (f *Figure) Texts() []Text {
	var out []Text
	add := func(t Text) {
		if t.Src != "" {
			out = append(out, t)
		}
	}
	add(f.Title)
	if k := f.kindValue(); k.IsValid() {
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

package spec

import (
	"fmt"
	"math"
	"path"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

const (
	MaxFileBytes = 1 << 20    // largest spec or figgen.yaml file
	maxTextLen   = 2000       // most characters of a rich-text field
	maxTextTotal = 10000      // most characters of all the rich text of a figure
	maxNameBytes = 255        // longest folder or file name of an output, in bytes (NAME_MAX)
	minWidth     = 320        // smallest width, in pixels: below it labels crowd the drawing
	minHeight    = 200        // smallest height, in pixels
	maxSize      = 10000      // largest width or height, in pixels
	maxPixels    = 25_000_000 // largest width × height

	// MaxCoord is the largest magnitude of a range end or of a number a
	// figure places on an axis.
	MaxCoord = 1e9
	minSpan  = 1e-6 // smallest width of a range, relative to its ends (at least 1)
)

// formatNames are the image formats figgen writes.
var formatNames = []string{"png", "svg", "pdf"}

// themeNames are the colour themes a figure may be drawn in.
var themeNames = []string{ThemeLight, ThemeDark, ThemeAuto}

// validate checks the defaulted figure: the constraints of every key
// alone (Fields), then what spans keys, the common ones here and the
// kind's in its Validate.
func (d *decoder) validate(f *Figure) {
	d.constraints(f.Kind, "", reflect.ValueOf(f).Elem())
	d.constraints(f.Kind, "", f.specValue())
	// An empty output the spec writes is reported by its constraint.
	if msg := outputProblem(f.Output, suffixLen(f)); msg != "" && !(f.Output == "" && d.set("output")) {
		d.errorf(d.posOf("output"), "output %q: %s", f.Output, msg)
	}
	d.textTotal(f)
	w := f.Width >= minWidth && f.Width <= maxSize
	h := f.Height >= minHeight && f.Height <= maxSize
	if w && h && d.spans("width", "height") && f.Width*f.Height > maxPixels {
		// At the field the spec itself writes, else at the config's.
		p, other, v := "width", "height", f.Height
		if !d.own("width") && (d.own("height") || !d.set("width")) {
			p, other, v = "height", "width", f.Width
		}
		at := d.posOf(p)
		d.errorf(at, "width × height %d × %d is over %d megapixels%s", f.Width, f.Height, maxPixels/1_000_000,
			d.origin(at, other, fmt.Sprintf("%s %d", other, v)))
	}
	d.variants(f, w && h)
	f.Spec.Validate(&Check{Written: d.written(), d: d})
}

// variants checks the themes and scales together: auto alone, and the
// largest PNG within the pixel limit.
func (d *decoder) variants(f *Figure, sized bool) {
	if len(f.Themes) > 1 && slices.Contains(f.Themes, ThemeAuto) {
		i := slices.Index(f.Themes, ThemeAuto)
		d.errorf(d.posOf(fmt.Sprintf("themes[%d]", i)), "themes: auto draws both light and dark: write it alone (themes: auto)")
	}
	if !sized || !slices.Contains(f.Formats, "png") {
		return
	}
	for i, s := range f.Scales {
		if s > 1 && s <= 3 && f.Width*f.Height*s*s > maxPixels && f.Width*f.Height <= maxPixels {
			at := d.posOf(fmt.Sprintf("scales[%d]", i))
			d.errorf(at, "scale %d makes a PNG of %d × %d pixels, over %d megapixels%s", s, f.Width*s, f.Height*s, maxPixels/1_000_000,
				d.origin(at, "width", fmt.Sprintf("width %d, height %d", f.Width, f.Height)))
			return
		}
	}
}

// suffixLen is the length of the longest suffix f's outputs add to its
// output name: ".dark@2x.png" at most.
func suffixLen(f *Figure) int {
	n := len(".png") // every format's extension is 4 bytes
	if f.Themes.Has(ThemeDark) {
		n += len(".dark")
	}
	if slices.ContainsFunc(f.Scales, func(s int) bool { return s > 1 }) {
		n += len("@2x")
	}
	return n
}

// textTotal bounds the text of a figure as a whole, since every glyph
// becomes an outline of the SVG and PDF: at the text that takes it over
// the limit.
func (d *decoder) textTotal(f *Figure) {
	total, at := 0, Pos{}
	for _, t := range f.Texts() {
		total += utf8.RuneCountInString(t.Src)
		if total > maxTextTotal && at.File == "" {
			at = t.Pos
		}
	}
	if total <= maxTextTotal {
		return
	}
	if at.Line == 0 {
		at = Pos{File: d.file, Line: 1, Col: 1}
	}
	d.errorf(at, "the texts of the figure are %d characters, from here over the limit of %d in all", total, maxTextTotal)
}

// prefix returns the first n characters of s.
func prefix(s string, n int) string {
	for i := range s {
		if n == 0 {
			return s[:i]
		}
		n--
	}
	return s
}

// constraints checks each value of the struct v (addressable) against the
// Field of its key in kind: one place enforces what Fields state.
func (d *decoder) constraints(kind, prefix string, v reflect.Value) {
	for _, fl := range structFields(v) {
		d.constrain(kind, join(prefix, fl.name), fl.v)
	}
}

// constrain checks the value v at path and, for lists and mappings, its
// items.
func (d *decoder) constrain(kind, path string, v reflect.Value) {
	fd := d.kinds.field(kind, path)
	what := fd.What
	if what == "" {
		what = lastKey(path)
	}
	switch v.Type() {
	case textType, codeType, rangePtrType:
		return
	}
	switch v.Kind() {
	case reflect.String:
		switch {
		case fd.NonEmpty && v.String() == "" && d.set(path):
			d.errorf(d.posOf(path), "%s: want a non-empty %s", path, what)
		case fd.Enum != nil && !slices.Contains(fd.Enum, v.String()):
			d.errorf(d.posOf(path), "unknown %s %q%s", what, v.String(), didYouMean(v.String(), fd.Enum, true))
		}
	case reflect.Int:
		lo, hi := fd.Within[0], fd.Within[1]
		if (lo == 0 && hi == 0) || (float64(v.Int()) >= lo && float64(v.Int()) <= hi) {
			break
		}
		if by := d.implier(path, fd); by != "" {
			// The spec wrote the list the value is the length of: the
			// error is that list's.
			noun := d.kinds.field(kind, by).Noun
			if noun == "" {
				noun = lastKey(by)
			}
			d.errorf(d.posOf(by), "%s: want %s to %s %s, got %d", by, Num(lo), Num(hi), noun, v.Int())
			break
		}
		d.errorf(d.posOf(path), "%s: want %s to %s, got %d", path, Num(lo), Num(hi), v.Int())
	case reflect.Float64:
		if lo, hi := fd.Within[0], fd.Within[1]; (lo != 0 || hi != 0) && (v.Float() < lo || v.Float() > hi) {
			d.errorf(d.posOf(path), "%s: want a value from %s to %s, got %s", path, Num(lo), Num(hi), Num(v.Float()))
		}
	case reflect.Slice, reflect.Array:
		n := v.Len()
		if v.Kind() == reflect.Slice {
			d.items(path, fd, n)
		}
		item := d.kinds.field(kind, path+"[]")
		iwhat := item.What
		if iwhat == "" {
			iwhat = what
		}
		seen := map[any]bool{} // a map, not a list: a long list must not take quadratic time
		for i := range n {
			p := fmt.Sprintf("%s[%d]", path, i)
			x := v.Index(i)
			if fd.Unique || item.Unique {
				if seen[x.Interface()] {
					switch x.Kind() {
					case reflect.String:
						d.errorf(d.posOf(p), "duplicate %s %q", iwhat, x.String())
					case reflect.Float64:
						d.errorf(d.posOf(p), "duplicate %s %s", iwhat, Num(x.Float()))
					default:
						d.errorf(d.posOf(p), "duplicate %s %v", iwhat, x.Interface())
					}
					continue
				}
				seen[x.Interface()] = true
			}
			if x.Kind() == reflect.Struct && x.Type() != textType {
				for _, key := range item.Required {
					if d.set(p) && !d.set(p+"."+key) && !d.bad[p+"."+key] {
						d.errorf(d.posOf(p), "%s: missing %s", p, key)
					}
				}
			}
			d.constrain(kind, p, x)
		}
	case reflect.Struct:
		d.constraints(kind, path, v)
	case reflect.Map:
		// The values of a mapping of names to numbers, each against the
		// Field of "path[]" (params[]: within ±MaxCoord).
		if v.Type().Elem().Kind() != reflect.Float64 {
			break
		}
		item := d.kinds.field(kind, path+"[]")
		lo, hi := item.Within[0], item.Within[1]
		if lo == 0 && hi == 0 {
			break
		}
		keys := make([]string, 0, v.Len())
		for _, k := range v.MapKeys() {
			keys = append(keys, k.String())
		}
		slices.Sort(keys)
		for _, k := range keys {
			if x := v.MapIndex(reflect.ValueOf(k)).Float(); x < lo || x > hi {
				p := path + "." + k
				d.errorf(d.posOf(p), "%s: want a value from %s to %s, got %s", p, Num(lo), Num(hi), Num(x))
			}
		}
	}
}

// implier returns the key that implies the value at path (Field.ImpliedBy)
// when the value itself was not written: the first of them the spec
// writes, else the first the folder defaults write; "" when none is.
func (d *decoder) implier(path string, fd Field) string {
	if len(fd.ImpliedBy) == 0 || d.set(path) {
		return ""
	}
	parent := path[:len(path)-len(lastKey(path))]
	for _, written := range []func(string) bool{d.own, d.set} {
		for _, k := range fd.ImpliedBy {
			if written(parent + k) {
				return parent + k
			}
		}
	}
	return ""
}

// items checks the number of items n of the list at path.
func (d *decoder) items(path string, fd Field, n int) {
	lo, hi := fd.Items[0], fd.Items[1]
	if lo == 0 && hi == 0 || n >= lo && (hi == 0 || n <= hi) {
		return
	}
	noun := fd.Noun
	if noun == "" {
		noun = lastKey(path)
	}
	var want string
	switch {
	case hi == 0 && lo == 1:
		one := fd.What
		if one == "" {
			one = strings.TrimSuffix(noun, "s")
		}
		want = "at least one " + one
	case hi == 0:
		want = fmt.Sprintf("at least %d %s", lo, noun)
	case lo == 0:
		want = fmt.Sprintf("at most %d %s", hi, noun)
	case lo == hi:
		want = fmt.Sprintf("%d %s", lo, noun)
	case lo+1 == hi:
		want = fmt.Sprintf("%d or %d %s", lo, hi, noun)
	default:
		want = fmt.Sprintf("%d to %d %s", lo, hi, noun)
	}
	d.errorf(d.posOf(path), "%s: want %s, got %d", path, want, n)
}

// lastKey returns the last key of a path: "nodes[0].shape" → "shape".
func lastKey(path string) string {
	if i := strings.LastIndexByte(path, '.'); i >= 0 {
		path = path[i+1:]
	}
	if i := strings.IndexByte(path, '['); i >= 0 {
		path = path[:i]
	}
	return path
}

// Problem says what makes r unfit as an axis range, "" when it is fine:
// its ends must be finite and within ±1e9, and max − min at least 1e-6
// times the largest of 1, |min| and |max|; past that, ticks and curves
// cannot be drawn (the tick loop and the rasterizer would not end).
func (r Range) Problem() string {
	if math.IsNaN(r.Min) || math.IsNaN(r.Max) || math.Abs(r.Min) > MaxCoord || math.Abs(r.Max) > MaxCoord {
		return fmt.Sprintf("want values from %s to %s, got [%s, %s]", Num(-MaxCoord), Num(MaxCoord), Num(r.Min), Num(r.Max))
	}
	if span := minSpan * max(1, math.Abs(r.Min), math.Abs(r.Max)); !(r.Max-r.Min >= span) {
		span, _ = strconv.ParseFloat(strconv.FormatFloat(span, 'g', 2, 64), 64) // two digits
		return fmt.Sprintf("[%s, %s] is too narrow: want max − min ≥ %s", Num(r.Min), Num(r.Max), Num(span))
	}
	return ""
}

// outputProblem says what makes o unfit as the base name of the output
// files, or returns "" when it is fine: a relative, slash-separated path
// without empty, "." or ".." elements and without an extension.
func outputProblem(o string, suffix int) string {
	switch {
	case o == "":
		return "want a non-empty name"
	case strings.Contains(o, `\`):
		return `use "/" to separate folders, not "\"`
	case strings.HasPrefix(o, "/"):
		return "want a relative path"
	case strings.ContainsFunc(o, func(r rune) bool { return r < ' ' || r == 0x7f || r == ':' }):
		return `want no ":" or control characters`
	}
	elems := strings.Split(o, "/")
	for _, e := range elems {
		switch e {
		case "":
			return "want no empty folder name"
		case ".", "..":
			return fmt.Sprintf("want no %q element", e)
		}
	}
	last := elems[len(elems)-1]
	for i, e := range elems {
		what, n := "folder", len(e)
		if i == len(elems)-1 {
			what, n = "file", len(e)+suffix
		}
		if n > maxNameBytes {
			return fmt.Sprintf("the %s name %s… is %d bytes; file systems allow %d", what, prefix(e, 16), n, maxNameBytes)
		}
	}
	if strings.HasPrefix(last, ".") {
		return "want a name, not only an extension"
	}
	if ext := strings.TrimPrefix(strings.ToLower(path.Ext(last)), "."); slices.Contains(formatNames, ext) {
		return "want no extension: formats adds it"
	}
	return ""
}

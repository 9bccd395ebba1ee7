package spec

import (
	"fmt"
	"reflect"
	"slices"
	"strings"
)

// KindSpec is the struct of one kind's own fields, through a pointer: what
// a kind's file declares once, with everything spec needs to decode,
// default, validate and describe it. Its exported fields with a yaml tag are
// the kind's keys, decoded strictly by their Go types (Text, *Range, int,
// float64, bool, string, [2]float64, slices and structs of them); inline
// structs (Axes) are flattened.
type KindSpec interface {
	// Fields documents the kind's keys and states the constraints of each
	// key alone (allowed values, limits, list lengths, required keys of
	// list items). The decoder enforces them and Schema shows them, so a
	// rule is written once, here.
	Fields() Fields
	// Default fills the fields the file left unset (d.Set tells which) and
	// names the figure's default title and alt text. It sees only what was
	// decoded: it is a function of the decoded figure.
	Default(d *Defaults)
	// Validate checks what spans fields, after Default; the constraints of
	// Fields are checked before it. It reports through c and changes
	// nothing.
	Validate(c *Check)
}

// Fields documents keys by path: "key" for a key of the kind, "list.key"
// for a key of a list's items, "list[]" for the items themselves. A key
// of the common fields (title, x_range, …) may be listed to override its
// description for the kind.
type Fields map[string]Field

// Field is the description and the single-key constraints of one key.
// The zero value of each constraint means none.
type Field struct {
	Doc string // one line for editors (the schema's description)

	Enum     []string   // the allowed values of a string
	NonEmpty bool       // a string the spec writes is not empty
	Within   [2]float64 // the least and greatest value of a number (when not both 0)
	Items    [2]int     // the least and most items of a list (when not both 0)
	Unique   bool       // a list's items are distinct
	// Required lists the keys every item of a list of mappings must write
	// (on "list[]").
	Required []string
	// ImpliedBy lists the keys whose value implies this key's (a unit's
	// inputs is the number of its input_labels): a spec that writes one of
	// them writes this key too, so a folder default of it does not apply.
	// A limit (Within) of this key the spec breaks without writing it is
	// an error at the key that implies it, counted in that key's Noun.
	ImpliedBy []string

	What string // singular name of a value in messages ("format"); default the key
	Noun string // plural name of the items in messages ("values"); default the key
	// NoDefault keeps the schema from showing the value of a figure holding
	// only its kind as the default: it depends on other fields.
	NoDefault bool
}

// Kind is one kind of figure: its name, a line of documentation and the
// struct of its fields. Make one with KindOf and gather them with NewKinds.
type Kind struct {
	Name string
	Doc  string
	typ  reflect.Type // the struct type; *typ implements KindSpec
}

// KindOf returns the kind name whose fields are the struct T.
func KindOf[T any, PT interface {
	*T
	KindSpec
}](name, doc string) Kind {
	return Kind{Name: name, Doc: doc, typ: reflect.TypeFor[T]()}
}

// new returns a zero struct of the kind.
func (k Kind) new() KindSpec {
	return reflect.New(k.typ).Interface().(KindSpec)
}

// Kinds is a set of kinds: what the decoder knows. It is never changed
// after NewKinds and may serve any number of decodes at once.
type Kinds struct {
	list   []Kind // sorted by name
	fields map[string]Fields
	owners map[string][]string // kinds having each field name, sorted
}

// NewKinds returns the set of kinds ks. It panics on a repeated or empty
// name, or a kind whose Fields documents a key it does not have: both are
// mistakes of the program, not of a spec.
func NewKinds(ks ...Kind) *Kinds {
	s := &Kinds{list: slices.Clone(ks), fields: map[string]Fields{}, owners: map[string][]string{}}
	slices.SortFunc(s.list, func(a, b Kind) int { return strings.Compare(a.Name, b.Name) })
	for i, k := range s.list {
		if k.Name == "" || k.typ == nil || i > 0 && s.list[i-1].Name == k.Name {
			panic(fmt.Sprintf("spec: kind %q is empty or registered twice", k.Name))
		}
		fs := k.new().Fields()
		keys := keyPaths(k.typ)
		for p := range fs {
			if !keys[p] && !commonKeys[p] {
				panic(fmt.Sprintf("spec: kind %s documents %q, which is no key of it", k.Name, p))
			}
		}
		s.fields[k.Name] = fs
		for _, n := range fieldNames(k.typ) {
			s.owners[n] = append(s.owners[n], k.Name)
		}
	}
	return s
}

// Names returns the names of the kinds, sorted.
func (s *Kinds) Names() []string {
	names := make([]string, len(s.list))
	for i, k := range s.list {
		names[i] = k.Name
	}
	return names
}

// kind returns the kind of a name.
func (s *Kinds) kind(name string) (Kind, bool) {
	i, ok := slices.BinarySearchFunc(s.list, name, func(k Kind, n string) int { return strings.Compare(k.Name, n) })
	if !ok {
		return Kind{}, false
	}
	return s.list[i], true
}

// field returns the documentation of the key at path (a key path such as
// "rows[2].value" is looked up as "rows.value", an item "biases[1]" as
// "biases[]") for kind: the kind's own, else the common fields'.
func (s *Kinds) field(kind, path string) Field {
	key := docKey(path)
	f, ok := s.fields[kind][key]
	if !ok {
		return commonFields[key]
	}
	if f.Doc == "" {
		f.Doc = commonFields[key].Doc
	}
	return f
}

// docKey turns a key path into the key of a Fields table.
func docKey(path string) string {
	if !strings.Contains(path, "[") {
		return path // most paths, as they are
	}
	var b strings.Builder
	for i := 0; i < len(path); i++ {
		if path[i] != '[' {
			b.WriteByte(path[i])
			continue
		}
		j := strings.IndexByte(path[i:], ']')
		if j < 0 {
			break
		}
		i += j
		if i+1 == len(path) {
			b.WriteString("[]")
		}
	}
	return b.String()
}

// keyPaths returns every documentable key path of the struct type t:
// "key", "list[]", "list.key", "list.key[]", "mapping.key".
func keyPaths(t reflect.Type) map[string]bool {
	out := map[string]bool{}
	var walk func(prefix string, t reflect.Type)
	walk = func(prefix string, t reflect.Type) {
		for _, f := range structFields(reflect.New(t).Elem()) {
			p := join(prefix, f.name)
			out[p] = true
			ft := f.v.Type()
			if ft.Kind() == reflect.Map {
				out[p+"[]"] = true // the values, documented as a list's items
			}
			if ft.Kind() == reflect.Struct && ft != textType && ft != codeType {
				walk(p, ft) // a mapping's keys
			}
			if ft.Kind() == reflect.Slice || ft.Kind() == reflect.Array {
				out[p+"[]"] = true
				if ft.Elem().Kind() == reflect.Struct && ft.Elem() != textType {
					walk(p, ft.Elem())
				}
			}
		}
	}
	walk("", t)
	return out
}

// Written tells which keys a spec's file (or its folder defaults) wrote,
// and where: what Default and Validate may ask of the decoding.
type Written struct {
	file string
	pos  map[string]Pos  // position of each value decoded without error
	bad  map[string]bool // paths whose value had a type error
}

// Set reports whether the value at path was written in the spec or taken
// from the folder defaults.
func (w *Written) Set(path string) bool {
	_, ok := w.pos[path]
	return ok
}

// Own reports whether the value at path was written in the spec itself.
func (w *Written) Own(path string) bool {
	p, ok := w.pos[path]
	return ok && p.File == w.file
}

// Bad reports whether the value at path was written but did not decode
// (its error is reported already).
func (w *Written) Bad(path string) bool { return w.bad[path] }

// Pos returns the position of the value at path, or of its nearest
// written parent (see Figure.PosOf).
func (w *Written) Pos(path string) Pos {
	return (&Figure{File: w.file, pos: w.pos}).PosOf(path)
}

// Defaults is what a kind's Default sees and sets.
type Defaults struct {
	*Written
	kindPos Pos

	Title string // the default title of the figure (rich text; "" for none)
	Alt   string // the default alt text
}

// NewText returns a default text: src placed at the spec's kind, where an
// error in it is reported.
func (d *Defaults) NewText(src string) Text {
	return Text{Src: src, Pos: d.kindPos}
}

// Default sets *v to def unless the value at path was written.
func Default[T any](d *Defaults, path string, v *T, def T) {
	if !d.Set(path) {
		*v = def
	}
}

// Check is what a kind's Validate reports to.
type Check struct {
	*Written
	d *decoder
}

// Errorf records an error at the value at path.
func (c *Check) Errorf(path, format string, args ...any) {
	c.ErrorAt(c.Pos(path), format, args...)
}

// ErrorAt records an error at pos.
func (c *Check) ErrorAt(pos Pos, format string, args ...any) {
	c.d.errorf(pos, format, args...)
}

// Spans reports whether a check spanning the values at paths applies. It
// always does for a spec. For a folder's defaults (checked as a spec
// holding only its kind) it does only when the defaults set every one of
// them: a built-in default stands for a value a real spec may set itself,
// and each real spec is checked with the defaults applied.
func (c *Check) Spans(paths ...string) bool { return c.d.spans(paths...) }

// Origin returns " (what from file:line:col)" when an error at the spec's
// own place at involves the value at path taken from the folder defaults,
// so that the message names both places; else "".
func (c *Check) Origin(at Pos, path, what string) string { return c.d.origin(at, path, what) }

package spec

import (
	"bytes"
	"fmt"
	"io"
	"math"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// Decode decodes the spec file data, fills in the defaults of its kind and
// validates it. path is the file's path as the user gave it: it names the
// file in error positions, and its stem is the figure's Name. It is
// DecodeWith without folder defaults.
//
// On failure Decode returns an ErrorList holding every problem found,
// sorted by position, and, whenever the file parses as YAML with a mapping
// at the top, a partial Figure: File, Name, the kind's struct when the kind
// is known, and every rich-text field that decoded without error as it was
// written (no defaults), so that the caller can check them too (Texts).
// On error the Figure, if non-nil, is partial: only its Texts are
// meaningful; do not render it.
//
// A file over 1 MiB is rejected before parsing. Anchors and aliases are
// rejected: a spec is small and never needs them, and without them no alias
// expansion (a "billion laughs" document) can happen.
func (s *Kinds) Decode(path string, data []byte) (*Figure, error) {
	return s.DecodeWith(path, data, nil)
}

// DecodeWith is Decode with the folder defaults cfg (nil: none): every
// field of cfg the spec does not write is decoded as if the spec held
// cfg's value, before the built-in defaults fill what is still unset. A
// field the spec writes, even empty, keeps the spec's value.
//
// A value the spec implies beats cfg's too: a unit's inputs is the number
// of the spec's own input_labels or weights before cfg's inputs.
//
// A value taken from cfg keeps its place in cfg's file: Figure.PosOf and
// the Pos of its Texts point into it, and a problem it makes for this spec
// (a step's x_range from figgen.yaml that misses the spec's threshold) is
// reported there, the message ending with "(applied to path)". A problem
// between two fields, one written in the spec, is reported at the spec's
// where the rule has no subject of its own (width × height), and an error
// at the spec's field that involves a value of cfg names it, as in
// "(threshold 10 from specs/figgen.yaml:3:16)". The errors are in
// ErrorList.Sort's order: by file, line and column.
// A partial Figure holds only the spec's own Texts.
func (s *Kinds) DecodeWith(path string, data []byte, cfg *Config) (*Figure, error) {
	f, errs, root := s.decode(path, data, cfg, false)
	if len(errs) == 0 {
		return f, nil
	}
	for _, e := range errs {
		if e.Pos.File != path {
			e.Msg += " (applied to " + path + ")"
		}
	}
	if root == nil {
		return nil, errs
	}
	return s.partial(path, data, root), errs
}

// decode decodes, defaults and validates the spec data with the folder
// defaults cfg (nil: none). It returns the figure when there is no error,
// else the errors, sorted, and the spec's top-level mapping if it has one.
// probe is set when data is checkConfig's spec holding only a kind.
func (s *Kinds) decode(path string, data []byte, cfg *Config, probe bool) (*Figure, ErrorList, *yaml.Node) {
	d := s.newDecoder(path, data)
	d.probe = probe
	if len(data) > MaxFileBytes {
		d.errorf(Pos{File: path, Line: 1, Col: 1}, "spec is %s; the limit is 1 MiB", mebibytes(len(data)))
		return nil, d.errs, nil
	}
	f := &Figure{File: path, Name: stem(path)}
	root, ok := d.parse()
	if ok {
		d.figure(f, root)
		if cfg != nil && f.Spec != nil {
			d.apply(f, root, cfg)
		}
	}
	if f.Spec != nil {
		f.pos = d.pos
		if cfg != nil && len(cfg.kinds) > 0 {
			f.cfg = cfg // a config of no kind's fields is none
		}
		d.defaults(f)
		d.validate(f)
	}
	if len(d.errs) > 0 {
		d.errs.Sort()
		return nil, d.errs, root
	}
	return f, nil, nil
}

// partial decodes root again into a Figure that keeps what decodes, lists
// with bad items included, and skips defaults and validation.
func (s *Kinds) partial(path string, data []byte, root *yaml.Node) *Figure {
	d := s.newDecoder(path, data)
	d.partial = true
	f := &Figure{File: path, Name: stem(path)}
	d.figure(f, root)
	f.pos = d.pos
	return f
}

func (s *Kinds) newDecoder(path string, data []byte) *decoder {
	return &decoder{
		kinds:  s,
		source: source{file: path, data: data, text: string(data), lines: lineStarts(data)},
		pos:    map[string]Pos{},
		bad:    map[string]bool{},
	}
}

// mebibytes formats a size over 1 MiB.
func mebibytes(n int) string {
	s := strconv.FormatFloat(float64(n)/(1<<20), 'f', 1, 64)
	if s == "1.0" {
		return strconv.Itoa(n) + " bytes"
	}
	return s + " MiB"
}

// Stem returns the name of the figure of the spec file path (Figure.Name):
// its file name without directory and extension.
func Stem(path string) string { return stem(path) }

// stem returns the file name of path without its directory and extension.
func stem(path string) string {
	base := filepath.Base(filepath.ToSlash(path))
	if i := strings.LastIndexByte(base, '.'); i > 0 {
		base = base[:i]
	}
	return base
}

// source is a file being decoded: the path as given, the bytes and the
// byte offset of the start of each line.
type source struct {
	file  string
	data  []byte
	text  string // data as a string, sliced by rest and lineText without a copy
	lines []int

	// restLine, restCol and restOff are the last place rest found, its
	// line, column and byte offset: the scalars of one long line (a flow
	// list of many items) are looked up left to right, and walking from
	// the line's start for each would take time quadratic in the line.
	restLine, restCol, restOff int
}

// decoder holds the state of one Decode call. Its source is the file the
// nodes being decoded come from: the spec's, or figgen.yaml's while a folder
// default is decoded (apply).
type decoder struct {
	source
	kinds   *Kinds
	config  bool // decoding figgen.yaml, not a spec
	errs    ErrorList
	pos     map[string]Pos  // position of each value decoded without error
	bad     map[string]bool // paths whose value had a type error
	kindPos Pos
	partial bool // keep the good items of a list with bad ones
	probe   bool // checking a config with a spec of only a kind (checkConfig)
}

func (d *decoder) errorf(pos Pos, format string, args ...any) {
	d.errs = append(d.errs, Errorf(pos, format, args...))
}

func (d *decoder) at(n *yaml.Node) Pos {
	return Pos{File: d.file, Line: n.Line, Col: n.Column}
}

// posOf, set and own are Written's Pos, Set and Own over what was decoded
// so far.
func (d *decoder) posOf(path string) Pos { return d.written().Pos(path) }
func (d *decoder) set(path string) bool  { return d.written().Set(path) }
func (d *decoder) own(path string) bool  { return d.written().Own(path) }

// spans reports whether a check spanning the values at paths applies.
// It always does for a spec. In checkConfig's probe it does only when the
// config sets every one of them: a built-in default in the probe stands
// for a value a real spec may set itself, and real specs are checked
// anyway, each with the config applied.
func (d *decoder) spans(paths ...string) bool {
	if !d.probe {
		return true
	}
	for _, p := range paths {
		if !d.set(p) {
			return false
		}
	}
	return true
}

// origin returns " (what from file:line:col)" when an error at the spec's
// own place at involves the value at path taken from the folder config,
// so that the message names both places; else "".
func (d *decoder) origin(at Pos, path, what string) string {
	p, ok := d.pos[path]
	if !ok || at.File != d.file || p.File == d.file {
		return ""
	}
	return " (" + what + " from " + p.String() + ")"
}

// parse checks the bytes and parses them as one YAML document holding a
// mapping. It returns the mapping when the (first) document is one, and
// whether the file is fit to decode: on failure it records the errors.
func (d *decoder) parse() (*yaml.Node, bool) {
	start := Pos{File: d.file, Line: 1, Col: 1}
	if !utf8.Valid(d.data) {
		i := 0
		for i < len(d.data) {
			r, size := utf8.DecodeRune(d.data[i:])
			if r == utf8.RuneError && size <= 1 {
				break
			}
			i += size
		}
		d.errorf(d.offsetPos(i), "invalid UTF-8 (byte 0x%02x)", d.data[i])
		return nil, false
	}
	dec := yaml.NewDecoder(bytes.NewReader(d.data))
	var doc yaml.Node
	switch err := decodeNode(dec, &doc); {
	case err == io.EOF:
		d.empty(start)
		return nil, false
	case err != nil:
		d.yamlError(err)
		return nil, false
	}
	top := &doc
	if top.Kind == yaml.DocumentNode && len(top.Content) > 0 {
		top = top.Content[0]
	}
	var root *yaml.Node
	if top.Kind == yaml.MappingNode {
		root = top
	}
	var next yaml.Node
	switch err := decodeNode(dec, &next); {
	case err == nil:
		what := "a spec file holds one figure"
		if d.config {
			what = "figgen.yaml holds one mapping of defaults"
		}
		d.errorf(d.at(&next), "more than one YAML document: %s", what)
		return root, false
	case err != io.EOF:
		d.yamlError(err)
		return nil, false
	}
	if d.checkAnchors(&doc) {
		return root, false
	}
	switch {
	case top.Kind == yaml.DocumentNode || top.Kind == yaml.ScalarNode && top.Tag == "!!null":
		d.empty(start)
		return nil, false
	case root == nil:
		d.errorf(d.at(top), "want a mapping of fields at the top level, got %s", describe(top))
		return nil, false
	}
	return root, true
}

// empty records that the file holds no document, or an empty one: an
// error for a spec; a config that sets nothing is fine.
func (d *decoder) empty(start Pos) {
	if !d.config {
		d.errorf(start, "empty spec")
	}
}

// decodeNode parses the next document, turning a panic of the YAML parser
// into an error so that no input makes Decode panic.
func decodeNode(dec *yaml.Decoder, n *yaml.Node) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("yaml: %v", r)
		}
	}()
	return dec.Decode(n)
}

// checkAnchors rejects the anchors and aliases of the document: it records
// an error at the first one, naming how many more there are, and reports
// whether there was any.
func (d *decoder) checkAnchors(doc *yaml.Node) bool {
	var first *yaml.Node
	more := 0
	var walk func(n *yaml.Node)
	walk = func(n *yaml.Node) {
		if n.Kind == yaml.AliasNode || n.Anchor != "" {
			if first == nil {
				first = n
			} else {
				more++
			}
		}
		if n.Kind != yaml.AliasNode {
			for _, c := range n.Content {
				walk(c)
			}
		}
	}
	walk(doc)
	if first == nil {
		return false
	}
	what := "anchor &" + first.Anchor
	if first.Kind == yaml.AliasNode {
		what = "alias *" + first.Value
	}
	also := ""
	if more > 0 {
		also = fmt.Sprintf(" (%d more in the file)", more)
	}
	d.errorf(d.at(first), "%s: anchors and aliases are not supported%s", what, also)
	return true
}

// figure decodes the top-level mapping into f.
func (d *decoder) figure(f *Figure, root *yaml.Node) {
	common := structFields(reflect.ValueOf(f).Elem())
	var kindNode *yaml.Node
	for i := 0; i+1 < len(root.Content); i += 2 {
		if root.Content[i].Value == "kind" {
			kindNode = root.Content[i+1]
			break
		}
	}
	var kv reflect.Value
	switch {
	case kindNode == nil:
		d.errorf(d.at(root), "missing kind")
	case kindNode.Kind != yaml.ScalarNode || kindNode.Tag == "!!null":
		// reported by the mapping pass below
	default:
		k, ok := d.kinds.kind(kindNode.Value)
		if !ok {
			d.errorf(d.at(kindNode), "unknown kind %q%s", kindNode.Value, didYouMean(kindNode.Value, d.kinds.Names(), true))
			break
		}
		d.kindPos = d.at(kindNode)
		f.Spec = k.new()
		kv = f.specValue()
	}
	fields := common
	if kv.IsValid() {
		fields = append(fields, structFields(kv)...)
	}
	d.mapping("", root, fields, func(key, _ *yaml.Node) {
		d.unknownTop(f, key, fields, kv.IsValid())
	})
}

// unknownTop reports a top-level key that is no field of the figure's kind.
// Without a known kind, only keys that are fields of no kind are reported.
func (d *decoder) unknownTop(f *Figure, key *yaml.Node, fields []field, known bool) {
	name := key.Value
	owners := d.ownersOf(name)
	if !known {
		if owners != nil {
			return
		}
		var all []string
		for _, fl := range fields {
			all = append(all, fl.name)
		}
		for n := range d.kinds.owners {
			all = append(all, n)
		}
		d.errorf(d.at(key), "unknown field %q%s", name, didYouMean(name, all, false))
		return
	}
	names := make([]string, len(fields))
	for i, fl := range fields {
		names[i] = fl.name
	}
	s := didYouMean(name, names, false)
	if owners == nil {
		d.errorf(d.at(key), "unknown field %q%s", name, s)
		return
	}
	if s == "" {
		s = " (only " + strings.Join(owners, ", ") + ")"
	}
	d.errorf(d.at(key), "field %q does not apply to kind %q%s", name, f.Kind, s)
}

// ownersOf returns the kinds that have a field name, nil for none.
func (d *decoder) ownersOf(name string) []string {
	return d.kinds.owners[name]
}

// mapping decodes the mapping n into fields, reporting duplicate keys and
// handing unknown ones to unknown (nil: a plain unknown-field error with a
// suggestion among fields).
func (d *decoder) mapping(prefix string, n *yaml.Node, fields []field, unknown func(key, val *yaml.Node)) {
	seen := map[string]*yaml.Node{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		key, val := n.Content[i], n.Content[i+1]
		if key.Kind == yaml.AliasNode {
			continue // reported by checkAnchors
		}
		if key.Kind != yaml.ScalarNode {
			d.errorf(d.at(key), "want a field name, got %s", describe(key))
			continue
		}
		if first, ok := seen[key.Value]; ok {
			d.errorf(d.at(key), "duplicate key %q (first at line %d)", key.Value, first.Line)
			continue
		}
		seen[key.Value] = key
		i := slices.IndexFunc(fields, func(f field) bool { return f.name == key.Value })
		if i < 0 {
			if unknown != nil {
				unknown(key, val)
				continue
			}
			names := make([]string, len(fields))
			for i, f := range fields {
				names[i] = f.name
			}
			d.errorf(d.at(key), "unknown field %q%s", key.Value, didYouMean(key.Value, names, false))
			continue
		}
		d.value(join(prefix, key.Value), val, fields[i].v)
	}
}

func join(prefix, name string) string {
	if prefix == "" {
		return name
	}
	return prefix + "." + name
}

var (
	codeType     = reflect.TypeFor[Code]()
	rangePtrType = reflect.TypeFor[*Range]()
	vec2Type     = reflect.TypeFor[[2]float64]()
	themesType   = reflect.TypeFor[Themes]()
)

// value decodes n into v (addressable), recording its position under path
// when it decodes without error and reporting a type error otherwise.
func (d *decoder) value(path string, n *yaml.Node, v reflect.Value) {
	if n.Kind == yaml.AliasNode {
		d.bad[path] = true // reported by checkAnchors
		return
	}
	if d.decodeValue(path, n, v) {
		d.pos[path] = d.at(n)
	} else {
		d.bad[path] = true
	}
}

func (d *decoder) typeError(path string, n *yaml.Node, want string) bool {
	d.errorf(d.at(n), "%s: want %s, got %s", path, want, describe(n))
	return false
}

func (d *decoder) decodeValue(path string, n *yaml.Node, v reflect.Value) bool {
	switch v.Type() {
	case textType:
		if n.Kind != yaml.ScalarNode {
			return d.typeError(path, n, "text")
		}
		t := Text{Pos: d.at(n)}
		if n.Tag != "!!null" {
			if c := utf8.RuneCountInString(n.Value); c > maxTextLen {
				d.errorf(d.at(n), "%s: text of %d characters; the limit is %d", path, c, maxTextLen)
				return false
			}
			if msg := d.controlProblem(path, n, true); msg != "" {
				d.errorf(d.at(n), "%s", msg)
				return false
			}
			// A text of spaces alone would draw nothing where it takes
			// room (a title's line, a legend entry with no words).
			if n.Value != "" && strings.TrimSpace(n.Value) == "" {
				d.errorf(d.at(n), `%s: the text is only spaces; write "" for none`, path)
				return false
			}
			t.Src = n.Value
			t.m = d.textMap(n)
		}
		v.Set(reflect.ValueOf(t))
		return true
	case codeType:
		if n.Kind != yaml.ScalarNode || n.Tag == "!!null" {
			return d.typeError(path, n, "a formula")
		}
		if c := utf8.RuneCountInString(n.Value); c > maxTextLen {
			d.errorf(d.at(n), "%s: formula of %d characters; the limit is %d", path, c, maxTextLen)
			return false
		}
		if msg := d.controlProblem(path, n, true); msg != "" {
			d.errorf(d.at(n), "%s", msg)
			return false
		}
		v.Set(reflect.ValueOf(Code{Src: n.Value, Pos: d.at(n), m: d.textMap(n)}))
		return true
	case rangePtrType:
		var r [2]float64
		if !d.pair(path, n, &r) {
			return false
		}
		if r[0] >= r[1] {
			d.errorf(d.at(n), "%s: min %s must be less than max %s", path, Num(r[0]), Num(r[1]))
			return false
		}
		rg := Range{Min: r[0], Max: r[1]}
		if msg := rg.Problem(); msg != "" {
			d.errorf(d.at(n), "%s: %s", path, msg)
			return false
		}
		v.Set(reflect.ValueOf(&rg))
		return true
	case vec2Type:
		var r [2]float64
		if !d.pair(path, n, &r) {
			return false
		}
		v.Set(reflect.ValueOf(r))
		return true
	case themesType:
		if n.Kind == yaml.ScalarNode && n.Tag != "!!null" {
			// One name stands for a list of it: themes: auto.
			s := make(Themes, 1)
			d.value(path+"[0]", n, reflect.ValueOf(s).Index(0))
			if d.bad[path+"[0]"] {
				return false
			}
			v.Set(reflect.ValueOf(s))
			return true
		}
	}
	switch v.Kind() {
	case reflect.String:
		if n.Kind != yaml.ScalarNode || n.Tag == "!!null" {
			return d.typeError(path, n, "a string")
		}
		if msg := d.controlProblem(path, n, false); msg != "" {
			d.errorf(d.at(n), "%s", msg)
			return false
		}
		v.SetString(n.Value)
	case reflect.Int:
		if n.Kind != yaml.ScalarNode || n.Tag != "!!int" {
			return d.typeError(path, n, "an integer")
		}
		var i int
		if err := n.Decode(&i); err != nil {
			d.errorf(d.at(n), "%s: integer %s out of range", path, n.Value)
			return false
		}
		v.SetInt(int64(i))
	case reflect.Float64:
		x, ok := d.number(path, n)
		if !ok {
			return false
		}
		v.SetFloat(x)
	case reflect.Bool:
		if n.Kind != yaml.ScalarNode || n.Tag != "!!bool" {
			return d.typeError(path, n, "true or false")
		}
		var b bool
		if err := n.Decode(&b); err != nil {
			return d.typeError(path, n, "true or false")
		}
		v.SetBool(b)
	case reflect.Slice:
		if n.Kind != yaml.SequenceNode {
			return d.typeError(path, n, "a list of "+plural(v.Type().Elem()))
		}
		s := reflect.MakeSlice(v.Type(), len(n.Content), len(n.Content))
		ok := true
		for i, c := range n.Content {
			p := fmt.Sprintf("%s[%d]", path, i)
			d.value(p, c, s.Index(i))
			ok = ok && !d.bad[p]
		}
		if !ok {
			if d.partial {
				v.Set(s)
			}
			return false
		}
		v.Set(s)
	case reflect.Struct:
		if n.Kind != yaml.MappingNode {
			// A scalar or a list may stand for the mapping's field
			// tagged ",short" or ",list" ({at: 1} written 1).
			if f, ok := shortField(v, n); ok {
				return d.decodeValue(path, n, f)
			}
			return d.typeError(path, n, "a mapping")
		}
		d.mapping(path, n, structFields(v), nil)
	case reflect.Map:
		if n.Kind != yaml.MappingNode {
			return d.typeError(path, n, "a mapping of names to "+plural(v.Type().Elem()))
		}
		m := reflect.MakeMap(v.Type())
		seen := map[string]int{}
		ok := true
		for i := 0; i+1 < len(n.Content); i += 2 {
			key, val := n.Content[i], n.Content[i+1]
			if key.Kind != yaml.ScalarNode || key.Tag == "!!null" {
				d.errorf(d.at(key), "%s: want a name, got %s", path, describe(key))
				ok = false
				continue
			}
			if line, dup := seen[key.Value]; dup {
				d.errorf(d.at(key), "duplicate key %q (first at line %d)", key.Value, line)
				ok = false
				continue
			}
			seen[key.Value] = key.Line
			p := path + "." + key.Value
			x := reflect.New(v.Type().Elem()).Elem()
			d.value(p, val, x)
			if d.bad[p] {
				ok = false
				continue
			}
			m.SetMapIndex(reflect.ValueOf(key.Value), x)
		}
		if !ok && !d.partial {
			return false
		}
		v.Set(m)
	default:
		panic("spec: no decoder for " + v.Type().String())
	}
	return true
}

// shortField returns the field of the struct v that a node other than a
// mapping stands for: the one tagged ",short" for a scalar, ",list" for a
// list.
func shortField(v reflect.Value, n *yaml.Node) (reflect.Value, bool) {
	want := "short"
	if n.Kind == yaml.SequenceNode {
		want = "list"
	} else if n.Kind != yaml.ScalarNode || n.Tag == "!!null" {
		return reflect.Value{}, false
	}
	t := v.Type()
	for i := range t.NumField() {
		if _, opt, _ := strings.Cut(t.Field(i).Tag.Get("yaml"), ","); opt == want {
			return v.Field(i), true
		}
	}
	return reflect.Value{}, false
}

// number decodes a finite number.
func (d *decoder) number(path string, n *yaml.Node) (float64, bool) {
	if n.Kind != yaml.ScalarNode || n.Tag != "!!int" && n.Tag != "!!float" {
		return 0, d.typeError(path, n, "a number")
	}
	var x float64
	if err := n.Decode(&x); err != nil {
		return 0, d.typeError(path, n, "a number")
	}
	if math.IsNaN(x) || math.IsInf(x, 0) {
		d.errorf(d.at(n), "%s: want a finite number, got %s", path, n.Value)
		return 0, false
	}
	return x, true
}

// pair decodes [a, b], two finite numbers.
func (d *decoder) pair(path string, n *yaml.Node, r *[2]float64) bool {
	if n.Kind != yaml.SequenceNode {
		return d.typeError(path, n, "a list of two numbers")
	}
	if len(n.Content) != 2 {
		d.errorf(d.at(n), "%s: want a list of two numbers, got %d", path, len(n.Content))
		return false
	}
	ok := true
	for i, c := range n.Content {
		if c.Kind == yaml.AliasNode {
			return false
		}
		x, good := d.number(fmt.Sprintf("%s[%d]", path, i), c)
		r[i] = x
		ok = ok && good
	}
	return ok
}

func plural(t reflect.Type) string {
	switch t {
	case textType:
		return "texts"
	}
	switch t.Kind() {
	case reflect.String:
		return "strings"
	case reflect.Float64:
		return "numbers"
	case reflect.Int:
		return "integers"
	}
	return "mappings"
}

// describe names the kind and value of a node for "got …" messages.
func describe(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.AliasNode:
		return "an alias"
	case yaml.DocumentNode:
		return "a document"
	}
	switch n.Tag {
	case "!!null":
		return "null"
	case "!!int":
		return "integer " + n.Value
	case "!!float":
		return "number " + n.Value
	case "!!bool":
		return "bool " + n.Value
	case "!!str":
		return fmt.Sprintf("string %q", n.Value)
	}
	return fmt.Sprintf("%s %q", n.Tag, n.Value)
}

// rest returns the source from the 1-based line and (rune) column to the
// end of the line, or "" when there is no such place.
func (d *decoder) rest(line, col int) string {
	if line < 1 || line > len(d.lines) || col < 1 {
		return ""
	}
	end := len(d.text)
	if line < len(d.lines) {
		end = d.lines[line]
	}
	off, c := d.lines[line-1], 1
	if d.restLine == line && d.restCol <= col {
		off, c = d.restOff, d.restCol
	}
	for ; c < col; c++ {
		_, size := utf8.DecodeRuneInString(d.text[off:end])
		if size == 0 {
			return ""
		}
		off += size
	}
	d.restLine, d.restCol, d.restOff = line, col, off
	return d.text[off:end]
}

// lineStarts returns the byte offset of each line of data; like YAML it
// breaks lines at \n, \r\n and \r.
func lineStarts(data []byte) []int {
	starts := []int{0}
	for i := 0; i < len(data); i++ {
		switch data[i] {
		case '\r':
			if i+1 < len(data) && data[i+1] == '\n' {
				i++
			}
			starts = append(starts, i+1)
		case '\n':
			starts = append(starts, i+1)
		}
	}
	return starts
}

// offsetPos returns the position of a byte offset of the data.
func (d *decoder) offsetPos(off int) Pos {
	line := 1
	for line < len(d.lines) && d.lines[line] <= off {
		line++
	}
	col := 1 + utf8.RuneCount(d.data[d.lines[line-1]:off])
	return Pos{File: d.file, Line: line, Col: col}
}

package spec

import (
	"bytes"
	"encoding/json"
	"fmt"
	"reflect"
	"slices"
	"strings"
)

// SchemaID is the $id of the JSON Schema that Schema returns.
const SchemaID = "https://github.com/figgen/figgen/spec/figgen.schema.json"

// Schema returns the JSON Schema (draft 2020-12) of spec files of these
// kinds, generated from the types the decoder fills, the keys it accepts,
// the constraints their Fields state and the defaults Decode fills in;
// spec/figgen.schema.json holds the output for figgen's kinds. The bytes are
// indented JSON, the same on every call.
//
// Each kind's fields are listed under an if/then on kind with
// additionalProperties false, so an editor flags a field that does not
// apply to the file's kind. Checks that span fields (min < max, one weight
// per input, edges naming existing nodes) are left to Decode.
func (s *Kinds) Schema() []byte {
	b, err := s.newSchemaGen().marshal()
	if err != nil {
		panic("spec: schema: " + err.Error())
	}
	return b
}

// textNote ends the description of every rich-text key.
const textNote = ` Rich text: any scalar, at most 2000 characters, no control characters but newlines; $…$ is math (TeX), \$ a literal dollar. Write TeX in single quotes or plain: in double quotes "\t" is a tab.`

// noControl is the JSON Schema pattern of a string without the characters
// forbidden rejects.
const noControl = "^[^\\u0000-\\u0009\\u000b-\\u001f\\u007f-\\u009f\\u2028\\u2029]*$"

// schemaGen builds the schema of a set of kinds.
type schemaGen struct {
	kinds    *Kinds
	defaults map[string]reflect.Value // decoded "kind: K" alone, by kind
}

func (s *Kinds) newSchemaGen() *schemaGen {
	g := &schemaGen{kinds: s, defaults: map[string]reflect.Value{}}
	for _, k := range s.Names() {
		f, err := s.Decode(k+".yaml", []byte("kind: "+k+"\n"))
		if err != nil {
			panic("spec: schema: " + err.Error())
		}
		g.defaults[k] = reflect.ValueOf(f).Elem()
	}
	return g
}

func (g *schemaGen) marshal() ([]byte, error) {
	s := g.schema()
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(s); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

func (g *schemaGen) schema() obj {
	figure := reflect.TypeFor[Figure]()
	common := structFields(reflect.New(figure).Elem())

	// A common key's default goes on the top level when every kind has the
	// same, else on each kind's branch.
	top := obj{}
	perKind := map[string]bool{}
	for _, f := range common {
		p := g.property("", f.name, f.v.Type())
		if f.name != "kind" && !g.skipDefault("", f.name) {
			def, ok := g.commonDefault(f.name)
			if ok {
				p = append(p, kv{"default", def})
			} else {
				perKind[f.name] = true
			}
		}
		top = append(top, kv{f.name, p})
	}

	var branches []any
	for _, k := range g.kinds.Names() {
		props := obj{}
		for _, f := range common {
			p := obj{{"$ref", "#/properties/" + f.name}}
			if perKind[f.name] && !g.skipDefault(k, f.name) {
				if def, ok := jsonValue(g.kindField(k, f.name, true)); ok {
					p = append(p, kv{"default", def})
				}
			}
			props = append(props, kv{f.name, p})
		}
		props = append(props, g.kindProperties(k)...)
		branches = append(branches, obj{
			{"if", obj{
				{"properties", obj{{"kind", obj{{"const", k}}}}},
				{"required", []string{"kind"}},
			}},
			{"then", obj{
				{"description", "kind " + k + ": " + g.doc(k)},
				{"properties", props},
				{"additionalProperties", false},
			}},
		})
	}

	return obj{
		{"$schema", "https://json-schema.org/draft/2020-12/schema"},
		{"$id", SchemaID},
		{"title", "figgen figure spec"},
		{"description", "One figure per YAML file: kind, the common fields and the fields of that kind, all at the top level. Generated from the kinds of package github.com/figgen/figgen/figures (figures.Kinds().Schema()); do not edit."},
		{"type", "object"},
		{"required", []string{"kind"}},
		{"properties", top},
		{"allOf", branches},
	}
}

func (g *schemaGen) skipDefault(kind, key string) bool {
	return g.kinds.field(kind, key).NoDefault
}

// doc returns the kind's line of documentation.
func (g *schemaGen) doc(kind string) string {
	k, _ := g.kinds.kind(kind)
	return k.Doc
}

// kindField returns the decoded value of key for "kind: K" alone: a common
// field of the Figure or a field of the kind's struct.
func (g *schemaGen) kindField(kind, key string, common bool) reflect.Value {
	v := g.defaults[kind]
	if !common {
		v = v.Addr().Interface().(*Figure).specValue()
	}
	for _, f := range structFields(v) {
		if f.name == key {
			return f.v
		}
	}
	panic("spec: schema: no field " + key + " in kind " + kind)
}

// commonDefault returns the default of a common key when all kinds share it.
func (g *schemaGen) commonDefault(key string) (any, bool) {
	var first []byte
	var def any
	for i, k := range g.kinds.Names() {
		v, ok := jsonValue(g.kindField(k, key, true))
		if !ok {
			return nil, false
		}
		b, err := json.Marshal(v)
		if err != nil {
			panic(err)
		}
		if i == 0 {
			first, def = b, v
		} else if !bytes.Equal(b, first) {
			return nil, false
		}
	}
	return def, true
}

// property returns the schema of the key at path (key, or list.key inside
// list items) of Go type t in kind ("" for the common keys).
func (g *schemaGen) property(kind, path string, t reflect.Type) obj {
	fd := g.kinds.field(kind, path)
	if path == "kind" && kind == "" {
		fd.Enum = g.kinds.Names()
	}
	s := obj{}
	if fd.Doc != "" {
		d := fd.Doc
		if t == textType || t.Kind() == reflect.Slice && t.Elem() == textType {
			d += textNote
		}
		s = append(s, kv{"description", d})
	}
	s = append(s, g.typeOf(kind, path, t, fd)...)
	return append(s, constraints(fd)...)
}

// items returns the schema of the items of the list at path.
func (g *schemaGen) items(kind, path string, t reflect.Type) obj {
	fd := g.kinds.field(kind, path+"[]")
	return append(g.typeOf(kind, path, t, fd), constraints(fd)...)
}

// constraints returns the JSON Schema keywords of what fd states.
func constraints(fd Field) obj {
	var o obj
	if fd.Enum != nil {
		o = append(o, kv{"enum", fd.Enum})
	}
	if fd.NonEmpty {
		o = append(o, kv{"minLength", 1})
	}
	if fd.Within != [2]float64{} {
		o = append(o, kv{"minimum", fd.Within[0]}, kv{"maximum", fd.Within[1]})
	}
	if fd.Items[0] > 0 {
		o = append(o, kv{"minItems", fd.Items[0]})
	}
	if fd.Items[1] > 0 {
		o = append(o, kv{"maxItems", fd.Items[1]})
	}
	if fd.Unique {
		o = append(o, kv{"uniqueItems", true})
	}
	if fd.Required != nil {
		o = append(o, kv{"required", fd.Required})
	}
	return o
}

// scalar is the JSON type of a YAML scalar read as a string.
var scalar = []string{"string", "number", "boolean"}

// typeOf returns the type keywords of Go type t: the JSON shapes the
// decoder accepts for it.
func (g *schemaGen) typeOf(kind, path string, t reflect.Type, fd Field) obj {
	switch t {
	case textType:
		return obj{{"type", append(scalar[:len(scalar):len(scalar)], "null")}, {"maxLength", maxTextLen}, {"pattern", noControl}}
	case codeType:
		return obj{{"type", scalar}, {"maxLength", maxTextLen}, {"pattern", noControl}}
	case rangePtrType:
		return obj{{"type", "array"}, {"items", obj{{"type", "number"}, {"minimum", -MaxCoord}, {"maximum", MaxCoord}}}, {"minItems", 2}, {"maxItems", 2}}
	case vec2Type:
		return obj{{"type", "array"}, {"items", g.items(kind, path, t.Elem())}, {"minItems", 2}, {"maxItems", 2}}
	case themesType: // a list, or one name for a list of it
		return obj{{"anyOf", []any{g.items(kind, path, t.Elem()), obj{{"type", "array"}, {"items", g.items(kind, path, t.Elem())}}}}}
	}
	switch t.Kind() {
	case reflect.String:
		if fd.Enum != nil {
			return obj{{"type", "string"}}
		}
		return obj{{"type", scalar}, {"pattern", noControl}}
	case reflect.Int:
		return obj{{"type", "integer"}}
	case reflect.Float64:
		return obj{{"type", "number"}}
	case reflect.Bool:
		return obj{{"type", "boolean"}}
	case reflect.Slice:
		return obj{{"type", "array"}, {"items", g.items(kind, path, t.Elem())}}
	case reflect.Struct:
		props := obj{}
		for _, f := range structFields(reflect.New(t).Elem()) {
			props = append(props, kv{f.name, g.property(kind, path+"."+f.name, f.v.Type())})
		}
		o := obj{{"type", "object"}, {"properties", props}, {"additionalProperties", false}}
		var alts []any
		for i := range t.NumField() {
			name, opt, _ := strings.Cut(t.Field(i).Tag.Get("yaml"), ",")
			if opt == "short" || opt == "list" {
				alts = append(alts, g.typeOf(kind, path+"."+name, t.Field(i).Type, g.kinds.field(kind, path+"."+name)))
			}
		}
		if alts != nil {
			return obj{{"anyOf", append(alts, o)}}
		}
		return o
	case reflect.Map:
		return obj{{"type", "object"}, {"additionalProperties", g.items(kind, path, t.Elem())}}
	}
	panic("spec: schema: no JSON type for " + t.String())
}

// jsonValue returns the JSON form of a decoded value, false for none (a
// nil range or list, or a list of mappings).
func jsonValue(v reflect.Value) (any, bool) {
	switch v.Type() {
	case textType:
		return v.Interface().(Text).Src, true
	case rangePtrType:
		if v.IsNil() {
			return nil, false
		}
		r := v.Interface().(*Range)
		return []float64{r.Min, r.Max}, true
	}
	switch v.Kind() {
	case reflect.String, reflect.Int, reflect.Float64, reflect.Bool:
		return v.Interface(), true
	case reflect.Slice, reflect.Array:
		if v.Kind() == reflect.Slice && v.IsNil() {
			return nil, false
		}
		a := []any{}
		for i := range v.Len() {
			x, ok := jsonValue(v.Index(i))
			if !ok {
				return nil, false
			}
			a = append(a, x)
		}
		return a, true
	}
	return nil, false
}

// obj is a JSON object that keeps its keys in order.
type obj []kv

// kv is one member of an obj.
type kv struct {
	k string
	v any
}

// MarshalJSON writes the members in order.
func (o obj) MarshalJSON() ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	buf.WriteByte('{')
	for i, m := range o {
		if i > 0 {
			buf.WriteByte(',')
		}
		if err := enc.Encode(m.k); err != nil {
			return nil, err
		}
		buf.WriteByte(':')
		if err := enc.Encode(m.v); err != nil {
			return nil, fmt.Errorf("%s: %w", m.k, err)
		}
	}
	buf.WriteByte('}')
	return buf.Bytes(), nil
}

// ConfigSchemaID is the $id of the JSON Schema that ConfigSchema returns.
const ConfigSchemaID = "https://github.com/figgen/figgen/spec/figgen.config.schema.json"

// ConfigSchema returns the JSON Schema (draft 2020-12) of a folder config,
// figgen.yaml, generated like Schema's; spec/figgen.config.schema.json holds
// its output. Defaults are the built-in ones a config overrides. Checks that
// span fields are left to DecodeConfig.
func (s *Kinds) ConfigSchema() []byte {
	g := s.newSchemaGen()
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(g.configSchema()); err != nil {
		panic("spec: config schema: " + err.Error())
	}
	return buf.Bytes()
}

func (g *schemaGen) configSchema() obj {
	top := obj{}
	for _, f := range structFields(reflect.New(reflect.TypeFor[Figure]()).Elem()) {
		if !slices.Contains(configFields, f.name) {
			continue
		}
		p := g.property("", f.name, f.v.Type())
		if def, ok := g.commonDefault(f.name); ok {
			p = append(p, kv{"default", def})
		}
		top = append(top, kv{f.name, p})
	}
	kinds := obj{}
	for _, k := range g.kinds.Names() {
		props := obj{}
		props = append(props, g.kindProperties(k)...)
		kinds = append(kinds, kv{k, obj{
			{"description", "Defaults of kind " + k + ": " + g.doc(k)},
			{"type", []string{"object", "null"}},
			{"properties", props},
			{"additionalProperties", false},
		}})
	}
	top = append(top, kv{"kinds", obj{
		{"description", "Defaults of each kind's own fields, by kind."},
		{"type", []string{"object", "null"}},
		{"properties", kinds},
		{"additionalProperties", false},
	}})
	return obj{
		{"$schema", "https://json-schema.org/draft/2020-12/schema"},
		{"$id", ConfigSchemaID},
		{"title", "figgen folder config"},
		{"description", "figgen.yaml: defaults for every spec in its folder; a spec's own value wins. Generated from the kinds of package github.com/figgen/figgen/figures (figures.Kinds().ConfigSchema()); do not edit."},
		{"type", []string{"object", "null"}},
		{"properties", top},
		{"additionalProperties", false},
	}
}

// kindProperties returns the schema of each field of kind k, with its
// default where it has one of its own.
func (g *schemaGen) kindProperties(k string) obj {
	var props obj
	kd, _ := g.kinds.kind(k)
	for _, f := range structFields(reflect.New(kd.typ).Elem()) {
		p := g.property(k, f.name, f.v.Type())
		if !g.skipDefault(k, f.name) {
			if def, ok := jsonValue(g.kindField(k, f.name, false)); ok {
				p = append(p, kv{"default", def})
			}
		}
		props = append(props, kv{f.name, p})
	}
	return props
}

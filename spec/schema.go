package spec

import (
	"bytes"
	"encoding/json"
	"fmt"
	"reflect"
	"slices"
)

// SchemaID is the $id of the JSON Schema that Schema returns.
const SchemaID = "https://github.com/figgen/figgen/spec/figgen.schema.json"

// Schema returns the JSON Schema (draft 2020-12) of spec files, generated
// from the types the decoder fills, the keys it accepts, the values validate
// allows and the defaults Decode fills in; spec/figgen.schema.json holds its
// output. The bytes are indented JSON, the same on every call.
//
// Each kind's fields are listed under an if/then on kind with
// additionalProperties false, so an editor flags a field that does not
// apply to the file's kind. Checks that span fields (min < max, one weight
// per input, edges naming existing nodes) are left to Decode.
func Schema() []byte {
	b, err := newSchemaGen().marshal()
	if err != nil {
		panic("spec: schema: " + err.Error())
	}
	return b
}

// fieldDoc describes one key for the schema: a one-line description and the
// keywords validate enforces beyond the Go type.
type fieldDoc struct {
	desc  string
	extra obj
}

// fieldDocs holds the key descriptions and constraints, by "kind.key" where
// the key means something of its own in that kind, else by key. Keys inside
// list items are "list.key"; "key[]" holds the constraints of a list's items.
var fieldDocs = map[string]fieldDoc{
	"kind":      {"The figure's kind: it decides which other fields apply.", obj{{"enum", kindNames[:]}}},
	"title":     {"Title drawn above the figure.", nil},
	"output":    {"Base name of the output files under the out folder: a relative, slash-separated path without extension; default the spec file's name.", obj{{"minLength", 1}}},
	"formats":   {"Image formats to write.", obj{{"minItems", 1}, {"uniqueItems", true}}},
	"formats[]": {"", obj{{"enum", formatNames}}},
	"width":     {"Image width in pixels; width × height at most 25 megapixels.", obj{{"minimum", minWidth}, {"maximum", maxSize}}},
	"height":    {"Image height in pixels; width × height at most 25 megapixels.", obj{{"minimum", minHeight}, {"maximum", maxSize}}},
	"alt":       {"One sentence describing the figure for readers who cannot see it; default a sentence for the kind.", nil},

	"x_label":      {"Label of the x axis.", nil},
	"y_label":      {"Label of the y axis.", nil},
	"x_range":      {"Range of the x axis as [min, max]" + rangeNote + "; default the kind's.", nil},
	"y_range":      {"Range of the y axis as [min, max]" + rangeNote + "; default the kind's.", nil},
	"step.x_range": {"Range of the x axis as [min, max]" + rangeNote + ", threshold strictly inside; default [threshold − 3, threshold + 3].", nil},
	"grid":         {"Draw grid lines.", nil},

	"step.threshold":  {"Where the step jumps from 0 to 1.", nil},
	"threshold_label": {`When set, the x axis shows only this tick, at threshold (e.g. $\theta$).`, nil},

	"formula":       {"Formula drawn in the plot; empty for none.", nil},
	"mark_midpoint": {"Mark (0, 0.5) with a dot and guide lines.", nil},

	"activation":         {"Activation a of the curves a(z + b).", obj{{"enum", activationNames}}},
	"bias-shift.y_label": {"Label of the y axis; default a(z+b) with the activation's symbol.", nil},
	"biases":             {"Bias b of each curve, one curve each: distinct, each within ±1e9.", obj{{"minItems", 1}, {"maxItems", maxBiases}, {"uniqueItems", true}}},
	"biases[]":           {"", obj{{"minimum", -maxCoord}, {"maximum", maxCoord}}},
	"legend":             {"Corner of the legend.", obj{{"enum", legendNames}}},

	"z_label":                   {"Label of the third axis (three weights).", nil},
	"threshold-plane.weights":   {"Weights w of the boundary w·x = θ: two (a line) or three (a plane).", obj{{"minItems", 2}, {"maxItems", 3}}},
	"threshold-plane.threshold": {"Threshold θ of the boundary w·x = θ.", nil},
	"fire":                      {"Legend text for the inputs that fire (y = 1).", nil},
	"no_fire":                   {"Legend text for the inputs that do not fire (y = 0).", nil},

	"inputs":            {"Number of inputs n; default the number of input_labels or weights given, else 3.", obj{{"minimum", 1}, {"maximum", maxInputs}}},
	"input_labels":      {"Label of each input, n of them; default $x_1$ … $x_n$.", obj{{"minItems", 1}, {"maxItems", maxInputs}}},
	"unit.weights":      {"Label of each input edge's weight, n of them; default $w_1$ … $w_n$.", obj{{"minItems", 1}, {"maxItems", maxInputs}}},
	"edge_labels":       {"What the input edges show: the weights, their products with the inputs ($w_1x_1$ …) or nothing.", obj{{"enum", edgeLabelNames}}},
	"unit.body":         {"Glyph in the unit's body.", obj{{"enum", bodyNames}}},
	"body_label":        {"Overrides the body's glyph when set.", nil},
	"unit.output_label": {"Label of the output (the key output is the file name).", nil},
	"fan_out":           {"Number of output arrows.", obj{{"minimum", 1}, {"maximum", maxFanOut}}},
	"bias":              {"Add an input fixed at 1 with weight bias_label.", nil},
	"bias_label":        {"Weight label of the bias input.", nil},
	"caption":           {"Text under the diagram (e.g. the weighted sum).", nil},

	"direction":    {"Whether the panels show input or output signals.", obj{{"enum", directionNames}}},
	"variable":     {"Variable of the panels; default $x$ for input, $y$ for output.", nil},
	"rows":         {"One panel per row; default two rows, no signal → 0 and signal → 1 (no reaction and reaction for output).", obj{{"minItems", 1}, {"maxItems", maxRows}}},
	"rows[]":       {"", obj{{"required", []string{"value"}}}},
	"rows.caption": {"Caption of the row.", nil},
	"rows.value":   {"Value of the variable in the row.", obj{{"enum", []int{0, 1}}}},

	"dendrites":                {"Label of the dendrites.", nil},
	"neuron-cell.body":         {"Label of the cell body.", nil},
	"axon":                     {"Label of the axon.", nil},
	"terminals":                {"Label of the axon terminals.", nil},
	"neuron-cell.output_label": {"Label of the output (the key output is the file name).", nil},

	"nodes":        {"Nodes of the diagram, each at its own place.", obj{{"maxItems", maxNodes}}},
	"nodes[]":      {"", obj{{"required", []string{"id", "at"}}}},
	"nodes.id":     {"Id of the node, unique, for edges to refer to.", obj{{"minLength", 1}}},
	"nodes.label":  {"Text drawn in or as the node.", nil},
	"nodes.shape":  {"Shape of the node; default circle.", obj{{"enum", shapeNames}}},
	"nodes.at":     {"Centre [x, y] in the unit square: x right, y up.", nil},
	"nodes.at[]":   {"", obj{{"minimum", 0}, {"maximum", 1}}},
	"edges":        {"Arrows between two nodes at different places.", obj{{"maxItems", maxEdges}}},
	"edges[]":      {"", obj{{"required", []string{"from", "to"}}}},
	"edges.from":   {"Id of the node the arrow starts at.", nil},
	"edges.to":     {"Id of the node the arrow points to.", nil},
	"edges.label":  {"Text beside the arrow.", nil},
	"edges.dashed": {"Draw the arrow dashed.", nil},

	"lines": {"Lines of rich text, one per entry.", obj{{"minItems", 1}, {"maxItems", maxLines}}},
}

// noDefault lists the keys (looked up like fieldDocs) whose default depends
// on other fields or on the file, so that the schema gives none; their
// descriptions say it in words.
var noDefault = map[string]bool{
	"output":                true,
	"alt":                   true,
	"bias-shift.title":      true,
	"threshold-plane.title": true,
	"bias-shift.y_label":    true,
	"unit.inputs":           true,
	"unit.input_labels":     true,
	"unit.weights":          true,
	"signal.variable":       true,
	"signal.rows":           true,
	"step.x_range":          true,
}

// kindDocs describes each kind in one line.
var kindDocs = map[string]string{
	"bias-shift":      "Curves a(z + b), one per bias b, with a legend.",
	"diagram":         "Free nodes and arrows in the unit square.",
	"neuron-cell":     "A schematic biological neuron.",
	"sigmoid":         "The sigmoid σ(z) = 1/(1+e^(−z)).",
	"signal":          "Rows of “caption → variable = value” panels for input or output signals.",
	"specimen":        "Lines of rich text, to show what the typesetter does.",
	"step":            "The unit step u(z), or with threshold_label the reaction-condition graph.",
	"threshold-plane": "The boundary w·x = θ over two or three inputs, the inputs that fire marked.",
	"unit":            "A neuron unit: inputs, weighted edges, the unit's body and its outputs.",
}

// textNote ends the description of every rich-text key.
const textNote = ` Rich text: any scalar, at most 2000 characters, no control characters but newlines; $…$ is math (TeX), \$ a literal dollar. Write TeX in single quotes or plain: in double quotes "\t" is a tab.`

// rangeNote describes the limits of a range.
const rangeNote = ", min < max, both within ±1e9 and max − min at least 1e-6 × max(1, |min|, |max|)"

// noControl is the JSON Schema pattern of a string without the characters
// forbidden rejects.
const noControl = "^[^\\u0000-\\u0009\\u000b-\\u001f\\u007f-\\u009f\\u2028\\u2029]*$"

// schemaGen builds the schema and records the fieldDocs and noDefault keys
// it used.
type schemaGen struct {
	usedDocs, usedNoDefault map[string]bool
	defaults                map[string]reflect.Value // decoded "kind: K" alone, by kind
}

func newSchemaGen() *schemaGen {
	g := &schemaGen{usedDocs: map[string]bool{}, usedNoDefault: map[string]bool{}, defaults: map[string]reflect.Value{}}
	for _, k := range kindNames {
		f, err := Decode(k+".yaml", []byte("kind: "+k+"\n"))
		if err != nil {
			panic("spec: schema: " + err.Error())
		}
		g.defaults[k] = reflect.ValueOf(f).Elem()
	}
	return g
}

// lookup returns the entry of m for key in kind, the kind's own first, and
// records the key it used in used.
func lookup[V any](used map[string]bool, m map[string]V, kind, key string) (V, bool) {
	for _, k := range []string{kind + "." + key, key} {
		if v, ok := m[k]; ok {
			used[k] = true
			return v, true
		}
	}
	var zero V
	return zero, false
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
	for _, k := range kindNames {
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
				{"description", "kind " + k + ": " + kindDocs[k]},
				{"properties", props},
				{"additionalProperties", false},
			}},
		})
	}

	return obj{
		{"$schema", "https://json-schema.org/draft/2020-12/schema"},
		{"$id", SchemaID},
		{"title", "figgen figure spec"},
		{"description", "One figure per YAML file: kind, the common fields and the fields of that kind, all at the top level. Generated from the Go types of package github.com/figgen/figgen/spec (spec.Schema); do not edit."},
		{"type", "object"},
		{"required", []string{"kind"}},
		{"properties", top},
		{"allOf", branches},
	}
}

func (g *schemaGen) skipDefault(kind, key string) bool {
	v, _ := lookup(g.usedNoDefault, noDefault, kind, key)
	return v
}

// kindField returns the decoded value of key for "kind: K" alone: a common
// field of the Figure or a field of the kind's struct.
func (g *schemaGen) kindField(kind, key string, common bool) reflect.Value {
	v := g.defaults[kind]
	if !common {
		v = v.Addr().Interface().(*Figure).kindValue()
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
	for i, k := range kindNames {
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
// list items) of Go type t.
func (g *schemaGen) property(kind, path string, t reflect.Type) obj {
	doc, _ := lookup(g.usedDocs, fieldDocs, kind, path)
	s := obj{}
	if doc.desc != "" {
		d := doc.desc
		if t == textType || t.Kind() == reflect.Slice && t.Elem() == textType {
			d += textNote
		}
		s = append(s, kv{"description", d})
	}
	s = append(s, g.typeOf(kind, path, t, doc)...)
	return append(s, doc.extra...)
}

// items returns the schema of the items of the list at path.
func (g *schemaGen) items(kind, path string, t reflect.Type) obj {
	doc, _ := lookup(g.usedDocs, fieldDocs, kind, path+"[]")
	return append(g.typeOf(kind, path, t, doc), doc.extra...)
}

// scalar is the JSON type of a YAML scalar read as a string.
var scalar = []string{"string", "number", "boolean"}

// typeOf returns the type keywords of Go type t: the JSON shapes the
// decoder accepts for it.
func (g *schemaGen) typeOf(kind, path string, t reflect.Type, doc fieldDoc) obj {
	switch t {
	case textType:
		return obj{{"type", append(scalar[:len(scalar):len(scalar)], "null")}, {"maxLength", maxTextLen}, {"pattern", noControl}}
	case rangePtrType:
		return obj{{"type", "array"}, {"items", obj{{"type", "number"}, {"minimum", -maxCoord}, {"maximum", maxCoord}}}, {"minItems", 2}, {"maxItems", 2}}
	case vec2Type:
		return obj{{"type", "array"}, {"items", g.items(kind, path, t.Elem())}, {"minItems", 2}, {"maxItems", 2}}
	}
	switch t.Kind() {
	case reflect.String:
		for _, m := range doc.extra {
			if m.k == "enum" {
				return obj{{"type", "string"}}
			}
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
		return obj{{"type", "object"}, {"properties", props}, {"additionalProperties", false}}
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
func ConfigSchema() []byte {
	g := newSchemaGen()
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
	for _, k := range kindNames {
		props := obj{}
		props = append(props, g.kindProperties(k)...)
		kinds = append(kinds, kv{k, obj{
			{"description", "Defaults of kind " + k + ": " + kindDocs[k]},
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
		{"description", "figgen.yaml: defaults for every spec in its folder; a spec's own value wins. Generated from the Go types of package github.com/figgen/figgen/spec (spec.ConfigSchema); do not edit."},
		{"type", []string{"object", "null"}},
		{"properties", top},
		{"additionalProperties", false},
	}
}

// kindProperties returns the schema of each field of kind k, with its
// default where it has one of its own.
func (g *schemaGen) kindProperties(k string) obj {
	var props obj
	for _, f := range structFields(reflect.New(kindType(k)).Elem()) {
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

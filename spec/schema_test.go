package spec_test

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/figgen/figgen/spec"
)

var update = flag.Bool("update", false, "rewrite figgen.schema.json from Schema")

const schemaFile = "figgen.schema.json"

// TestSchemaUpToDate checks that the committed schema is Schema's output;
// -update rewrites it.
func TestSchemaUpToDate(t *testing.T) {
	got := kinds.Schema()
	if !bytes.Equal(got, kinds.Schema()) {
		t.Fatal("Schema differs between two calls")
	}
	if *update {
		if err := os.WriteFile(schemaFile, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(schemaFile)
	if err != nil {
		t.Fatalf("%v (go test ./spec/ -run TestSchemaUpToDate -update writes it)", err)
	}
	if !bytes.Equal(got, want) {
		g, w := strings.Split(string(got), "\n"), strings.Split(string(want), "\n")
		i := 0
		for i < len(g) && i < len(w) && g[i] == w[i] {
			i++
		}
		line := func(ls []string) string {
			if i < len(ls) {
				return ls[i]
			}
			return "(end of file)"
		}
		t.Errorf("%s is stale (go test ./spec/ -run TestSchemaUpToDate -update): line %d is %q, Schema gives %q",
			schemaFile, i+1, line(w), line(g))
	}
}

// loadSchema returns the committed schema, parsed.
func loadSchema(t *testing.T) map[string]any {
	t.Helper()
	b, err := os.ReadFile(schemaFile)
	if err != nil {
		t.Fatal(err)
	}
	var s map[string]any
	if err := json.Unmarshal(b, &s); err != nil {
		t.Fatalf("%s: %v", schemaFile, err)
	}
	return s
}

// branch returns the "then" schema of kind k.
func branch(t *testing.T, s map[string]any, k string) map[string]any {
	t.Helper()
	for _, b := range s["allOf"].([]any) {
		b := b.(map[string]any)
		if b["if"].(map[string]any)["properties"].(map[string]any)["kind"].(map[string]any)["const"] == k {
			return b["then"].(map[string]any)
		}
	}
	t.Fatalf("no branch for kind %q", k)
	return nil
}

func keys(m any) []string {
	var ks []string
	for k := range m.(map[string]any) {
		ks = append(ks, k)
	}
	slices.Sort(ks)
	return ks
}

// TestSchemaFields checks that the schema lists for each kind exactly the
// keys the decoder accepts, inside list items too.
func TestSchemaFields(t *testing.T) {
	s := loadSchema(t)
	if s["$schema"] != "https://json-schema.org/draft/2020-12/schema" || s["$id"] != spec.SchemaID {
		t.Errorf("$schema, $id = %v, %v", s["$schema"], s["$id"])
	}
	common := commonFields()
	if got, want := keys(s["properties"]), sortedNames(common); !slices.Equal(got, want) {
		t.Errorf("top-level properties %q, want %q", got, want)
	}
	var branches []string
	for _, b := range s["allOf"].([]any) {
		branches = append(branches, b.(map[string]any)["if"].(map[string]any)["properties"].(map[string]any)["kind"].(map[string]any)["const"].(string))
	}
	if !slices.Equal(branches, kinds.Names()) {
		t.Errorf("branches for kinds %q, want %q", branches, kinds.Names())
	}
	for _, k := range kinds.Names() {
		t.Run(k, func(t *testing.T) {
			then := branch(t, s, k)
			if then["additionalProperties"] != false {
				t.Errorf("additionalProperties = %v, want false", then["additionalProperties"])
			}
			own := kindFields(k)
			want := sortedNames(append(slices.Clone(common), own...))
			if got := keys(then["properties"]); !slices.Equal(got, want) {
				t.Errorf("properties %q, want %q", got, want)
			}
			props := then["properties"].(map[string]any)
			for _, f := range own {
				if ps, ok := props[f.name].(map[string]any); ok {
					nestedFields(t, f.name, f.v.Type(), ps)
				}
			}
		})
	}
}

// nestedFields checks the keys of the mappings inside a value of type typ.
func nestedFields(t *testing.T, path string, typ reflect.Type, s map[string]any) {
	t.Helper()
	switch {
	case typ == textType || typ == rangePtrType || typ == vec2Type || typ == reflect.TypeFor[spec.Code]():
	case typ.Kind() == reflect.Slice:
		items, ok := s["items"].(map[string]any)
		if !ok {
			t.Errorf("%s: no items", path)
			return
		}
		nestedFields(t, path+"[]", typ.Elem(), items)
	case typ.Kind() == reflect.Struct:
		if alts, ok := s["anyOf"].([]any); ok {
			s = alts[len(alts)-1].(map[string]any) // the mapping; a scalar or list stands for one of its keys
		}
		fs := yamlFields(reflect.New(typ).Elem())
		if got, want := keys(s["properties"]), sortedNames(fs); !slices.Equal(got, want) {
			t.Errorf("%s: properties %q, want %q", path, got, want)
		}
		if s["additionalProperties"] != false {
			t.Errorf("%s: additionalProperties = %v, want false", path, s["additionalProperties"])
		}
		props := s["properties"].(map[string]any)
		for _, f := range fs {
			if ps, ok := props[f.name].(map[string]any); ok {
				nestedFields(t, path+"."+f.name, f.v.Type(), ps)
			}
		}
	}
}

// TestSchemaTables checks that every kind and every key of the schema has
// a description. (That each key a kind's Fields documents is a key of the
// kind, spec.NewKinds checks: it panics on one that is not.)
func TestSchemaTables(t *testing.T) {
	s := loadSchema(t)
	for _, k := range kinds.Names() {
		desc, _ := branch(t, s, k)["description"].(string)
		if doc, ok := strings.CutPrefix(desc, "kind "+k+": "); !ok || doc == "" {
			t.Errorf("kind %q: description %q, want its doc", k, desc)
		}
	}
	var walk func(path string, s map[string]any)
	walk = func(path string, s map[string]any) {
		if p, ok := s["properties"].(map[string]any); ok {
			for name, ps := range p {
				ps := ps.(map[string]any)
				if ps["description"] == nil && ps["$ref"] == nil && ps["const"] == nil {
					t.Errorf("%s.%s has no description", path, name)
				}
				walk(path+"."+name, ps)
			}
		}
		if it, ok := s["items"].(map[string]any); ok {
			walk(path+"[]", it)
		}
		for _, b := range anyList(s["allOf"]) {
			walk(path, b.(map[string]any)["then"].(map[string]any))
		}
	}
	walk("", s)
}

func anyList(v any) []any {
	l, _ := v.([]any)
	return l
}

// exampleSpecs returns the spec files of the repository and of testdata.
func exampleSpecs(t *testing.T) []string {
	t.Helper()
	var files []string
	for _, pat := range []string{"../specs/*.yaml", "testdata/*.yaml"} {
		m, err := filepath.Glob(pat)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, m...)
	}
	if len(files) == 0 {
		t.Fatal("no example specs")
	}
	return files
}

// TestSchemaExamples checks the example specs against the schema: each
// uses only keys listed for its kind and validates.
func TestSchemaExamples(t *testing.T) {
	s := loadSchema(t)
	for _, file := range exampleSpecs(t) {
		t.Run(strings.TrimPrefix(filepath.ToSlash(file), "../"), func(t *testing.T) {
			data, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			x := instance(t, data)
			m, ok := x.(map[string]any)
			if !ok {
				t.Fatalf("not a mapping: %T", x)
			}
			kind, _ := m["kind"].(string)
			props := branch(t, s, kind)["properties"].(map[string]any)
			for k := range m {
				if props[k] == nil {
					t.Errorf("key %q is not a property of kind %q", k, kind)
				}
			}
			if errs := validate(s, s, x, ""); len(errs) > 0 {
				t.Errorf("schema rejects it:\n%s", strings.Join(errs, "\n"))
			}
		})
	}
}

// TestSchemaRejects checks specs that Decode rejects: the schema rejects
// them too.
func TestSchemaRejects(t *testing.T) {
	s := loadSchema(t)
	for _, tt := range []struct{ name, in string }{
		{"no kind", "title: T"},
		{"unknown kind", "kind: sigmod"},
		{"unknown field", "kind: step\ntitel: T"},
		{"field of another kind", "kind: step\nbiases: [1]"},
		{"output_label of unit on step", "kind: step\noutput_label: y"},
		{"bad format", "kind: step\nformats: [jpg]"},
		{"no formats", "kind: step\nformats: []"},
		{"duplicate format", "kind: step\nformats: [png, png]"},
		{"width 0", "kind: step\nwidth: 0"},
		{"height too big", "kind: step\nheight: 10001"},
		{"float width", "kind: step\nwidth: 1.5"},
		{"range of one", "kind: sigmoid\nx_range: [1]"},
		{"range of text", "kind: sigmoid\ny_range: [a, b]"},
		{"grid yes string", "kind: sigmoid\ngrid: 'yes'"},
		{"mapping as text", "kind: step\ntitle: {a: 1}"},
		{"list as text", "kind: specimen\nlines: [[a]]"},
		{"bad activation", "kind: bias-shift\nactivation: softmax"},
		{"too many biases", "kind: bias-shift\nbiases: [1, 2, 3, 4, 5, 6, 7, 8, 9]"},
		{"duplicate bias", "kind: bias-shift\nbiases: [1, 2, 1]"},
		{"bias too far", "kind: bias-shift\nbiases: [0, 2e9]"},
		{"one weight", "kind: threshold-plane\nweights: [1]"},
		{"fan_out 6", "kind: unit\nfan_out: 6"},
		{"13 inputs", "kind: unit\ninputs: 13"},
		{"bad body", "kind: unit\nbody: square"},
		{"neuron-cell body list", "kind: neuron-cell\nbody: [a]"},
		{"bad direction", "kind: signal\ndirection: both"},
		{"row value 2", "kind: signal\nrows: [{caption: a, value: 2}]"},
		{"row without value", "kind: signal\nrows: [{caption: a}]"},
		{"row unknown key", "kind: signal\nrows: [{caption: a, value: 1, colour: red}]"},
		{"node without at", "kind: diagram\nnodes: [{id: a}]"},
		{"node outside", "kind: diagram\nnodes: [{id: a, at: [0, 1.5]}]"},
		{"output empty", "kind: step\noutput: ''"},
		{"node empty id", "kind: diagram\nnodes: [{id: '', at: [0, 0]}]"},
		{"bad shape", "kind: diagram\nnodes: [{id: a, at: [0, 0], shape: star}]"},
		{"edge without to", "kind: diagram\nnodes: [{id: a, at: [0, 0]}]\nedges: [{from: a}]"},
		{"no lines", "kind: specimen\nlines: []"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := kinds.Decode("t.yaml", []byte(tt.in)); err == nil {
				t.Fatalf("Decode accepts %q", tt.in)
			}
			if errs := validate(s, s, instance(t, []byte(tt.in)), ""); len(errs) == 0 {
				t.Errorf("schema accepts %q", tt.in)
			}
		})
	}
}

// TestSchemaBounds checks every top-level enum, integer bound and item count
// of the schema against Decode: the values at the bounds decode, the ones
// just past them do not, and the schema agrees on each.
func TestSchemaBounds(t *testing.T) {
	s := loadSchema(t)
	for _, k := range kinds.Names() {
		props := branch(t, s, k)["properties"].(map[string]any)
		for _, name := range keys(props) {
			ps := resolve(s, props[name].(map[string]any))
			var cases []struct {
				v  any
				ok bool
			}
			add := func(v any, ok bool) {
				cases = append(cases, struct {
					v  any
					ok bool
				}{v, ok})
			}
			if name != "kind" {
				for _, e := range anyList(ps["enum"]) {
					add(e, true)
				}
				if ps["enum"] != nil {
					add("no-such-value", false)
				}
			}
			if lo, ok := ps["minimum"].(float64); ok {
				add(lo, true)
				add(lo-1, false)
			}
			if hi, ok := ps["maximum"].(float64); ok {
				add(hi, true)
				add(hi+1, false)
			}
			if items, ok := ps["items"].(map[string]any); ok && !strings.HasSuffix(name, "_range") {
				item := func(int) any { return sample(s, items) }
				switch name {
				case "nodes": // ids unique, each at its own place
					item = func(i int) any {
						return map[string]any{"id": fmt.Sprint("n", i), "at": []float64{float64(i%11) / 10, float64(i/11) / 10}}
					}
				case "edges": // between the two nodes of context
					item = func(int) any { return map[string]any{"from": "a", "to": "b"} }
				case "biases": // distinct
					item = func(i int) any { return i }
				case "scales": // distinct, 1 to 3
					item = func(i int) any { return i + 1 }
				case "x_ticks", "y_ticks": // a number or {at, label}
					item = func(i int) any { return i }
				case "vars": // distinct names, those of the default function
					item = func(i int) any { return string(rune('x' + i)) }
				}
				if k == "plot" && name == "layers" { // each of one kind
					item = func(i int) any { return map[string]any{"hline": i} }
				}
				if k == "plot" && name == "legend_order" { // distinct entries of a legend of 40 × 20
					item = func(i int) any { return i }
				}
				if k == "plot" && name == "panels" { // each with a layer
					item = func(i int) any { return map[string]any{"layers": []any{map[string]any{"hline": i}}} }
				}
				if k == "perceptron" && name == "points" { // labelled 0 or 1
					item = func(i int) any { return []any{i, 0, i % 2} }
				}
				if k == "perceptron" && name == "epochs_shown" { // distinct epochs of a run that does not stop early
					item = func(i int) any { return i }
				}
				if k == "pixels" && name == "images" { // each with its cells
					item = func(int) any { return map[string]any{"rows": []string{"#"}} }
				}
				list := func(n int) []any {
					l := []any{}
					for i := range n {
						l = append(l, item(i))
					}
					return l
				}
				if lo, ok := ps["minItems"].(float64); ok && ps["uniqueItems"] != true {
					add(list(int(lo)), true)
					if lo > 0 {
						add(list(int(lo)-1), false)
					}
				}
				if hi, ok := ps["maxItems"].(float64); ok {
					add(list(int(hi)), true)
					add(list(int(hi)+1), false)
				}
			}
			for _, c := range cases {
				v, err := json.Marshal(c.v)
				if err != nil {
					t.Fatal(err)
				}
				in := fmt.Sprintf("kind: %s\n%s: %s\n", k, name, v)
				if name == "edges" {
					in += "nodes: [{id: a, at: [0, 0]}, {id: b, at: [1, 1]}]\n"
				}
				if k == "plot" && name == "legend_order" { // as many labelled curves as the limits allow
					in += "layers:\n" + strings.Repeat("  - {function: x + b, label: a, for_each: {b: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19]}}\n", 40)
				}
				if k == "pixels" && name == "highlight" { // a cell of a convolution's feature map
					in += "convolve: {}\n"
				}
				if k == "network" && name == "edge_style" { // weight needs the default 12-3-2 network's weights
					row12, row3 := "[1"+strings.Repeat(", 1", 11)+"]", "[1, 1, 1]"
					in += "weights: [[" + row12 + ", " + row12 + ", " + row12 + "], [" + row3 + ", " + row3 + "]]\n"
				}
				if k == "perceptron" && name == "epochs_shown" {
					in += "data: xor\nepochs: 20\nx_range: [-2, 2]\ny_range: [-2, 2]\n"
				}
				if k == "descent" && (name == "start" || name == "vars") { // one start per var, the cost over them
					n := 2
					if l, ok := c.v.([]any); ok {
						n = len(l)
					}
					if name == "start" {
						in += fmt.Sprintf("vars: %s\ncost: '1'\n", []string{"[]", "[w1]", "[w1, w2]", "[w1, w2, w3]"}[min(n, 3)])
					} else {
						in += fmt.Sprintf("start: %s\ncost: '1'\n", []string{"[]", "[0]", "[0, 0]", "[0, 0, 0]"}[min(n, 3)])
					}
				}
				_, err = kinds.Decode("t.yaml", []byte(in))
				if (err == nil) != c.ok {
					t.Errorf("Decode(%q): error %v, want ok %v", in, err, c.ok)
				}
				if errs := validate(s, s, instance(t, []byte(in)), ""); (len(errs) == 0) != c.ok {
					t.Errorf("schema on %q: errors %q, want ok %v", in, errs, c.ok)
				}
			}
		}
	}
}

// TestSchemaDefaults checks each default of the schema: it validates, and
// writing it out decodes to what the key left out gives.
func TestSchemaDefaults(t *testing.T) {
	s := loadSchema(t)
	n := 0
	for _, k := range kinds.Names() {
		alone := mustDecode(t, "kind: "+k)
		props := branch(t, s, k)["properties"].(map[string]any)
		for _, name := range keys(props) {
			ps := props[name].(map[string]any)
			def, ok := ps["default"]
			if !ok {
				def, ok = resolve(s, ps)["default"]
			}
			if !ok {
				continue
			}
			n++
			if errs := validate(s, ps, def, name); len(errs) > 0 {
				t.Errorf("kind %s: default %s = %v is invalid: %q", k, name, def, errs)
			}
			v, _ := json.Marshal(def)
			in := fmt.Sprintf("kind: %s\n%s: %s\n", k, name, v)
			f := mustDecode(t, in)
			got, _ := toJSON(figureField(f, name))
			want, _ := toJSON(figureField(alone, name))
			if !reflect.DeepEqual(got, want) {
				t.Errorf("%q decodes %s to %v; left out it is %v", in, name, got, want)
			}
		}
	}
	if n == 0 {
		t.Error("no defaults in the schema")
	}
}

// figureField returns the value of a common or kind key of f.
func figureField(f *spec.Figure, name string) reflect.Value {
	for _, fl := range append(yamlFields(reflect.ValueOf(f).Elem()), yamlFields(reflect.ValueOf(f.Spec).Elem())...) {
		if fl.name == name {
			return fl.v
		}
	}
	panic("no field " + name)
}

// toJSON returns the JSON form of a decoded value, false for none (a nil
// range or list, or a list of mappings).
func toJSON(v reflect.Value) (any, bool) {
	switch v.Type() {
	case textType:
		return v.Interface().(spec.Text).Src, true
	case rangePtrType:
		if v.IsNil() {
			return nil, false
		}
		r := v.Interface().(*spec.Range)
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
			x, ok := toJSON(v.Index(i))
			if !ok {
				return nil, false
			}
			a = append(a, x)
		}
		return a, true
	}
	return nil, false
}

// instance parses YAML into the JSON data model.
func instance(t *testing.T, data []byte) any {
	t.Helper()
	var y any
	if err := yaml.Unmarshal(data, &y); err != nil {
		t.Fatal(err)
	}
	b, err := json.Marshal(y)
	if err != nil {
		t.Fatal(err)
	}
	var x any
	if err := json.Unmarshal(b, &x); err != nil {
		t.Fatal(err)
	}
	return x
}

// resolve follows a local $ref.
func resolve(root, s map[string]any) map[string]any {
	ref, ok := s["$ref"].(string)
	if !ok {
		return s
	}
	var v any = root
	for _, p := range strings.Split(strings.TrimPrefix(ref, "#/"), "/") {
		v = v.(map[string]any)[p]
	}
	return resolve(root, v.(map[string]any))
}

// sample returns a value that the schema s accepts.
func sample(root, s map[string]any) any {
	s = resolve(root, s)
	if e := anyList(s["enum"]); len(e) > 0 {
		return e[0]
	}
	var typ string
	switch ty := s["type"].(type) {
	case string:
		typ = ty
	case []any:
		typ = ty[0].(string)
	}
	switch typ {
	case "integer", "number":
		if lo, ok := s["minimum"].(float64); ok {
			return lo
		}
		return 0.0
	case "boolean":
		return false
	case "array":
		l := []any{}
		if lo, ok := s["minItems"].(float64); ok {
			for range int(lo) {
				l = append(l, sample(root, s["items"].(map[string]any)))
			}
		}
		return l
	case "object":
		m := map[string]any{}
		props, _ := s["properties"].(map[string]any)
		for _, r := range anyList(s["required"]) {
			m[r.(string)] = sample(root, props[r.(string)].(map[string]any))
		}
		return m
	}
	return "a"
}

// validate returns the problems of the instance x under the schema s,
// knowing the keywords Schema uses.
func validate(root, s map[string]any, x any, path string) []string {
	var errs []string
	bad := func(format string, args ...any) {
		errs = append(errs, path+": "+fmt.Sprintf(format, args...))
	}
	if ref, ok := s["$ref"]; ok {
		errs = append(errs, validate(root, resolve(root, map[string]any{"$ref": ref}), x, path)...)
	}
	if ty, ok := s["type"]; ok {
		var types []any
		if str, ok := ty.(string); ok {
			types = []any{str}
		} else {
			types = ty.([]any)
		}
		if !slices.ContainsFunc(types, func(ty any) bool { return hasType(x, ty.(string)) }) {
			bad("want type %v, got %T", ty, x)
			return errs
		}
	}
	if c, ok := s["const"]; ok && !reflect.DeepEqual(c, x) {
		bad("want %v", c)
	}
	if e, ok := s["enum"]; ok && !slices.ContainsFunc(e.([]any), func(v any) bool { return reflect.DeepEqual(v, x) }) {
		bad("want one of %v, got %v", e, x)
	}
	if n, ok := x.(float64); ok {
		if lo, ok := s["minimum"].(float64); ok && n < lo {
			bad("%v < minimum %v", n, lo)
		}
		if hi, ok := s["maximum"].(float64); ok && n > hi {
			bad("%v > maximum %v", n, hi)
		}
	}
	if str, ok := x.(string); ok {
		if lo, ok := s["minLength"].(float64); ok && float64(len([]rune(str))) < lo {
			bad("shorter than %v", lo)
		}
	}
	if l, ok := x.([]any); ok {
		if lo, ok := s["minItems"].(float64); ok && float64(len(l)) < lo {
			bad("fewer than %v items", lo)
		}
		if hi, ok := s["maxItems"].(float64); ok && float64(len(l)) > hi {
			bad("more than %v items", hi)
		}
		if s["uniqueItems"] == true {
			for i := range l {
				for j := range i {
					if reflect.DeepEqual(l[i], l[j]) {
						bad("items %d and %d are equal", j, i)
					}
				}
			}
		}
		if items, ok := s["items"].(map[string]any); ok {
			for i, v := range l {
				errs = append(errs, validate(root, items, v, fmt.Sprintf("%s[%d]", path, i))...)
			}
		}
	}
	if m, ok := x.(map[string]any); ok {
		props, _ := s["properties"].(map[string]any)
		for _, r := range anyList(s["required"]) {
			if _, ok := m[r.(string)]; !ok {
				bad("missing %s", r)
			}
		}
		for _, k := range keys(m) {
			if ps, ok := props[k]; ok {
				errs = append(errs, validate(root, ps.(map[string]any), m[k], path+"."+k)...)
			} else if s["additionalProperties"] == false {
				bad("unknown property %s", k)
			}
		}
	}
	for _, sub := range anyList(s["allOf"]) {
		sub := sub.(map[string]any)
		if cond, ok := sub["if"].(map[string]any); ok {
			if len(validate(root, cond, x, path)) == 0 {
				errs = append(errs, validate(root, sub["then"].(map[string]any), x, path)...)
			}
			continue
		}
		errs = append(errs, validate(root, sub, x, path)...)
	}
	return errs
}

func hasType(x any, ty string) bool {
	switch v := x.(type) {
	case nil:
		return ty == "null"
	case bool:
		return ty == "boolean"
	case string:
		return ty == "string"
	case float64:
		return ty == "number" || ty == "integer" && v == math.Trunc(v)
	case []any:
		return ty == "array"
	case map[string]any:
		return ty == "object"
	}
	return false
}

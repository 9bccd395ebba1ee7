package spec_test

import (
	"reflect"
	"slices"
	"strings"

	"github.com/figgen/figgen/figures"
	"github.com/figgen/figgen/spec"
)

// kinds are figgen's kinds: the tests of this file's package decode real
// specs with them. Nothing here names a kind: adding one touches only its
// file in package figures.
var kinds = figures.Kinds()

var (
	textType     = reflect.TypeFor[spec.Text]()
	rangePtrType = reflect.TypeFor[*spec.Range]()
	vec2Type     = reflect.TypeFor[[2]float64]()
)

// yamlField is one YAML key of a struct and the value it decodes into.
type yamlField struct {
	name string
	v    reflect.Value
}

// yamlFields returns the YAML keys of the struct v, inline structs
// flattened: the keys a spec may write, read from the yaml tags.
func yamlFields(v reflect.Value) []yamlField {
	var fs []yamlField
	t := v.Type()
	for i := range t.NumField() {
		name, opt, _ := strings.Cut(t.Field(i).Tag.Get("yaml"), ",")
		switch {
		case opt == "inline":
			fs = append(fs, yamlFields(v.Field(i))...)
		case name != "" && name != "-":
			fs = append(fs, yamlField{name, v.Field(i)})
		}
	}
	return fs
}

// commonFields returns the keys every kind has.
func commonFields() []yamlField {
	return yamlFields(reflect.ValueOf(&spec.Figure{}).Elem())
}

// kindFields returns the keys of kind k's own struct.
func kindFields(k string) []yamlField {
	f, err := kinds.Decode("k.yaml", []byte("kind: "+k+"\n"))
	if err != nil {
		panic(err)
	}
	return yamlFields(reflect.New(reflect.TypeOf(f.Spec).Elem()).Elem())
}

func sortedNames(fs []yamlField) []string {
	var ns []string
	for _, f := range fs {
		ns = append(ns, f.name)
	}
	slices.Sort(ns)
	return ns
}

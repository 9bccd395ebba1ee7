package spec

import (
	"reflect"
	"strings"
)

// specValue returns the struct of the figure's kind (addressable), or the
// zero Value when it has none.
func (f *Figure) specValue() reflect.Value {
	if f.Spec == nil {
		return reflect.Value{}
	}
	return reflect.ValueOf(f.Spec).Elem()
}

// field is one YAML key of a struct and the value it decodes into.
type field struct {
	name string
	v    reflect.Value
}

// structFields returns the YAML keys of the struct v (addressable), inline
// structs flattened; fields without a yaml tag or tagged "-" are not keys.
func structFields(v reflect.Value) []field {
	var fs []field
	t := v.Type()
	for i := range t.NumField() {
		tag := t.Field(i).Tag.Get("yaml")
		name, opt, _ := strings.Cut(tag, ",")
		switch {
		case opt == "inline":
			fs = append(fs, structFields(v.Field(i))...)
		case name != "" && name != "-":
			fs = append(fs, field{name, v.Field(i)})
		}
	}
	return fs
}

// fieldNames returns the YAML keys of a kind's struct type.
func fieldNames(t reflect.Type) []string {
	var names []string
	for _, f := range structFields(reflect.New(t).Elem()) {
		names = append(names, f.name)
	}
	return names
}

package spec

import (
	"reflect"
	"slices"
	"strings"
)

// kindNames is the sorted list of known kinds; never modified.
var kindNames = [...]string{
	"bias-shift",
	"diagram",
	"neuron-cell",
	"sigmoid",
	"signal",
	"specimen",
	"step",
	"threshold-plane",
	"unit",
}

// Kinds returns the known figure kinds, sorted.
func Kinds() []string {
	return slices.Clone(kindNames[:])
}

// kindType returns the struct type of a kind, or nil for an unknown kind.
func kindType(kind string) reflect.Type {
	switch kind {
	case "step":
		return reflect.TypeFor[Step]()
	case "sigmoid":
		return reflect.TypeFor[Sigmoid]()
	case "bias-shift":
		return reflect.TypeFor[BiasShift]()
	case "threshold-plane":
		return reflect.TypeFor[ThresholdPlane]()
	case "unit":
		return reflect.TypeFor[Unit]()
	case "signal":
		return reflect.TypeFor[Signal]()
	case "neuron-cell":
		return reflect.TypeFor[NeuronCell]()
	case "diagram":
		return reflect.TypeFor[Diagram]()
	case "specimen":
		return reflect.TypeFor[Specimen]()
	}
	return nil
}

// setKind allocates the kind's struct, stores it in f and returns it
// (addressable); the zero Value for an unknown kind.
func (f *Figure) setKind(kind string) reflect.Value {
	switch kind {
	case "step":
		f.Step = &Step{}
	case "sigmoid":
		f.Sigmoid = &Sigmoid{}
	case "bias-shift":
		f.BiasShift = &BiasShift{}
	case "threshold-plane":
		f.ThresholdPlane = &ThresholdPlane{}
	case "unit":
		f.Unit = &Unit{}
	case "signal":
		f.Signal = &Signal{}
	case "neuron-cell":
		f.NeuronCell = &NeuronCell{}
	case "diagram":
		f.Diagram = &Diagram{}
	case "specimen":
		f.Specimen = &Specimen{}
	default:
		return reflect.Value{}
	}
	return f.kindValue()
}

// kindValue returns the struct of the figure's kind (addressable), or the
// zero Value when none is set.
func (f *Figure) kindValue() reflect.Value {
	var p any
	switch {
	case f.Step != nil:
		p = f.Step
	case f.Sigmoid != nil:
		p = f.Sigmoid
	case f.BiasShift != nil:
		p = f.BiasShift
	case f.ThresholdPlane != nil:
		p = f.ThresholdPlane
	case f.Unit != nil:
		p = f.Unit
	case f.Signal != nil:
		p = f.Signal
	case f.NeuronCell != nil:
		p = f.NeuronCell
	case f.Diagram != nil:
		p = f.Diagram
	case f.Specimen != nil:
		p = f.Specimen
	default:
		return reflect.Value{}
	}
	return reflect.ValueOf(p).Elem()
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

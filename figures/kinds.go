package figures

import (
	"sync"

	"gonum.org/v1/plot/vg/draw"

	"github.com/figgen/figgen/spec"
)

// A kind lives in one file of this package: the struct of its fields with
// their documentation and constraints (Fields), its defaults (Default),
// the checks spanning its fields (Validate), its builder (build), and one
// register call in the file's init. Nothing else names it: the kinds set,
// the schema, folder defaults and the kind list of errors follow from the
// registration.

// kindSpec is what a kind's struct implements: spec's side (decode,
// default, validate, document) and the drawing.
type kindSpec interface {
	spec.KindSpec
	// build returns the function that draws the figure f (whose Spec is
	// the receiver) on a canvas. f has been validated: build trusts it.
	build(e *env, f *spec.Figure) func(c draw.Canvas)
}

// registered holds the kinds of this package. register appends to it while
// the package initialises; nothing changes it afterwards.
var registered []spec.Kind

// register adds the kind name, whose fields are the struct T, with a line
// of documentation. Call it from the kind's file's init.
func register[T any, PT interface {
	*T
	kindSpec
}](name, doc string) {
	registered = append(registered, spec.KindOf[T, PT](name, doc))
}

var kinds = sync.OnceValue(func() *spec.Kinds { return spec.NewKinds(registered...) })

// Kinds returns figgen's kinds: what decodes, validates and documents
// spec files (Kinds().Decode, DecodeConfig, Schema).
func Kinds() *spec.Kinds { return kinds() }

// Package plotfonts keeps gonum/plot from parsing the twelve Liberation
// fonts of its default text handler when a program starts: figgen draws
// every text with its own embedded fonts (package typeset) and never with
// gonum/plot's defaults, and the parse, in the init of package
// gonum.org/v1/plot, read some 2 MiB of the executable's pages (a third of
// the memory a run of a few figures gains over Go's own) and took 0.35 ms
// of every run.
//
// gonum/plot parses the fonts once, when its package liberation's
// Collection is first called, which that init does. This package's init
// marks that call done beforehand, with an empty collection: Go
// initializes, among the packages whose imports are initialized, the one
// of the least import path first, and this package imports only package
// liberation, on which gonum.org/v1/plot depends, and sorts before it.
// gonum/plot's default text handler is then left without fonts: a text
// drawn with it measures and draws nothing, or panics, which the golden
// tests of every kind would show. Importing it (typeset does) is for
// programs that draw their text with typeset only.
package plotfonts

import (
	"sync"
	_ "unsafe" // go:linkname

	_ "gonum.org/v1/plot/font/liberation"
)

// parsed is package liberation's guard of its parse.
//
//go:linkname parsed gonum.org/v1/plot/font/liberation.once
var parsed sync.Once

func init() { parsed.Do(func() {}) }

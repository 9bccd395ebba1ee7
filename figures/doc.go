// Package figures builds a drawable figure from a validated spec and renders
// it to bytes, one []byte per requested format (PNG, SVG, PDF).
//
// Each kind lives in its own file and registers in the kinds table of
// figures.go. Figures draw the post's mathematics from package neuron and
// every text through package typeset; they never touch the disk (only
// cmd/figgen does) and keep no package-level mutable state, so figures render
// in parallel. It must not import cmd/figgen.
package figures

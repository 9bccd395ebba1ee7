// Package figures declares figgen's kinds of figure and renders a
// validated spec to bytes, one []byte per requested format (PNG, SVG, PDF).
//
// A kind lives in one file: the struct of its fields with their
// documentation and constraints (Fields), its defaults (Default), the
// checks spanning its fields (Validate), its builder (build), and a
// register call in the file's init. Kinds returns the set package spec
// decodes, validates and documents specs with; nothing else names a kind.
// To add one, write its file (register[T]("name", "doc") with T
// implementing spec.KindSpec and build), its golden test data under
// testdata/, and its row of the README's kind table.
//
// A builder trusts its figure: spec has checked every rule of the kind's
// values before a figure reaches it. Figures draw the post's mathematics
// from package neuron and every text through package typeset; they never
// touch the disk and keep no mutable package state (the kinds are
// registered while the package initialises and never change after), so
// figures render in parallel.
//
// Output is the same bytes on every machine. Drawn coordinates are
// rounded onto a grid (internal/vector), which hides last-bit
// differences; decisions are not rounded: arm64's compiler fuses x*y+z
// into one multiply-add and amd64's does not. So code that decides from
// floating-point geometry (refines, compares, joins, buckets) computes
// its inputs itself, not through gonum (p.Transforms, plotter.Contour),
// writes each such product as float64(x*y)+z, which rounds it (the Go
// spec forbids fusing across an explicit conversion), compares lengths
// rounded onto a fine grid (onGrid), and joins pieces by integer keys,
// not by equal floats (contour.go). The golden tests run under
// qemu-aarch64 in CI.
package figures

// Package typeset is figgen's text engine: it lays out rich text (plain
// text, Korean included, with $…$ math segments) with the embedded fonts of
// package fonts, and draws every glyph as a filled outline so that PNG, SVG
// and PDF look the same and need no font on the reader's machine.
//
// API (the contract the rest of figgen builds on):
//
//	func New() (*Engine, error)                 // parse the embedded fonts once
//	func (e *Engine) Check(s string) error      // nil or *Error: bad math, missing glyph
//	func (e *Engine) Handler() text.Handler     // gonum/plot text handler for one figure
//	type Error struct{ Offset int; Msg string } // Offset: byte offset in s
//
// An Engine is immutable after New and safe for concurrent use. A Handler
// belongs to one figure's render. It imports nothing of figgen but fonts.
package typeset

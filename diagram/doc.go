// Package diagram draws node-and-arrow diagrams on a gonum draw.Canvas.
//
// It owns the geometry of figgen's schematic figures: a scene laid out in
// logical units (x right, y up) and fitted into any canvas with its aspect
// kept and centred (Fit, Frame); nodes (circles, rounded boxes, plain
// labels, bare points) whose borders arrows stop at exactly; arrows with
// filled heads, dashed or solid, with labels set on a background box at a
// fraction along the shaft; free text; and a small path type (lines, cubic
// Béziers, arcs) for drawings that are not node diagrams.
//
// Lengths, line widths and font sizes are all in scene units: one unit is
// one point when the frame's scale is 1, and everything grows or shrinks
// with the frame. Text goes through the text.Style's Handler only (measured
// with Style.Rectangle, drawn with draw.Canvas.FillText); the package
// assumes nothing about glyph metrics.
//
// It is pure drawing: it must not import figgen's spec, figures or typeset
// packages, and it never touches the disk.
package diagram

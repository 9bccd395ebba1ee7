package typeset

// traceOp is a step of typesetting that tests count.
type traceOp uint8

const (
	traceParse       traceOp = iota // a handler parsed a line
	traceLayout                     // a handler laid out a parsed line at a size and weight
	traceCheckParse                 // Check parsed a line
	traceCheckLayout                // Check laid out a parsed line
)

// traceHook, when set, is told of every line Check or a handler parses or
// lays out. Only tests set it, and never while a render or check runs.
var traceHook func(op traceOp, line string, size float64, bold bool)

func trace(op traceOp, line string, size float64, bold bool) {
	if traceHook != nil {
		traceHook(op, line, size, bold)
	}
}

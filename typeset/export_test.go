package typeset

// Trace is a line parsed (Layout false, Size 0) or laid out (Layout true),
// by Check (Check true) or by a handler.
type Trace struct {
	Check  bool
	Layout bool
	Line   string
	Size   float64
	Bold   bool
}

// TraceLines calls f for every line Check or a handler parses or lays out,
// until stop is called. Tests that use it must not run in parallel.
func TraceLines(f func(Trace)) (stop func()) {
	traceHook = func(op traceOp, line string, size float64, bold bool) {
		f(Trace{
			Check:  op == traceCheckParse || op == traceCheckLayout,
			Layout: op == traceLayout || op == traceCheckLayout,
			Line:   line, Size: size, Bold: bold,
		})
	}
	return func() { traceHook = nil }
}

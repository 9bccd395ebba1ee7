package spec

import (
	"fmt"
	"path"
	"slices"
	"strings"
)

const (
	maxSize   = 10000 // largest width or height, in pixels
	maxInputs = 12    // most inputs of a unit
	maxFanOut = 5     // most output arrows of a unit
	maxBiases = 8     // most curves of a bias-shift
	maxRows   = 6     // most rows of a signal
)

var (
	formatNames     = []string{"png", "svg", "pdf"}
	edgeLabelNames  = []string{"weights", "products", "none"}
	bodyNames       = []string{"theta", "sum", "step", "sigmoid", "none"}
	directionNames  = []string{"input", "output"}
	activationNames = []string{"sigmoid", "step", "tanh", "relu"}
	legendNames     = []string{"top-left", "top-right", "bottom-left", "bottom-right"}
	shapeNames      = []string{"circle", "box", "label"}
)

// validate checks the defaulted figure: the values the types alone do not
// constrain.
func (d *decoder) validate(f *Figure) {
	if msg := outputProblem(f.Output); msg != "" {
		d.errorf(d.posOf("output"), "output %q: %s", f.Output, msg)
	}
	if len(f.Formats) == 0 {
		d.errorf(d.posOf("formats"), "formats: want at least one of %s", strings.Join(formatNames, ", "))
	}
	seen := map[string]bool{}
	for i, s := range f.Formats {
		p := fmt.Sprintf("formats[%d]", i)
		if seen[s] {
			d.errorf(d.posOf(p), "duplicate format %q", s)
			continue
		}
		seen[s] = true
		d.enum(p, "format", s, formatNames)
	}
	d.between("width", f.Width, 1, maxSize)
	d.between("height", f.Height, 1, maxSize)

	switch {
	case f.BiasShift != nil:
		k := f.BiasShift
		if n := len(k.Biases); n < 1 || n > maxBiases {
			d.errorf(d.posOf("biases"), "biases: want 1 to %d values, got %d", maxBiases, n)
		}
		d.enum("activation", "activation", k.Activation, activationNames)
		d.enum("legend", "legend", k.Legend, legendNames)
	case f.ThresholdPlane != nil:
		if n := len(f.ThresholdPlane.Weights); n != 2 && n != 3 {
			d.errorf(d.posOf("weights"), "weights: want 2 or 3 weights, got %d", n)
		}
	case f.Unit != nil:
		k := f.Unit
		if d.between("inputs", k.Inputs, 1, maxInputs) {
			if n := len(k.Weights); n != k.Inputs {
				d.errorf(d.posOf("weights"), "%d weights for %d inputs", n, k.Inputs)
			}
			if n := len(k.InputLabel); n != k.Inputs {
				d.errorf(d.posOf("input_labels"), "%d input labels for %d inputs", n, k.Inputs)
			}
		}
		d.between("fan_out", k.FanOut, 1, maxFanOut)
		d.enum("edge_labels", "edge_labels", k.EdgeLabels, edgeLabelNames)
		d.enum("body", "body", k.Body, bodyNames)
	case f.Signal != nil:
		k := f.Signal
		d.enum("direction", "direction", k.Direction, directionNames)
		if n := len(k.Rows); n < 1 || n > maxRows {
			d.errorf(d.posOf("rows"), "rows: want 1 to %d rows, got %d", maxRows, n)
		}
		for i, r := range k.Rows {
			p := fmt.Sprintf("rows[%d]", i)
			if d.set("rows") && !d.set(p+".value") && !d.bad[p+".value"] {
				d.errorf(d.posOf(p), "%s: missing value", p)
			} else if r.Value != 0 && r.Value != 1 {
				d.errorf(d.posOf(p+".value"), "%s.value: want 0 or 1, got %d", p, r.Value)
			}
		}
	case f.Diagram != nil:
		d.diagram(f.Diagram)
	case f.Specimen != nil:
		if len(f.Specimen.Lines) == 0 {
			d.errorf(d.posOf("lines"), "lines: want at least one line")
		}
	}
}

func (d *decoder) diagram(k *Diagram) {
	first := map[string]int{}
	var ids []string
	for i, n := range k.Nodes {
		p := fmt.Sprintf("nodes[%d]", i)
		switch j, dup := first[n.ID]; {
		case !d.set(p+".id") && !d.bad[p+".id"]:
			d.errorf(d.posOf(p), "%s: missing id", p)
		case n.ID == "" && d.set(p+".id"):
			d.errorf(d.posOf(p+".id"), "%s.id: want a non-empty id", p)
		case dup:
			d.errorf(d.posOf(p+".id"), "duplicate node id %q (first at line %d)", n.ID, d.posOf(fmt.Sprintf("nodes[%d].id", j)).Line)
		case n.ID != "":
			first[n.ID] = i
			ids = append(ids, n.ID)
		}
		d.enum(p+".shape", "shape", n.Shape, shapeNames)
		switch {
		case !d.set(p+".at") && !d.bad[p+".at"]:
			d.errorf(d.posOf(p), "%s: missing at", p)
		case n.At[0] < 0 || n.At[0] > 1 || n.At[1] < 0 || n.At[1] > 1:
			d.errorf(d.posOf(p+".at"), "%s.at: want a point in [0, 1]², got [%v, %v]", p, n.At[0], n.At[1])
		}
	}
	for i, e := range k.Edges {
		p := fmt.Sprintf("edges[%d]", i)
		for _, end := range []struct{ key, id string }{{"from", e.From}, {"to", e.To}} {
			q := p + "." + end.key
			switch _, ok := first[end.id]; {
			case !d.set(q) && !d.bad[q]:
				d.errorf(d.posOf(p), "%s: missing %s", p, end.key)
			case !ok && d.set(q):
				d.errorf(d.posOf(q), "unknown node %q%s", end.id, suggest(end.id, ids, false))
			}
		}
	}
}

// between reports whether the integer at path is within [lo, hi], and
// records an error when it is not.
func (d *decoder) between(path string, v, lo, hi int) bool {
	if v < lo || v > hi {
		d.errorf(d.posOf(path), "%s: want %d to %d, got %d", path, lo, hi, v)
		return false
	}
	return true
}

// enum records an error when the value at path is not one of names.
func (d *decoder) enum(path, what, v string, names []string) {
	if !slices.Contains(names, v) {
		d.errorf(d.posOf(path), "unknown %s %q%s", what, v, suggest(v, names, true))
	}
}

// outputProblem says what makes o unfit as the base name of the output
// files, or returns "" when it is fine: a relative, slash-separated path
// without empty, "." or ".." elements and without an extension.
func outputProblem(o string) string {
	switch {
	case o == "":
		return "want a non-empty name"
	case strings.Contains(o, `\`):
		return `use "/" to separate folders, not "\"`
	case strings.HasPrefix(o, "/"):
		return "want a relative path"
	case strings.ContainsFunc(o, func(r rune) bool { return r < ' ' || r == 0x7f || r == ':' }):
		return `want no ":" or control characters`
	}
	elems := strings.Split(o, "/")
	for _, e := range elems {
		switch e {
		case "":
			return "want no empty folder name"
		case ".", "..":
			return fmt.Sprintf("want no %q element", e)
		}
	}
	last := elems[len(elems)-1]
	if strings.HasPrefix(last, ".") {
		return "want a name, not only an extension"
	}
	if ext := strings.TrimPrefix(strings.ToLower(path.Ext(last)), "."); slices.Contains(formatNames, ext) {
		return "want no extension: formats adds it"
	}
	return ""
}

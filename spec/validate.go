package spec

import (
	"fmt"
	"math"
	"path"
	"slices"
	"strconv"
	"strings"
)

const (
	maxSpecBytes = 1 << 20    // largest spec file
	maxTextLen   = 2000       // most characters of a rich-text field
	minWidth     = 320        // smallest width, in pixels: below it labels crowd the drawing
	minHeight    = 200        // smallest height, in pixels
	maxSize      = 10000      // largest width or height, in pixels
	maxPixels    = 25_000_000 // largest width × height
	maxInputs    = 12         // most inputs of a unit
	maxFanOut    = 5          // most output arrows of a unit
	maxBiases    = 8          // most curves of a bias-shift
	maxRows      = 6          // most rows of a signal
	maxLines     = 40         // most lines of a specimen
	maxNodes     = 100        // most nodes of a diagram
	maxEdges     = 200        // most edges of a diagram

	maxCoord = 1e9  // largest magnitude of a range end
	minSpan  = 1e-6 // smallest width of a range, relative to its ends (at least 1)
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
	w := d.between("width", f.Width, minWidth, maxSize)
	h := d.between("height", f.Height, minHeight, maxSize)
	if w && h && d.spans("width", "height") && f.Width*f.Height > maxPixels {
		// At the field the spec itself writes, else at the config's.
		p, other, v := "width", "height", f.Height
		if !d.own("width") && (d.own("height") || !d.set("width")) {
			p, other, v = "height", "width", f.Width
		}
		at := d.posOf(p)
		d.errorf(at, "width × height %d × %d is over %d megapixels%s", f.Width, f.Height, maxPixels/1_000_000,
			d.origin(at, other, fmt.Sprintf("%s %d", other, v)))
	}

	switch {
	case f.Step != nil:
		k := f.Step
		switch {
		case d.set("x_range"):
			if r := k.XRange; d.spans("threshold") && !(r.Min < k.Threshold && k.Threshold < r.Max) {
				at := d.posOf("x_range")
				d.errorf(at, "x_range [%v, %v] does not contain threshold %v%s", r.Min, r.Max, k.Threshold,
					d.origin(at, "threshold", fmt.Sprintf("threshold %v", k.Threshold)))
			}
		case d.bad["x_range"]:
			// reported: the default x_range does not apply
		case d.spans("x_range") && (Range{k.Threshold - 3, k.Threshold + 3}).problem() != "":
			d.errorf(d.posOf("threshold"), "threshold %v is too far from 0 for the default x_range [threshold − 3, threshold + 3]; set x_range", k.Threshold)
		}
	case f.BiasShift != nil:
		k := f.BiasShift
		if n := len(k.Biases); n < 1 || n > maxBiases {
			d.errorf(d.posOf("biases"), "biases: want 1 to %d values, got %d", maxBiases, n)
		}
		seen := map[float64]bool{}
		for i, b := range k.Biases {
			p := fmt.Sprintf("biases[%d]", i)
			switch {
			case math.Abs(b) > maxCoord:
				d.errorf(d.posOf(p), "%s: want a value from -1e9 to 1e9, got %v", p, b)
			case seen[b]:
				d.errorf(d.posOf(p), "duplicate bias %v", b)
			default:
				seen[b] = true
			}
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
			from := fmt.Sprintf("inputs %d", k.Inputs)
			if n := len(k.Weights); n != k.Inputs && d.spans("weights", d.inputsFrom) {
				at := d.posOf("weights")
				d.errorf(at, "%d weights for %d inputs%s", n, k.Inputs, d.origin(at, d.inputsFrom, from))
			}
			if n := len(k.InputLabel); n != k.Inputs && d.spans("input_labels", d.inputsFrom) {
				at := d.posOf("input_labels")
				d.errorf(at, "%d input labels for %d inputs%s", n, k.Inputs, d.origin(at, d.inputsFrom, from))
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
		if n := len(f.Specimen.Lines); n < 1 || n > maxLines {
			d.errorf(d.posOf("lines"), "lines: want 1 to %d lines, got %d", maxLines, n)
		}
	}
}

// problem says what makes r unfit as an axis range, "" when it is fine:
// its ends must be finite and within ±1e9, and max − min at least 1e-6
// times the largest of 1, |min| and |max|; past that, ticks and curves
// cannot be drawn (the tick loop and the rasterizer would not end).
func (r Range) problem() string {
	if math.IsNaN(r.Min) || math.IsNaN(r.Max) || math.Abs(r.Min) > maxCoord || math.Abs(r.Max) > maxCoord {
		return fmt.Sprintf("want values from -1e9 to 1e9, got [%v, %v]", r.Min, r.Max)
	}
	if span := minSpan * max(1, math.Abs(r.Min), math.Abs(r.Max)); !(r.Max-r.Min >= span) {
		return fmt.Sprintf("[%v, %v] is too narrow: want max − min ≥ %s", r.Min, r.Max, strconv.FormatFloat(span, 'g', 2, 64))
	}
	return ""
}

func (d *decoder) diagram(k *Diagram) {
	if n := len(k.Nodes); n > maxNodes {
		d.errorf(d.posOf("nodes"), "nodes: want at most %d nodes, got %d", maxNodes, n)
	}
	if n := len(k.Edges); n > maxEdges {
		d.errorf(d.posOf("edges"), "edges: want at most %d edges, got %d", maxEdges, n)
	}
	first := map[string]int{}
	placed := map[[2]float64]int{} // first node at each point
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
		case !d.set(p+".at") || n.ID == "" || !d.set(p+".id"):
		default:
			if j, ok := placed[n.At]; ok {
				d.errorf(d.posOf(p+".at"), "node %q is at the same place as node %q", n.ID, k.Nodes[j].ID)
			} else {
				placed[n.At] = i
			}
		}
	}
	for i, e := range k.Edges {
		p := fmt.Sprintf("edges[%d]", i)
		for _, end := range []struct{ key, id string }{{"from", e.From}, {"to", e.To}} {
			q := p + "." + end.key
			switch _, ok := first[end.id]; {
			case !d.set(q) && !d.bad[q]:
				d.errorf(d.posOf(p), "%s: missing %s", p, end.key)
			case !ok && d.set(q) && d.spans("nodes"):
				at := d.posOf(q)
				d.errorf(at, "unknown node %q%s%s", end.id, suggest(end.id, ids, false), d.origin(at, "nodes", "nodes"))
			}
		}
		a, okA := first[e.From]
		b, okB := first[e.To]
		switch {
		case !okA || !okB || !d.set(p+".from") || !d.set(p+".to"):
		case a == b:
			d.errorf(d.posOf(p+".to"), "edge from %q to itself", e.From)
		case d.set(fmt.Sprintf("nodes[%d].at", a)) && d.set(fmt.Sprintf("nodes[%d].at", b)) && k.Nodes[a].At == k.Nodes[b].At:
			at := d.posOf(p + ".to")
			d.errorf(at, "edge from %q to %q has no length: the nodes are at the same place%s", e.From, e.To, d.origin(at, "nodes", "nodes"))
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

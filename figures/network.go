package figures

import (
	"fmt"
	"strings"

	"gonum.org/v1/plot/vg/draw"

	"github.com/figgen/figgen/neuron"
	"github.com/figgen/figgen/spec"
)

func init() {
	register[Network]("network", "A layered neural network laid out column by column, optionally with the values of its forward pass.")
}

// Bounds of a network.
const (
	maxLayers    = 6     // most layers (columns)
	maxLayerSize = 10000 // most units of a layer
	maxShownMax  = 16    // largest max_shown: most slots of a column
	maxHighlight = 16    // most highlighted units
	// allEdgeLabels is the most edges a network may draw for every edge to
	// carry its label; past it only the highlighted units' incoming edges
	// are labelled.
	allEdgeLabels = 16
)

// Network is kind "network": layers left to right, every unit of a layer
// connected to every unit of the next.
type Network struct {
	Layers     []Layer       `yaml:"layers"`
	MaxShown   int           `yaml:"max_shown"`  // slots of a column; a larger layer is elided
	Highlight  []UnitRef     `yaml:"highlight"`  // units drawn in the accent with their incoming edges labelled
	Bias       bool          `yaml:"bias"`       // a node 1 atop every layer but the last
	EdgeLabel  spec.Text     `yaml:"edge_label"` // template with {j}, {i}, {l}, {w}
	BiasLabel  spec.Text     `yaml:"bias_label"` // template with {j}, {l}, {b}
	Weights    [][][]float64 `yaml:"weights"`    // one matrix per connection, rows = target units
	Biases     [][]float64   `yaml:"biases"`     // one vector per layer after the input
	Input      []float64     `yaml:"input"`      // the input layer's values
	Activation string        `yaml:"activation"` // of every layer after the input
	Values     bool          `yaml:"values"`     // nodes show the forward pass's values
	EdgeStyle  string        `yaml:"edge_style"` // plain, weight
}

// Layer is one column of a network.
type Layer struct {
	Size    int       `yaml:"size"`
	Name    spec.Text `yaml:"name"`    // under the column
	Label   spec.Text `yaml:"label"`   // template with {i}, {l}
	Connect string    `yaml:"connect"` // full, none: the edges to the next layer
}

// UnitRef names a unit: its layer and its index there, both from 1.
type UnitRef struct {
	Layer int `yaml:"layer"`
	Node  int `yaml:"node"`
}

// Fields documents the network's keys.
func (*Network) Fields() spec.Fields {
	return spec.Fields{
		"layers":          {Doc: "The layers, left to right (input first).", Items: [2]int{2, maxLayers}},
		"layers[]":        {Required: []string{"size"}},
		"layers.size":     {Doc: "Number of units of the layer.", Within: [2]float64{1, maxLayerSize}},
		"layers.name":     {Doc: "Name under the column; default 입력층, 은닉층, 출력층 by position.", NoDefault: true},
		"layers.label":    {Doc: "Label template of each unit: {i} is its index in the layer, {l} the layer's; default $x_{i}$ for the input, $a^{({l})}_{i}$ after.", NoDefault: true},
		"layers.connect":  {Doc: "Edges from this layer to the next: every unit to every unit, or none.", Enum: []string{"full", "none"}, NoDefault: true},
		"max_shown":       {Doc: "Most slots of a column: a larger layer is drawn as its first and last units with a vertical ellipsis between.", Within: [2]float64{3, maxShownMax}},
		"highlight":       {Doc: "Units drawn in the accent colour with their incoming edges labelled.", Items: [2]int{0, maxHighlight}, Noun: "units"},
		"highlight[]":     {Required: []string{"layer", "node"}},
		"highlight.layer": {Doc: "Layer of the unit, from 1.", Within: [2]float64{1, maxLayers}},
		"highlight.node":  {Doc: "Index of the unit in its layer, from 1.", Within: [2]float64{1, maxLayerSize}},
		"bias":            {Doc: "Add a node 1 atop every layer but the last, its edges weighted by bias_label."},
		"edge_label":      {Doc: "Label template of an edge: {j} is the target unit, {i} the source, {l} the target's layer, {w} the weight (with weights). Drawn on every edge when the network draws at most 16, else on the highlighted units' incoming edges.", NoDefault: true},
		"bias_label":      {Doc: "Label template of a bias edge: {j} is the target unit, {l} its layer, {b} the bias (with biases)."},
		"weights":         {Doc: "One weight matrix per connection, rows the target units, columns the source units (w_ji in row j, column i).", Noun: "matrices"},
		"weights[]":       {Within: [2]float64{-spec.MaxCoord, spec.MaxCoord}, What: "weight"},
		"biases":          {Doc: "One bias vector per layer after the input; default all 0.", Noun: "vectors"},
		"biases[]":        {Within: [2]float64{-spec.MaxCoord, spec.MaxCoord}, What: "bias"},
		"input":           {Doc: "Values of the input layer, for the forward pass."},
		"input[]":         {Within: [2]float64{-spec.MaxCoord, spec.MaxCoord}, What: "input"},
		"activation":      {Doc: "Activation of every layer after the input, in the forward pass.", Enum: neuron.ActivationNames()},
		"values":          {Doc: "Show in each unit its value in the forward pass of input (needs input and weights) in place of its label."},
		"edge_style":      {Doc: "Edges plain, or by weight (needs weights): width by magnitude, blue for positive and vermillion for negative.", Enum: []string{"plain", "weight"}},
	}
}

// Default draws the 12-3-2 network of the digit example.
func (k *Network) Default(d *spec.Defaults) {
	if !d.Set("layers") {
		k.Layers = []Layer{{Size: 12}, {Size: 3}, {Size: 2}}
	}
	n := len(k.Layers)
	for i := range k.Layers {
		p := fmt.Sprintf("layers[%d]", i)
		name, label := "은닉층", "$a^{({l})}_{i}$"
		switch i {
		case 0:
			name, label = "입력층", "$x_{i}$"
		case n - 1:
			name = "출력층"
		}
		spec.Default(d, p+".name", &k.Layers[i].Name, d.NewText(name))
		spec.Default(d, p+".label", &k.Layers[i].Label, d.NewText(label))
		spec.Default(d, p+".connect", &k.Layers[i].Connect, "full")
	}
	spec.Default(d, "max_shown", &k.MaxShown, 8)
	// w_ji reads as one number when both indices are digits; past 9 a
	// comma keeps w_{1,12} from reading as w_{112}.
	sep := ""
	for _, l := range k.Layers {
		if l.Size > 9 {
			sep = ","
		}
	}
	spec.Default(d, "edge_label", &k.EdgeLabel, d.NewText("$w^{({l})}_{{j}"+sep+"{i}}$"))
	spec.Default(d, "bias_label", &k.BiasLabel, d.NewText("$b^{({l})}_{j}$"))
	spec.Default(d, "activation", &k.Activation, "sigmoid")
	spec.Default(d, "edge_style", &k.EdgeStyle, "plain")
	d.Title = "신경망"
	sizes := make([]string, n)
	for i, l := range k.Layers {
		sizes[i] = fmt.Sprint(l.Size)
	}
	d.Alt = fmt.Sprintf("유닛이 왼쪽부터 층마다 %s개인 %d층 신경망: 한 층의 유닛마다 다음 층의 모든 유닛으로 연결된다", strings.Join(sizes, ", "), n)
	if len(k.Highlight) > 0 {
		h := k.Highlight[0]
		d.Alt += fmt.Sprintf("; %d층의 %d번째 유닛과 그 유닛으로 들어오는 연결을 강조했다", h.Layer, h.Node)
	}
}

// Validate checks what spans fields: the connections of the last layer,
// the highlighted units against the layers, the templates' names, and the
// shapes of weights, biases and input against the layer sizes.
func (k *Network) Validate(c *spec.Check) {
	n := len(k.Layers)
	sizesOK := n >= 2 && n <= maxLayers
	for i, l := range k.Layers {
		p := fmt.Sprintf("layers[%d]", i)
		if l.Size < 1 || l.Size > maxLayerSize {
			sizesOK = false
		}
		if i == n-1 && c.Set(p+".connect") && l.Connect == "none" {
			c.Errorf(p+".connect", "the last layer connects to nothing; connect belongs to the layer the edges leave")
		}
		checkTemplate(c, p+".label", l.Label, "i", "l")
	}
	edge, bias := []string{"j", "i", "l"}, []string{"j", "l"}
	if c.Set("weights") {
		edge = append(edge, "w")
	}
	if c.Set("biases") {
		bias = append(bias, "b")
	}
	checkTemplate(c, "edge_label", k.EdgeLabel, edge...)
	checkTemplate(c, "bias_label", k.BiasLabel, bias...)
	if !sizesOK {
		return // reported by the constraints of layers
	}
	for i, h := range k.Highlight {
		p := fmt.Sprintf("highlight[%d]", i)
		if h.Layer < 1 || h.Node < 1 {
			continue // reported by the constraints
		}
		if h.Layer > n {
			c.Errorf(p+".layer", "layer %d of a network of %d layers", h.Layer, n)
			continue
		}
		size := k.Layers[h.Layer-1].Size
		if h.Node > size {
			c.Errorf(p+".node", "unit %d of layer %d, which has %d units", h.Node, h.Layer, size)
			continue
		}
		if hidden, head, tail := elided(size, k.MaxShown, h.Node-1); hidden {
			c.Errorf(p+".node", "unit %d of layer %d is hidden by the ellipsis: max_shown %d draws units 1–%d and %d–%d of its %d", h.Node, h.Layer, k.MaxShown, head, size-tail+1, size, size)
		}
	}
	k.validateShapes(c)
	if k.Values {
		for _, need := range []string{"input", "weights"} {
			if !c.Set(need) {
				c.Errorf("values", "values: true needs %s for the forward pass", need)
			}
		}
	}
	if k.EdgeStyle == "weight" && !c.Set("weights") {
		c.Errorf("edge_style", "edge_style: weight needs weights")
	}
	if c.Own("edge_label") && len(k.Highlight) == 0 && k.edgeCount() > allEdgeLabels {
		c.Errorf("edge_label", "the network draws %d edges, too many to label each (at most %d): highlight the units whose incoming edges to label", k.edgeCount(), allEdgeLabels)
	}
}

// validateShapes wants one matrix per connection of target × source
// units, one bias per unit after the input and one input per input unit.
func (k *Network) validateShapes(c *spec.Check) {
	n := len(k.Layers)
	if c.Set("weights") && !c.Bad("weights") {
		if len(k.Weights) != n-1 {
			c.Errorf("weights", "%d weight matrices for %d layers; want %d, one per connection", len(k.Weights), n, n-1)
		} else {
			for m, w := range k.Weights {
				rows, cols := k.Layers[m+1].Size, k.Layers[m].Size
				p := fmt.Sprintf("weights[%d]", m)
				if len(w) != rows {
					c.Errorf(p, "%d rows for the %d units of layer %d (layers[%d].size): one row per target unit", len(w), rows, m+2, m+1)
					continue
				}
				for j, row := range w {
					if len(row) != cols {
						c.Errorf(fmt.Sprintf("%s[%d]", p, j), "%d weights for the %d units of layer %d (layers[%d].size): one per source unit", len(row), cols, m+1, m)
					}
				}
			}
		}
	}
	if c.Set("biases") && !c.Bad("biases") {
		if len(k.Biases) != n-1 {
			c.Errorf("biases", "%d bias vectors for %d layers; want %d, one per layer after the input", len(k.Biases), n, n-1)
		} else {
			for m, b := range k.Biases {
				if size := k.Layers[m+1].Size; len(b) != size {
					c.Errorf(fmt.Sprintf("biases[%d]", m), "%d biases for the %d units of layer %d (layers[%d].size)", len(b), size, m+2, m+1)
				}
			}
		}
	}
	if c.Set("input") && !c.Bad("input") && len(k.Input) != k.Layers[0].Size {
		c.Errorf("input", "%d inputs for the %d units of layer 1 (layers[0].size)", len(k.Input), k.Layers[0].Size)
	}
}

// edgeCount returns how many edges the network draws.
func (k *Network) edgeCount() int {
	n := 0
	for i := 0; i+1 < len(k.Layers); i++ {
		if k.Layers[i].Connect == "none" {
			continue
		}
		from := shownCount(k.Layers[i].Size, k.MaxShown)
		if k.Bias {
			from++
		}
		n += from * shownCount(k.Layers[i+1].Size, k.MaxShown)
	}
	return n
}

// shownCount returns how many units of a layer of size units are drawn
// with at most max slots: all of them, or max−1 and the ellipsis.
func shownCount(size, max int) int {
	if size <= max {
		return size
	}
	return max - 1
}

// elided reports whether unit u (from 0) of a layer of size units is
// hidden by the ellipsis with at most max slots, and how many units are
// drawn before the ellipsis (head) and after it (tail).
func elided(size, max, u int) (hidden bool, head, tail int) {
	if size <= max {
		return false, size, 0
	}
	head = max / 2
	tail = max - 1 - head
	return u >= head && u < size-tail, head, tail
}

// template is a {name} of a label template: its name and byte offsets.
type templateName struct {
	name       string
	start, end int
}

// templateNames returns the {name}s of src: a brace, lowercase ASCII
// letters, a brace, not the argument of a TeX command (\hat{y},
// \frac{a}{b}, \mathrm{id}).
func templateNames(src string) []templateName {
	var out []templateName
	for i := 0; i < len(src); i++ {
		if src[i] != '{' {
			continue
		}
		j := i + 1
		for j < len(src) && src[j] >= 'a' && src[j] <= 'z' {
			j++
		}
		if j == i+1 || j >= len(src) || src[j] != '}' || texArgument(src, i) {
			continue
		}
		out = append(out, templateName{name: src[i+1 : j], start: i, end: j + 1})
	}
	return out
}

// texArgument reports whether the brace at src[i] opens the argument of a
// TeX command: it follows \letters. (A second argument, \frac{a}{b}'s
// {b}, reads as a name: {j}{i} must.)
func texArgument(src string, i int) bool {
	j := i
	for j > 0 && (src[j-1] >= 'a' && src[j-1] <= 'z' || src[j-1] >= 'A' && src[j-1] <= 'Z') {
		j--
	}
	return j < i && j > 0 && src[j-1] == '\\'
}

// checkTemplate wants every {name} of the template at path among known.
func checkTemplate(c *spec.Check, path string, t spec.Text, known ...string) {
	for _, tn := range templateNames(t.Src) {
		ok := false
		for _, k := range known {
			ok = ok || tn.name == k
		}
		if !ok {
			c.ErrorAt(t.PosAt(tn.start), "%s: unknown name {%s} in the template; it knows {%s}%s", path, tn.name, strings.Join(known, "}, {"), spec.Suggest(tn.name, known))
		}
	}
}

// expand returns the template src with each {name} replaced by its value:
// braced inside math, where {12} keeps x_{12} one subscript, bare outside.
func expand(src string, vals map[string]string) string {
	var b strings.Builder
	last := 0
	for _, tn := range templateNames(src) {
		v, ok := vals[tn.name]
		if !ok {
			continue
		}
		b.WriteString(src[last:tn.start])
		if inMath(src, tn.start) {
			b.WriteString("{" + v + "}")
		} else {
			b.WriteString(v)
		}
		last = tn.end
	}
	b.WriteString(src[last:])
	return b.String()
}

// inMath reports whether byte i of src lies inside $…$ (an escaped \$ is
// no delimiter).
func inMath(src string, i int) bool {
	in := false
	for j := 0; j < i; j++ {
		switch src[j] {
		case '\\':
			j++
		case '$':
			in = !in
		}
	}
	return in
}

// build draws the network.
func (k *Network) build(e *env, f *spec.Figure) func(c draw.Canvas) {
	return e.drawScene(f.Title.Src, networkScene(e, k))
}

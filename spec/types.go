package spec

// This file is the contract between spec and the packages that build figures:
// the typed, validated, defaulted shape of one figure spec. The decoder fills
// it; figures reads it and never sees YAML.

// Pos is a position in a spec file: the path as the user gave it and a
// 1-based line and column.
type Pos struct {
	File string
	Line int
	Col  int
}

// Text is a rich-text field: plain text (Korean included) with $…$ math
// segments and \$ for a literal dollar. Src is the decoded string; Pos is
// where its value starts in the file (for a block scalar, its | or >).
// Decode rejects control characters in Src but the newline, and more than
// 2000 characters.
type Text struct {
	Src string
	Pos Pos
	// m maps byte offsets of Src to places in the file (PosAt); nil when
	// there is no exact mapping (defaults, hand-made Texts).
	m *textMap
}

// Range is a closed interval [Min, Max], written in YAML as [min, max].
type Range struct {
	Min, Max float64
}

// Figure is one decoded, defaulted and validated spec file. Exactly one of
// the kind pointers is non-nil: the one named by Kind.
type Figure struct {
	File string // path as given by the user
	Name string // file stem: the figure's name

	Kind    string   `yaml:"kind"`
	Title   Text     `yaml:"title"`
	Output  string   `yaml:"output"`  // base name of the outputs under the out dir; default Name
	Formats []string `yaml:"formats"` // png, svg, pdf; default [png, svg]
	Width   int      `yaml:"width"`   // pixels; default 800
	Height  int      `yaml:"height"`  // pixels; default 500
	Alt     string   `yaml:"alt"`     // one sentence describing the figure

	Step           *Step
	Sigmoid        *Sigmoid
	BiasShift      *BiasShift
	ThresholdPlane *ThresholdPlane
	Unit           *Unit
	Signal         *Signal
	NeuronCell     *NeuronCell
	Diagram        *Diagram
	Specimen       *Specimen

	// pos holds the position of every decoded key and value by its path
	// ("weights", "weights[1]", "edges[0].to"); see PosOf.
	pos map[string]Pos
}

// Axes are the fields every plot kind shares.
type Axes struct {
	XLabel Text   `yaml:"x_label"`
	YLabel Text   `yaml:"y_label"`
	XRange *Range `yaml:"x_range"` // nil: the kind's default
	YRange *Range `yaml:"y_range"`
	Grid   bool   `yaml:"grid"`
}

// Step is kind "step": the unit step u(z) (6.png) or, with a symbolic
// threshold, the reaction-condition graph (5.png). y = 1 from Threshold on
// (closed dot at the top), y = 0 below it (open dot).
type Step struct {
	Axes           `yaml:",inline"`
	Threshold      float64 `yaml:"threshold"`       // where the jump is; default 0
	ThresholdLabel Text    `yaml:"threshold_label"` // when set, the x axis shows only this tick, at Threshold (e.g. $\theta$)
}

// Sigmoid is kind "sigmoid": σ(z) = 1/(1+e^(−z)) (8.png).
type Sigmoid struct {
	Axes         `yaml:",inline"`
	Formula      Text `yaml:"formula"`       // annotation drawn in the plot; empty: none
	MarkMidpoint bool `yaml:"mark_midpoint"` // dot and guides at (0, 0.5); default true
}

// BiasShift is kind "bias-shift": a(z + b) for each b of Biases, one curve
// each, with a legend (10.png).
type BiasShift struct {
	Axes       `yaml:",inline"`
	Activation string    `yaml:"activation"` // sigmoid (default), step, tanh, relu
	Biases     []float64 `yaml:"biases"`     // default [-2, 0, 2]
	Legend     string    `yaml:"legend"`     // top-left, top-right, bottom-left, bottom-right (default)
}

// ThresholdPlane is kind "threshold-plane": the boundary w·x = θ over the
// inputs. Two weights: a line over the (x₁, x₂) square, the firing half-plane
// shaded, the corners of {0,1}² marked by output. Three weights: the plane
// cutting the unit cube in an oblique projection, vertices marked.
type ThresholdPlane struct {
	Axes      `yaml:",inline"`
	ZLabel    Text      `yaml:"z_label"`   // third axis label (three inputs)
	Weights   []float64 `yaml:"weights"`   // 2 or 3; default [1, 1]
	Threshold float64   `yaml:"threshold"` // θ; default 1.5
	Fire      Text      `yaml:"fire"`      // legend text for y = 1
	NoFire    Text      `yaml:"no_fire"`   // legend text for y = 0
}

// Unit is kind "unit": a neuron unit diagram (4.png, 7.png, 9.png).
type Unit struct {
	Inputs     int    `yaml:"inputs"`       // n ≥ 1; default 3
	InputLabel []Text `yaml:"input_labels"` // n labels; default $x_1$ … $x_n$
	Weights    []Text `yaml:"weights"`      // n edge labels; default $w_1$ … $w_n$
	EdgeLabels string `yaml:"edge_labels"`  // weights (default), products ($w_1x_1$ …), none
	Body       string `yaml:"body"`         // theta (default), sum, step, sigmoid, none
	BodyLabel  Text   `yaml:"body_label"`   // overrides the body's glyph when set
	Output     Text   `yaml:"output_label"` // output label; default $y$ (key output_label: output is the file name)
	FanOut     int    `yaml:"fan_out"`      // output arrows; default 1
	Bias       bool   `yaml:"bias"`         // add the input fixed at 1 with weight BiasLabel
	BiasLabel  Text   `yaml:"bias_label"`   // default $b$
	Caption    Text   `yaml:"caption"`      // text under the diagram (e.g. the weighted sum)

	// EdgeText is computed, not read: the label drawn on each of the n input
	// edges as EdgeLabels asks (Weights, products such as $w_1x_1$, or nil
	// for none). The bias edge is labelled BiasLabel.
	EdgeText []Text `yaml:"-"`
}

// Signal is kind "signal": rows of "caption → variable = value" panels for
// input (2.png) or output (3.png) signals.
type Signal struct {
	Direction string      `yaml:"direction"` // input (default) or output
	Variable  Text        `yaml:"variable"`  // default $x$ (input) or $y$ (output)
	Rows      []SignalRow `yaml:"rows"`      // default: no signal → 0, signal → 1
}

// SignalRow is one row of a signal figure.
type SignalRow struct {
	Caption Text `yaml:"caption"`
	Value   int  `yaml:"value"` // 0 or 1
}

// NeuronCell is kind "neuron-cell": a schematic biological neuron (1.png).
type NeuronCell struct {
	Dendrites Text `yaml:"dendrites"`    // label; default 수상돌기
	Body      Text `yaml:"body"`         // default 신경세포체
	Axon      Text `yaml:"axon"`         // default 축삭돌기
	Terminals Text `yaml:"terminals"`    // default 축삭 말단
	Output    Text `yaml:"output_label"` // default 출력: $0$ 또는 $1$ (key output_label: output is the file name)
}

// Diagram is kind "diagram": free nodes and edges in a unit coordinate
// system (x right, y up, both 0…1 across the drawing area).
type Diagram struct {
	Nodes []Node `yaml:"nodes"`
	Edges []Edge `yaml:"edges"`
}

// Node is a diagram node.
type Node struct {
	ID    string     `yaml:"id"`
	Label Text       `yaml:"label"`
	Shape string     `yaml:"shape"` // circle (default), box, label
	At    [2]float64 `yaml:"at"`
}

// Edge is a diagram arrow between two nodes.
type Edge struct {
	From   string `yaml:"from"`
	To     string `yaml:"to"`
	Label  Text   `yaml:"label"`
	Dashed bool   `yaml:"dashed"`
}

// Specimen is kind "specimen": one line of rich text per entry, to show
// what the typesetter does.
type Specimen struct {
	Lines []Text `yaml:"lines"`
}

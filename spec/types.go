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
// Decode rejects control characters in Src but the newline, a text of
// spaces alone ("" is none), and more than 2000 characters.
type Text struct {
	Src string
	Pos Pos
	// m maps byte offsets of Src to places in the file (PosAt); nil when
	// there is no exact mapping (defaults, hand-made Texts).
	m *textMap
}

// Code is a field holding a formula of figgen's expression language
// ('1/(1+exp(-z))', 'x1 + x2 >= theta'): a string with its place in the
// file, mapped character by character like a Text's (PosAt), so that an
// error in it is reported at the character that is wrong. It is not rich
// text: Figure.Texts leaves it out.
type Code struct {
	Src string
	Pos Pos
	m   *textMap
}

// PosAt returns the position of the byte at offset in c.Src, as
// Text.PosAt does.
func (c Code) PosAt(offset int) Pos { return Text{Src: c.Src, Pos: c.Pos, m: c.m}.PosAt(offset) }

// Range is a closed interval [Min, Max], written in YAML as [min, max].
type Range struct {
	Min, Max float64
}

// Figure is one decoded, defaulted and validated spec file: the fields
// every kind has, and in Spec the struct of its kind's own fields.
type Figure struct {
	File string // path as given by the user
	Name string // file stem: the figure's name

	Kind    string   `yaml:"kind"`
	Title   Text     `yaml:"title"`
	Output  string   `yaml:"output"`  // base name of the outputs under the out dir; default Name
	Formats []string `yaml:"formats"` // png, svg, pdf; default [png, svg]
	Width   int      `yaml:"width"`   // pixels; default DefaultWidth
	Height  int      `yaml:"height"`  // pixels; default DefaultHeight
	Alt     string   `yaml:"alt"`     // one sentence describing the figure
	Themes  Themes   `yaml:"themes"`  // light, dark; or auto alone; default [light]
	Scales  []int    `yaml:"scales"`  // pixel densities of the PNGs, 1 to 3; default [1]

	// Spec is the kind's struct (a pointer, as the kind registered it);
	// nil when the kind is unknown.
	Spec KindSpec

	// pos holds the position of every decoded key and value by its path
	// ("weights", "weights[1]", "edges[0].to"); see PosOf.
	pos map[string]Pos

	// cfg is the folder defaults the figure was decoded with (nil: none);
	// see FolderFields.
	cfg *Config
}

// Themes is the colour themes a figure is drawn in: "light", "dark", or
// "auto" alone (an SVG that follows the reader's page, the PNGs and PDFs
// in both themes). A spec may write one name for a list of it
// (themes: auto).
type Themes []string

// Auto reports whether t is "auto".
func (t Themes) Auto() bool { return len(t) == 1 && t[0] == ThemeAuto }

// Has reports whether the figure is drawn in theme name ("light" or
// "dark"): auto draws both.
func (t Themes) Has(name string) bool {
	for _, n := range t {
		if n == name || n == ThemeAuto {
			return true
		}
	}
	return false
}

// The names of the themes.
const (
	ThemeLight = "light"
	ThemeDark  = "dark"
	ThemeAuto  = "auto"
)

// The default size of a figure, in pixels.
const (
	DefaultWidth  = 800
	DefaultHeight = 500
)

// Axes are the fields every plot kind shares.
type Axes struct {
	XLabel Text   `yaml:"x_label"`
	YLabel Text   `yaml:"y_label"`
	XRange *Range `yaml:"x_range"` // nil: the kind's default
	YRange *Range `yaml:"y_range"`
	Grid   bool   `yaml:"grid"`
}

// Default fills the axis labels the file left unset with x and y and,
// when lo < hi, the x range with [lo, hi].
func (a *Axes) Default(d *Defaults, x, y string, lo, hi float64) {
	Default(d, "x_label", &a.XLabel, d.NewText(x))
	Default(d, "y_label", &a.YLabel, d.NewText(y))
	if a.XRange == nil && lo < hi {
		a.XRange = &Range{Min: lo, Max: hi}
	}
}

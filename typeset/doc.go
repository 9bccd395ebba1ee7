// Package typeset is figgen's text engine: it lays out rich text (plain
// text, Korean included, with $…$ math segments) with the embedded fonts of
// package fonts, and draws every glyph as a filled outline so that PNG, SVG
// and PDF look the same and need no font on the reader's machine.
//
// API (the contract the rest of figgen builds on):
//
//	func New() (*Engine, error)                      // parse the embedded fonts once
//	func (e *Engine) Check(s string) error           // nil or errors.Join of *Error: bad math, missing glyph
//	func (e *Engine) Handler(...Option) text.Handler // gonum/plot text handler for one figure
//	func MinScript(size vg.Length) Option            // the least size of scripts, for Handler
//	type Error struct{ Offset int; Msg string }      // Offset: byte offset in s
//
// An Engine is immutable after New and safe for concurrent use. A Handler
// belongs to one figure's render. It imports nothing of figgen but fonts
// and internal/suggest (its "did you mean" for unknown commands).
//
// # Syntax
//
// Text outside $…$ is set in NanumGothic (Hangul and Latin alike, bold when
// the font's Weight is at least bold); \$ is a literal dollar, a backslash
// a backslash (from the Latin face: NanumGothic draws U+005C as ₩), and a
// math command there (\theta without its $…$) is reported. Lines split
// on "\n". Inside $…$ a TeX subset is set like matplotlib's mathtext:
// x_1, e^{-z}, w^l_{ji}, f'(x), \frac, \dfrac, \tfrac, \sqrt, \sqrt[n],
// Greek letters, relations, operators and arrows (\geq \le \neq \approx
// \cdot \times \pm \sum \to \infty …), accents (\hat \bar \vec \tilde
// \dot \overline …), \text{…} (Hangul allowed), \mathrm \mathbf \mathbb
// \mathcal \boldsymbol \operatorname, function names (\tanh \max \exp …),
// spaces (\, \: \; \! \quad \qquad "\ " ~), braces, brackets, \{ \},
// and \left … \right with stretched delimiters. Latin letters and lowercase
// Greek are italic (STIX Two Text Italic), digits and capital Greek upright,
// operators and relations come from STIX Two Math, with TeX's spacing
// between atom classes (none around a unary minus).
//
// Each rune comes from the first face of a chain that has it; a rune no
// face has is reported by Check. Default-ignorable code points (zero-width
// spaces and joiners, the soft hyphen, variation selectors, U+FEFF …) are
// set as nothing. Draw never panics: a line whose math does
// not parse is drawn as its source text.
package typeset

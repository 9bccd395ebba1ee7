package typeset

import (
	"sort"
	"sync"
)

// class is a TeX atom class; it decides the space between atoms.
type class uint8

const (
	clOrd class = iota
	clOp
	clBin
	clRel
	clOpen
	clClose
	clPunct
	clInner
)

// variant selects the font chain of a math atom.
type variant uint8

const (
	vItalic     variant = iota // math italic: Latin letters, lowercase Greek
	vUpright                   // upright text font: digits, \mathrm, punctuation
	vSymbol                    // math font first: operators, relations, arrows
	vText                      // \text: roman text with Hangul
	vBold                      // \mathbf: upright bold
	vBoldItalic                // \boldsymbol: bold italic
)

// sym is a math symbol command.
type sym struct {
	r  rune
	cl class
	v  variant
}

// symbols maps command names to symbols.
var symbols = map[string]sym{
	// lowercase Greek: italic
	"alpha": {'α', clOrd, vItalic}, "beta": {'β', clOrd, vItalic}, "gamma": {'γ', clOrd, vItalic},
	"delta": {'δ', clOrd, vItalic}, "epsilon": {'ϵ', clOrd, vItalic}, "varepsilon": {'ε', clOrd, vItalic},
	"zeta": {'ζ', clOrd, vItalic}, "eta": {'η', clOrd, vItalic}, "theta": {'θ', clOrd, vItalic},
	"vartheta": {'ϑ', clOrd, vItalic}, "iota": {'ι', clOrd, vItalic}, "kappa": {'κ', clOrd, vItalic},
	"lambda": {'λ', clOrd, vItalic}, "mu": {'μ', clOrd, vItalic}, "nu": {'ν', clOrd, vItalic},
	"xi": {'ξ', clOrd, vItalic}, "omicron": {'ο', clOrd, vItalic}, "pi": {'π', clOrd, vItalic},
	"varpi": {'ϖ', clOrd, vItalic}, "rho": {'ρ', clOrd, vItalic}, "varrho": {'ϱ', clOrd, vItalic},
	"sigma": {'σ', clOrd, vItalic}, "varsigma": {'ς', clOrd, vItalic}, "tau": {'τ', clOrd, vItalic},
	"upsilon": {'υ', clOrd, vItalic}, "phi": {'ϕ', clOrd, vItalic}, "varphi": {'φ', clOrd, vItalic},
	"chi": {'χ', clOrd, vItalic}, "psi": {'ψ', clOrd, vItalic}, "omega": {'ω', clOrd, vItalic},
	// uppercase Greek: upright
	"Gamma": {'Γ', clOrd, vUpright}, "Delta": {'Δ', clOrd, vUpright}, "Theta": {'Θ', clOrd, vUpright},
	"Lambda": {'Λ', clOrd, vUpright}, "Xi": {'Ξ', clOrd, vUpright}, "Pi": {'Π', clOrd, vUpright},
	"Sigma": {'Σ', clOrd, vUpright}, "Upsilon": {'Υ', clOrd, vUpright}, "Phi": {'Φ', clOrd, vUpright},
	"Psi": {'Ψ', clOrd, vUpright}, "Omega": {'Ω', clOrd, vUpright},
	// binary operators
	"pm": {'±', clBin, vSymbol}, "mp": {'∓', clBin, vSymbol}, "times": {'×', clBin, vSymbol},
	"div": {'÷', clBin, vSymbol}, "cdot": {'⋅', clBin, vSymbol}, "ast": {'∗', clBin, vSymbol},
	"star": {'⋆', clBin, vSymbol}, "circ": {'∘', clBin, vSymbol}, "bullet": {'∙', clBin, vSymbol},
	"oplus": {'⊕', clBin, vSymbol}, "ominus": {'⊖', clBin, vSymbol}, "otimes": {'⊗', clBin, vSymbol},
	"odot": {'⊙', clBin, vSymbol}, "cup": {'∪', clBin, vSymbol}, "cap": {'∩', clBin, vSymbol},
	"wedge": {'∧', clBin, vSymbol}, "land": {'∧', clBin, vSymbol}, "vee": {'∨', clBin, vSymbol},
	"lor": {'∨', clBin, vSymbol}, "setminus": {'∖', clBin, vSymbol},
	// relations
	"geq": {'≥', clRel, vSymbol}, "ge": {'≥', clRel, vSymbol}, "geqq": {'≧', clRel, vSymbol},
	"geqslant": {'⩾', clRel, vSymbol}, "leqslant": {'⩽', clRel, vSymbol},
	"leq": {'≤', clRel, vSymbol}, "le": {'≤', clRel, vSymbol}, "leqq": {'≦', clRel, vSymbol},
	"neq": {'≠', clRel, vSymbol}, "ne": {'≠', clRel, vSymbol}, "approx": {'≈', clRel, vSymbol},
	"sim": {'∼', clRel, vSymbol}, "simeq": {'≃', clRel, vSymbol}, "equiv": {'≡', clRel, vSymbol},
	"propto": {'∝', clRel, vSymbol}, "ll": {'≪', clRel, vSymbol}, "gg": {'≫', clRel, vSymbol},
	"in": {'∈', clRel, vSymbol}, "notin": {'∉', clRel, vSymbol}, "ni": {'∋', clRel, vSymbol},
	"subset": {'⊂', clRel, vSymbol}, "supset": {'⊃', clRel, vSymbol},
	"subseteq": {'⊆', clRel, vSymbol}, "supseteq": {'⊇', clRel, vSymbol},
	"mid": {'∣', clRel, vSymbol}, "parallel": {'∥', clRel, vSymbol}, "perp": {'⟂', clRel, vSymbol},
	"coloneqq": {'≔', clRel, vSymbol}, "triangleq": {'≜', clRel, vSymbol},
	"rightarrow": {'→', clRel, vSymbol}, "to": {'→', clRel, vSymbol}, "leftarrow": {'←', clRel, vSymbol},
	"gets": {'←', clRel, vSymbol}, "leftrightarrow": {'↔', clRel, vSymbol},
	"Rightarrow": {'⇒', clRel, vSymbol}, "Leftarrow": {'⇐', clRel, vSymbol},
	"Leftrightarrow": {'⇔', clRel, vSymbol}, "iff": {'⟺', clRel, vSymbol},
	"implies": {'⟹', clRel, vSymbol}, "mapsto": {'↦', clRel, vSymbol},
	"longrightarrow": {'⟶', clRel, vSymbol}, "uparrow": {'↑', clRel, vSymbol},
	"downarrow": {'↓', clRel, vSymbol},
	// large operators
	"sum": {'∑', clOp, vSymbol}, "prod": {'∏', clOp, vSymbol}, "int": {'∫', clOp, vSymbol},
	"oint": {'∮', clOp, vSymbol}, "bigcup": {'⋃', clOp, vSymbol}, "bigcap": {'⋂', clOp, vSymbol},
	// ordinary symbols
	"infty": {'∞', clOrd, vSymbol}, "partial": {'∂', clOrd, vSymbol}, "nabla": {'∇', clOrd, vSymbol},
	"forall": {'∀', clOrd, vSymbol}, "exists": {'∃', clOrd, vSymbol}, "emptyset": {'∅', clOrd, vSymbol},
	"varnothing": {'∅', clOrd, vSymbol}, "neg": {'¬', clOrd, vSymbol}, "lnot": {'¬', clOrd, vSymbol},
	"prime": {'′', clOrd, vSymbol}, "ell": {'ℓ', clOrd, vItalic}, "hbar": {'ℏ', clOrd, vSymbol},
	"ldots": {'…', clInner, vUpright}, "dots": {'…', clInner, vUpright}, "cdots": {'⋯', clInner, vSymbol},
	"vdots": {'⋮', clOrd, vSymbol}, "ddots": {'⋱', clInner, vSymbol}, "degree": {'°', clOrd, vUpright},
	"top": {'⊤', clOrd, vSymbol}, "bot": {'⊥', clOrd, vSymbol}, "angle": {'∠', clOrd, vSymbol},
	"checkmark": {'✓', clOrd, vSymbol}, "dagger": {'†', clBin, vSymbol},
	// delimiters
	"langle": {'⟨', clOpen, vSymbol}, "rangle": {'⟩', clClose, vSymbol},
	"lfloor": {'⌊', clOpen, vSymbol}, "rfloor": {'⌋', clClose, vSymbol},
	"lceil": {'⌈', clOpen, vSymbol}, "rceil": {'⌉', clClose, vSymbol},
	"lvert": {'|', clOpen, vUpright}, "rvert": {'|', clClose, vUpright},
	"lVert": {'‖', clOpen, vSymbol}, "rVert": {'‖', clClose, vSymbol},
	"vert": {'|', clOrd, vUpright}, "Vert": {'‖', clOrd, vSymbol},
	"lbrace": {'{', clOpen, vUpright}, "rbrace": {'}', clClose, vUpright},
	"{": {'{', clOpen, vUpright}, "}": {'}', clClose, vUpright}, "|": {'‖', clOrd, vSymbol},
	"$": {'$', clOrd, vUpright}, "%": {'%', clOrd, vUpright}, "&": {'&', clOrd, vUpright},
	"#": {'#', clOrd, vUpright}, "_": {'_', clOrd, vUpright},
}

// spaces maps spacing commands to their width in mu (1/18 em).
var spaces = map[string]float64{
	",": 3, ":": 4, ">": 4, ";": 5, "!": -3, " ": 6, "quad": 18, "qquad": 36,
	"thinspace": 3, "medspace": 4, "thickspace": 5, "negthinspace": -3, "enspace": 9,
}

// accents maps accent commands to their glyph; wide accents stretch.
var accents = map[string]struct {
	r    rune
	wide bool
}{
	"hat": {'\u02c6', false}, "widehat": {'\u0302', true}, "check": {'\u02c7', false},
	"tilde": {'\u02dc', false}, "widetilde": {'\u0303', true}, "bar": {'\u00af', false},
	"vec": {'\u20d7', false}, "dot": {'\u02d9', false}, "ddot": {'\u00a8', false},
	"acute": {'\u00b4', false}, "grave": {'\u0060', false}, "breve": {'\u02d8', false},
	"mathring": {'\u02da', false},
}

// functions are upright operator names such as \sin.
var functions = map[string]bool{
	"sin": true, "cos": true, "tan": true, "sinh": true, "cosh": true, "tanh": true,
	"exp": true, "log": true, "ln": true, "lg": true, "max": true, "min": true, "sup": true,
	"inf": true, "lim": true, "arg": true, "det": true, "dim": true, "deg": true, "sec": true,
	"csc": true, "cot": true, "arcsin": true, "arccos": true, "arctan": true, "argmax": true,
	"argmin": true, "sgn": true, "Pr": true, "gcd": true, "ker": true,
}

// other commands handled by the parser itself.
var structural = []string{
	"frac", "dfrac", "tfrac", "sqrt", "text", "textrm", "mathrm", "mathit", "mathbf",
	"boldsymbol", "mathcal", "mathbb", "operatorname", "left", "right", "overline",
	"displaystyle", "textstyle",
}

// commandNames returns every known command name, sorted, among which an
// unknown command gets its "did you mean"; the caller must not change the
// slice.
var commandNames = sync.OnceValue(func() []string {
	var names []string
	for n := range symbols {
		names = append(names, n)
	}
	for n := range spaces {
		names = append(names, n)
	}
	for n := range accents {
		names = append(names, n)
	}
	for n := range functions {
		names = append(names, n)
	}
	names = append(names, structural...)
	sort.Strings(names)
	return names
})

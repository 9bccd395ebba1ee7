package typeset

import (
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/figgen/figgen/internal/suggest"
)

// segment is a piece of one line: plain text or math.
type segment struct {
	text   []textRune // plain text, when math is nil
	math   []node     // math list
	isMath bool
}

// textRune is a rune of plain text with its byte offset in the line.
type textRune struct {
	r   rune
	off int
}

// node is a math list element.
type node interface{}

// atom is one math symbol.
type atom struct {
	r   rune
	cl  class
	v   variant
	off int
}

// group is a {…} list; it acts as one ordinary atom (or cl, for operator
// names).
type group struct {
	list []node
	cl   class
}

// scripts attaches sub- and superscripts to a nucleus (nil for none).
type scripts struct {
	nucleus node
	sub     []node
	sup     []node
	hasSub  bool
	hasSup  bool
	primes  int // number of ' after the nucleus
}

// frac is \frac; style is 'd' for \dfrac, 't' for \tfrac, 0 for \frac.
type frac struct {
	num, den []node
	style    byte
}

// radical is \sqrt with an optional degree.
type radical struct {
	body, degree []node
}

// accent puts a glyph (or a rule for \overline) over a body.
type accent struct {
	body    []node
	r       rune
	wide    bool
	overbar bool
}

// textNode is \text{…}: runes set in the text font.
type textNode struct {
	runes []textRune
	v     variant
}

// space is horizontal space in mu.
type space struct{ mu float64 }

// fenced is \left … \right with stretched delimiters (0 for ".").
type fenced struct {
	left, right rune
	body        []node
}

// styleChange is \displaystyle or \textstyle for the rest of the list.
type styleChange struct{ display bool }

// splitLines splits s into lines as gonum's text.Plain does.
func splitLines(s string) []string {
	return strings.Split(strings.TrimRight(s, "\n"), "\n")
}

// parseLine splits one line into text and math segments. It returns every
// problem it finds, in order of offset. An unknown command is reported, set
// as its source text, and parsing goes on. A structural problem (an unclosed
// brace, a missing argument …) ends the parse of its math segment, which is
// left out of the segments; parsing goes on after the segment's closing "$".
// An unmatched "$" ends the line.
func parseLine(s string) ([]segment, []*Error) {
	var segs []segment
	var errs []*Error
	var cur []textRune
	flush := func() {
		if len(cur) > 0 {
			segs = append(segs, segment{text: cur})
			cur = nil
		}
	}
	for i := 0; i < len(s); {
		switch {
		case s[i] == '\\' && i+1 < len(s) && s[i+1] == '$':
			cur = append(cur, textRune{'$', i})
			i += 2
		case s[i] == '$':
			j := i + 1
			for j < len(s) && s[j] != '$' {
				if s[j] == '\\' {
					j++
				}
				j++
			}
			flush()
			if j >= len(s) {
				errs = append(errs, &Error{Offset: i, Msg: "unmatched `$`"})
				return segs, errs
			}
			p := &parser{src: s, pos: i + 1, end: j}
			list := p.parseList(closeEnd, i)
			errs = append(errs, p.errs...)
			if p.err != nil {
				errs = append(errs, p.err)
			} else {
				segs = append(segs, segment{math: list, isMath: true})
			}
			i = j + 1
		case s[i] == '\\' && i+1 < len(s) && isLetter(s[i+1]):
			j := i + 1
			for j < len(s) && isLetter(s[j]) {
				j++
			}
			if err := commandOutsideMath(s, i, j); err != nil {
				errs = append(errs, err)
			}
			for k := i; k < j; k++ {
				cur = append(cur, textRune{rune(s[k]), k})
			}
			i = j
		default:
			r, n := utf8.DecodeRuneInString(s[i:])
			cur = append(cur, textRune{r, i})
			i += n
		}
	}
	flush()
	return segs, errs
}

// commandOutsideMath reports the command s[at:end] (a backslash and
// letters) of plain text when it names a math command, such as \theta
// written without its $…$, which would print as the letters. A backslash
// inside a word or path (C:\Users\min, a\b) is text, as is a name that
// is no command.
func commandOutsideMath(s string, at, end int) *Error {
	name := s[at+1 : end]
	if _, ok := slices.BinarySearch(commandNames(), name); !ok {
		return nil
	}
	if at > 0 && pathByte(s[at-1]) || end+1 < len(s) && s[end] == '.' && isAlnum(s[end+1]) {
		return nil
	}
	// The hint takes the command's braced arguments along: \frac{1}{2}.
	hint := end
	for n := 0; n < 3 && hint < len(s) && s[hint] == '{'; n++ {
		depth, k := 0, hint
		for ; k < len(s); k++ {
			if s[k] == '{' {
				depth++
			} else if s[k] == '}' {
				if depth--; depth == 0 {
					break
				}
			}
		}
		if k == len(s) {
			break
		}
		hint = k + 1
	}
	return &Error{Offset: at, Msg: fmt.Sprintf("command %#q outside math (did you mean '$%s$'?)", `\`+name, s[at:hint])}
}

// pathByte reports whether c, just before a backslash, makes it part of a
// word or a path rather than the start of a command.
func pathByte(c byte) bool {
	return isAlnum(c) || strings.IndexByte(`:\/._-~`, c) >= 0
}

func isAlnum(c byte) bool { return isLetter(c) || c >= '0' && c <= '9' }

const (
	closeEnd = iota
	closeBrace
	closeRight
)

// maxDepth bounds the nesting of math (groups, arguments, scripts), so that
// parsing and layout recurse a bounded number of times.
const maxDepth = 200

// parser parses the math in src[pos:end].
type parser struct {
	src      string
	pos, end int
	err      *Error   // the structural problem that stopped the parse
	errs     []*Error // problems the parse went on after
	depth    int      // current nesting, up to maxDepth

	// rightDelim is the delimiter after the \right that ended a list.
	rightDelim rune
	// font is the variant forced on letters by \mathrm and friends.
	font    variant
	hasFont bool
}

func (p *parser) fail(off int, format string, args ...any) {
	if p.err == nil {
		p.err = &Error{Offset: off, Msg: fmt.Sprintf(format, args...)}
	}
}

// enter counts one level of nesting at off; it fails, returning false, when
// the nesting is too deep. Each successful enter needs a leave.
func (p *parser) enter(off int) bool {
	if p.depth >= maxDepth {
		p.fail(off, "math nested too deeply")
		return false
	}
	p.depth++
	return true
}

func (p *parser) leave() { p.depth-- }

// skipSpace skips spaces and default-ignorable code points, which math
// sets as nothing: x_\u200b1 is x_1.
func (p *parser) skipSpace() {
	for p.pos < p.end {
		switch c := p.src[p.pos]; {
		case c == ' ' || c == '\t' || c == '\r':
			p.pos++
			continue
		case c >= utf8.RuneSelf:
			if r, n := utf8.DecodeRuneInString(p.src[p.pos:p.end]); ignorable(r) {
				p.pos += n
				continue
			}
		}
		return
	}
}

// parseList parses atoms up to the closer; open is the offset of what opened
// the list (for error messages).
func (p *parser) parseList(closer int, open int) []node {
	if !p.enter(open) {
		return nil
	}
	defer p.leave()
	var list []node
	for p.err == nil {
		p.skipSpace()
		if p.pos >= p.end {
			switch closer {
			case closeBrace:
				p.fail(open, "unclosed `{`")
			case closeRight:
				p.fail(open, "`\\left` without `\\right`")
			}
			return list
		}
		c := p.src[p.pos]
		switch c {
		case '}':
			if closer == closeBrace {
				p.pos++
				return list
			}
			p.fail(p.pos, "unmatched `}`")
			return list
		case '^', '_':
			p.attachScript(&list)
			continue
		case '\'':
			sc := p.scriptTarget(&list)
			if sc.hasSup {
				p.fail(p.pos, "double superscript")
				return list
			}
			sc.primes++
			p.pos++
			continue
		}
		if c == '\\' && closer == closeRight && p.peekCommand() == "right" {
			p.pos += len(`\right`)
			p.rightDelim = p.parseDelim(p.pos-len(`\right`), "right")
			return list
		}
		n := p.parseAtom()
		if n != nil {
			list = append(list, n)
		}
	}
	return list
}

// peekCommand returns the name of the command at pos without consuming it.
func (p *parser) peekCommand() string {
	if p.pos >= p.end || p.src[p.pos] != '\\' {
		return ""
	}
	i := p.pos + 1
	for i < p.end && isLetter(p.src[i]) {
		i++
	}
	return p.src[p.pos+1 : i]
}

func isLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

// scriptTarget returns the scripts node of the last list element, wrapping
// it (or an empty nucleus) as needed.
func (p *parser) scriptTarget(list *[]node) *scripts {
	l := *list
	if len(l) > 0 {
		if sc, ok := l[len(l)-1].(*scripts); ok {
			return sc
		}
		sc := &scripts{nucleus: l[len(l)-1]}
		l[len(l)-1] = sc
		return sc
	}
	sc := &scripts{}
	*list = append(l, sc)
	return sc
}

func (p *parser) attachScript(list *[]node) {
	at := p.pos
	c := p.src[p.pos]
	p.pos++
	arg, ok := p.parseArg()
	if !ok {
		if p.err == nil {
			p.fail(at, "%#q without argument", string(c))
		}
		return
	}
	sc := p.scriptTarget(list)
	if n := primes(arg); c == '^' && n > 0 && !sc.hasSup {
		// TeX's ' is ^\prime: set ^\prime as ' is, a full-size prime
		// after the nucleus, not a small one raised above it.
		sc.primes += n
		return
	}
	if c == '^' {
		if sc.hasSup {
			p.fail(at, "double superscript")
			return
		}
		sc.hasSup = true
		sc.sup = append(sc.sup, arg...)
	} else {
		if sc.hasSub {
			p.fail(at, "double subscript")
			return
		}
		sc.hasSub = true
		sc.sub = arg
	}
}

// primes returns the number of primes in list when it holds nothing else
// (\prime, \prime\prime, ′), else 0.
func primes(list []node) int {
	for _, n := range list {
		if a, ok := n.(atom); !ok || a.r != '′' {
			return 0
		}
	}
	return len(list)
}

// parseArg parses a command or script argument: a braced group or a single
// token. It returns false when there is none.
func (p *parser) parseArg() ([]node, bool) {
	p.skipSpace()
	if p.pos >= p.end {
		return nil, false
	}
	switch p.src[p.pos] {
	case '}', '^', '_', '\'':
		return nil, false
	case '{':
		open := p.pos
		p.pos++
		return p.parseList(closeBrace, open), p.err == nil
	}
	if p.src[p.pos] == '\\' {
		switch p.peekCommand() {
		case "right", "left":
			return nil, false
		}
	}
	n := p.parseAtom()
	if p.err != nil {
		return nil, false
	}
	if n == nil {
		return []node{}, true
	}
	return []node{n}, true
}

// parseAtom parses one character or command (with its arguments).
func (p *parser) parseAtom() node {
	if !p.enter(p.pos) {
		return nil
	}
	defer p.leave()
	c := p.src[p.pos]
	if c == '{' {
		open := p.pos
		p.pos++
		return &group{list: p.parseList(closeBrace, open)}
	}
	if c == '\\' {
		return p.parseCommand()
	}
	r, n := utf8.DecodeRuneInString(p.src[p.pos:])
	off := p.pos
	p.pos += n
	return p.charAtom(r, off)
}

// charAtom classifies a character typed in math mode.
func (p *parser) charAtom(r rune, off int) node {
	a := atom{r: r, cl: clOrd, v: vUpright, off: off}
	switch {
	case r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z':
		a.v = vItalic
	case r >= 'α' && r <= 'ω':
		a.v = vItalic
	case r >= '0' && r <= '9', r == '.', r == '/', r == '|', r == '@', r == '"':
	case r == '+' || r == '*':
		a.cl, a.v = clBin, vSymbol
		if r == '*' {
			a.r = '∗'
		}
	case r == '-':
		a.r, a.cl, a.v = '−', clBin, vSymbol
	case r == '=' || r == '<' || r == '>' || r == ':':
		a.cl, a.v = clRel, vSymbol
	case r == ',' || r == ';':
		a.cl = clPunct
	case r == '(' || r == '[':
		a.cl = clOpen
	case r == ')' || r == ']':
		a.cl = clClose
	case r == '!' || r == '?':
		a.cl = clClose
	case r == '~':
		return &space{mu: 6}
	case r < 0x80:
	case r >= 0x2190 && r <= 0x22ff: // arrows and mathematical operators
		a.v = vSymbol
		a.cl = clRel
		switch r {
		case '−', '±', '×', '÷', '⋅', '∘', '∗', '∙':
			a.cl = clBin
		case '∞', '∂', '∇', '∀', '∃', '∅':
			a.cl = clOrd
		case '∑', '∏', '∫':
			a.cl = clOp
		}
	default:
		a.v = vText
	}
	if p.hasFont && (a.v == vItalic || a.v == vUpright) {
		a.v = p.font
	}
	return a
}

// parseCommand parses a command starting at "\".
func (p *parser) parseCommand() node {
	start := p.pos
	p.pos++
	if p.pos >= p.end {
		p.fail(start, "lone `\\`")
		return nil
	}
	var name string
	if isLetter(p.src[p.pos]) {
		i := p.pos
		for p.pos < p.end && isLetter(p.src[p.pos]) {
			p.pos++
		}
		name = p.src[i:p.pos]
	} else {
		_, n := utf8.DecodeRuneInString(p.src[p.pos:])
		name = p.src[p.pos : p.pos+n]
		p.pos += n
	}
	if s, ok := symbols[name]; ok {
		a := atom{r: s.r, cl: s.cl, v: s.v, off: start}
		if p.hasFont && a.v == vItalic {
			a.v = p.font
		}
		return a
	}
	if mu, ok := spaces[name]; ok {
		return &space{mu: mu}
	}
	if ac, ok := accents[name]; ok {
		arg, ok := p.parseArg()
		if !ok {
			p.fail(start, "missing argument for %#q", `\`+name)
			return nil
		}
		return &accent{body: arg, r: ac.r, wide: ac.wide}
	}
	if functions[name] {
		return opName(name, start)
	}
	switch name {
	case "frac", "dfrac", "tfrac":
		num, ok1 := p.parseArg()
		var den []node
		ok2 := false
		if ok1 {
			den, ok2 = p.parseArg()
		}
		if !ok1 || !ok2 {
			p.fail(start, "missing argument for %#q", `\`+name)
			return nil
		}
		f := &frac{num: num, den: den}
		if name != "frac" {
			f.style = name[0]
		}
		return f
	case "sqrt":
		r := &radical{}
		p.skipSpace()
		if p.pos < p.end && p.src[p.pos] == '[' {
			open := p.pos
			shut := p.matchBracket(open)
			if shut < 0 {
				p.fail(open, "unclosed `[`")
				return nil
			}
			sub := &parser{src: p.src, pos: open + 1, end: shut, depth: p.depth, font: p.font, hasFont: p.hasFont}
			r.degree = sub.parseList(closeEnd, open)
			p.errs = append(p.errs, sub.errs...)
			if sub.err != nil {
				p.err = sub.err
				return nil
			}
			p.pos = shut + 1
		}
		body, ok := p.parseArg()
		if !ok {
			p.fail(start, "missing argument for %#q", `\`+name)
			return nil
		}
		r.body = body
		return r
	case "overline":
		body, ok := p.parseArg()
		if !ok {
			p.fail(start, "missing argument for %#q", `\`+name)
			return nil
		}
		return &accent{body: body, overbar: true}
	case "text", "textrm", "mathrm", "mathit", "mathbf", "boldsymbol", "operatorname":
		return p.parseFontArg(start, name)
	case "mathcal", "mathbb":
		return p.parseAlphabet(start, name)
	case "left":
		d := p.parseDelim(start, "left")
		if p.err != nil {
			return nil
		}
		f := &fenced{left: d}
		f.body = p.parseList(closeRight, start)
		f.right = p.rightDelim
		return f
	case "right":
		p.fail(start, "`\\right` without `\\left`")
		return nil
	case "displaystyle", "textstyle":
		return &styleChange{display: name == "displaystyle"}
	}
	// An unknown command is set as its source text, and the parse goes on.
	msg := fmt.Sprintf("unknown command %#q", strings.ToValidUTF8(`\`+name, "\uFFFD"))
	if s, ok := suggest.Closest(name, commandNames()); ok {
		msg += fmt.Sprintf(" (did you mean %#q?)", `\`+s)
	}
	p.errs = append(p.errs, &Error{Offset: start, Msg: msg})
	t := &textNode{v: vText}
	for i, r := range p.src[start:p.pos] {
		t.runes = append(t.runes, textRune{r, start + i})
	}
	return t
}

// matchBracket returns the offset of the "]" that closes the "[" at open,
// or -1. Brackets nest; brackets inside a {…} group and escaped characters
// such as \{ or \] do not count.
func (p *parser) matchBracket(open int) int {
	braces, brackets := 0, 0
	for i := open + 1; i < p.end; i++ {
		switch p.src[i] {
		case '\\':
			i++
		case '{':
			braces++
		case '}':
			if braces == 0 {
				return -1
			}
			braces--
		case '[':
			if braces == 0 {
				brackets++
			}
		case ']':
			if braces == 0 {
				if brackets == 0 {
					return i
				}
				brackets--
			}
		}
	}
	return -1
}

// opName builds an upright operator name such as \sin.
func opName(name string, off int) node {
	g := &group{cl: clOp}
	for i, r := range name {
		g.list = append(g.list, atom{r: r, cl: clOrd, v: vUpright, off: off + i})
	}
	return g
}

// parseDelim parses the delimiter after the \left or \right (name) at cmd.
func (p *parser) parseDelim(cmd int, name string) rune {
	p.skipSpace()
	if p.pos >= p.end {
		p.fail(cmd, "missing delimiter after %#q", `\`+name)
		return 0
	}
	c := p.src[p.pos]
	switch c {
	case '.':
		p.pos++
		return 0
	case '(', ')', '[', ']', '|', '/', '<', '>':
		p.pos++
		switch c {
		case '<':
			return '⟨'
		case '>':
			return '⟩'
		}
		return rune(c)
	case '\\':
		at := p.pos
		p.pos++
		var name string
		if p.pos < p.end && isLetter(p.src[p.pos]) {
			i := p.pos
			for p.pos < p.end && isLetter(p.src[p.pos]) {
				p.pos++
			}
			name = p.src[i:p.pos]
		} else if p.pos < p.end {
			name = p.src[p.pos : p.pos+1]
			p.pos++
		}
		if s, ok := symbols[name]; ok && (s.cl == clOpen || s.cl == clClose || name == "|" || name == "vert" || name == "Vert") {
			return s.r
		}
		p.fail(at, "bad delimiter %#q", `\`+name)
		return 0
	}
	r, _ := utf8.DecodeRuneInString(p.src[p.pos:])
	p.fail(p.pos, "bad delimiter %#q", string(r))
	return 0
}

// parseFontArg parses the braced argument of \text, \mathrm and the like.
func (p *parser) parseFontArg(start int, name string) node {
	p.skipSpace()
	if name == "text" || name == "textrm" {
		if p.pos >= p.end || p.src[p.pos] != '{' {
			if p.pos < p.end {
				r, n := utf8.DecodeRuneInString(p.src[p.pos:])
				if r != '}' && r != '^' && r != '_' && r != '\\' {
					t := &textNode{v: vText, runes: []textRune{{r, p.pos}}}
					p.pos += n
					return t
				}
			}
			p.fail(start, "missing argument for %#q", `\`+name)
			return nil
		}
		open := p.pos
		p.pos++
		t := &textNode{v: vText}
		depth := 0
		for {
			if p.pos >= p.end {
				p.fail(open, "unclosed `{`")
				return nil
			}
			c := p.src[p.pos]
			switch {
			case c == '\\':
				if p.pos+1 < p.end && !isLetter(p.src[p.pos+1]) {
					r, n := utf8.DecodeRuneInString(p.src[p.pos+1:])
					t.runes = append(t.runes, textRune{r, p.pos})
					p.pos += 1 + n
					continue
				}
				i := p.pos + 1
				for i < p.end && isLetter(p.src[i]) {
					i++
				}
				p.fail(p.pos, "command %#q not allowed in %#q", p.src[p.pos:i], `\`+name)
				return nil
			case c == '{':
				depth++
				p.pos++
				continue
			case c == '}':
				if depth == 0 {
					p.pos++
					return t
				}
				depth--
				p.pos++
				continue
			}
			r, n := utf8.DecodeRuneInString(p.src[p.pos:])
			t.runes = append(t.runes, textRune{r, p.pos})
			p.pos += n
		}
	}
	saved, savedHas := p.font, p.hasFont
	switch name {
	case "mathrm", "operatorname":
		p.font = vUpright
	case "mathit":
		p.font = vItalic
	case "mathbf":
		p.font = vBold
	case "boldsymbol":
		p.font = vBoldItalic
	}
	p.hasFont = true
	arg, ok := p.parseArg()
	p.font, p.hasFont = saved, savedHas
	if !ok {
		if p.err == nil {
			p.fail(start, "missing argument for %#q", `\`+name)
		}
		return nil
	}
	g := &group{list: arg}
	if name == "operatorname" {
		g.cl = clOp
	}
	return g
}

// parseAlphabet parses \mathcal{…} or \mathbb{…}, mapping letters to the
// Mathematical Alphanumeric Symbols block.
func (p *parser) parseAlphabet(start int, name string) node {
	arg, ok := p.parseArg()
	if !ok {
		if p.err == nil {
			p.fail(start, "missing argument for %#q", `\`+name)
		}
		return nil
	}
	var conv func([]node) []node
	conv = func(l []node) []node {
		out := make([]node, len(l))
		for i, n := range l {
			switch n := n.(type) {
			case atom:
				if r := alphabet(name, n.r); r != 0 {
					n.r, n.v = r, vSymbol
				}
				out[i] = n
			case *group:
				out[i] = &group{list: conv(n.list), cl: n.cl}
			default:
				out[i] = n
			}
		}
		return out
	}
	return &group{list: conv(arg)}
}

// alphabet maps a Latin letter (or digit, for \mathbb) to its calligraphic or
// double-struck form.
func alphabet(name string, r rune) rune {
	if name == "mathbb" {
		switch r {
		case 'C':
			return 'ℂ'
		case 'H':
			return 'ℍ'
		case 'N':
			return 'ℕ'
		case 'P':
			return 'ℙ'
		case 'Q':
			return 'ℚ'
		case 'R':
			return 'ℝ'
		case 'Z':
			return 'ℤ'
		}
		switch {
		case r >= 'A' && r <= 'Z':
			return 0x1D538 + r - 'A'
		case r >= 'a' && r <= 'z':
			return 0x1D552 + r - 'a'
		case r >= '0' && r <= '9':
			return 0x1D7D8 + r - '0'
		}
		return 0
	}
	switch r {
	case 'B':
		return 'ℬ'
	case 'E':
		return 'ℰ'
	case 'F':
		return 'ℱ'
	case 'H':
		return 'ℋ'
	case 'I':
		return 'ℐ'
	case 'L':
		return 'ℒ'
	case 'M':
		return 'ℳ'
	case 'R':
		return 'ℛ'
	}
	if r >= 'A' && r <= 'Z' {
		return 0x1D49C + r - 'A'
	}
	return 0
}

package spec

import (
	"fmt"
	"sort"
	"strings"
)

// Error is one problem of a spec file, at a position.
type Error struct {
	Pos Pos
	Msg string
}

// Errorf returns an Error at pos with a message formatted as by fmt.Sprintf.
func Errorf(pos Pos, format string, args ...any) *Error {
	return &Error{Pos: pos, Msg: fmt.Sprintf(format, args...)}
}

// Error returns "path:line:col: message"; the column, then the line, is
// left out when unknown (zero).
func (e *Error) Error() string {
	return e.Pos.String() + ": " + e.Msg
}

// String returns "path:line:col", leaving out the parts that are zero.
func (p Pos) String() string {
	switch {
	case p.Line <= 0:
		return p.File
	case p.Col <= 0:
		return fmt.Sprintf("%s:%d", p.File, p.Line)
	}
	return fmt.Sprintf("%s:%d:%d", p.File, p.Line, p.Col)
}

// ErrorList is every problem found in one spec file, sorted by position.
type ErrorList []*Error

// Error returns the errors one per line.
func (l ErrorList) Error() string {
	var b strings.Builder
	for i, e := range l {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(e.Error())
	}
	return b.String()
}

// Unwrap returns the errors, so errors.As finds a *Error in the list.
func (l ErrorList) Unwrap() []error {
	errs := make([]error, len(l))
	for i, e := range l {
		errs[i] = e
	}
	return errs
}

// Sort orders the list by file, then line, then column, keeping the order
// of errors at equal positions, and drops repeats (an error with the
// position and message of one before it): sorted this way, the errors of
// a whole run list a folder default's problem once, however many specs it
// applies to.
func (l *ErrorList) Sort() {
	sort.SliceStable(*l, func(i, j int) bool {
		a, b := (*l)[i].Pos, (*l)[j].Pos
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Col < b.Col
	})
	seen := map[Error]bool{}
	out := (*l)[:0]
	for _, e := range *l {
		if !seen[*e] {
			seen[*e] = true
			out = append(out, e)
		}
	}
	*l = out
}

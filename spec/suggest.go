package spec

import (
	"fmt"
	"strings"

	"github.com/figgen/figgen/internal/suggest"
)

// didYouMean returns " (did you mean %q?)" naming the candidate closest to
// name (internal/suggest's rule, case-insensitive on name); otherwise,
// when list is set, " (want one of …)" naming them all, else "".
func didYouMean(name string, candidates []string, list bool) string {
	if best, ok := suggest.ClosestFold(name, candidates); ok {
		return fmt.Sprintf(" (did you mean %q?)", best)
	}
	if list && len(candidates) > 0 && len(candidates) <= 20 {
		return " (want one of " + strings.Join(candidates, ", ") + ")"
	}
	return ""
}

// Suggest returns " (did you mean %q?)" naming the candidate closest to
// name when one is close enough, else "": for a kind's Validate reporting
// a name that refers to another value of the spec.
func Suggest(name string, candidates []string) string {
	return didYouMean(name, candidates, false)
}

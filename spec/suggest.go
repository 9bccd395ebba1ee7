package spec

import (
	"fmt"
	"strings"
)

// suggest returns " (did you mean %q?)" naming the candidate closest to
// name by edit distance, if one is close enough; otherwise, when list is
// set, " (want one of …)" naming them all, else "".
func suggest(name string, candidates []string, list bool) string {
	best, bestDist := "", -1
	for _, c := range candidates {
		if len(name) > 64 || len(candidates) > 100 {
			break // spare the quadratic work on hostile input
		}
		dist := editDistance(strings.ToLower(name), c)
		if bestDist < 0 || dist < bestDist || dist == bestDist && c < best {
			best, bestDist = c, dist
		}
	}
	if best != "" && bestDist <= maxDistance(name) {
		return fmt.Sprintf(" (did you mean %q?)", best)
	}
	if list && len(candidates) > 0 && len(candidates) <= 20 {
		return " (want one of " + strings.Join(candidates, ", ") + ")"
	}
	return ""
}

// maxDistance is the largest edit distance at which a candidate still
// counts as a likely typo of name.
func maxDistance(name string) int {
	n := len([]rune(name))
	switch {
	case n <= 2:
		return 0
	case n <= 5:
		return 1
	case n <= 9:
		return 2
	}
	return 3
}

// editDistance is the optimal string alignment distance between a and b:
// insertions, deletions, substitutions and swaps of adjacent runes.
func editDistance(a, b string) int {
	x, y := []rune(a), []rune(b)
	// d[i][j] is the distance between x[:i] and y[:j].
	d := make([][]int, len(x)+1)
	for i := range d {
		d[i] = make([]int, len(y)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(x); i++ {
		for j := 1; j <= len(y); j++ {
			cost := 1
			if x[i-1] == y[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && x[i-1] == y[j-2] && x[i-2] == y[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(x)][len(y)]
}

// Suggest returns " (did you mean %q?)" naming the candidate closest to
// name by edit distance when one is close enough, else "": for a kind's
// Validate reporting a name that refers to another value of the spec.
func Suggest(name string, candidates []string) string {
	return suggest(name, candidates, false)
}

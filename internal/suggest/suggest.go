// Package suggest finds the name a misspelt one most likely meant: the
// candidate nearest by edit distance, when it is near enough to be a typo.
// It is figgen's one rule for "did you mean" hints, for spec keys and
// values as for TeX commands.
//
// The distance is the optimal string alignment distance between runes:
// an insertion, a deletion, a substitution or a swap of two neighbours each
// counts one edit ("sigam" is one edit from "sigma"). How many edits still
// count as a typo grows with the length of the name: see MaxDistance.
//
// The work is bounded for any input: a name longer than MaxName bytes, or
// more than MaxCandidates candidates, gets no suggestion, and a candidate is
// compared only within a band of MaxDistance(name) around the diagonal, so a
// call costs at most about MaxCandidates·MaxName·7 steps, however long the
// candidates are.
package suggest

import (
	"strings"
	"unicode/utf8"
)

const (
	// MaxName is the longest name, in bytes, that gets a suggestion.
	MaxName = 64
	// MaxCandidates is the most candidates among which a suggestion is
	// looked for: room for every TeX command typeset knows, and still
	// little work per call.
	MaxCandidates = 512
)

// MaxDistance is the largest edit distance at which a candidate still
// counts as a typo of name: none for a name of at most 2 runes, 1 up to 5
// runes, 2 up to 9 runes and 3 beyond.
func MaxDistance(name string) int {
	switch n := utf8.RuneCountInString(name); {
	case n <= 2:
		return 0
	case n <= 5:
		return 1
	case n <= 9:
		return 2
	}
	return 3
}

// Closest returns the candidate nearest to name by edit distance, the
// alphabetically first of those equally near, if it is at most
// MaxDistance(name) edits away. Case matters. The empty candidate is never
// returned. ok is false when no candidate is near enough, when name is
// longer than MaxName bytes, or when there are more than MaxCandidates
// candidates.
func Closest(name string, candidates []string) (best string, ok bool) {
	if len(name) > MaxName {
		return "", false
	}
	return closest(name, name, candidates)
}

// ClosestFold is Closest for a name whose case does not matter: name is
// lower-cased before it is compared with the candidates (which should be
// lower case); MaxDistance and MaxName apply to name as given.
func ClosestFold(name string, candidates []string) (best string, ok bool) {
	if len(name) > MaxName {
		return "", false
	}
	return closest(name, strings.ToLower(name), candidates)
}

// closest returns the candidate nearest to key within MaxDistance(name).
func closest(name, key string, candidates []string) (string, bool) {
	if len(candidates) > MaxCandidates {
		return "", false
	}
	limit := MaxDistance(name)
	x := []rune(key)
	// A candidate near enough has at most len(x)+limit runes.
	rows := make([]int, 3*(len(x)+limit+1))
	y := make([]rune, 0, len(x)+limit)
	best, bestD := "", limit+1
	for _, c := range candidates {
		// A string of n bytes has from n/4 to n runes: skip, without
		// decoding, a candidate too short or too long to be near.
		if c == "" || len(c) < len(x)-limit || len(c) > 4*(len(x)+limit) {
			continue
		}
		y = y[:0]
		for _, r := range c {
			y = append(y, r)
		}
		d := distance(x, y, min(bestD, limit), rows)
		if d < bestD || d == bestD && d <= limit && c < best {
			best, bestD = c, d
		}
	}
	return best, best != ""
}

// Distance is the optimal string alignment distance between a and b: the
// fewest insertions, deletions, substitutions and swaps of neighbouring
// runes that turn one into the other, no substring edited twice.
func Distance(a, b string) int {
	x, y := []rune(a), []rune(b)
	k := max(len(x), len(y))
	return distance(x, y, k, make([]int, 3*(len(y)+1)))
}

// distance returns the optimal string alignment distance between x and y
// when it is at most k, else k+1. rows is scratch space of at least
// 3·(len(y)+1) ints. Only the cells within k of the diagonal are computed:
// a path through any other cell costs more than k.
func distance(x, y []rune, k int, rows []int) int {
	if len(x)-len(y) > k || len(y)-len(x) > k {
		return k + 1
	}
	n := len(y)
	far := k + 1 // stands for every cost beyond k
	// prev2, prev and cur are the rows of x[:i-2], x[:i-1] and x[:i]:
	// cell j is the distance to y[:j], capped at far.
	prev2, prev, cur := rows[:n+1], rows[n+1:2*n+2], rows[2*n+2:3*n+3]
	for j := range prev {
		prev[j] = min(j, far)
	}
	for i := 1; i <= len(x); i++ {
		lo, hi := max(1, i-k), min(n, i+k)
		// The cells just outside the band, which the next row reads.
		if lo == 1 {
			cur[0] = min(i, far)
		} else {
			cur[lo-1] = far
		}
		if hi < n {
			cur[hi+1] = far
		}
		rowMin := cur[lo-1]
		for j := lo; j <= hi; j++ {
			cost := 1
			if x[i-1] == y[j-1] {
				cost = 0
			}
			d := min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && x[i-1] == y[j-2] && x[i-2] == y[j-1] {
				d = min(d, prev2[j-2]+1)
			}
			cur[j] = min(d, far)
			rowMin = min(rowMin, cur[j])
		}
		// A row beyond k ends it: no later cell costs less, not even by
		// a swap that skips this row, since d[i][j-1] ≤ d[i-1][j-2]+1.
		if rowMin >= far {
			return far
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[n]
}

package spec

import (
	"math"
	"strconv"
	"strings"
)

// How figgen writes a number for a person to read, in messages and alt
// texts (package figures builds its math forms on Decimal too): everyday
// magnitudes are plain decimals (2, -0.5, 12345); very large or small ones
// are m × 10ᵉ, never Go's 1e-07 or 1e+300.

// Magnitudes written as m × 10ᵉ: at least SciLarge, or below SciSmall.
const (
	SciLarge = 1e6
	SciSmall = 1e-4
)

// Num writes v as plain text: "2", "-0.5", "1.5 × 10⁻⁷", "∞", "NaN". The
// digits are the shortest that read back as v.
func Num(v float64) string {
	switch {
	case math.IsNaN(v):
		return "NaN"
	case math.IsInf(v, 1):
		return "∞"
	case math.IsInf(v, -1):
		return "-∞"
	}
	m, e, sci := Decimal(v)
	if !sci {
		return m
	}
	return m + " × 10" + Superscript(e)
}

// Decimal splits the finite v into the mantissa and exponent of m × 10ᵉ,
// shortest and exact, and reports whether v needs that form; when it does
// not, the mantissa is v's plain decimal. Zero is "0", never "-0".
func Decimal(v float64) (m string, e int, sci bool) {
	if a := math.Abs(v); v == 0 || a < SciLarge && a >= SciSmall {
		if v == 0 {
			return "0", 0, false
		}
		return strconv.FormatFloat(v, 'f', -1, 64), 0, false
	}
	m, exp, _ := strings.Cut(strconv.FormatFloat(v, 'e', -1, 64), "e")
	e, _ = strconv.Atoi(exp)
	return m, e, true
}

// Superscript writes e in superscript digits: -7 as ⁻⁷.
func Superscript(e int) string {
	digits := [...]string{"⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"}
	var b strings.Builder
	for _, c := range strconv.Itoa(e) {
		if c == '-' {
			b.WriteString("⁻")
			continue
		}
		b.WriteString(digits[c-'0'])
	}
	return b.String()
}

// Count writes n things named by the singular noun: "1 input", "13
// inputs" (the plural adds an s).
func Count(n int, noun string) string {
	if n == 1 || n == -1 {
		return strconv.Itoa(n) + " " + noun
	}
	return strconv.Itoa(n) + " " + noun + "s"
}

package figures

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/figgen/figgen/spec"
)

// How figures write numbers: the one place that turns a float64 into the
// text of a label, a legend, a tick, an alt text or a message, on spec's
// Num and Decimal. Everyday magnitudes are plain decimals (2, −0.5,
// 12345); very large or small ones are m × 10ᵉ, never Go's 1e-07 or 1e+300.

// Magnitudes written as m × 10ᵉ: at least sciLarge, or below sciSmall.
const (
	sciLarge = spec.SciLarge
	sciSmall = spec.SciSmall
)

// mathNum writes v as math source, exactly (the shortest decimal that reads
// back as v, so a value reads as the spec wrote it): "2", "-0.5",
// `1.5 \times 10^{-7}`. The minus is the math minus once typeset.
func mathNum(v float64) string {
	m, e, ok := decimal(v)
	if !ok {
		return m
	}
	return mathSci(m, e)
}

// proseNum writes v as plain text, for alt texts and messages: "2",
// "-0.5", "1.5 × 10⁻⁷".
func proseNum(v float64) string { return spec.Num(v) }

// tickNum writes the tick value v of an axis as math source, with the
// decimals the axis's step needs (so one axis's labels share their form
// and no two read the same); big is the axis's largest magnitude. Axes of
// very large magnitude or very fine step write every label as m × 10ᵉ with
// the exponent of big.
func tickNum(v, big, step float64) string {
	if big >= sciLarge || step < sciSmall {
		if v == 0 {
			return "0"
		}
		e := int(math.Floor(math.Log10(big)))
		decimals := max(0, e-int(math.Floor(math.Log10(step)+1e-9)))
		return mathSci(strconv.FormatFloat(v/math.Pow(10, float64(e)), 'f', decimals, 64), e)
	}
	digits := max(0, int(-math.Floor(math.Log10(step)+1e-9)))
	s := strconv.FormatFloat(v, 'f', digits, 64)
	if v == 0 || strings.Trim(s, "-0.") == "" {
		s = strings.TrimPrefix(s, "-") // no "−0.0"
	}
	return s
}

// decimal splits v into the mantissa and exponent of m × 10ᵉ, as
// spec.Decimal, with the math forms of the infinities (\infty) and NaN.
func decimal(v float64) (m string, e int, sci bool) {
	switch {
	case math.IsNaN(v):
		return `\mathrm{NaN}`, 0, false
	case math.IsInf(v, 1):
		return `\infty`, 0, false
	case math.IsInf(v, -1):
		return `-\infty`, 0, false
	}
	return spec.Decimal(v)
}

// mathSci writes m × 10ᵉ as math source.
func mathSci(m string, e int) string { return fmt.Sprintf(`%s \times 10^{%d}`, m, e) }

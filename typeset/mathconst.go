package typeset

import "encoding/binary"

// mathConstants are the OpenType MATH constants used by the layout, in em
// units. Defaults approximate STIX Two Math; parseMathConstants reads the
// real values from the font.
type mathConstants struct {
	scriptScale, scriptScriptScale float64

	axisHeight, accentBaseHeight                         float64
	subShiftDown, subTopMax, subDropMin                  float64
	supShiftUp, supShiftUpCramped, supBottomMin, supDrop float64
	subSupGapMin, supBottomMaxWithSub, spaceAfterScript  float64
	numShiftUp, numShiftUpDisplay                        float64
	denShiftDown, denShiftDownDisplay                    float64
	numGapMin, numGapMinDisplay, ruleThickness           float64
	denGapMin, denGapMinDisplay                          float64
	overbarGap, overbarRule, overbarExtra                float64
	radicalGap, radicalGapDisplay, radicalRule           float64
	radicalExtra, radicalKernBefore, radicalKernAfter    float64
	radicalDegreeRaise                                   float64
}

var defaultMathConstants = mathConstants{
	scriptScale: 0.7, scriptScriptScale: 0.55,
	axisHeight: 0.258, accentBaseHeight: 0.48,
	subShiftDown: 0.21, subTopMax: 0.368, subDropMin: 0.16,
	supShiftUp: 0.36, supShiftUpCramped: 0.289, supBottomMin: 0.125, supDrop: 0.36,
	subSupGapMin: 0.2, supBottomMaxWithSub: 0.368, spaceAfterScript: 0.04,
	numShiftUp: 0.394, numShiftUpDisplay: 0.677,
	denShiftDown: 0.345, denShiftDownDisplay: 0.686,
	numGapMin: 0.068, numGapMinDisplay: 0.204, ruleThickness: 0.068,
	denGapMin: 0.068, denGapMinDisplay: 0.204,
	overbarGap: 0.175, overbarRule: 0.068, overbarExtra: 0.068,
	radicalGap: 0.085, radicalGapDisplay: 0.17, radicalRule: 0.068,
	radicalExtra: 0.068, radicalKernBefore: 0.278, radicalKernAfter: -0.556,
	radicalDegreeRaise: 0.6,
}

// parseMathConstants reads the MathConstants subtable of an OpenType font's
// MATH table, falling back to defaultMathConstants when it is absent or
// malformed.
func parseMathConstants(data []byte) mathConstants {
	mc := defaultMathConstants
	u16 := func(off int) (int, bool) {
		if off < 0 || off+2 > len(data) {
			return 0, false
		}
		return int(binary.BigEndian.Uint16(data[off:])), true
	}
	numTables, ok := u16(4)
	if !ok {
		return mc
	}
	var mathOff, upem int
	for i := 0; i < numTables; i++ {
		rec := 12 + 16*i
		if rec+16 > len(data) {
			return mc
		}
		tag := string(data[rec : rec+4])
		off := int(binary.BigEndian.Uint32(data[rec+8:]))
		switch tag {
		case "MATH":
			mathOff = off
		case "head":
			upem, _ = u16(off + 18)
		}
	}
	if mathOff == 0 || upem == 0 {
		return mc
	}
	cOff, ok := u16(mathOff + 4)
	if !ok {
		return mc
	}
	base := mathOff + cOff
	i16 := func(off int) (float64, bool) {
		v, ok := u16(off)
		return float64(int16(v)), ok
	}
	pct := func(off int) float64 {
		v, _ := i16(off)
		return v / 100
	}
	// value returns the n-th MathValueRecord (after the four leading
	// 16-bit fields) in em units.
	bad := false
	value := func(n int) float64 {
		v, ok := i16(base + 8 + 4*n)
		if !ok {
			bad = true
		}
		return v / float64(upem)
	}
	m := mathConstants{
		scriptScale:         pct(base),
		scriptScriptScale:   pct(base + 2),
		axisHeight:          value(1),
		accentBaseHeight:    value(2),
		subShiftDown:        value(4),
		subTopMax:           value(5),
		subDropMin:          value(6),
		supShiftUp:          value(7),
		supShiftUpCramped:   value(8),
		supBottomMin:        value(9),
		supDrop:             value(10),
		subSupGapMin:        value(11),
		supBottomMaxWithSub: value(12),
		spaceAfterScript:    value(13),
		numShiftUp:          value(28),
		numShiftUpDisplay:   value(29),
		denShiftDown:        value(30),
		denShiftDownDisplay: value(31),
		numGapMin:           value(32),
		numGapMinDisplay:    value(33),
		ruleThickness:       value(34),
		denGapMin:           value(35),
		denGapMinDisplay:    value(36),
		overbarGap:          value(39),
		overbarRule:         value(40),
		overbarExtra:        value(41),
		radicalGap:          value(45),
		radicalGapDisplay:   value(46),
		radicalRule:         value(47),
		radicalExtra:        value(48),
		radicalKernBefore:   value(49),
		radicalKernAfter:    value(50),
	}
	raise, _ := i16(base + 8 + 4*51)
	m.radicalDegreeRaise = raise / 100
	if bad || m.scriptScale <= 0 || m.scriptScale >= 1 || m.scriptScriptScale <= 0 || m.ruleThickness <= 0 {
		return mc
	}
	return m
}

package spec

// commonFields documents the keys every kind has, and the axis keys the
// plot kinds share (Axes); a kind's own Fields may describe one of them
// again for itself.
var commonFields = Fields{
	"kind":      {Doc: "The figure's kind: it decides which other fields apply."},
	"title":     {Doc: "Title drawn above the figure."},
	"output":    {Doc: "Base name of the output files under the out folder: a relative, slash-separated path without extension; default the spec file's name.", NonEmpty: true, What: "name", NoDefault: true},
	"formats":   {Doc: "Image formats to write.", Items: [2]int{1, 0}, Unique: true},
	"formats[]": {Enum: formatNames, What: "format"},
	"width":     {Doc: "Image width in pixels; width × height at most 25 megapixels.", Within: [2]float64{minWidth, maxSize}},
	"height":    {Doc: "Image height in pixels; width × height at most 25 megapixels.", Within: [2]float64{minHeight, maxSize}},
	"themes":    {Doc: "Colour themes to draw: light, dark, or auto (one SVG that follows the reader's light or dark page, PNG and PDF in both); dark files are named NAME.dark.png.", Items: [2]int{1, 2}, Unique: true},
	"themes[]":  {Enum: themeNames, What: "theme"},
	"scales":    {Doc: "Pixel densities of the PNGs: 2 writes NAME@2x.png, twice the pixels with the same layout, for high-density screens.", Items: [2]int{1, 3}, Unique: true},
	"scales[]":  {Within: [2]float64{1, 3}, What: "scale"},
	"alt":       {Doc: "One sentence describing the figure for readers who cannot see it; default a sentence for the kind.", NoDefault: true},

	"x_label": {Doc: "Label of the x axis."},
	"y_label": {Doc: "Label of the y axis."},
	"x_range": {Doc: "Range of the x axis as [min, max]" + RangeNote + "; default the kind's."},
	"y_range": {Doc: "Range of the y axis as [min, max]" + RangeNote + "; default the kind's."},
	"grid":    {Doc: "Draw grid lines."},
}

// RangeNote describes the limits of a range, for a Field's Doc.
const RangeNote = ", min < max, both within ±1e9 and max − min at least 1e-6 × max(1, |min|, |max|)"

// commonKeys is the set of keys of commonFields.
var commonKeys = func() map[string]bool {
	m := map[string]bool{}
	for k := range commonFields {
		m[k] = true
	}
	return m
}()

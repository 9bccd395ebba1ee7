package figures

import (
	"fmt"
	"image/color"
	"math"
	"strconv"
	"strings"

	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"github.com/figgen/figgen/neuron"
	"github.com/figgen/figgen/spec"
	"github.com/figgen/figgen/typeset"
)

func init() {
	register[Pixels]("pixels", "Small images as grids of cells side by side, or a convolution: image ⊛ filter = feature map.")
}

// Limits of a pixels figure.
const (
	maxPixelImages = 6  // images of a figure
	maxPixelSide   = 32 // rows and columns of an image (28×28 digits fit)
	maxPixelValue  = 1e9
)

// Layout of the pixels kind, in points at the default size (scaled).
const (
	pixelMaxCell  = 60 // largest cell: a small image does not fill the page
	pixelMinCell  = 4  // smallest cell
	pixelGap      = 32 // between images side by side
	pixelSignPad  = 14 // on each side of ⊛ and =
	pixelCapGap   = 8  // between an image and its caption
	pixelCellPad  = 0.13
	pixelSignSize = labelSize * 1.6
)

// Pixels is kind "pixels": small images as grids of cells (ink and blank
// from rows of # and ., or numbers on a colour scale), side by side with
// captions; or, with Convolve, an image ⊛ a filter = the feature map
// package neuron computes.
type Pixels struct {
	Images    []PixelImage  `yaml:"images"`
	Convolve  PixelConvolve `yaml:"convolve"`
	Highlight []int         `yaml:"highlight"`

	convolve bool // the spec sets convolve (Default)
}

// PixelImage is one image of a pixels figure: rows or values.
type PixelImage struct {
	Caption spec.Text   `yaml:"caption"`
	Rows    []string    `yaml:"rows"`    // # ink (1), . blank (0)
	Values  [][]float64 `yaml:"values"`  // row by row
	Numbers bool        `yaml:"numbers"` // write each value in its cell
	Index   bool        `yaml:"index"`   // label the cells x_1 … x_n row by row
}

// PixelConvolve names the image and the filter of a convolution.
type PixelConvolve struct {
	Image   int       `yaml:"image"`
	Filter  int       `yaml:"filter"`
	Bias    float64   `yaml:"bias"`
	Caption spec.Text `yaml:"caption"` // of the feature map
	Numbers bool      `yaml:"numbers"` // write the feature map's values
}

// Fields documents the pixels kind's keys.
func (*Pixels) Fields() spec.Fields {
	return spec.Fields{
		"images":           {Doc: "Images, side by side; default the 4×3 digits 0 and 1.", Items: [2]int{1, maxPixelImages}},
		"images.caption":   {Doc: "Caption under the image."},
		"images.rows":      {Doc: "Rows of the image, top first: # for ink (1), . for blank (0).", Items: [2]int{0, maxPixelSide}},
		"images.values":    {Doc: "Rows of numbers, top first, shown on a grey scale (or blue–red when some are negative); instead of rows.", Items: [2]int{0, maxPixelSide}},
		"images.values[]":  {Within: [2]float64{-maxPixelValue, maxPixelValue}},
		"images.numbers":   {Doc: "Write each value in its cell."},
		"images.index":     {Doc: "Label the cells $x_1$ … $x_n$ row by row, as the input layer numbers them."},
		"convolve":         {Doc: "Show images[image] ⊛ images[filter] = the feature map: the valid cross-correlation at stride 1, plus bias."},
		"convolve.image":   {Doc: "Index of the input image in images, from 0.", Within: [2]float64{0, maxPixelImages - 1}},
		"convolve.filter":  {Doc: "Index of the filter in images, from 0.", Within: [2]float64{0, maxPixelImages - 1}},
		"convolve.bias":    {Doc: "Bias added to every value of the feature map.", Within: [2]float64{-maxPixelValue, maxPixelValue}},
		"convolve.caption": {Doc: "Caption under the feature map."},
		"convolve.numbers": {Doc: "Write each value of the feature map in its cell."},
		"highlight":        {Doc: "[row, col] of a feature-map cell, from 1: outlines it, its window in the image and the filter.", Items: [2]int{0, 2}, Noun: "numbers"},
		"highlight[]":      {Within: [2]float64{1, maxPixelSide}},
	}
}

// pixelDigits are the 4×3 digits of the post's running example.
var pixelDigits = [...]struct {
	caption string
	rows    []string
}{
	{"숫자 0", []string{"###", "#.#", "#.#", "###"}},
	{"숫자 1", []string{".#.", "##.", ".#.", ".#."}},
}

// Default shows the digits 0 and 1; a convolution takes images[0] as its
// image and images[1] as its filter, and writes its values.
func (k *Pixels) Default(d *spec.Defaults) {
	if !d.Set("images") {
		for _, dg := range pixelDigits {
			k.Images = append(k.Images, PixelImage{Caption: d.NewText(dg.caption), Rows: dg.rows})
		}
	}
	spec.Default(d, "convolve.filter", &k.Convolve.Filter, 1)
	spec.Default(d, "convolve.caption", &k.Convolve.Caption, d.NewText("특징 맵"))
	spec.Default(d, "convolve.numbers", &k.Convolve.Numbers, true)
	if k.convolve = d.Set("convolve"); k.convolve {
		d.Title = "합성곱과 특징 맵"
		d.Alt = k.convolveAlt()
		return
	}
	d.Title = "픽셀 이미지"
	var parts []string
	for _, im := range k.Images {
		h, w := len(im.Rows), 0
		if h > 0 {
			w = len(im.Rows[0])
		} else if h = len(im.Values); h > 0 {
			w = len(im.Values[0])
		}
		p := fmt.Sprintf("%d×%d", h, w)
		if c := typeset.Plain(im.Caption.Src); c != "" {
			p = c + " (" + p + ")"
		}
		parts = append(parts, p)
	}
	d.Alt = fmt.Sprintf("픽셀 이미지 %d개: %s", len(k.Images), strings.Join(parts, ", "))
}

// convolveAlt describes a convolution figure, its shapes as far as they
// are known before validation.
func (k *Pixels) convolveAlt() string {
	shape := func(i int) (int, int) {
		if i < 0 || i >= len(k.Images) {
			return 0, 0
		}
		m := k.Images[i].matrix()
		if len(m) == 0 {
			return 0, 0
		}
		return len(m), len(m[0])
	}
	ih, iw := shape(k.Convolve.Image)
	fh, fw := shape(k.Convolve.Filter)
	mh, mw := max(ih-fh+1, 0), max(iw-fw+1, 0)
	return fmt.Sprintf("%d×%d 이미지와 %d×%d 필터의 합성곱으로 얻은 %d×%d 특징 맵", ih, iw, fh, fw, mh, mw)
}

// matrix returns the image's values: rows as 1 for # and 0 for anything
// else, or its values.
func (im *PixelImage) matrix() [][]float64 {
	if len(im.Rows) == 0 {
		return im.Values
	}
	m := make([][]float64, len(im.Rows))
	for i, r := range im.Rows {
		m[i] = make([]float64, len(r))
		for j := range len(r) {
			if r[j] == '#' {
				m[i][j] = 1
			}
		}
	}
	return m
}

// Validate wants each image a rectangle of rows or values, a convolution
// between two of them whose filter fits its image and draws every image,
// and a highlight inside the feature map.
func (k *Pixels) Validate(c *spec.Check) {
	shapes := make([][2]int, len(k.Images)) // rows, cols; zero when invalid
	for i := range k.Images {
		shapes[i] = k.Images[i].check(c, fmt.Sprintf("images[%d]", i))
	}
	hl := c.Set("highlight") && len(k.Highlight) == 2
	if c.Set("highlight") && len(k.Highlight) < 2 {
		c.Errorf("highlight", "highlight: want [row, column], got %d numbers", len(k.Highlight))
	}
	if !k.convolve {
		if hl {
			c.Errorf("highlight", "highlight outlines a window of a convolution; set convolve too")
		}
		return
	}
	if !c.Spans("images", "convolve") {
		return
	}
	cv := k.Convolve
	ok := true
	for _, f := range []struct {
		key string
		i   int
	}{{"image", cv.Image}, {"filter", cv.Filter}} {
		if f.i >= len(k.Images) {
			c.Errorf("convolve."+f.key, "convolve.%s: no images[%d]; there are %d images", f.key, f.i, len(k.Images))
			ok = false
		}
	}
	if !ok || cv.Image < 0 || cv.Filter < 0 {
		return
	}
	for i := range k.Images {
		if i != cv.Image && i != cv.Filter {
			c.Errorf(fmt.Sprintf("images[%d]", i), "images[%d] is not drawn: with convolve the figure shows images[%d] ⊛ images[%d] = the feature map", i, cv.Image, cv.Filter)
		}
	}
	is, fs := shapes[cv.Image], shapes[cv.Filter]
	if is[0] == 0 || fs[0] == 0 {
		return // reported with the image
	}
	mh, mw, err := neuron.FeatureShape(is[0], is[1], fs[0], fs[1])
	if err != nil {
		c.Errorf("convolve.filter", "convolve.filter: the filter images[%d] (%d×%d) is larger than the image images[%d] (%d×%d)",
			cv.Filter, fs[0], fs[1], cv.Image, is[0], is[1])
		return
	}
	if !hl {
		return
	}
	for i, what := range []string{"row", "column"} {
		if lim := []int{mh, mw}[i]; k.Highlight[i] > lim {
			c.Errorf(fmt.Sprintf("highlight[%d]", i), "highlight: %s %d is outside the %d×%d feature map (a %d×%d image, a %d×%d filter)",
				what, k.Highlight[i], mh, mw, is[0], is[1], fs[0], fs[1])
		}
	}
}

// check reports what is wrong with the image at path p and returns its
// rows and columns, zero when it has none.
func (im *PixelImage) check(c *spec.Check, p string) [2]int {
	rows, values := len(im.Rows) > 0, len(im.Values) > 0
	switch {
	case c.Bad(p+".rows") || c.Bad(p+".values"):
		return [2]int{}
	case rows && values:
		c.Errorf(p+".values", "%s: write rows or values, not both", p)
		return [2]int{}
	case !rows && !values:
		switch {
		case c.Set(p + ".rows"):
			c.Errorf(p+".rows", "%s.rows: want at least one row", p)
		case c.Set(p + ".values"):
			c.Errorf(p+".values", "%s.values: want at least one row", p)
		default:
			c.Errorf(p, "%s: want rows (# and .) or values", p)
		}
		return [2]int{}
	}
	n := make([]int, 0, max(len(im.Rows), len(im.Values)))
	if rows {
		for j, r := range im.Rows {
			q := fmt.Sprintf("%s.rows[%d]", p, j)
			if i := strings.IndexFunc(r, func(r rune) bool { return r != '#' && r != '.' }); i >= 0 {
				bad, _ := strconv.Unquote(strconv.QuoteRuneToGraphic([]rune(r[i:])[0]))
				c.Errorf(q, "%s: %q has %q at cell %d; write # for ink and . for blank", q, r, bad, len([]rune(r[:i]))+1)
				return [2]int{}
			}
			n = append(n, len(r))
		}
	} else {
		for _, r := range im.Values {
			n = append(n, len(r))
		}
	}
	key, noun := "rows", "cell"
	if !rows {
		key, noun = "values", "value"
	}
	count := func(n int) string {
		if n == 1 {
			return "1 " + noun
		}
		return fmt.Sprintf("%d %ss", n, noun)
	}
	for j, w := range n {
		q := fmt.Sprintf("%s.%s[%d]", p, key, j)
		switch {
		case w == 0:
			c.Errorf(q, "%s: an empty row", q)
		case w > maxPixelSide:
			c.Errorf(q, "%s: want at most %s, got %d", q, count(maxPixelSide), w)
		case w != n[0] && n[0] > 0:
			c.Errorf(q, "%s: %s, but %s.%s[0] has %d: the rows of an image are equally long", q, count(w), p, key, n[0])
		default:
			continue
		}
		return [2]int{}
	}
	return [2]int{len(n), n[0]}
}

// pixelGrid is one grid as drawn: its values, how to colour and label its
// cells, its caption and the fields its texts come from.
type pixelGrid struct {
	m        [][]float64
	ink      bool // from rows: 1 ink, 0 blank
	numbers  bool
	index    bool
	decimals int // of the numbers written: -1 as exact as they are
	caption  spec.Text
	capPath  string // field of the caption
	numPath  string // field blamed for the numbers
	idxPath  string // field blamed for the index labels
	// hl outlines rows hl[0]… and columns hl[1]… of size hl[2]×hl[3]; nil
	// for none.
	hl *[4]int
}

// grids returns the grids to draw and the signs between them ("" for a
// plain gap).
func (k *Pixels) grids() ([]pixelGrid, []string) {
	grid := func(i int) pixelGrid {
		im := &k.Images[i]
		p := fmt.Sprintf("images[%d]", i)
		return pixelGrid{
			m: im.matrix(), ink: len(im.Rows) > 0, numbers: im.Numbers, index: im.Index, decimals: -1,
			caption: im.Caption, capPath: p + ".caption", numPath: p + ".numbers", idxPath: p + ".index",
		}
	}
	if !k.convolve {
		gs := make([]pixelGrid, len(k.Images))
		for i := range k.Images {
			gs[i] = grid(i)
		}
		return gs, make([]string, len(gs)-1)
	}
	cv := k.Convolve
	img, fil := grid(cv.Image), grid(cv.Filter)
	fm, _ := neuron.CrossCorrelate(img.m, fil.m, cv.Bias) // validated: the shapes fit
	fmap := pixelGrid{
		m: fm, numbers: cv.Numbers, caption: cv.Caption, capPath: "convolve.caption", numPath: "convolve.numbers",
		decimals: min(maxPlaces, max(placesIn(img.m)+placesIn(fil.m), places(cv.Bias))),
	}
	if len(k.Highlight) == 2 {
		r, c := k.Highlight[0]-1, k.Highlight[1]-1
		img.hl = &[4]int{r, c, len(fil.m), len(fil.m[0])}
		fil.hl = &[4]int{0, 0, len(fil.m), len(fil.m[0])}
		fmap.hl = &[4]int{r, c, 1, 1}
	}
	return []pixelGrid{img, fil, fmap}, []string{"$⊛$", "$=$"}
}

// maxPlaces is the most decimal places a computed value is written with.
const maxPlaces = 6

// places returns the decimal places of v as written (0.25 has 2), at most
// maxPlaces.
func places(v float64) int {
	s := strconv.FormatFloat(v, 'f', -1, 64)
	if i := strings.IndexByte(s, '.'); i >= 0 {
		return min(len(s)-i-1, maxPlaces)
	}
	return 0
}

// placesIn returns the most decimal places of a value of m.
func placesIn(m [][]float64) int {
	n := 0
	for _, r := range m {
		for _, v := range r {
			n = max(n, places(v))
		}
	}
	return n
}

// number returns the text of a value in its cell: the value as exact as
// written, or a computed one rounded to the places its inputs have (so a
// sum of products of 0.1 reads 0.3, not 0.30000000000000004).
func (g *pixelGrid) number(v float64) string {
	if g.decimals >= 0 {
		p := math.Pow(10, float64(g.decimals))
		if r := math.Round(v*p) / p; !math.IsInf(r, 0) && !math.IsNaN(r) {
			v = r
		}
	}
	return "$" + mathNum(v) + "$"
}

// The colours of cells (theme.pix*): ink for #, a ramp from the page for
// values of one sign, and blue (negative) through the page to red
// (positive) when they have both signs; the highlight over a halo of the
// page.

// colours returns the fill of every cell of g.
func (g *pixelGrid) colours(th *theme) [][]color.Color {
	lo, hi := 0.0, 0.0
	for _, r := range g.m {
		for _, v := range r {
			lo, hi = min(lo, v), max(hi, v)
		}
	}
	big := max(-lo, hi)
	out := make([][]color.Color, len(g.m))
	for i, r := range g.m {
		out[i] = make([]color.Color, len(r))
		for j, v := range r {
			switch {
			case g.ink && v == 1:
				out[i][j] = th.ink
			case g.ink || big == 0 || v == 0:
				out[i][j] = th.bg
			case lo < 0 && v < 0:
				out[i][j] = th.tint(th.pixNeg, -v/big)
			case lo < 0:
				out[i][j] = th.tint(th.pixPos, v/big)
			default:
				out[i][j] = th.tint(th.ink, v/big)
			}
		}
	}
	return out
}

// dark reports whether text on col should be white.
func dark(col color.Color) bool {
	r, g, b, _ := col.RGBA()
	return 0.2126*float64(r)+0.7152*float64(g)+0.0722*float64(b) < 0.5*0xffff
}

// cellTexts are the texts of one grid's cells and their style.
type cellTexts struct {
	num, idx       [][]string
	numSty, idxSty text.Style
}

// cellTexts sizes the numbers and index labels of g for cells of side s:
// as large as reads well in the cell, shrunk to fit down to minShrink of
// the tick size. Too small a cell is a problem of the field asking for
// the texts, with the numbers.
func (e *env) cellTexts(g *pixelGrid, s vg.Length) (cellTexts, bool) {
	var ct cellTexts
	if !g.numbers && !g.index {
		return ct, true
	}
	n := 0
	for i, r := range g.m {
		if g.numbers {
			ct.num = append(ct.num, make([]string, len(r)))
		}
		if g.index {
			ct.idx = append(ct.idx, make([]string, len(r)))
		}
		for j, v := range r {
			n++
			if g.numbers {
				ct.num[i][j] = g.number(v)
				e.origin(ct.num[i][j], g.numPath)
			}
			if g.index {
				ct.idx[i][j] = fmt.Sprintf("$x_{%d}$", n)
				e.origin(ct.idx[i][j], g.idxPath)
			}
		}
	}
	room := s * (1 - 2*pixelCellPad)
	pref := min(max(0.36*s, e.len(tickSize)), e.len(labelSize*1.4))
	floor := e.len(tickSize * minShrink)
	// With both, the index (at 3/4 of the number's size) sits in the top
	// left corner and the number in the bottom right: their heights add up.
	k := vg.Length(1)
	if g.numbers && g.index {
		k = 0.75
	}
	// measure returns the widest text at size and the height the texts of
	// a cell take; the scripts of math keep a least size, so the texts are
	// measured at each size tried.
	type need struct {
		w, h vg.Length
		txt  string
		path string
	}
	measure := func(size vg.Length) need {
		var n need
		var nh, ih vg.Length
		for _, t := range []struct {
			ts   [][]string
			size vg.Length
			path string
			h    *vg.Length
		}{{ct.num, size, g.numPath, &nh}, {ct.idx, size * k, g.idxPath, &ih}} {
			sty := e.font(1, false)
			sty.Font.Size = t.size
			for _, r := range t.ts {
				for _, txt := range r {
					b := sty.Rectangle(txt)
					if bw := b.Max.X - b.Min.X; bw > n.w {
						n.w, n.txt, n.path = bw, txt, t.path
					}
					*t.h = max(*t.h, b.Max.Y-b.Min.Y)
				}
			}
		}
		n.h = nh + ih
		return n
	}
	size := pref
	for range 4 {
		n := measure(size)
		f := min(room/max(n.w, 1e-9), room/max(n.h, 1e-9))
		if f >= 1 {
			break
		}
		size *= f * 0.995
	}
	if n := measure(size); size < floor*0.999 || n.w > room || n.h > room {
		n = measure(floor)
		what, amount := "wide", n.w
		if n.w <= room {
			what, amount = "high", n.h
		}
		e.problemAt(e.f.PosOf(n.path), "%s: the cells are too small for `%s`: %s px %s at the smallest size, with room for %s px in a %s px cell; make the figure larger",
			n.path, short(n.txt), px(toPx(amount)), what, px(toPx(room)), px(toPx(s)))
		return ct, false
	}
	ct.numSty, ct.idxSty = e.font(1, false), e.font(1, false)
	ct.numSty.Font.Size, ct.idxSty.Font.Size = size, size*k
	return ct, true
}

// origin makes the drawn text txt come from the field at path, so that a
// layout problem of it names the field.
func (e *env) origin(txt, path string) {
	if _, ok := e.origins[txt]; !ok {
		e.origins[txt] = origin{path: path, text: spec.Text{Src: txt, Pos: e.f.PosOf(path)}}
	}
}

// build lays the grids out side by side, as large as the figure allows
// (up to pixelMaxCell), each with its caption under it, and the signs of a
// convolution between them.
func (k *Pixels) build(e *env, f *spec.Figure) func(c draw.Canvas) {
	grids, signs := k.grids()
	for _, s := range signs {
		if s != "" {
			e.origin(s, "convolve")
		}
	}
	return func(c draw.Canvas) {
		c = e.titled(c, f.Title.Src)
		e.plotArea(c.Rectangle, vg.Point{})
		e.drawPixels(c, grids, signs)
	}
}

// drawPixels draws grids with signs between them on c.
func (e *env) drawPixels(c draw.Canvas, grids []pixelGrid, signs []string) {
	W, H := c.Max.X-c.Min.X, c.Max.Y-c.Min.Y
	signSty := e.font(pixelSignSize, false)
	signSty.XAlign, signSty.YAlign = text.XCenter, text.YCenter
	gaps := make([]vg.Length, len(signs))
	cols, maxRows := 0, 0
	var gapSum vg.Length
	for i, s := range signs {
		gaps[i] = e.len(pixelGap)
		if s != "" {
			gaps[i] = signSty.Width(s) + 2*e.len(pixelSignPad)
		}
		gapSum += gaps[i]
	}
	for _, g := range grids {
		cols += len(g.m[0])
		maxRows = max(maxRows, len(g.m))
	}
	capSty := e.font(labelSize, false)
	capSty.XAlign, capSty.YAlign = text.XCenter, text.YTop
	capGap := e.len(pixelCapGap)
	caps := make([]string, len(grids))
	capStys := make([]text.Style, len(grids))
	capH := make([]vg.Length, len(grids))
	for i, g := range grids {
		caps[i], capStys[i] = g.caption.Src, capSty
		if caps[i] != "" {
			capH[i] = capSty.Height("가") + capGap
		}
	}
	// The cell side: the grids' width, then each grid's height with its
	// caption, centred on one line. The captions wrap to the room the side
	// leaves them, which changes their height and so the side: fit until
	// no caption grows (a smaller side only narrows the room), reporting
	// only the last fit.
	side := func() vg.Length {
		s := min(e.len(pixelMaxCell), (W-gapSum)/vg.Length(cols))
		for i, g := range grids {
			s = min(s, (H-capH[i])/vg.Length(float64(maxRows+len(g.m))/2))
		}
		return s
	}
	fitCaptions := func(s vg.Length) (grew bool) {
		margin := (W - gapSum - s*vg.Length(cols)) / 2
		for i, g := range grids {
			if g.caption.Src == "" {
				continue
			}
			left, right := margin, margin
			if i > 0 {
				left = gaps[i-1] / 2
			}
			if i < len(gaps) {
				right = gaps[i] / 2
			}
			room := s*vg.Length(len(g.m[0])) + 2*min(left, right)
			caps[i], capStys[i] = e.fit(g.caption.Src, capSty, room, toPx(1))
			if h := capStys[i].Height(caps[i]) + capGap; h > capH[i]*1.0001 {
				capH[i], grew = h, true
			}
		}
		return grew
	}
	minSide := e.len(pixelMinCell)
	s := side()
	mute := e.mute
	e.mute = true
	settled := false
	for range 6 {
		if s < minSide {
			break
		}
		if !fitCaptions(s) {
			settled = true
			break
		}
		s = side()
	}
	e.mute = mute
	if settled {
		fitCaptions(s) // the same fit, to report a word too long
	}
	if !settled || s < minSide {
		// The tallest caption takes the blame when it takes a fair share
		// of the height; else there are too many cells.
		tall := -1
		for i, h := range capH {
			if h > H/4 && (tall < 0 || h > capH[tall]) {
				tall = i
			}
		}
		if tall >= 0 {
			path := grids[tall].capPath
			e.problemAt(grids[tall].caption.Pos, "%s needs %s px of the %s px the figure has under its title, leaving its image no room",
				path, px(toPx(capH[tall])), px(toPx(H)))
			return
		}
		e.problemAt(e.f.PosOf("images"), "images: %d columns and %d rows of cells need more room than the %s×%s px the figure has under its title",
			cols, maxRows, px(toPx(W)), px(toPx(H)))
		return
	}
	texts := make([]cellTexts, len(grids))
	for i := range grids {
		var ok bool
		if texts[i], ok = e.cellTexts(&grids[i], s); !ok {
			return
		}
	}
	// Centre the block: grids centred on the line y, captions under each.
	up := s * vg.Length(maxRows) / 2
	var down vg.Length
	for i, g := range grids {
		down = max(down, s*vg.Length(len(g.m))/2+capH[i])
	}
	y := c.Min.Y + (H-up-down)/2 + down
	x := c.Min.X + (W-gapSum-s*vg.Length(cols))/2
	for i := range grids {
		g := &grids[i]
		w, h := s*vg.Length(len(g.m[0])), s*vg.Length(len(g.m))
		r := vg.Rectangle{Min: vg.Point{X: x, Y: y - h/2}, Max: vg.Point{X: x + w, Y: y + h/2}}
		e.drawGrid(c, g, &texts[i], r, s)
		if caps[i] != "" {
			c.FillText(capStys[i], vg.Point{X: x + w/2, Y: r.Min.Y - capGap}, caps[i])
		}
		x += w
		if i < len(signs) {
			if signs[i] != "" {
				c.FillText(signSty, vg.Point{X: x + gaps[i]/2, Y: y}, signs[i])
			}
			x += gaps[i]
		}
	}
}

// drawGrid draws g's cells in r, each of side s, its texts, and its
// highlight.
func (e *env) drawGrid(c draw.Canvas, g *pixelGrid, ct *cellTexts, r vg.Rectangle, s vg.Length) {
	cols := g.colours(e.th)
	cell := func(i, j int) vg.Rectangle {
		x0, y1 := r.Min.X+s*vg.Length(j), r.Max.Y-s*vg.Length(i)
		return vg.Rectangle{Min: vg.Point{X: x0, Y: y1 - s}, Max: vg.Point{X: x0 + s, Y: y1}}
	}
	for i, row := range cols {
		for j, col := range row {
			c.SetColor(col)
			c.Fill(rectPath(cell(i, j)))
		}
	}
	// Inner lines in grey (they show between ink cells too), the frame in
	// ink.
	for i := 1; i < len(g.m); i++ {
		yl := r.Max.Y - s*vg.Length(i)
		c.StrokeLine2(draw.LineStyle{Color: e.th.pixLine, Width: e.len(0.8)}, r.Min.X, yl, r.Max.X, yl)
	}
	for j := 1; j < len(g.m[0]); j++ {
		xl := r.Min.X + s*vg.Length(j)
		c.StrokeLine2(draw.LineStyle{Color: e.th.pixLine, Width: e.len(0.8)}, xl, r.Min.Y, xl, r.Max.Y)
	}
	c.SetLineStyle(e.line(1.2, e.th.ink))
	c.Stroke(rectPath(r))
	pad := s * pixelCellPad
	for i, row := range cols {
		for j, col := range row {
			b := cell(i, j)
			// Ink, unless the cell is too dark for it (light theme) or
			// too light (dark theme, whose ink is light).
			textCol := e.th.ink
			if dark(col) != dark(e.th.bg) {
				textCol = e.th.onCell
			}
			switch {
			case ct.num != nil && ct.idx != nil:
				is := ct.idxSty
				is.Color, is.XAlign, is.YAlign = textCol, text.XLeft, text.YTop
				c.FillText(is, vg.Point{X: b.Min.X + pad, Y: b.Max.Y - pad}, ct.idx[i][j])
				ns := ct.numSty
				ns.Color, ns.XAlign, ns.YAlign = textCol, text.XRight, text.YBottom
				c.FillText(ns, vg.Point{X: b.Max.X - pad, Y: b.Min.Y + pad}, ct.num[i][j])
			case ct.num != nil || ct.idx != nil:
				sty, t := ct.numSty, ""
				if ct.num != nil {
					t = ct.num[i][j]
				} else {
					t = ct.idx[i][j]
				}
				sty.Color, sty.XAlign, sty.YAlign = textCol, text.XCenter, text.YCenter
				c.FillText(sty, vg.Point{X: (b.Min.X + b.Max.X) / 2, Y: (b.Min.Y + b.Max.Y) / 2}, t)
			}
		}
	}
	if g.hl != nil {
		h := g.hl
		a, z := cell(h[0], h[1]), cell(h[0]+h[2]-1, h[1]+h[3]-1)
		box := vg.Rectangle{Min: vg.Point{X: a.Min.X, Y: z.Min.Y}, Max: vg.Point{X: z.Max.X, Y: a.Max.Y}}
		c.SetLineStyle(e.line(5, e.th.bg))
		c.Stroke(rectPath(box))
		c.SetLineStyle(e.line(3, e.th.pixAccent))
		c.Stroke(rectPath(box))
	}
}

package figures

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"github.com/figgen/figgen/neuron"
	"github.com/figgen/figgen/spec"
)

func init() {
	register[Perceptron]("perceptron", "A perceptron learning its boundary w₁x₁ + w₂x₂ = θ on a logic gate or labelled points, one line an epoch.")
}

// Perceptron is kind "perceptron": a step unit of two inputs trained by
// the perceptron rule (neuron.Perceptron) on a gate's truth table or on
// labelled points, drawn as the points and the boundary after each epoch
// shown, faded from light (early) to full (the last).
type Perceptron struct {
	spec.Axes   `yaml:",inline"`
	Data        string          `yaml:"data"`
	Points      [][]float64     `yaml:"points"`
	Rate        float64         `yaml:"rate"`
	Epochs      int             `yaml:"epochs"`
	Start       PerceptronStart `yaml:"start"`
	EpochsShown []int           `yaml:"epochs_shown"`
	Fire        spec.Text       `yaml:"fire"`
	NoFire      spec.Text       `yaml:"no_fire"`
	EpochLabel  spec.Text       `yaml:"epoch_label"`
	Note        spec.Text       `yaml:"note"`
}

// PerceptronStart is where training starts: the weights and threshold
// before the first epoch.
type PerceptronStart struct {
	Weights   []float64 `yaml:"weights"`
	Threshold float64   `yaml:"threshold"`
}

// Limits of a perceptron: epochs, points, boundaries drawn.
const (
	maxEpochs          = 10_000
	maxPerceptronPts   = 1000
	maxEpochsShown     = 12
	defaultEpochsShown = 6 // lines spread over a long run
	defaultEpochsAll   = 8 // a run of at most this many lines shows them all
)

// Fields documents the perceptron's keys.
func (*Perceptron) Fields() spec.Fields {
	return spec.Fields{
		"title":           {NoDefault: true},
		"x_range":         {Doc: "Range of x₁ as [min, max]" + spec.RangeNote + "; default the points' with a margin."},
		"y_range":         {Doc: "Range of x₂ as [min, max]" + spec.RangeNote + "; default the points' with a margin."},
		"data":            {Doc: "The truth table learnt: and, or, nand or xor (points replaces it).", Enum: []string{"and", "or", "nand", "xor"}},
		"points":          {Doc: "Labelled inputs [x₁, x₂, label], the label 0 or 1, learnt in this order instead of data.", Items: [2]int{0, maxPerceptronPts}},
		"points[]":        {Doc: "A point: [x₁, x₂, label].", Items: [2]int{3, 3}, Within: [2]float64{-spec.MaxCoord, spec.MaxCoord}, Noun: "numbers"},
		"rate":            {Doc: "The learning rate η of the rule w ← w + η(t − y)x, θ ← θ − η(t − y).", Within: [2]float64{1e-9, 1e6}},
		"epochs":          {Doc: "The most passes over the data (1–10000); training stops after a pass without an error.", Within: [2]float64{1, maxEpochs}},
		"start":           {Doc: "The unit before training: {weights: [w₁, w₂], threshold: θ}."},
		"start.weights":   {Doc: "The weights before the first epoch.", Items: [2]int{2, 2}},
		"start.weights[]": {Within: [2]float64{-spec.MaxCoord, spec.MaxCoord}},
		"start.threshold": {Doc: "The threshold θ before the first epoch.", Within: [2]float64{-spec.MaxCoord, spec.MaxCoord}},
		"epochs_shown":    {Doc: "The epochs whose boundary is drawn (0: the start); the last epoch is always drawn, and an earlier epoch's line must cross the range. Default: every epoch up to 8 lines, else 6 spread from the start to the last (those off the range left out).", Items: [2]int{0, maxEpochsShown}, Unique: true},
		"epochs_shown[]":  {Within: [2]float64{0, maxEpochs}, What: "epoch"},
		"fire":            {Doc: "Legend text for the points labelled 1."},
		"no_fire":         {Doc: "Legend text for the points labelled 0."},
		"epoch_label":     {Doc: "Legend text of a boundary: {n} is its epoch (the epochs, listed, when several end on the same line)."},
		"note":            {Doc: "Said in the figure when the last epoch still misclassifies a point: {n} is the number of epochs."},
	}
}

// The default start: a line that crosses the square off the answer, so
// that AND and OR each take a few epochs, and a threshold off the grid of
// the rate's multiples, so that no point ever lies exactly on a boundary.
var perceptronStart = PerceptronStart{Weights: []float64{-0.3, 0.4}, Threshold: 0.25}

// Default learns AND from the default start.
func (s *Perceptron) Default(d *spec.Defaults) {
	s.Axes.Default(d, "$x_1$", "$x_2$", 0, 0)
	spec.Default(d, "data", &s.Data, "and")
	spec.Default(d, "rate", &s.Rate, 0.1)
	spec.Default(d, "epochs", &s.Epochs, 10)
	spec.Default(d, "start.weights", &s.Start.Weights, perceptronStart.Weights)
	spec.Default(d, "start.threshold", &s.Start.Threshold, perceptronStart.Threshold)
	spec.Default(d, "fire", &s.Fire, d.NewText("발화 ($y=1$)"))
	spec.Default(d, "no_fire", &s.NoFire, d.NewText("발화 없음 ($y=0$)"))
	spec.Default(d, "epoch_label", &s.EpochLabel, d.NewText("에폭 {n}"))
	spec.Default(d, "note", &s.Note, d.NewText("에폭 {n}번 뒤에도 모든 점을 가르지 못한다"))
	what := strings.ToUpper(s.Data)
	if len(s.Points) > 0 {
		what = "점들"
	}
	d.Title = "퍼셉트론이 배우는 경계: " + what
	d.Alt = "퍼셉트론 학습 규칙으로 에폭마다 바뀌는 경계 직선 w₁x₁ + w₂x₂ = θ를 입력 점들 위에 옅은 선부터 진한 선까지 그린 그림"
}

// Validate checks the labels and that every epoch shown is trained.
func (s *Perceptron) Validate(c *spec.Check) {
	if c.Own("data") && c.Own("points") {
		c.Errorf("points", "points: the spec sets data too; set one of them")
	}
	bad := false
	for i, p := range s.Points {
		switch {
		case len(p) != 3:
			bad = true // reported: points[] has 3 items
		case math.Abs(p[2]) > spec.MaxCoord:
			bad = true // out of range, reported
		case p[2] != 0 && p[2] != 1:
			c.Errorf(fmt.Sprintf("points[%d][2]", i), "points[%d]: label %s; want 0 or 1", i, proseNum(p[2]))
			bad = true
		}
	}
	if bad || len(s.Start.Weights) != 2 || s.Rate <= 0 || s.Epochs < 1 {
		return
	}
	run := s.train()
	n := len(run) - 1
	box := s.box()
	for i, k := range s.EpochsShown {
		switch {
		case k > n:
			c.Errorf(fmt.Sprintf("epochs_shown[%d]", i), "epochs_shown[%d]: epoch %d; training ends after epoch %d", i, k, n)
		case k < n && !crossesBox(run[k], box):
			nums := shownNums(run[k].W[0], run[k].W[1], run[k].Theta)
			c.Errorf(fmt.Sprintf("epochs_shown[%d]", i), "epochs_shown[%d]: the boundary of epoch %d, %s, misses the range drawn (x₁ from %s to %s, x₂ from %s to %s)",
				i, k, strings.Join(proseTerms(nums), " "), proseNum(box.X0), proseNum(box.X1), proseNum(box.Y0), proseNum(box.Y1))
		}
	}
}

// samples returns the data learnt, in order.
func (s *Perceptron) samples() []neuron.Sample {
	if len(s.Points) > 0 {
		out := make([]neuron.Sample, len(s.Points))
		for i, p := range s.Points {
			out[i] = neuron.Sample{X: []float64{p[0], p[1]}, Label: p[2]}
		}
		return out
	}
	g, _ := neuron.Gates(s.Data)
	return g
}

// train runs the rule and returns the unit after each epoch, the start
// first (epoch 0).
func (s *Perceptron) train() []neuron.Epoch {
	run, err := neuron.Perceptron(s.samples(), s.Start.Weights, s.Start.Threshold, s.Rate, s.Epochs)
	start := neuron.Epoch{W: append([]float64(nil), s.Start.Weights...), Theta: s.Start.Threshold}
	if err != nil {
		return []neuron.Epoch{start}
	}
	return append([]neuron.Epoch{start}, run...)
}

// shown returns the epochs drawn, ascending, the last epoch n among them.
func (s *Perceptron) shown(n int) []int {
	var ks []int
	if len(s.EpochsShown) > 0 {
		ks = append(ks, s.EpochsShown...)
	} else if n+1 <= defaultEpochsAll {
		for k := 0; k <= n; k++ {
			ks = append(ks, k)
		}
	} else {
		for i := range defaultEpochsShown {
			ks = append(ks, (i*n+(defaultEpochsShown-1)/2)/(defaultEpochsShown-1))
		}
	}
	seen := map[int]bool{}
	var out []int
	for k := 0; k <= n; k++ {
		for _, v := range ks {
			if v == k && !seen[k] {
				seen[k] = true
				out = append(out, k)
			}
		}
	}
	if len(out) == 0 || out[len(out)-1] != n {
		out = append(out, n)
	}
	return out
}

// box returns the (x₁, x₂) range drawn: the ranges set, else the points'
// with a margin (the unit square's for a gate).
func (s *Perceptron) box() neuron.Box2 {
	b := neuron.Box2{X0: -0.25, X1: 1.25, Y0: -0.25, Y1: 1.25}
	if len(s.Points) > 0 {
		b = neuron.Box2{X0: math.Inf(1), X1: math.Inf(-1), Y0: math.Inf(1), Y1: math.Inf(-1)}
		for _, p := range s.Points {
			b.X0, b.X1 = math.Min(b.X0, p[0]), math.Max(b.X1, p[0])
			b.Y0, b.Y1 = math.Min(b.Y0, p[1]), math.Max(b.Y1, p[1])
		}
		pad := func(lo, hi float64) (float64, float64) {
			m := 0.15 * (hi - lo)
			if m == 0 {
				m = math.Max(1, math.Abs(lo)*0.15)
			}
			return lo - m, hi + m
		}
		b.X0, b.X1 = pad(b.X0, b.X1)
		b.Y0, b.Y1 = pad(b.Y0, b.Y1)
	}
	if s.XRange != nil {
		b.X0, b.X1 = s.XRange.Min, s.XRange.Max
	}
	if s.YRange != nil {
		b.Y0, b.Y1 = s.YRange.Min, s.YRange.Max
	}
	return b
}

// crossesBox reports whether the boundary of ep crosses the range drawn.
func crossesBox(ep neuron.Epoch, box neuron.Box2) bool {
	_, _, ok := neuron.BoundarySegment([2]float64{ep.W[0], ep.W[1]}, ep.Theta, box)
	return ok
}

// proseTerms writes w₁x₁ + w₂x₂ = θ for a message: "0.1x₁", "+ 0.3x₂", "= 0.35".
func proseTerms(nums []float64) []string {
	r := strings.NewReplacer("x_{1}", "x₁", "x_{2}", "x₂", `\times`, "×", "{", "", "}", "")
	var out []string
	for _, t := range boundaryTerms(nums[:2], nums[2]) {
		out = append(out, r.Replace(t))
	}
	return out
}

// sameUnit reports whether two epochs ended with the same unit.
func sameUnit(a, b neuron.Epoch) bool {
	return a.Theta == b.Theta && slices.Equal(a.W, b.W)
}

// epochText writes the label of the epochs ks (one line) from the
// template: "에폭 3", "에폭 5, 6".
func (s *Perceptron) epochText(e *env, ks []int) string {
	ns := make([]string, len(ks))
	for i, k := range ks {
		ns[i] = strconv.Itoa(k)
	}
	txt := strings.ReplaceAll(s.EpochLabel.Src, "{n}", strings.Join(ns, ", "))
	e.alias(txt, s.EpochLabel.Src)
	return txt
}

// noteText writes the note for n epochs from the template.
func (s *Perceptron) noteText(e *env, n int) string {
	txt := strings.ReplaceAll(s.Note.Src, "{n}", strconv.Itoa(n))
	e.alias(txt, s.Note.Src)
	return txt
}

// shownNums returns the learnt numbers as the key writes them: to six
// significant digits of the largest, so that the rate's rounding error
// goes (0.1 + 0.2 reads 0.3, −2.8 × 10⁻¹⁷ beside 0.4 reads 0). The power of
// ten is found by multiplying, not by a logarithm, whose last bit may
// differ between machines.
func shownNums(v ...float64) []float64 {
	big := 0.0
	for _, x := range v {
		big = math.Max(big, math.Abs(x))
	}
	out := append([]float64(nil), v...)
	if big == 0 || math.IsInf(big, 0) || math.IsNaN(big) {
		return out
	}
	p := 1.0
	for i := 0; i < 700 && big*p < 1e5; i++ {
		p *= 10
	}
	for i := 0; i < 700 && big*p >= 1e6; i++ {
		p /= 10
	}
	for i, x := range out {
		out[i] = math.Round(x*p)/p + 0 // + 0: no −0
	}
	return out
}

// build draws the points, the boundaries of the epochs shown and the key
// beside the plot.
func (s *Perceptron) build(e *env, f *spec.Figure) func(c draw.Canvas) {
	run := s.train()
	n := len(run) - 1
	last := run[n]
	box := s.box()
	p := e.newPlot(f.Title.Src, s.Axes)
	p.X.Min, p.X.Max, p.Y.Min, p.Y.Max = box.X0, box.X1, box.Y0, box.Y1
	if len(s.Points) == 0 {
		ticks := symbolicTicks{{Value: 0, Label: "$0$"}, {Value: 1, Label: "$1$"}}
		if s.XRange == nil {
			p.X.Tick.Marker = ticks
		}
		if s.YRange == nil {
			p.Y.Tick.Marker = ticks
		}
	}
	wLast := [2]float64{last.W[0], last.W[1]}
	p.Add(region{Poly: neuron.FiringRegion(wLast, last.Theta, box), Color: e.th.shade})
	// Epochs that end on the same line share it: one line, one row
	// naming them all.
	var groups [][]int
	for _, k := range s.shown(n) {
		if g := len(groups) - 1; g >= 0 && sameUnit(run[groups[g][0]], run[k]) {
			groups[g] = append(groups[g], k)
			continue
		}
		groups = append(groups, []int{k})
	}
	var rows []perceptronRow
	for i, g := range groups {
		ep := run[g[0]]
		// Faded from a quarter of the colour (the first shown) to all of
		// it (the last epoch), thin to thick.
		t := 1.0
		if len(groups) > 1 {
			t = float64(i) / float64(len(groups)-1)
		}
		ls := e.line(1.2+1.0*t, e.th.tint(e.th.fire, 0.25+0.75*t))
		a, b, ok := neuron.BoundarySegment([2]float64{ep.W[0], ep.W[1]}, ep.Theta, box)
		if ok {
			p.Add(segment{A: a, B: b, Line: ls})
		}
		if ok || i == len(groups)-1 { // an earlier line off the range has no row
			rows = append(rows, perceptronRow{label: s.epochText(e, g), line: ls})
		}
	}
	final := &rows[len(rows)-1]
	nums := shownNums(last.W[0], last.W[1], last.Theta)
	final.eq = boundaryTerms(nums[:2], nums[2])
	// Markers as the threshold figure's, smaller among many points.
	samples := s.samples()
	r := 6 * math.Min(1, math.Sqrt(30/float64(len(samples))))
	r = math.Max(r, 2.5)
	fire := pointSet{R: e.len(r), Fill: e.th.fire, th: e.th}
	cold := pointSet{R: e.len(r), Ring: e.line(r/3, e.th.cold), th: e.th}
	for _, x := range samples {
		if x.Label == 1 {
			fire.Pts = append(fire.Pts, [2]float64{x.X[0], x.X[1]})
		} else {
			cold.Pts = append(cold.Pts, [2]float64{x.X[0], x.X[1]})
		}
	}
	p.Add(cold, fire)
	key := perceptronKey{e: e, s: s, fire: fire, cold: cold, rows: rows}
	if last.Errors > 0 {
		key.note = s.noteText(e, n)
	}
	fit := e.plotFitter(p)
	return func(c draw.Canvas) {
		c = e.inset(c)
		// The plot takes the left of the canvas, kept square; the key
		// sits in the column to its right, clear of the data.
		side := c.Max.Y - c.Min.Y + e.len(60) // plus room for the y label and ticks
		free := c.Max.X - c.Min.X - key.width()
		side = min(side, free)
		plotC := c
		plotC.Min.X += (free - side) / 2
		plotC.Max.X = plotC.Min.X + side
		fit(plotC)
		p.Draw(plotC)
		key.draw(c, plotC.Max.X+e.len(24))
	}
}

// perceptronRow is a boundary's row of the key: its line and label, and
// for the last the equation's terms.
type perceptronRow struct {
	label string
	line  draw.LineStyle
	eq    []string
}

// perceptronKey is the key of the perceptron figure, a column beside the
// plot: the two kinds of point, a row a boundary (the last with its
// equation and a swatch of the region where the unit fires), and the note
// when training did not separate the points.
type perceptronKey struct {
	e          *env
	s          *Perceptron
	fire, cold pointSet
	rows       []perceptronRow
	note       string
}

func (k perceptronKey) width() vg.Length { return k.e.len(170) }

// keyText is a text of the key as fitted: what to draw, its style, and
// the field it comes from.
type keyText struct {
	txt  string
	sty  text.Style
	path string
}

// draw sets the key in the column from x to the canvas's right edge,
// centred on the canvas's height; texts wrap to the column, and a key
// taller than the canvas is an error at the tallest text's field.
func (k perceptronKey) draw(c draw.Canvas, x vg.Length) {
	e := k.e
	sty := e.font(noteSize, false)
	sty.XAlign, sty.YAlign = text.XLeft, text.YTop
	textX := x + e.len(20)
	room := c.Max.X - textX
	put := func(src, path string, s text.Style) keyText {
		txt, s := e.fit(src, s, room, toPx(1))
		return keyText{txt: txt, sty: s, path: path}
	}
	// Every text of the key, top to bottom, each with the mark drawn
	// beside its first line.
	type item struct {
		keyText
		mark func(at vg.Point)
		eq   []string
		gap  vg.Length // above it
	}
	var items []item
	items = append(items, item{keyText: put(k.s.Fire.Src, "fire", sty), mark: func(at vg.Point) { k.fire.mark(c, at) }})
	items = append(items, item{keyText: put(k.s.NoFire.Src, "no_fire", sty), mark: func(at vg.Point) { k.cold.mark(c, at) }, gap: e.len(8)})
	for i, r := range k.rows {
		it := item{keyText: put(r.label, "epoch_label", sty), gap: e.len(4)}
		if i == 0 {
			it.gap = e.len(14)
		}
		ls := r.line
		last := i == len(k.rows)-1
		it.mark = func(at vg.Point) {
			sw := e.len(8)
			if last {
				c.SetColor(e.th.shade)
				c.Fill(rectPath(vg.Rectangle{Min: vg.Point{X: at.X - sw, Y: at.Y - sw*0.75}, Max: vg.Point{X: at.X + sw, Y: at.Y + sw*0.75}}))
			}
			c.StrokeLine2(ls, at.X-sw, at.Y, at.X+sw, at.Y)
		}
		if last {
			it.eq = r.eq
		}
		items = append(items, it)
	}
	nsty := sty
	nsty.Color = e.th.fire
	if k.note != "" {
		items = append(items, item{keyText: put(k.note, "note", nsty), gap: e.len(14)})
	}
	// The equation wraps between its terms; a term wider than the column
	// shrinks it.
	esty := sty
	var eq []string
	for _, it := range items {
		if it.eq != nil {
			eq = wrapMath(esty, it.eq, room)
		}
	}
	widest := vg.Length(0)
	for _, t := range eq {
		widest = max(widest, esty.Width(t))
	}
	if widest > room && room > 0 {
		esty.Font.Size *= room / widest
	}
	eqLine := esty.FontExtents().Height * 1.2
	height := func(it item) vg.Length {
		h := it.sty.Height(it.txt)
		if it.eq != nil {
			h += eqLine * vg.Length(len(eq))
		}
		return max(h, e.len(16))
	}
	total := vg.Length(0)
	tallest := items[0]
	for _, it := range items {
		total += it.gap + height(it)
		if it.sty.Height(it.txt) > tallest.sty.Height(tallest.txt) {
			tallest = it
		}
	}
	if total > c.Max.Y-c.Min.Y {
		path := tallest.path
		if len(strings.Split(tallest.txt, "\n")) == 1 {
			path = "epochs_shown"
		}
		e.problemAt(e.f.PosOf(path), "%s: the key beside the plot needs %s px of height; the figure has %s px",
			path, px(toPx(total)), px(toPx(c.Max.Y-c.Min.Y)))
	}
	y := c.Center().Y + total/2
	y = min(y, c.Max.Y)
	for _, it := range items {
		y -= it.gap
		first := it.sty.FontExtents().Height
		if it.mark != nil {
			it.mark(vg.Point{X: x + e.len(6), Y: y - first/2})
		}
		c.FillText(it.sty, vg.Point{X: textX, Y: y}, it.txt)
		y -= it.sty.Height(it.txt)
		if it.eq != nil {
			for _, line := range eq {
				c.FillText(esty, vg.Point{X: textX, Y: y}, line)
				y -= eqLine
			}
		}
		y -= max(0, e.len(16)-height(it))
	}
}

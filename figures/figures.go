package figures

import (
	"errors"
	"fmt"
	"sync"

	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"github.com/figgen/figgen/spec"
	"github.com/figgen/figgen/typeset"
)

// Output is one rendered file: Name is its path relative to the out dir
// (the spec's output name, its variant and the format's extension; see
// Outputs).
type Output struct {
	Name   string
	Format string
	Theme  string // "light", "dark", or "auto": an SVG that follows the reader's page
	Scale  int    // pixels per pixel of the spec's size: 1, or 2 for NAME@2x.png
	Data   []byte
}

// Renderer renders figures with one shared, immutable typesetting engine.
// It is safe for concurrent use.
type Renderer struct {
	eng   *typeset.Engine
	pools *pools
}

// New returns a Renderer that typesets with eng.
func New(eng *typeset.Engine) *Renderer {
	return &Renderer{eng: eng, pools: new(pools)}
}

// Optimized returns a Renderer like r whose PNGs are as small as figgen
// can make them, for publishing: the same pixels, some 10 % fewer bytes,
// the encoding some 20 times as slow. SVG and PDF are the same.
func (r *Renderer) Optimized() *Renderer {
	p := new(pools)
	p.png.Optimize = true
	return &Renderer{eng: r.eng, pools: p}
}

// Check typesets every text of f and returns a spec.ErrorList of the texts
// that cannot be set (bad math, a character no embedded font has), each at
// its position in the spec file.
func (r *Renderer) Check(f *spec.Figure) error {
	return r.CheckTexts(f.Texts())
}

// CheckTexts typesets each text as Check does (e.g. the texts of folder
// defaults, once for the folder).
func (r *Renderer) CheckTexts(texts []spec.Text) error {
	var errs spec.ErrorList
	for _, t := range texts {
		err := r.eng.Check(t.Src)
		if err == nil {
			continue
		}
		// Check joins one *typeset.Error per problem of the text.
		all := []error{err}
		if j, ok := err.(interface{ Unwrap() []error }); ok {
			all = j.Unwrap()
		}
		for _, err := range all {
			var te *typeset.Error
			if errors.As(err, &te) {
				errs = append(errs, spec.Errorf(t.PosAt(te.Offset), "%s", te.Msg))
			} else {
				errs = append(errs, spec.Errorf(t.Pos, "%v", err))
			}
		}
	}
	if len(errs) > 0 {
		return errs
	}
	return nil
}

// CheckLayout lays f out as Render does, without drawing it, and returns
// a spec.ErrorList of what does not fit (fit.go): a text outside the
// figure, two texts overlapping, a plot left too little room, a curve
// nowhere in its plot, a word too long for its room. f must be valid, its
// texts checked.
func (r *Renderer) CheckLayout(f *spec.Figure) error {
	_, err := r.Layout(f)
	return err
}

// A Layout is a figure built and laid out in each of its themes as Render
// builds and lays it out, checked: RenderLayout draws it without doing
// that again. It holds the figure's drawing until it is dropped.
type Layout struct {
	f     *spec.Figure
	draws map[string]func(draw.Canvas) // by theme
}

// Layout builds f and lays it out as Render does, without drawing it. It
// returns the Layout, or the problems CheckLayout returns. f must be
// valid, its texts checked.
func (r *Renderer) Layout(f *spec.Figure) (*Layout, error) {
	return buildLayout(f, r.eng.Handler(typeset.MinScript(vg.Length(minScriptSize*textScale(f)))))
}

// buildLayout builds and lays out f with the text handler h (see Layout).
func buildLayout(f *spec.Figure, h text.Handler) (*Layout, error) {
	k, ok := f.Spec.(kindSpec)
	if !ok {
		return nil, spec.Errorf(f.PosOf("kind"), "kind %q cannot be drawn", f.Kind)
	}
	// Built once per theme, laid out and checked each time: the layout
	// does not depend on the colours, and the check costs little beside
	// the drawing. Every scale of a theme is the same drawing on a canvas
	// of more pixels.
	draws := map[string]func(draw.Canvas){}
	for _, th := range figureThemes(f) {
		e := newEnv(h, f, th)
		d := k.build(e, f)
		if errs := e.layoutPass(d); len(errs) > 0 {
			errs.Sort()
			return nil, errs
		}
		draws[th.name] = d
	}
	return &Layout{f: f, draws: draws}, nil
}

// figureThemes returns the themes f is drawn in, light first.
func figureThemes(f *spec.Figure) []*theme {
	var ths []*theme
	for _, th := range []*theme{lightTheme, darkTheme} {
		if f.Themes.Has(th.name) {
			ths = append(ths, th)
		}
	}
	return ths
}

// Render draws f in each of its formats, in the order the spec lists them.
// It does not check f's texts again: the caller checks every figure once,
// with Check, before rendering it (figgen does so when it validates the
// specs of a run). A text that Check would reject is drawn as its source
// text, never a panic. A figure whose layout CheckLayout rejects is not
// drawn: Render returns the same errors. Each text is typeset once per size and weight for
// all the formats.
func (r *Renderer) Render(f *spec.Figure) ([]Output, error) {
	l, err := r.Layout(f)
	if err != nil {
		return nil, err
	}
	return r.RenderLayout(l)
}

// RenderLayout draws the figure of l, a Layout of this Renderer or of
// the one it was made from (Optimized), as Render draws it: the same
// bytes.
func (r *Renderer) RenderLayout(l *Layout) ([]Output, error) {
	return r.pools.render(l.f, l.draws)
}

// render draws f, built and laid out by draws (by theme), in each of its
// outputs.
func (p *pools) render(f *spec.Figure, draws map[string]func(draw.Canvas)) ([]Output, error) {
	// A PNG is encoded while the next output is drawn: the encoding is
	// half a PNG's time, and a run's last figure then takes two cores.
	outs := Outputs(f)
	errs := make([]error, len(outs))
	var encoding sync.WaitGroup
	for i, o := range outs {
		switch {
		case o.Theme == spec.ThemeAuto:
			outs[i].Data, errs[i] = p.renderAuto(f, draws[spec.ThemeLight], draws[spec.ThemeDark])
		case o.Format == "png":
			img := p.drawPNG(f, draws[o.Theme], themes[o.Theme], o.Scale)
			encoding.Go(func() { outs[i].Data, errs[i] = p.encodePNG(f, img) })
		default:
			outs[i].Data, errs[i] = p.renderFormat(o.Format, f, draws[o.Theme], themes[o.Theme], o.Scale)
		}
	}
	encoding.Wait()
	for i, err := range errs {
		if err != nil {
			return nil, fmt.Errorf("render %s as %s: %w", f.File, outs[i].Name, err)
		}
	}
	return outs, nil
}

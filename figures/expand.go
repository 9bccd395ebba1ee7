package figures

import (
	"fmt"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"

	"gonum.org/v1/plot/vg/draw"

	"github.com/figgen/figgen/spec"
)

// A preset is a kind drawn as a plot: its fields fill a spec of kind plot,
// and the plot's renderer draws it. The preset's build draws the plot
// Expand prints, decoded as an author's spec would be, so that rendering
// the expansion gives the preset's bytes.
type preset interface {
	// expand returns the plot f draws: the plot's fields an author would
	// write (what the plot's defaults give is left zero), each layer's
	// kind named.
	expand(f *spec.Figure) *Plot
}

// partialPreset is a preset for some of its figures only (a
// threshold-plane of 2 weights, not of 3): notPlot says why f is not one,
// nil when it is.
type partialPreset interface {
	notPlot(f *spec.Figure) *spec.Error
}

// Expand returns the YAML of the spec of kind plot that draws what f
// draws: f itself when it is a plot, the expansion of a preset (step,
// sigmoid, …) otherwise. Fields come in the order of the kinds' structs,
// values at their defaults are left out, and there are no comments. The
// figure's own fields (title, output, alt, size, formats, themes, scales)
// are written out, and so is every field of the plot that f's folder
// defaults set for plot (spec.Figure.FolderFields), with f's value, so
// that the expansion draws the same files saved beside f or in a folder
// without defaults for plot. A field of those that f leaves automatic (ranges, ticks) has
// no YAML but none: Expand then fails, at f's kind.
func Expand(f *spec.Figure) ([]byte, error) {
	var p *Plot
	switch s := f.Spec.(type) {
	case *Plot:
		p = s
	case preset:
		if np, ok := s.(partialPreset); ok {
			if err := np.notPlot(f); err != nil {
				return nil, spec.ErrorList{err}
			}
		}
		p = s.expand(f)
		if keep := f.FolderFields("plot"); len(keep) > 0 {
			// The folder's defaults for plot would fill what the sparse
			// plot leaves out: the expansion writes those fields with the
			// values the preset draws, those of its plot decoded alone.
			y, _ := writePlot(f, p, nil)
			g, err := Kinds().Decode(f.File, y)
			if err != nil {
				return nil, err
			}
			p = g.Spec.(*Plot)
		}
	default:
		return nil, spec.ErrorList{spec.Errorf(f.PosOf("kind"), "kind %s is not a plot nor a preset of one (%s)", f.Kind, strings.Join(presetKinds(), ", "))}
	}
	// A field the folder's defaults for plot set is written whatever its
	// value, lest the folder's value replace it where the expansion is
	// saved. An automatic range or ticks has no YAML but leaving it out.
	y, lost := writePlot(f, p, f.FolderFields("plot"))
	if len(lost) > 0 {
		return nil, spec.ErrorList{spec.Errorf(f.PosOf("kind"), "the expansion cannot keep the automatic %s: saved in this folder it would take its figgen.yaml's defaults for plot", strings.Join(lost, ", "))}
	}
	return y, nil
}

// writePlot writes the spec of kind plot of f's figure fields and p, the
// fields named in keep whatever their value. It returns too the fields of
// keep it cannot write: a list or range left nil (automatic), which only
// leaving the field out gives.
func writePlot(f *spec.Figure, p *Plot, keep []string) ([]byte, []string) {
	var w yamlWriter
	w.key(0, "kind")
	w.b.WriteString(" plot\n")
	if f.Title.Src != "" {
		w.field(0, "title", reflect.ValueOf(f.Title))
	}
	w.field(0, "output", reflect.ValueOf(f.Output))
	w.field(0, "alt", reflect.ValueOf(f.Alt))
	w.field(0, "formats", reflect.ValueOf(f.Formats))
	w.field(0, "width", reflect.ValueOf(f.Width))
	w.field(0, "height", reflect.ValueOf(f.Height))
	w.field(0, "themes", reflect.ValueOf([]string(f.Themes)))
	w.field(0, "scales", reflect.ValueOf(f.Scales))
	w.plot(p, keep)
	return []byte(w.b.String()), w.lost
}

// presetKinds names the kinds that are presets of the plot.
func presetKinds() []string {
	var out []string
	for _, n := range Kinds().Names() {
		if f, err := Kinds().Decode("x.yaml", []byte("kind: "+n)); err == nil {
			if _, ok := f.Spec.(preset); ok {
				out = append(out, n)
			}
		}
	}
	return out
}

// expansion is a preset figure's plot, decoded once for all its renders
// (the figure is immutable once validated; renders may run at once).
type expansion struct {
	once sync.Once
	plot *Plot
	err  error
}

// buildPreset draws the plot a preset figure f expands into, as the plot
// kind draws the YAML of the expansion: decoded, defaulted and validated
// like an author's spec, once per figure.
func buildPreset(e *env, f *spec.Figure, x *expansion) func(c draw.Canvas) {
	x.once.Do(func() {
		sparse := f.Spec.(preset).expand(f)
		// Not Expand's YAML: the folder's defaults for plot are not the
		// preset's, and its expansion writes what it takes from them.
		y, _ := writePlot(f, sparse, nil)
		g, err := Kinds().Decode(f.File, y)
		if err != nil {
			x.err = err
			return
		}
		// The layers keep the names of what they draw in the preset's spec.
		x.plot = g.Spec.(*Plot)
		for i, l := range sparse.Layers {
			x.plot.Layers[i].from = l.from
		}
	})
	if x.err != nil {
		// A preset's expansion is valid whenever the preset is: a bug.
		e.problemAt(f.PosOf("kind"), "%s: its plot does not decode: %v", f.Kind, x.err)
		return func(draw.Canvas) {}
	}
	return x.plot.build(e, f)
}

// plotDefaults are the values of a plot's own fields that a spec leaving
// them out gets (Default), and Expand leaves out.
var plotDefaults = Plot{
	Axes:   spec.Axes{XLabel: spec.Text{Src: "$x$"}, YLabel: spec.Text{Src: "$y$"}},
	XScale: "linear", YScale: "linear", Aspect: "auto", Legend: autoCorner,
}

// layerDefaults returns the values of a layer's fields that a spec
// leaving them out gets, for a layer of the kind.
func layerDefaults(kind string) PlotLayer {
	mode := "markers"
	if kind == "data" {
		mode = "line"
	}
	return PlotLayer{
		Var: "x", Samples: 200, Jumps: "break", Mode: mode, Vars: []string{"x", "y"},
		Levels: Levels{Count: 8}, Colormap: "viridis", Resolution: 120, Anchor: "center", Size: noteSize,
		Style: Style{Marker: "dot", Width: 2.2},
	}
}

// yamlWriter writes a spec as YAML, deterministically.
type yamlWriter struct {
	b             strings.Builder
	panelDefaults Panel    // what a panel takes from the plot
	lost          []string // keys to write whatever their value, left nil
}

func (w *yamlWriter) key(indent int, k string) {
	w.b.WriteString(strings.Repeat(" ", indent))
	w.b.WriteString(k)
	w.b.WriteString(":")
}

// field writes k: v on a line, v inline: of a struct, the fields that
// differ from def's (the zero value when def is not valid).
func (w *yamlWriter) field(indent int, k string, v reflect.Value) {
	w.fieldDef(indent, k, v, reflect.Value{})
}

func (w *yamlWriter) fieldDef(indent int, k string, v, def reflect.Value) {
	w.key(indent, k)
	w.b.WriteString(" ")
	w.b.WriteString(flowDef(v, def))
	w.b.WriteString("\n")
}

// fields writes the fields of the struct v that differ from def's, in
// the struct's order, the layers and panels as blocks. always names the
// keys written whatever their value. Zero values are left out (a preset's
// plot leaves zero what takes the default) but in a panel, whose zero
// grid: false differs from the plot's grid: true.
func (w *yamlWriter) fields(indent int, v, def reflect.Value, always []string, first *bool) {
	panel := v.Type() == reflect.TypeFor[Panel]()
	t := v.Type()
	for i := range t.NumField() {
		sf := t.Field(i)
		if !sf.IsExported() {
			continue
		}
		name, opts, _ := strings.Cut(sf.Tag.Get("yaml"), ",")
		if opts == "inline" {
			w.fields(indent, v.Field(i), def.Field(i), always, first)
			continue
		}
		fv := v.Field(i)
		if slices.Contains(always, name) && (fv.Kind() == reflect.Pointer || fv.Kind() == reflect.Slice) && fv.IsNil() {
			w.lost = append(w.lost, name)
			continue
		}
		if !slices.Contains(always, name) && (sameValue(fv, def.Field(i)) || !panel && fv.IsZero()) {
			continue
		}
		ind := indent
		if first != nil && *first {
			// The first key of a list item follows its "- ".
			w.b.WriteString(strings.Repeat(" ", indent-2) + "- ")
			ind, *first = 0, false
		}
		switch x := fv.Interface().(type) {
		case []PlotLayer:
			w.key(ind, name)
			w.b.WriteString("\n")
			for j := range x {
				l := &x[j]
				f := true
				w.fields(indent+4, reflect.ValueOf(l).Elem(), reflect.ValueOf(layerDefaults(l.kind)), []string{l.kind}, &f)
			}
		case []Panel:
			w.key(ind, name)
			w.b.WriteString("\n")
			for j := range x {
				f := true
				w.fields(indent+4, reflect.ValueOf(x[j]), reflect.ValueOf(w.panelDefaults), nil, &f)
			}
		default:
			w.fieldDef(ind, name, fv, def.Field(i))
		}
	}
}

// plot writes the plot's own fields, those named in keep whatever their
// value.
func (w *yamlWriter) plot(p *Plot, keep []string) {
	def := plotDefaults
	def.Columns = max(1, defaultColumns(len(p.Panels)))
	w.panelDefaults = Panel{
		XLabel: p.XLabel, YLabel: p.YLabel, XRange: p.XRange, YRange: p.YRange, Grid: p.Grid,
		XTicks: p.XTicks, YTicks: p.YTicks, XScale: p.XScale, YScale: p.YScale, Aspect: p.Aspect, Legend: p.Legend,
		Order: p.Order, Params: p.Params,
	}
	w.fields(0, reflect.ValueOf(p).Elem(), reflect.ValueOf(def), keep, nil)
}

// sameValue reports whether a and b are the same value as a spec writes
// it: texts and formulas by their source, wherever they stand.
func sameValue(a, b reflect.Value) bool {
	switch a.Kind() {
	case reflect.Struct:
		switch x := a.Interface().(type) {
		case spec.Text:
			return x.Src == b.Interface().(spec.Text).Src
		case spec.Code:
			return x.Src == b.Interface().(spec.Code).Src
		}
		for i := range a.NumField() {
			if a.Type().Field(i).IsExported() && !sameValue(a.Field(i), b.Field(i)) {
				return false
			}
		}
		return true
	case reflect.Slice:
		if a.IsNil() != b.IsNil() || a.Len() != b.Len() {
			return false
		}
		for i := range a.Len() {
			if !sameValue(a.Index(i), b.Index(i)) {
				return false
			}
		}
		return true
	case reflect.Pointer:
		if a.IsNil() || b.IsNil() {
			return a.IsNil() == b.IsNil()
		}
		return sameValue(a.Elem(), b.Elem())
	}
	return reflect.DeepEqual(a.Interface(), b.Interface())
}

// plain matches the strings YAML reads as themselves unquoted.
var plain = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_-]*$`) })

// flow writes v in YAML's flow style.
func flow(v reflect.Value) string { return flowDef(v, reflect.Value{}) }

// flowDef writes v in YAML's flow style; of a struct, the fields that
// differ from def's (the zero value when def is not valid).
func flowDef(v, def reflect.Value) string {
	switch x := v.Interface().(type) {
	case spec.Text:
		return quote(x.Src)
	case spec.Code:
		return quote(x.Src)
	case string:
		return quote(x)
	case float64:
		return strconv.FormatFloat(x, 'g', -1, 64)
	case int:
		return strconv.Itoa(x)
	case bool:
		return strconv.FormatBool(x)
	case *spec.Range:
		return "[" + flow(reflect.ValueOf(x.Min)) + ", " + flow(reflect.ValueOf(x.Max)) + "]"
	case Tick:
		if x.Label.Src == "" {
			return flow(reflect.ValueOf(x.At))
		}
		return "{at: " + flow(reflect.ValueOf(x.At)) + ", label: " + quote(x.Label.Src) + "}"
	case Levels:
		if x.Values != nil {
			return flow(reflect.ValueOf(x.Values))
		}
		return strconv.Itoa(x.Count)
	}
	switch v.Kind() {
	case reflect.Slice, reflect.Array:
		s := make([]string, v.Len())
		for i := range s {
			s[i] = flow(v.Index(i))
		}
		return "[" + strings.Join(s, ", ") + "]"
	case reflect.Map:
		keys := make([]string, 0, v.Len())
		for _, k := range v.MapKeys() {
			keys = append(keys, k.String())
		}
		slices.Sort(keys)
		s := make([]string, len(keys))
		for i, k := range keys {
			s[i] = quote(k) + ": " + flow(v.MapIndex(reflect.ValueOf(k)))
		}
		return "{" + strings.Join(s, ", ") + "}"
	case reflect.Struct: // a style, an arrow, bars: the fields set
		var s []string
		t := v.Type()
		if !def.IsValid() {
			def = reflect.New(t).Elem()
		}
		for i := range t.NumField() {
			if !t.Field(i).IsExported() || sameValue(v.Field(i), def.Field(i)) || v.Field(i).IsZero() {
				continue
			}
			name, _, _ := strings.Cut(t.Field(i).Tag.Get("yaml"), ",")
			s = append(s, name+": "+flow(v.Field(i)))
		}
		return "{" + strings.Join(s, ", ") + "}"
	}
	panic(fmt.Sprintf("figures: no YAML for %s", v.Type()))
}

// quote writes s as a YAML scalar: plain when YAML reads it as the same
// string, else single-quoted (TeX's backslashes stay as they are), or
// double-quoted when it holds a line break.
func quote(s string) string {
	switch {
	case plain().MatchString(s) && !slices.Contains([]string{"true", "false", "yes", "no", "on", "off", "null", "y", "n"}, strings.ToLower(s)):
		return s
	case strings.Contains(s, "\n"):
		return strconv.Quote(s)
	}
	return "'" + strings.ReplaceAll(s, "'", "''") + "'"
}

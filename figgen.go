package figgen

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/figgen/figgen/figures"
	"github.com/figgen/figgen/spec"
	"github.com/figgen/figgen/typeset"
)

// Options says which specs a run reads, and from where.
type Options struct {
	// FS holds the specs. When it is nil, Paths name files of the
	// operating system as a command line does: relative to the working
	// directory or absolute, with ".." allowed.
	FS fs.FS

	// Paths are spec files and folders of specs, slash-separated and
	// relative to FS (no leading "/", no ".."); none means "specs". Error
	// positions, Result.Specs and the "(applied to …)" notes name files as
	// given here: a file as written, a folder's files as the folder's path
	// joined with their names.
	Paths []string

	// Parallel is how many figures Generate renders at once; 0 or less
	// means runtime.GOMAXPROCS(0).
	Parallel int

	// Sink, when set, receives every output as soon as its figure is
	// rendered, and Result.Files stays nil: the run then holds in memory
	// the outputs of the figures being rendered (at most Parallel), not
	// those of the whole run.
	Sink Sink

	// Skip, when set, is asked about every valid spec, once it is
	// decoded and before its texts are typeset, with its Figure's Key and
	// Outputs set. When it returns true the spec is skipped: neither
	// typeset, laid out nor rendered (its outputs are fresh: it was, when
	// they were made), and the sink gets none of its outputs; they are
	// still in Result.Order and on the contact sheet, and still checked
	// against the other specs' outputs. The command skips the specs whose
	// outputs its manifest says are fresh, and those of other shards.
	Skip func(f *Figure) bool

	// Optimize spends more time for smaller PNGs, for publishing: the
	// same pixels in some 10 % fewer bytes, the encoding some 20
	// times as slow (figures.Renderer.Optimized). SVG and PDF are the
	// same either way. Off, PNGs are written fast.
	Optimize bool

	// Reuse, when set, is asked about every spec file before it is
	// decoded, for the Figure a run made of it before, as Result.Figures
	// gave it (Data, Key, Outputs, Files, Alt, Width, Height; Data named
	// so that they can be read). When it returns one and the spec's
	// bytes, its folder defaults' and those of the Data files hash to its
	// Key, the spec is neither decoded nor rendered: that Figure, with
	// Skipped set, is the spec's in Result.Figures and on the contact
	// sheet, and Skip is not asked. Anything else (no record, another
	// key, a file that cannot be read) and the spec is decoded as
	// without Reuse. A run that finds any problem (or two outputs that
	// might clash) is done again without Reuse, so that every problem is
	// reported at its place. The command offers the record of every spec
	// whose outputs its manifest says are fresh: a large folder of which
	// one spec changed decodes that one spec.
	Reuse func(spec string) (Figure, bool)
}

// A Sink receives the outputs of a run as they are rendered (see
// Options.Sink). Generate calls its methods from one goroutine at a time.
type Sink interface {
	// Begin is called once, when every spec is valid and before any
	// figure is rendered, with the names every output will have
	// (Result.Order). An error stops the run: Generate returns it as is.
	Begin(names []string) error

	// Put receives one output, by its name under the out dir: each name
	// of Begin once, in no set order but index.html last. Data is not
	// used by Generate after Put returns. An error stops the run:
	// Generate returns the first one as is.
	Put(name string, data []byte) error
}

// memSink keeps every output in memory: Generate without a Sink.
type memSink map[string][]byte

func (memSink) Begin([]string) error { return nil }

func (m memSink) Put(name string, data []byte) error {
	m[name] = data
	return nil
}

// Result is what a run produces, in memory.
type Result struct {
	// Files maps the name of each output under the out dir,
	// slash-separated ("5.png", "post1/5.svg", "index.html"), to its bytes.
	Files map[string][]byte

	// Order is the names of Files: the outputs of each spec in the order
	// of Specs and of figures.Outputs (its formats, each in its themes
	// and scales), then "index.html" when Folder is set.
	Order []string

	// Specs is the spec files of the run, named as in error positions.
	Specs []string

	// Figures are the valid specs of the run, in the order of Specs (all
	// of them, when Generate returns no error).
	Figures []Figure

	// Folder reports whether a folder was among the paths: the run is then
	// a whole post's figures, and Files holds the contact sheet index.html.
	Folder bool
}

// indexName is the contact sheet of a run over a folder.
const indexName = "index.html"

// Generate reads, decodes, validates and renders every spec of opts.Paths
// and returns the outputs by name, or, when any spec is invalid, nothing
// but the problems: every one of the run at once.
//
// The error is then a spec.ErrorList of every positioned problem (a bad
// field, a text that cannot be typeset, two specs writing one file),
// sorted by file, line and column, each reported once; errors without a
// position (a path that does not exist, an unreadable file) come before
// it, joined with errors.Join. errors.As finds the spec.ErrorList in
// either case. A cancelled ctx stops the run between figures with
// ctx.Err(). Generate writes nothing; with Options.Sink set, it hands
// every output to the sink instead of returning it in Result.Files.
func Generate(ctx context.Context, opts Options) (*Result, error) {
	l, err := load(ctx, opts)
	if err != nil {
		return nil, err
	}
	res := &Result{Specs: l.files, Folder: l.folder, Figures: l.info}
	for _, fi := range l.info {
		res.Order = append(res.Order, fi.Outputs...)
	}
	if l.folder {
		res.Order = append(res.Order, indexName)
	}
	sink := opts.Sink
	if sink == nil {
		res.Files = map[string][]byte{}
		sink = memSink(res.Files)
	}
	if err := sink.Begin(res.Order); err != nil {
		return nil, err
	}
	r := l.r
	if opts.Optimize {
		r = r.Optimized()
	}
	outs, err := renderAll(ctx, r, l.figs, l.layouts, l.info, opts.Parallel, sink)
	if err != nil {
		return nil, err
	}
	if l.folder {
		if err := sink.Put(indexName, figures.Index(l.figs, outs)); err != nil {
			return nil, err
		}
	}
	return res, nil
}

// Validate does what Generate does short of rendering: it reads, decodes
// and validates every spec of opts.Paths, typesets every text and lays
// out every figure, checking that it fits (figures.Renderer.CheckLayout). It
// returns the spec files of the run, or the problems as Generate does.
func Validate(ctx context.Context, opts Options) ([]string, error) {
	l, err := load(ctx, opts)
	if err != nil {
		return nil, err
	}
	return l.files, nil
}

// Describe validates the specs of opts as Validate does and returns their
// figures (Result.Figures) without rendering them: what each writes, its
// alt text and size.
func Describe(ctx context.Context, opts Options) ([]Figure, error) {
	l, err := load(ctx, opts)
	if err != nil {
		return nil, err
	}
	return l.info, nil
}

// loaded is a run's valid figures, in the order of its spec files.
type loaded struct {
	files  []string
	folder bool
	figs   []*spec.Figure
	info   []Figure // of figs
	// layouts are those of the first figs (keptLayouts), nil for the others
	layouts []*figures.Layout
	r       *figures.Renderer // nil when every figure is skipped
}

// load collects the spec files of opts, reads and decodes each with the
// folder defaults beside it, typesets every text, lays out every valid
// figure and checks that no two specs write the same output. It returns
// every problem at once.
func load(ctx context.Context, opts Options) (*loaded, error) {
	src := newSource(opts.FS)
	paths := opts.Paths
	if len(paths) == 0 {
		paths = []string{defaultPath}
	}
	files, folder, err := collect(src, paths)
	if err != nil {
		return nil, err
	}
	// The fonts are parsed, the kinds' schemas built and Build (every
	// decoded spec's key needs it) hashed in the background while the
	// spec files are read and decoded; the texts are typeset once every
	// spec is decoded. A run whose every spec is skipped does not wait
	// for the fonts.
	var (
		r         *figures.Renderer
		rerr      error
		fontsDone = make(chan struct{}) // closed when r or rerr is set
		needFonts bool
	)
	if len(files) > 0 {
		go prepareDecoding()
		go Build()
		load := renderer
		go func() {
			defer close(fontsDone)
			r, rerr = load()
		}()
	} else {
		close(fontsDone)
	}
	var configChecks []*spec.Config // folder defaults whose texts to typeset
	var p problems
	figs := make([]*spec.Figure, 0, len(files))
	var info []Figure
	type folderDefaults struct {
		cfg     *spec.Config
		data    []byte
		checked bool // its texts typeset
	}
	configs := map[string]*folderDefaults{} // folder → its figgen.yaml
	var checks []check                      // the figures to typeset and lay out
	reused := false                         // a spec taken from Options.Reuse, not decoded
	// Each spec file is read and its folder defaults loaded in turn, then
	// the specs are decoded several at once, then taken in turn again.
	type specFile struct {
		name, dir string
		fd        *folderDefaults
		data      []byte
		reused    *Figure // from Options.Reuse: not decoded
		f         *spec.Figure
		err       error // decoding f
	}
	var sfs []*specFile
	for _, name := range files {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		dir := src.dir(name)
		fd, seen := configs[dir]
		if !seen {
			fd = &folderDefaults{}
			fd.cfg, fd.data = loadConfig(src, dir, &p)
			configs[dir] = fd
		}
		data, err := readFile(src, name, "spec")
		if err != nil {
			p.add(err)
			continue
		}
		sf := &specFile{name: name, dir: dir, fd: fd, data: data}
		if fi, ok := reuse(src, opts.Reuse, name, src.join(dir, configName), data, fd.data); ok {
			sf.reused = &fi
		}
		sfs = append(sfs, sf)
	}
	err = forEach(ctx, len(sfs), opts.Parallel, func(i int) {
		if sf := sfs[i]; sf.reused == nil {
			sf.f, sf.err = decodeSpec(sf.name, sf.data, sf.fd.cfg)
		}
	})
	if err != nil {
		return nil, err
	}
	for _, sf := range sfs {
		name, dir, fd, data := sf.name, sf.dir, sf.fd, sf.data
		if fi := sf.reused; fi != nil {
			reused = true
			figs = append(figs, &spec.Figure{File: name, Name: spec.Stem(name), Alt: fi.Alt, Width: fi.Width, Height: fi.Height})
			info = append(info, *fi)
			continue
		}
		f, err := sf.f, sf.err
		p.add(err)
		fi := Figure{Spec: name, Config: src.join(dir, configName)}
		var rows []figures.Data
		if err == nil {
			var derr error
			fi.Data, rows, derr = dataFiles(src, name, f)
			fi.Key = keyOf(data, fd.data, rows)
			p.add(derr)
			if derr != nil {
				err = derr // not laid out: it lacks its data
			}
			fi.Files, fi.Alt, fi.Width, fi.Height = figures.Outputs(f), f.Alt, f.Width, f.Height
			for _, o := range fi.Files {
				fi.Outputs = append(fi.Outputs, o.Name)
			}
			fi.Skipped = derr == nil && opts.Skip != nil && opts.Skip(&fi)
		}
		if fd.cfg != nil && !fd.checked && !fi.Skipped {
			// The texts of folder defaults are typeset even when no spec
			// of the folder uses them yet, unless every spec is skipped.
			fd.checked = true
			needFonts = true
			configChecks = append(configChecks, fd.cfg)
		}
		if err == nil && fi.Data != nil && !fi.Skipped {
			// The data files' columns go to the figure before it is laid
			// out: a problem in one is the spec's.
			if derr := loadData(f, rows); derr != nil {
				p.add(derr)
				err = derr
			}
		}
		if f != nil && !fi.Skipped {
			// Typeset the texts even of a spec with other problems (a
			// partial Figure), so a run reports everything at once.
			needFonts = true
			checks = append(checks, check{f: f, layout: err == nil, keep: err == nil && len(figs) < keptLayouts, fig: len(figs)})
		}
		if err == nil {
			figs = append(figs, f)
			info = append(info, fi)
		}
	}
	if needFonts {
		<-fontsDone
		if rerr != nil {
			return nil, rerr
		}
		for _, cfg := range configChecks {
			p.add(checkConfig(r, cfg))
		}
		if err := checkAll(ctx, r, checks, opts.Parallel, &p); err != nil {
			return nil, err
		}
	}
	p.add(outputConflicts(figs))
	if err := p.err(); (err != nil || mayClash(info)) && reused {
		// Report every problem as a run that decodes every spec does.
		opts.Reuse = nil
		return load(ctx, opts)
	}
	if err := p.err(); err != nil {
		return nil, err
	}
	layouts := make([]*figures.Layout, len(figs))
	for _, c := range checks {
		if c.lay != nil {
			layouts[c.fig] = c.lay
		}
	}
	l := &loaded{files: files, folder: folder, figs: figs, info: info, layouts: layouts}
	if needFonts {
		l.r = r // set before fontsDone was closed
	}
	return l, nil
}

// A check is a figure whose texts load typesets, and which it lays out
// when layout is set (the figure has no other problem), keeping the
// Layout for rendering when keep is set.
type check struct {
	f            *spec.Figure
	layout, keep bool
	fig          int // the index of f in the run's figures, when kept
	lay          *figures.Layout
	err          error
}

// keptLayouts is how many figures of a run keep their Layout from the
// check to the rendering, the first ones: each is built and laid out
// once, not twice. A Layout takes some 25 to 200 KB; the figures after
// them are built again when they are rendered, so that the memory of a
// run does not grow with the number of its specs.
const keptLayouts = 32

// checkAll typesets the texts of every figure of checks and lays out those
// that ask for it, parallel figures at once as renderAll renders them,
// and adds their problems to p in the order of checks. A cancelled ctx
// stops it between figures with ctx.Err().
func checkAll(ctx context.Context, r *figures.Renderer, checks []check, parallel int, p *problems) error {
	err := forEach(ctx, len(checks), parallel, func(i int) {
		c := &checks[i]
		c.err = checkFigure(r, c.f)
		if c.err == nil && c.layout {
			c.lay, c.err = layoutFigure(r, c.f)
			if !c.keep {
				c.lay = nil
			}
		}
	})
	if err != nil {
		return err
	}
	for _, c := range checks {
		p.add(c.err)
	}
	return nil
}

// forEach calls do(i) for every i from 0 to n-1, parallel calls at once
// (0 or less: runtime.GOMAXPROCS(0)), each i taken in turn by the first
// free goroutine. A cancelled ctx stops it between calls with ctx.Err().
func forEach(ctx context.Context, n, parallel int, do func(i int)) error {
	if parallel <= 0 {
		parallel = runtime.GOMAXPROCS(0)
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(parallel, n) {
		wg.Go(func() {
			for {
				i := int(next.Add(1) - 1)
				if i >= n || ctx.Err() != nil {
					return
				}
				do(i)
			}
		})
	}
	wg.Wait()
	return ctx.Err()
}

// reuse returns the Figure a run made before of the spec file name, its
// bytes data, when with its folder defaults (config, nil when there are
// none) and its data files it is what that Figure's Key says.
func reuse(src source, prev func(string) (Figure, bool), name, cfgName string, data, config []byte) (Figure, bool) {
	if prev == nil {
		return Figure{}, false
	}
	fi, ok := prev(name)
	if !ok || fi.Key == "" {
		return Figure{}, false
	}
	var dbs [][]byte
	for _, d := range fi.Data {
		b, err := readFile(src, d, "data")
		if err != nil {
			return Figure{}, false
		}
		dbs = append(dbs, b)
	}
	if InputKey(data, config, dbs...) != fi.Key {
		return Figure{}, false
	}
	fi.Spec, fi.Config, fi.Skipped = name, cfgName, true
	fi.Outputs = nil
	for _, o := range fi.Files {
		fi.Outputs = append(fi.Outputs, o.Name)
	}
	return fi, true
}

// mayClash reports whether two outputs of figs might be one file or one
// needs a folder where another is a file, as outputConflicts says with
// the specs decoded: names compared without case.
func mayClash(figs []Figure) bool {
	seen := map[string]bool{}
	for _, f := range figs {
		for _, n := range f.Outputs {
			k := strings.ToLower(n)
			if seen[k] {
				return true
			}
			seen[k] = true
		}
	}
	for k := range seen {
		elems := strings.Split(k, "/")
		for i := 1; i < len(elems); i++ {
			folder := strings.Join(elems[:i], "/")
			if seen[folder] || slices.Contains(reservedNames, folder) {
				return true
			}
		}
	}
	return false
}

// keyOf returns the key of the outputs of a valid figure whose spec,
// folder defaults and data files are specData, config and data.
func keyOf(specData, config []byte, data []figures.Data) string {
	bs := make([][]byte, len(data))
	for i, d := range data {
		bs[i] = d.Bytes
	}
	return InputKey(specData, config, bs...)
}

// loadConfig reads and decodes the folder defaults of dir. It returns
// nil when dir has no figgen.yaml or it is invalid (the problems go to p),
// and the file's bytes.
func loadConfig(src source, dir string, p *problems) (*spec.Config, []byte) {
	name := src.join(dir, configName)
	data, err := readConfig(src, name)
	if err != nil {
		p.add(err)
		return nil, nil
	}
	if data == nil {
		return nil, nil
	}
	cfg, err := decodeConfig(name, data)
	p.add(err)
	return cfg, data
}

// reservedNames are the files of an out dir that are figgen's own rather
// than a spec's: the contact sheet and the command's manifest of the files
// it wrote. No output may use them as a folder.
var reservedNames = []string{indexName, ".figgen.json"}

// outputConflicts reports every spec that would write a file another spec
// of the run already writes, or a folder where another spec or figgen
// itself writes a file (outputs "x" and "x.png/y"; "index.html/y"), so
// that no run fails half-way through writing the out dir. Names are
// compared whatever their case, for case-insensitive file systems.
func outputConflicts(figs []*spec.Figure) spec.ErrorList {
	var errs spec.ErrorList
	files := map[string]*spec.Figure{} // lowercased file name → its spec
	for _, f := range figs {
		for _, o := range figures.Outputs(f) {
			name := o.Name
			key := strings.ToLower(name)
			if g, ok := files[key]; ok && g != f {
				errs = append(errs, spec.Errorf(f.PosOf("output"), "output %q is also written by %s", name, g.File))
				continue
			}
			files[key] = f
		}
	}
	for _, f := range figs {
		elems := strings.Split(f.Output, "/")
		for i := 1; i < len(elems); i++ {
			folder := strings.Join(elems[:i], "/")
			key := strings.ToLower(folder)
			if slices.Contains(reservedNames, key) {
				errs = append(errs, spec.Errorf(f.PosOf("output"), "output %q: %q is figgen's own file, not a folder", f.Output, folder))
				break
			}
			if g, ok := files[key]; ok {
				errs = append(errs, spec.Errorf(f.PosOf("output"), "output %q needs a folder %q, where %s writes a file", f.Output, folder, g.File))
				break
			}
		}
	}
	return errs
}

// renderer returns the Renderer every run shares, parsing the embedded
// fonts on first use. It is a variable so that a test can break it.
var renderer = sync.OnceValues(func() (*figures.Renderer, error) {
	eng, err := typeset.New()
	if err != nil {
		return nil, fmt.Errorf("figgen is broken: its embedded fonts do not load: %w", err)
	}
	return figures.New(eng), nil
})

// renderAll renders every figure (from its Layout when load kept one),
// parallel figures at once, hands each output to sink as soon as its
// figure is drawn, and returns the outputs in the order of figs, without
// their data. Each drawn figure of figs is left with what figures.Index
// shows of it (its file, name, alt text and size).
func renderAll(ctx context.Context, r *figures.Renderer, figs []*spec.Figure, layouts []*figures.Layout, info []Figure, parallel int, sink Sink) ([][]figures.Output, error) {
	if parallel <= 0 {
		parallel = runtime.GOMAXPROCS(0)
	}
	outs := make([][]figures.Output, len(figs))
	errs := make([]error, len(figs))
	var (
		next    atomic.Int64
		wg      sync.WaitGroup
		sinkErr error       // the sink's first error: the writer's, read once it is done
		failed  atomic.Bool // set when sinkErr is
	)
	// One goroutine hands the outputs to the sink (writing a file waits
	// on the disk) while the figures after them are drawn; at most
	// parallel figures' outputs wait for it. The figures' goroutines never
	// wait for a file to be written, only for room in drawn.
	drawn := make(chan []figures.Output, parallel)
	var writer sync.WaitGroup
	writer.Go(func() {
		for fo := range drawn {
			for j := range fo {
				if sinkErr == nil {
					if sinkErr = sink.Put(fo[j].Name, fo[j].Data); sinkErr != nil {
						failed.Store(true)
					}
				}
				fo[j].Data = nil
			}
		}
	})
	stopped := failed.Load
	for range min(parallel, len(figs)) {
		wg.Go(func() {
			for {
				i := int(next.Add(1) - 1)
				if i >= len(figs) || ctx.Err() != nil || stopped() {
					return
				}
				if info[i].Skipped {
					outs[i] = slices.Clone(info[i].Files)
					figs[i] = indexOnly(figs[i])
					continue
				}
				if layouts[i] != nil {
					outs[i], errs[i] = r.RenderLayout(layouts[i])
					layouts[i] = nil // drawn: its memory is free
				} else {
					outs[i], errs[i] = r.Render(figs[i])
				}
				if errs[i] == nil {
					drawn <- outs[i]
				}
				// Drawn: the contact sheet needs no more of it, and the
				// memory of a run does not grow with its specs.
				figs[i] = indexOnly(figs[i])
			}
		})
	}
	wg.Wait()
	close(drawn)
	writer.Wait()
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if sinkErr != nil {
		return nil, sinkErr
	}
	var p problems
	for _, err := range errs {
		p.add(err)
	}
	return outs, p.err()
}

// indexOnly returns what figures.Index shows of f.
func indexOnly(f *spec.Figure) *spec.Figure {
	return &spec.Figure{File: f.File, Name: f.Name, Alt: f.Alt, Width: f.Width, Height: f.Height}
}

// problems gathers the errors of a run: positioned ones into one
// spec.ErrorList, the others in the order they come.
type problems struct {
	list  spec.ErrorList
	other []error
}

// add adds err, nil or not, taking joined errors apart.
func (p *problems) add(err error) {
	switch e := err.(type) {
	case nil:
	case spec.ErrorList:
		p.list = append(p.list, e...)
	case *spec.Error:
		p.list = append(p.list, e)
	case interface{ Unwrap() []error }:
		for _, err := range e.Unwrap() {
			p.add(err)
		}
	default:
		p.other = append(p.other, err)
	}
}

// err returns nil when there is no problem, the sorted spec.ErrorList
// when every problem has a position, else the others and then the list,
// joined.
func (p *problems) err() error {
	p.list.Sort()
	switch {
	case len(p.other) == 0 && len(p.list) == 0:
		return nil
	case len(p.other) == 0:
		return p.list
	case len(p.list) == 0:
		return errors.Join(p.other...)
	}
	return errors.Join(append(p.other, p.list)...)
}

// Expansion is the spec of kind plot that draws what a spec draws.
type Expansion struct {
	Spec string // the spec, named as in Result.Specs
	YAML []byte // figures.Expand of it
}

// Expand validates the specs of opts as Validate does and returns, for
// each, the YAML of the spec of kind plot that draws the same figure
// (figures.Expand): a plot spec as figgen reads it, a preset (step,
// sigmoid, bias-shift, threshold-plane of 2 weights) as the plot it fills
// in. A spec of another kind is
// an error.
func Expand(ctx context.Context, opts Options) ([]Expansion, error) {
	l, err := load(ctx, opts)
	if err != nil {
		return nil, err
	}
	out := make([]Expansion, len(l.figs))
	for i, f := range l.figs {
		y, err := figures.Expand(f)
		if err != nil {
			return nil, err
		}
		out[i] = Expansion{Spec: l.info[i].Spec, YAML: y}
	}
	return out, nil
}

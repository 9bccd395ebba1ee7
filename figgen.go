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

	// Optimize spends more time for smaller PNGs, for publishing: the
	// same pixels in some 10 % fewer bytes, the encoding some 20
	// times as slow (figures.Renderer.Optimized). SVG and PDF are the
	// same either way. Off, PNGs are written fast.
	Optimize bool
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
	// of Specs and of the formats the spec lists, then "index.html" when
	// Folder is set.
	Order []string

	// Specs is the spec files of the run, named as in error positions.
	Specs []string

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
	res := &Result{Specs: l.files, Folder: l.folder}
	for _, f := range l.figs {
		for _, format := range f.Formats {
			res.Order = append(res.Order, outputName(f, format))
		}
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
	outs, err := renderAll(ctx, r, l.figs, opts.Parallel, sink)
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

// outputName is the name under the out dir of f's output in format, as
// figures.Renderer.Render names it.
func outputName(f *spec.Figure, format string) string {
	return f.Output + "." + format
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

// loaded is a run's valid figures, in the order of its spec files.
type loaded struct {
	files  []string
	folder bool
	figs   []*spec.Figure
	r      *figures.Renderer
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
	r, err := renderer()
	if err != nil {
		return nil, err
	}
	var p problems
	figs := make([]*spec.Figure, 0, len(files))
	configs := map[string]*spec.Config{} // folder → its figgen.yaml, nil if none
	for _, name := range files {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		dir := src.dir(name)
		cfg, seen := configs[dir]
		if !seen {
			cfg = loadConfig(src, r, dir, &p)
			configs[dir] = cfg
		}
		data, err := readFile(src, name, "spec")
		if err != nil {
			p.add(err)
			continue
		}
		f, err := decodeSpec(name, data, cfg)
		p.add(err)
		var terr error
		if f != nil {
			// Typeset the texts even of a spec with other problems (a
			// partial Figure), so a run reports everything at once.
			terr = checkFigure(r, f)
			p.add(terr)
		}
		if err == nil && terr == nil {
			p.add(checkLayout(r, f))
		}
		if err == nil {
			figs = append(figs, f)
		}
	}
	p.add(outputConflicts(figs))
	if err := p.err(); err != nil {
		return nil, err
	}
	return &loaded{files: files, folder: folder, figs: figs, r: r}, nil
}

// loadConfig reads and decodes the folder defaults of dir and typesets
// every text they set, even one no spec of the folder uses yet. It returns
// nil when dir has no figgen.yaml or it is invalid (the problems go to p).
func loadConfig(src source, r *figures.Renderer, dir string, p *problems) *spec.Config {
	name := src.join(dir, configName)
	data, err := readFile(src, name, "config")
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		p.add(err)
		return nil
	}
	cfg, err := decodeConfig(name, data)
	p.add(err)
	if cfg != nil {
		p.add(checkConfig(r, cfg))
	}
	return cfg
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
		for _, format := range f.Formats {
			name := outputName(f, format)
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

// renderAll renders every figure, parallel figures at once, hands each
// output to sink as soon as its figure is drawn, and returns the outputs
// in the order of figs, without their data.
func renderAll(ctx context.Context, r *figures.Renderer, figs []*spec.Figure, parallel int, sink Sink) ([][]figures.Output, error) {
	if parallel <= 0 {
		parallel = runtime.GOMAXPROCS(0)
	}
	outs := make([][]figures.Output, len(figs))
	errs := make([]error, len(figs))
	var (
		next    atomic.Int64
		wg      sync.WaitGroup
		mu      sync.Mutex // serializes sink and sinkErr
		sinkErr error
	)
	put := func(fo []figures.Output) {
		mu.Lock()
		defer mu.Unlock()
		for j := range fo {
			if sinkErr == nil {
				sinkErr = sink.Put(fo[j].Name, fo[j].Data)
			}
			fo[j].Data = nil
		}
	}
	stopped := func() bool {
		mu.Lock()
		defer mu.Unlock()
		return sinkErr != nil
	}
	for range min(parallel, len(figs)) {
		wg.Go(func() {
			for {
				i := int(next.Add(1) - 1)
				if i >= len(figs) || ctx.Err() != nil || stopped() {
					return
				}
				outs[i], errs[i] = r.Render(figs[i])
				if errs[i] == nil {
					put(outs[i])
				}
			}
		})
	}
	wg.Wait()
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

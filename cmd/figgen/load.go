package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"

	"github.com/figgen/figgen/figures"
	"github.com/figgen/figgen/spec"
	"github.com/figgen/figgen/typeset"
)

// defaultPath is where specs are looked for when no PATH is given.
const defaultPath = "specs"

// job is the work of one run: the spec files found and whether a folder
// was named (then the contact sheet is part of the output).
type job struct {
	files  []string
	folder bool
}

// collect expands the PATH arguments into spec files: a file as is, a folder
// into its *.yaml and *.yml files (not recursing), sorted, each once.
func collect(args []string) (job, error) {
	if len(args) == 0 {
		args = []string{defaultPath}
	}
	var j job
	seen := map[string]bool{}
	add := func(p string) {
		if key := filepath.Clean(p); !seen[key] {
			seen[key] = true
			j.files = append(j.files, p)
		}
	}
	for _, a := range args {
		st, err := os.Stat(a)
		if err != nil {
			return j, fmt.Errorf("figgen: %s: no such spec file or folder", a)
		}
		if !st.IsDir() {
			if filepath.Base(a) == configName {
				return j, fmt.Errorf("figgen: %s holds folder defaults, not a figure: name its folder or the specs", a)
			}
			add(a)
			continue
		}
		j.folder = true
		ents, err := os.ReadDir(a)
		if err != nil {
			return j, fmt.Errorf("figgen: %w", err)
		}
		var found []string
		for _, e := range ents {
			name := e.Name()
			if e.IsDir() || strings.HasPrefix(name, ".") {
				continue
			}
			if name == configName {
				continue // folder defaults, not a figure
			}
			if strings.EqualFold(name, configName) || strings.EqualFold(name, "figgen.yml") {
				return j, fmt.Errorf("figgen: %s: folder defaults go in %s", filepath.Join(a, name), configName)
			}
			if ext := filepath.Ext(name); ext == ".yaml" || ext == ".yml" {
				found = append(found, filepath.Join(a, name))
			}
		}
		if len(found) == 0 {
			return j, fmt.Errorf("figgen: %s: no *.yaml specs in folder", a)
		}
		sort.Strings(found)
		for _, f := range found {
			add(f)
		}
	}
	return j, nil
}

// load reads and decodes every spec file, checks that no two write the same
// output and that every text typesets. It returns all problems at once.
func load(files []string, r *figures.Renderer) ([]*spec.Figure, error) {
	var errs spec.ErrorList
	var other []error
	figs := make([]*spec.Figure, 0, len(files))
	configs := map[string]*spec.Config{} // folder → its figgen.yaml, nil if none
	for _, p := range files {
		dir := filepath.Dir(p)
		cfg, seen := configs[dir]
		if !seen {
			var err error
			cfg, err = loadConfig(dir)
			if err != nil {
				errs = appendErr(errs, &other, err)
			}
			if cfg != nil {
				// Every default typesets, even one no spec of the folder uses yet.
				if err := r.CheckTexts(cfg.Texts()); err != nil {
					errs = appendErr(errs, &other, err)
				}
			}
			configs[dir] = cfg
		}
		data, err := os.ReadFile(p)
		if err != nil {
			other = append(other, fmt.Errorf("figgen: %w", err))
			continue
		}
		f, err := spec.DecodeWith(p, data, cfg)
		if err != nil {
			errs = appendErr(errs, &other, err)
		}
		if f != nil {
			// Typeset the texts even of a spec with other problems (a
			// partial Figure), so a run reports everything at once.
			if err := r.Check(f); err != nil {
				errs = appendErr(errs, &other, err)
			}
		}
		if err == nil {
			figs = append(figs, f)
		}
	}
	errs = append(errs, duplicateOutputs(figs)...)
	if len(other) > 0 || len(errs) > 0 {
		all := make([]error, 0, len(other)+1)
		all = append(all, other...)
		if errs.Sort(); len(errs) > 0 {
			all = append(all, errs)
		}
		return nil, errors.Join(all...)
	}
	return figs, nil
}

// configName is the file of folder defaults beside a folder's specs.
const configName = "figgen.yaml"

// loadConfig reads the folder defaults of dir, nil when it has none.
func loadConfig(dir string) (*spec.Config, error) {
	path := filepath.Join(dir, configName)
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("figgen: %w", err)
	}
	return spec.DecodeConfig(path, data)
}

func appendErr(errs spec.ErrorList, other *[]error, err error) spec.ErrorList {
	var list spec.ErrorList
	var one *spec.Error
	switch {
	case errors.As(err, &list):
		return append(errs, list...)
	case errors.As(err, &one):
		return append(errs, one)
	}
	*other = append(*other, err)
	return errs
}

// duplicateOutputs reports every spec that would write a file another spec
// of the run already writes.
func duplicateOutputs(figs []*spec.Figure) spec.ErrorList {
	var errs spec.ErrorList
	first := map[string]*spec.Figure{}
	for _, f := range figs {
		for _, format := range f.Formats {
			name := f.Output + "." + format
			key := strings.ToLower(name) // case-insensitive file systems
			if g, ok := first[key]; ok && g != f {
				errs = append(errs, spec.Errorf(outputPos(f), "output %q is also written by %s", name, g.File))
				continue
			}
			first[key] = f
		}
	}
	return errs
}

func outputPos(f *spec.Figure) spec.Pos {
	return f.PosOf("output")
}

// renderAll renders every figure, in parallel across cores, and returns the
// outputs in the order of figs.
func renderAll(figs []*spec.Figure, r *figures.Renderer) ([][]figures.Output, error) {
	outs := make([][]figures.Output, len(figs))
	errs := make([]error, len(figs))
	next := make(chan int)
	var wg sync.WaitGroup
	for w := 0; w < min(runtime.GOMAXPROCS(0), len(figs)); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				outs[i], errs[i] = r.Render(figs[i])
			}
		}()
	}
	for i := range figs {
		next <- i
	}
	close(next)
	wg.Wait()
	return outs, errors.Join(errs...)
}

// newRenderer parses the embedded fonts.
func newRenderer() (*figures.Renderer, error) {
	eng, err := typeset.New()
	if err != nil {
		return nil, fmt.Errorf("figgen: load fonts: %w", err)
	}
	return figures.New(eng), nil
}

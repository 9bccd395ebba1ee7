package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/figgen/figgen/figures"
)

// indexName is the contact sheet written beside the figures.
const indexName = "index.html"

// imageExts are the files figgen owns in an out dir: those a run over a
// whole folder of specs accounts for (see orphans).
var imageExts = []string{".png", ".svg", ".pdf"}

// rendered is what a run produces in memory before it touches the out dir.
type rendered struct {
	files  map[string][]byte // slash-separated name under the out dir → bytes
	order  []string          // names in spec order
	folder bool              // a whole folder of specs was given
}

// prepare collects, decodes, validates and renders in memory.
func prepare(c *cli.Context) (rendered, error) {
	var res rendered
	j, err := collect(c.Args().Slice())
	if err != nil {
		return res, fail(exitUsage, err)
	}
	r, err := newRenderer()
	if err != nil {
		return res, fail(exitStale, err)
	}
	figs, err := load(j.files, r)
	if err != nil {
		return res, fail(exitUsage, err)
	}
	outs, err := renderAll(figs, r)
	if err != nil {
		return res, fail(exitUsage, err)
	}
	res.files, res.folder = map[string][]byte{}, j.folder
	for _, fo := range outs {
		for _, o := range fo {
			res.files[o.Name] = o.Data
			res.order = append(res.order, o.Name)
		}
	}
	if j.folder {
		res.files[indexName] = figures.Index(figs, outs)
		res.order = append(res.order, indexName)
	}
	return res, nil
}

// outDir checks the --out folder: it may not exist yet, but must not be a
// file, and no output may land on a folder.
func outDir(c *cli.Context, res rendered) (string, error) {
	dir := c.String("out")
	if st, err := os.Stat(dir); err == nil && !st.IsDir() {
		return "", fail(exitUsage, fmt.Errorf("figgen: --out %s is a file, not a folder", dir))
	}
	for _, name := range res.order {
		path := filepath.Join(dir, filepath.FromSlash(name))
		if st, err := os.Stat(path); err == nil && st.IsDir() {
			return "", fail(exitUsage, fmt.Errorf("figgen: %s is a folder; an output is to be written there", path))
		}
	}
	return dir, nil
}

// orphans lists the images under dir that no spec of a whole-folder run
// produces: left behind by a renamed or removed spec.
func orphans(dir string, res rendered) []string {
	if !res.folder {
		return nil
	}
	var found []string
	filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return nil
		}
		rel, err := filepath.Rel(dir, path)
		if err != nil {
			return nil
		}
		name := filepath.ToSlash(rel)
		for _, ext := range imageExts {
			if strings.HasSuffix(name, ext) && res.files[name] == nil && !strings.HasPrefix(filepath.Base(name), ".") {
				found = append(found, path)
			}
		}
		return nil
	})
	sort.Strings(found)
	return found
}

func cmdRender(c *cli.Context, stdout io.Writer) error {
	res, err := prepare(c)
	if err != nil {
		return err
	}
	dir, err := outDir(c, res)
	if err != nil {
		return err
	}
	wrote, same := 0, 0
	for _, name := range res.order {
		path := filepath.Join(dir, filepath.FromSlash(name))
		if old, err := os.ReadFile(path); err == nil && bytes.Equal(old, res.files[name]) {
			same++
			continue
		}
		if err := writeAtomic(path, res.files[name]); err != nil {
			return fail(exitStale, fmt.Errorf("figgen: %w", err))
		}
		fmt.Fprintf(stdout, "wrote %s\n", path)
		wrote++
	}
	for _, path := range orphans(dir, res) {
		if c.Bool("prune") {
			if err := os.Remove(path); err != nil {
				return fail(exitStale, fmt.Errorf("figgen: %w", err))
			}
			fmt.Fprintf(stdout, "removed %s: no spec produces it\n", path)
			continue
		}
		fmt.Fprintf(stdout, "note: %s: no spec produces it (figgen render --prune removes it)\n", path)
	}
	fmt.Fprintf(stdout, "%d written, %d unchanged in %s\n", wrote, same, dir)
	return nil
}

func cmdCheck(c *cli.Context, stdout io.Writer) error {
	res, err := prepare(c)
	if err != nil {
		return err
	}
	dir, err := outDir(c, res)
	if err != nil {
		return err
	}
	var problems []error
	for _, name := range res.order {
		path := filepath.Join(dir, filepath.FromSlash(name))
		old, err := os.ReadFile(path)
		switch {
		case errors.Is(err, fs.ErrNotExist):
			problems = append(problems, fmt.Errorf("%s: missing", path))
		case err != nil:
			problems = append(problems, fmt.Errorf("%s: %w", path, err))
		case !bytes.Equal(old, res.files[name]):
			problems = append(problems, fmt.Errorf("%s: stale", path))
		}
	}
	fix := "figgen render"
	for _, path := range orphans(dir, res) {
		problems = append(problems, fmt.Errorf("%s: no spec produces it", path))
		fix = "figgen render --prune"
	}
	if len(problems) > 0 {
		problems = append(problems, fmt.Errorf("figgen: %d outputs in %s stale, missing or unexpected; run %s", len(problems), dir, fix))
		return fail(exitStale, errors.Join(problems...))
	}
	fmt.Fprintf(stdout, "%d outputs up to date in %s\n", len(res.order), dir)
	return nil
}

func cmdValidate(c *cli.Context, stdout io.Writer) error {
	j, err := collect(c.Args().Slice())
	if err != nil {
		return fail(exitUsage, err)
	}
	r, err := newRenderer()
	if err != nil {
		return fail(exitStale, err)
	}
	figs, err := load(j.files, r)
	if err != nil {
		return fail(exitUsage, err)
	}
	fmt.Fprintf(stdout, "%d specs valid\n", len(figs))
	return nil
}

// writeAtomic writes data to path through a temporary file in the same
// folder and a rename, so a reader never sees a half-written file.
func writeAtomic(path string, data []byte) error {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name()) // no-op after a successful rename
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Chmod(0o644); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}

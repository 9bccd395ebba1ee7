package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"github.com/urfave/cli/v2"

	// Named so as not to clash with the tests' helper figgen.
	lib "github.com/figgen/figgen"
)

// imageExts are the files figgen owns in an out dir: those a run over a
// whole folder of specs accounts for (see orphans).
var imageExts = []string{".png", ".svg", ".pdf"}

// rendered is what a run produces in memory, and the out dir it is for.
type rendered struct {
	*lib.Result
	dir string
}

// path returns where the output name lands on disk.
func (res rendered) path(name string) string {
	return filepath.Join(res.dir, filepath.FromSlash(name))
}

// prepare decodes, validates and renders in memory, and checks the out
// dir: everything render and check do before they touch it.
func prepare(c *cli.Context) (rendered, error) {
	var res rendered
	var err error
	res.Result, err = lib.Generate(c.Context, lib.Options{Paths: c.Args().Slice()})
	if err != nil {
		return res, fail(exitUsage, err)
	}
	res.dir, err = outDir(c, res)
	return res, err
}

// outDir checks the --out folder: it may not exist yet, but must not be a
// file, and no output may land on a folder.
func outDir(c *cli.Context, res rendered) (string, error) {
	dir := c.String("out")
	if st, err := os.Stat(dir); err == nil && !st.IsDir() {
		return "", fail(exitUsage, fmt.Errorf("figgen: --out %s is a file, not a folder", dir))
	}
	for _, name := range res.Order {
		path := res.path(name)
		if st, err := os.Stat(path); err == nil && st.IsDir() {
			return "", fail(exitUsage, fmt.Errorf("figgen: %s is a folder; an output is to be written there", path))
		}
	}
	return dir, nil
}

// orphans lists the images in dir that no spec of a whole-folder run
// produces: left behind by a renamed or removed spec. It skips hidden
// folders and any folder holding a project (a .git or a go.mod), and looks
// nowhere when dir itself holds a project or one of the run's specs, so
// --prune can never sweep a source tree.
func orphans(dir string, res rendered) []string {
	if !res.Folder || !outputsOnly(dir, res) {
		return nil
	}
	var found []string
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		if d.IsDir() {
			if p != dir && (strings.HasPrefix(d.Name(), ".") || isProject(p)) {
				return filepath.SkipDir
			}
			return nil
		}
		rel, err := filepath.Rel(dir, p)
		name := filepath.ToSlash(rel)
		if err != nil || strings.HasPrefix(d.Name(), ".") || res.Files[name] != nil {
			return nil
		}
		if slices.Contains(imageExts, path.Ext(name)) {
			found = append(found, p)
		}
		return nil
	})
	sort.Strings(found)
	return found
}

// isProject reports whether dir holds a project rather than outputs.
func isProject(dir string) bool {
	for _, marker := range []string{".git", "go.mod"} {
		if _, err := os.Stat(filepath.Join(dir, marker)); err == nil {
			return true
		}
	}
	return false
}

// outputsOnly reports whether dir looks like an out dir: no project
// markers and none of the run's specs inside it.
func outputsOnly(dir string, res rendered) bool {
	if isProject(dir) {
		return false
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		return false
	}
	for _, f := range res.Specs {
		if a, err := filepath.Abs(f); err != nil || strings.HasPrefix(a, abs+string(filepath.Separator)) {
			return false
		}
	}
	return true
}

func cmdRender(c *cli.Context, stdout io.Writer) error {
	res, err := prepare(c)
	if err != nil {
		return err
	}
	dir := res.dir
	wrote, same := 0, 0
	for _, name := range res.Order {
		path := res.path(name)
		if old, err := os.ReadFile(path); err == nil && bytes.Equal(old, res.Files[name]) {
			same++
			continue
		}
		if err := writeAtomic(path, res.Files[name]); err != nil {
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
	dir := res.dir
	var problems []error
	for _, name := range res.Order {
		path := res.path(name)
		old, err := os.ReadFile(path)
		switch {
		case errors.Is(err, fs.ErrNotExist):
			problems = append(problems, fmt.Errorf("%s: missing", path))
		case err != nil:
			problems = append(problems, fmt.Errorf("%s: %w", path, err))
		case !bytes.Equal(old, res.Files[name]):
			problems = append(problems, fmt.Errorf("%s: stale", path))
		}
	}
	fix := "figgen render"
	for _, path := range orphans(dir, res) {
		problems = append(problems, fmt.Errorf("%s: no spec produces it", path))
		fix = "figgen render --prune"
	}
	if len(problems) > 0 {
		fix = strings.Join(append([]string{fix, "--out", dir}, c.Args().Slice()...), " ")
		problems = append(problems, fmt.Errorf("figgen: %d outputs in %s stale, missing or unexpected; run %s", len(problems), dir, fix))
		return fail(exitStale, errors.Join(problems...))
	}
	fmt.Fprintf(stdout, "%d outputs up to date in %s\n", len(res.Order), dir)
	return nil
}

func cmdValidate(c *cli.Context, stdout io.Writer) error {
	specs, err := lib.Validate(c.Context, lib.Options{Paths: c.Args().Slice()})
	if err != nil {
		return fail(exitUsage, err)
	}
	fmt.Fprintf(stdout, "%d specs valid\n", len(specs))
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

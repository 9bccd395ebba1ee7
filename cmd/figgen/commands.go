package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/urfave/cli/v2"

	"github.com/figgen/figgen/figures"
	"github.com/figgen/figgen/spec"
)

// indexName is the contact sheet written beside the figures.
const indexName = "index.html"

// prepare collects, decodes, validates and renders in memory: everything a
// command needs before it touches the out dir.
func prepare(c *cli.Context) (map[string][]byte, []string, error) {
	j, err := collect(c.Args().Slice())
	if err != nil {
		return nil, nil, fail(exitUsage, err)
	}
	r, err := newRenderer()
	if err != nil {
		return nil, nil, fail(exitStale, err)
	}
	figs, err := load(j.files, r)
	if err != nil {
		return nil, nil, fail(exitUsage, err)
	}
	outs, err := renderAll(figs, r)
	if err != nil {
		return nil, nil, fail(exitUsage, err)
	}
	files := map[string][]byte{}
	var order []string
	for _, fo := range outs {
		for _, o := range fo {
			files[o.Name] = o.Data
			order = append(order, o.Name)
		}
	}
	if j.folder {
		files[indexName] = figures.Index(figs, outs)
		order = append(order, indexName)
	}
	return files, order, nil
}

func cmdRender(c *cli.Context, stdout io.Writer) error {
	files, order, err := prepare(c)
	if err != nil {
		return err
	}
	dir := c.String("out")
	wrote, same := 0, 0
	for _, name := range order {
		path := filepath.Join(dir, filepath.FromSlash(name))
		if old, err := os.ReadFile(path); err == nil && bytes.Equal(old, files[name]) {
			same++
			continue
		}
		if err := writeAtomic(path, files[name]); err != nil {
			return fail(exitStale, fmt.Errorf("figgen: %w", err))
		}
		fmt.Fprintf(stdout, "wrote %s\n", path)
		wrote++
	}
	fmt.Fprintf(stdout, "%d written, %d unchanged in %s\n", wrote, same, dir)
	return nil
}

func cmdCheck(c *cli.Context, stdout io.Writer) error {
	files, order, err := prepare(c)
	if err != nil {
		return err
	}
	dir := c.String("out")
	var problems []error
	for _, name := range order {
		path := filepath.Join(dir, filepath.FromSlash(name))
		old, err := os.ReadFile(path)
		switch {
		case errors.Is(err, os.ErrNotExist):
			problems = append(problems, fmt.Errorf("%s: missing", path))
		case err != nil:
			problems = append(problems, fmt.Errorf("%s: %w", path, err))
		case !bytes.Equal(old, files[name]):
			problems = append(problems, fmt.Errorf("%s: stale", path))
		}
	}
	if len(problems) > 0 {
		problems = append(problems, fmt.Errorf("figgen: %d of %d outputs stale or missing; run figgen render", len(problems), len(order)))
		return fail(exitStale, errors.Join(problems...))
	}
	fmt.Fprintf(stdout, "%d outputs up to date in %s\n", len(order), dir)
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

var _ = spec.Pos{}

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

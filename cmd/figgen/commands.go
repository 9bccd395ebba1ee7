package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"image/color"
	"image/png"
	"io"
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/urfave/cli/v2"

	// Named so as not to clash with the tests' helper figgen.
	lib "github.com/figgen/figgen"
)

// imageExts are the extensions of the images figgen writes.
var imageExts = []string{".png", ".svg", ".pdf"}

// renderSink writes each output of a render to a temporary file in the
// out dir as it is rendered, unless the file already holds its bytes;
// commit renames them into place once every spec is rendered.
type renderSink struct {
	out       *outDir
	dry       bool
	created   bool              // the out dir did not exist: made for the temporary files
	pending   map[string]string // output name → its temporary file ("" in a dry run)
	unchanged int
	foreign   []error
}

func (s *renderSink) Begin(names []string) error { return s.out.blockedAll(names) }

func (s *renderSink) Put(name string, data []byte) error {
	equal, exists, err := same(s.out.path(name), data)
	switch {
	case err != nil:
		return fail(exitStale, fmt.Errorf("figgen: %w", err))
	case equal:
		s.unchanged++
		return nil
	case exists && !s.out.owned[name]:
		s.foreign = append(s.foreign, s.out.foreign(name))
		return nil
	case s.dry:
		s.pending[name] = ""
		return nil
	}
	if !s.out.exists {
		if err := os.MkdirAll(s.out.dir, 0o755); err != nil {
			return fail(exitStale, fmt.Errorf("figgen: %w", err))
		}
		s.out.exists, s.created = true, true
	}
	tmp, err := s.out.writeTemp(data)
	if err != nil {
		return fail(exitStale, fmt.Errorf("figgen: %w", err))
	}
	s.pending[name] = tmp
	return nil
}

// cleanup removes the temporary files not renamed into place, and the out
// dir when the run made it and it is empty.
func (s *renderSink) cleanup() {
	for name, tmp := range s.pending {
		if tmp != "" {
			os.Remove(tmp)
		}
		delete(s.pending, name)
	}
	if s.created {
		os.Remove(s.out.dir) // only if empty
	}
}

// runError returns the error of a run as the command reports it: invalid
// specs exit 2, an interrupted run 1, a sink's error as it says.
func runError(err error) error {
	var ee *exitError
	switch {
	case errors.As(err, &ee):
		return err
	case errors.Is(err, context.Canceled):
		return fail(exitStale, fmt.Errorf("figgen: interrupted; nothing written"))
	}
	return fail(exitUsage, err)
}

func cmdRender(c *cli.Context, stdout io.Writer) error {
	out, err := openOutDir(c.String("out"))
	if err != nil {
		return err
	}
	dry, prune := c.Bool("dry-run"), c.Bool("prune")
	sink := &renderSink{out: out, dry: dry, pending: map[string]string{}}
	defer sink.cleanup()
	res, err := lib.Generate(c.Context, lib.Options{Paths: c.Args().Slice(), Sink: sink, Optimize: c.Bool("optimize")})
	if err != nil {
		return runError(err)
	}
	if len(sink.foreign) > 0 {
		return fail(exitUsage, errors.Join(sink.foreign...))
	}
	wrote, removed := "wrote", "removed"
	if dry {
		wrote, removed = "would write", "would remove"
	}
	// The manifest names every output before any is renamed into place, so
	// that an interrupted run leaves no file figgen wrote unlisted.
	if !dry {
		if err := writeManifest(out, out.manifestFor(res.Order, nil)); err != nil {
			return err
		}
	}
	written := 0
	for _, name := range res.Order {
		tmp, ok := sink.pending[name]
		if !ok {
			continue
		}
		written++
		path := out.path(name)
		if !dry {
			if err := out.mkdirs(name); err != nil {
				return fail(exitStale, fmt.Errorf("figgen: %w", err))
			}
			if err := os.Rename(tmp, path); err != nil {
				return fail(exitStale, fmt.Errorf("figgen: %w", err))
			}
			delete(sink.pending, name)
		}
		fmt.Fprintf(stdout, "%s %s\n", wrote, path)
	}
	for _, tmp := range out.staleTemps(nil) {
		if !dry {
			if err := os.Remove(tmp); err != nil {
				return fail(exitStale, fmt.Errorf("figgen: %w", err))
			}
		}
		fmt.Fprintf(stdout, "%s %s: left by an interrupted run\n", removed, tmp)
	}
	pruned := map[string]bool{}
	if res.Folder {
		for _, name := range out.orphans(res.Order) {
			path := out.path(name)
			switch why := out.blocked(name); {
			case why != "":
				fmt.Fprintf(stdout, "note: %s: no spec produces it, but figgen leaves it: %s\n", path, why)
			case !prune:
				fmt.Fprintf(stdout, "note: %s: no spec produces it (figgen render --prune removes it)\n", path)
			case dry:
				fmt.Fprintf(stdout, "would remove %s: no spec produces it\n", path)
			default:
				if err := os.Remove(path); err != nil {
					return fail(exitStale, fmt.Errorf("figgen: %w", err))
				}
				pruned[name] = true
				removeEmptyFolders(out, name)
				fmt.Fprintf(stdout, "removed %s: no spec produces it\n", path)
			}
		}
	}
	if !dry {
		if err := writeManifest(out, out.manifestFor(res.Order, pruned)); err != nil {
			return err
		}
	}
	if dry {
		fmt.Fprintf(stdout, "%d to write, %d unchanged in %s; nothing changed (--dry-run)\n", written, sink.unchanged, out.dir)
		return nil
	}
	fmt.Fprintf(stdout, "%d written, %d unchanged in %s\n", written, sink.unchanged, out.dir)
	return nil
}

// writeManifest writes m as the out dir's manifest, unless it holds m
// already.
func writeManifest(out *outDir, m manifest) error {
	data := m.bytes()
	if bytes.Equal(out.old, data) {
		return nil
	}
	if err := out.writeAtomic(manifestName, data); err != nil {
		return fail(exitStale, fmt.Errorf("figgen: %w", err))
	}
	out.old = data
	return nil
}

// removeEmptyFolders removes the folders of the pruned output name that it
// leaves empty, up to the out dir.
func removeEmptyFolders(out *outDir, name string) {
	for d := path.Dir(name); d != "."; d = path.Dir(d) {
		if os.Remove(out.path(d)) != nil {
			return
		}
	}
}

// checkSink compares each output of a check with its file as it is
// rendered.
type checkSink struct {
	out      *outDir
	optimize bool             // the run renders with --optimize
	problems map[string]error // output name → stale or missing
	foreign  []error
}

func (s *checkSink) Begin(names []string) error { return s.out.blockedAll(names) }

func (s *checkSink) Put(name string, data []byte) error {
	path := s.out.path(name)
	equal, exists, err := same(path, data)
	switch {
	case err != nil:
		s.problems[name] = fmt.Errorf("%s: %w", path, err)
	case equal:
	case !exists:
		s.problems[name] = fmt.Errorf("%s: missing", path)
	case !s.out.owned[name]:
		s.foreign = append(s.foreign, s.out.foreign(name))
	case strings.HasSuffix(name, ".png") && samePixels(path, data):
		// Most likely rendered with the other setting of --optimize.
		flag := "with --optimize"
		if s.optimize {
			flag = "without --optimize"
		}
		s.problems[name] = fmt.Errorf("%s: stale: the same pixels in other bytes (rendered %s? check it so)", path, flag)
	default:
		s.problems[name] = fmt.Errorf("%s: stale", path)
	}
	return nil
}

// samePixels reports whether the PNG file at path decodes to the pixels of
// the PNG data.
func samePixels(path string, data []byte) bool {
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	a, err := png.Decode(f)
	if err != nil {
		return false
	}
	b, err := png.Decode(bytes.NewReader(data))
	if err != nil || a.Bounds() != b.Bounds() {
		return false
	}
	r := a.Bounds()
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			if color.NRGBA64Model.Convert(a.At(x, y)) != color.NRGBA64Model.Convert(b.At(x, y)) {
				return false
			}
		}
	}
	return true
}

func cmdCheck(c *cli.Context, stdout io.Writer) error {
	out, err := openOutDir(c.String("out"))
	if err != nil {
		return err
	}
	sink := &checkSink{out: out, optimize: c.Bool("optimize"), problems: map[string]error{}}
	res, err := lib.Generate(c.Context, lib.Options{Paths: c.Args().Slice(), Sink: sink, Optimize: c.Bool("optimize")})
	if err != nil {
		return runError(err)
	}
	if len(sink.foreign) > 0 {
		return fail(exitUsage, errors.Join(sink.foreign...))
	}
	var problems []error // in the order of the outputs, whatever order they came in
	for _, name := range res.Order {
		if err := sink.problems[name]; err != nil {
			problems = append(problems, err)
		}
	}
	mpath := filepath.Join(out.dir, manifestName)
	switch want := out.manifestFor(res.Order, nil).bytes(); {
	case out.old == nil:
		problems = append(problems, fmt.Errorf("%s: missing", mpath))
	case !bytes.Equal(out.old, want):
		problems = append(problems, fmt.Errorf("%s: stale", mpath))
	}
	fix := "figgen render"
	if res.Folder {
		for _, name := range out.orphans(res.Order) {
			problems = append(problems, fmt.Errorf("%s: no spec produces it", out.path(name)))
			fix = "figgen render --prune"
		}
	}
	for _, tmp := range out.staleTemps(nil) {
		fmt.Fprintf(stdout, "note: %s: left by an interrupted run (figgen render removes it)\n", tmp)
	}
	if len(problems) > 0 {
		if sink.optimize {
			fix += " --optimize"
		}
		fix = strings.Join(append([]string{fix, "--out", out.dir}, c.Args().Slice()...), " ")
		problems = append(problems, fmt.Errorf("figgen: %d outputs in %s stale, missing or unexpected; run %s", len(problems), out.dir, fix))
		return fail(exitStale, errors.Join(problems...))
	}
	fmt.Fprintf(stdout, "%d outputs up to date in %s\n", len(res.Order), out.dir)
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

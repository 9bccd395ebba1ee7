package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"image/color"
	"image/png"
	"io"
	"maps"
	"os"
	"path"
	"path/filepath"
	"slices"
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
	shard     shard
	created   bool              // the out dir did not exist: made for the temporary files
	pending   map[string]string // output name → its temporary file ("" in a dry run)
	sums      map[string]string // output name → SHA-256 of its bytes
	unchanged []string
	foreign   []error
	progress  *progress
}

func (s *renderSink) Begin(names []string) error { return s.out.blockedAll(names) }

func (s *renderSink) Put(name string, data []byte) error {
	if name == indexName && !s.shard.first() {
		return nil // the contact sheet is the first shard's
	}
	s.progress.step()
	equal, exists, err := same(s.out.path(name), data)
	switch {
	case err != nil:
		return fail(exitStale, fmt.Errorf("figgen: %w", err))
	case equal:
		s.unchanged = append(s.unchanged, name)
		s.sums[name] = sum(data)
		return nil
	case exists && !s.out.owned(name):
		s.foreign = append(s.foreign, s.out.foreign(name))
		return nil
	case s.dry:
		s.pending[name] = ""
		return nil
	}
	s.sums[name] = sum(data)
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

func cmdRender(c *cli.Context, stdout, stderr io.Writer, rep *report) error {
	out, err := openOutDir(c.String("out"))
	if err != nil {
		return err
	}
	out.warn(stderr)
	sh, err := parseShard(c.String("shard"))
	if err != nil {
		return err
	}
	dry, prune := c.Bool("dry-run"), c.Bool("prune")
	paths := c.Args().Slice()
	// The manifest vouches for the fast PNG bytes: --optimize renders.
	if !c.Bool("optimize") {
		if done, err := renderNothing(c, out, paths, sh, stdout, rep); done {
			return err
		}
	}
	sink := &renderSink{out: out, dry: dry, shard: sh, pending: map[string]string{}, sums: map[string]string{}, progress: newProgress(stderr, "rendering")}
	defer sink.cleanup()
	defer sink.progress.done()
	skip := func(f *lib.Figure) bool {
		if !sh.has(f.Spec) {
			return true
		}
		// The manifest records the fast PNG bytes' freshness: --optimize
		// renders every spec again.
		if _, ok := out.fresh(f); ok && !c.Bool("optimize") {
			return true
		}
		sink.progress.total += len(f.Outputs)
		return false
	}
	// The specs whose outputs are fresh are not even decoded, when this
	// machine remembers what decoding them said.
	var reuse func(spec string) (lib.Figure, bool)
	if !c.Bool("optimize") {
		reuse = func(spec string) (lib.Figure, bool) { return out.reusable(spec, sh.has(spec)) }
	}
	res, err := lib.Generate(c.Context, lib.Options{Paths: paths, Sink: sink, Skip: skip, Reuse: reuse, Optimize: c.Bool("optimize")})
	if err != nil {
		return runError(err)
	}
	var skipped []string
	for _, f := range res.Figures {
		if f.Skipped && sh.has(f.Spec) {
			skipped = append(skipped, f.Outputs...)
		}
	}
	if len(sink.foreign) > 0 {
		return fail(exitUsage, errors.Join(sink.foreign...))
	}
	wrote, removed := "wrote", "removed"
	if dry {
		wrote, removed = "would write", "would remove"
	}
	made := out.entriesOf(res.Figures, res.Folder, sink.sums)
	// The manifest names every output before any is renamed into place, so
	// that an interrupted run leaves no file figgen wrote unlisted.
	if !dry {
		if err := writeManifest(out, out.next(made, nil)); err != nil {
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
		rep.Written = append(rep.Written, name)
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
				rep.Unexpected = append(rep.Unexpected, name)
				fmt.Fprintf(stdout, "note: %s: no spec produces it (figgen render --prune removes it)\n", path)
			case dry:
				fmt.Fprintf(stdout, "would remove %s: no spec produces it\n", path)
			default:
				if err := os.Remove(path); err != nil {
					return fail(exitStale, fmt.Errorf("figgen: %w", err))
				}
				pruned[name] = true
				rep.Removed = append(rep.Removed, name)
				removeEmptyFolders(out, name)
				fmt.Fprintf(stdout, "removed %s: no spec produces it\n", path)
			}
		}
	}
	if !dry {
		if err := writeManifest(out, out.next(made, pruned)); err != nil {
			return err
		}
		out.learnFigures(res.Figures)
		out.saveStats()
	}
	unchanged := len(sink.unchanged) + len(skipped)
	rep.Unchanged = append(sink.unchanged, skipped...)
	rep.Skipped = skipped
	if dry {
		fmt.Fprintf(stdout, "%d to write, %d unchanged in %s; nothing changed (--dry-run)\n", written, unchanged, out.dir)
		return nil
	}
	fmt.Fprintf(stdout, "%d written, %d unchanged in %s\n", written, unchanged, out.dir)
	return nil
}

// renderNothing is the render of a run whose every output the manifest
// says is fresh: it reads the specs, their folder defaults and data files
// and the outputs to hash them, decodes nothing, loads no font and
// renders nothing. It reports whether that was so (and the run is done);
// if not, the run goes on as a render that skips the fresh specs.
func renderNothing(c *cli.Context, out *outDir, paths []string, sh shard, stdout io.Writer, rep *report) (bool, error) {
	if out.old == nil || out.build != lib.Build() || c.Bool("prune") {
		return false, nil
	}
	figs, folder, err := lib.Scan(c.Context, lib.Options{Paths: paths}, out.dataOf)
	if err != nil {
		return false, nil
	}
	var names, mine []string // every output of the run, and this shard's
	for i := range figs {
		f := &figs[i]
		if !sh.has(f.Spec) {
			es := out.specEntries(f.Spec)
			if len(es) == 0 {
				return false, nil // its outputs are not known
			}
			for _, e := range es {
				names = append(names, e.Name)
			}
			continue
		}
		outs, ok := out.fresh(f)
		if !ok {
			return false, nil
		}
		names, mine = append(names, outs...), append(mine, outs...)
	}
	if folder {
		names = append(names, indexName)
		if sh.first() {
			if !out.indexFresh(figs) {
				return false, nil
			}
			mine = append(mine, indexName)
		}
	}
	if len(out.staleTemps(nil)) > 0 {
		return false, nil
	}
	for n := range out.entries {
		if out.blocked(n) != "" || !exists(out.path(n)) {
			return false, nil // the manifest is to change
		}
	}
	if folder {
		for _, name := range out.orphans(names) {
			rep.Unexpected = append(rep.Unexpected, name)
			fmt.Fprintf(stdout, "note: %s: no spec produces it (figgen render --prune removes it)\n", out.path(name))
		}
	}
	rep.Unchanged, rep.Skipped = mine, mine
	if c.Bool("dry-run") {
		fmt.Fprintf(stdout, "0 to write, %d unchanged in %s; nothing changed (--dry-run)\n", len(mine), out.dir)
		return true, nil
	}
	out.saveStats()
	fmt.Fprintf(stdout, "0 written, %d unchanged in %s\n", len(mine), out.dir)
	return true, nil
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
	shard    shard
	diff     string            // --diff: where to write stale images, new and old, and their difference
	problems map[string]error  // output name → stale or missing
	sums     map[string]string // output name → SHA-256 of its bytes
	optimize bool              // the run renders with --optimize
	foreign  []error
	progress *progress
}

func (s *checkSink) Begin(names []string) error { return s.out.blockedAll(names) }

func (s *checkSink) Put(name string, data []byte) error {
	if name == indexName && !s.shard.first() {
		return nil
	}
	s.progress.step()
	s.sums[name] = sum(data)
	path := s.out.path(name)
	equal, exists, err := same(path, data)
	switch {
	case err != nil:
		s.problems[name] = fmt.Errorf("%s: %w", path, err)
	case equal:
	case !exists:
		s.problems[name] = fmt.Errorf("%s: missing", path)
	case !s.out.owned(name):
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
		if s.diff != "" {
			if err := writeDiff(s.diff, name, path, data); err != nil {
				return fail(exitStale, fmt.Errorf("figgen: --diff: %w", err))
			}
		}
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

func cmdCheck(c *cli.Context, stdout, stderr io.Writer, rep *report) error {
	out, err := openOutDir(c.String("out"))
	if err != nil {
		return err
	}
	out.warn(stderr)
	sh, err := parseShard(c.String("shard"))
	if err != nil {
		return err
	}
	post, err := readPost(c.String("post"))
	if err != nil {
		return err
	}
	paths := c.Args().Slice()
	var (
		problems []error // in the order of the outputs, whatever order they came in
		notes    []string
		order    []string // every output of the run
		folder   bool
		stale    = map[string]bool{}
		missing  = map[string]bool{}
	)
	fix := "figgen render"
	if c.Bool("fast") {
		if c.String("diff") != "" {
			return fail(exitUsage, fmt.Errorf("figgen check: --diff needs the new images: it does not go with --fast"))
		}
		var figs []lib.Figure
		figs, folder, err = lib.Scan(c.Context, lib.Options{Paths: paths}, out.dataOf)
		if err != nil {
			return runError(err)
		}
		if out.old == nil {
			return fail(exitStale, fmt.Errorf("figgen: %s: no manifest figgen can trust; check --fast has nothing to go by: run figgen check", filepath.Join(out.dir, manifestName)))
		}
		for i := range figs {
			f := &figs[i]
			es := out.specEntries(f.Spec)
			for _, e := range es {
				order = append(order, e.Name)
			}
			if !sh.has(f.Spec) {
				continue
			}
			if _, ok := out.fresh(f); ok {
				continue
			}
			if len(es) == 0 {
				problems = append(problems, fmt.Errorf("%s: no output of it in %s", f.Spec, out.dir))
				continue
			}
			keyed := out.build == lib.Build()
			for _, e := range es {
				keyed = keyed && e.Inputs == f.Key
			}
			for _, e := range es {
				if keyed && e.SHA256 == out.sumOf(e.Name) {
					continue // the inputs are the same; another output was edited
				}
				stale[e.Name] = true
				if out.sumOf(e.Name) == "" {
					missing[e.Name] = true
					problems = append(problems, fmt.Errorf("%s: missing", out.path(e.Name)))
				} else {
					problems = append(problems, fmt.Errorf("%s: stale", out.path(e.Name)))
				}
			}
		}
		if folder {
			order = append(order, indexName)
			if sh.first() && !out.indexFresh(figs) {
				stale[indexName] = true
				problems = append(problems, fmt.Errorf("%s: stale", out.path(indexName)))
			}
		}
		out.saveStats()
	} else {
		if d := c.String("diff"); d != "" {
			if err := os.MkdirAll(d, 0o755); err != nil {
				return fail(exitStale, fmt.Errorf("figgen: --diff: %w", err))
			}
		}
		sink := &checkSink{out: out, shard: sh, diff: c.String("diff"), optimize: c.Bool("optimize"), problems: map[string]error{}, sums: map[string]string{}, progress: newProgress(stderr, "checking")}
		skip := func(f *lib.Figure) bool {
			if !sh.has(f.Spec) {
				return true
			}
			sink.progress.total += len(f.Outputs)
			return false
		}
		res, err := lib.Generate(c.Context, lib.Options{Paths: paths, Sink: sink, Skip: skip, Optimize: c.Bool("optimize")})
		sink.progress.done()
		if err != nil {
			return runError(err)
		}
		if len(sink.foreign) > 0 {
			return fail(exitUsage, errors.Join(sink.foreign...))
		}
		order, folder = res.Order, res.Folder
		for _, name := range res.Order {
			if err := sink.problems[name]; err != nil {
				stale[name] = true
				if strings.HasSuffix(err.Error(), ": missing") {
					missing[name] = true
				}
				problems = append(problems, err)
			}
		}
		// The manifest must record what was written: the outputs and their
		// bytes. Keys from other inputs or another figgen whose images are
		// the same only make the next render re-render them: a note.
		mpath := filepath.Join(out.dir, manifestName)
		made := out.entriesOf(res.Figures, res.Folder, sink.sums)
		switch {
		case out.old == nil && out.warning == nil:
			problems = append(problems, fmt.Errorf("%s: missing", mpath))
		case out.old == nil:
			problems = append(problems, fmt.Errorf("%s: not figgen's (%v)", mpath, out.warning))
		default:
			names := slices.Sorted(maps.Keys(made))
			for _, n := range names {
				if stale[n] {
					continue
				}
				want, had := made[n], out.entries[n]
				switch {
				case had.Name == "":
					problems = append(problems, fmt.Errorf("%s: does not list %s", mpath, n))
				case had.Spec != want.Spec || had.SHA256 != want.SHA256 || !slices.Equal(had.Data, want.Data):
					problems = append(problems, fmt.Errorf("%s: stale for %s", mpath, n))
				case had.Inputs != want.Inputs:
					notes = append(notes, n)
				}
			}
		}
	}
	if len(notes) > 0 {
		fmt.Fprintf(stdout, "note: %s: %d outputs recorded from other inputs or by another figgen build, with the same bytes (figgen render records them anew)\n", filepath.Join(out.dir, manifestName), len(notes))
	}
	if folder {
		for _, name := range out.orphans(order) {
			rep.Unexpected = append(rep.Unexpected, name)
			problems = append(problems, fmt.Errorf("%s: no spec produces it", out.path(name)))
			fix = "figgen render --prune"
		}
	}
	for _, tmp := range out.staleTemps(nil) {
		fmt.Fprintf(stdout, "note: %s: left by an interrupted run (figgen render removes it)\n", tmp)
	}
	for _, n := range order {
		switch {
		case missing[n]:
			rep.Missing = append(rep.Missing, n)
		case stale[n]:
			rep.Stale = append(rep.Stale, n)
		}
	}
	postBad := false
	if post != nil {
		postBad = post.report(stdout, out, order, stale, rep)
	}
	if len(problems) > 0 {
		if c.Bool("optimize") {
			fix += " --optimize"
		}
		fix = strings.Join(append([]string{fix, "--out", out.dir}, paths...), " ")
		problems = append(problems, fmt.Errorf("figgen: %d outputs in %s stale, missing or unexpected; run %s", len(problems), out.dir, fix))
		return fail(exitStale, errors.Join(problems...))
	}
	if postBad {
		return fail(exitStale, errors.New(""))
	}
	fmt.Fprintf(stdout, "%d outputs up to date in %s\n", len(order), out.dir)
	return nil
}

func cmdSnippet(c *cli.Context, stdout, _ io.Writer, _ *report) error {
	format := c.String("format")
	if format != "markdown" && format != "html" {
		return fail(exitUsage, fmt.Errorf("figgen snippet: unknown --format %q (want markdown or html)", format))
	}
	if c.NArg() == 0 {
		return fail(exitUsage, errors.New("figgen snippet: name the specs to show; see figgen snippet --help"))
	}
	figs, err := lib.Describe(c.Context, lib.Options{Paths: c.Args().Slice()})
	if err != nil {
		return fail(exitUsage, err)
	}
	var out []string
	for _, f := range figs {
		s, err := lib.Snippet(f, format, c.String("base"))
		if err != nil {
			return fail(exitUsage, fmt.Errorf("figgen: %w", err))
		}
		out = append(out, s)
	}
	sep := "\n"
	if format == "html" {
		sep = "\n\n"
	}
	fmt.Fprintln(stdout, strings.Join(out, sep))
	return nil
}

func cmdExpand(c *cli.Context, stdout, _ io.Writer, _ *report) error {
	if c.NArg() == 0 {
		return fail(exitUsage, errors.New("figgen expand: name the specs to expand; see figgen expand --help"))
	}
	exps, err := lib.Expand(c.Context, lib.Options{Paths: c.Args().Slice()})
	if err != nil {
		return fail(exitUsage, err)
	}
	for i, x := range exps {
		if i > 0 {
			fmt.Fprintln(stdout, "---")
		}
		stdout.Write(x.YAML)
	}
	return nil
}

func cmdValidate(c *cli.Context, stdout, _ io.Writer, _ *report) error {
	specs, err := lib.Validate(c.Context, lib.Options{Paths: c.Args().Slice()})
	if err != nil {
		return fail(exitUsage, err)
	}
	fmt.Fprintf(stdout, "%d specs valid\n", len(specs))
	return nil
}

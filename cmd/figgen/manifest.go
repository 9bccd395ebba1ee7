package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"sync"

	lib "github.com/figgen/figgen"
)

// manifest is the file .figgen.json of an out dir: the files figgen wrote
// there, slash-separated and relative to it, sorted, and for each what it
// was made of. It is what makes a render that changes nothing instant and
// what keeps figgen from touching files it did not write.
type manifest struct {
	// Figgen is lib.Build() of the figgen that wrote it.
	Figgen  string          `json:"figgen,omitempty"`
	Outputs []manifestEntry `json:"outputs"`
}

type manifestEntry struct {
	Name string `json:"name"`
	// Spec is the spec file that made it, relative to the out dir and
	// slash-separated ("../specs/05-reaction-condition.yaml"), so that the
	// manifest is the same wherever the checkout is and however the specs
	// were named on the command line; "" for index.html.
	Spec string `json:"spec,omitempty"`
	// Data are the spec's data files, named as Spec is.
	Data []string `json:"data,omitempty"`
	// Inputs is lib.InputKey of the spec, its folder defaults and data
	// files (for index.html, indexKey of the run's specs).
	Inputs string `json:"inputs,omitempty"`
	// SHA256 is the hash of the bytes written, in hex (as sha256sum
	// prints it).
	SHA256 string `json:"sha256,omitempty"`
}

// keySyntax and sumSyntax match a key ("sha256:" and a hash) and a
// hash in hex; compiled when first used, not at every start.
var (
	keySyntax = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^sha256:[0-9a-f]{64}$`) })
	sumSyntax = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^[0-9a-f]{64}$`) })
)

// bytes returns the manifest as JSON, one output a line so that it diffs
// well: the same manifest gives the same bytes.
func (m manifest) bytes() []byte {
	var b bytes.Buffer
	b.WriteString("{\n")
	if m.Figgen != "" {
		fmt.Fprintf(&b, "  \"figgen\": %q,\n", m.Figgen)
	}
	b.WriteString("  \"outputs\": [")
	for i, e := range m.Outputs {
		line, err := json.Marshal(e)
		if err != nil {
			panic(err) // strings only: cannot fail
		}
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString("\n    ")
		b.Write(line)
	}
	if len(m.Outputs) > 0 {
		b.WriteString("\n  ")
	}
	b.WriteString("]\n}\n")
	return b.Bytes()
}

// parseManifest reads the bytes of a manifest. It refuses anything figgen
// would not have written: bad JSON, unknown fields, a name that is no
// output's, a hash that is no hash, names unsorted or twice, and any
// layout but figgen's own (a hand-edited manifest). Such a manifest is
// not trusted at all, neither for what is fresh nor for which files are
// figgen's.
func parseManifest(data []byte) (manifest, error) {
	var m manifest
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&m); err != nil {
		return manifest{}, fmt.Errorf("not JSON of a figgen manifest (%v)", err)
	}
	if m.Figgen != "" && !keySyntax().MatchString(m.Figgen) {
		return manifest{}, fmt.Errorf("figgen %q is no build of figgen", m.Figgen)
	}
	for i, e := range m.Outputs {
		switch {
		case !ownable(e.Name):
			return manifest{}, fmt.Errorf("%q is no name of an output", e.Name)
		case i > 0 && m.Outputs[i-1].Name >= e.Name:
			return manifest{}, fmt.Errorf("%q is out of order or listed twice", e.Name)
		case e.Inputs != "" && !keySyntax().MatchString(e.Inputs), e.SHA256 != "" && !sumSyntax().MatchString(e.SHA256):
			return manifest{}, fmt.Errorf("%q has a malformed hash", e.Name)
		}
	}
	if !bytes.Equal(m.bytes(), data) {
		return manifest{}, errors.New("not laid out as figgen writes it (edited by hand?)")
	}
	return m, nil
}

// outDir is the --out folder of a run and what figgen knows of it.
type outDir struct {
	dir     string
	exists  bool
	entries map[string]manifestEntry   // the manifest's, by name: the files figgen wrote
	build   string                     // the manifest's Figgen
	old     []byte                     // the manifest's bytes; nil when there is none or it is not trusted
	warning error                      // why the manifest there is not trusted
	sums    map[string]string          // the hashes of files of the out dir, as read by sumOf
	bySpec  map[string][]manifestEntry // the entries by Spec, sorted by name: made by specEntries
	stats   *statCache                 // the hashes this machine knows of the out dir's files: made by sumOf
	abs     string                     // dir made absolute, or "" when it cannot be
	cwd     string                     // the working directory then
}

// owned reports whether figgen wrote the file name of the out dir.
func (o *outDir) owned(name string) bool {
	_, ok := o.entries[name]
	return ok
}

// openOutDir checks the --out folder, which may not exist yet, and reads
// its manifest. A manifest that cannot be trusted is set aside with a
// warning (o.warning): the run then owns no file but those it writes.
func openOutDir(dir string) (*outDir, error) {
	o := &outDir{dir: dir, entries: map[string]manifestEntry{}, sums: map[string]string{}}
	if cwd, err := os.Getwd(); err == nil {
		o.cwd, o.abs = cwd, absIn(cwd, dir)
	}
	st, err := os.Stat(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return o, nil
	case err != nil:
		return nil, fail(exitStale, fmt.Errorf("figgen: %w", err))
	case !st.IsDir():
		return nil, fail(exitUsage, fmt.Errorf("figgen: --out %s is a file, not a folder", dir))
	}
	o.exists = true
	p := filepath.Join(dir, manifestName)
	if st, err := os.Lstat(p); err == nil && !st.Mode().IsRegular() {
		return nil, fail(exitUsage, fmt.Errorf("figgen: %s is not a regular file; it is where figgen lists the files it wrote in %s", p, dir))
	}
	data, err := readRegular(p, maxManifestBytes)
	if errors.Is(err, fs.ErrNotExist) {
		return o, nil
	}
	if err != nil {
		o.warning = err
		return o, nil
	}
	m, err := parseManifest(data)
	if err != nil {
		o.warning = fmt.Errorf("%s: %w", p, err)
		return o, nil
	}
	for _, e := range m.Outputs {
		o.entries[e.Name] = e
	}
	o.build, o.old = m.Figgen, data
	return o, nil
}

// warn says on w why the manifest is set aside, if it is.
func (o *outDir) warn(w interface{ Write([]byte) (int, error) }) {
	if o.warning != nil {
		fmt.Fprintf(w, "figgen: warning: %v; ignored: every spec is rendered, only files equal to their output are taken for figgen's, and the manifest is written anew\n", o.warning)
	}
}

// rel names the spec or data file p as the manifest does: relative to the
// out dir, slash-separated.
func (o *outDir) rel(p string) string {
	if o.abs == "" {
		return filepath.ToSlash(p)
	}
	ap := absIn(o.cwd, p)
	r, err := filepath.Rel(o.abs, ap)
	if err != nil {
		return filepath.ToSlash(ap)
	}
	return filepath.ToSlash(r)
}

// absIn returns the path p made absolute in the folder cwd, cleaned, as
// filepath.Abs does without asking for the working directory each time.
func absIn(cwd, p string) string {
	if filepath.IsAbs(p) {
		return filepath.Clean(p)
	}
	return filepath.Join(cwd, p)
}

// unrel names the manifest's file r as the command line would: the
// inverse of rel.
func (o *outDir) unrel(r string) string {
	if filepath.IsAbs(filepath.FromSlash(r)) {
		return filepath.FromSlash(r)
	}
	return filepath.Join(o.dir, filepath.FromSlash(r))
}

// sumOf returns the SHA-256 of the regular file name of the out dir in
// hex, or "" when there is none (or a link, or a folder, …), reading each
// file once a run.
func (o *outDir) sumOf(name string) string {
	if s, ok := o.sums[name]; ok {
		return s
	}
	s := ""
	if o.blocked(name) == "" {
		s = o.hash(name)
	}
	o.sums[name] = s
	return s
}

// hash returns the SHA-256 of the regular file name of the out dir in hex,
// from the stat cache when the file's lstat is what the cache knows, else
// reading it as it hashes; "" when it is no regular file, cannot be read
// or is over maxOutputBytes.
func (o *outDir) hash(name string) string {
	p := o.path(name)
	st, err := os.Lstat(p)
	if err != nil || !st.Mode().IsRegular() {
		return ""
	}
	if s, ok := o.statCache().lookup(name, st); ok {
		return s
	}
	f, err := os.Open(p)
	if err != nil {
		return ""
	}
	defer f.Close()
	before, err := f.Stat()
	if err != nil || !os.SameFile(st, before) {
		return ""
	}
	h := sha256.New()
	n, err := io.Copy(h, io.LimitReader(f, maxOutputBytes+1))
	if err != nil || n > maxOutputBytes {
		return ""
	}
	s := hex.EncodeToString(h.Sum(nil))
	if after, err := f.Stat(); err == nil {
		o.stats.learn(name, before, after, s)
	}
	return s
}

// saveStats keeps what the run learnt of the out dir's files in the stat
// cache, for the next run on this machine.
func (o *outDir) saveStats() {
	if o.stats == nil {
		return
	}
	keys := map[figKey]bool{}
	for _, e := range o.entries {
		keys[figKey{e.Spec, e.Inputs}] = true
	}
	o.stats.save(o.owned, func(k figKey) bool { return keys[k] })
}

// statCache returns the stat cache of the out dir, reading it on first use.
func (o *outDir) statCache() *statCache {
	if o.stats == nil {
		o.stats = openStatCache(o.abs)
	}
	return o.stats
}

// learnFigures keeps in the stat cache what a run said of its figures:
// what a later run needs to reuse them without decoding their specs.
func (o *outDir) learnFigures(figs []lib.Figure) {
	for _, f := range figs {
		o.statCache().learnFigure(o.rel(f.Spec), f)
	}
}

// reusable returns the Figure of the spec file spec as the run that made
// its outputs saw it (lib.Options.Reuse): the manifest gives its key, data
// files and outputs, this machine's stat cache what decoding it said
// (formats, alt text, size), and, when it is in the run's shard (mine),
// its outputs must be fresh. lib.Generate then checks the spec's inputs
// against the key before it takes the Figure for the spec's.
func (o *outDir) reusable(spec string, mine bool) (lib.Figure, bool) {
	if o.old == nil || o.build != lib.Build() {
		return lib.Figure{}, false
	}
	es := o.specEntries(spec)
	if len(es) == 0 {
		return lib.Figure{}, false
	}
	for _, e := range es {
		if e.Inputs != es[0].Inputs || !slices.Equal(e.Data, es[0].Data) {
			return lib.Figure{}, false
		}
	}
	fi, ok := o.statCache().figure(figKey{es[0].Spec, es[0].Inputs})
	if !ok {
		return lib.Figure{}, false
	}
	f := lib.Figure{Spec: spec, Data: o.dataOf(spec), Key: es[0].Inputs, Files: slices.Clone(fi.files), Alt: fi.alt, Width: fi.width, Height: fi.height}
	for _, out := range f.Files {
		f.Outputs = append(f.Outputs, out.Name)
	}
	if _, fresh := o.fresh(&f); mine && !fresh {
		return lib.Figure{}, false
	}
	return f, true
}

// maxOutputBytes bounds what figgen reads of a file it wrote to hash it:
// far more than the largest figure.
const maxOutputBytes = 1 << 30

func sum(data []byte) string {
	h := sha256.Sum256(data)
	return hex.EncodeToString(h[:])
}

// specEntries returns the manifest's entries of the spec file spec.
func (o *outDir) specEntries(spec string) []manifestEntry {
	if o.bySpec == nil {
		o.bySpec = map[string][]manifestEntry{}
		for _, e := range o.entries {
			o.bySpec[e.Spec] = append(o.bySpec[e.Spec], e)
		}
		for _, es := range o.bySpec {
			sort.Slice(es, func(i, j int) bool { return es[i].Name < es[j].Name })
		}
	}
	return o.bySpec[o.rel(spec)]
}

// fresh reports whether the outputs of fig are up to date in the out dir,
// and names them: the manifest is trusted and was written by this figgen
// (lib.Build), it lists outputs of fig's spec made from inputs with fig's
// Key (and, when fig.Outputs is set, exactly those), and each file there
// still has the bytes written. It reads nothing but the outputs; fig is
// what lib.Scan or lib.Generate says of the spec, its folder defaults and
// its data files. This is all a render, check --fast or a watching server
// needs to decide whether to render a spec again.
func (o *outDir) fresh(fig *lib.Figure) ([]string, bool) {
	if o.old == nil || o.build != lib.Build() {
		return nil, false
	}
	es := o.specEntries(fig.Spec)
	if len(es) == 0 {
		return nil, false
	}
	var names []string
	for _, e := range es {
		if e.Inputs != fig.Key || e.SHA256 == "" || !slices.Equal(e.Data, o.rels(fig.Data)) {
			return nil, false
		}
		names = append(names, e.Name)
	}
	if fig.Outputs != nil && !sameSet(names, fig.Outputs) {
		return nil, false
	}
	for _, e := range es {
		if o.sumOf(e.Name) != e.SHA256 {
			return nil, false
		}
	}
	return names, true
}

// rels names the files ps as the manifest does.
func (o *outDir) rels(ps []string) []string {
	var rs []string
	for _, p := range ps {
		rs = append(rs, o.rel(p))
	}
	return rs
}

// dataOf returns the data files the manifest records for spec, named for
// reading: what lib.Scan needs to key it.
func (o *outDir) dataOf(spec string) []string {
	for _, e := range o.specEntries(spec) {
		var ds []string
		for _, d := range e.Data {
			ds = append(ds, o.unrel(d))
		}
		return ds
	}
	return nil
}

func sameSet(a, b []string) bool {
	a, b = slices.Clone(a), slices.Clone(b)
	slices.Sort(a)
	slices.Sort(b)
	return slices.Equal(a, b)
}

// indexKey is the key of the contact sheet of a run over a folder: it
// shows every figure of the run, so it is fresh when the set of specs and
// each one's key are.
func (o *outDir) indexKey(figs []lib.Figure) string {
	h := sha256.New()
	fmt.Fprintf(h, "figgen index 1\x00%s\x00", lib.Build())
	for _, f := range figs {
		fmt.Fprintf(h, "%s\x00%s\x00", o.rel(f.Spec), f.Key)
	}
	return "sha256:" + hex.EncodeToString(h.Sum(nil))
}

// indexFresh reports whether index.html is up to date for a run of figs.
func (o *outDir) indexFresh(figs []lib.Figure) bool {
	e, ok := o.entries[indexName]
	return ok && o.old != nil && o.build == lib.Build() && e.Inputs == o.indexKey(figs) && e.SHA256 != "" && o.sumOf(indexName) == e.SHA256
}

const indexName = "index.html"

// next returns the manifest the out dir has after a run that made the
// entries made (rendered or found fresh), removed the files removed:
// those entries, and the files figgen wrote before that are still there,
// with what it knew of them.
func (o *outDir) next(made map[string]manifestEntry, removed map[string]bool) manifest {
	all := map[string]manifestEntry{}
	for n, e := range o.entries {
		if !removed[n] && o.blocked(n) == "" && exists(o.path(n)) {
			all[n] = e
		}
	}
	for n, e := range made {
		if !removed[n] {
			all[n] = e
		}
	}
	m := manifest{Figgen: lib.Build(), Outputs: []manifestEntry{}}
	for _, e := range all {
		m.Outputs = append(m.Outputs, e)
	}
	sort.Slice(m.Outputs, func(i, j int) bool { return m.Outputs[i].Name < m.Outputs[j].Name })
	return m
}

// entriesOf returns the manifest entries of the outputs of a run whose
// bytes hash to sums (by name), its figures figs.
func (o *outDir) entriesOf(figs []lib.Figure, folder bool, sums map[string]string) map[string]manifestEntry {
	made := map[string]manifestEntry{}
	for _, f := range figs {
		for _, n := range f.Outputs {
			s, ok := sums[n]
			if !ok {
				continue
			}
			made[n] = manifestEntry{Name: n, Spec: o.rel(f.Spec), Data: o.rels(f.Data), Inputs: f.Key, SHA256: s}
		}
	}
	if s, ok := sums[indexName]; ok && folder {
		made[indexName] = manifestEntry{Name: indexName, Inputs: o.indexKey(figs), SHA256: s}
	}
	return made
}

// path returns where the output name lands on disk.
func (o *outDir) path(name string) string {
	return filepath.Join(o.dir, filepath.FromSlash(name))
}

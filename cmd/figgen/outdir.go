package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
)

// The out dir holds the outputs of specs, and figgen's manifest of the
// files it wrote there: figgen overwrites or removes no other file.
const (
	manifestName = ".figgen.json"
	// maxManifestBytes bounds what figgen reads of a manifest.
	maxManifestBytes = 16 << 20
	// tempPattern names the temporary files figgen writes in the out dir
	// before renaming them into place (os.CreateTemp puts digits for *).
	tempPattern = ".figgen-*.tmp"
)

// tempName matches tempPattern, and nothing else is taken for one of
// figgen's temporary files.
var tempName = regexp.MustCompile(`^\.figgen-[0-9]+\.tmp$`)

// manifest is the file .figgen.json of an out dir: the files figgen wrote
// there, slash-separated and relative to it, sorted. It is a JSON object
// so that later versions may record more of each output.
type manifest struct {
	Outputs []manifestEntry `json:"outputs"`
}

type manifestEntry struct {
	Name string `json:"name"`
}

// newManifest returns the manifest of the names, sorted, each once.
func newManifest(names []string) manifest {
	names = slices.Clone(names)
	slices.Sort(names)
	names = slices.Compact(names)
	m := manifest{Outputs: []manifestEntry{}}
	for _, n := range names {
		m.Outputs = append(m.Outputs, manifestEntry{Name: n})
	}
	return m
}

func (m manifest) names() []string {
	var out []string
	for _, e := range m.Outputs {
		out = append(out, e.Name)
	}
	return out
}

// bytes returns the manifest as JSON, one output a line so that it diffs
// well: the same names give the same bytes.
func (m manifest) bytes() []byte {
	var b bytes.Buffer
	b.WriteString("{\n  \"outputs\": [")
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

// outDir is the --out folder of a run and what figgen knows of it.
type outDir struct {
	dir    string
	exists bool
	owned  map[string]bool // names in the manifest
	old    []byte          // the manifest's bytes; nil when there is none
}

// path returns where the output name lands on disk.
func (o *outDir) path(name string) string {
	return filepath.Join(o.dir, filepath.FromSlash(name))
}

// openOutDir checks the --out folder, which may not exist yet, and reads
// its manifest.
func openOutDir(dir string) (*outDir, error) {
	o := &outDir{dir: dir, owned: map[string]bool{}}
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
	data, err := readRegular(p, maxManifestBytes)
	if errors.Is(err, fs.ErrNotExist) {
		return o, nil
	}
	if err != nil {
		return nil, fail(exitUsage, fmt.Errorf("figgen: %w", err))
	}
	var m manifest
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&m); err != nil {
		return nil, fail(exitUsage, fmt.Errorf("figgen: %s: not a figgen manifest (%v); it lists the files figgen wrote in %s", p, err, dir))
	}
	for _, e := range m.Outputs {
		if !ownable(e.Name) {
			return nil, fail(exitUsage, fmt.Errorf("figgen: %s: %q is no name of an output; it lists the files figgen wrote in %s", p, e.Name, dir))
		}
		o.owned[e.Name] = true
	}
	o.old = data
	return o, nil
}

// ownable reports whether name can be an output: a relative path inside
// the out dir, naming an image or index.html. A manifest naming anything
// else is refused, so that --prune cannot be made to remove it.
func ownable(name string) bool {
	if !fs.ValidPath(name) || name == "." || strings.ContainsAny(name, `\:`) || strings.HasPrefix(path.Base(name), ".") {
		return false
	}
	return name == "index.html" || slices.Contains(imageExts, path.Ext(name))
}

// readRegular reads the regular file p, at most limit bytes: a link, a
// device or a named pipe is refused before it is opened.
func readRegular(p string, limit int64) ([]byte, error) {
	st, err := os.Lstat(p)
	if err != nil {
		return nil, err
	}
	if !st.Mode().IsRegular() {
		return nil, fmt.Errorf("%s: not a regular file", p)
	}
	f, err := os.Open(p)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > limit {
		return nil, fmt.Errorf("%s: over %d MiB", p, limit>>20)
	}
	return data, nil
}

// blocked reports why the output name cannot be written in the out dir,
// or "" when it can: each folder on its way must be a folder (a link to
// one is not followed), and the output itself a regular file or absent.
// It does not look at whose file it is (see sameOrOwned).
func (o *outDir) blocked(name string) string {
	if !o.exists {
		return ""
	}
	elems := strings.Split(name, "/")
	for i := range elems {
		p := o.path(strings.Join(elems[:i+1], "/"))
		st, err := os.Lstat(p)
		switch {
		case errors.Is(err, fs.ErrNotExist):
			return ""
		case err != nil:
			return err.Error()
		case st.Mode()&fs.ModeSymlink != 0:
			return fmt.Sprintf("%s is a symbolic link; figgen writes nothing through links in the out dir", p)
		case i < len(elems)-1 && !st.IsDir():
			return fmt.Sprintf("%s is a file; output %s needs a folder there", p, name)
		case i == len(elems)-1 && st.IsDir():
			return fmt.Sprintf("%s is a folder; an output is to be written there", p)
		case i == len(elems)-1 && !st.Mode().IsRegular():
			return fmt.Sprintf("%s is not a regular file; an output is to be written there", p)
		}
	}
	return ""
}

// blockedAll checks every output name of a run, and the manifest's place,
// before anything is rendered or written, and reports every problem.
func (o *outDir) blockedAll(names []string) error {
	var errs []error
	for _, name := range append(slices.Clone(names), manifestName) {
		if why := o.blocked(name); why != "" {
			errs = append(errs, fmt.Errorf("figgen: %s", why))
		}
	}
	if len(errs) > 0 {
		return fail(exitUsage, errors.Join(errs...))
	}
	return nil
}

// same reports whether the file at p holds exactly data, reading no more
// of it than data's length and a byte; exists whether there is a file.
func same(p string, data []byte) (equal, exists bool, err error) {
	st, err := os.Lstat(p)
	if errors.Is(err, fs.ErrNotExist) {
		return false, false, nil
	}
	if err != nil {
		return false, false, err
	}
	if !st.Mode().IsRegular() || st.Size() != int64(len(data)) {
		return false, true, nil
	}
	old, err := readRegular(p, int64(len(data)))
	if err != nil {
		return false, true, err
	}
	return bytes.Equal(old, data), true, nil
}

// foreign is the error for an output whose file figgen did not write.
func (o *outDir) foreign(name string) error {
	return fmt.Errorf("figgen: %s was not written by figgen (it is not in %s) and differs from the output; figgen leaves it alone: move it away or choose another --out",
		o.path(name), filepath.Join(o.dir, manifestName))
}

// manifestFor returns the manifest the out dir has after a render of
// names: the files figgen wrote there before and that are still there, and
// names, less removed.
func (o *outDir) manifestFor(names []string, removed map[string]bool) manifest {
	var all []string
	for n := range o.owned {
		if !removed[n] && o.blocked(n) == "" && exists(o.path(n)) {
			all = append(all, n)
		}
	}
	for _, n := range names {
		if !removed[n] {
			all = append(all, n)
		}
	}
	return newManifest(all)
}

func exists(p string) bool {
	_, err := os.Lstat(p)
	return err == nil
}

// orphans returns the files in the manifest that no output of names is,
// and that are still there, sorted: those of renamed or removed specs.
func (o *outDir) orphans(names []string) []string {
	produced := map[string]bool{}
	for _, n := range names {
		produced[n] = true
	}
	var found []string
	for n := range o.owned {
		if !produced[n] && exists(o.path(n)) {
			found = append(found, n)
		}
	}
	slices.Sort(found)
	return found
}

// staleTemps returns the temporary files of interrupted runs in the out
// dir, sorted.
func (o *outDir) staleTemps(ours map[string]bool) []string {
	ents, err := os.ReadDir(o.dir)
	if err != nil {
		return nil
	}
	var found []string
	for _, e := range ents {
		p := filepath.Join(o.dir, e.Name())
		if tempName.MatchString(e.Name()) && e.Type().IsRegular() && !ours[p] {
			found = append(found, p)
		}
	}
	return found
}

// mkdirs makes the folders of the output name in the out dir, refusing to
// go through a link.
func (o *outDir) mkdirs(name string) error {
	elems := strings.Split(name, "/")
	for i := range len(elems) - 1 {
		p := o.path(strings.Join(elems[:i+1], "/"))
		err := os.Mkdir(p, 0o755)
		if err == nil || !errors.Is(err, fs.ErrExist) {
			if err != nil {
				return err
			}
			continue
		}
		st, err := os.Lstat(p)
		if err != nil {
			return err
		}
		if !st.IsDir() {
			return fmt.Errorf("%s is not a folder", p)
		}
	}
	return nil
}

// writeTemp writes data to a new temporary file in the out dir and returns
// its path.
func (o *outDir) writeTemp(data []byte) (string, error) {
	tmp, err := os.CreateTemp(o.dir, tempPattern)
	if err != nil {
		return "", err
	}
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		os.Remove(tmp.Name())
		return "", err
	}
	if err := tmp.Chmod(0o644); err != nil {
		tmp.Close()
		os.Remove(tmp.Name())
		return "", err
	}
	if err := tmp.Close(); err != nil {
		os.Remove(tmp.Name())
		return "", err
	}
	return tmp.Name(), nil
}

// writeAtomic writes data to the file name of the out dir through a
// temporary file and a rename, so a reader never sees a half-written file.
func (o *outDir) writeAtomic(name string, data []byte) error {
	tmp, err := o.writeTemp(data)
	if err != nil {
		return err
	}
	if err := os.Rename(tmp, o.path(name)); err != nil {
		os.Remove(tmp)
		return err
	}
	return nil
}

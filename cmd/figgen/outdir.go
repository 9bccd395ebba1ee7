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
	"regexp"
	"slices"
	"strings"
	"sync"
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
var tempName = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^\.figgen-[0-9]+\.tmp$`) })

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
	for n := range o.entries {
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
		if tempName().MatchString(e.Name()) && e.Type().IsRegular() && !ours[p] {
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

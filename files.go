package figgen

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/figgen/figgen/spec"
)

const (
	// defaultPath is where specs are looked for when no path is given.
	defaultPath = "specs"
	// configName is the file of folder defaults beside a folder's specs.
	configName = "figgen.yaml"
)

// source is where a run reads its specs: an fs.FS, or the operating
// system's files. Its methods take paths as the caller gave them, so that
// every file is named the same way in errors and for reading.
type source interface {
	stat(name string) (fs.FileInfo, error)
	readDir(name string) ([]fs.DirEntry, error)
	open(name string) (fs.File, error)
	join(dir, file string) string
	dir(name string) string
	base(name string) string
	clean(name string) string
}

func newSource(fsys fs.FS) source {
	if fsys == nil {
		return osFiles{}
	}
	return fsFiles{fsys}
}

// osFiles reads the operating system's files, by paths as a command line
// gives them.
type osFiles struct{}

func (osFiles) stat(name string) (fs.FileInfo, error)      { return os.Stat(name) }
func (osFiles) readDir(name string) ([]fs.DirEntry, error) { return os.ReadDir(name) }
func (osFiles) join(dir, file string) string               { return filepath.Join(dir, file) }
func (osFiles) dir(name string) string                     { return filepath.Dir(name) }
func (osFiles) base(name string) string                    { return filepath.Base(name) }
func (osFiles) clean(name string) string                   { return filepath.Clean(name) }

func (osFiles) open(name string) (fs.File, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	return f, nil
}

// fsFiles reads an fs.FS, by slash-separated paths that are valid once
// cleaned ("./specs/" is "specs").
type fsFiles struct {
	fsys fs.FS
}

func (s fsFiles) stat(name string) (fs.FileInfo, error) {
	p, err := s.path("stat", name)
	if err != nil {
		return nil, err
	}
	st, err := fs.Stat(s.fsys, p)
	return st, rename(err, name)
}

func (s fsFiles) readDir(name string) ([]fs.DirEntry, error) {
	p, err := s.path("readdir", name)
	if err != nil {
		return nil, err
	}
	ents, err := fs.ReadDir(s.fsys, p)
	return ents, rename(err, name)
}

func (s fsFiles) open(name string) (fs.File, error) {
	p, err := s.path("open", name)
	if err != nil {
		return nil, err
	}
	f, err := s.fsys.Open(p)
	return f, rename(err, name)
}

func (fsFiles) join(dir, file string) string { return path.Join(dir, file) }
func (fsFiles) dir(name string) string       { return path.Dir(name) }
func (fsFiles) base(name string) string      { return path.Base(name) }
func (fsFiles) clean(name string) string     { return path.Clean(name) }

// path returns name cleaned, or an error when it is no path of an fs.FS.
func (fsFiles) path(op, name string) (string, error) {
	p := path.Clean(name)
	if name == "" || !fs.ValidPath(p) {
		return "", &fs.PathError{Op: op, Path: name, Err: errInvalidPath}
	}
	return p, nil
}

var errInvalidPath = fmt.Errorf("%w: a path in Options.FS is slash-separated and relative, without ..", fs.ErrInvalid)

// rename names the file of a *fs.PathError as the caller gave it rather
// than cleaned.
func rename(err error, name string) error {
	if pe, ok := err.(*fs.PathError); ok {
		return &fs.PathError{Op: pe.Op, Path: name, Err: pe.Err}
	}
	return err
}

// collect expands paths into spec files: a file as is, a folder into its
// *.yaml and *.yml files (not recursing, dot files skipped), sorted, each
// file once. folder reports whether a folder was among them. It reports
// every bad path at once.
func collect(src source, paths []string) (files []string, folder bool, err error) {
	var errs []error
	seen := map[string]bool{}
	add := func(p string) {
		if key := src.clean(p); !seen[key] {
			seen[key] = true
			files = append(files, p)
		}
	}
	for _, a := range paths {
		st, err := src.stat(a)
		switch {
		case errors.Is(err, fs.ErrNotExist):
			errs = append(errs, fmt.Errorf("figgen: %s: no such spec file or folder", a))
			continue
		case err != nil:
			errs = append(errs, fmt.Errorf("figgen: %w", err))
			continue
		case !st.IsDir() && src.base(a) == configName:
			errs = append(errs, fmt.Errorf("figgen: %s holds folder defaults, not a figure: name its folder or the specs", a))
			continue
		case !st.IsDir():
			add(a)
			continue
		}
		folder = true
		ents, err := src.readDir(a)
		if err != nil {
			errs = append(errs, fmt.Errorf("figgen: %w", err))
			continue
		}
		var found []string
		bad := false
		for _, e := range ents {
			name := e.Name()
			switch {
			case e.IsDir(), strings.HasPrefix(name, "."), name == configName:
				// Not a spec: a subfolder, a dot file, the folder defaults.
			case strings.EqualFold(name, configName), strings.EqualFold(name, "figgen.yml"):
				errs = append(errs, fmt.Errorf("figgen: %s: folder defaults go in %s", src.join(a, name), configName))
				bad = true
			case path.Ext(name) == ".yaml", path.Ext(name) == ".yml":
				found = append(found, src.join(a, name))
			}
		}
		if len(found) == 0 && !bad {
			errs = append(errs, fmt.Errorf("figgen: %s: no *.yaml specs in folder", a))
		}
		sort.Strings(found)
		for _, f := range found {
			add(f)
		}
	}
	return files, folder, errors.Join(errs...)
}

// readFile reads the spec or config (what) name. It reads nothing but a
// regular file, and at most spec.MaxFileBytes+1 bytes of it: a device or a
// named pipe, which could block or never end, is rejected before it is
// opened, and a file over the limit is reported without being read.
func readFile(src source, name, what string) ([]byte, error) {
	st, err := src.stat(name)
	if err != nil {
		return nil, fmt.Errorf("figgen: %w", err)
	}
	if !st.Mode().IsRegular() {
		return nil, notRegular(name, what, st.Mode())
	}
	if st.Size() > spec.MaxFileBytes {
		return nil, tooLarge(name, what, st.Size())
	}
	f, err := src.open(name)
	if err != nil {
		return nil, fmt.Errorf("figgen: %w", err)
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, spec.MaxFileBytes+1))
	if err != nil {
		if _, ok := err.(*fs.PathError); !ok {
			err = &fs.PathError{Op: "read", Path: name, Err: err}
		}
		return nil, fmt.Errorf("figgen: %w", rename(err, name))
	}
	if len(data) > spec.MaxFileBytes {
		return nil, tooLarge(name, what, -1) // it grew, or its size was not known
	}
	return data, nil
}

// notRegular reports a spec or config (what) that is no regular file.
func notRegular(name, what string, mode fs.FileMode) *spec.Error {
	return spec.Errorf(spec.Pos{File: name, Line: 1, Col: 1}, "%s is %s, not a regular file; figgen reads nothing else", what, notRegularWhat(mode))
}

// notRegularWhat names what a file that is no regular file is.
func notRegularWhat(mode fs.FileMode) string {
	is := "a special file"
	switch {
	case mode&fs.ModeNamedPipe != 0:
		is = "a named pipe"
	case mode&fs.ModeDevice != 0:
		is = "a device"
	case mode&fs.ModeSocket != 0:
		is = "a socket"
	case mode.IsDir():
		is = "a folder"
	}
	return is
}

// tooLarge reports a file over spec.MaxFileBytes (size < 0: by how much is not
// known), as package spec does.
func tooLarge(name, what string, size int64) *spec.Error {
	s := "over 1 MiB"
	if size >= 0 {
		s = strconv.FormatFloat(float64(size)/(1<<20), 'f', 1, 64) + " MiB"
		if s == "1.0 MiB" {
			s = strconv.FormatInt(size, 10) + " bytes"
		}
	}
	return spec.Errorf(spec.Pos{File: name, Line: 1, Col: 1}, "%s is %s; the limit is 1 MiB", what, s)
}

// SpecFiles returns the spec files that a run of opts would read, named as
// in error positions, without reading them: a file of opts.Paths as given,
// a folder's *.yaml and *.yml files but its figgen.yaml and dot files. It
// reports every path that is missing or holds no spec, as Generate does.
func SpecFiles(opts Options) ([]string, error) {
	paths := opts.Paths
	if len(paths) == 0 {
		paths = []string{defaultPath}
	}
	files, _, err := collect(newSource(opts.FS), paths)
	return files, err
}

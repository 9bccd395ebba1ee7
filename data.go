package figgen

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/figgen/figgen/figures"
	"github.com/figgen/figgen/spec"
)

// The data files a spec reads (a plot's `data: loss.csv`): named relative
// to the spec's folder, read only when they are regular files of at most
// figures.MaxDataBytes inside the run's root (the working directory, or
// the spec's folder for a spec outside it; the root of Options.FS), never
// through a link that leads out of it.

// dataFiles returns the data files the valid figure f read from the spec
// file specName reads, named as the spec file is (relative to the
// working directory or to Options.FS), with their bytes, and a positioned
// error for every file it may not or cannot read.
func dataFiles(src source, specName string, f *spec.Figure) ([]string, []figures.Data, error) {
	var names []string
	var data []figures.Data
	var errs spec.ErrorList
	for _, df := range figures.DataFiles(f) {
		name, b, err := readData(src, specName, df)
		if err != nil {
			var se *spec.Error
			if !errors.As(err, &se) {
				se = spec.Errorf(df.Pos, "%s: %v", df.Path, err)
			}
			errs = append(errs, se)
			continue
		}
		names = append(names, name)
		data = append(data, figures.Data{Name: name, Bytes: b})
	}
	if len(errs) > 0 {
		return nil, nil, errs
	}
	return names, data, nil
}

// readData reads the data file df of the spec file specName.
func readData(src source, specName string, df figures.DataFile) (string, []byte, error) {
	bad := func(format string, args ...any) error {
		return spec.Errorf(df.Pos, "%s: %q %s", df.Path, df.Name, fmt.Sprintf(format, args...))
	}
	if path.IsAbs(df.Name) || filepath.IsAbs(filepath.FromSlash(df.Name)) {
		return "", nil, bad("is an absolute path; name a data file relative to the spec's folder")
	}
	switch s := src.(type) {
	case fsFiles:
		name := path.Join(path.Dir(path.Clean(specName)), df.Name)
		if !fs.ValidPath(name) {
			return "", nil, bad("leaves the folder figgen reads (Options.FS)")
		}
		if err := s.checkLinks(name); err != nil {
			return "", nil, bad("%v", err)
		}
		b, err := s.readData(name, df, bad)
		return name, b, err
	default:
		return readOSData(specName, df, bad)
	}
}

// checkLinks refuses a path of the FS through a symbolic link that leads
// out of it, when the FS can tell links (fs.ReadLinkFS).
func (s fsFiles) checkLinks(name string) error {
	rl, ok := s.fsys.(fs.ReadLinkFS)
	if !ok {
		return nil
	}
	elems := strings.Split(name, "/")
	for hops := 0; hops < 40; hops++ {
		again := false
		for i := range elems {
			p := strings.Join(elems[:i+1], "/")
			st, err := rl.Lstat(p)
			if err != nil || st.Mode()&fs.ModeSymlink == 0 {
				continue
			}
			target, err := rl.ReadLink(p)
			if err != nil {
				return err
			}
			if path.IsAbs(target) {
				return fmt.Errorf("is reached through the link %s, which leads out of the folder figgen reads", p)
			}
			next := path.Join(path.Dir(p), target)
			if !fs.ValidPath(next) {
				return fmt.Errorf("is reached through the link %s, which leads out of the folder figgen reads", p)
			}
			elems = append(strings.Split(next, "/"), elems[i+1:]...)
			again = true
			break
		}
		if !again {
			return nil
		}
	}
	return fmt.Errorf("is reached through too many links")
}

// readData reads the data file name of the FS.
func (s fsFiles) readData(name string, df figures.DataFile, bad func(string, ...any) error) ([]byte, error) {
	st, err := fs.Stat(s.fsys, name)
	if err != nil {
		return nil, statError(err, name, bad)
	}
	if err := checkDataStat(st, name, bad); err != nil {
		return nil, err
	}
	f, err := s.fsys.Open(name)
	if err != nil {
		return nil, bad("(%s): %v", name, errors.Unwrap(err))
	}
	defer f.Close()
	return readDataFrom(f, name, bad)
}

// readOSData reads the data file df of the spec file specName of the
// operating system, inside the run's root: the working directory, or the
// spec's folder when the spec is not inside it. os.Root refuses a path or
// link that leads out.
func readOSData(specName string, df figures.DataFile, bad func(string, ...any) error) (string, []byte, error) {
	name := filepath.Join(filepath.Dir(specName), filepath.FromSlash(df.Name))
	wd, err := os.Getwd()
	if err != nil {
		return "", nil, err
	}
	root := wd
	specAbs, err := filepath.Abs(specName)
	if err != nil {
		return "", nil, err
	}
	if !inside(wd, specAbs) {
		root = filepath.Dir(specAbs)
	}
	abs, err := filepath.Abs(name)
	if err != nil {
		return "", nil, err
	}
	if !inside(root, abs) {
		if root == wd {
			return "", nil, bad("leaves the working directory")
		}
		return "", nil, bad("leaves the spec's folder (a spec outside the working directory reads data from its own folder only)")
	}
	rel, err := filepath.Rel(root, abs)
	if err != nil {
		return "", nil, err
	}
	r, err := os.OpenRoot(root)
	if err != nil {
		return "", nil, err
	}
	defer r.Close()
	st, err := r.Stat(rel)
	if err != nil {
		if strings.Contains(err.Error(), "escapes") {
			return "", nil, bad("is reached through a link that leads out of the working directory")
		}
		return "", nil, statError(err, name, bad)
	}
	if err := checkDataStat(st, name, bad); err != nil {
		return "", nil, err
	}
	f, err := r.Open(rel)
	if err != nil {
		return "", nil, bad("(%s): %v", name, errors.Unwrap(err))
	}
	defer f.Close()
	b, err := readDataFrom(f, name, bad)
	return name, b, err
}

// inside reports whether the absolute path p is root or inside it.
func inside(root, p string) bool {
	rel, err := filepath.Rel(root, p)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) && !filepath.IsAbs(rel)
}

func statError(err error, name string, bad func(string, ...any) error) error {
	if errors.Is(err, fs.ErrNotExist) {
		return bad("does not exist (%s)", name)
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	return bad("(%s): %v", name, err)
}

// checkDataStat wants a regular file within the size limit.
func checkDataStat(st fs.FileInfo, name string, bad func(string, ...any) error) error {
	if !st.Mode().IsRegular() {
		return bad("(%s) is %s; figgen reads only regular files", name, notRegularWhat(st.Mode()))
	}
	if st.Size() > figures.MaxDataBytes {
		return bad("(%s) is %.1f MiB; the limit of a data file is 8 MiB", name, float64(st.Size())/(1<<20))
	}
	return nil
}

func readDataFrom(f io.Reader, name string, bad func(string, ...any) error) ([]byte, error) {
	b, err := io.ReadAll(io.LimitReader(f, figures.MaxDataBytes+1))
	if err != nil {
		return nil, bad("(%s): %v", name, err)
	}
	if len(b) > figures.MaxDataBytes {
		return nil, bad("(%s) is over 8 MiB; the limit of a data file", name)
	}
	return b, nil
}

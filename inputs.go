package figgen

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"hash/fnv"
	"io/fs"
	"strconv"

	"github.com/figgen/figgen/figures"
)

// Figure is one spec of a run: the files its outputs depend on, and the
// names of those outputs.
type Figure struct {
	// Spec is the spec file, named as in Result.Specs.
	Spec string

	// Config is the folder defaults beside it (figgen.yaml), named the
	// same way, whether or not there is one: adding one changes Key.
	Config string

	// Data are the data files the spec reads (a plot's data layers),
	// named as Spec is, in the order Key hashes them.
	Data []string

	// Key is InputKey of the bytes of Spec, Config and Data.
	Key string

	// Outputs are the names of its outputs under the out dir, in the
	// order of figures.Outputs, which tells each one's format, theme
	// (5.dark.png) and scale (5@2x.png) (nil from Scan, which decodes
	// nothing).
	Outputs []string

	// Files are Outputs with the format, theme ("light", "dark", or
	// "auto" for an SVG that follows the reader's page) and scale of each
	// (no data): a preview finds a figure's dark images here. Alt,
	// Width and Height are the spec's. All are empty from Scan.
	Files         []figures.Output
	Alt           string
	Width, Height int

	// Skipped reports that Options.Skip skipped it: not rendered, and
	// none of its outputs handed to the sink.
	Skipped bool
}

// InputKey returns the key of a spec's outputs: "sha256:" and a hash of
// Build, of the spec's bytes, of its folder defaults' bytes (config nil
// when there is none) and of the bytes of each data file it reads. File
// names are left out: a spec's name is in its manifest entry, and the
// names of its data files are in its bytes. Outputs whose inputs have the
// same key are the same bytes.
func InputKey(specData, config []byte, data ...[]byte) string {
	h := sha256.New()
	put := func(tag string, b []byte) {
		h.Write([]byte(tag))
		h.Write([]byte(strconv.Itoa(len(b))))
		h.Write([]byte{0})
		h.Write(b)
	}
	put("figgen inputs 1", []byte(Build()))
	put("spec", specData)
	if config == nil {
		put("no config", nil)
	} else {
		put("config", config)
	}
	for _, d := range data {
		put("data", d)
	}
	return "sha256:" + hex.EncodeToString(h.Sum(nil))
}

// Scan lists the spec files of opts.Paths as Generate does and computes
// each one's Key from its bytes and its folder defaults' without decoding
// anything or loading the fonts: what a caller needs to tell whether
// outputs it made before are still fresh. data names the data files a
// spec read the last time it was rendered (nil: none): a spec whose bytes
// are unchanged reads the same ones. A file that cannot be read is an
// error; Generate then says more.
func Scan(ctx context.Context, opts Options, data func(spec string) []string) (figs []Figure, folder bool, err error) {
	src := newSource(opts.FS)
	paths := opts.Paths
	if len(paths) == 0 {
		paths = []string{defaultPath}
	}
	files, folder, err := collect(src, paths)
	if err != nil {
		return nil, false, err
	}
	configs := map[string][]byte{}
	for _, name := range files {
		if err := ctx.Err(); err != nil {
			return nil, false, err
		}
		cfgName := src.join(src.dir(name), configName)
		cfg, seen := configs[cfgName]
		if !seen {
			cfg, err = readConfig(src, cfgName)
			if err != nil {
				return nil, false, err
			}
			configs[cfgName] = cfg
		}
		b, err := readFile(src, name, "spec")
		if err != nil {
			return nil, false, err
		}
		var ds []string
		var dbs [][]byte
		if data != nil {
			ds = data(name)
			for _, d := range ds {
				db, err := readFile(src, d, "data")
				if err != nil {
					return nil, false, err
				}
				dbs = append(dbs, db)
			}
		}
		figs = append(figs, Figure{Spec: name, Config: cfgName, Data: ds, Key: InputKey(b, cfg, dbs...)})
	}
	return figs, folder, nil
}

// readConfig reads the folder defaults name: nil and no error when there
// is none.
func readConfig(src source, name string) ([]byte, error) {
	data, err := readFile(src, name, "config")
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	return data, err
}

// InShard reports whether the spec file named spec belongs to shard k of n
// (1 ≤ k ≤ n): the shards split any set of specs into n parts by a hash
// of the file's base name, the same on every machine and whatever else
// the set holds, so that n jobs of a CI matrix together do one run.
func InShard(spec string, k, n int) bool {
	if n <= 1 {
		return true
	}
	h := fnv.New32a()
	h.Write([]byte(baseName(spec)))
	return int(h.Sum32()%uint32(n)) == k-1
}

// baseName is the last element of a path, slash- or OS-separated.
func baseName(p string) string {
	for i := len(p) - 1; i >= 0; i-- {
		if p[i] == '/' || p[i] == '\\' {
			return p[i+1:]
		}
	}
	return p
}

package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"time"

	lib "github.com/figgen/figgen"
	"github.com/figgen/figgen/figures"
)

// statCache remembers, on this machine only, the SHA-256 of the files of
// one out dir together with what lstat said of each (size, modification
// and change times, inode, device), as git's index does, so that a run
// over a large out dir need not read every output to know it is
// unchanged. It lives in the user's cache folder (os.UserCacheDir()/figgen),
// one file per out dir, never in the out dir: the committed manifest stays
// the same bytes on every machine. It is only a shortcut to a hash figgen
// could compute: a file whose lstat differs in anything is read again, and
// a cache that is missing, unreadable, corrupt or for another folder is
// ignored (and written anew).
type statCache struct {
	file    string              // where it is kept; "" when nowhere
	dir     string              // the out dir, absolute
	start   time.Time           // before any file was hashed
	known   map[string]fileStat // as read: output name → stat and hash
	learnt  map[string]fileStat // hashed this run, to keep
	figs    map[figKey]figInfo  // as read and learnt
	keep    map[figKey]bool     // the figures to keep
	changed bool                // learnt holds what known does not
}

// figKey names a figure of the cache: its spec file as the manifest names
// it, and the key of its inputs (lib.Figure.Key).
type figKey struct{ spec, key string }

// figInfo is what decoding a spec told of its figure, kept by its figKey,
// of which it is a function: what a run needs of a spec it does not
// decode (lib.Options.Reuse).
type figInfo struct {
	alt           string
	width, height int
	files         []figures.Output // without data
}

// fileStat is what the cache knows of one file.
type fileStat struct {
	size, mtime, ctime int64 // times in nanoseconds since 1970
	ino, dev           uint64
	sum                string // SHA-256 of the bytes, hex
}

const statCacheHeader = "figgen stat cache 1"

// racyWindow is how old, by its modification and change times, a file
// must be when it is hashed for its hash to be kept: a file written again
// within the clock tick of the file system (up to 2 s on some) could keep
// its times and size while its bytes change.
const racyWindow = 3 * time.Second

// openStatCache reads the cache of the out dir dir (absolute). With no
// user cache folder it is an empty cache that is never saved.
func openStatCache(dir string) *statCache {
	c := &statCache{dir: dir, start: time.Now(), known: map[string]fileStat{}, learnt: map[string]fileStat{}, figs: map[figKey]figInfo{}, keep: map[figKey]bool{}}
	root, err := os.UserCacheDir()
	if err != nil || dir == "" {
		return c
	}
	h := sha256.Sum256([]byte(dir))
	c.file = filepath.Join(root, "figgen", "stat-"+hex.EncodeToString(h[:16]))
	data, err := readRegular(c.file, 64<<20)
	if err != nil {
		return c
	}
	if known, figs, ok := parseStatCache(data, dir); ok {
		c.known, c.figs = known, figs
	}
	return c
}

// parseStatCache reads the bytes of a cache: a header naming its out dir,
// a line per file and per figure, tab-separated, and the SHA-256 of all
// that. Anything else, and a cache of another folder, is no cache.
func parseStatCache(data []byte, dir string) (map[string]fileStat, map[figKey]figInfo, bool) {
	body, tail, ok := cutLastLine(data)
	if !ok {
		return nil, nil, false
	}
	h := sha256.Sum256(body)
	if tail != "sum\t"+hex.EncodeToString(h[:]) {
		return nil, nil, false
	}
	lines := strings.Split(strings.TrimSuffix(string(body), "\n"), "\n")
	if lines[0] != statCacheHeader+"\t"+strconv.Quote(dir) {
		return nil, nil, false
	}
	known, figs := map[string]fileStat{}, map[figKey]figInfo{}
	for _, l := range lines[1:] {
		f := strings.Split(l, "\t")
		switch {
		case len(f) == 8 && f[0] == "file":
			name, err := strconv.Unquote(f[1])
			if err != nil || !ownable(name) || !sumSyntax().MatchString(f[7]) {
				return nil, nil, false
			}
			var n [5]int64
			for i := range n {
				if n[i], err = strconv.ParseInt(f[i+2], 10, 64); err != nil {
					return nil, nil, false
				}
			}
			known[name] = fileStat{size: n[0], mtime: n[1], ctime: n[2], ino: uint64(n[3]), dev: uint64(n[4]), sum: f[7]}
		case len(f) >= 6 && (len(f)-6)%4 == 0 && f[0] == "fig":
			var fi figInfo
			spec, err0 := strconv.Unquote(f[1])
			var err1, err2, err3 error
			fi.width, err1 = strconv.Atoi(f[3])
			fi.height, err2 = strconv.Atoi(f[4])
			fi.alt, err3 = strconv.Unquote(f[5])
			if !keySyntax().MatchString(f[2]) || err0 != nil || err1 != nil || err2 != nil || err3 != nil {
				return nil, nil, false
			}
			for o := f[6:]; len(o) > 0; o = o[4:] {
				name, err1 := strconv.Unquote(o[0])
				format, err2 := strconv.Unquote(o[1])
				theme, err3 := strconv.Unquote(o[2])
				scale, err4 := strconv.Atoi(o[3])
				if err1 != nil || err2 != nil || err3 != nil || err4 != nil || !ownable(name) {
					return nil, nil, false
				}
				fi.files = append(fi.files, figures.Output{Name: name, Format: format, Theme: theme, Scale: scale})
			}
			figs[figKey{spec, f[2]}] = fi
		default:
			return nil, nil, false
		}
	}
	return known, figs, true
}

// figure returns what the cache knows of the figure key, and keeps it.
func (c *statCache) figure(key figKey) (figInfo, bool) {
	fi, ok := c.figs[key]
	if ok {
		c.keep[key] = true
	}
	return fi, ok
}

// learnFigure records what a run said of the decoded figure f of the
// spec file spec (named as the manifest does), and keeps it.
func (c *statCache) learnFigure(spec string, f lib.Figure) {
	if f.Key == "" || len(f.Files) == 0 {
		return
	}
	fi := figInfo{alt: f.Alt, width: f.Width, height: f.Height}
	for _, o := range f.Files {
		fi.files = append(fi.files, figures.Output{Name: o.Name, Format: o.Format, Theme: o.Theme, Scale: o.Scale})
	}
	k := figKey{spec, f.Key}
	c.keep[k] = true
	if old, ok := c.figs[k]; !ok || !reflect.DeepEqual(old, fi) {
		c.figs[k], c.changed = fi, true
	}
}

// cutLastLine splits data, which must end in a newline, before its last
// line.
func cutLastLine(data []byte) (body []byte, last string, ok bool) {
	if len(data) == 0 || data[len(data)-1] != '\n' {
		return nil, "", false
	}
	i := bytes.LastIndexByte(data[:len(data)-1], '\n')
	return data[:i+1], string(data[i+1 : len(data)-1]), true
}

// lookup returns the hash of the file name if the cache knows it with
// exactly the stat st (from lstat).
func (c *statCache) lookup(name string, st fs.FileInfo) (string, bool) {
	s, ok := statOf(st)
	if !ok {
		return "", false
	}
	k, ok := c.known[name]
	if !ok || k.size != s.size || k.mtime != s.mtime || k.ctime != s.ctime || k.ino != s.ino || k.dev != s.dev {
		return "", false
	}
	c.learnt[name] = k
	return k.sum, true
}

// learn records that the file name hashed to sum, read between the stats
// before and after: kept only when they are the same (it did not change
// while read) and the file was old enough when hashed.
func (c *statCache) learn(name string, before, after fs.FileInfo, sum string) {
	b, ok1 := statOf(before)
	a, ok2 := statOf(after)
	if !ok1 || !ok2 || a != b {
		return
	}
	limit := c.start.Add(-racyWindow).UnixNano()
	if b.mtime >= limit || b.ctime >= limit {
		return
	}
	b.sum = sum
	c.learnt[name] = b
	if c.known[name] != b {
		c.changed = true
	}
}

// save writes the cache: what this run hashed or found, and what it read
// of the files keep names (so that a run over part of the specs forgets
// nothing of the rest), unless that is what it read. It writes a
// temporary file and renames it, so a run at the same time reads the old
// cache or the new, and reports nothing: a cache that cannot be written
// only makes the next run read the files.
func (c *statCache) save(keep func(name string) bool, keepFig func(figKey) bool) {
	if c.file == "" {
		return
	}
	all := map[string]fileStat{}
	for n, k := range c.known {
		if keep(n) {
			all[n] = k
		}
	}
	for n, k := range c.learnt {
		all[n] = k
	}
	var keys []figKey
	for k := range c.figs {
		if c.keep[k] || keepFig(k) {
			keys = append(keys, k)
		}
	}
	if !c.changed && len(all) == len(c.known) && len(keys) == len(c.figs) {
		// unchanged but in use: its time keeps it from pruneStatCaches
		if st, err := os.Lstat(c.file); err == nil && time.Since(st.ModTime()) > pruneEvery {
			now := time.Now()
			os.Chtimes(c.file, now, now)
		}
		return
	}
	names := make([]string, 0, len(all))
	for n := range all {
		names = append(names, n)
	}
	sort.Strings(names)
	var b bytes.Buffer
	fmt.Fprintf(&b, "%s\t%s\n", statCacheHeader, strconv.Quote(c.dir))
	for _, n := range names {
		k := all[n]
		fmt.Fprintf(&b, "file\t%s\t%d\t%d\t%d\t%d\t%d\t%s\n", strconv.Quote(n), k.size, k.mtime, k.ctime, int64(k.ino), int64(k.dev), k.sum)
	}
	sort.Slice(keys, func(i, j int) bool {
		return keys[i].spec < keys[j].spec || keys[i].spec == keys[j].spec && keys[i].key < keys[j].key
	})
	for _, k := range keys {
		fi := c.figs[k]
		fmt.Fprintf(&b, "fig\t%s\t%s\t%d\t%d\t%s", strconv.Quote(k.spec), k.key, fi.width, fi.height, strconv.Quote(fi.alt))
		for _, o := range fi.files {
			fmt.Fprintf(&b, "\t%s\t%s\t%s\t%d", strconv.Quote(o.Name), strconv.Quote(o.Format), strconv.Quote(o.Theme), o.Scale)
		}
		b.WriteByte('\n')
	}
	h := sha256.Sum256(b.Bytes())
	fmt.Fprintf(&b, "sum\t%s\n", hex.EncodeToString(h[:]))
	dir := filepath.Dir(c.file)
	if os.MkdirAll(dir, 0o700) != nil {
		return
	}
	f, err := os.CreateTemp(dir, ".stat-*")
	if err != nil {
		return
	}
	_, err = f.Write(b.Bytes())
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(f.Name(), c.file)
	}
	if err != nil {
		os.Remove(f.Name())
	}
	pruneStatCaches(dir, time.Now())
}

// The caches of out dirs that no run has used for statCacheAge are
// removed, looked for at most once every pruneEvery (the time of the
// file lastPrune in the cache folder): a machine that renders into many
// folders (fresh ones in CI, a benchmark's) would otherwise keep a file
// for each of them for good.
const (
	statCacheAge = 30 * 24 * time.Hour
	pruneEvery   = 24 * time.Hour
	lastPrune    = "last-prune"
)

// pruneStatCaches removes from the cache folder dir the caches older than
// statCacheAge, and the temporary files of saves that did not finish
// older than pruneEvery, unless it did so within pruneEvery of now.
// Removing a cache only costs time.
func pruneStatCaches(dir string, now time.Time) {
	marker := filepath.Join(dir, lastPrune)
	if st, err := os.Lstat(marker); err == nil && now.Sub(st.ModTime()) < pruneEvery {
		return
	}
	if f, err := os.Create(marker); err == nil {
		f.Close()
	}
	os.Chtimes(marker, now, now)
	ents, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, e := range ents {
		name := e.Name()
		age := statCacheAge
		switch {
		case strings.HasPrefix(name, "stat-"):
		case strings.HasPrefix(name, ".stat-"):
			age = pruneEvery
		default:
			continue
		}
		if !e.Type().IsRegular() {
			continue
		}
		if info, err := e.Info(); err == nil && now.Sub(info.ModTime()) > age {
			os.Remove(filepath.Join(dir, name))
		}
	}
}

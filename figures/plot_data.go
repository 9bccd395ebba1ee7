package figures

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"path"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/figgen/figgen/spec"
)

// The data files of plots. A figure names its files (DataFiles); the
// caller, which alone touches the disk, reads each one relative to the
// spec's folder and hands the bytes back (LoadData), which parses them
// into the layers before the figure is laid out.

// MaxDataBytes is the largest data file figgen reads.
const MaxDataBytes = 8 << 20

// DataFile is a data file a figure reads.
type DataFile struct {
	// Name is the file as the spec writes it: slash-separated and
	// relative to the spec's folder.
	Name string
	// Pos is where the spec names it; Path is the key there.
	Pos  spec.Pos
	Path string
}

// DataFiles returns the data files the valid figure f reads, in the order
// its layers name them, each once.
func DataFiles(f *spec.Figure) []DataFile {
	s, ok := f.Spec.(*Plot)
	if !ok {
		return nil
	}
	var out []DataFile
	seen := map[string]bool{}
	for _, ly := range s.dataLayers() {
		if ly.l.kind == "data" && !seen[ly.l.Data] {
			seen[ly.l.Data] = true
			out = append(out, DataFile{Name: ly.l.Data, Pos: f.PosOf(ly.path + ".data"), Path: ly.path + ".data"})
		}
	}
	return out
}

// pathLayer is a layer with its path in the spec.
type pathLayer struct {
	l    *PlotLayer
	path string
}

// dataLayers returns the layers of the plot and of its panels with their
// paths.
func (s *Plot) dataLayers() []pathLayer {
	var out []pathLayer
	for _, v := range append([]*Plot{s}, s.views()...) {
		for i := range v.Layers {
			out = append(out, pathLayer{&v.Layers[i], fmt.Sprintf("%slayers[%d]", v.prefix, i)})
		}
	}
	return out
}

// Data is the content of a data file: Name names it in errors (as the
// caller found it), Bytes are what it holds.
type Data struct {
	Name  string
	Bytes []byte
}

// LoadData parses the data files of the valid figure f, data[i] holding
// DataFiles(f)[i], and hands each layer its points. It returns a
// spec.ErrorList of every problem: a file that is not UTF-8 or has no
// header row, a column the spec names that the file does not have (at
// the spec's key), a value that is not a number (at file:line), more
// points than a plot may draw, a value a log axis cannot show.
func LoadData(f *spec.Figure, data []Data) error {
	s, ok := f.Spec.(*Plot)
	if !ok {
		return nil
	}
	files := DataFiles(f)
	if len(files) != len(data) {
		return fmt.Errorf("figures: %s reads %d data files, given %d", f.File, len(files), len(data))
	}
	byName := map[string]Data{}
	for i, df := range files {
		byName[df.Name] = data[i]
	}
	var errs spec.ErrorList
	points := 0
	for _, ly := range s.dataLayers() {
		l := ly.l
		switch l.kind {
		case "points":
			points += len(l.Points)
		case "bars":
			points += len(l.Bars.X)
		}
		if l.kind != "data" {
			continue
		}
		d := byName[l.Data]
		rows, err := parseData(f, ly.path, l, d, s)
		if err != nil {
			var el spec.ErrorList
			if errors.As(err, &el) {
				errs = append(errs, el...)
			} else {
				errs = append(errs, err.(*spec.Error))
			}
			continue
		}
		l.rows = rows
		points += len(rows)
	}
	if points > maxPoints && len(errs) == 0 {
		errs = append(errs, spec.Errorf(f.PosOf("layers"), "layers: %s points with the data files; the limit is %s", proseNum(float64(points)), proseNum(maxPoints)))
	}
	if len(errs) > 0 {
		errs.Sort()
		return errs
	}
	return nil
}

// parseData parses the data file d of the data layer l at path p.
func parseData(f *spec.Figure, p string, l *PlotLayer, d Data, s *Plot) ([][2]float64, error) {
	at := func(line int) spec.Pos { return spec.Pos{File: d.Name, Line: line} }
	b := d.Bytes
	if !utf8.Valid(b) {
		line := 1 + bytes.Count(b[:invalidUTF8(b)], []byte("\n"))
		return nil, spec.Errorf(at(line), "%s is not UTF-8 text; figgen reads data files in UTF-8", d.Name)
	}
	b = bytes.TrimPrefix(b, []byte("\ufeff"))
	r := csv.NewReader(bytes.NewReader(b))
	first, _, _ := strings.Cut(string(b), "\n")
	if strings.Contains(first, "\t") {
		r.Comma = '\t'
	}
	r.FieldsPerRecord = -1
	r.ReuseRecord = true
	r.Comment = '#'
	header, err := r.Read()
	if err == io.EOF {
		return nil, spec.Errorf(f.PosOf(p+".data"), "%s.data: %s is empty; want a header row and rows of numbers", p, d.Name)
	}
	if err != nil {
		return nil, csvError(d.Name, err)
	}
	header = append([]string(nil), header...)
	col := func(key, name string, def int) (int, error) {
		if name == "" {
			if def >= len(header) {
				return 0, spec.Errorf(f.PosOf(p+".data"), "%s.data: %s has %d column; want two (x and y)", p, d.Name, len(header))
			}
			return def, nil
		}
		for i, h := range header {
			if strings.TrimSpace(h) == name {
				return i, nil
			}
		}
		return 0, spec.Errorf(f.PosOf(p+"."+key), "%s.%s: %s has no column %q; its columns are %s", p, key, d.Name, name, quoteAll(header))
	}
	xi, xerr := col("x", l.X, 0)
	yi, yerr := col("y", l.Y, 1)
	if xerr != nil || yerr != nil {
		var el spec.ErrorList
		for _, e := range []error{xerr, yerr} {
			if e != nil {
				el = append(el, e.(*spec.Error))
			}
		}
		return nil, el
	}
	var rows [][2]float64
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, csvError(d.Name, err)
		}
		line, _ := r.FieldPos(0)
		if len(rec) == 1 && strings.TrimSpace(rec[0]) == "" {
			continue // a blank line
		}
		if len(rows) == maxPoints {
			return nil, spec.Errorf(at(line), "more than %s rows; a plot draws at most %s points", proseNum(maxPoints), proseNum(maxPoints))
		}
		var q [2]float64
		for k, ci := range []int{xi, yi} {
			name := header[ci]
			if ci >= len(rec) {
				return nil, spec.Errorf(at(line), "this row has %d fields, no %q (column %d)", len(rec), name, ci+1)
			}
			v, err := strconv.ParseFloat(strings.TrimSpace(rec[ci]), 64)
			if err != nil || !finite(v) || v < -spec.MaxCoord || v > spec.MaxCoord {
				_, c := r.FieldPos(ci)
				what := "not a number"
				if err == nil {
					what = "outside ±10⁹"
				}
				return nil, spec.Errorf(spec.Pos{File: d.Name, Line: line, Col: c}, "column %q: %q is %s", name, rec[ci], what)
			}
			if (k == 0 && s.XScale == "log" || k == 1 && s.YScale == "log") && v <= 0 {
				_, c := r.FieldPos(ci)
				return nil, spec.Errorf(spec.Pos{File: d.Name, Line: line, Col: c}, "column %q: %s is not above 0; a log axis cannot show it", name, rec[ci])
			}
			q[k] = v
		}
		rows = append(rows, q)
	}
	if len(rows) == 0 {
		return nil, spec.Errorf(f.PosOf(p+".data"), "%s.data: %s has a header and no rows", p, d.Name)
	}
	return rows, nil
}

// csvError is a syntax error of a data file at its line.
func csvError(name string, err error) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return spec.Errorf(spec.Pos{File: name, Line: pe.Line, Col: pe.Column}, "%v", pe.Err)
	}
	return spec.Errorf(spec.Pos{File: name}, "%s: %v", name, err)
}

// invalidUTF8 returns the offset of the first byte of b that is not UTF-8.
func invalidUTF8(b []byte) int {
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n <= 1 {
			return i
		}
		i += n
	}
	return len(b)
}

func quoteAll(ss []string) string {
	q := make([]string, len(ss))
	for i, s := range ss {
		q[i] = strconv.Quote(strings.TrimSpace(s))
	}
	return strings.Join(q, ", ")
}

// checkDataName wants a data file named relative to the spec's folder,
// slash-separated: the caller checks that it stays inside the working
// directory.
func checkDataName(c *spec.Check, p, name string) {
	switch {
	case strings.HasPrefix(name, "/") || strings.HasPrefix(name, `\`) || len(name) > 1 && name[1] == ':':
		c.Errorf(p, "%s: %q is an absolute path; name a data file relative to the spec's folder", p, name)
	case strings.Contains(name, `\`):
		c.Errorf(p, "%s: %q: separate folders with /", p, name)
	case path.Clean(name) == ".":
		c.Errorf(p, "%s: %q names no file", p, name)
	}
}

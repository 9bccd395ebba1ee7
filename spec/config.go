package spec

import (
	"reflect"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"
)

// Config is the folder defaults of one figgen.yaml: common fields and
// fields of each kind that every spec of the folder gets when it does not
// write them (DecodeWith). It keeps the YAML it was decoded from, so that
// a value it gives a figure keeps its place in figgen.yaml. A Config is
// never changed after DecodeConfig: one may serve many DecodeWith calls at
// once.
type Config struct {
	File string // path as given by the user

	data   []byte
	text   string // data as a string (source.text)
	lines  []int
	common []pair            // the top-level formats, width and height
	kinds  map[string][]pair // the fields under kinds, by kind
	texts  []Text
}

// pair is one key of a mapping and its value.
type pair struct {
	key, val *yaml.Node
}

var (
	// configFields are the common fields a folder config may set.
	configFields = []string{"formats", "width", "height", "themes", "scales"}
	// figureOnly are the common fields that describe one figure, so that
	// a folder config may not set them.
	figureOnly = []string{"kind", "title", "output", "alt"}
)

// DecodeConfig decodes a folder config, the figgen.yaml beside the specs
// it applies to. path is the file's path as the user gave it; it names the
// file in error positions.
//
// At its top level a config may set formats, width, height, themes and
// scales, and kinds:
// a mapping from a kind name to a mapping of that kind's own fields. Every
// value is decoded and checked as in a spec: its type, its allowed values
// and the limits of the field alone. A check spanning fields is made only
// between values the config sets itself (width × height when it sets both,
// kinds.step.x_range against kinds.step.threshold, a unit's weights against
// its inputs or input_labels, diagram edges against nodes): a config
// setting only kinds.step.x_range: [0, 6] is valid, since each spec may set
// its own threshold, and each spec is checked with the config applied
// (DecodeWith). A file that sets nothing (empty, only comments, null, or
// "kinds:" alone) is an empty Config, which changes nothing.
//
// On failure DecodeConfig returns a nil Config and an ErrorList of every
// problem found, positioned in the file and sorted, with the same limits as
// Decode: 1 MiB, no anchors or aliases, no control characters, no
// duplicate keys.
func (s *Kinds) DecodeConfig(path string, data []byte) (*Config, error) {
	d := s.newDecoder(path, data)
	d.config = true
	if len(data) > MaxFileBytes {
		d.errorf(Pos{File: path, Line: 1, Col: 1}, "config is %s; the limit is 1 MiB", mebibytes(len(data)))
		return nil, d.errs
	}
	c := &Config{File: path, data: data, text: d.text, lines: d.lines, kinds: map[string][]pair{}}
	root, ok := d.parse()
	if ok {
		d.checkConfig(c, d.configTop(c, root))
	}
	if len(d.errs) > 0 {
		d.errs.Sort()
		return nil, d.errs
	}
	return c, nil
}

// Texts returns the rich-text fields the config sets, kind by kind in the
// order of the file, each at its place in the file: a caller can check
// their typesetting once for the folder.
func (c *Config) Texts() []Text {
	if c == nil {
		return nil
	}
	return slices.Clone(c.texts)
}

// FolderFields returns the names of the fields of kind that the folder
// defaults f was decoded with set (DecodeWith), in the order of their
// file; nil when f had none or they set no field of kind. The kind need
// not be f's own: a spec written in f's place as another kind would get
// these fields from the folder unless it writes them itself.
func (f *Figure) FolderFields(kind string) []string {
	if f.cfg == nil {
		return nil
	}
	var out []string
	for _, p := range f.cfg.kinds[kind] {
		out = append(out, p.key.Value)
	}
	return out
}

// configTop decodes the top-level mapping of a config into c and returns
// the position of each kind under kinds.
func (d *decoder) configTop(c *Config, root *yaml.Node) map[string]Pos {
	var fields []field
	for _, f := range structFields(reflect.ValueOf(&Figure{}).Elem()) {
		if slices.Contains(configFields, f.name) {
			fields = append(fields, f)
		}
	}
	kindPos := map[string]Pos{}
	d.mapping("", root, fields, func(key, val *yaml.Node) {
		name := key.Value
		switch {
		case name == "kinds":
			d.configKinds(c, val, kindPos)
		case slices.Contains(figureOnly, name):
			d.errorf(d.at(key), "field %q cannot be a folder default: set it in each spec", name)
		default:
			s := didYouMean(name, append(slices.Clone(configFields), "kinds"), false)
			if owners := d.ownersOf(name); s == "" && owners != nil {
				d.errorf(d.at(key), "field %q belongs under kinds (it is a field of %s)", name, strings.Join(owners, ", "))
				return
			}
			d.errorf(d.at(key), "unknown field %q%s", name, s)
		}
	})
	for i := 0; i+1 < len(root.Content); i += 2 {
		if k := root.Content[i]; slices.Contains(configFields, k.Value) {
			c.common = append(c.common, pair{k, root.Content[i+1]})
		}
	}
	return kindPos
}

// configKinds decodes the kinds mapping n into c.
func (d *decoder) configKinds(c *Config, n *yaml.Node, kindPos map[string]Pos) {
	switch {
	case n.Kind == yaml.AliasNode, n.Kind == yaml.ScalarNode && n.Tag == "!!null":
		return // reported by checkAnchors, or nothing set
	case n.Kind != yaml.MappingNode:
		d.errorf(d.at(n), "kinds: want a mapping from kind names to fields, got %s", describe(n))
		return
	}
	seen := map[string]*yaml.Node{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		key, val := n.Content[i], n.Content[i+1]
		switch first, dup := seen[key.Value]; {
		case key.Kind == yaml.AliasNode:
			continue
		case key.Kind != yaml.ScalarNode:
			d.errorf(d.at(key), "want a kind name, got %s", describe(key))
			continue
		case dup:
			d.errorf(d.at(key), "duplicate key %q (first at line %d)", key.Value, first.Line)
			continue
		}
		kd, ok := d.kinds.kind(key.Value)
		if !ok {
			d.errorf(d.at(key), "unknown kind %q%s", key.Value, didYouMean(key.Value, d.kinds.Names(), true))
			continue
		}
		seen[key.Value] = key
		kind := key.Value
		kindPos[kind] = d.at(key)
		switch {
		case val.Kind == yaml.AliasNode, val.Kind == yaml.ScalarNode && val.Tag == "!!null":
			continue
		case val.Kind != yaml.MappingNode:
			d.errorf(d.at(val), "kinds.%s: want a mapping of fields of kind %s, got %s", kind, kind, describe(val))
			continue
		}
		f := &Figure{Kind: kind, Spec: kd.new()}
		kv := f.specValue()
		fields := structFields(kv)
		d.mapping("", val, fields, func(key, _ *yaml.Node) {
			switch name := key.Value; {
			case slices.Contains(configFields, name):
				d.errorf(d.at(key), "field %q applies to every kind: set it at the top level of figgen.yaml", name)
			case slices.Contains(figureOnly, name):
				d.errorf(d.at(key), "field %q cannot be a folder default: set it in each spec", name)
			default:
				d.unknownTop(f, key, fields, true)
			}
		})
		for j := 0; j+1 < len(val.Content); j += 2 {
			k := val.Content[j]
			if slices.ContainsFunc(fields, func(f field) bool { return f.name == k.Value }) {
				c.kinds[kind] = append(c.kinds[kind], pair{k, val.Content[j+1]})
			}
		}
		collectTexts(kv, func(t Text) {
			if t.Src != "" {
				c.texts = append(c.texts, t)
			}
		})
	}
}

// configProbe names the spec that checkConfig decodes with the config: no
// real path holds a NUL byte.
const configProbe = "\x00/probe.yaml"

// checkConfig reports the values of c that make an invalid figure of some
// kind from a spec holding only "kind: K" (the probe): the checks of
// validate on c's own values. A check spanning fields is skipped when c
// does not set one of them (decoder.spans): the built-in default in its
// place stands for a value a real spec may set itself. A problem placed in
// the probe spec (a field c does not set) is reported at kinds.K.
func (d *decoder) checkConfig(c *Config, kindPos map[string]Pos) {
	seen := map[string]bool{}
	for _, e := range d.errs {
		seen[e.Error()] = true // a bad value fails the probes again
	}
	for _, k := range d.kinds.Names() {
		_, errs, _ := d.kinds.decode(configProbe, []byte("kind: "+k+"\n"), c, true)
		for _, e := range errs {
			pos := e.Pos
			if pos.File != c.File {
				pos = kindPos[k]
				if pos.File == "" {
					pos = Pos{File: c.File, Line: 1, Col: 1}
				}
			}
			if e := (&Error{Pos: pos, Msg: e.Msg}); !seen[e.Error()] {
				seen[e.Error()] = true
				d.errs = append(d.errs, e)
			}
		}
	}
}

// apply decodes the values of c for the fields of f that the spec's
// mapping root does not write, directly or by implication (Field.ImpliedBy), as
// if the spec held them; their positions are in c's file.
func (d *decoder) apply(f *Figure, root *yaml.Node, c *Config) {
	written := map[string]bool{}
	for i := 0; i+1 < len(root.Content); i += 2 {
		written[root.Content[i].Value] = true
	}
	fields := append(structFields(reflect.ValueOf(f).Elem()), structFields(f.specValue())...)
	for _, fl := range fields {
		by := d.kinds.field(f.Kind, fl.name).ImpliedBy
		if slices.ContainsFunc(by, func(b string) bool { return written[b] }) {
			written[fl.name] = true
		}
	}
	spec := d.source
	d.source = source{file: c.File, data: c.data, text: c.text, lines: c.lines}
	defer func() { d.source = spec }()
	for _, p := range slices.Concat(c.common, c.kinds[f.Kind]) {
		if written[p.key.Value] {
			continue
		}
		if i := slices.IndexFunc(fields, func(fl field) bool { return fl.name == p.key.Value }); i >= 0 {
			d.value(p.key.Value, p.val, fields[i].v)
		}
	}
}

// Package spec reads figure spec files: it decodes one YAML file into a
// typed Figure, fills in the defaults of the figure's kind and validates
// the result, so that later stages see one complete, checked shape.
//
// The package is the machinery, not the kinds. A kind is a struct of its
// own fields implementing KindSpec (its Fields, Default and Validate),
// named by KindOf and gathered with others into a Kinds set; package
// figures declares figgen's kinds, one file each, and figures.Kinds()
// returns their set. Decode, DecodeWith, DecodeConfig, Schema and
// ConfigSchema are methods of the set. Every constraint of a key alone
// (allowed values, limits, list lengths, required keys) is stated once, in
// the kind's Fields, and both enforced here and shown in the schema; what
// spans keys is the kind's Validate. Default and Validate see only what was
// decoded (Written), so both are functions of the decoded figure.
//
// Decoding is strict: unknown fields, wrong types, duplicate keys,
// non-finite numbers and values outside their allowed sets are errors, and
// every problem of a file is reported at once as an ErrorList of
// "path:line:col: message" errors, sorted by position. Every decoded value
// keeps its position (Figure.PosOf, Text.PosAt), so later stages can report
// their own problems at the right place. Anchors and aliases are rejected.
// A YAML syntax error is reported at the line (and mostly the column) of
// the mistake, not where the enclosing collection starts.
//
// On error Decode also returns a partial Figure whenever the file holds a
// mapping: only its Texts are meaningful (as written, without defaults), so
// that a caller can check the typesetting of a file that has other
// problems too; it must not be rendered.
//
// Values are bounded so that no spec can make rendering hang or run out of
// memory: a file of at most 1 MiB, texts of at most 2000 characters (10000
// in all in one figure, since every glyph becomes an outline) without
// control characters (but the newline: a double-quoted "$\theta$" holds a
// tab, and the error says to write TeX in single quotes; so does the error
// at the backslash of a "$\sigma$" YAML cannot parse), images of 320 to
// 10000 by 200 to 10000 pixels and at most 25 megapixels, axis ranges
// within ±1e9 and not narrower than 1e-6 of their ends, at most 8 distinct
// biases within ±1e9, 40 specimen lines, 100 diagram nodes and 200 edges.
//
// Kind-specific fields sit at the top level of the file next to the common
// ones:
//
//	kind: step
//	title: 반응 조건
//	threshold_label: $\theta$
//	output: 5
//
// # Folder defaults
//
// A figgen.yaml beside the specs sets defaults for every spec of its
// folder; DecodeConfig reads it and DecodeWith applies it (Decode is
// DecodeWith without one):
//
//	formats: [png, svg, pdf]
//	width: 720
//	height: 450
//	kinds:
//	  sigmoid:
//	    x_range: [-8, 8]
//	  unit:
//	    fan_out: 2
//
// Its top level may set formats, width and height, the common fields that
// make sense for a whole folder (kind, title, output and alt describe one
// figure and are errors there), and kinds: by kind name, any of that kind's
// own fields. Values are decoded and checked as in a spec, strictly, with
// did-you-mean suggestions for keys and kind names. A config that sets
// nothing (an empty file, only comments, "kinds:" alone) is valid and
// changes nothing. Checks spanning fields are made between the values the
// config sets itself (its x_range must contain its threshold when it sets
// both), not against built-in defaults a spec may override: a
// kinds.step.x_range of [0, 6] is valid, for specs that set a threshold
// inside it; each spec is checked with the config applied.
//
// Precedence is per field: the spec's own value, else the config's, else
// the built-in default. A field the spec writes wins even when empty
// (formula: "") or null, and lists replace whole, never merge. A value the
// spec implies beats the config's too: a unit's inputs comes from the
// spec's own input_labels or weights before the config's inputs. A config
// value counts as written by the spec for the defaults that depend on it
// (a unit's inputs from its weights). It keeps its place in figgen.yaml:
// Figure.PosOf and the Pos of its Texts point there, and a problem it
// makes for one spec (a config x_range that misses the spec's threshold)
// is reported at the config value, "(applied to specs/x.yaml)" ending the
// message. A problem between the config's width and the spec's own height
// is reported at the spec's height, and an error at a field the spec
// writes that involves a config value names it: "(width 5000 from
// specs/figgen.yaml:1:8)". Every ErrorList is in one order
// (ErrorList.Sort): by file, line and column.
//
// Schema returns a JSON Schema of spec files generated from the kinds' types
// and Fields, committed for figgen's kinds as spec/figgen.schema.json (a test keeps it current);
// with the YAML language server, a spec's first line
// "# yaml-language-server: $schema=../spec/figgen.schema.json" (the path
// relative to the spec file) turns on completion, hover and checks.
// ConfigSchema does the same for figgen.yaml, committed as
// spec/figgen.config.schema.json.
//
// The package owns decode, default and validate only. It knows nothing of
// gonum or drawing, typesets nothing (Figure.Texts hands the rich-text fields
// to whoever checks them) and imports no other figgen package.
package spec

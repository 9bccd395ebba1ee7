package spec

import (
	"encoding/json"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// The tests of this file need spec's internals; the others decode
// figgen's real kinds (package figures) from package spec_test.

// TestNoControlPattern checks the schema's pattern against forbidden.
func TestNoControlPattern(t *testing.T) {
	re := regexp.MustCompile(regexp.MustCompile(`\\u([0-9a-f]{4})`).ReplaceAllString(noControl, `\x{$1}`))
	for r := rune(0); r < 0x3000; r++ {
		if got := !re.MatchString("a" + string(r) + "b"); got != forbidden(r) {
			t.Errorf("pattern rejects U+%04X: %v, forbidden: %v", r, got, forbidden(r))
		}
	}
}

// testKind is a kind of this package's tests alone: one key for each
// constraint of Field, so that the decoder's enforcing them and the
// schema's stating them are tested without figgen's kinds.
type testKind struct {
	Mode  string     `yaml:"mode"`
	Count int        `yaml:"count"`
	Scale float64    `yaml:"scale"`
	Tags  []string   `yaml:"tags"`
	Items []testItem `yaml:"items"`
	Pair  []float64  `yaml:"pair"`
	Many  []int      `yaml:"many"`
	Label Text       `yaml:"label"`
	Extra int        `yaml:"-"`
}

type testItem struct {
	Name string `yaml:"name"`
	N    int    `yaml:"n"`
}

func (*testKind) Fields() Fields {
	return Fields{
		"mode":       {Doc: "Mode.", Enum: []string{"alpha", "beta"}},
		"count":      {Doc: "Count.", Within: [2]float64{1, 5}},
		"scale":      {Doc: "Scale.", Within: [2]float64{-MaxCoord, MaxCoord}},
		"tags":       {Doc: "Tags.", Items: [2]int{1, 0}, Unique: true, What: "tag"},
		"items":      {Doc: "Items.", Items: [2]int{0, 2}},
		"items[]":    {Required: []string{"name"}},
		"items.name": {Doc: "Name.", NonEmpty: true},
		"items.n":    {Doc: "N.", Within: [2]float64{0, 1}},
		"pair":       {Doc: "Pair.", Items: [2]int{2, 3}, Noun: "values"},
		"pair[]":     {Within: [2]float64{0, 1}},
		"many":       {Doc: "Many.", Items: [2]int{2, 0}, Noun: "numbers"},
		"label":      {Doc: "Label."},
	}
}

func (k *testKind) Default(d *Defaults) {
	Default(d, "mode", &k.Mode, "alpha")
	Default(d, "count", &k.Count, 1)
	Default(d, "tags", &k.Tags, []string{"t"})
	Default(d, "pair", &k.Pair, []float64{0, 1})
	Default(d, "many", &k.Many, []int{1, 2})
	Default(d, "label", &k.Label, d.NewText("L"))
	d.Title = "T"
	d.Alt = "A"
}

func (k *testKind) Validate(c *Check) {
	if k.Count == 4 {
		c.Errorf("count", "count 4 with mode %s", k.Mode)
	}
}

// wrongDoc documents a key it does not have.
type wrongDoc struct {
	testKind `yaml:",inline"`
}

func (*wrongDoc) Fields() Fields { return Fields{"items.nmae": {Doc: "typo"}} }

func testKinds() *Kinds {
	return NewKinds(KindOf[testKind]("test", "A kind of the tests."))
}

func TestNewKindsPanics(t *testing.T) {
	for name, ks := range map[string][]Kind{
		"repeated name":      {KindOf[testKind]("test", ""), KindOf[testKind]("test", "")},
		"empty name":         {KindOf[testKind]("", "")},
		"undocumented key":   {KindOf[wrongDoc]("wrong", "")},
		"zero Kind":          {{Name: "zero"}},
		"repeated, unsorted": {KindOf[testKind]("b", ""), KindOf[testKind]("a", ""), KindOf[testKind]("b", "")},
	} {
		t.Run(name, func(t *testing.T) {
			defer func() {
				if recover() == nil {
					t.Errorf("NewKinds did not panic")
				}
			}()
			NewKinds(ks...)
		})
	}
	if got := NewKinds(KindOf[testKind]("b", ""), KindOf[testKind]("a", "")).Names(); !slices.Equal(got, []string{"a", "b"}) {
		t.Errorf("Names = %q, want sorted", got)
	}
}

// TestConstraints checks the errors of the constraints of Field, each at
// its value.
func TestConstraints(t *testing.T) {
	ks := testKinds()
	for _, tt := range []struct {
		name, in string
		want     []string
	}{
		{"ok", "kind: test\nmode: beta\ncount: 5\nscale: -1e9\ntags: [a, b]\nitems: [{name: x, n: 1}]\npair: [0, 0.5, 1]\nmany: [1, 1, 1]\n", nil},
		{"enum", "kind: test\nmode: alhpa\n", []string{`2:7: unknown mode "alhpa" (did you mean "alpha"?)`}},
		{"enum, far", "kind: test\nmode: gamma\n", []string{`2:7: unknown mode "gamma" (want one of alpha, beta)`}},
		{"int within", "kind: test\ncount: 0\n", []string{"2:8: count: want 1 to 5, got 0"}},
		{"float within", "kind: test\nscale: 2e9\n", []string{"2:8: scale: want a value from -1 × 10⁹ to 1 × 10⁹, got 2 × 10⁹"}},
		{"at least one", "kind: test\ntags: []\n", []string{"2:7: tags: want at least one tag, got 0"}},
		{"unique", "kind: test\ntags: [a, b, a]\n", []string{`2:14: duplicate tag "a"`}},
		{"at most", "kind: test\nitems: [{name: a}, {name: b}, {name: c}]\n", []string{"2:8: items: want at most 2 items, got 3"}},
		{"required", "kind: test\nitems: [{n: 1}]\n", []string{"2:9: items[0]: missing name"}},
		{"non-empty", "kind: test\nitems: [{name: ''}]\n", []string{"2:16: items[0].name: want a non-empty name"}},
		{"item within", "kind: test\nitems: [{name: a, n: 2}]\n", []string{"2:22: items[0].n: want 0 to 1, got 2"}},
		{"n or m", "kind: test\npair: [1]\n", []string{"2:7: pair: want 2 or 3 values, got 1"}},
		{"items within", "kind: test\npair: [0, 2]\n", []string{"2:11: pair[1]: want a value from 0 to 1, got 2"}},
		{"at least n", "kind: test\nmany: [1]\n", []string{"2:7: many: want at least 2 numbers, got 1"}},
		{"validate after", "kind: test\ncount: 4\n", []string{"2:8: count 4 with mode alpha"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			f, err := ks.Decode("t.yaml", []byte(tt.in))
			var got []string
			if list, ok := err.(ErrorList); ok {
				for _, e := range list {
					got = append(got, strings.TrimPrefix(e.Error(), "t.yaml:"))
				}
			} else if err != nil {
				t.Fatalf("error %T: %v", err, err)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("errors:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
			if err == nil {
				if k, ok := f.Spec.(*testKind); !ok || f.Title.Src != "T" || f.Alt != "A" || k.Label.Src != "L" {
					t.Errorf("Spec %#v, title %q, alt %q", f.Spec, f.Title.Src, f.Alt)
				}
			}
		})
	}
}

// TestConstraintsSchema checks that the schema states each constraint.
func TestConstraintsSchema(t *testing.T) {
	var s struct {
		AllOf []struct {
			Then struct {
				Description string
				Properties  map[string]map[string]any
			}
		}
	}
	if err := json.Unmarshal(testKinds().Schema(), &s); err != nil {
		t.Fatal(err)
	}
	if len(s.AllOf) != 1 {
		t.Fatalf("%d branches, want 1", len(s.AllOf))
	}
	then := s.AllOf[0].Then
	if then.Description != "kind test: A kind of the tests." {
		t.Errorf("description %q", then.Description)
	}
	p := then.Properties
	items := func(key string) map[string]any { return p[key]["items"].(map[string]any) }
	item := func(key, sub string) map[string]any {
		return items(key)["properties"].(map[string]any)[sub].(map[string]any)
	}
	for _, c := range []struct {
		name      string
		got, want any
	}{
		{"mode enum", p["mode"]["enum"], []any{"alpha", "beta"}},
		{"mode default", p["mode"]["default"], "alpha"},
		{"count minimum", p["count"]["minimum"], 1.0},
		{"count maximum", p["count"]["maximum"], 5.0},
		{"tags minItems", p["tags"]["minItems"], 1.0},
		{"tags maxItems", p["tags"]["maxItems"], nil},
		{"tags uniqueItems", p["tags"]["uniqueItems"], true},
		{"items maxItems", p["items"]["maxItems"], 2.0},
		{"items required", items("items")["required"], []any{"name"}},
		{"items.name minLength", item("items", "name")["minLength"], 1.0},
		{"items.n maximum", item("items", "n")["maximum"], 1.0},
		{"pair items maximum", items("pair")["maximum"], 1.0},
		{"label description", p["label"]["description"] != nil, true},
		{"no key of tag -", p["-"] == nil && p["extra"] == nil, true},
	} {
		if !reflect.DeepEqual(c.got, c.want) {
			t.Errorf("%s = %#v, want %#v", c.name, c.got, c.want)
		}
	}
}

package typeset_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/figgen/figgen/figures"
	"github.com/figgen/figgen/typeset"
)

// typesetCounts counts how often each line was parsed and laid out (at
// one size and weight), by Check and by a handler.
type typesetCounts map[typeset.Trace]int

// countTypesetting runs do and counts the lines it parses and lays out.
func countTypesetting(do func()) typesetCounts {
	c := typesetCounts{}
	stop := typeset.TraceLines(func(tr typeset.Trace) { c[tr]++ })
	defer stop()
	do()
	return c
}

// of sums the counts of the steps that are (or are not) by Check and
// layouts: the number of steps, of distinct keys, and the most steps of
// one key.
func (c typesetCounts) of(check, layout bool) (n, keys, most int) {
	for tr, k := range c {
		if tr.Check == check && tr.Layout == layout {
			n += k
			keys++
			most = max(most, k)
		}
	}
	return n, keys, most
}

func (c typesetCounts) String() string {
	cp, cpk, _ := c.of(true, false)
	cl, _, _ := c.of(true, true)
	hp, hpk, _ := c.of(false, false)
	hl, hlk, _ := c.of(false, true)
	return fmt.Sprintf("check %d parses of %d lines, %d layouts; handler %d parses of %d lines, %d layouts of %d line sizes",
		cp, cpk, cl, hp, hpk, hl, hlk)
}

// TestTypesetOncePerRender checks each figure as a run does in validation,
// then renders it in every format, and counts how often each line of text
// is parsed and laid out: Render checks nothing again, and its handler
// parses each line once and lays it out once per size and weight, however
// often gonum measures and draws it.
func TestTypesetOncePerRender(t *testing.T) {
	eng, err := typeset.New()
	if err != nil {
		t.Fatal(err)
	}
	r := figures.New(eng)
	files, err := filepath.Glob("../figures/testdata/*.yaml")
	if err != nil || len(files) == 0 {
		t.Fatalf("no test specs: %v", err)
	}
	for _, path := range files {
		name := strings.TrimSuffix(filepath.Base(path), ".yaml")
		t.Run(name, func(t *testing.T) {
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			f, err := figures.Kinds().Decode(path, data)
			if err != nil {
				t.Fatal(err)
			}
			var files []figures.Data // a plot's data files, beside it
			for _, df := range figures.DataFiles(f) {
				b, err := os.ReadFile(filepath.Join(filepath.Dir(path), df.Name))
				if err != nil {
					t.Fatal(err)
				}
				files = append(files, figures.Data{Name: df.Name, Bytes: b})
			}
			if err := figures.LoadData(f, files); err != nil {
				t.Fatal(err)
			}
			f.Formats = []string{"png", "svg", "pdf"}
			check := countTypesetting(func() {
				if err := r.Check(f); err != nil {
					t.Fatal(err)
				}
			})
			render := countTypesetting(func() {
				if _, err := r.Render(f); err != nil {
					t.Fatal(err)
				}
			})
			t.Logf("validation: %v", check)
			t.Logf("render:     %v", render)
			if n, _, _ := check.of(false, false); n > 0 {
				t.Errorf("Check used a handler")
			}
			if n, _, _ := render.of(true, false); n > 0 {
				t.Errorf("Render checked the texts again: %v", render)
			}
			parsed := map[string]bool{}
			for tr, n := range render {
				if tr.Check {
					continue
				}
				if n > 1 {
					t.Errorf("%q %s %d times (size %v, bold %v), want once", tr.Line, step(tr), n, tr.Size, tr.Bold)
				}
				if !tr.Layout {
					parsed[tr.Line] = true
				}
			}
			for tr := range render {
				if !tr.Check && tr.Layout && !parsed[tr.Line] {
					t.Errorf("%q laid out but never parsed", tr.Line)
				}
			}
		})
	}
}

func step(tr typeset.Trace) string {
	if tr.Layout {
		return "laid out"
	}
	return "parsed"
}

// TestRenderUncheckedText renders a figure whose title Check rejects: Render
// does not check, and draws the bad line as its source text.
func TestRenderUncheckedText(t *testing.T) {
	eng, err := typeset.New()
	if err != nil {
		t.Fatal(err)
	}
	r := figures.New(eng)
	f, err := figures.Kinds().Decode("bad.yaml", []byte("kind: sigmoid\ntitle: '$\\frac{1}$ \\sigam 🙂 $x'\nformats: [png, svg, pdf]\n"))
	if err != nil {
		t.Fatal(err)
	}
	if err := r.Check(f); err == nil {
		t.Fatal("Check accepts the title")
	}
	outs, err := r.Render(f)
	if err != nil || len(outs) != 3 {
		t.Fatalf("Render = %d outputs, %v", len(outs), err)
	}
}

// BenchmarkCheckAndRender checks and renders a figure to PNG, as a run does.
func BenchmarkCheckAndRender(b *testing.B) {
	eng, err := typeset.New()
	if err != nil {
		b.Fatal(err)
	}
	r := figures.New(eng)
	for _, name := range []string{"sigmoid-plain", "unit-bias"} {
		path := "../figures/testdata/" + name + ".yaml"
		data, err := os.ReadFile(path)
		if err != nil {
			b.Fatal(err)
		}
		f, err := figures.Kinds().Decode(path, data)
		if err != nil {
			b.Fatal(err)
		}
		f.Formats = []string{"png"}
		b.Run(name, func(b *testing.B) {
			for b.Loop() {
				if err := r.Check(f); err != nil {
					b.Fatal(err)
				}
				if _, err := r.Render(f); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

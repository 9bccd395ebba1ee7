package figures

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/font/liberation"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"

	"github.com/figgen/figgen/neuron"
	"github.com/figgen/figgen/spec"
	"github.com/figgen/figgen/typeset"
)

var (
	engineOnce sync.Once
	engine     *typeset.Engine
	engineErr  error
)

func renderer(t testing.TB) *Renderer {
	t.Helper()
	engineOnce.Do(func() { engine, engineErr = typeset.New() })
	if engineErr != nil {
		t.Fatal(engineErr)
	}
	return New(engine)
}

func decodeFile(t testing.TB, path string) *spec.Figure {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	f := decodeYAML(t, path, string(data))
	// A plot's data files, beside the spec.
	var files []Data
	for _, df := range DataFiles(f) {
		name := filepath.Join(filepath.Dir(path), filepath.FromSlash(df.Name))
		b, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, Data{Name: name, Bytes: b})
	}
	if err := LoadData(f, files); err != nil {
		t.Fatalf("data of %s: %v", path, err)
	}
	return f
}

// decodeYAML decodes a spec given as text; path names it.
func decodeYAML(t testing.TB, path, src string) *spec.Figure {
	t.Helper()
	f, err := Kinds().Decode(path, []byte(src))
	if err != nil {
		t.Fatalf("decode %s: %v", path, err)
	}
	return f
}

func testSpecs(t testing.TB) []string {
	t.Helper()
	files, err := filepath.Glob("testdata/*.yaml")
	if err != nil || len(files) == 0 {
		t.Fatalf("no test specs: %v", err)
	}
	return files
}

// TestDeterministic renders each kind twice, in every format, concurrently,
// and wants identical bytes.
func TestDeterministic(t *testing.T) {
	r := renderer(t)
	for _, path := range testSpecs(t) {
		f := decodeFile(t, path)
		f.Formats = []string{"png", "svg", "pdf"}
		var wg sync.WaitGroup
		var a, b []Output
		var ea, eb error
		wg.Add(2)
		go func() { defer wg.Done(); a, ea = r.Render(f) }()
		go func() { defer wg.Done(); b, eb = r.Render(f) }()
		wg.Wait()
		if ea != nil || eb != nil {
			t.Fatalf("%s: %v %v", path, ea, eb)
		}
		for i := range a {
			if !bytes.Equal(a[i].Data, b[i].Data) {
				t.Errorf("%s: %s differs between two renders", path, a[i].Name)
			}
		}
	}
}

func TestPNGSizeAndPDF(t *testing.T) {
	r := renderer(t)
	f := decodeFile(t, "testdata/specimen.yaml")
	f.Formats = []string{"png", "pdf"}
	outs, err := r.Render(f)
	if err != nil {
		t.Fatal(err)
	}
	cfgW, cfgH := pngSize(t, outs[0].Data)
	if cfgW != f.Width || cfgH != f.Height {
		t.Errorf("PNG is %d×%d, spec asks %d×%d", cfgW, cfgH, f.Width, f.Height)
	}
	pdf := outs[1].Data
	if !bytes.HasPrefix(pdf, []byte("%PDF-")) {
		t.Fatalf("not a PDF: %q", pdf[:min(20, len(pdf))])
	}
	if bytes.Contains(pdf, []byte("/FontFile")) || bytes.Contains(pdf, []byte("/Font ")) && bytes.Contains(pdf, []byte("/BaseFont")) {
		t.Errorf("PDF uses a font; text must be outlines")
	}
}

// TestReusedImages renders a figure before and after a larger one: the
// images and buffers a Renderer reuses leave nothing of the larger figure
// in the smaller.
func TestReusedImages(t *testing.T) {
	r := renderer(t)
	small := decodeFile(t, "testdata/sigmoid-plain.yaml")
	small.Formats = []string{"png"}
	small.Width, small.Height = 400, 300
	big := *small
	big.Width, big.Height = 1200, 900
	first, err := r.Render(small)
	if err != nil {
		t.Fatal(err)
	}
	for range 3 {
		if _, err := r.Render(&big); err != nil {
			t.Fatal(err)
		}
		again, err := r.Render(small)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(first[0].Data, again[0].Data) {
			t.Fatal("the small figure's PNG changed after a larger one")
		}
	}
}

func pngSize(t *testing.T, data []byte) (int, int) {
	t.Helper()
	if len(data) < 24 || string(data[12:16]) != "IHDR" {
		t.Fatal("not a PNG")
	}
	be := func(b []byte) int { return int(b[0])<<24 | int(b[1])<<16 | int(b[2])<<8 | int(b[3]) }
	return be(data[16:20]), be(data[20:24])
}

func TestIndex(t *testing.T) {
	r := renderer(t)
	f := decodeFile(t, "testdata/sigmoid-plain.yaml")
	f.Alt = `a <script> & "quotes"`
	outs, err := r.Render(f)
	if err != nil {
		t.Fatal(err)
	}
	page := string(Index([]*spec.Figure{f}, [][]Output{outs}))
	for _, want := range []string{`src="sigmoid-plain.png"`, "sigmoid-plain.yaml", "a &lt;script&gt; &amp; &#34;quotes&#34;"} {
		if !strings.Contains(page, want) {
			t.Errorf("index lacks %q", want)
		}
	}
}

// BenchmarkRender renders each test spec to PNG and to SVG.
func BenchmarkRender(b *testing.B) {
	r := renderer(b)
	for _, path := range testSpecs(b) {
		f := decodeFile(b, path)
		f.Width, f.Height = 800, 500
		for _, format := range []string{"png", "svg"} {
			g := *f
			g.Formats = []string{format}
			b.Run(strings.TrimSuffix(filepath.Base(path), ".yaml")+"/"+format, func(b *testing.B) {
				for b.Loop() {
					if _, err := r.Render(&g); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}

// BenchmarkRenderParallel renders all test specs to PNG across cores, the
// way `figgen render` does.
func BenchmarkRenderParallel(b *testing.B) {
	r := renderer(b)
	var figs []*spec.Figure
	for _, path := range testSpecs(b) {
		f := decodeFile(b, path)
		f.Formats = []string{"png"}
		figs = append(figs, f)
	}
	b.RunParallel(func(pb *testing.PB) {
		i := 0
		for pb.Next() {
			if _, err := r.Render(figs[i%len(figs)]); err != nil {
				b.Error(err)
				return
			}
			i++
		}
	})
}

// BenchmarkTextCost renders the sigmoid figure (title, axis labels, ticks,
// a fraction) with figgen's typesetter and with gonum's plain text handler,
// to show what typesetting costs per figure.
func BenchmarkTextCost(b *testing.B) {
	r := renderer(b)
	f := decodeFile(b, "../specs/08-sigmoid.yaml")
	f.Formats = []string{"png"}
	b.Run("typeset", func(b *testing.B) {
		for b.Loop() {
			if _, err := renderWith(r, f, r.eng.Handler()); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("gonum-plain", func(b *testing.B) {
		h := plainHandler{text.Plain{Fonts: font.NewCache(liberation.Collection())}}
		for b.Loop() {
			if _, err := renderWith(r, f, h); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// renderWith renders f as r does, its texts set by h.
func renderWith(r *Renderer, f *spec.Figure, h text.Handler) ([]Output, error) {
	l, err := buildLayout(f, h)
	if err != nil {
		return nil, err
	}
	return r.pools.render(f, l.draws)
}

// plainHandler is gonum's plain text handler with figgen's font names
// mapped to Liberation, which it needs (it has no fallback).
type plainHandler struct{ text.Plain }

func (h plainHandler) fix(f font.Font) font.Font {
	f.Typeface, f.Variant = "Liberation", "Serif"
	return f
}
func (h plainHandler) Extents(f font.Font) font.Extents { return h.Plain.Extents(h.fix(f)) }
func (h plainHandler) Box(s string, f font.Font) (vg.Length, vg.Length, vg.Length) {
	return h.Plain.Box(s, h.fix(f))
}
func (h plainHandler) Draw(c vg.Canvas, s string, sty text.Style, pt vg.Point) {
	sty.Font = h.fix(sty.Font)
	h.Plain.Draw(c, s, sty, pt)
}

// TestEveryKindDraws: every registered kind draws as it is by default,
// and bias-shift draws every activation neuron names.
func TestEveryKindDraws(t *testing.T) {
	r := renderer(t)
	var specs []string
	for _, k := range Kinds().Names() {
		specs = append(specs, "kind: "+k+"\nformats: [svg]\n")
	}
	for _, a := range neuron.ActivationNames() {
		specs = append(specs, "kind: bias-shift\nactivation: "+a+"\nformats: [svg]\n")
	}
	for _, src := range specs {
		if _, err := r.Render(decodeYAML(t, "x.yaml", src)); err != nil {
			t.Errorf("%q: %v", src, err)
		}
	}
	for _, a := range neuron.ActivationNames() {
		if _, ok := notation[a]; !ok {
			t.Errorf("activation %q has no notation", a)
		}
	}
}

// TestPDFDates: a PDF carries the fixed date, never the time of the run.
func TestPDFDates(t *testing.T) {
	r := renderer(t)
	f := decodeFile(t, "testdata/step-symbolic.yaml")
	f.Formats = []string{"pdf"}
	outs, err := r.Render(f)
	if err != nil {
		t.Fatal(err)
	}
	for _, key := range []string{"/CreationDate (D:20201214000000)", "/ModDate (D:20201214000000)"} {
		if !bytes.Contains(outs[0].Data, []byte(key)) {
			t.Errorf("PDF lacks %s", key)
		}
	}
}

// BenchmarkPeerFigures renders the four figures of the benchmark against
// gnuplot (bench/specs) to PNG and SVG, as `go run ./bench` times them.
func BenchmarkPeerFigures(b *testing.B) { benchPeerFigures(b, nil) }

// BenchmarkPeerFiguresSVG renders the same four figures to SVG alone.
func BenchmarkPeerFiguresSVG(b *testing.B) { benchPeerFigures(b, []string{"svg"}) }

// benchPeerFigures renders the benchmark's four figures in formats (nil:
// as their specs say).
func benchPeerFigures(b *testing.B, formats []string) {
	r := renderer(b)
	paths, err := filepath.Glob("../bench/specs/*.yaml")
	if err != nil || len(paths) != 4 {
		b.Fatalf("bench/specs: %v %v", paths, err)
	}
	var figs []*spec.Figure
	for _, p := range paths {
		f := decodeFile(b, p)
		if formats != nil {
			f.Formats = formats
		}
		figs = append(figs, f)
	}
	for b.Loop() {
		for _, f := range figs {
			if _, err := r.Render(f); err != nil {
				b.Fatal(err)
			}
		}
	}
}

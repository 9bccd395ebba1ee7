package figures

import (
	"bytes"
	"encoding/xml"
	"image/png"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/figgen/figgen/internal/golden"
	"github.com/figgen/figgen/spec"
)

// TestGolden renders every spec under testdata/ and compares the PNG with
// its golden by pixels (golden.Default), the SVG byte for byte and the PDF
// as text (its objects, the content stream inflated) byte for byte; the PDF
// drawn back with a raster canvas must look like the PNG. Run with -update
// to rewrite the goldens, then look at every changed one.
func TestGolden(t *testing.T) {
	r := renderer(t)
	for _, path := range testSpecs(t) {
		name := strings.TrimSuffix(filepath.Base(path), ".yaml")
		t.Run(name, func(t *testing.T) {
			f := decodeFile(t, path)
			f.Formats = []string{"png", "svg", "pdf"}
			outs, err := r.Render(f)
			if err != nil {
				t.Fatal(err)
			}
			golden.PNG(t, filepath.Join("testdata", name+".png"), outs[0].Data, golden.Default)
			checkSVG(t, outs[1].Data, f)
			golden.Bytes(t, filepath.Join("testdata", name+".svg"), outs[1].Data)
			pdf := readPDF(t, outs[2].Data)
			golden.Bytes(t, filepath.Join("testdata", name+".pdf.txt"), pdf.Text())
			checkPDFLooksLikePNG(t, pdf, outs[0].Data)
		})
	}
}

// checkSVG asserts the SVG parses, is named by the figure's title (the alt
// text without one) and described by the alt text, says its language and
// draws text as outlines (no <text> element, no font needed on the reader's
// machine).
func checkSVG(t *testing.T, data []byte, f *spec.Figure) {
	t.Helper()
	dec := xml.NewDecoder(bytes.NewReader(data))
	seen := map[string]bool{}
	texts := map[string]string{}
	var cur string
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("SVG does not parse: %v", err)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			seen[tok.Name.Local] = true
			cur = tok.Name.Local
			if cur == "svg" {
				for _, a := range tok.Attr {
					if a.Name.Local == "lang" {
						texts["lang"] = a.Value
					}
				}
			}
		case xml.CharData:
			texts[cur] += string(tok)
		case xml.EndElement:
			cur = ""
		}
	}
	doc := docOf(f)
	wantTitle := f.Alt
	if f.Title.Src != "" {
		wantTitle = doc.Title
	}
	if texts["title"] != wantTitle || wantTitle == "" {
		t.Errorf("SVG <title> is %q, want the figure's title %q", texts["title"], wantTitle)
	}
	if f.Alt != wantTitle && texts["desc"] != f.Alt {
		t.Errorf("SVG <desc> is %q, want the alt text %q", texts["desc"], f.Alt)
	}
	if texts["lang"] != "ko" {
		t.Errorf("SVG lang is %q, want ko", texts["lang"])
	}
	if bytes.Contains(data, []byte("fill:#-")) {
		t.Errorf("SVG has an invalid fill colour")
	}
	if seen["text"] {
		t.Errorf("SVG has a <text> element: text must be drawn as outlines")
	}
}

// TestGoldenSeesText proves the PNG comparison of the goldens sees text: a
// render matches itself, and one glyph changed in one label of the same
// figure does not match. The figure is the smallest figgen draws, where
// glyphs have the fewest pixels.
func TestGoldenSeesText(t *testing.T) {
	data, err := os.ReadFile("testdata/step-symbolic.yaml")
	if err != nil {
		t.Fatal(err)
	}
	base := edit(t, string(data), "width: 480\nheight: 300\n", "width: 320\nheight: 200\nformats: [png]\n")
	want := renderPNG(t, base)
	d, err := golden.ComparePNG(renderPNG(t, base), want, golden.Default)
	if err != nil {
		t.Fatal(err)
	}
	if !golden.Default.Allows(d) {
		t.Errorf("a render does not match itself: %v", d)
	}
	for _, swap := range []struct{ from, to string }{
		{`threshold_label: '$\theta$'`, `threshold_label: '$\phi$'`},
		{`x_label: "$w_1x_1 + w_2x_2$"`, `x_label: "$w_1x_1 - w_2x_2$"`},
		{`x_label: "$w_1x_1 + w_2x_2$"`, `x_label: "$w_1x_7 + w_2x_2$"`},
		{`title: 반응 조건`, `title: 반응 초건`},
	} {
		got := renderPNG(t, edit(t, base, swap.from, swap.to))
		d, err := golden.ComparePNG(got, want, golden.Default)
		if err != nil {
			t.Fatal(err)
		}
		if golden.Default.Allows(d) {
			t.Errorf("%s → %s: the PNG still matches (%v)", swap.from, swap.to, d)
		} else {
			t.Logf("%s → %s: %v", swap.from, swap.to, d)
		}
	}
}

// edit replaces from with to in the spec text src, which must hold it.
func edit(t *testing.T, src, from, to string) string {
	t.Helper()
	if !strings.Contains(src, from) {
		t.Fatalf("spec lacks %q", from)
	}
	return strings.Replace(src, from, to, 1)
}

// renderPNG decodes the spec text src, which asks for a 320×200 PNG, and
// renders it.
func renderPNG(t *testing.T, src string) []byte {
	t.Helper()
	path := filepath.Join(t.TempDir(), "step-symbolic.yaml")
	if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	outs, err := renderer(t).Render(decodeFile(t, path))
	if err != nil {
		t.Fatal(err)
	}
	if len(outs) != 1 {
		t.Fatalf("rendered %d files, want the PNG alone", len(outs))
	}
	if w, h := pngSize(t, outs[0].Data); w != 320 || h != 200 {
		t.Fatalf("rendered %d×%d, want 320×200", w, h)
	}
	return outs[0].Data
}

// readPDF parses a PDF figgen wrote, checking its structure.
func readPDF(t *testing.T, data []byte) *golden.PDF {
	t.Helper()
	p, err := golden.ReadPDF(data)
	if err != nil {
		t.Fatalf("PDF: %v", err)
	}
	return p
}

// pdfLikePNG is how far the PDF, drawn back with gonum's raster canvas,
// may be from the PNG: its coordinates are rounded to 1/100 pt and its
// arcs are Béziers, which moves anti-aliased edges by a few levels.
var pdfLikePNG = golden.Tolerance{Channel: 40, MaxPixels: 0}

// checkPDFLooksLikePNG draws the PDF's content stream back at the PNG's
// resolution and compares it with the PNG: a colour written pre-multiplied,
// a lost side of a rounded box or a missing label background shows.
func checkPDFLooksLikePNG(t *testing.T, p *golden.PDF, pngData []byte) {
	t.Helper()
	d, err := pdfVersusPNG(p, pngData)
	if err != nil {
		t.Fatalf("PDF: %v", err)
	}
	if !pdfLikePNG.Allows(d) {
		t.Errorf("the PDF drawn back differs from the PNG: %v", d)
	}
}

func pdfVersusPNG(p *golden.PDF, pngData []byte) (golden.Diff, error) {
	img, err := p.Rasterize(96)
	if err != nil {
		return golden.Diff{}, err
	}
	want, err := png.Decode(bytes.NewReader(pngData))
	if err != nil {
		return golden.Diff{}, err
	}
	return golden.Compare(img, want, pdfLikePNG.Channel), nil
}

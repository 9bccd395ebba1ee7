package figures

import (
	"regexp"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/figgen/figgen/internal/golden"
)

// renderPDF renders the testdata spec name as PNG and PDF.
func renderPDF(t *testing.T, name string) (*golden.PDF, []byte) {
	t.Helper()
	f := decodeFile(t, "testdata/"+name+".yaml")
	f.Formats = []string{"png", "pdf"}
	outs, err := renderer(t).Render(f)
	if err != nil {
		t.Fatal(err)
	}
	return readPDF(t, outs[1].Data), outs[0].Data
}

// TestPDFTranslucentColour: the fire region of plane-or, #d62728 at alpha
// 0x30, is written as that colour with an ExtGState alpha, not multiplied
// by its alpha (which viewers show grey).
func TestPDFTranslucentColour(t *testing.T) {
	p, _ := renderPDF(t, "plane-or")
	if !strings.Contains(string(p.Content), "0.8392 0.1529 0.1569 rg\n/A48 gs\n") {
		t.Errorf("the translucent fill is not #d62728 with alpha /A48")
	}
	if !strings.Contains(p.Objects[2], "/A48 << /Type /ExtGState /ca 0.1882 /CA 0.1882 >>") {
		t.Errorf("no ExtGState of alpha 48/255: %s", p.Objects[2])
	}
}

// roundedBox matches a rounded box in a content stream: four sides, four
// corners.
var roundedBox = regexp.MustCompile(`m\n(?:[-0-9. ]+ l\n[-0-9. ]+ c\n){4}h\n[fS]\n`)

// TestPDFRoundedBoxSides: a rounded box of signal-output is one path, its
// four corners as curves joined by straight sides.
func TestPDFRoundedBoxSides(t *testing.T) {
	p, _ := renderPDF(t, "signal-output")
	if !roundedBox.Match(p.Content) {
		t.Errorf("no stroked rounded box with sides in the content stream")
	}
}

// TestPDFCheckSeesBreakage proves that the golden test's comparison of the
// PDF, drawn back, with the PNG fails on each of the faults viewers showed
// in gonum's PDFs: colours pre-multiplied, rounded boxes without sides,
// label backgrounds missing.
func TestPDFCheckSeesBreakage(t *testing.T) {
	for _, c := range []struct {
		name, fault string
		breakIt     func(content string) string
	}{
		{"plane-or", "pre-multiplied colour", func(s string) string {
			return strings.ReplaceAll(s, "0.8392 0.1529 0.1569 rg\n/A48 gs", "0.1608 0.0275 0.0275 rg\n/A48 gs")
		}},
		{"signal-output", "rounded boxes without sides", func(s string) string {
			// the sides of the rounded boxes become moves
			return roundedBox.ReplaceAllStringFunc(s, func(box string) string {
				return strings.ReplaceAll(box, " l\n", " m\n")
			})
		}},
		{"unit-bias", "no label backgrounds", func(s string) string {
			// every white fill after the page's background
			i := strings.Index(s, "f\n") + 2
			return s[:i] + strings.ReplaceAll(s[i:], "1 1 1 rg", "0.1333 0.1333 0.1333 rg")
		}},
	} {
		p, png := renderPDF(t, c.name)
		d, err := pdfVersusPNG(p, png)
		if err != nil {
			t.Fatal(err)
		}
		if !pdfLikePNG.Allows(d) {
			t.Fatalf("%s: the PDF does not look like the PNG: %v", c.name, d)
		}
		broken := c.breakIt(string(p.Content))
		if broken == string(p.Content) {
			t.Fatalf("%s: %s: the content stream did not change", c.name, c.fault)
		}
		p.Content = []byte(broken)
		d, err = pdfVersusPNG(p, png)
		if err != nil {
			t.Fatal(err)
		}
		if pdfLikePNG.Allows(d) {
			t.Errorf("%s: %s still passes", c.name, c.fault)
		} else {
			t.Logf("%s: %s: %v", c.name, c.fault, d)
		}
	}
}

// TestPDFMetadata: the PDF carries the figure's title, its alt text as the
// subject and its language, and asks viewers to show the title.
func TestPDFMetadata(t *testing.T) {
	f := decodeFile(t, "testdata/step-symbolic.yaml")
	f.Title.Src = `반응 조건의 경계 $w_1x_1 + w_2x_2 = \theta$`
	f.Formats = []string{"pdf"}
	outs, err := renderer(t).Render(f)
	if err != nil {
		t.Fatal(err)
	}
	p := readPDF(t, outs[0].Data)
	info := p.Objects[len(p.Objects)-1]
	for key, want := range map[string]string{"/Title": "반응 조건의 경계 w1x1 + w2x2 = θ", "/Subject": f.Alt} {
		m := regexp.MustCompile(key + ` <FEFF([0-9A-F]*)>`).FindStringSubmatch(info)
		if m == nil {
			t.Errorf("no %s in %s", key, info)
			continue
		}
		if got := utf16Hex(t, m[1]); got != want {
			t.Errorf("%s is %q, want %q", key, got, want)
		}
	}
	if !strings.Contains(p.Objects[0], "/Lang (ko)") || !strings.Contains(p.Objects[0], "/DisplayDocTitle true") {
		t.Errorf("catalog lacks /Lang (ko) or /DisplayDocTitle: %s", p.Objects[0])
	}
}

func utf16Hex(t *testing.T, h string) string {
	var us []uint16
	for i := 0; i+4 <= len(h); i += 4 {
		var u uint16
		for _, c := range h[i : i+4] {
			u = u<<4 | uint16(strings.IndexRune("0123456789ABCDEF", c))
		}
		us = append(us, u)
	}
	return string(utf16.Decode(us))
}

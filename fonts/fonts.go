package fonts

import (
	_ "embed"

	"codeberg.org/go-fonts/stix/stix2mathregular"
	"codeberg.org/go-fonts/stix/stix2textbold"
	"codeberg.org/go-fonts/stix/stix2textbolditalic"
	"codeberg.org/go-fonts/stix/stix2textitalic"
	"codeberg.org/go-fonts/stix/stix2textregular"
)

var (
	//go:embed NanumGothic.ttf
	nanumGothic []byte
	//go:embed NanumGothicBold.ttf
	nanumGothicBold []byte
)

// Face names one embedded font file.
type Face int

// The embedded faces.
const (
	HangulRegular   Face = iota // NanumGothic: Hangul and Latin, upright
	HangulBold                  // NanumGothic Bold
	LatinRegular                // STIX Two Text Regular
	LatinItalic                 // STIX Two Text Italic
	LatinBold                   // STIX Two Text Bold
	LatinBoldItalic             // STIX Two Text Bold Italic
	Math                        // STIX Two Math: operators, relations, Greek, large symbols
	numFaces
)

// Faces lists every embedded face in a fixed order.
func Faces() []Face {
	fs := make([]Face, numFaces)
	for i := range fs {
		fs[i] = Face(i)
	}
	return fs
}

// Data returns the font file of f (TrueType or OpenType/CFF). The slice is
// shared: callers must not modify it.
func Data(f Face) []byte {
	switch f {
	case HangulRegular:
		return nanumGothic
	case HangulBold:
		return nanumGothicBold
	case LatinRegular:
		return stix2textregular.TTF
	case LatinItalic:
		return stix2textitalic.TTF
	case LatinBold:
		return stix2textbold.TTF
	case LatinBoldItalic:
		return stix2textbolditalic.TTF
	case Math:
		return stix2mathregular.TTF
	}
	return nil
}

// String returns the face's family and style name.
func (f Face) String() string {
	switch f {
	case HangulRegular:
		return "NanumGothic"
	case HangulBold:
		return "NanumGothic Bold"
	case LatinRegular:
		return "STIX Two Text"
	case LatinItalic:
		return "STIX Two Text Italic"
	case LatinBold:
		return "STIX Two Text Bold"
	case LatinBoldItalic:
		return "STIX Two Text Bold Italic"
	case Math:
		return "STIX Two Math"
	}
	return "unknown"
}

package figures

import (
	"strconv"

	"github.com/figgen/figgen/spec"
)

// Outputs returns the files Render writes for f, without their data, in
// the order Render returns them: for each format of the spec, each theme,
// each scale. A dark output's name has ".dark" before its extension, a
// PNG at scale 2 "@2x" (5.png, 5.dark.png, 5@2x.png, 5.dark@2x.png).
// Scales apply to PNGs alone: SVG and PDF are vector images. With themes
// auto, the SVG is one file that follows the reader's page (Theme "auto",
// named as a light one) and the PNGs and PDFs are written in both themes.
func Outputs(f *spec.Figure) []Output {
	var outs []Output
	for _, format := range f.Formats {
		themes := []string(f.Themes)
		switch {
		case f.Themes.Auto() && format == "svg":
			themes = []string{spec.ThemeAuto}
		case f.Themes.Auto():
			themes = []string{spec.ThemeLight, spec.ThemeDark}
		}
		scales := []int{1}
		if format == "png" {
			scales = f.Scales
		}
		for _, th := range themes {
			for _, s := range scales {
				outs = append(outs, Output{Name: VariantName(f.Output, format, th, s), Format: format, Theme: th, Scale: s})
			}
		}
	}
	return outs
}

// VariantName is the name of the output of base name output in format,
// theme and scale.
func VariantName(output, format, theme string, scale int) string {
	n := output
	if theme == spec.ThemeDark {
		n += ".dark"
	}
	if scale > 1 {
		n += "@" + strconv.Itoa(scale) + "x"
	}
	return n + "." + format
}

package spec

import "strings"

// defaults fills every field the file left unset: the kind's own through
// its Default, then the common ones, so later stages see one complete
// shape. A field written empty (title: "") counts as set and stays empty.
func (d *decoder) defaults(f *Figure) {
	df := &Defaults{Written: d.written(), kindPos: d.kindPos}
	f.Spec.Default(df)
	Default(df, "title", &f.Title, df.NewText(df.Title))
	Default(df, "alt", &f.Alt, df.Alt)
	Default(df, "output", &f.Output, f.Name)
	Default(df, "formats", &f.Formats, []string{"png", "svg"})
	Default(df, "width", &f.Width, DefaultWidth)
	Default(df, "height", &f.Height, DefaultHeight)
	Default(df, "themes", &f.Themes, Themes{ThemeLight})
	Default(df, "scales", &f.Scales, []int{1})
}

// written returns what the decoding so far wrote, for Default and Validate.
func (d *decoder) written() *Written {
	return &Written{file: d.file, pos: d.pos, bad: d.bad}
}

// MathOnly returns the inside of t when t is exactly one $…$ segment
// ("$w_1$" gives "w_1"), so a caller can build math around it.
func (t Text) MathOnly() (string, bool) {
	s := t.Src
	if len(s) < 2 || s[0] != '$' || s[len(s)-1] != '$' {
		return "", false
	}
	in := s[1 : len(s)-1]
	if strings.Contains(in, "$") || strings.HasSuffix(in, `\`) {
		return "", false
	}
	return in, true
}

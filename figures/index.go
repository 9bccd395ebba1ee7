package figures

import (
	"bytes"
	"html/template"
	"path"
	"path/filepath"

	"github.com/figgen/figgen/spec"
)

// Index returns the contact sheet of a run: an HTML page showing every
// figure with its name, alt text, spec file and outputs, so an author
// reviews a whole post's images at a glance. outs[i] are the outputs of
// figs[i]. The page links the files relative to the out dir it sits in.
func Index(figs []*spec.Figure, outs [][]Output) []byte {
	type entry struct {
		Name, Title, Alt, Spec, Image string
		Width, Height                 int
		Files                         []string
	}
	var es []entry
	for i, f := range figs {
		e := entry{Name: f.Name, Alt: f.Alt, Spec: path.Base(filepath.ToSlash(f.File)), Width: f.Width, Height: f.Height}
		for _, o := range outs[i] {
			e.Files = append(e.Files, o.Name)
			if e.Image == "" && (o.Format == "png" || o.Format == "svg") {
				e.Image = o.Name
			}
		}
		es = append(es, e)
	}
	var b bytes.Buffer
	if err := indexPage.Execute(&b, es); err != nil {
		// The template is fixed and its data plain strings: this cannot fail.
		panic(err)
	}
	return b.Bytes()
}

var indexPage = template.Must(template.New("index").Parse(`<!doctype html>
<html lang="ko">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>figgen contact sheet</title>
<style>
body { font-family: system-ui, sans-serif; margin: 2rem; color: #222; background: #f6f6f4; }
h1 { font-size: 1.3rem; font-weight: 600; }
main { display: grid; grid-template-columns: repeat(auto-fill, minmax(420px, 1fr)); gap: 1.5rem; }
figure { margin: 0; background: #fff; border: 1px solid #ddd; border-radius: 6px; padding: 1rem; }
figure img { width: 100%; height: auto; display: block; }
figcaption { margin-top: .6rem; font-size: .9rem; line-height: 1.4; }
figcaption b { font-size: 1rem; }
code, .files a { font-size: .8rem; color: #555; }
.files a { margin-right: .6rem; }
</style>
</head>
<body>
<h1>figgen contact sheet: {{len .}} figures</h1>
<main>
{{range .}}<figure id="{{.Name}}">
{{if .Image}}<a href="{{.Image}}"><img src="{{.Image}}" alt="{{.Alt}}" width="{{.Width}}" height="{{.Height}}"></a>{{end}}
<figcaption><b>{{.Name}}</b> <code>{{.Spec}}</code><br>{{.Alt}}<br><span class="files">{{range .Files}}<a href="{{.}}">{{.}}</a>{{end}}</span></figcaption>
</figure>
{{end}}</main>
</body>
</html>
`))

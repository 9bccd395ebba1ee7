package figgen_test

import (
	"context"
	"reflect"
	"testing"
	"testing/fstest"

	"github.com/figgen/figgen"
)

func TestResultFigures(t *testing.T) {
	fsys := fstest.MapFS{
		"specs/a.yaml":      {Data: []byte("kind: sigmoid\nalt: An S curve.\nformats: [svg]\n")},
		"specs/b.yaml":      {Data: []byte("kind: step\noutput: post/b\n")},
		"specs/figgen.yaml": {Data: []byte("width: 640\n")},
	}
	res, err := figgen.Generate(context.Background(), figgen.Options{FS: fsys, Parallel: 1})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Figures) != 2 {
		t.Fatalf("Figures = %+v", res.Figures)
	}
	a, b := res.Figures[0], res.Figures[1]
	if a.Spec != "specs/a.yaml" || a.Alt != "An S curve." || !reflect.DeepEqual(a.Outputs, []string{"a.svg"}) {
		t.Errorf("a = %+v", a)
	}
	if b.Spec != "specs/b.yaml" || b.Alt == "" || !reflect.DeepEqual(b.Outputs, []string{"post/b.png", "post/b.svg"}) {
		t.Errorf("b = %+v", b)
	}
	for _, f := range res.Figures {
		for _, name := range f.Outputs {
			if res.Files[name] == nil {
				t.Errorf("%s: output %s not in Files", f.Spec, name)
			}
		}
	}
}

func TestSpecFiles(t *testing.T) {
	fsys := fstest.MapFS{
		"specs/b.yml":        {Data: []byte("kind: sigmoid\n")},
		"specs/a.yaml":       {Data: []byte("kind: sigmoid\n")},
		"specs/.hidden.yaml": {Data: []byte("kind: sigmoid\n")},
		"specs/figgen.yaml":  {Data: []byte("width: 640\n")},
		"specs/notes.txt":    {Data: []byte("x")},
		"one/c.yaml":         {Data: []byte("not even: [yaml")},
	}
	got, err := figgen.SpecFiles(figgen.Options{FS: fsys, Paths: []string{"specs", "one/c.yaml"}})
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"specs/a.yaml", "specs/b.yml", "one/c.yaml"}; !reflect.DeepEqual(got, want) {
		t.Errorf("SpecFiles = %q, want %q", got, want)
	}
	if _, err := figgen.SpecFiles(figgen.Options{FS: fsys, Paths: []string{"nope"}}); err == nil || err.Error() != "figgen: nope: no such spec file or folder" {
		t.Errorf("missing path: %v", err)
	}
}

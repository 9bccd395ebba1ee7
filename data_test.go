package figgen

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

const lossCSV = "epoch,loss\n1,2.3\n2,1.2\n3,0.6\n"

// TestDataFiles: a plot reads its data files relative to its spec's
// folder; they are the figure's Data and in its key.
func TestDataFiles(t *testing.T) {
	spec := "kind: plot\ny_scale: log\nlayers:\n  - data: data/loss.csv\n    x: epoch\n    y: loss\n"
	fsys := mapFS(map[string]string{"specs/loss.yaml": spec, "specs/data/loss.csv": lossCSV})
	res, err := generate(t, fsys, "specs/")
	if err != nil {
		t.Fatal(err)
	}
	fig := res.Figures[0]
	if !slices.Equal(fig.Data, []string{"specs/data/loss.csv"}) {
		t.Errorf("Data = %v", fig.Data)
	}
	if fig.Key != InputKey([]byte(spec), nil, []byte(lossCSV)) || fig.Key == InputKey([]byte(spec), nil) {
		t.Errorf("the key does not hash the data file")
	}
	if len(res.Files["loss.png"]) == 0 {
		t.Errorf("no loss.png")
	}
	// The same spec with other data draws another figure.
	fsys["specs/data/loss.csv"].Data = []byte("epoch,loss\n1,9\n2,0.1\n3,0.05\n")
	res2, err := generate(t, fsys, "specs/")
	if err != nil {
		t.Fatal(err)
	}
	if string(res2.Files["loss.png"]) == string(res.Files["loss.png"]) {
		t.Errorf("other data, same image")
	}
}

// TestBadData: every data file figgen may not or cannot read, and every
// problem inside one, is an error at the spec's key or at the file's line.
func TestBadData(t *testing.T) {
	layer := func(rest string) string { return "kind: plot\nlayers:\n  - data: " + rest + "\n" }
	for _, tc := range []struct {
		name  string
		files map[string]string
		want  string
	}{
		{"missing", map[string]string{"specs/a.yaml": layer("nope.csv")},
			`specs/a.yaml:3:11: layers[0].data: "nope.csv" does not exist (specs/nope.csv)`},
		{"absolute", map[string]string{"specs/a.yaml": layer("/etc/passwd")},
			`specs/a.yaml:3:11: layers[0].data: "/etc/passwd" is an absolute path; name a data file relative to the spec's folder`},
		{"dot dot out", map[string]string{"specs/a.yaml": layer("../../x.csv")},
			`specs/a.yaml:3:11: layers[0].data: "../../x.csv" leaves the folder figgen reads (Options.FS)`},
		{"a folder", map[string]string{"specs/a.yaml": layer("d"), "specs/d/x": ""},
			`specs/a.yaml:3:11: layers[0].data: "d" (specs/d) is a folder; figgen reads only regular files`},
		{"not UTF-8", map[string]string{"specs/a.yaml": layer("x.csv"), "specs/x.csv": "a,b\n1,2\n3,\xff\n"},
			`specs/x.csv:3: specs/x.csv is not UTF-8 text; figgen reads data files in UTF-8`},
		{"no column", map[string]string{"specs/a.yaml": layer("x.csv\n    y: loss"), "specs/x.csv": "a,b\n1,2\n"},
			`specs/a.yaml:4:8: layers[0].y: specs/x.csv has no column "loss"; its columns are "a", "b"`},
		{"not a number", map[string]string{"specs/a.yaml": layer("x.tsv"), "specs/x.tsv": "a\tb\n1\t2\n3\tlots\n"},
			`specs/x.tsv:3:3: column "b": "lots" is not a number`},
		{"log axis", map[string]string{"specs/a.yaml": layer("x.csv") + "y_scale: log\n", "specs/x.csv": "a,b\n1,2\n3,-1\n"},
			`specs/x.csv:3:3: column "b": -1 is not above 0; a log axis cannot show it`},
		{"empty", map[string]string{"specs/a.yaml": layer("x.csv"), "specs/x.csv": ""},
			`specs/a.yaml:3:11: layers[0].data: specs/x.csv is empty; want a header row and rows of numbers`},
		{"too many points", map[string]string{"specs/a.yaml": layer("x.csv"), "specs/x.csv": "a,b\n" + strings.Repeat("1,2\n", 100_001)},
			`specs/x.csv:100002: more than 100000 rows; a plot draws at most 100000 points`},
		{"too many with points", map[string]string{"specs/a.yaml": layer("x.csv") + "  - points: [[0, 0], [1, 1]]\n", "specs/x.csv": "a,b\n" + strings.Repeat("1,2\n", 99_999)},
			`specs/a.yaml:3:3: layers: 100001 points with the data files; the limit is 100000`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res, err := generate(t, mapFS(tc.files), "specs/a.yaml")
			if res != nil || err == nil {
				t.Fatalf("no error")
			}
			if got := err.Error(); got != tc.want {
				t.Errorf("error\n%s\nwant\n%s", got, tc.want)
			}
		})
	}
}

// TestDataLinks: a data file reached through a link that leads out of
// the working directory (or the FS) is refused; one inside it is read.
func TestDataLinks(t *testing.T) {
	outside := t.TempDir()
	os.WriteFile(filepath.Join(outside, "x.csv"), []byte(lossCSV), 0o644)
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "specs"), 0o755)
	os.WriteFile(filepath.Join(dir, "specs", "a.yaml"), []byte("kind: plot\nlayers:\n  - data: out.csv\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "specs", "b.yaml"), []byte("kind: plot\nlayers:\n  - data: in.csv\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "real.csv"), []byte(lossCSV), 0o644)
	if err := os.Symlink(filepath.Join(outside, "x.csv"), filepath.Join(dir, "specs", "out.csv")); err != nil {
		t.Skip(err)
	}
	os.Symlink("../real.csv", filepath.Join(dir, "specs", "in.csv"))
	t.Chdir(dir)
	_, err := Validate(context.Background(), Options{Paths: []string{"specs/a.yaml"}})
	if want := `specs/a.yaml:3:11: layers[0].data: "out.csv" is reached through a link that leads out of the working directory`; err == nil || err.Error() != want {
		t.Errorf("error %v, want %s", err, want)
	}
	if _, err := Validate(context.Background(), Options{Paths: []string{"specs/b.yaml"}}); err != nil {
		t.Errorf("a link inside the working directory: %v", err)
	}
	// Through an fs.FS that tells links (os.DirFS), likewise.
	_, err = Validate(context.Background(), Options{Paths: []string{"specs/a.yaml"}, FS: os.DirFS(dir)})
	if want := `specs/a.yaml:3:11: layers[0].data: "out.csv" is reached through the link specs/out.csv, which leads out of the folder figgen reads`; err == nil || err.Error() != want {
		t.Errorf("FS: error %v, want %s", err, want)
	}
	if _, err := Validate(context.Background(), Options{Paths: []string{"specs/b.yaml"}, FS: os.DirFS(dir)}); err != nil {
		t.Errorf("FS: a link inside: %v", err)
	}
}

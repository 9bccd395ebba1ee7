package figgen

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
)

// TestOutputFolderClash wants an output whose folder is a file of the run
// reported before anything is written: the out dir cannot hold both.
func TestOutputFolderClash(t *testing.T) {
	fsys := mapFS(map[string]string{
		"specs/a.yaml": "kind: step\noutput: \"5\"\n",
		"specs/b.yaml": "kind: sigmoid\noutput: 5.PNG/x/y\n", // case-insensitive file systems
		"specs/c.yaml": "kind: sigmoid\noutput: index.html/x\n",
		"specs/d.yaml": "kind: sigmoid\noutput: 5/x\n", // a folder beside 5.png is fine
	})
	_, err := generate(t, fsys)
	want := []string{
		`specs/b.yaml:2:9: output "5.PNG/x/y" needs a folder "5.PNG", where specs/a.yaml writes a file`,
		`specs/c.yaml:2:9: output "index.html/x": "index.html" is figgen's own file, not a folder`,
	}
	if got := errorList(t, err); !slices.Equal(got, want) {
		t.Errorf("errors:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	// index.html is figgen's own even without a folder: a later run of the
	// folder writes it.
	if _, err := generate(t, fsys, "specs/d.yaml"); err != nil {
		t.Errorf("files alone: %v", err)
	}
}

// TestCancelledRun wants a cancelled context to stop Generate and Validate
// with its error and no result.
func TestCancelledRun(t *testing.T) {
	fsys := fstest.MapFS{"specs/a.yaml": {Data: []byte("kind: sigmoid\n")}}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if res, err := Generate(ctx, Options{FS: fsys}); res != nil || !errors.Is(err, context.Canceled) {
		t.Errorf("Generate = %v, %v; want nil, context.Canceled", res, err)
	}
	if res, err := Validate(ctx, Options{FS: fsys}); res != nil || !errors.Is(err, context.Canceled) {
		t.Errorf("Validate = %v, %v; want nil, context.Canceled", res, err)
	}
}

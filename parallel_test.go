package figgen

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/figgen/figgen/figures"
)

// TestForEachParallel: forEach runs parallel calls at once (a call waits
// for another to start), never more, and each index once.
func TestForEachParallel(t *testing.T) {
	for _, parallel := range []int{1, 2, 3} {
		var (
			mu          sync.Mutex
			in, most    int
			done        []int
			bothRunning = make(chan struct{})
			once        sync.Once
		)
		err := forEach(context.Background(), 6, parallel, func(i int) {
			mu.Lock()
			in++
			most = max(most, in)
			if in == parallel {
				once.Do(func() { close(bothRunning) })
			}
			mu.Unlock()
			select {
			case <-bothRunning:
			case <-time.After(10 * time.Second): // run one at a time
			}
			mu.Lock()
			in--
			done = append(done, i)
			mu.Unlock()
		})
		if err != nil {
			t.Fatal(err)
		}
		slices.Sort(done)
		if most != parallel || !slices.Equal(done, []int{0, 1, 2, 3, 4, 5}) {
			t.Errorf("parallel %d: %d calls at once, indexes %v", parallel, most, done)
		}
	}
	ctx, cancel := context.WithCancel(context.Background())
	calls := 0
	err := forEach(ctx, 6, 1, func(int) { calls++; cancel() })
	if err != context.Canceled || calls != 1 {
		t.Errorf("cancelled: %v after %d calls", err, calls)
	}
}

// TestChecksInParallel: the texts and layouts of a run's specs are checked
// several at once with the same problems, in the same order, as one at a
// time.
func TestChecksInParallel(t *testing.T) {
	fsys := mapFS(map[string]string{
		"specs/a.yaml": "kind: step\nwidth: 320\nheight: 200\ntitle: " + strings.Repeat("가중합의", 40) + "\n",
		"specs/b.yaml": "kind: sigmoid\ntitle: '$\\frac{1$'\n",
		"specs/c.yaml": "kind: step\n",
		"specs/d.yaml": "kind: sigmoid\nx_label: '$\\nope$'\ntitle: '$x'\n",
	})
	var want []string
	for _, parallel := range []int{1, 2, 4} {
		_, err := Generate(context.Background(), Options{FS: fsys, Parallel: parallel})
		got := errorList(t, err)
		if len(got) != 4 {
			t.Errorf("parallel %d: %d problems, want 4:\n%s", parallel, len(got), strings.Join(got, "\n"))
		}
		if want == nil {
			want = got
		} else if !slices.Equal(got, want) {
			t.Errorf("parallel %d:\n%s\nwant\n%s", parallel, strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
	}
}

// TestKeptLayouts: a run keeps the Layout of its first keptLayouts
// figures from their check to their rendering, no more (its memory does
// not grow with its specs), and renders the same bytes either way.
func TestKeptLayouts(t *testing.T) {
	files := map[string]string{}
	n := keptLayouts + 3
	for i := range n {
		files[fmt.Sprintf("specs/s%03d.yaml", i)] = "kind: step\nformats: [svg]\n"
	}
	fsys := mapFS(files)
	l, err := load(context.Background(), Options{FS: fsys})
	if err != nil {
		t.Fatal(err)
	}
	kept := 0
	for i, lay := range l.layouts {
		if lay != nil {
			kept++
			if i >= keptLayouts {
				t.Errorf("figure %d keeps its Layout", i)
			}
		}
	}
	if len(l.layouts) != n || kept != keptLayouts {
		t.Errorf("%d of %d figures keep their Layout, want %d", kept, len(l.layouts), keptLayouts)
	}
	res, err := Generate(context.Background(), Options{FS: fsys})
	if err != nil {
		t.Fatal(err)
	}
	first, last := res.Files["s000.svg"], res.Files[fmt.Sprintf("s%03d.svg", n-1)]
	if len(first) == 0 || string(first) != string(last) {
		t.Errorf("a figure drawn from its Layout differs from one built again")
	}
}

// TestDecodeInParallel: the specs of a run, with their folder defaults,
// are decoded several at once into what one at a time decodes: the same
// figures, outputs and problems (go test -race checks that they share
// nothing unguarded).
func TestDecodeInParallel(t *testing.T) {
	files := map[string]string{
		"specs/figgen.yaml":  "width: 640\nformats: [svg]\nkinds:\n  sigmoid:\n    formula: '$\\sigma(z)$'\n",
		"specs/bad.yaml":     "kind: step\ntitel: x\n",
		"specs/worse.yaml":   "kind: nope\n",
		"other/figgen.yaml":  "height: 300\n",
		"other/a.yaml":       "kind: sigmoid\nformats: [svg]\n",
		"other/broken.yaml":  "kind: step\ntitle: [\n",
		"other/unit.yaml":    "kind: unit\nformats: [svg]\n",
		"specs/z-step.yaml":  "kind: step\n",
		"specs/y-sig.yaml":   "kind: sigmoid\n",
		"specs/x-bias.yaml":  "kind: bias-shift\n",
		"specs/w-plane.yaml": "kind: threshold-plane\n",
	}
	fsys := mapFS(files)
	var want []string
	for _, parallel := range []int{1, 3} {
		_, err := Generate(context.Background(), Options{FS: fsys, Paths: []string{"specs", "other"}, Parallel: parallel})
		got := errorList(t, err)
		if want == nil {
			want = got
		} else if !slices.Equal(got, want) {
			t.Errorf("parallel %d:\n%s\nwant\n%s", parallel, strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
	}
	if len(want) != 3 {
		t.Errorf("%d problems, want 3:\n%s", len(want), strings.Join(want, "\n"))
	}
	delete(fsys, "specs/bad.yaml")
	delete(fsys, "specs/worse.yaml")
	delete(fsys, "other/broken.yaml")
	one, err := Generate(context.Background(), Options{FS: fsys, Paths: []string{"specs", "other"}, Parallel: 1})
	if err != nil {
		t.Fatal(err)
	}
	many, err := Generate(context.Background(), Options{FS: fsys, Paths: []string{"specs", "other"}, Parallel: 3})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(one.Order, many.Order) || len(one.Files) != len(many.Files) {
		t.Fatalf("outputs %q, want %q", many.Order, one.Order)
	}
	for name, b := range one.Files {
		if string(many.Files[name]) != string(b) {
			t.Errorf("%s differs", name)
		}
	}
}

// TestRenderAllLetsGo: once a figure is drawn, the run keeps of it only
// what the contact sheet shows (the same page), not its decoded spec: a
// run's memory does not grow with its specs.
func TestRenderAllLetsGo(t *testing.T) {
	fsys := mapFS(map[string]string{
		"specs/a.yaml": "kind: step\nformats: [svg]\nalt: 계단\n",
		"specs/b.yaml": "kind: sigmoid\nformats: [svg]\nwidth: 640\n",
		"specs/c.yaml": "kind: unit\nformats: [svg]\n",
	})
	l, err := load(context.Background(), Options{FS: fsys})
	if err != nil {
		t.Fatal(err)
	}
	full := slices.Clone(l.figs)
	outs, err := renderAll(context.Background(), l.r, l.figs, l.layouts, l.info, 2, memSink{})
	if err != nil {
		t.Fatal(err)
	}
	for i, f := range l.figs {
		if f.Spec != nil || f.Name != full[i].Name || f.Alt != full[i].Alt || f.Width != full[i].Width {
			t.Errorf("figure %d after rendering: %+v", i, f)
		}
	}
	if string(figures.Index(l.figs, outs)) != string(figures.Index(full, outs)) {
		t.Errorf("the contact sheet of the drawn figures differs")
	}
}

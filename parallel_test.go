package figgen

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
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

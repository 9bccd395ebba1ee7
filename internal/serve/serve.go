// Package serve is figgen's live preview: it renders a folder of specs in
// memory, watches the folder, re-renders the specs that change and serves
// a page of every figure that updates itself over server-sent events.
//
// It writes nothing to the disk: the images it serves are the bytes the
// last good render of each spec produced, by their names under the out dir
// ("5.png", "post1/5.svg"), kept in memory. A spec that fails keeps its
// last good images, and the page shows its positioned errors in their place.
package serve

import (
	"bytes"
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/fsnotify/fsnotify"

	"github.com/figgen/figgen"
)

// configName is the file of folder defaults beside a folder's specs.
const configName = "figgen.yaml"

// Options configures a Server.
type Options struct {
	// Path is a spec file or a folder of specs, as on a command line.
	Path string

	// Out receives a line for every figure rendered; Err every problem,
	// as path:line:col: message. Nil discards them.
	Out, Err io.Writer

	// Debounce is how long the watcher waits after the last event of a
	// burst (an editor's save writes, renames and removes) before it
	// renders; 0 means 100 ms.
	Debounce time.Duration
}

// Server renders, watches and serves the specs of one path.
type Server struct {
	opts     Options
	folder   bool   // Path is a folder, not one spec file
	id       string // this server's instance, so a page of an earlier one reloads
	debounce time.Duration

	mu      sync.Mutex
	seq     uint64             // bumped by every change the page shows
	specs   []string           // the spec files, in order
	figs    map[string]*figure // by spec file
	listErr string             // why the spec files cannot be listed, or ""
	files   map[string]*file   // every served output by its name
	subs    map[chan event]struct{}
	started bool // the first render is done: each later one is told
}

// figure is the state of one spec: its last good render and its current
// problems.
type figure struct {
	spec     string
	alt      string
	outputs  []*file // of the last good render
	err      string  // the problems of the last render; "" when it was good
	conflict string  // the outputs another spec writes too, or ""
	card     []byte  // the page's HTML of this figure, as last sent
}

// file is one output of a figure.
type file struct {
	name string
	data []byte
	sum  string // a hash of data: the version in the image's URL
}

// event is one message of the event stream.
type event struct {
	name string // "figure": data is a figure's card; "reload": the list changed
	data []byte
}

// New returns a server for opts.Path. Nothing is read until Run.
func New(opts Options) *Server {
	if opts.Out == nil {
		opts.Out = io.Discard
	}
	if opts.Err == nil {
		opts.Err = io.Discard
	}
	d := opts.Debounce
	if d <= 0 {
		d = 100 * time.Millisecond
	}
	var id [8]byte
	rand.Read(id[:])
	return &Server{
		opts:     opts,
		id:       hex.EncodeToString(id[:]),
		debounce: d,
		figs:     map[string]*figure{},
		files:    map[string]*file{},
		subs:     map[chan event]struct{}{},
	}
}

// Run renders every spec, then serves the page on ln and re-renders what
// changes until ctx is done, when it shuts the server down and returns
// nil. It returns early only when the path cannot be watched or ln fails.
func (s *Server) Run(ctx context.Context, ln net.Listener) error {
	st, err := os.Stat(s.opts.Path)
	if err != nil {
		return err
	}
	s.folder = st.IsDir()
	w, err := fsnotify.NewWatcher()
	if err != nil {
		return fmt.Errorf("watch: %w", err)
	}
	defer w.Close()
	dir := s.opts.Path
	if !s.folder {
		dir = filepath.Dir(dir)
	}
	// The folder, not the files: an editor that saves by writing a new
	// file and renaming it over the old one would end a watch of the file.
	if err := w.Add(dir); err != nil {
		return fmt.Errorf("watch %s: %w", dir, err)
	}
	start := time.Now()
	s.refresh(ctx, nil, true)
	s.mu.Lock()
	failed := 0
	for _, f := range s.figs {
		if f.err != "" {
			failed++
		}
	}
	fmt.Fprintf(s.opts.Out, "rendered %d specs in %d ms", len(s.figs), time.Since(start).Milliseconds())
	if failed > 0 {
		fmt.Fprintf(s.opts.Out, "; %d with errors", failed)
	}
	fmt.Fprintln(s.opts.Out)
	s.started = true
	s.mu.Unlock()

	srv := &http.Server{
		Handler:           s.Handler(isLoopback(ln.Addr())),
		ReadHeaderTimeout: 10 * time.Second,
		BaseContext:       func(net.Listener) context.Context { return ctx },
	}
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()
	go s.watch(ctx, w)

	select {
	case err := <-served:
		return err
	case <-ctx.Done():
	}
	// The event streams end with ctx (their requests' context); Shutdown
	// then waits for any request still being answered.
	sctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		srv.Close()
	}
	return nil
}

// watch turns the watcher's events into renders: it gathers the specs a
// burst of events touches, and when none has come for the debounce time
// renders them.
func (s *Server) watch(ctx context.Context, w *fsnotify.Watcher) {
	dirty := map[string]bool{}
	all := false
	timer := time.NewTimer(time.Hour)
	timer.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case ev, ok := <-w.Events:
			if !ok {
				return
			}
			base := filepath.Base(ev.Name)
			switch {
			case strings.HasPrefix(base, "."):
				continue // editors' swap and temporary files
			case base == configName:
				all = true // folder defaults: every spec of the folder
			case strings.HasSuffix(base, ".yaml") || strings.HasSuffix(base, ".yml"):
				if !s.folder && base != filepath.Base(s.opts.Path) {
					continue
				}
				dirty[base] = true
			default:
				continue
			}
			timer.Reset(s.debounce)
		case err, ok := <-w.Errors:
			if !ok {
				return
			}
			fmt.Fprintf(s.opts.Err, "figgen serve: watch: %v\n", err)
		case <-timer.C:
			s.refresh(ctx, dirty, all)
			dirty, all = map[string]bool{}, false
		}
	}
}

// refresh lists the spec files again and renders those whose base name
// is in dirty, those new to the list, or, when all is set, every one.
func (s *Server) refresh(ctx context.Context, dirty map[string]bool, all bool) {
	specs, err := figgen.SpecFiles(figgen.Options{Paths: []string{s.opts.Path}})
	listErr := ""
	if err != nil {
		listErr = err.Error()
		fmt.Fprintln(s.opts.Err, listErr)
	}
	s.mu.Lock()
	listChanged := !slices.Equal(specs, s.specs) || listErr != s.listErr
	var todo []string
	for _, name := range specs {
		if all || dirty[filepath.Base(name)] || s.figs[name] == nil {
			todo = append(todo, name)
		}
	}
	s.mu.Unlock()

	results := renderSpecs(ctx, todo)
	if ctx.Err() != nil {
		return
	}

	s.mu.Lock()
	defer s.mu.Unlock()
	if listChanged {
		s.specs, s.listErr = specs, listErr
		for name := range s.figs {
			if !slices.Contains(specs, name) {
				delete(s.figs, name)
			}
		}
	}
	rendered := map[*figure]result{}
	for i, name := range todo {
		f := s.figs[name]
		if f == nil {
			f = &figure{spec: name}
			s.figs[name] = f
		}
		s.update(f, results[i])
		rendered[f] = results[i]
	}
	s.reindex()
	// Every card, not only those of the specs rendered: a spec's change
	// can end or start another's conflict over an output.
	var changed []*figure
	for _, name := range s.specs {
		f := s.figs[name]
		card := s.card(f)
		if bytes.Equal(card, f.card) {
			continue
		}
		f.card = card
		changed = append(changed, f)
		if r, ok := rendered[f]; ok && r.err == nil && s.started {
			fmt.Fprintf(s.opts.Out, "rendered %s in %d ms\n", f.spec, r.dur.Milliseconds())
		}
	}
	if listChanged {
		s.seq++
		s.broadcast(event{name: "reload", data: []byte(s.id)})
		return
	}
	for _, f := range changed {
		s.seq++
		s.broadcast(event{name: "figure", data: s.cardEvent(f)})
	}
}

// result is what one render of one spec gave.
type result struct {
	res *figgen.Result
	err error
	dur time.Duration
}

// renderSpecs renders each spec on its own, so that one broken spec
// leaves the others' figures be, as many at once as there are processors.
func renderSpecs(ctx context.Context, specs []string) []result {
	results := make([]result, len(specs))
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(specs)) {
		wg.Go(func() {
			for i := range next {
				start := time.Now()
				res, err := figgen.Generate(ctx, figgen.Options{Paths: []string{specs[i]}, Parallel: 1})
				results[i] = result{res, err, time.Since(start)}
			}
		})
	}
	for i := range specs {
		next <- i
	}
	close(next)
	wg.Wait()
	return results
}

// update records r as the latest render of f, and tells the terminal of
// a new problem. s.mu is held.
func (s *Server) update(f *figure, r result) {
	if r.err != nil {
		msg := r.err.Error()
		if msg != f.err {
			fmt.Fprintln(s.opts.Err, msg)
		}
		f.err = msg
	} else {
		fig := r.res.Figures[0]
		f.err, f.alt, f.outputs = "", fig.Alt, nil
		for _, name := range fig.Outputs {
			data := r.res.Files[name]
			sum := sha256.Sum256(data)
			f.outputs = append(f.outputs, &file{name: name, data: data, sum: hex.EncodeToString(sum[:6])})
		}
	}
}

// reindex rebuilds the map of served files from the figures' last good
// outputs. An output that two specs write is served as the first one's,
// and the other spec says so, as render would refuse to write it. s.mu is
// held.
func (s *Server) reindex() {
	s.files = map[string]*file{}
	owner := map[string]string{} // lowercased output name → its spec
	for _, name := range s.specs {
		f := s.figs[name]
		var conflicts []string
		for _, o := range f.outputs {
			key := strings.ToLower(o.name)
			if other, taken := owner[key]; taken {
				conflicts = append(conflicts, fmt.Sprintf("%s: output %q is also written by %s", f.spec, o.name, other))
				continue
			}
			owner[key] = f.spec
			s.files[o.name] = o
		}
		conflict := strings.Join(conflicts, "\n")
		if conflict != "" && conflict != f.conflict {
			fmt.Fprintln(s.opts.Err, conflict)
		}
		f.conflict = conflict
	}
}

// subscribe returns a channel that receives every event from now on, and
// the state's sequence number and the server's id at that moment.
func (s *Server) subscribe() (chan event, uint64) {
	s.mu.Lock()
	defer s.mu.Unlock()
	ch := make(chan event, 64)
	s.subs[ch] = struct{}{}
	return ch, s.seq
}

func (s *Server) unsubscribe(ch chan event) {
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.subs, ch)
}

// broadcast sends ev to every subscriber; one too slow to take it is told
// to reload instead. s.mu is held.
func (s *Server) broadcast(ev event) {
	for ch := range s.subs {
		select {
		case ch <- ev:
		default:
			delete(s.subs, ch)
			close(ch)
		}
	}
}

// isLoopback reports whether addr is a loopback address.
func isLoopback(addr net.Addr) bool {
	ta, ok := addr.(*net.TCPAddr)
	return ok && ta.IP.IsLoopback()
}

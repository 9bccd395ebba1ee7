// Package freelist keeps values for reuse, like sync.Pool but never
// emptied by the garbage collector: a short run collects every few
// milliseconds while its heap grows, and a sync.Pool would drop the large
// buffers (an image, a compressor) a worker is about to need again.
package freelist

import (
	"runtime"
	"sync"
)

// A List holds at most GOMAXPROCS values, one for every worker
// of a run. The zero value is empty and ready to use; it is safe for
// concurrent use.
type List[T any] struct {
	mu    sync.Mutex
	items []T
}

// Get takes a value from the list; ok is false when it is empty.
func (l *List[T]) Get() (v T, ok bool) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if n := len(l.items); n > 0 {
		v, ok = l.items[n-1], true
		var zero T
		l.items[n-1] = zero
		l.items = l.items[:n-1]
	}
	return v, ok
}

// Put gives v back for reuse, or drops it when the list is full.
func (l *List[T]) Put(v T) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if len(l.items) < runtime.GOMAXPROCS(0) {
		l.items = append(l.items, v)
	}
}

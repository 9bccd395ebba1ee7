package freelist

import (
	"runtime"
	"testing"
)

// TestList: values come back last in first out, survive a garbage
// collection, and the list keeps no more than GOMAXPROCS.
func TestList(t *testing.T) {
	var l List[*int]
	if _, ok := l.Get(); ok {
		t.Fatal("an empty list gave a value")
	}
	a, b := new(int), new(int)
	l.Put(a)
	l.Put(b)
	runtime.GC()
	runtime.GC()
	if v, ok := l.Get(); !ok || v != b {
		t.Fatalf("got %p %v, want the last put %p", v, ok, b)
	}
	if v, ok := l.Get(); !ok || v != a {
		t.Fatalf("got %p %v, want %p", v, ok, a)
	}
	max := runtime.GOMAXPROCS(0)
	for range max + 5 {
		l.Put(new(int))
	}
	n := 0
	for {
		if _, ok := l.Get(); !ok {
			break
		}
		n++
	}
	if n != max {
		t.Errorf("kept %d, want %d", n, max)
	}
}

package main

import (
	"math"
	"runtime"
	"runtime/debug"
	"testing"
	"time"
)

// TestDelayFirstGC: no collection but at startHeap until the first one,
// which restores Go's defaults; with GOGC set nothing changes.
func TestDelayFirstGC(t *testing.T) {
	defer debug.SetMemoryLimit(math.MaxInt64)
	defer debug.SetGCPercent(100)

	t.Setenv("GOGC", "100")
	delayFirstGC()
	if limit := debug.SetMemoryLimit(-1); limit != math.MaxInt64 {
		t.Fatalf("with GOGC set, the memory limit is %d", limit)
	}

	t.Setenv("GOGC", "")
	t.Setenv("GOMEMLIMIT", "")
	delayFirstGC()
	if limit := debug.SetMemoryLimit(-1); limit != startHeap {
		t.Fatalf("memory limit %d, want %d", limit, startHeap)
	}
	if p := debug.SetGCPercent(-1); p != -1 {
		t.Fatalf("GOGC %d before the first collection, want off", p)
	}
	deadline := time.Now().Add(5 * time.Second)
	for debug.SetMemoryLimit(-1) != math.MaxInt64 {
		if time.Now().After(deadline) {
			t.Fatal("a collection did not restore the memory limit")
		}
		runtime.GC()
		time.Sleep(time.Millisecond)
	}
	if p := debug.SetGCPercent(100); p != 100 {
		t.Errorf("GOGC %d after the first collection, want 100", p)
	}
}

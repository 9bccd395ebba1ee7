package main

import (
	"math"
	"os"
	"runtime"
	"runtime/debug"
)

// startHeap is the memory a run's Go runtime grows to before its first
// garbage collection (some 10 MB of it heap). At 24 MiB, four figures on
// two cores peaked 1.5 MiB higher, for no measurable time; at 16 MiB or
// less the collections cost 1–5 ms of the four figures' 30 and saved
// nothing more.
const startHeap = 20 << 20

// delayFirstGC lets the heap grow to startHeap before the first garbage
// collection, and collects as usual (GOGC=100) from then on. Go starts
// collecting at 4 MiB, and a run that draws a few figures would collect
// a dozen times while its heap grows, a fifth of its time; a run that
// stays under startHeap never collects. Set GOGC or GOMEMLIMIT to keep
// Go's own behaviour.
func delayFirstGC() {
	if os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != "" {
		return
	}
	// No collection but at the limit; the first one restores the
	// defaults, so that a heap that outgrows the limit is collected as
	// usual instead of at every allocation.
	debug.SetGCPercent(-1)
	debug.SetMemoryLimit(startHeap)
	runtime.SetFinalizer(new([16]byte), func(*[16]byte) {
		debug.SetGCPercent(100)
		debug.SetMemoryLimit(math.MaxInt64)
	})
}

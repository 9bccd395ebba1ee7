package pngenc

import (
	"bytes"
	"hash/adler32"
	"math/rand/v2"
	"testing"
)

// TestAdler32 checks adler32Of against hash/adler32: random bytes, bytes
// all 255 (the largest sums) and lengths around the reductions.
func TestAdler32Of(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for _, n := range []int{0, 1, 7, 8, 9, 15, 16, 17, 5552, 5553, 1<<20 - 1, 1 << 20, 1<<20 + 9, 3<<20 + 5} {
		rnd := make([]byte, n)
		for i := range rnd {
			rnd[i] = byte(r.Uint32())
		}
		for _, b := range [][]byte{rnd, bytes.Repeat([]byte{255}, n)} {
			if got, want := adler32Of(b), adler32.Checksum(b); got != want {
				t.Errorf("%d bytes: %08x, want %08x", n, got, want)
			}
		}
	}
}

func FuzzAdler32(f *testing.F) {
	f.Add([]byte("Wikipedia"))
	f.Fuzz(func(t *testing.T, b []byte) {
		if got, want := adler32Of(b), adler32.Checksum(b); got != want {
			t.Errorf("%08x, want %08x", got, want)
		}
	})
}

func BenchmarkAdler32(b *testing.B) {
	data := make([]byte, 1200500)
	for i := range data {
		data[i] = byte(i * 7 / 1000)
	}
	b.SetBytes(int64(len(data)))
	b.Run("ours", func(b *testing.B) {
		for b.Loop() {
			adler32Of(data)
		}
	})
	b.Run("hash/adler32", func(b *testing.B) {
		for b.Loop() {
			adler32.Checksum(data)
		}
	})
}

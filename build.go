package figgen

import (
	"crypto/sha256"
	"encoding/hex"
	"io"
	"runtime"
	"sync"
)

// fontSums pins the font files committed with figgen's source (fonts/),
// which are too large to hash on every run: a test checks them, so that a
// new font file goes with a change of this source, and so of Build. The
// STIX fonts come from a module, whose version Build covers.
var fontSums = map[string]string{
	"NanumGothic.ttf":     "48a28e97b34fc8e5b157657633670cd1b7de126cfc414da65ce9c3d5bc8be733",
	"NanumGothicBold.ttf": "454eb3f503f377782a99eb84fc4bb7dde22a0f075d41b47427737f2985053bc9",
}

// Build returns the identity of this figgen as far as its outputs are
// concerned: "sha256:" and a hash of the Go toolchain's version and of
// sourceSum, the hash of its own source: the Go files of the packages that
// take part in drawing an output (tests, the command and the benchmarks
// left out), its go.mod, which names every module it is built with and its
// version, and the pinned hashes of its fonts (fontSums, in this file). Two
// figgens with the same Build draw the same bytes.
//
// It is the same whether figgen was built with go build, go install or go
// run, from a checkout or from the module proxy, with or without version
// control information, and on every machine and architecture: .ci/run
// shows that amd64 and arm64 draw the same bytes, so neither GOARCH nor the
// executable's bytes are part of it (nor the modules linked, which may
// differ by architecture: go.mod does not). Another version of Go changes
// it, and so does any change of the source, once sourcesum.go is written
// anew: TestSourceSum fails until it is (go test -run TestSourceSum
// -update .). The source is hashed by that test, not by every run: read
// from the executable, its 700 KB took some 1.2 MiB of a run's memory.
func Build() string { return build() }

var build = sync.OnceValue(func() string {
	h := sha256.New()
	for _, p := range []string{"figgen build 2", runtime.Version(), sourceSum} {
		io.WriteString(h, p)
		h.Write([]byte{0})
	}
	return "sha256:" + hex.EncodeToString(h.Sum(nil))
})

package figgen

import (
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"io"
	"io/fs"
	"runtime"
	"strings"
	"sync"
)

// ownSource is figgen's own source: go.mod, which names the versions of
// the modules it is built with, and every package that takes part in
// drawing an output (the command and the benchmarks do not). A
// test checks that every such package of the module is listed here.
//
//go:embed go.mod *.go spec/*.go figures/*.go typeset/*.go neuron/*.go diagram/*.go fonts/*.go internal/pngenc/*.go internal/vector/*.go internal/suggest/*.go internal/expr/*.go internal/serve/*.go internal/freelist/*.go internal/plotfonts/*.go
var ownSource embed.FS

// fontSums pins the font files committed with figgen's source (fonts/),
// which are too large to hash on every run: a test checks them, so that a
// new font file goes with a change of this source, and so of Build. The
// STIX fonts come from a module, whose version Build covers.
var fontSums = map[string]string{
	"NanumGothic.ttf":     "48a28e97b34fc8e5b157657633670cd1b7de126cfc414da65ce9c3d5bc8be733",
	"NanumGothicBold.ttf": "454eb3f503f377782a99eb84fc4bb7dde22a0f075d41b47427737f2985053bc9",
}

// Build returns the identity of this figgen as far as its outputs are
// concerned: "sha256:" and a hash of its own source (the Go files of the
// packages that draw, tests left out, and the pinned hashes of its fonts),
// of its go.mod, which names every module it is built with and its
// version, and of the Go toolchain's version. Two figgens with the same Build draw the same bytes.
//
// It is the same whether figgen was built with go build, go install or go
// run, from a checkout or from the module proxy, with or without version
// control information (go run records none), and on every machine and
// architecture: .ci/run shows that amd64 and arm64 draw the same bytes, so
// neither GOARCH nor the executable's bytes are part of it (nor the
// modules linked, which may differ by architecture: go.mod does not). Any change of
// the source, committed or not, changes it; so does another version of Go
// or of a dependency.
func Build() string { return build() }

var build = sync.OnceValue(buildUncached)

func buildUncached() string {
	h := sha256.New()
	put := func(parts ...string) {
		for _, p := range parts {
			io.WriteString(h, p)
			h.Write([]byte{0})
		}
	}
	put("figgen build 1", runtime.Version())
	// Each file is streamed into the hash through one small buffer: a
	// run hashes some 700 KB of source, which read whole (and copied to
	// a string) would be megabytes of fresh memory in a short process.
	buf := make([]byte, 32<<10)
	fs.WalkDir(ownSource, ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || strings.HasSuffix(name, "_test.go") {
			return err
		}
		f, err := ownSource.Open(name)
		if err != nil {
			return err
		}
		defer f.Close()
		put(name)
		if _, err := io.CopyBuffer(h, f, buf); err != nil {
			return err
		}
		h.Write([]byte{0})
		return nil
	})
	return "sha256:" + hex.EncodeToString(h.Sum(nil))
}

// Command figgen turns declarative figure specs (YAML, one figure per file)
// into publication-quality PNG, SVG and PDF images.
//
//	figgen render [--out DIR] [--optimize] [--prune] [--dry-run] [--shard K/N] [--json] [PATH...]
//	                                      render specs into DIR (default out/)
//	figgen check  [--out DIR] [--fast] [--optimize] [--post FILE] [--diff DIR2] [--shard K/N] [--json] [PATH...]
//	                                      fail when a file in DIR is stale or missing
//	figgen validate [--json] [PATH...]    check specs without rendering
//	figgen serve [--addr HOST:PORT] [PATH] preview the figures live in a browser
//	figgen snippet [--format markdown|html] SPEC...
//	                                      print what shows the figures in a post
//
// PATH is a spec file or a folder of them (default specs/). Exit status: 0
// on success, 1 when check finds stale outputs or a file cannot be written,
// 2 for invalid specs or usage, or when figgen itself is broken (its
// embedded fonts do not load).
//
// The command is a thin layer over package figgen, which reads, validates
// and renders a run in memory: here are the flags, the out dir and the
// exit statuses.
package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	delayFirstGC()
	// An interrupt stops the run between figures, and render removes its
	// temporary files before exiting.
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

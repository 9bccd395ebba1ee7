package main

import (
	"errors"
	"fmt"
	"io"
	"net"
	"syscall"

	"github.com/urfave/cli/v2"

	lib "github.com/figgen/figgen"
	"github.com/figgen/figgen/internal/serve"
)

func cmdServe(c *cli.Context, stdout, stderr io.Writer) error {
	args := c.Args().Slice()
	if len(args) > 1 {
		return fail(exitUsage, fmt.Errorf("figgen serve: one PATH at most, not %d; see figgen serve --help", len(args)))
	}
	path := "specs"
	if len(args) == 1 {
		path = args[0]
	}
	if _, err := lib.SpecFiles(lib.Options{Paths: []string{path}}); err != nil {
		return fail(exitUsage, err)
	}
	addr := c.String("addr")
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return fail(exitUsage, listenError(addr, err))
	}
	defer ln.Close()
	if ta, ok := ln.Addr().(*net.TCPAddr); ok && !ta.IP.IsLoopback() {
		fmt.Fprintf(stderr, "figgen serve: note: %s is not a loopback address: whoever reaches this machine sees the figures\n", addr)
	}
	fmt.Fprintf(stdout, "figgen serve: %s at http://%s/ (Ctrl-C stops)\n", path, ln.Addr())
	s := serve.New(serve.Options{Path: path, Out: stdout, Err: stderr})
	if err := s.Run(c.Context, ln); err != nil {
		return fail(exitStale, fmt.Errorf("figgen serve: %w", err))
	}
	fmt.Fprintln(stdout, "figgen serve: stopped")
	return nil
}

// listenError says why addr cannot be listened on, without the layers of
// the net package: "figgen serve: listen 127.0.0.1:8080: address already
// in use".
func listenError(addr string, err error) error {
	if errors.Is(err, syscall.EADDRINUSE) {
		return fmt.Errorf("figgen serve: listen %s: address already in use", addr)
	}
	var oe *net.OpError
	if errors.As(err, &oe) && oe.Err != nil {
		err = oe.Err
	}
	return fmt.Errorf("figgen serve: listen %s: %v", addr, err)
}

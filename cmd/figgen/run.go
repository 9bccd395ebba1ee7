package main

import (
	"context"
	"errors"
	"fmt"
	"io"

	"github.com/urfave/cli/v2"
)

// Exit statuses.
const (
	exitOK    = 0
	exitStale = 1 // check found stale or missing outputs; or an I/O failure
	exitUsage = 2 // invalid specs or usage
)

// exitError carries an exit status out of a command.
type exitError struct {
	code int
	err  error
}

func (e *exitError) Error() string { return e.err.Error() }

func fail(code int, err error) error { return &exitError{code: code, err: err} }

// run is the whole program: it parses args, runs the command and returns
// the exit status. Tests call it in process.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	outFlag := &cli.StringFlag{Name: "out", Aliases: []string{"o"}, Value: "out", Usage: "write outputs under `DIR`"}
	app := &cli.App{
		Name:      "figgen",
		Usage:     "turn declarative figure specs into publication-quality images",
		Writer:    stdout,
		ErrWriter: stderr,
		Description: "A spec is a YAML file describing one figure; its file stem names the figure.\n" +
			"PATH is a spec file or a folder of *.yaml/*.yml specs; the default is specs/.\n" +
			"Exit status: 0 ok, 1 stale outputs (check) or a write failure, 2 invalid specs or usage.",
		HideHelpCommand: true,
		ExitErrHandler:  func(*cli.Context, error) {},
		Commands: []*cli.Command{
			{
				Name:      "render",
				Usage:     "render specs into the out dir",
				ArgsUsage: "[PATH...]",
				Description: "Renders every spec under PATH (default specs/) in the formats it asks for\n" +
					"(default png and svg) into DIR, named by the spec's output (default its file\n" +
					"stem), plus index.html, a contact sheet of every figure, when a folder is given.\n" +
					"Nothing is written unless every spec is valid; each file is written atomically\n" +
					"and only when its bytes change. Exit 2 for invalid specs or usage.",
				Flags:  []cli.Flag{outFlag},
				Action: func(c *cli.Context) error { return cmdRender(c, stdout) },
			},
			{
				Name:      "check",
				Usage:     "fail when an output in the out dir is stale or missing",
				ArgsUsage: "[PATH...]",
				Description: "Renders every spec under PATH (default specs/) in memory and compares the\n" +
					"bytes with the files in DIR. Names every stale or missing file and exits 1;\n" +
					"exits 0 when all are fresh, 2 for invalid specs or usage. Writes nothing.",
				Flags:  []cli.Flag{outFlag},
				Action: func(c *cli.Context) error { return cmdCheck(c, stdout) },
			},
			{
				Name:      "validate",
				Usage:     "check specs without rendering",
				ArgsUsage: "[PATH...]",
				Description: "Decodes and validates every spec under PATH (default specs/), typesets every\n" +
					"text, and reports every problem as path:line:col: message. Exit 2 when any\n" +
					"spec is invalid, else 0. Writes nothing.",
				Action: func(c *cli.Context) error { return cmdValidate(c, stdout) },
			},
		},
	}
	app.OnUsageError = func(c *cli.Context, err error, _ bool) error { return fail(exitUsage, err) }
	app.CommandNotFound = func(c *cli.Context, name string) {
		fmt.Fprintf(stderr, "figgen: unknown command %q; see figgen --help\n", name)
	}
	err := app.RunContext(ctx, args)
	if err == nil {
		if len(args) > 1 && app.Command(args[1]) == nil && args[1] != "--help" && args[1] != "-h" && args[1] != "help" && args[1] != "--version" {
			return exitUsage
		}
		return exitOK
	}
	var ee *exitError
	if errors.As(err, &ee) {
		if ee.err != nil && ee.err.Error() != "" {
			fmt.Fprintln(stderr, ee.err)
		}
		return ee.code
	}
	fmt.Fprintf(stderr, "figgen: %v\n", err)
	return exitUsage
}

package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"runtime/debug"
	"strings"

	"github.com/urfave/cli/v2"
)

// Exit statuses.
const (
	exitOK    = 0
	exitStale = 1 // check found stale or missing outputs; or an I/O failure
	exitUsage = 2 // invalid specs or usage; or figgen itself is broken
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
	jsonFlag := &cli.BoolFlag{Name: "json", Usage: "print one machine-readable summary on stdout instead of the lines for people"}
	shardFlag := &cli.StringFlag{Name: "shard", Usage: "take only share `K/N` of the specs (by a hash of each file name; the first share also has index.html), for a CI matrix"}
	// With --json the command's lines for people go nowhere and the
	// report is printed at the end; errors still go to stderr.
	rep := &report{}
	asJSON := false
	action := func(cmd func(c *cli.Context, stdout, stderr io.Writer, rep *report) error) cli.ActionFunc {
		return func(c *cli.Context) error {
			rep.Command = c.Command.Name
			w := stdout
			if c.Bool("json") {
				asJSON, w = true, io.Discard
			}
			return cmd(c, w, stderr, rep)
		}
	}
	optimizeFlag := &cli.BoolFlag{Name: "optimize", Usage: "smaller PNGs (the same pixels), slower: for publishing; check them with check --optimize"}
	app := &cli.App{
		Name:      "figgen",
		Usage:     "turn declarative figure specs into publication-quality images",
		Writer:    stdout,
		ErrWriter: stderr,
		Description: "A spec is a YAML file describing one figure; its file stem names the figure.\n" +
			"PATH is a spec file or a folder of *.yaml/*.yml specs; the default is specs/.\n" +
			"Exit status: 0 ok, 1 stale outputs (check) or a write failure, 2 invalid specs or usage\n" +
			"(or figgen itself broken: its embedded fonts do not load).",
		Version:        version(),
		ExitErrHandler: func(*cli.Context, error) {},
		Commands: []*cli.Command{
			{
				Name:      "render",
				Usage:     "render specs into the out dir",
				ArgsUsage: "[PATH...]",
				Description: "Renders every spec under PATH (default specs/) in the formats it asks for\n" +
					"(default png and svg) into DIR, named by the spec's output (default its file\n" +
					"stem), plus index.html, a contact sheet of every figure, when a folder is given.\n" +
					"Nothing is written unless every spec is valid and every output can be written:\n" +
					"outputs go to temporary files in DIR as they are rendered and are renamed into\n" +
					"place at the end, each only when its bytes change. DIR/.figgen.json lists the\n" +
					"files figgen wrote: no other file is overwritten or removed, and no link inside\n" +
					"DIR is followed. Files it wrote that no spec produces any more are reported,\n" +
					"and removed with --prune. --optimize writes smaller PNGs of the same pixels,\n" +
					"taking longer: for publishing. Exit 2 for invalid specs or usage (nothing written),\n" +
					"1 when a file cannot be written.",
				Flags: []cli.Flag{outFlag, optimizeFlag,
					&cli.BoolFlag{Name: "prune", Usage: "remove the files figgen wrote in DIR that no spec produces any more (with a folder PATH)"},
					&cli.BoolFlag{Name: "dry-run", Aliases: []string{"n"}, Usage: "say what would be written and removed, and change nothing"},
					shardFlag, jsonFlag},
				Action: action(cmdRender),
			},
			{
				Name:      "check",
				Usage:     "fail when an output in the out dir is stale or missing",
				ArgsUsage: "[PATH...]",
				Description: "Renders every spec under PATH (default specs/) and compares the bytes with\n" +
					"the files in DIR. Names every stale or missing file (DIR/.figgen.json, the\n" +
					"list of files figgen wrote, included), and with a folder PATH every file\n" +
					"figgen wrote that no spec produces any more, and exits 1; exits 0 when all\n" +
					"are fresh, 2 for invalid specs or usage. Writes nothing. Files rendered with\n" +
					"--optimize are checked with --optimize: the bytes compared are those render\n" +
					"would write with the same flag.",
				Flags: []cli.Flag{outFlag,
					&cli.BoolFlag{Name: "fast", Usage: "trust DIR/.figgen.json: hash the specs and the files, render nothing"},
					&cli.StringFlag{Name: "diff", Usage: "write each stale image, as committed and as new, and a PNG's changed pixels, into `DIR2`"},
					&cli.StringFlag{Name: "post", Usage: "also check the images the markdown post `FILE` links: produced, fresh, with alt text"},
					shardFlag, jsonFlag, optimizeFlag},
				Action: action(cmdCheck),
			},
			{
				Name:      "serve",
				Usage:     "preview the figures in a browser as their specs change",
				ArgsUsage: "[PATH]",
				Description: "Renders every spec under PATH (default specs/) in memory, serves a page of\n" +
					"every figure with its spec and alt text at http://ADDR/, and watches the\n" +
					"specs and their figgen.yaml: a saved change re-renders that spec and the page\n" +
					"shows the new image by itself. A spec with errors shows them in place of its\n" +
					"figure (and on stderr) and keeps its last good image. Writes nothing to the\n" +
					"disk. Listens on loopback unless told otherwise; Ctrl-C stops it. Exit 2 when\n" +
					"ADDR cannot be listened on (a port in use) or PATH does not exist.",
				Flags:  []cli.Flag{&cli.StringFlag{Name: "addr", Value: "127.0.0.1:8080", Usage: "listen on `HOST:PORT`"}},
				Action: func(c *cli.Context) error { return cmdServe(c, stdout, stderr) },
			},
			{
				Name:      "validate",
				Usage:     "check specs without rendering",
				ArgsUsage: "[PATH...]",
				Description: "Decodes and validates every spec under PATH (default specs/), typesets every\n" +
					"text, and reports every problem as path:line:col: message. Exit 2 when any\n" +
					"spec is invalid, else 0. Writes nothing.",
				Flags:  []cli.Flag{jsonFlag},
				Action: action(cmdValidate),
			},
			{
				Name:      "expand",
				Usage:     "print the plot spec a plot or a preset of one draws",
				ArgsUsage: "SPEC...",
				Description: "Prints, for each spec of kind plot or of a preset of it (step, sigmoid,\n" +
					"bias-shift, threshold-plane of 2 weights), the YAML of the spec of kind plot\n" +
					"that draws the same figure, byte for byte: fields in a stable order, defaults\n" +
					"left out, no comments; an author starts from it to change the figure. Saved\n" +
					"beside the spec (a data file is named relative to it), it renders the same\n" +
					"files. Several specs are printed as YAML documents separated by ---. Validates\n" +
					"the specs first; exit 2 when any is invalid or of another kind. Writes nothing.",
				Action: action(cmdExpand),
			},
			{
				Name:      "snippet",
				Usage:     "print what to paste into a post to show figures",
				ArgsUsage: "SPEC...",
				Description: "Prints, for each spec, the markdown (![alt](5.png)) or the HTML that shows its\n" +
					"figure: a <picture> with the dark images for a dark page (prefers-color-scheme)\n" +
					"and srcset 1x and 2x when the spec writes them, with the spec's alt text and\n" +
					"size. Paths are the outputs' names under the out dir, after --base. Validates\n" +
					"the specs first; exit 2 when any is invalid. Writes nothing.",
				Flags: []cli.Flag{
					&cli.StringFlag{Name: "format", Value: "markdown", Usage: "`markdown` or html"},
					&cli.StringFlag{Name: "base", Usage: "put `URL` before each image's name (e.g. /images/post1/)"},
				},
				Action: action(cmdSnippet),
			},
		},
	}
	usage := func(c *cli.Context, err error, _ bool) error {
		name := "figgen"
		if c.Command != nil && c.Command.Name != "" {
			name += " " + c.Command.Name
		}
		return fail(exitUsage, fmt.Errorf("%s: %v; see %s --help", name, err, name))
	}
	app.OnUsageError = usage
	for _, cmd := range app.Commands {
		cmd.OnUsageError = usage
		cmd.Before = checkArgs
	}
	unknown := ""
	app.CommandNotFound = func(c *cli.Context, name string) { unknown = name }
	err := app.RunContext(ctx, args)
	if err == nil && unknown != "" {
		err = fail(exitUsage, fmt.Errorf("figgen: unknown command %q; see figgen --help", unknown))
	}
	code := exitOK
	var ee *exitError
	switch {
	case err == nil:
	case errors.As(err, &ee):
		if ee.err != nil && ee.err.Error() != "" {
			fmt.Fprintln(stderr, ee.err)
		}
		code = ee.code
	default:
		fmt.Fprintf(stderr, "figgen: %v\n", err)
		code = exitUsage
	}
	if asJSON {
		rep.write(stdout, code, err)
	}
	return code
}

// checkArgs rejects a flag written after PATH: urfave/cli stops reading
// flags at the first argument, so it would be taken for a spec path.
func checkArgs(c *cli.Context) error {
	for _, a := range c.Args().Slice() {
		if strings.HasPrefix(a, "-") {
			return fail(exitUsage, fmt.Errorf("figgen %s: flag %s after PATH; flags go before PATH", c.Command.Name, a))
		}
	}
	return nil
}

// version is the module version figgen was built from ("(devel)" for a
// build from a checkout).
func version() string {
	if info, ok := debug.ReadBuildInfo(); ok && info.Main.Version != "" {
		return info.Main.Version
	}
	return "(devel)"
}

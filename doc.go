// Package figgen turns declarative figure specs (YAML, one figure per file)
// into PNG, SVG and PDF images: everything the figgen command does short
// of writing the out dir, for a Go program to call.
//
// Generate takes spec files and folders of specs, read from an fs.FS, and
// returns every output in memory by its name under the out dir:
//
//	res, err := figgen.Generate(ctx, figgen.Options{
//		FS:    os.DirFS("."),
//		Paths: []string{"specs"},
//	})
//	if err != nil {
//		return err // every problem of the run, positioned
//	}
//	for _, name := range res.Order {
//		// write res.Files[name] under the out dir
//	}
//
// Validate does the same short of rendering. Options.Sink takes each
// output as soon as its figure is rendered instead, so that a run holds
// only the figures being rendered in memory: the figgen command writes
// them to temporary files that way.
//
// # Paths
//
// A path names a spec file, taken whatever its name, or a folder: its
// *.yaml and *.yml files, sorted by name, without looking into subfolders
// or at dot files. A figgen.yaml beside specs holds the defaults of every
// spec of its folder, whether the folder or the spec was named. Naming a
// figgen.yaml itself is an error, and so is a folder holding folder
// defaults under another name (figgen.yml, Figgen.yaml). A file named twice
// is read once. When a folder is among the paths, the outputs include
// index.html, a contact sheet of every figure of the run.
//
// With Options.FS set, paths are slash-separated and relative to it;
// without it they are the operating system's, as a command line gives
// them (absolute, or relative to the working directory, ".." allowed).
// Either way every file is named in errors as it was given: a folder
// "specs/" and its file "08-sigmoid.yaml" make "specs/08-sigmoid.yaml".
//
// # Errors
//
// A run is all or nothing: it renders only when every spec is valid, and
// otherwise reports every problem at once. Specs are decoded, defaulted and
// validated by package spec, every text is typeset, and no two specs may
// write the same file (whatever the case of its name), nor one a file where
// another needs a folder ("x" and "x.png/y"; "index.html/y"). Problems with a
// place in a file make one spec.ErrorList, sorted by file, line and column,
// each problem once (a bad folder default is reported once, however many
// specs it applies to):
//
//	specs/05-reaction-condition.yaml:9:20: unknown command `\thetta` (did you mean `\theta`?)
//	specs/08-sigmoid.yaml:5:1: unknown field "titel" (did you mean "title"?)
//
// Other problems (a file that cannot be read) come before the list, joined
// by errors.Join; errors.As finds the list. A bad path (one that does not
// exist, a figgen.yaml named as a spec, a folder without specs) stops the
// run before any spec is read, with every bad path reported.
//
// # Limits
//
// A spec or figgen.yaml must be a regular file of at most 1 MiB. Anything
// else (a folder, a device, a named pipe) is rejected before it is opened,
// a larger file before it is read, and no more than 1 MiB and one byte of
// any file is ever read, so that no input can make a run hang or fill
// memory.
package figgen

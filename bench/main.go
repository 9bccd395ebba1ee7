// Command bench times figgen against the peers in one run: the four
// figures of bench/specs drawn by figgen, by gnuplot (bench/peers/figures.gp)
// and by matplotlib (bench/peers/figures.py) when they are installed, each
// run a fresh process writing into a fresh folder, the tools interleaved
// round by round so that a busy machine slows them alike. It prints the
// median wall time, CPU time and peak resident memory of each, their ratio to
// gnuplot, the PNG and SVG bytes side by side, the post's 13 figures and
// all of specs/ rendered cold, and how a render of many specs scales from
// one core to two.
//
// Run it from the repository's root (Linux; CI does not run it):
//
//	go run ./bench                 # 21 rounds
//	go run ./bench -install        # first apt-get install gnuplot-nox python3-matplotlib
//	go run ./bench -n 5 -scale 0   # quick, without the many-specs run
//	go run ./bench -before main    # also figgen as it was at main
//	go run ./bench -no-matplotlib  # quicker: figgen and gnuplot
//	go run ./bench -cgo            # figgen built as go build does by default, not static
//
// figgen is built static (CGO_ENABLED=0), as README installs it.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"log"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"time"
)

// A tool is one command that draws the figures into the folder it runs in.
type tool struct {
	name string
	argv func(out string) []string
	env  []string
	runs []sample
	out  string // the folder of its last run
}

type sample struct {
	wall time.Duration
	cpu  time.Duration // user + system, all threads
	rss  int64         // peak resident set, bytes
}

func main() {
	rounds := flag.Int("n", 21, "rounds: each tool runs once per round")
	install := flag.Bool("install", false, "apt-get install gnuplot-nox and python3-matplotlib first (as root)")
	scale := flag.Int("scale", 200, "specs in the scaling run (0: skip it)")
	before := flag.String("before", "", "also time figgen as built at this git `revision`")
	noMatplotlib := flag.Bool("no-matplotlib", false, "leave matplotlib out (it takes most of a round)")
	cgo := flag.Bool("cgo", false, "build figgen as the go command does by default (linked with the C library when cgo is on) instead of static, as README installs it")
	flag.Parse()
	log.SetFlags(0)
	log.SetPrefix("bench: ")
	if _, err := os.Stat("bench/specs"); err != nil {
		log.Fatal("run from the repository's root: go run ./bench")
	}
	if *install {
		run("apt-get", "update", "-qq")
		run("apt-get", "install", "-y", "-qq", "gnuplot-nox", "python3-matplotlib")
	}
	root, err := os.Getwd()
	check(err)
	tmp, err := os.MkdirTemp("", "figgen-bench-")
	check(err)
	defer os.RemoveAll(tmp)
	bin := filepath.Join(tmp, "figgen")
	// static, as README installs it: the C library (which only the
	// standard library's network code would use) costs every run 1.4 ms
	// and 1.4 MiB before it starts
	var buildEnv []string
	if !*cgo {
		buildEnv = []string{"CGO_ENABLED=0"}
	}
	build := exec.Command("go", "build", "-o", bin, "./cmd/figgen")
	build.Env, build.Stdout, build.Stderr = append(os.Environ(), buildEnv...), os.Stderr, os.Stderr
	check(build.Run())

	tools := []*tool{{
		name: "figgen",
		argv: func(out string) []string {
			return []string{bin, "render", "--out", out, filepath.Join(root, "bench/specs")}
		},
	}}
	old := "" // figgen as built at -before
	if *before != "" {
		src := filepath.Join(tmp, "before")
		check(os.MkdirAll(src, 0o755))
		sh("git archive " + shellQuote(*before) + " | tar -x -C " + shellQuote(src))
		old = filepath.Join(tmp, "figgen-before")
		cmd := exec.Command("go", "build", "-o", old, "./cmd/figgen")
		cmd.Dir, cmd.Env, cmd.Stderr = src, append(os.Environ(), buildEnv...), os.Stderr
		check(cmd.Run())
		tools = append(tools, &tool{name: "figgen " + *before, argv: func(out string) []string {
			return []string{old, "render", "--out", out, filepath.Join(root, "bench/specs")}
		}})
	}
	if gp, err := exec.LookPath("gnuplot"); err == nil {
		tools = append(tools, &tool{name: "gnuplot", argv: func(string) []string {
			return []string{gp, filepath.Join(root, "bench/peers/figures.gp")}
		}})
	} else {
		log.Print("gnuplot is not installed (-install, or apt-get install gnuplot-nox): skipped")
	}
	if *noMatplotlib {
		// left out
	} else if py := matplotlib(); py != "" {
		cache := filepath.Join(tmp, "mpl")
		tools = append(tools, &tool{name: "matplotlib", env: []string{"MPLCONFIGDIR=" + cache}, argv: func(string) []string {
			return []string{py, filepath.Join(root, "bench/peers/figures.py")}
		}})
	} else {
		log.Print("matplotlib is not installed (-install, or apt-get install python3-matplotlib): skipped")
	}
	all := slices.Clone(tools)
	// The post's own 13 figures (specs/ holds more), and all of specs/.
	postDir := postSpecs(tmp, root)
	post := &tool{name: "figgen post (13)", argv: func(out string) []string {
		return []string{bin, "render", "--out", out, postDir}
	}}
	specs := &tool{name: "figgen specs/", argv: func(out string) []string {
		return []string{bin, "render", "--out", out, filepath.Join(root, "specs")}
	}}
	all = append(all, post)
	var postBefore *tool
	if old != "" {
		postBefore = &tool{name: "post (13) " + *before, argv: func(out string) []string {
			return []string{old, "render", "--out", out, postDir}
		}}
		all = append(all, postBefore)
	}
	all = append(all, specs)
	// One round unmeasured, to warm the page cache and font caches.
	for _, t := range all {
		t.once(tmp, 0)
	}
	for r := range *rounds {
		for i := range all {
			t := all[(i+r)%len(all)]
			t.runs = append(t.runs, t.once(tmp, r+1))
		}
	}

	fmt.Printf("%d rounds, %s, medians (4 figures, 800×500, PNG + SVG, one process each)\n\n", *rounds, time.Now().Format("2006-01-02"))
	var base time.Duration
	for _, t := range tools {
		if t.name == "gnuplot" {
			base = t.median().wall
		}
	}
	fmt.Printf("| %-16s | %9s | %10s | %9s | %13s |\n", "tool", "wall", "× gnuplot", "CPU", "peak RSS")
	fmt.Printf("|%s|%s|%s|%s|%s|\n", strings.Repeat("-", 18), strings.Repeat("-", 11), strings.Repeat("-", 12), strings.Repeat("-", 11), strings.Repeat("-", 15))
	for _, t := range all {
		m := t.median()
		ratio := "–"
		if base > 0 && t != post && t != postBefore && t != specs {
			ratio = fmt.Sprintf("%.2f", float64(m.wall)/float64(base))
		}
		fmt.Printf("| %-16s | %6.1f ms | %10s | %6.1f ms | %9.1f MiB |\n", t.name, ms(m.wall), ratio, ms(m.cpu), float64(m.rss)/(1<<20))
	}

	fmt.Printf("\nbytes of the last round's files\n\n")
	fmt.Printf("| %-20s |", "file")
	for _, t := range tools {
		fmt.Printf(" %12s |", t.name)
	}
	fmt.Println()
	fmt.Printf("|%s|%s\n", strings.Repeat("-", 22), strings.Repeat(strings.Repeat("-", 14)+"|", len(tools)))
	for _, ext := range []string{"png", "svg"} {
		total := make([]int64, len(tools))
		for _, fig := range []string{"step", "sigmoid", "bias-shift", "threshold-plane"} {
			fmt.Printf("| %-20s |", fig+"."+ext)
			for i, t := range tools {
				n := size(filepath.Join(t.out, fig+"."+ext))
				total[i] += n
				fmt.Printf(" %12d |", n)
			}
			fmt.Println()
		}
		fmt.Printf("| %-20s |", "all ."+ext)
		for i := range tools {
			fmt.Printf(" %12d |", total[i])
		}
		for i, t := range tools {
			if t.name == "gnuplot" && total[i] > 0 {
				fmt.Printf(" figgen/gnuplot %.2f", float64(total[0])/float64(total[i]))
			}
		}
		fmt.Println()
	}

	if *scale > 0 {
		scaling(tmp, bin, root, *scale, max(3, *rounds/4))
	}
}

// postSpecs copies the specs of the post's figures (1 to 10, the
// threshold plane and cube, the typography specimen) into a folder of tmp
// and returns it.
func postSpecs(tmp, root string) string {
	dir := filepath.Join(tmp, "post-specs")
	check(os.MkdirAll(dir, 0o755))
	src, err := filepath.Glob(filepath.Join(root, "specs", "[01][0-9]-*.yaml"))
	check(err)
	for _, name := range []string{"threshold-plane.yaml", "threshold-cube.yaml", "typography.yaml"} {
		src = append(src, filepath.Join(root, "specs", name))
	}
	if len(src) != 13 {
		log.Fatalf("specs/: %d of the post's 13 specs", len(src))
	}
	for _, s := range src {
		data, err := os.ReadFile(s)
		check(err)
		check(os.WriteFile(filepath.Join(dir, filepath.Base(s)), data, 0o644))
	}
	return dir
}

// scaling renders n specs taken in turn from specs/ with one core and with
// two, and a quarter as many with two, to show the speed-up and that memory
// does not grow with the number of specs.
func scaling(tmp, bin, root string, n, rounds int) {
	src, err := filepath.Glob(filepath.Join(root, "specs", "*.yaml"))
	check(err)
	mk := func(n int) string {
		dir := filepath.Join(tmp, fmt.Sprintf("specs-%d", n))
		check(os.MkdirAll(dir, 0o755))
		// the files the specs read (loss-curve's CSV): a copy, figgen
		// refuses a link that leads out of the working directory
		check(os.CopyFS(filepath.Join(dir, "data"), os.DirFS(filepath.Join(root, "specs", "data"))))
		for i := range n {
			data, err := os.ReadFile(src[i%len(src)])
			check(err)
			var keep []string
			for _, l := range strings.Split(string(data), "\n") {
				if !strings.HasPrefix(l, "output:") { // names from the file stems
					keep = append(keep, l)
				}
			}
			name := fmt.Sprintf("s%03d-%s", i, filepath.Base(src[i%len(src)]))
			check(os.WriteFile(filepath.Join(dir, name), []byte(strings.Join(keep, "\n")), 0o644))
		}
		return dir
	}
	big, small, half := mk(n), mk(max(1, n/4)), mk(max(1, n/2))
	// The machine's own ceiling for this work: two processes of one core
	// each, half the specs each, share nothing figgen could serialise.
	pair := fmt.Sprintf("GOMAXPROCS=1 %[1]s render --out a %[2]s & GOMAXPROCS=1 %[1]s render --out b %[2]s & wait", shellQuote(bin), shellQuote(half))
	cases := []*tool{
		{name: fmt.Sprintf("%d specs, 1 core", n), env: []string{"GOMAXPROCS=1"}, argv: func(out string) []string { return []string{bin, "render", "--out", out, big} }},
		{name: fmt.Sprintf("%d specs, 2 cores", n), env: []string{"GOMAXPROCS=2"}, argv: func(out string) []string { return []string{bin, "render", "--out", out, big} }},
		{name: fmt.Sprintf("%d specs, 2 cores", n/4), env: []string{"GOMAXPROCS=2"}, argv: func(out string) []string { return []string{bin, "render", "--out", out, small} }},
		{name: fmt.Sprintf("2 × %d specs, 2 procs", n/2), argv: func(string) []string { return []string{"sh", "-c", pair} }},
	}
	for r := range rounds {
		for i := range cases {
			t := cases[(i+r)%len(cases)]
			t.runs = append(t.runs, t.once(tmp, r))
		}
	}
	fmt.Printf("\nmany specs (%d rounds, medians)\n\n", rounds)
	fmt.Printf("| %-20s | %9s | %9s | %13s |\n", "run", "wall", "CPU", "peak RSS")
	fmt.Printf("|%s|%s|%s|%s|\n", strings.Repeat("-", 22), strings.Repeat("-", 11), strings.Repeat("-", 11), strings.Repeat("-", 15))
	for _, t := range cases {
		m := t.median()
		fmt.Printf("| %-20s | %7.0f ms | %7.0f ms | %9.1f MiB |\n", t.name, ms(m.wall), ms(m.cpu), float64(m.rss)/(1<<20))
	}
	fmt.Printf("\n2 cores / 1 core: %.2f× as fast; two processes of one core each, half the specs each: %.2f× (the machine's ceiling)\n",
		float64(cases[0].median().wall)/float64(cases[1].median().wall), float64(cases[0].median().wall)/float64(cases[3].median().wall))
}

// once runs the tool in a fresh folder and measures it.
func (t *tool) once(tmp string, round int) sample {
	out := filepath.Join(tmp, fmt.Sprintf("%s-%d", strings.NewReplacer(" ", "-", "/", "", ",", "").Replace(t.name), round))
	check(os.RemoveAll(t.out))
	check(os.MkdirAll(out, 0o755))
	t.out = out
	argv := t.argv(out)
	cmd := exec.Command(argv[0], argv[1:]...)
	cmd.Dir = out
	cmd.Env = append(os.Environ(), t.env...)
	var stderr strings.Builder
	cmd.Stderr = &stderr
	start := time.Now()
	err := cmd.Run()
	wall := time.Since(start)
	if err != nil {
		log.Fatalf("%s: %v\n%s", t.name, err, stderr.String())
	}
	ru, _ := cmd.ProcessState.SysUsage().(*syscall.Rusage)
	var rss int64
	var cpu time.Duration
	if ru != nil {
		rss = int64(ru.Maxrss) * 1024 // KiB on Linux
		cpu = time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
	}
	return sample{wall, cpu, rss}
}

func (t *tool) median() sample {
	walls := make([]time.Duration, len(t.runs))
	cpus := make([]time.Duration, len(t.runs))
	rss := make([]int64, len(t.runs))
	for i, s := range t.runs {
		walls[i], cpus[i], rss[i] = s.wall, s.cpu, s.rss
	}
	slices.Sort(walls)
	slices.Sort(cpus)
	slices.Sort(rss)
	return sample{walls[len(walls)/2], cpus[len(cpus)/2], rss[len(rss)/2]}
}

// matplotlib returns a python3 that imports matplotlib, or "".
func matplotlib() string {
	for _, py := range []string{"/usr/bin/python3", "python3"} {
		if err := exec.Command(py, "-c", "import matplotlib").Run(); err == nil {
			return py
		}
	}
	return ""
}

func size(path string) int64 {
	fi, err := os.Stat(path)
	if errors.Is(err, fs.ErrNotExist) {
		return 0
	}
	check(err)
	return fi.Size()
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }

func run(name string, args ...string) {
	cmd := exec.Command(name, args...)
	cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
	if err := cmd.Run(); err != nil {
		log.Fatalf("%s: %v", name, err)
	}
}

func sh(script string) {
	run("sh", "-c", script)
}

func shellQuote(s string) string { return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'" }

func check(err error) {
	if err != nil {
		log.Fatal(err)
	}
}

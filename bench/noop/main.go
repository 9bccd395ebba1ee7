// Command noop times the renders that change nothing or little, against
// figgen --version, the cost of starting figgen at all: all in one run,
// the commands taking turns round by round, medians of wall time.
//
//	go run ./bench/noop [-rounds 21]
//
// It builds figgen, copies the post's specs/ and out/ (rendered with the
// manifest) into a temporary folder, waits until the outputs are old
// enough for figgen's stat cache to keep their hashes (as an author's
// are), and times:
//
//   - figgen --version;
//   - a no-op render of specs/ (every output fresh);
//   - a no-op check --fast of specs/;
//   - 200 specs taken in turn from specs/ (each its own outputs), all
//     fresh, one of them changed before each round (its title), against
//     rendering that one spec alone: the changed spec should cost about
//     one figure.
package main

import (
	"flag"
	"fmt"
	"log"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"time"
)

func main() {
	rounds := flag.Int("rounds", 21, "rounds of timings")
	flag.Parse()
	log.SetFlags(0)
	tmp, err := os.MkdirTemp("", "figgen-noop-")
	check(err)
	defer os.RemoveAll(tmp)
	bin := filepath.Join(tmp, "figgen")
	run("", "go", "build", "-o", bin, "./cmd/figgen")

	post := filepath.Join(tmp, "post")
	check(os.MkdirAll(post, 0o755))
	run("", "cp", "-r", "specs", filepath.Join(post, "specs"))
	run(post, bin, "render", "specs") // out/ from scratch, with its manifest

	// 200 specs, each from one of specs/ with its own output name.
	many := filepath.Join(tmp, "many")
	check(os.MkdirAll(filepath.Join(many, "specs"), 0o755))
	run("", "cp", "-r", "specs/data", filepath.Join(many, "specs", "data")) // the plots' data files
	src, err := filepath.Glob("specs/*.yaml")
	check(err)
	var names []string
	for i := range 200 {
		data, err := os.ReadFile(src[i%len(src)])
		check(err)
		name := fmt.Sprintf("f%03d.yaml", i)
		var keep []string
		for _, l := range strings.Split(string(data), "\n") {
			if !strings.HasPrefix(l, "output:") {
				keep = append(keep, l)
			}
		}
		check(os.WriteFile(filepath.Join(many, "specs", name), []byte(strings.Join(keep, "\n")), 0o644))
		names = append(names, name)
	}
	run(many, bin, "render", "specs")
	changed := filepath.Join(many, "specs", names[7]) // a sigmoid
	orig, err := os.ReadFile(changed)
	check(err)
	// An author's outputs were written a while ago: figgen keeps the
	// hashes of files older than a few seconds in its stat cache (the
	// user's cache folder), and the figures of the specs it decoded.
	time.Sleep(4 * time.Second)
	run(post, bin, "render", "specs")
	run(many, bin, "render", "specs")
	one := filepath.Join(tmp, "one")
	check(os.MkdirAll(one, 0o755))

	type cmd struct {
		name string
		dir  string
		args []string
		prep func(round int)
	}
	cmds := []cmd{
		{name: "figgen --version", dir: post, args: []string{"--version"}},
		{name: "no-op render specs/ (the post's)", dir: post, args: []string{"render", "specs"}},
		{name: "no-op check --fast specs/", dir: post, args: []string{"check", "--fast", "specs"}},
		{name: "render 200 specs, 1 changed", dir: many, args: []string{"render", "specs"}, prep: func(r int) {
			check(os.WriteFile(changed, fmt.Appendf(slices.Clone(orig), "\ntitle: round %d\n", r), 0o644))
		}},
		{name: "render that 1 spec alone", dir: many, args: []string{"render", "--out", filepath.Join(one, "out"), filepath.Join("specs", names[7])}, prep: func(r int) {
			os.RemoveAll(filepath.Join(one, "out"))
		}},
	}
	times := make([][]time.Duration, len(cmds))
	for r := range *rounds {
		for j := range cmds {
			c := cmds[(j+r)%len(cmds)]
			if c.prep != nil {
				c.prep(r)
			}
			start := time.Now()
			run(c.dir, bin, c.args...)
			times[(j+r)%len(cmds)] = append(times[(j+r)%len(cmds)], time.Since(start))
		}
	}
	med := func(ts []time.Duration) time.Duration {
		ts = slices.Clone(ts)
		slices.Sort(ts)
		return ts[len(ts)/2]
	}
	base := med(times[0])
	fmt.Printf("%d rounds, medians of wall time\n\n", *rounds)
	fmt.Printf("| command | wall | − --version |\n|---|---|---|\n")
	for i, c := range cmds {
		m := med(times[i])
		fmt.Printf("| %s | %.1f ms | %+.1f ms |\n", c.name, ms(m), ms(m-base))
	}
	fmt.Printf("\n1 changed among 200 / that spec alone: %.2f\n", float64(med(times[3]))/float64(med(times[4])))
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }

func run(dir, name string, args ...string) {
	c := exec.Command(name, args...)
	c.Dir = dir
	if out, err := c.CombinedOutput(); err != nil {
		log.Fatalf("%s %s: %v\n%s", name, strings.Join(args, " "), err, out)
	}
}

func check(err error) {
	if err != nil {
		log.Fatal(err)
	}
}

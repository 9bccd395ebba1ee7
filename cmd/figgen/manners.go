package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	lib "github.com/figgen/figgen"
	"github.com/figgen/figgen/spec"
)

// shard is the share of the specs a run takes (--shard K/N): K of N, by
// a hash of each spec file's name (lib.InShard); the zero value is all.
type shard struct{ k, n int }

func parseShard(s string) (shard, error) {
	if s == "" {
		return shard{1, 1}, nil
	}
	ks, ns, ok := strings.Cut(s, "/")
	k, err1 := strconv.Atoi(ks)
	n, err2 := strconv.Atoi(ns)
	if !ok || err1 != nil || err2 != nil || n < 1 || k < 1 || k > n || n > 10000 {
		return shard{}, fail(exitUsage, fmt.Errorf("figgen: --shard %q: want K/N with 1 ≤ K ≤ N ≤ 10000, as 2/4", s))
	}
	return shard{k, n}, nil
}

// has reports whether the spec file spec is in the shard.
func (s shard) has(spec string) bool { return s.n <= 1 || lib.InShard(spec, s.k, s.n) }

// first reports whether the shard is the first, which also renders the
// contact sheet.
func (s shard) first() bool { return s.k <= 1 }

// progress shows how far a long run is, on one line of a terminal, and
// nothing when w is not a terminal (a CI log, a file, a pipe).
type progress struct {
	w        io.Writer // nil: not a terminal
	verb     string
	total, n int
	shown    bool
}

func newProgress(w io.Writer, verb string) *progress {
	if !isTerminal(w) {
		return &progress{}
	}
	return &progress{w: w, verb: verb}
}

// isTerminal reports whether w is a character device, as a terminal is.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

// step counts one output done.
func (p *progress) step() {
	if p == nil || p.w == nil {
		return
	}
	p.n++
	if p.total < 8 { // not a long run
		return
	}
	fmt.Fprintf(p.w, "\r\x1b[Kfiggen: %s %d/%d", p.verb, min(p.n, p.total), p.total)
	p.shown = true
}

// done clears the line.
func (p *progress) done() {
	if p != nil && p.shown {
		fmt.Fprint(p.w, "\r\x1b[K")
		p.shown = false
	}
}

// report is the machine-readable summary of a run (--json): names of
// outputs under the out dir, sorted as the run ordered them.
type report struct {
	Command    string        `json:"command"`
	Exit       int           `json:"exit"`
	Written    []string      `json:"written"`
	Unchanged  []string      `json:"unchanged"`
	Skipped    []string      `json:"skipped"`
	Stale      []string      `json:"stale"`
	Missing    []string      `json:"missing"`
	Unexpected []string      `json:"unexpected"`
	Removed    []string      `json:"removed"`
	Post       []postFinding `json:"post,omitempty"`
	Errors     []jsonError   `json:"errors"`
}

type jsonError struct {
	File    string `json:"file,omitempty"`
	Line    int    `json:"line,omitempty"`
	Col     int    `json:"col,omitempty"`
	Message string `json:"message"`
}

// finish records err and the exit status, and writes the report.
func (r *report) write(w io.Writer, code int, err error) {
	r.Exit = code
	r.addError(err)
	for _, l := range []*[]string{&r.Written, &r.Unchanged, &r.Skipped, &r.Stale, &r.Missing, &r.Unexpected, &r.Removed} {
		if *l == nil {
			*l = []string{}
		}
	}
	if r.Errors == nil {
		r.Errors = []jsonError{}
	}
	b, _ := json.MarshalIndent(r, "", "  ")
	w.Write(append(b, '\n'))
}

func (r *report) addError(err error) {
	var ee *exitError
	if errors.As(err, &ee) {
		err = ee.err
	}
	switch e := err.(type) {
	case nil:
	case spec.ErrorList:
		for _, x := range e {
			r.addError(x)
		}
	case *spec.Error:
		r.Errors = append(r.Errors, jsonError{File: e.Pos.File, Line: e.Pos.Line, Col: e.Pos.Col, Message: e.Msg})
	case interface{ Unwrap() []error }:
		for _, x := range e.Unwrap() {
			r.addError(x)
		}
	default:
		if msg := err.Error(); msg != "" {
			r.Errors = append(r.Errors, jsonError{Message: msg})
		}
	}
}

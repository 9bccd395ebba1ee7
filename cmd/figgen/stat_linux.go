package main

import (
	"io/fs"
	"syscall"
)

// statOf returns what the stat cache compares of a file's stat.
func statOf(st fs.FileInfo) (fileStat, bool) {
	s, ok := st.Sys().(*syscall.Stat_t)
	if !ok || !st.Mode().IsRegular() {
		return fileStat{}, false
	}
	return fileStat{size: st.Size(), mtime: s.Mtim.Nano(), ctime: s.Ctim.Nano(), ino: s.Ino, dev: uint64(s.Dev)}, true
}

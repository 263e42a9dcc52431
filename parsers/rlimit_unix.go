//go:build unix

package parsers

import (
	"runtime/debug"
	"syscall"
)

// limitMemory makes the garbage collector work to stay under n bytes and
// caps the address space at 2n, so that a runaway allocation fails inside
// this process rather than starving the machine.
func limitMemory(n int64) {
	debug.SetMemoryLimit(n * 3 / 4)
	lim := syscall.Rlimit{Cur: uint64(2 * n), Max: uint64(2 * n)}
	_ = syscall.Setrlimit(syscall.RLIMIT_AS, &lim)
}

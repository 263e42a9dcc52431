//go:build unix

package worker

import (
	"runtime/debug"
	"syscall"
)

// limitMemory makes the garbage collector work to stay under n bytes and
// caps the address space at 2n + 2 GiB, so that a runaway allocation fails
// inside this process rather than starving the machine. The extra 2 GiB are
// the Go runtime's own reservations: with 1 GiB in all a worker cannot
// even start. The supervisor's RSS watchdog enforces n itself.
func limitMemory(n int64) {
	debug.SetMemoryLimit(n * 3 / 4)
	as := uint64(2*n + 2<<30)
	lim := syscall.Rlimit{Cur: as, Max: as}
	_ = syscall.Setrlimit(syscall.RLIMIT_AS, &lim)
}

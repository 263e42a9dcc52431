//go:build unix

package main

import "syscall"

// peakRSS returns the peak resident memory of this process and of its
// largest child (an extraction worker), in bytes.
func peakRSS() (self, child int64) {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) == nil {
		self = int64(ru.Maxrss) * 1024
	}
	if syscall.Getrusage(syscall.RUSAGE_CHILDREN, &ru) == nil {
		child = int64(ru.Maxrss) * 1024
	}
	return self, child
}

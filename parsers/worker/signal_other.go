//go:build !unix

package worker

import "os"

// signalled reports whether a process ended by a signal; never, here.
func signalled(*os.ProcessState) (string, bool) { return "", false }

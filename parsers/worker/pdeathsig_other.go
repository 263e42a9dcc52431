//go:build !linux

package worker

import "os/exec"

// dieWithParent does nothing here: a worker exits when its stdin ends
// (see [Serve]).
func dieWithParent(*exec.Cmd) {}

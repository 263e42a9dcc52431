//go:build !unix

package pgtest

import "os/exec"

// runAs does nothing: only Unix has a root that initdb refuses.
func runAs(*exec.Cmd, int, int) {}

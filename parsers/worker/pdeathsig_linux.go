package worker

import (
	"os/exec"
	"syscall"
)

// dieWithParent has the kernel kill the worker when the supervisor's
// process dies, however it dies. (A worker also exits when its stdin ends:
// see [Serve]; this covers a worker stuck where it cannot notice.)
func dieWithParent(cmd *exec.Cmd) {
	cmd.SysProcAttr = &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL}
}

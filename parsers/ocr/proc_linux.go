package ocr

import (
	"os/exec"
	"syscall"
)

// dieWithParent asks the kernel to kill Tesseract when the thread that
// started it dies: a worker killed at its deadline takes its OCR with it.
func dieWithParent(cmd *exec.Cmd) {
	cmd.SysProcAttr = &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL}
}

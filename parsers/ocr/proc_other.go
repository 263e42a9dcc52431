//go:build !linux

package ocr

import "os/exec"

// dieWithParent has no portable equivalent outside Linux; there the
// context still ends Tesseract when the call is cancelled.
func dieWithParent(*exec.Cmd) {}

//go:build unix

package main

import (
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
)

// TestOutputToFIFO: a FIFO is written in place, not replaced by a file.
func TestOutputToFIFO(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "out.jsonl")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skip(err)
	}
	got := make(chan string, 1)
	go func() {
		f, err := os.Open(fifo)
		if err != nil {
			got <- err.Error()
			return
		}
		defer f.Close()
		b, _ := io.ReadAll(f)
		got <- string(b)
	}()
	code, _, stderr := runCLI(t, "screen", "-rules", exampleRules, "-quiet", "-out", "", "-jsonl", fifo, oneResume(t))
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if fi, err := os.Lstat(fifo); err != nil || fi.Mode()&fs.ModeNamedPipe == 0 {
		t.Fatalf("%s is no longer a FIFO: %v", fifo, fi.Mode())
	}
	if s := <-got; !strings.Contains(s, `"Ada Example"`) {
		t.Errorf("read from the FIFO: %q", s)
	}
}

// TestOutputToDevice: a character device is written in place: renaming
// over it would replace the device node (for everyone, as root). As root
// the test makes its own null device, so that a regression cannot replace
// the system's /dev/null; as another user /dev/null is safe to use.
func TestOutputToDevice(t *testing.T) {
	dev := os.DevNull
	if os.Geteuid() == 0 {
		dev = filepath.Join(t.TempDir(), "null")
		if err := syscall.Mknod(dev, syscall.S_IFCHR|0o666, 1<<8|3); err != nil { // Linux's null device, 1:3
			t.Skip(err)
		}
		if f, err := os.OpenFile(dev, os.O_WRONLY, 0); err != nil {
			t.Skip(err) // a file system mounted nodev
		} else {
			f.Close()
		}
	}
	code, _, stderr := runCLI(t, "screen", "-rules", exampleRules, "-quiet", "-out", dev, "-csv", filepath.Join(dev, "..", filepath.Base(dev)), oneResume(t))
	if code != exitUsage || !strings.Contains(stderr, "name the same file") {
		t.Errorf("two outputs to %s: exit %d, %q", dev, code, stderr)
	}
	code, _, stderr = runCLI(t, "screen", "-rules", exampleRules, "-quiet", "-out", dev, oneResume(t))
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if fi, err := os.Stat(dev); err != nil || fi.Mode()&fs.ModeCharDevice == 0 {
		t.Fatalf("%s is no longer a device: %v", dev, fi.Mode())
	}
}

// TestOutputToDescriptorAppends: /dev/stdout (here /proc/self/fd/N) that
// leads to a file opened for appending (a shell's >>) is appended to, not
// overwritten from its start.
func TestOutputToDescriptorAppends(t *testing.T) {
	log := filepath.Join(t.TempDir(), "log.csv")
	os.WriteFile(log, []byte("earlier line\n"), 0o644)
	f, err := os.OpenFile(log, os.O_WRONLY|os.O_APPEND, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	fd := "/proc/self/fd/" + strconv.Itoa(int(f.Fd()))
	if _, err := os.Stat(fd); err != nil {
		t.Skip("no /proc")
	}
	code, _, stderr := runCLI(t, "screen", "-rules", exampleRules, "-quiet", "-out", "", "-csv", fd, oneResume(t))
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if got := mustRead(t, log); !strings.HasPrefix(got, "earlier line\n") || !strings.Contains(got, "Ada Example") {
		t.Errorf("%s holds %q", log, got)
	}
	if fi, err := os.Lstat(log); err != nil || !fi.Mode().IsRegular() {
		t.Errorf("%s replaced: %v", log, err)
	}
}

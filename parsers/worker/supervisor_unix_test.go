//go:build unix

package worker

import (
	"context"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/screener/screener/parsers"
)

// TestSupervisorRefusesFIFO: a FIFO put in a resume's place is refused at
// once, not read until the time limit.
func TestSupervisorRefusesFIFO(t *testing.T) {
	fifo := filepath.Join(t.TempDir(), "x.pdf")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skip(err)
	}
	s := testSupervisor(t, Options{Timeout: time.Hour})
	_, err := s.Extract(context.Background(), fifo)
	if err == nil || !strings.Contains(err.Error(), "not a regular file (a FIFO)") || parsers.Code(err) != parsers.ReasonError {
		t.Errorf("FIFO: %v (%s), want an error saying it is not a regular file", err, parsers.Code(err))
	}
}

// TestSupervisorWorkerKilledFromOutside: a worker that dies of a signal
// the supervisor did not send (the OOM killer, kill -9) is reported as
// killed, with the signal, not as a corrupt file; a worker that crashes
// on its own still makes the file corrupt.
func TestSupervisorWorkerKilledFromOutside(t *testing.T) {
	killed := NewSupervisor(Options{Command: []string{"sh", "-c", "kill -KILL $$"}})
	defer killed.Close()
	_, err := killed.Extract(context.Background(), filepath.Join(fixtures, "utf16.txt"))
	if !errors.Is(err, parsers.ErrKilled) || parsers.Code(err) != parsers.ReasonKilled || !parsers.Code(err).Transient() ||
		!strings.Contains(err.Error(), "killed by signal SIGKILL") {
		t.Errorf("worker killed by SIGKILL: %v (%s)", err, parsers.Code(err))
	}
	crashed := NewSupervisor(Options{Command: []string{"sh", "-c", "echo 'panic: boom' >&2; exit 2"}})
	defer crashed.Close()
	_, err = crashed.Extract(context.Background(), filepath.Join(fixtures, "utf16.txt"))
	if !errors.Is(err, parsers.ErrCorrupt) || !strings.Contains(err.Error(), "panic: boom") {
		t.Errorf("worker that crashed: %v", err)
	}
}

// TestWorkerExitsWhenInputEnds: a worker busy on a file returns from Serve
// as soon as its stdin ends (its supervisor died), instead of parsing on
// as an orphan.
func TestWorkerExitsWhenInputEnds(t *testing.T) {
	cmd := exec.Command(os.Args[0])
	cmd.Env = append(os.Environ(), "PARSERS_TEST_WORKER=1")
	stdin, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Process.Kill()
	// prev-loop.pdf keeps a parser busy until it is killed.
	req, _ := json.Marshal(request{Path: []byte(filepath.Join(fixtures, "prev-loop.pdf"))})
	stdin.Write(append(req, '\n'))
	stdin.Close()
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	select {
	case err := <-exited:
		if err != nil {
			t.Errorf("worker exit: %v", err)
		}
	case <-time.After(time.Minute): // a guard against a hang, not a measure
		t.Fatal("worker still running a minute after its input ended")
	}
}

// TestSupervisorNonUTF8Path: a file name that is not UTF-8 reaches the
// worker intact.
func TestSupervisorNonUTF8Path(t *testing.T) {
	name := filepath.Join(t.TempDir(), "Jos\xe9.txt")
	if err := os.WriteFile(name, []byte("José Example\nSkills: Python, Go\n"), 0o644); err != nil {
		t.Skip(err) // a file system that insists on UTF-8 names
	}
	s := testSupervisor(t, Options{Timeout: time.Minute})
	doc, err := s.Extract(context.Background(), name)
	if err != nil || !strings.Contains(doc.Text, "Skills: Python") {
		t.Errorf("non-UTF-8 name: %v", err)
	}
}

// TestSupervisorStackOverflow: a worker whose parser overflowed its stack
// (objects nested without end) makes the file corrupt, saying why.
func TestSupervisorStackOverflow(t *testing.T) {
	s := NewSupervisor(Options{Command: []string{"sh", "-c", "echo 'runtime: goroutine stack exceeds 67108864-byte limit' >&2; echo 'fatal error: stack overflow' >&2; exit 2"}})
	defer s.Close()
	_, err := s.Extract(context.Background(), filepath.Join(fixtures, "utf16.txt"))
	if !errors.Is(err, parsers.ErrCorrupt) || !strings.Contains(err.Error(), "nested too deep or referring to themselves") {
		t.Errorf("error %v", err)
	}
}

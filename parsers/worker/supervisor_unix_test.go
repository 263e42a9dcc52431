//go:build unix

package worker

import (
	"context"
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

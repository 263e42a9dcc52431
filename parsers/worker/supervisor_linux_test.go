package worker

import (
	"os"
	"os/exec"
	"slices"
	"strconv"
	"testing"
	"time"
)

// TestResidentCountsDescendants: what a worker starts (Tesseract) counts
// against its memory cap, grandchildren too.
func TestResidentCountsDescendants(t *testing.T) {
	cmd := exec.Command("sh", "-c", "sleep 30 & wait")
	if err := cmd.Start(); err != nil {
		t.Skip(err)
	}
	defer func() { cmd.Process.Kill(); cmd.Wait() }()
	sh := cmd.Process.Pid
	var kids []int
	for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		if kids = descendants(sh, 0); len(kids) == 1 {
			break
		}
	}
	if len(kids) != 1 {
		t.Fatalf("descendants of sh: %v, want its sleep", kids)
	}
	defer exec.Command("kill", "-9", strconv.Itoa(kids[0])).Run()
	if self := descendants(os.Getpid(), 0); !slices.Contains(self, sh) || !slices.Contains(self, kids[0]) {
		t.Errorf("descendants of the test: %v, want %d and its child %d", self, sh, kids[0])
	}
	own, child := ownResident(sh), ownResident(kids[0])
	if own == 0 || child == 0 {
		t.Skip("no resident sizes in /proc")
	}
	if got := residentBytes(sh); got < own+child {
		t.Errorf("residentBytes(sh) = %d, want at least sh's %d plus sleep's %d", got, own, child)
	}
}

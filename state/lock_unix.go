//go:build unix

package state

import (
	"fmt"
	"os"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// acquireLock takes an exclusive, non-blocking flock on path and writes our
// pid and start time into it. The kernel releases the lock when the process
// dies, however it dies, so a stale lock can never block a later run.
func acquireLock(path string) (*os.File, error) {
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return nil, err
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		holder, _ := os.ReadFile(path)
		f.Close()
		return nil, fmt.Errorf("%w (%s)", ErrLocked, describeHolder(string(holder)))
	}
	f.Truncate(0)
	f.WriteAt([]byte(fmt.Sprintf("%d %d\n", os.Getpid(), time.Now().Unix())), 0)
	f.Sync()
	return f, nil
}

func describeHolder(s string) string {
	f := strings.Fields(s)
	if len(f) < 2 {
		return "holder unknown"
	}
	since, _ := strconv.ParseInt(f[1], 10, 64)
	return fmt.Sprintf("pid %s, since %s", f[0], time.Unix(since, 0).UTC().Format(time.RFC3339))
}

func releaseLock(f *os.File) {
	if f == nil {
		return
	}
	f.Truncate(0)
	syscall.Flock(int(f.Fd()), syscall.LOCK_UN)
	f.Close()
}

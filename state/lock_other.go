//go:build !unix

package state

import (
	"fmt"
	"os"
)

// acquireLock creates path exclusively; without flock, a stale lock file
// must be removed by hand.
func acquireLock(path string) (*os.File, error) {
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return nil, fmt.Errorf("%w (remove %s if no run is going)", ErrLocked, path)
	}
	return f, nil
}

func releaseLock(f *os.File) {
	if f != nil {
		f.Close()
		os.Remove(f.Name())
	}
}

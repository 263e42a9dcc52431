package screener

import (
	"crypto/sha256"
	"encoding/hex"
	"io"
	"os"
)

func hashFile(path string) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// markDuplicates turns every ok record whose SHA-256 was seen on an earlier
// file (in sorted order) into a duplicate of it.

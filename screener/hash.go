package screener

import (
	"crypto/sha256"
	"encoding/hex"
	"io"

	"github.com/screener/screener/parsers"
)

// HashFile returns the SHA-256 of a file's content. It reads only regular
// files (see [parsers.OpenRegular]): a FIFO or a device put in a file's
// place is refused, never waited on.
func HashFile(path string) (string, error) {
	f, _, err := parsers.OpenRegular(path)
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

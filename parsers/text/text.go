// Package text decodes plain-text resumes. Callers use
// github.com/screener/screener/parsers, which detects the format and
// normalizes the text; this package is its plain-text step.
package text

import (
	"bytes"
	"fmt"
	"io"
	"unicode/utf16"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"

	"github.com/screener/screener/parsers/internal/extract"
)

// Extract decodes a plain-text file: UTF-8 (with or without BOM),
// UTF-16 with a BOM, and otherwise Windows-1252, the usual encoding of text
// saved by older Windows tools.
func Extract(r io.ReaderAt, size int64) (extract.Result, error) {
	b := make([]byte, size)
	if _, err := r.ReadAt(b, 0); err != nil && err != io.EOF {
		return extract.Result{}, fmt.Errorf("read: %w", err)
	}
	return extract.Result{Text: decodeText(b)}, nil
}

func decodeText(b []byte) string {
	switch {
	case bytes.HasPrefix(b, []byte{0xEF, 0xBB, 0xBF}):
		return string(bytes.ToValidUTF8(b[3:], []byte("\uFFFD")))
	case bytes.HasPrefix(b, []byte{0xFF, 0xFE}):
		return decodeUTF16(b[2:], false)
	case bytes.HasPrefix(b, []byte{0xFE, 0xFF}):
		return decodeUTF16(b[2:], true)
	case utf8.Valid(b):
		return string(b)
	}
	s, err := charmap.Windows1252.NewDecoder().Bytes(b)
	if err != nil {
		return string(bytes.ToValidUTF8(b, []byte("\uFFFD")))
	}
	return string(s)
}

func decodeUTF16(b []byte, bigEndian bool) string {
	u := make([]uint16, len(b)/2)
	for i := range u {
		if bigEndian {
			u[i] = uint16(b[2*i])<<8 | uint16(b[2*i+1])
		} else {
			u[i] = uint16(b[2*i+1])<<8 | uint16(b[2*i])
		}
	}
	return string(utf16.Decode(u))
}

// Package extract holds what the parsers package and its format packages
// share: the typed errors, the limits, and the raw result of a format's
// parser. The parsers package re-exports the errors and [Limits]; callers
// outside parsers use those names.
package extract

import (
	"errors"
	"fmt"
)

// Sentinel errors returned (wrapped in an [*Error]) by the parsers. Callers
// branch on them with errors.Is.
var (
	// ErrEncrypted means the document needs a password we do not have,
	// or uses an encryption scheme we cannot open.
	ErrEncrypted = errors.New("encrypted")
	// ErrNoText means the document parsed but holds no extractable text;
	// for a PDF this almost always means a scanned image.
	ErrNoText = errors.New("no text")
	// ErrCorrupt means the document is damaged or malformed, or its parser
	// failed on it.
	ErrCorrupt = errors.New("corrupt")
	// ErrUnsupported means the content is not a format we read, whatever
	// its file name says.
	ErrUnsupported = errors.New("unsupported format")
	// ErrTooLarge means the file, its uncompressed content, its page count
	// or its compression ratio exceeds a limit in [Limits].
	ErrTooLarge = errors.New("too large")
	// ErrTimeout means extraction did not finish within its deadline.
	ErrTimeout = errors.New("timeout")
	// ErrMemory means extraction exceeded its memory cap.
	ErrMemory = errors.New("memory limit exceeded")
	// ErrKilled means the extraction worker was killed by a signal the
	// supervisor did not send.
	ErrKilled = errors.New("killed")
)

// Error reports why one document could not be extracted. Err is one of the
// sentinel errors above; Detail says precisely what was wrong and Hint,
// when set, what the user can do about it.
type Error struct {
	File   string // file name as given by the caller; may be empty
	Err    error  // one of the sentinels: ErrEncrypted, ErrNoText, ...
	Detail string // e.g. "AES-256 (revision 6) encryption"
	Hint   string // e.g. "the PDF is probably a scanned image"
}

func (e *Error) Error() string {
	msg := e.Err.Error()
	if e.Detail != "" {
		msg += ": " + e.Detail
	}
	if e.File != "" {
		msg = e.File + ": " + msg
	}
	if e.Hint != "" {
		msg += " (hint: " + e.Hint + ")"
	}
	return msg
}

func (e *Error) Unwrap() error { return e.Err }

// Newf returns an [*Error] of the given kind with a formatted detail.
func Newf(kind error, format string, args ...any) *Error {
	return &Error{Err: kind, Detail: fmt.Sprintf(format, args...)}
}

// FormatBytes writes a size for a message: "3.2 MiB", "12.0 KiB", "80 bytes".
func FormatBytes(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KiB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d bytes", n)
}

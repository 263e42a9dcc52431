package parsers

import "github.com/screener/screener/parsers/internal/extract"

// Sentinel errors returned (wrapped in an [*Error]) by [Extract] and the
// worker supervisor. Callers branch on them with errors.Is.
var (
	// ErrEncrypted means the document needs a password we do not have,
	// or uses an encryption scheme we cannot open.
	ErrEncrypted = extract.ErrEncrypted
	// ErrNoText means the document parsed but holds no extractable text;
	// for a PDF this almost always means a scanned image.
	ErrNoText = extract.ErrNoText
	// ErrCorrupt means the document is damaged or malformed, or its parser
	// failed on it.
	ErrCorrupt = extract.ErrCorrupt
	// ErrUnsupported means the content is not a format we read, whatever
	// its file name says.
	ErrUnsupported = extract.ErrUnsupported
	// ErrTooLarge means the file, its uncompressed content, its page count
	// or its compression ratio exceeds a limit in [Limits].
	ErrTooLarge = extract.ErrTooLarge
	// ErrTimeout means extraction did not finish within its deadline.
	ErrTimeout = extract.ErrTimeout
	// ErrMemory means extraction exceeded its memory cap.
	ErrMemory = extract.ErrMemory
	// ErrKilled means the extraction worker was killed by a signal screener
	// did not send (the kernel's out-of-memory killer, an administrator).
	ErrKilled = extract.ErrKilled
)

// Error reports why one document could not be extracted: File, Err (one of
// the sentinels above), Detail (precisely what was wrong) and Hint (when
// set, what the user can do about it). It prints as
// "resume.pdf: encrypted: needs a user password (hint: ...)".
type Error = extract.Error

// Limits bound the work done on one document; the zero value of every
// field means its documented default.
type Limits = extract.Limits

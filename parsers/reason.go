package parsers

import "errors"

// Reason is the short code a report gives for a file that was not scored:
// why its extraction failed, or why it was left out. The set is closed and
// listed in the README; reports and stored state hold these strings.
type Reason string

// Reasons. The first eight stand for the sentinel errors of this package
// ([Reason.Err]); the others are given by the worker supervisor and by the
// screening pipeline.
const (
	ReasonEncrypted   Reason = "encrypted"   // ErrEncrypted
	ReasonNoText      Reason = "no_text"     // ErrNoText
	ReasonCorrupt     Reason = "corrupt"     // ErrCorrupt
	ReasonUnsupported Reason = "unsupported" // ErrUnsupported
	ReasonTooLarge    Reason = "too_large"   // ErrTooLarge
	ReasonTimeout     Reason = "timeout"     // ErrTimeout
	ReasonMemory      Reason = "memory"      // ErrMemory
	ReasonKilled      Reason = "killed"      // ErrKilled
	// ReasonCancelled: the run was cancelled while the file was read.
	ReasonCancelled Reason = "cancelled"
	// ReasonError: the file could not be read at all (permission denied,
	// an I/O error, not a regular file).
	ReasonError Reason = "error"
	// ReasonDuplicate: the same content as another file of the run.
	ReasonDuplicate Reason = "duplicate"
	// ReasonSamePerson: another resume of a candidate who is ranked by a
	// better version.
	ReasonSamePerson Reason = "same_person"
	// ReasonSkipped: not a candidate file (hidden, a Word lock file, another
	// file type).
	ReasonSkipped Reason = "skipped"
	// ReasonNotResume: a document that is not a resume (a cover letter, a
	// reference letter, a job posting); listed as skipped with the evidence
	// and a hint, never ranked.
	ReasonNotResume Reason = "not_resume"
)

// sentinels pairs the reasons that stand for an error with it.
func sentinels() []struct {
	r   Reason
	err error
} {
	return []struct {
		r   Reason
		err error
	}{
		{ReasonEncrypted, ErrEncrypted}, {ReasonNoText, ErrNoText}, {ReasonCorrupt, ErrCorrupt},
		{ReasonUnsupported, ErrUnsupported}, {ReasonTooLarge, ErrTooLarge}, {ReasonTimeout, ErrTimeout},
		{ReasonMemory, ErrMemory}, {ReasonKilled, ErrKilled},
	}
}

// Code returns the reason for an extraction error: the one of its sentinel
// error, or [ReasonError] for any other error.
func Code(err error) Reason {
	for _, s := range sentinels() {
		if errors.Is(err, s.err) {
			return s.r
		}
	}
	return ReasonError
}

// Err returns the sentinel error a reason stands for, so that an error can
// cross a process boundary as its code; [ErrCorrupt] for a reason that
// stands for none.
func (r Reason) Err() error {
	for _, s := range sentinels() {
		if s.r == r {
			return s.err
		}
	}
	return ErrCorrupt
}

// Transient reports whether a failure may not happen again: a timeout, the
// memory cap, a killed worker, a cancelled run. Such outcomes are retried
// on the next run rather than remembered.
func (r Reason) Transient() bool {
	switch r {
	case ReasonTimeout, ReasonMemory, ReasonKilled, ReasonCancelled:
		return true
	}
	return false
}

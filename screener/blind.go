package screener

import "strings"

// CandidateID is the stable identifier of a candidate for blind review and
// audits: "C-" and the first ten hex digits of the resume's SHA-256, so the
// same file gets the same ID in every run and on every machine, and the ID
// says nothing about the person. Ten digits (40 bits) make a collision
// unlikely below a million resumes. It is empty when the hash is (files
// that could not be read).
func CandidateID(sha256 string) string {
	if len(sha256) < 10 {
		return ""
	}
	return "C-" + strings.ToLower(sha256[:10])
}

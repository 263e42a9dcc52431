package rules

import (
	"fmt"
	"io"
	"strings"
)

// Reason says why a derived rule is what it is: the statement of the
// posting it came from, the cue words that decided its strength and the
// heading it sat under.
type Reason struct {
	Rule      string   // "required Go", "one of [Java, Kotlin]", "preferred Redis", "degree", "experience", "Go: min_years"
	Statement string   // the sentence, list item or table cell, as reconstructed
	Cue       string   // the words that decided; "" when the heading did, or nothing (a skill merely named)
	Heading   string   // the heading or label it sat under; "" if none
	Section   string   // the kind of that heading: requirements, preferences, responsibilities, about the job
	Also      []string // a group's: the other statements that named its alternatives
}

// WriteExplanation writes each reason as a short paragraph a recruiter
// can check against the posting.
func WriteExplanation(w io.Writer, reasons []Reason) error {
	for _, r := range reasons {
		var b strings.Builder
		fmt.Fprintf(&b, "%s\n  from:    %q\n", r.Rule, r.Statement)
		for _, a := range r.Also {
			fmt.Fprintf(&b, "  and:     %q\n", a)
		}
		switch {
		case r.Cue != "":
			fmt.Fprintf(&b, "  cue:     %q\n", r.Cue)
		case r.Heading != "":
			b.WriteString("  cue:     none that decides; the heading does\n")
		default:
			b.WriteString("  cue:     none\n")
		}
		if r.Heading != "" {
			fmt.Fprintf(&b, "  heading: %q (%s)\n", r.Heading, r.Section)
		}
		b.WriteString("\n")
		if _, err := io.WriteString(w, b.String()); err != nil {
			return err
		}
	}
	return nil
}

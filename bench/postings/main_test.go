package main

import (
	"bytes"
	"strings"
	"testing"
)

func TestOnlyKeepsMatchingPostings(t *testing.T) {
	var out bytes.Buffer
	if err := run([]string{"-dir", "../../testdata/postings", "-only", "^3[23]-"}, &out); err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, line := range strings.Split(out.String(), "\n") {
		if f := strings.Fields(line); len(f) > 1 && (f[1] == "tune" || f[1] == "holdout") {
			names = append(names, f[0])
		}
	}
	if got := strings.Join(names, " "); got != "32-sre-prose 33-data-platform-terse" {
		t.Errorf("postings scored: %q, want 32-sre-prose 33-data-platform-terse", got)
	}
}

func TestOnlyRejects(t *testing.T) {
	for _, expr := range []string{"(", "^no-such-posting$"} {
		if err := run([]string{"-dir", "../../testdata/postings", "-only", expr}, new(bytes.Buffer)); err == nil {
			t.Errorf("-only %q: no error", expr)
		}
	}
}

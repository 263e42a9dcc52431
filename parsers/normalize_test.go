package parsers

import (
	"strings"
	"testing"
)

// FuzzCollapseSpaces checks collapseSpaces against the splitting and
// joining it spares.
func FuzzCollapseSpaces(f *testing.F) {
	for _, s := range []string{"", " ", "a", "a b", " a", "a ", "a  b", "a\tb", "a\u00a0b", "é b", "a\u0085", "\x1fa b\x7f", "x\r"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, line string) {
		if got, want := collapseSpaces(line), strings.Join(strings.Fields(line), " "); got != want {
			t.Fatalf("collapseSpaces(%q) = %q, want %q", line, got, want)
		}
	})
}

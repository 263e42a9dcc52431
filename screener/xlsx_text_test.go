package screener

import (
	"strings"
	"testing"
)

// TestTextBounds: text drops exactly the bidirectional embedding,
// override and isolate controls, and cuts a cell longer than it may be at
// a character's start, marking the cut.
func TestTextBounds(t *testing.T) {
	limit := maxCellChars - 100
	for _, c := range []struct {
		name, in, want string
	}{
		{"first embedding", "a\u202Ab", "ab"},
		{"last override", "a\u202Eb", "ab"},
		{"first isolate", "a\u2066b", "ab"},
		{"last isolate", "a\u2069b", "ab"},
		{"paragraph separator before them", "a\u2029b", "a\u2029b"},
		{"narrow no-break space after them", "a\u202Fb", "a\u202Fb"},
		{"invisible plus before the isolates", "a\u2064b", "a\u2064b"},
		{"inhibit swapping after them", "a\u206Ab", "a\u206Ab"},
		{"at the limit", strings.Repeat("x", limit), strings.Repeat("x", limit)},
		{"one byte over", strings.Repeat("x", limit+1), strings.Repeat("x", limit) + " …"},
		{"cut inside a character", strings.Repeat("é", limit), strings.Repeat("é", (limit-1)/2) + " …"},
		{"invalid bytes become U+FFFD, cut whole", strings.Repeat("\x80", limit), strings.Repeat("\uFFFD", limit/3) + " …"},
	} {
		if got := text(c.in); got != c.want {
			g, w := got, c.want
			if len(g) > 40 || len(w) > 40 {
				g, w = g[max(len(g)-20, 0):], w[max(len(w)-20, 0):]
			}
			t.Errorf("%s: text gives …%q (%d bytes), want …%q (%d bytes)", c.name, g, len(got), w, len(c.want))
		}
	}
}

package parsers

import (
	"regexp"
	"strings"
	"testing"
	"unicode"
)

// whiteRun is a run of white space as unicode.IsSpace says: ASCII's, U+0085,
// U+00A0 and Unicode's separators.
var whiteRun = regexp.MustCompile(`[\t\n\v\f\r \x{85}\x{A0}\p{Z}]+`)

// FuzzCollapseSpaces checks collapseSpaces against a plain statement of
// what it does: trim, a run with tabs made its tabs, any other run one
// space, and a leading bullet's tab a space.
func FuzzCollapseSpaces(f *testing.F) {
	for _, s := range []string{"", " ", "a", "a b", " a", "a ", "a  b", "a\tb", "a \t \tb", "\ta\t", "•\tGo", "1.\t\tGo\tx",
		"a\u00a0b", "é b", "a\u0085", "\x1fa b\x7f", "x\r", "Go\t \u2003\tyes"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, line string) {
		want := whiteRun.ReplaceAllStringFunc(strings.TrimFunc(line, unicode.IsSpace), func(run string) string {
			if n := strings.Count(run, "\t"); n > 0 {
				return strings.Repeat("\t", n)
			}
			return " "
		})
		if mark, rest, ok := strings.Cut(want, "\t"); ok && isBullet(mark) {
			want = mark + " " + strings.TrimLeft(rest, "\t")
		}
		if got := collapseSpaces(line); got != want {
			t.Fatalf("collapseSpaces(%q) = %q, want %q", line, got, want)
		}
	})
}

func TestIsBullet(t *testing.T) {
	for s, want := range map[string]bool{"•": true, "-": true, "➢": true, "1.": true, "12)": true, "a.": true,
		"Go": false, "x": false, "7": false, "Skill": false, "123.": false, "C#": false, "v1.": true} {
		if got := isBullet(s); got != want {
			t.Errorf("isBullet(%q) = %v, want %v", s, got, want)
		}
	}
}

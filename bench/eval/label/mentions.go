package label

import (
	"strings"
	"unicode"

	"github.com/screener/screener/rules"
)

// Mentions returns the taxonomy skills whose name or an alias occurs in s
// as a whole word: as written for case-sensitive short or all-capital
// aliases, ignoring case otherwise. It ignores context flags and "not"
// phrases, so it finds more than the matcher does: it proposes, a
// labeller decides.
func Mentions(tax *rules.Taxonomy, s string) []string {
	var out []string
	low := strings.ToLower(s)
	for _, sk := range tax.Skills() {
		for _, a := range append([]string{sk.Name}, sk.Aliases...) {
			hay, needle := low, strings.ToLower(a)
			if sk.CaseSensitive && (len(a) <= 4 || strings.ToUpper(a) == a) {
				hay, needle = s, a
			}
			if containsWord(hay, needle) {
				out = append(out, sk.Name)
				break
			}
		}
	}
	return out
}

// containsWord reports whether needle occurs in hay with no letter,
// digit, "+" or "#" on either side.
func containsWord(hay, needle string) bool {
	for i := 0; i < len(hay); {
		j := strings.Index(hay[i:], needle)
		if j < 0 {
			return false
		}
		j += i
		before, after := ' ', ' '
		if j > 0 {
			r := []rune(hay[:j])
			before = r[len(r)-1]
		}
		if k := j + len(needle); k < len(hay) {
			after = []rune(hay[k:])[0]
		}
		if !isWordRune(before) && !isWordRune(after) {
			return true
		}
		i = j + 1
	}
	return false
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || r == '+' || r == '#'
}

package pdf

import (
	"slices"
	"strings"
	"unicode"
)

// logicalRTL returns a line with its runs of right-to-left script (Arabic,
// Hebrew…) in logical order. The layout reads every line left to right,
// which for such a run is the reverse of the order it is read in
// ("يلعلا دمحم" for "محمد العلي", "based in ضايرلا"). A run is a sequence
// of right-to-left letters with their combining marks and the spaces and
// punctuation between them; it is turned round by characters (a letter
// with its marks), paired punctuation mirrored. Digits and left-to-right
// letters end a run and keep their order: this is not the full
// bidirectional algorithm, which a line of mixed scripts and numbers would
// need, but it reads names, words and lines of one script right.
func logicalRTL(line string) string {
	if !strings.ContainsFunc(line, isRTL) {
		return line
	}
	rs := []rune(line)
	for i := 0; i < len(rs); {
		if !isRTL(rs[i]) {
			i++
			continue
		}
		// The run ends at the last right-to-left letter (or its marks)
		// before a digit, a left-to-right letter or the end of the line.
		end := i + 1
		for j := i + 1; j < len(rs) && !unicode.IsDigit(rs[j]) && !(unicode.IsLetter(rs[j]) && !isRTL(rs[j])); j++ {
			if isRTL(rs[j]) || unicode.Is(unicode.Mn, rs[j]) && end == j {
				end = j + 1
			}
		}
		reverseClusters(rs[i:end])
		i = end
	}
	return string(rs)
}

// isRTL reports a letter of a right-to-left script. The scripts' letters
// all lie at or above U+0590, where Hebrew starts: lines of other scripts
// are told apart without a look in the tables.
func isRTL(r rune) bool {
	return r >= firstRTL && unicode.IsLetter(r) && unicode.In(r, unicode.Arabic, unicode.Hebrew, unicode.Syriac, unicode.Thaana, unicode.Nko)
}

// firstRTL is the Hebrew block's first code point, below every letter
// isRTL accepts (tested).
const firstRTL = 0x0590

// reverseClusters reverses rs in place by characters: a base with the
// combining marks after it stays together, marks still after their base.
func reverseClusters(rs []rune) {
	var clusters [][]rune
	for _, r := range rs {
		if n := len(clusters); n > 0 && unicode.Is(unicode.Mn, r) {
			clusters[n-1] = append(clusters[n-1], r)
			continue
		}
		clusters = append(clusters, []rune{r})
	}
	slices.Reverse(clusters)
	k := 0
	for _, c := range clusters {
		if len(c) == 1 {
			c[0] = mirrored(c[0])
		}
		k += copy(rs[k:], c)
	}
}

// mirrored swaps the paired punctuation a reversed run would show facing
// the wrong way.
func mirrored(r rune) rune {
	switch r {
	case '(':
		return ')'
	case ')':
		return '('
	case '[':
		return ']'
	case ']':
		return '['
	case '«':
		return '»'
	case '»':
		return '«'
	}
	return r
}

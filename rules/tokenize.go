package rules

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// token is a word or a punctuation mark of the text being matched.
type token struct {
	text       string // as written
	key        string // lowercased, for lookup
	start, end int    // byte offsets in the text
	line       int    // 0-based line number
	punct      bool
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// tokenize splits text into words and punctuation marks. Words keep the
// characters that make technology names: inner dots ("Node.js", "ASP.NET"),
// a leading dot before a letter (".NET"), trailing "+" and "#" ("C++", "C#"),
// and "&" between letters ("R&D", so that it is not "R"). Every other
// non-space character is a one-character punctuation token, so "CI/CD" is
// three tokens and "Java/Spring" matches both names.
func tokenize(text string) []token {
	toks := make([]token, 0, len(text)/5)
	line := 0
	i := 0
	for i < len(text) {
		r, n := utf8.DecodeRuneInString(text[i:])
		switch {
		case r == '\n':
			line++
			i += n
			continue
		case unicode.IsSpace(r):
			i += n
			continue
		}
		start := i
		if isWordRune(r) || (r == '.' && i+1 < len(text) && isLetterAt(text, i+1) && (i == 0 || !isWordBefore(text, i))) {
			i += n
			for i < len(text) {
				r, n := utf8.DecodeRuneInString(text[i:])
				if isWordRune(r) {
					i += n
					continue
				}
				if (r == '.' || r == '&') && i+1 < len(text) && isWordAt(text, i+1) {
					i += n
					continue
				}
				break
			}
			for i < len(text) && (text[i] == '+' || text[i] == '#') && !(i+1 < len(text) && isWordAt(text, i+1)) {
				i++
			}
			toks = append(toks, newToken(text[start:i], start, i, line, false))
			continue
		}
		i += n
		toks = append(toks, newToken(text[start:i], start, i, line, true))
	}
	return toks
}

func newToken(s string, start, end, line int, punct bool) token {
	return token{text: s, key: lower(s), start: start, end: end, line: line, punct: punct}
}

// lower is strings.ToLower without an allocation for lowercase ASCII.
func lower(s string) string {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf || ('A' <= c && c <= 'Z') {
			return strings.ToLower(s)
		}
	}
	return s
}

func isLetterAt(s string, i int) bool {
	r, _ := utf8.DecodeRuneInString(s[i:])
	return unicode.IsLetter(r)
}

func isWordAt(s string, i int) bool {
	r, _ := utf8.DecodeRuneInString(s[i:])
	return isWordRune(r)
}

func isWordBefore(s string, i int) bool {
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	return isWordRune(r)
}

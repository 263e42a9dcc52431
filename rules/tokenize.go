package rules

import (
	"unicode"
	"unicode/utf8"
)

// tok is a word or a punctuation mark of the text being matched: byte
// offsets only, so that a token slice holds no pointers and costs the
// garbage collector nothing.
type tok struct {
	start, end int32 // byte offsets in the text
	line       int32 // 0-based line number
	punct      bool
}

// tokens is a tokenized text.
type tokens struct {
	src, low string // the text, and the text with ASCII lowercased
	t        []tok
}

func (ts *tokens) len() int          { return len(ts.t) }
func (ts *tokens) key(i int) string  { return ts.low[ts.t[i].start:ts.t[i].end] } // lowercased, for lookup
func (ts *tokens) text(i int) string { return ts.src[ts.t[i].start:ts.t[i].end] } // as written

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// tokenize splits text into words and punctuation marks. Words keep the
// characters that make technology names: inner dots ("Node.js", "ASP.NET"),
// a leading dot before a letter (".NET"), trailing "+" and "#" ("C++", "C#"),
// and "&" between letters ("R&D", so that it is not "R"). Every other
// non-space character is a one-character punctuation token, so "CI/CD" is
// three tokens and "Java/Spring" matches both names.
func tokenize(text string) *tokens {
	toks := make([]tok, 0, len(text)/3+16)
	low := asciiLower(text)
	line := int32(0)
	i := 0
	for i < len(text) {
		c := text[i]
		r, n := rune(c), 1
		if c >= utf8.RuneSelf {
			r, n = utf8.DecodeRuneInString(text[i:])
		}
		switch {
		case c == '\n':
			line++
			i++
			continue
		case c == ' ' || c == '\t' || c == '\r' || (c >= utf8.RuneSelf && unicode.IsSpace(r)):
			i += n
			continue
		}
		start := i
		if isWord(c, r) || (c == '.' && i+1 < len(text) && isLetterAt(text, i+1) && (i == 0 || !isWordBefore(text, i))) {
			i += n
			for i < len(text) {
				c := text[i]
				if c < utf8.RuneSelf {
					if asciiWord[c] {
						i++
						continue
					}
					if (c == '.' || c == '&') && i+1 < len(text) && isWordAt(text, i+1) {
						i++
						continue
					}
					break
				}
				r, n := utf8.DecodeRuneInString(text[i:])
				if !isWordRune(r) {
					break
				}
				i += n
			}
			for i < len(text) && (text[i] == '+' || text[i] == '#') && !(i+1 < len(text) && isWordAt(text, i+1)) {
				i++
			}
			toks = append(toks, tok{start: int32(start), end: int32(i), line: line})
			continue
		}
		i += n
		toks = append(toks, tok{start: int32(start), end: int32(i), line: line, punct: true})
	}
	return &tokens{src: text, low: low, t: toks}
}

// asciiWord marks the ASCII letters and digits.
var asciiWord = func() (t [utf8.RuneSelf]bool) {
	for c := 0; c < utf8.RuneSelf; c++ {
		t[c] = 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
	}
	return t
}()

func isWord(c byte, r rune) bool {
	if c < utf8.RuneSelf {
		return asciiWord[c]
	}
	return isWordRune(r)
}

// asciiLower lowercases the ASCII letters of s and leaves every other byte
// as it is, so that offsets in the result are offsets in s: one allocation
// for the whole text instead of one per capitalised word. Aliases go through
// the same function, so non-ASCII capitals (rare in technology names) simply
// match case-sensitively.
func asciiLower(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; 'A' <= c && c <= 'Z' {
			b := []byte(s)
			for j := i; j < len(b); j++ {
				if c := b[j]; 'A' <= c && c <= 'Z' {
					b[j] = c + 'a' - 'A'
				}
			}
			return string(b)
		}
	}
	return s
}

func isLetterAt(s string, i int) bool {
	r, _ := utf8.DecodeRuneInString(s[i:])
	return unicode.IsLetter(r)
}

func isWordAt(s string, i int) bool {
	if s[i] < utf8.RuneSelf {
		return asciiWord[s[i]]
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return isWordRune(r)
}

func isWordBefore(s string, i int) bool {
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	return isWordRune(r)
}

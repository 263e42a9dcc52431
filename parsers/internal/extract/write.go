package extract

import (
	"strings"
	"unicode"
)

// WriteLink appends a hyperlink's target after its text unless the text
// already shows it, so "LinkedIn" linked to a profile keeps the URL. The
// scheme of mailto: and tel: targets is dropped; in-document targets ("#...")
// are not written.
func WriteLink(sb *strings.Builder, text, target string) {
	if target == "" || strings.HasPrefix(target, "#") {
		return
	}
	shown := strings.TrimPrefix(strings.TrimPrefix(target, "mailto:"), "tel:")
	if strings.Contains(text, shown) || strings.Contains(text, strings.TrimPrefix(strings.TrimPrefix(shown, "https://"), "http://")) {
		return
	}
	sb.WriteString(" <" + shown + "> ")
}

// UniqueLines returns the non-empty lines of s, trimmed of white space
// other than tabs (a table row's tabs at its ends are its empty cells, see
// [Row]), once each and in order, each ending in a newline: a document's
// first-page, left and right headers usually repeat each other.
func UniqueLines(s string) string {
	var out strings.Builder
	seen := map[string]bool{}
	for _, l := range strings.Split(s, "\n") {
		l = strings.TrimFunc(l, notTab)
		if strings.Trim(l, "\t") == "" || seen[l] {
			continue
		}
		seen[l] = true
		out.WriteString(l + "\n")
	}
	return out.String()
}

// notTab reports whether r is white space other than a tab.
func notTab(r rune) bool { return r != '\t' && unicode.IsSpace(r) }

// TrimLines returns s without the blank lines and the white space other
// than tabs at its start and end, as [UniqueLines] trims a line.
func TrimLines(s string) string {
	return strings.TrimFunc(s, notTab)
}

package parsers

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Normalize returns s in the form every parser produces: NFC, ligatures
// expanded, invisible characters removed (bidirectional embeddings,
// overrides and isolates too: in a name or a cell they can make text read
// backwards, "invoice\u202Efdp.exe"), odd spaces made plain, private-use
// bullet glyphs (Symbol and Wingdings fonts) made "•", words hyphenated at a
// line end joined, each line trimmed, runs of spaces collapsed and at most one
// blank line in a row.
func Normalize(s string) string {
	if s == "" {
		return ""
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case r >= ' ' && r < 0x7F: // printable ASCII, most of any text: as it is
			b.WriteByte(byte(r))
		case r == '\r':
			continue // \r\n and lone \r handled below via \n only
		case r >= 0xFB00 && r <= 0xFB06:
			b.WriteString(ligatures[r-0xFB00])
		case r == '\u00AD', r == '\u200B', r == '\u200C', r == '\u200D', r == '\u2060', r == '\uFEFF':
			// soft hyphen, zero-width characters, BOM: invisible
		case r >= '\u202A' && r <= '\u202E', r >= '\u2066' && r <= '\u2069':
			// bidirectional embeddings, overrides and isolates: invisible
		case r == '\t', r == '\u00A0', r == '\u3000', r == '\u202F', r == '\u205F', r >= '\u2000' && r <= '\u200A':
			b.WriteByte(' ')
		case r == '\f', r == '\v', r == '\u2028', r == '\u2029', r == '\u0085':
			b.WriteByte('\n')
		case r >= 0x2E80 && r <= 0x2FDF, r >= 0xF900 && r <= 0xFAFF:
			// CJK radicals and compatibility ideographs, which some fonts'
			// ToUnicode maps use in place of the unified ideographs.
			b.WriteString(norm.NFKC.String(string(r)))
		case r >= 0xF000 && r <= 0xF0FF: // Symbol/Wingdings glyphs mapped into the private-use area
			b.WriteString("•")
		case r == '\n':
			b.WriteByte('\n')
		case unicode.IsControl(r) || r == unicode.ReplacementChar:
			b.WriteByte(' ')
		default:
			b.WriteRune(r)
		}
	}
	s = norm.NFC.String(b.String())

	lines := strings.Split(s, "\n")
	out := make([]string, 0, len(lines))
	for _, line := range lines {
		line = collapseSpaces(line)
		if n := len(out); n > 0 && line != "" && out[n-1] != "" && endsHyphenated(out[n-1]) && startsLower(line) {
			out[n-1] = out[n-1][:len(out[n-1])-1] + line
			continue
		}
		if line == "" && (len(out) == 0 || out[len(out)-1] == "") {
			continue
		}
		out = append(out, line)
	}
	for len(out) > 0 && out[len(out)-1] == "" {
		out = out[:len(out)-1]
	}
	return strings.Join(out, "\n")
}

// collapseSpaces returns line trimmed, with each run of white space made
// one space: strings.Join(strings.Fields(line), " "), without making the
// fields when line is ASCII text that has no such run.
func collapseSpaces(line string) string {
	space := true // at the start, a space is one too many
	for i := 0; i < len(line); i++ {
		switch c := line[i]; {
		case c >= utf8.RuneSelf:
			return strings.Join(strings.Fields(line), " ")
		case c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r':
			if space || c != ' ' {
				return strings.Join(strings.Fields(line), " ")
			}
			space = true
		default:
			space = false
		}
	}
	if space && line != "" {
		return strings.Join(strings.Fields(line), " ")
	}
	return line
}

var ligatures = [...]string{"ff", "fi", "fl", "ffi", "ffl", "st", "st"}

// endsHyphenated reports whether line ends in a letter followed by a hyphen,
// the mark of a word broken across lines.
func endsHyphenated(line string) bool {
	if len(line) < 3 || line[len(line)-1] != '-' {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(line[:len(line)-1])
	return unicode.IsLower(r)
}

func startsLower(line string) bool {
	for _, r := range line {
		return unicode.IsLower(r)
	}
	return false
}

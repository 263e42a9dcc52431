package main

import (
	"fmt"
	"strings"
	"unicode"
)

// termSafe returns s fit for a terminal: control characters (escape
// sequences start with one), other invisible format characters and the
// bidirectional overrides that reorder what follows them are written as
// \x1b or \u202e, so that a file name can neither move the cursor, recolour
// the screen nor disguise itself. Line feeds and tabs stay.
func termSafe(s string) string {
	if strings.IndexFunc(s, unsafeRune) < 0 {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		switch {
		case !unsafeRune(r):
			b.WriteRune(r)
		case r < 0x80:
			fmt.Fprintf(&b, `\x%02x`, r)
		default:
			fmt.Fprintf(&b, `\u%04x`, r)
		}
	}
	return b.String()
}

func unsafeRune(r rune) bool {
	if r == '\n' || r == '\t' {
		return false
	}
	return unicode.IsControl(r) || unicode.Is(unicode.Cf, r) && r != '\u00ad' // a soft hyphen is harmless
}

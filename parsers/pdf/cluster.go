package pdf

import (
	"math"
	"strings"
	"unicode"
)

// coverTextless widens the last glyph over a glyph that has no text of its
// own and follows it on the same baseline, when the last glyph's text is a
// cluster with a combining mark. Shaped scripts print one cluster with
// several glyphs, and a PDF's ToUnicode map gives the cluster's text to one
// of them: in Devanagari "मि" is drawn as the vowel sign first, then the
// consonant, and the text "मि" sits on the vowel sign, the consonant has
// none. Without this the consonant's advance reads as a gap between words
// ("अमि त" for "अमित"). A glyph without text after a plain letter is left
// alone: it may be a space the font forgot to map.
func (tp *textPass) coverTextless(x0, x1, y float64) {
	n := len(tp.glyphs)
	if n == 0 {
		return
	}
	last := &tp.glyphs[n-1]
	if last.y != y || math.Abs(x0-last.x1) > 0.05*last.size || x1 <= last.x1 {
		return
	}
	if !strings.ContainsFunc(last.text, func(r rune) bool { return unicode.In(r, unicode.Mn, unicode.Mc) }) {
		return
	}
	last.x1 = x1
}

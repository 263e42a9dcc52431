package pdf_test

import (
	"strings"
	"testing"

	"github.com/screener/screener/parsers"
)

// shapedPDF is a one-page PDF whose only font is a Type0 font with
// Identity-H codes, the given ToUnicode entries (code → UTF-16BE hex) and
// widths, as browsers and xelatex write fonts for shaped scripts.
func shapedPDF(toUnicode map[string]string, widths, content string) []byte {
	var cmap strings.Builder
	cmap.WriteString("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n/CMapName /Shaped def\n1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n")
	cmap.WriteString("100 beginbfchar\n")
	for code, text := range toUnicode {
		cmap.WriteString("<" + code + "> <" + text + ">\n")
	}
	cmap.WriteString("endbfchar\nendcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n")
	return buildPDF("%PDF-1.4", []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
		"<< /Length %d >>",
		"<< /Type /Font /Subtype /Type0 /BaseFont /Shaped /Encoding /Identity-H /DescendantFonts [6 0 R] /ToUnicode 7 0 R >>",
		"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /Shaped /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /DW 500 /W [" + widths + "] >>",
		"<< /Length %d >>",
	}, map[int][]byte{4: []byte(content), 7: []byte(cmap.String())}, "")
}

// TestShapedScripts checks text of scripts whose glyphs are not one per
// letter in reading order: a Devanagari cluster drawn by two glyphs with the
// text on the first (the vowel sign ि before its consonant), and Arabic
// drawn left to right, that is in the reverse of its reading order.
func TestShapedScripts(t *testing.T) {
	tests := []struct {
		name      string
		toUnicode map[string]string
		widths    string
		content   string
		want      string
	}{
		{
			name: "devanagari cluster with a textless glyph",
			// अ, then मि's vowel sign carrying "मि", then म without
			// text, त, a space, श and र्मा.
			toUnicode: map[string]string{"0001": "0905", "0002": "092E093F", "0004": "0924", "0005": "0020", "0006": "0936", "0007": "0930094D092E093E"},
			widths:    "1 [600 280 520 500 250 560 700]",
			content:   "BT /F1 24 Tf 72 700 Td <00010002000300040005000600070003> Tj ET",
			want:      "अमित शर्मा",
		},
		{
			name: "textless glyph after a plain letter stays a gap",
			// Jo, an unmapped space-like glyph, Li: a space the font
			// forgot to map still separates the words.
			toUnicode: map[string]string{"0001": "004A", "0002": "006F", "0003": "004C", "0004": "0069"},
			widths:    "1 [500 500 500 250 300]",
			content:   "BT /F1 24 Tf 72 700 Td <00010002000500030004> Tj ET",
			want:      "Jo Li",
		},
		{
			name: "arabic drawn left to right",
			// محمد العلي as the glyphs stand on the page, left to
			// right: ي ل ع ل ا, space, د م ح م.
			toUnicode: map[string]string{"0001": "064A", "0002": "0644", "0003": "0639", "0004": "0627", "0005": "0020", "0006": "062F", "0007": "0645", "0008": "062D"},
			widths:    "1 [400 300 450 250 250 400 450 500]",
			content:   "BT /F1 24 Tf 72 700 Td <000100020003000200040005000600070008> Tj <0007> Tj ET",
			want:      "محمد العلي",
		},
	}
	for _, tt := range tests {
		doc, err := extractBytes(t, shapedPDF(tt.toUnicode, tt.widths, tt.content), parsers.Limits{})
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		if got := strings.TrimSpace(doc.Text); got != tt.want {
			t.Errorf("%s: got %q, want %q", tt.name, got, tt.want)
		}
	}
}

package pdf

import (
	"strings"
	"testing"

	"github.com/screener/screener/parsers/internal/extract"
)

// FuzzContentStream drives our own content-stream lexer, interpreter and
// layout directly, without the object layer: any panic here is our bug.
func FuzzContentStream(f *testing.F) {
	f.Add([]byte("BT /F1 12 Tf 72 700 Td [(Hello)-333(world)] TJ T* (next) ' ET"))
	f.Add([]byte("q 1 0 0 1 0 0 cm BT 0 0 0 rg /F1 9 Tf 1 0 0 1 50 60 Tm <0041> Tj ET Q BI /W 1 ID \x00\x01 EI"))
	f.Add([]byte("/Span <</ActualText (fi)>> BDC BT (\\034) Tj ET EMC [<</A [1 2 (x)]>>] (unbalanced"))
	f.Fuzz(func(t *testing.T, data []byte) {
		budget := int64(1 << 20)
		tp := &textPass{lim: extract.Limits{}.WithDefaults(), budget: &budget, fonts: map[fontKey]*pdfFont{}}
		lx := &lexer{data: data}
		for i := 0; i < len(data)+1; i++ {
			if _, ok := lx.next(); !ok {
				break
			}
		}
		if lx.pos > len(data) {
			t.Fatalf("lexer position %d past the end %d", lx.pos, len(data))
		}
		tp.interpret(&lexer{data: data}, identity, func(string) *pdfFont { return &pdfFont{scale: 0.001, defWidth: 500, toUni: map[uint32]string{}} }, nil)
		var sb strings.Builder
		layoutPage(&sb, tp.glyphs)
	})
}

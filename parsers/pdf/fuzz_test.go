package pdf

import (
	"regexp"
	"slices"
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
		layoutPage(&sb, pageChunks(tp.glyphs))
	})
}

// FuzzLayout places words on a page (each four bytes: a column, a small
// shift right, a line of a grid, a length) and checks that the layout
// neither panics nor loses or repeats text: every letter of every chunk
// is written once, whether read as a line, a column, a form or a table,
// and so when the page is cut in two and a table goes on from one to the
// other (see continuedTable).
func FuzzLayout(f *testing.F) {
	f.Add([]byte{0, 0, 0, 5, 1, 0, 0, 7, 0, 0, 2, 3, 1, 0, 2, 6, 2, 0, 2, 4, 0, 0, 4, 2, 1, 0, 4, 5})
	f.Add([]byte{0, 3, 0, 9, 2, 0, 1, 9, 0, 3, 2, 9, 2, 0, 2, 9, 0, 3, 3, 9, 2, 9, 9, 9, 1, 7, 40, 3})
	f.Fuzz(func(t *testing.T, data []byte) {
		var glyphs []glyph
		for i := 0; i+4 <= len(data) && i < 4*400; i += 4 {
			col, shift, row, n := data[i]%4, data[i+1]%16, data[i+2], 1+data[i+3]%12
			size := 10.0
			if row >= 200 {
				size = 14 // a heading
			}
			x := 72 + 130*float64(col) + float64(shift)
			// Lines 12 points apart, rows of a third of them half a line lower.
			y := 760 - 12*float64(row%64) - 6*float64(row/64%3)
			for k := range int(n) {
				// Widths of 0.3 to 0.7 em, as a proportional font's, so
				// that a word a shift apart may be cut (see splitAligned).
				w := (0.3 + 0.1*float64((i+k)%5)) * size
				g := glyph{x0: x, x1: x + w, y: y, size: size, text: string(rune('a' + (i+k)%26))}
				glyphs = append(glyphs, g)
				x = g.x1
			}
		}
		var sb strings.Builder
		chunks := pageChunks(glyphs)
		layoutPage(&sb, chunks)
		letters := func(s string) int { return len(strings.Join(strings.Fields(s), "")) }
		want := 0
		for _, c := range chunks {
			want += letters(c.text.String())
		}
		if got := letters(sb.String()); got != want {
			t.Fatalf("layout wrote %d letters of %d:\n%s", got, want, sb.String())
		}
		// The same words on two pages, broken after the grid's half:
		// rows that go on with a table are moved, none lost or doubled.
		var prev, next []*chunk
		for _, c := range pageChunks(glyphs) {
			if c.y > 760-12*32 {
				prev = append(prev, c)
			} else {
				next = append(next, c)
			}
		}
		moved, rest := continuedTable(prev, next)
		if len(moved)+len(rest) != len(next) {
			t.Fatalf("%d chunks moved and %d left of %d", len(moved), len(rest), len(next))
		}
		sb.Reset()
		layoutPage(&sb, append(prev, moved...))
		layoutPage(&sb, rest)
		if got := letters(sb.String()); got != want {
			t.Fatalf("layout of two pages wrote %d letters of %d:\n%s", got, want, sb.String())
		}
	})
}

// FuzzObjHeaders checks that objHeaders finds the object headers the
// regular expression it replaces finds, at the same places.
func FuzzObjHeaders(f *testing.F) {
	f.Add([]byte("1 0 obj\n<< /Length 5 >>\nstream\nab obj\nendstream\nendobj\n12\t0\r\nobj 3 0 obj<<>>"))
	f.Add([]byte("1 2 3 obj x12  7 objx 4 5obj 6 7 obj_ 8 9 obj\v9 9 obj\f10 0 obj"))
	f.Add([]byte("obj 0 obj 00 00 objobj 1 1 obj"))
	re := regexp.MustCompile(`(\d+)\s+(\d+)\s+obj\b`)
	f.Fuzz(func(t *testing.T, data []byte) {
		var want [][6]int
		for _, m := range re.FindAllSubmatchIndex(data, -1) {
			want = append(want, [6]int(m))
		}
		if got := objHeaders(data); !slices.Equal(got, want) {
			t.Fatalf("objHeaders(%q) = %v, the regular expression finds %v", data, got, want)
		}
	})
}

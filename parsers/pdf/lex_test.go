package pdf

import (
	"bytes"
	"fmt"
	"math"
	"strings"
	"testing"
	"testing/iotest"
)

// tokens lexes all of lx, writing each token as text, so a lexer over a
// slice and one over a reader can be compared.
func tokens(lx *lexer) string {
	var sb strings.Builder
	var write func(o operand)
	write = func(o operand) {
		fmt.Fprintf(&sb, "%d:%x:%q:%q[", o.kind, math.Float64bits(o.num), o.str, o.name)
		for _, e := range o.arr {
			write(e)
		}
		sb.WriteString("] ")
	}
	for i := 0; i < 1<<20; i++ {
		t, ok := lx.next()
		if !ok {
			break
		}
		write(t)
		if t.kind == opKeyword && t.name == "ID" && lx.fill() {
			lx.pos++
			lx.skipInlineImage(isPDFSpace(lx.data[lx.pos-1]))
			sb.WriteString("<image> ")
		}
		if i%3 == 0 {
			lx.release() // the tokens written are no longer needed
		}
	}
	return sb.String()
}

var lexSeeds = []string{
	"BT /F1 12 Tf 72 700 Td [(Hello)-333(world)] TJ T* (next) ' ET",
	"q 1 0 0 1 0 0 cm BT 0 0 0 rg /F1 9 Tf 1 0 0 1 50 60 Tm <0041> Tj ET Q BI /W 1 ID \x00\x01 EI",
	"/Span <</ActualText (fi)>> BDC BT (\\034) Tj ET EMC [<</A [1 2 (x)]>>] (unbalanced",
	"(esc\\n\\r\\t\\b\\f\\(\\)\\\\\\101\\7x\\\r\nline\\\nend) <48 65 6C6C 6f7> <</K <</N [[[1]]]>> >> % comment\r12 -3.5 +.25 5. --5 1.2.3 1e5 123456789012345678 0.1234567890123456",
	"BI /W 2 /H 2 ID EIEI data EI\nEI x EI",
	"[" + strings.Repeat("[", 40) + "1" + strings.Repeat("]", 40) + "] Tj",
	"{ } ) > ] stray <<>> <> () [] //name /a#20b",
	"BI ID",
	"(unterminated \\",
	"<</A 1 >x 2",
}

// TestLexerStreamed checks that a lexer reading a stream one byte at a
// time (so that every token straddles a refill) gives exactly the tokens a
// lexer over the whole slice gives.
func TestLexerStreamed(t *testing.T) {
	long := strings.Repeat("a", 3*lexBufSize)
	seeds := append(lexSeeds, "/"+long+" Tj ("+long+") "+long+" 1"+strings.Repeat("0", lexBufSize)+" BI ID "+long+" EI done")
	for _, s := range seeds {
		want := tokens(&lexer{data: []byte(s)})
		if got := tokens(newLexer(iotest.OneByteReader(strings.NewReader(s)))); got != want {
			t.Errorf("%.40q one byte at a time:\n got %.300s\nwant %.300s", s, got, want)
		}
		if got := tokens(newLexer(iotest.HalfReader(strings.NewReader(s)))); got != want {
			t.Errorf("%.40q in halves:\n got %.300s\nwant %.300s", s, got, want)
		}
	}
}

// TestParseNumber checks the fast path for plain decimals against strconv.
func TestParseNumber(t *testing.T) {
	tests := []struct {
		in   string
		want float64
	}{
		{"0", 0}, {"-0", math.Copysign(0, -1)}, {"12", 12}, {"-3.5", -3.5}, {"+.25", 0.25}, {"5.", 5},
		{"0.1", 0.1}, {"0.3", 0.3}, {"123456.789012345", 123456.789012345}, {"-0.000000000000001", -1e-15},
		{"1234567890123456", 1234567890123456}, {"0.12345678901234567", 0.12345678901234567},
		{"1e5", 1e5}, {"--5", 0}, {"1.2.3", 0}, {".", 0}, {"-", 0}, {"12a", 0},
	}
	for _, tt := range tests {
		got := parseNumber([]byte(tt.in))
		if math.Float64bits(got) != math.Float64bits(tt.want) {
			t.Errorf("parseNumber(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

// FuzzLexer checks that a streaming lexer and a lexer over a slice agree on
// any input, and that neither panics nor overruns.
func FuzzLexer(f *testing.F) {
	for _, s := range lexSeeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		lx := &lexer{data: data}
		want := tokens(lx)
		if lx.pos > len(data) {
			t.Fatalf("lexer position %d past the end %d", lx.pos, len(data))
		}
		if got := tokens(newLexer(iotest.OneByteReader(bytes.NewReader(data)))); got != want {
			t.Fatalf("streamed:\n got %s\nwant %s", got, want)
		}
	})
}

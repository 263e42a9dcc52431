package pdf

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"testing"
	"unicode/utf16"

	"github.com/screener/screener/parsers/internal/extract"
)

// opsReader generates a content stream of n "(ab)Tj" operators (seven
// bytes each, two glyphs), calling check before each read with the bytes
// given so far.
type opsReader struct {
	n, given int
	check    func(given int)
}

const opBytes = len("(ab)Tj\n")

func (r *opsReader) Read(p []byte) (int, error) {
	r.check(r.given)
	total := r.n * opBytes
	if r.given >= total {
		return 0, io.EOF
	}
	k := 0
	for k < len(p) && r.given < total {
		p[k] = "(ab)Tj\n"[r.given%opBytes]
		k++
		r.given++
	}
	return k, nil
}

func testFont(string) *pdfFont {
	return &pdfFont{scale: 0.001, defWidth: 500, toUni: map[uint32]string{'a': "a", 'b': "b"}}
}

// TestInterpretStreams checks that the interpreter works through its
// content as it reads it: whenever it asks for more, every operator before
// the last window of content has already placed its glyphs, so what it
// holds of the content is bounded by the window, not by the stream.
func TestInterpretStreams(t *testing.T) {
	const window = 64 << 10 // what the interpreter may hold unread or uninterpreted
	budget := int64(1 << 30)
	tp := &textPass{lim: extract.Limits{MaxText: 1 << 30}.WithDefaults(), budget: &budget, fonts: map[fontKey]*pdfFont{}}
	reads := 0
	r := &opsReader{n: 1 << 18, check: func(given int) {
		reads++
		if want := 2 * ((given - window) / opBytes); len(tp.glyphs) < want {
			t.Fatalf("after %d bytes of content only %d glyphs placed, want ≥ %d", given, len(tp.glyphs), want)
		}
	}}
	if err := tp.interpret(newLexer(r), identity, testFont, nil); err != nil {
		t.Fatal(err)
	}
	if len(tp.glyphs) != 2<<18 {
		t.Errorf("%d glyphs, want %d", len(tp.glyphs), 2<<18)
	}
	if reads < (1<<18)*opBytes/lexBufSize {
		t.Errorf("%d reads for %d bytes: the content was not read in windows", reads, (1<<18)*opBytes)
	}
}

// TestPageTextBound checks that a page keeps glyphs for at most twice
// MaxText bytes of text, however long its content.
func TestPageTextBound(t *testing.T) {
	budget := int64(1 << 30)
	tp := &textPass{lim: extract.Limits{MaxText: 1000}.WithDefaults(), budget: &budget, fonts: map[fontKey]*pdfFont{}}
	r := &opsReader{n: 100_000, check: func(int) {}}
	if err := tp.interpret(newLexer(r), identity, testFont, nil); err != nil {
		t.Fatal(err)
	}
	if len(tp.glyphs) < 2000 || len(tp.glyphs) > 2001 {
		t.Errorf("%d glyphs kept, want 2000 or 2001 (twice MaxText's bytes of text)", len(tp.glyphs))
	}
}

// TestContentReaderLimits checks that the decompressed-size limits hold
// while the content streams: the reader stops at the stream's bound and
// says which limit it hit.
func TestContentReaderLimits(t *testing.T) {
	tests := []struct {
		name   string
		budget int64
		want   string
	}{
		{"document budget", 100_000, "page content exceeds"},
		{"compression ratio", 1 << 30, "compression ratio exceeds"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			budget := tt.budget
			lim := extract.Limits{MaxUncompressed: 100_000, MaxRatio: 200}.WithDefaults()
			tp := &textPass{lim: lim, budget: &budget, fonts: map[fontKey]*pdfFont{}}
			// What the object layer would give for a stream: the content
			// inflated, from a stream of declared Length 1000 (1000 * 200
			// + 1 MiB bytes allowed by the ratio).
			content := bytes.Repeat([]byte("(ab)Tj\n"), 400_000)
			cr := &contentReader{tp: tp, cur: io.NopCloser(bytes.NewReader(content)), newline: true}
			cr.limit = min(budget, 1000*int64(lim.MaxRatio)+1<<20) + 1
			err := tp.interpret(newLexer(cr), identity, testFont, nil)
			var e *extract.Error
			if !errors.As(err, &e) || !errors.Is(err, extract.ErrTooLarge) || !bytes.Contains([]byte(e.Detail), []byte(tt.want)) {
				t.Fatalf("error %v, want too large: %s", err, tt.want)
			}
			if read := int64(len(tp.glyphs)/2*opBytes) + 1; read > cr.limit {
				t.Errorf("interpreted %d bytes, past the limit %d", read, cr.limit)
			}
		})
	}
}

// TestTextSpace checks that the elements textSpace and translateX compute
// are, bit for bit, those of the full matrix products they stand for,
// including signed zeros, infinities and NaN.
func TestTextSpace(t *testing.T) {
	vals := []float64{0, math.Copysign(0, -1), 1, -1, 0.5, 12, -700.25, 1e-300, math.Inf(1), math.Inf(-1), math.NaN(), 3.14159}
	rng := rand.New(rand.NewPCG(1, 2))
	pick := func() float64 { return vals[rng.IntN(len(vals))] }
	same := func(a, b float64) bool {
		return math.Float64bits(a) == math.Float64bits(b) || (math.IsNaN(a) && math.IsNaN(b))
	}
	for range 20000 {
		var tm, ctm matrix
		for i := range tm {
			tm[i], ctm[i] = pick(), pick()
		}
		a, d, rise, tx := pick(), pick(), pick(), pick()
		sp := textSpace{a: a, d: d, rise: rise, ctm: &ctm}
		trm := matrix{a, 0, 0, d, 0, rise}.mul(tm).mul(ctm)
		x, y := sp.origin(&tm)
		size := math.Hypot(trm[2], trm[3])
		if size == 0 {
			size = math.Hypot(trm[0], trm[1])
		}
		if !same(x, trm[4]) || !same(y, trm[5]) || !same(sp.size(&tm), size) {
			t.Fatalf("tm %v ctm %v scale %v %v %v: origin %v %v size %v, want %v %v %v", tm, ctm, a, d, rise, x, y, sp.size(&tm), trm[4], trm[5], size)
		}
		want := matrix{1, 0, 0, 1, tx, 0}.mul(tm)
		got := tm
		got.translateX(tx)
		for i := range got {
			if !same(got[i], want[i]) {
				t.Fatalf("translateX(%v) of %v = %v, want %v", tx, tm, got, want)
			}
		}
	}
}

// BenchmarkInterpret interprets a content stream shaped like a word
// processor's: lines placed by Tm, words by TJ arrays with kerning, fonts
// switched, graphics state saved and restored.
func BenchmarkInterpret(b *testing.B) {
	var sb bytes.Buffer
	for i := range 2000 {
		fmt.Fprintf(&sb, "q 0.1 0.2 0.3 rg BT /F%d 10.5 Tf 1 0 0 1 72 %d.25 Tm [(Senior)-250(softw)10(are)-250(engineer,)-250(distributed)-250(systems)] TJ 0 -12.5 Td (Kubernetes and Go) Tj ET Q\n", i%3, 700-i%60*12)
	}
	content := sb.Bytes()
	budget := int64(1 << 40)
	tp := &textPass{lim: extract.Limits{MaxText: 1 << 30}.WithDefaults(), budget: &budget, fonts: map[fontKey]*pdfFont{}}
	font := &pdfFont{scale: 0.001, defWidth: 500, byCode: new([256]codeInfo)}
	for c := range font.byCode {
		font.byCode[c] = codeInfo{0.5, string(rune(c))}
	}
	lx := &lexer{}
	b.SetBytes(int64(len(content)))
	b.ReportAllocs()
	for b.Loop() {
		tp.glyphs = tp.glyphs[:0]
		tp.held = 0
		lx.reset(bytes.NewReader(content))
		if err := tp.interpret(lx, identity, func(string) *pdfFont { return font }, nil); err != nil {
			b.Fatal(err)
		}
	}
}

// TestGlyphText checks glyph names of each kind, and that the names no
// rule knows (the empty name among them) give no text rather than a panic.
func TestGlyphText(t *testing.T) {
	tests := map[string]string{
		"a": "a", "a.sc": "a", "fi": "fi", "quoteright": "’", "uni00E9": "é", "uni0066006C": "fl",
		"u1F600": "😀", "eacute": "é", "Ccedilla": "Ç", "ncaron": "ň", "one.oldstyle": "1",
		"": "", ".notdef": "", "eacutex": "", "xyacute": "", "uniZZZZ": "",
	}
	for name, want := range tests {
		if got := glyphText(name); got != want {
			t.Errorf("glyphText(%q) = %q, want %q", name, got, want)
		}
	}
}

// TestUTF16Text checks the one-unit fast path against the general decoding.
func TestUTF16Text(t *testing.T) {
	for _, u := range []uint16{0, 'A', 0xE9, 0x4E2D, 0xD7FF, 0xD800, 0xDBFF, 0xDC00, 0xDFFF, 0xE000, 0xFFFD, 0xFFFF} {
		b := []byte{byte(u >> 8), byte(u)}
		if got, want := utf16Text(b), string(utf16.Decode([]uint16{u})); got != want {
			t.Errorf("utf16Text(%x) = %q, want %q", b, got, want)
		}
	}
}

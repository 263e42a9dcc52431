package pdf_test

import (
	"bytes"
	"errors"
	"fmt"
	"runtime"
	"strings"
	"testing"
	"time"
	"unicode"

	"github.com/screener/screener/parsers"
	"github.com/screener/screener/parsers/internal/parsertest"
	"github.com/screener/screener/parsers/pdf"
)

const fixtures = "../../testdata/parsers"

func extractBytes(tb testing.TB, data []byte, lim parsers.Limits) (*parsers.Document, error) {
	tb.Helper()
	return parsertest.ExtractBytes(tb, data, lim)
}

func FuzzPDF(f *testing.F) {
	parsertest.Seed(f, fixtures, "*.pdf")
	f.Add(simplePDF("%PDF-1.4", "BT /F1 12 Tf 72 700 Td [(A)-300(B)] TJ ET", ""))
	f.Fuzz(parsertest.Fuzz)
}

func TestPDFTolerance(t *testing.T) {
	content := "BT /F1 12 Tf 72 700 Td (Tolerant parsing works) Tj ET"
	tests := []struct {
		name string
		data []byte
	}{
		{"PDF 2.0 header", simplePDF("%PDF-2.0", content, "")},
		{"bytes after EOF", append(simplePDF("%PDF-1.4", content, ""), []byte("\n<html>signature block from a mail gateway</html>\n")...)},
	}
	for _, tt := range tests {
		doc, err := extractBytes(t, tt.data, parsers.Limits{})
		if err != nil || !strings.Contains(doc.Text, "Tolerant parsing works") {
			t.Errorf("%s: %v %+v", tt.name, err, doc)
		}
	}
}

func TestPDFWordsFromPositions(t *testing.T) {
	// TeX-style output: no space characters, words placed by TJ offsets and
	// moves; a ligature glyph; a word hyphenated at the line end.
	content := `BT /F1 10 Tf 72 700 Td [(Distributed)-333(systems)-333(engineer)] TJ
0 -12 Td [(con\034gured)-333(Kuber-)] TJ 0 -12 Td (netes) Tj ET`
	data := buildPDF("%PDF-1.4", []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
		"<< /Length %d >>",
		"<< /Type /Font /Subtype /Type1 /BaseFont /CMR10 /Encoding << /Differences [28 /fi] >> >>",
	}, map[int][]byte{4: []byte(content)}, "")
	doc, err := extractBytes(t, data, parsers.Limits{})
	if err != nil {
		t.Fatal(err)
	}
	want := "Distributed systems engineer\nconfigured Kubernetes"
	if doc.Text != want {
		t.Errorf("text %q, want %q", doc.Text, want)
	}
}

func TestHostilePDFs(t *testing.T) {
	selfRef := buildPDF("%PDF-1.4", []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [2 0 R 2 0 R] /Count 5 >>",
	}, nil, "")
	lyingCount := buildPDF("%PDF-1.4", []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [] /Count 100000000 >>",
	}, nil, "")
	bomb := deflate(bytes.Repeat([]byte("BT /F1 12 Tf 72 700 Td (x) Tj ET\n"), 1<<20)) // 33 MiB inflated
	flateBomb := buildPDF("%PDF-1.4", []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>",
		"<< /Length %d /Filter /FlateDecode >>",
	}, map[int][]byte{4: bomb}, "")
	imageOnly := buildPDF("%PDF-1.4", []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /XObject << /Im1 5 0 R >> >> >>",
		"<< /Length %d >>",
		"<< /Type /XObject /Subtype /Image /Width 2 /Height 2 /ColorSpace /DeviceGray /BitsPerComponent 8 /Length %d >>",
	}, map[int][]byte{4: []byte("q 612 0 0 792 0 0 cm /Im1 Do Q"), 5: {0, 255, 255, 0}}, "")
	manyPages := func() []byte {
		objs := []string{"<< /Type /Catalog /Pages 2 0 R >>", ""}
		var kids strings.Builder
		for i := 0; i < 60; i++ {
			objs = append(objs, "<< /Type /Page /Parent 2 0 R >>")
			fmt.Fprintf(&kids, " %d 0 R", i+3)
		}
		objs[1] = "<< /Type /Pages /Kids [" + kids.String() + "] /Count 60 >>"
		return buildPDF("%PDF-1.4", objs, nil, "")
	}()
	tests := []struct {
		name    string
		data    []byte
		lim     parsers.Limits
		wantErr error
	}{
		{"self-referencing page tree", selfRef, parsers.Limits{}, parsers.ErrCorrupt},
		{"lying page count", lyingCount, parsers.Limits{}, parsers.ErrCorrupt},
		{"flate bomb", flateBomb, parsers.Limits{MaxUncompressed: 4 << 20}, parsers.ErrTooLarge},
		{"image only", imageOnly, parsers.Limits{}, parsers.ErrNoText},
		{"too many pages", manyPages, parsers.Limits{}, parsers.ErrTooLarge},
		{"truncated", simplePDF("%PDF-1.4", "BT ET", "")[:200], parsers.Limits{}, parsers.ErrCorrupt},
		{"file too large", simplePDF("%PDF-1.4", "BT ET", ""), parsers.Limits{MaxBytes: 100}, parsers.ErrTooLarge},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			done := make(chan struct{})
			var err error
			go func() {
				defer close(done)
				_, err = extractBytes(t, tt.data, tt.lim)
			}()
			select {
			case <-done:
			case <-time.After(20 * time.Second):
				t.Fatal("extraction hangs")
			}
			if !errors.Is(err, tt.wantErr) {
				t.Errorf("error %v, want %v", err, tt.wantErr)
			}
		})
	}
	if _, err := extractBytes(t, imageOnly, parsers.Limits{}); err == nil || !strings.Contains(err.Error(), "scanned image") {
		t.Errorf("image-only PDF error %v lacks the scanned-image hint", err)
	}
}

func TestPDFRepeatedMargins(t *testing.T) {
	body := []string{"Built APIs in Go.", "Ran Kubernetes clusters.", "Wrote Terraform modules."}
	page := func(n int) string {
		return fmt.Sprintf("BT /F1 9 Tf 72 760 Td (Jane Roe  jane@example.com) Tj ET BT /F1 11 Tf 72 700 Td (%s) Tj ET BT /F1 9 Tf 72 40 Td (Page %d of 3) Tj ET", body[n-1], n)
	}
	objs := []string{"<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R 5 0 R 7 0 R] /Count 3 >>"}
	streams := map[int][]byte{}
	for i := 0; i < 3; i++ {
		objs = append(objs, fmt.Sprintf("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents %d 0 R /Resources << /Font << /F1 9 0 R >> >> >>", 4+2*i), "<< /Length %d >>")
		streams[4+2*i] = []byte(page(i + 1))
	}
	objs = append(objs, "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
	doc, err := extractBytes(t, buildPDF("%PDF-1.4", objs, streams, ""), parsers.Limits{})
	if err != nil {
		t.Fatal(err)
	}
	if doc.Pages != 3 || doc.HeaderFooter != "Jane Roe jane@example.com\nPage 1 of 3" {
		t.Errorf("pages %d, HeaderFooter %q", doc.Pages, doc.HeaderFooter)
	}
}

// TestPDFCIDCollections: CJK fonts encoded Identity-H without a ToUnicode map
// (XeTeX output does this) are read through their Adobe character
// collection's CID table; a ToUnicode map, when present, still wins.
func TestPDFCIDCollections(t *testing.T) {
	font := func(ordering, toUnicode string) []string {
		objs := []string{
			"<< /Type /Catalog /Pages 2 0 R >>",
			"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
			"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
			"<< /Length %d >>",
			"<< /Type /Font /Subtype /Type0 /BaseFont /ABCDEF+SomeCJK-Identity-H /Encoding /Identity-H /DescendantFonts [6 0 R] " + toUnicode + " >>",
			"<< /Type /Font /Subtype /CIDFontType0 /BaseFont /ABCDEF+SomeCJK /CIDSystemInfo << /Registry (Adobe) /Ordering (" + ordering + ") /Supplement 5 >> /DW 1000 >>",
		}
		if toUnicode != "" {
			objs = append(objs, "<< /Length %d >>")
		}
		return objs
	}
	tests := []struct {
		ordering, cids, toUnicode, want string
	}{
		{"GB1", "0D08075A 0865 09E5", "", "上海简历"},
		{"CNS1", "0328 1744 0328 1744", "", "台灣台灣"},
		{"Japan1", "0CD4 0E8A 0CD4 0E8A", "", "日本日本"},
		{"Korea1", "0CE0 04B4 0CE0 04B4", "", "한국한국"},
		{"GB1", "0D08 075A 0865", "/ToUnicode 7 0 R", "ABC"},
		{"Identity", "0D08 075A", "", ""},
	}
	for _, tt := range tests {
		content := "BT /F1 12 Tf 72 700 Td <" + tt.cids + "> Tj ET"
		streams := map[int][]byte{4: []byte(content)}
		if tt.toUnicode != "" {
			streams[7] = []byte("begincmap 3 beginbfchar <0D08> <0041> <075A> <0042> <0865> <0043> endbfchar endcmap")
		}
		doc, err := extractBytes(t, buildPDF("%PDF-1.4", font(tt.ordering, tt.toUnicode), streams, ""), parsers.Limits{})
		if tt.want == "" {
			if !errors.Is(err, parsers.ErrNoText) {
				t.Errorf("%s: got %v; want ErrNoText", tt.ordering, err)
			}
			continue
		}
		if err != nil {
			t.Errorf("%s %s: %v", tt.ordering, tt.toUnicode, err)
		} else if doc.Text != tt.want {
			t.Errorf("%s %s: got %q, want %q", tt.ordering, tt.toUnicode, doc.Text, tt.want)
		}
	}
}

// TestPDFTitle checks the first page's title: the text set clearly larger
// than the body near the top, line by line; none when the page has one size,
// and not a large line far down the page.
func TestPDFTitle(t *testing.T) {
	body := "BT /F1 10 Tf 72 640 Td (Backend engineer with eight years of Go and PostgreSQL.) Tj ET " +
		"BT /F1 10 Tf 72 620 Td (Experience at Acme, Globex and Initech, on call for all three.) Tj ET "
	tests := []struct {
		name, content, want string
	}{
		{"name in large type", "BT /F1 24 Tf 72 720 Td (Priya Raman) Tj ET " + body, "Priya Raman"},
		{"name over two lines", "BT /F1 24 Tf 72 730 Td (CHRIS) Tj ET BT /F1 24 Tf 72 702 Td (OH) Tj ET " + body, "CHRIS\nOH"},
		{"one size: no title", "BT /F1 10 Tf 72 720 Td (Priya Raman) Tj ET " + body, ""},
		{"large text low on the page", body + "BT /F1 24 Tf 72 100 Td (Thank you) Tj ET BT /F1 10 Tf 72 80 Td (The end of the page, and of the resume.) Tj ET", ""},
	}
	for _, tt := range tests {
		doc, err := extractBytes(t, simplePDF("%PDF-1.4", tt.content, ""), parsers.Limits{})
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		if doc.Title != tt.want {
			t.Errorf("%s: title %q, want %q", tt.name, doc.Title, tt.want)
		}
	}
}

// TestLogicalRTL checks that right-to-left runs laid out left to right are
// turned into reading order, and that nothing else is touched.
func TestLogicalRTL(t *testing.T) {
	tests := []struct{ in, want string }{
		{"يلعلا دمحم", "محمد العلي"},                                               // a name, as a PDF gives it
		{"Backend Engineer based in ضايرلا.", "Backend Engineer based in الرياض."}, // a word in an English line
		{"ءاضيبلا رادلا, MA +212 612-345678", "الدار البيضاء, MA +212 612-345678"},
		{"ןהכ דוד", "דוד כהן"},                                 // Hebrew
		{"Jane Doe (415) 555-0134", "Jane Doe (415) 555-0134"}, // no right-to-left letter
		{"\u064e\u0628", "\u064e\u0628"},                       // a mark with no base before it stays
	}
	for _, tt := range tests {
		if got := pdf.LogicalRTL(tt.in); got != tt.want {
			t.Errorf("%q: got %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestFirstRTL checks the bound below which no letter is right-to-left:
// no letter of the scripts logicalRTL turns round lies under it, and the
// first Hebrew letter lies just above it.
func TestFirstRTL(t *testing.T) {
	for r := rune(0); r < pdf.FirstRTL; r++ {
		if unicode.IsLetter(r) && unicode.In(r, unicode.Arabic, unicode.Hebrew, unicode.Syriac, unicode.Thaana, unicode.Nko) {
			t.Fatalf("%U is a right-to-left letter below the bound %U", r, pdf.FirstRTL)
		}
	}
	if got := pdf.LogicalRTL("בא"); got != "אב" {
		t.Errorf("two Hebrew letters: got %q, want %q", got, "אב")
	}
}

// TestPDFContentNotMaterialised extracts a page whose content inflates to
// 16 MiB and checks that extraction allocates a small part of that: the
// content is interpreted as it is inflated, not read whole first, and the
// text kept is bounded by MaxText.
func TestPDFContentNotMaterialised(t *testing.T) {
	const inflated = 16 << 20
	content := bytes.Repeat([]byte("(ab)Tj\n"), inflated/7)
	data := buildPDF("%PDF-1.4", []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
		"<< /Length %d /Filter /FlateDecode >>",
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
	}, map[int][]byte{4: deflate(append([]byte("BT /F1 1 Tf 10 700 Td "), content...))}, "")
	lim := parsers.Limits{MaxText: 4 << 10, MaxRatio: 1 << 20, MaxUncompressed: 64 << 20}
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	doc, err := extractBytes(t, data, lim)
	runtime.ReadMemStats(&after)
	if err != nil || !strings.Contains(doc.Text, "abab") {
		t.Fatalf("%v %.100q", err, doc.Text)
	}
	if alloc := after.TotalAlloc - before.TotalAlloc; alloc > inflated/4 {
		t.Errorf("extraction allocated %d bytes for %d bytes of content", alloc, inflated)
	}
}

// TestPDFUndecodableStream checks that a content stream the object layer
// cannot decode (a filter it does not know) loses its own text only: the
// page's other streams are read.
func TestPDFUndecodableStream(t *testing.T) {
	data := buildPDF("%PDF-1.4", []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents [4 0 R 6 0 R] /Resources << /Font << /F1 5 0 R >> >> >>",
		"<< /Length %d /Filter /JBIG2Decode >>",
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
		"<< /Length %d >>",
	}, map[int][]byte{4: []byte("BT /F1 12 Tf 72 720 Td (lost) Tj ET"), 6: []byte("BT /F1 12 Tf 72 700 Td (Kept after the bad stream) Tj ET")}, "")
	doc, err := extractBytes(t, data, parsers.Limits{})
	if err != nil || !strings.Contains(doc.Text, "Kept after the bad stream") {
		t.Fatalf("%v %+v", err, doc)
	}
}

// TestPDFPooledInflate checks that the document's reused decompressors
// read streams exactly as the object layer does, one after the other
// (each reset for the next), and that they do read the plain Flate streams
// (the object layer keeps the streams' places private: were that to
// change, the pool would silently leave every stream to it).
func TestPDFPooledInflate(t *testing.T) {
	long := bytes.Repeat([]byte("BT /F1 9 Tf (pooled) Tj ET\n"), 5000)
	cut := deflate(long)
	badSum := deflate([]byte("BT (checksum) Tj ET"))
	badSum[len(badSum)-1] ^= 0xFF
	streams := [][]byte{
		deflate([]byte("BT (first) Tj ET")),
		deflate(long),
		cut[:len(cut)/2], // truncated: both keep what inflates
		[]byte("BT (not compressed) Tj ET"),
		[]byte("not zlib data"), // the object layer panics on it; the pool leaves it to the object layer
		deflate([]byte("BT (after the others) Tj ET")),
		badSum, // a wrong Adler-32 checksum: both keep every byte, which comes before it
		append([]byte{0x78, 0x20, 0, 0, 0, 1}, deflate([]byte("x"))[2:]...), // a preset dictionary (unused): left to the object layer
	}
	empty := map[int]bool{4: true}
	objs := []string{""}
	bodies := map[int][]byte{}
	var refs []string
	for i, s := range streams {
		refs = append(refs, fmt.Sprintf("%d 0 R", i+2))
		bodies[i+2] = s
		if i == 3 {
			objs = append(objs, "<< /Length %d >>")
		} else {
			objs = append(objs, "<< /Length %d /Filter /FlateDecode >>")
		}
	}
	objs[0] = "<< /Streams [" + strings.Join(refs, " ") + "] >>"
	pooled, layer, byPool, err := pdf.InflateBothWays(buildPDF("%PDF-1.4", objs, bodies, ""))
	if err != nil {
		t.Fatal(err)
	}
	if byPool != 5 {
		t.Errorf("the pool read %d streams, want the 5 Flate streams without a preset dictionary", byPool)
	}
	for i := range streams {
		if !bytes.Equal(pooled[i], layer[i]) || (len(layer[i]) == 0) != empty[i] {
			t.Errorf("stream %d: pooled %d bytes %.40q, object layer %d bytes %.40q", i, len(pooled[i]), pooled[i], len(layer[i]), layer[i])
		}
	}
}

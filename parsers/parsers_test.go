package parsers

import (
	"archive/zip"
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

var update = flag.Bool("update", false, "rewrite golden files")

const fixtures = "../testdata/parsers"

func extractBytes(t testing.TB, data []byte, lim Limits) (*Document, error) {
	t.Helper()
	return Extract(context.Background(), bytes.NewReader(data), int64(len(data)), lim)
}

func TestFixtures(t *testing.T) {
	tests := []struct {
		file    string
		format  Format
		want    []string // substrings of the text
		notWant []string
		wantErr error
	}{
		{file: "word-features.docx", format: DOCX, want: []string{
			"Priya Raman · +44 20 7946 0018 · Leeds", // header
			"github.com/praman",                      // footer
			"<https://www.linkedin.com/in/priyaraman>",
			"Languages Go Rust",                                   // table cells separated, one row per line
			"Mostly Bazel and GitHub Actions",                     // footnote
			"Feb 2020 – Present",                                  // tab became a space
			"Built the deploy pipeline\nand the on-call tooling.", // break
		}, notWant: []string{"Deleted words", "LanguagesGo"}},
		{file: "word-features.docx", format: DOCX, want: []string{"Open to relocation"}},
		{file: "word-features-libreoffice.docx", format: DOCX, want: []string{"Priya Raman", "Languages Go Rust", "Cloud Kubernetes Terraform", "github.com/praman"}},
		{file: "word-features.pdf", format: PDF, want: []string{"Languages Go Rust", "Cloud Kubernetes Terraform", "Staff Engineer, Nimbus Labs Feb 2020 – Present"}},
		{file: "two-column.pdf", format: PDF, want: []string{
			"Kafka streams\nLANGUAGES\nCzech, English, German", // the sidebar is read whole ...
			"EXPERIENCE\nSenior Backend Developer at Mapsy",    // ... before the main column
		}},
		{file: "two-column.docx", format: DOCX, want: []string{"Tomáš Novák", "EDUCATION"}},
		{file: "chrome-resume.pdf", format: PDF, want: []string{ // Chromium print-to-PDF of a CSS grid: sidebar, then main column
			"Skills\nPython\nDjango\nPostgreSQL\nRedis\nDocker\nAWS\nLanguages\nPolish, English",
			"Experience\nSenior Python Developer, Wawel Software — March 2018 – Present\nBuilt the billing API",
		}},
		{file: "latex-resume.pdf", format: PDF, want: []string{ // pdflatex: no spaces in the text, ligature glyphs
			"Designed efficient, fault-tolerant microservices in Go and Kotlin; configured PostgreSQL replication and offloaded",
			"affinity scheduling of Kubernetes workloads.",
			"Backend Engineer, Fjord Logistics 2019 – Present",
			"Java and Spring services for the official settlement platform; Terraform on AWS.",
		}},
		{file: "windows-1252.txt", format: Text, want: []string{"Zoë Müller – Café developer\nSkills: Python, SQL"}},
		{file: "utf16.txt", format: Text, want: []string{"Renée Dubois\nGo and Rust"}},
		{file: "enc-rc4-40-owner.pdf", format: PDF, want: []string{"Alice Moreau", "Paylane"}},
		{file: "enc-rc4-128-owner.pdf", format: PDF, want: []string{"Alice Moreau", "Paylane"}},
		{file: "enc-aes-128-owner.pdf", format: PDF, want: []string{"Alice Moreau", "Paylane"}},
		{file: "enc-aes-256-owner.pdf", format: PDF, want: []string{"Alice Moreau", "Paylane"}},
		{file: "enc-aes-256-user.pdf", wantErr: ErrEncrypted},
		{file: "../example/resumes/alice.pdf", format: PDF, want: []string{"Alice Moreau", "linkedin.com/in/alice-moreau"}},
		{file: "../example/resumes/bruno.docx", format: DOCX, want: []string{"Bruno Silva", "Spring Boot"}},
		{file: "../example/resumes/emeka.md", format: Text, want: []string{"# Emeka Obi"}},
		{file: "../example/resumes/ivan-truncated.pdf", wantErr: ErrCorrupt},
		{file: "../example/resumes/julia-renamed-binary.pdf", wantErr: ErrUnsupported},
		{file: "../example/resumes/kim-encrypted.pdf", wantErr: ErrEncrypted},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			doc, err := ExtractFile(context.Background(), filepath.Join(fixtures, tt.file), Limits{})
			if tt.wantErr != nil {
				var e *Error
				if !errors.Is(err, tt.wantErr) || !errors.As(err, &e) || !strings.Contains(err.Error(), filepath.Base(tt.file)) {
					t.Fatalf("error %v, want %v naming the file", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if doc.Format != tt.format {
				t.Errorf("format %q, want %q", doc.Format, tt.format)
			}
			for _, w := range tt.want {
				if !strings.Contains(doc.Text, w) {
					t.Errorf("text lacks %q:\n%s", w, doc.Text)
				}
			}
			for _, w := range tt.notWant {
				if strings.Contains(doc.Text, w) {
					t.Errorf("text has %q:\n%s", w, doc.Text)
				}
			}
			if strings.Count(doc.Text, "Open to relocation") > 1 {
				t.Error("text box read twice")
			}
			checkInvariants(t, doc, Limits{}.withDefaults())
		})
	}
}

func TestHeaderFooterMetadata(t *testing.T) {
	doc, err := ExtractFile(context.Background(), filepath.Join(fixtures, "word-features.docx"), Limits{})
	if err != nil {
		t.Fatal(err)
	}
	if doc.HeaderFooter != "Priya Raman · +44 20 7946 0018 · Leeds\ngithub.com/praman" {
		t.Errorf("HeaderFooter = %q", doc.HeaderFooter)
	}
	if doc.SHA256 != "" && len(doc.SHA256) != 64 || doc.Bytes != 3478 {
		t.Errorf("sha %q bytes %d", doc.SHA256, doc.Bytes)
	}
}

func checkInvariants(t testing.TB, doc *Document, lim Limits) {
	t.Helper()
	if !utf8.ValidString(doc.Text) {
		t.Error("text is not valid UTF-8")
	}
	if len(doc.Text) > lim.MaxText {
		t.Errorf("text is %d bytes, limit %d", len(doc.Text), lim.MaxText)
	}
	if Normalize(doc.Text) != doc.Text {
		t.Error("text is not normalized")
	}
}

// TestGolden compares extracted text with golden files; -update rewrites them.
func TestGolden(t *testing.T) {
	for _, f := range []string{"two-column.pdf", "word-features.docx", "word-features.pdf", "latex-resume.pdf", "../example/resumes/alice.pdf"} {
		doc, err := ExtractFile(context.Background(), filepath.Join(fixtures, f), Limits{})
		if err != nil {
			t.Fatal(err)
		}
		golden := filepath.Join(fixtures, strings.ReplaceAll(filepath.Base(f), ".", "_")+".golden.txt")
		if *update {
			os.WriteFile(golden, []byte(doc.Text+"\n"), 0o644)
		}
		want, err := os.ReadFile(golden)
		if err != nil {
			t.Fatal(err)
		}
		if doc.Text+"\n" != string(want) {
			t.Errorf("%s: text differs from %s:\n%s", f, golden, doc.Text)
		}
	}
}

func TestDetect(t *testing.T) {
	tests := []struct {
		head    string
		want    Format
		wantErr error
	}{
		{"%PDF-1.7\n", PDF, nil},
		{"\xEF\xBB\xBF%PDF-1.4", PDF, nil}, // junk before the header
		{"PK\x03\x04rest", DOCX, nil},
		{"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", "", ErrUnsupported},
		{"{\\rtf1\\ansi", "", ErrUnsupported},
		{"\x89PNG\r\n\x1a\n", "", ErrUnsupported},
		{"\x7fELF\x02\x01\x01\x00\x00\x00", "", ErrUnsupported},
		{"Jane Doe\nGo developer\n", Text, nil},
		{"\xFF\xFEJ\x00a\x00", Text, nil},
	}
	for _, tt := range tests {
		got, err := Detect([]byte(tt.head))
		if got != tt.want || !errors.Is(err, tt.wantErr) {
			t.Errorf("Detect(%q) = %q, %v; want %q, %v", tt.head, got, err, tt.want, tt.wantErr)
		}
	}
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
		doc, err := extractBytes(t, tt.data, Limits{})
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
	doc, err := extractBytes(t, data, Limits{})
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
		lim     Limits
		wantErr error
	}{
		{"self-referencing page tree", selfRef, Limits{}, ErrCorrupt},
		{"lying page count", lyingCount, Limits{}, ErrCorrupt},
		{"flate bomb", flateBomb, Limits{MaxUncompressed: 4 << 20}, ErrTooLarge},
		{"image only", imageOnly, Limits{}, ErrNoText},
		{"too many pages", manyPages, Limits{}, ErrTooLarge},
		{"truncated", simplePDF("%PDF-1.4", "BT ET", "")[:200], Limits{}, ErrCorrupt},
		{"file too large", simplePDF("%PDF-1.4", "BT ET", ""), Limits{MaxBytes: 100}, ErrTooLarge},
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
	if _, err := extractBytes(t, imageOnly, Limits{}); err == nil || !strings.Contains(err.Error(), "scanned image") {
		t.Errorf("image-only PDF error %v lacks the scanned-image hint", err)
	}
}

func zipOf(t testing.TB, files map[string][]byte) []byte {
	t.Helper()
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	for name, data := range files {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write(data)
	}
	zw.Close()
	return b.Bytes()
}

func TestDOCXBombs(t *testing.T) {
	// 80 MiB of XML that compresses about 1000:1, over the 64 MiB default.
	big := append([]byte(`<w:document xmlns:w="w"><w:body><w:p><w:r><w:t>`), bytes.Repeat([]byte("a"), 80<<20)...)
	bomb := zipOf(t, map[string][]byte{"word/document.xml": big})
	big = nil
	tests := []struct {
		name    string
		data    []byte
		lim     Limits
		wantErr error
	}{
		{"zip bomb", bomb, Limits{}, ErrTooLarge},
		{"zip without document", zipOf(t, map[string][]byte{"hello.txt": []byte("hi")}), Limits{}, ErrUnsupported},
		{"broken xml", zipOf(t, map[string][]byte{"word/document.xml": []byte("<w:document><w:body><w:p><w:t>unclosed")}), Limits{}, ErrCorrupt},
		{"truncated zip", bomb[:1000], Limits{}, ErrCorrupt},
	}
	for _, tt := range tests {
		_, err := extractBytes(t, tt.data, tt.lim)
		if !errors.Is(err, tt.wantErr) {
			t.Errorf("%s: error %v, want %v", tt.name, err, tt.wantErr)
		}
	}
}

func TestNormalize(t *testing.T) {
	tests := []struct{ in, want string }{
		{"e\ufb03cient \ufb01le", "efficient file"},
		{"a\u00a0b\u2003c\u200bd", "a b cd"},
		{"develop-\nment of APIs", "development of APIs"},
		{"Front-\nEnd", "Front-\nEnd"},
		{"\uf0b7 Go", "• Go"},
		{"line  one \r\n\r\n\r\n\r\nline two", "line one\n\nline two"},
		{"e\u0301", "é"},
		{"\u2f08\u2f2f", "人工"},
	}
	for _, tt := range tests {
		if got := Normalize(tt.in); got != tt.want {
			t.Errorf("Normalize(%q) = %q, want %q", tt.in, got, tt.want)
		}
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
	doc, err := extractBytes(t, buildPDF("%PDF-1.4", objs, streams, ""), Limits{})
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
		doc, err := extractBytes(t, buildPDF("%PDF-1.4", font(tt.ordering, tt.toUnicode), streams, ""), Limits{})
		if tt.want == "" {
			if !errors.Is(err, ErrNoText) {
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

package parsers_test

import (
	"context"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/screener/screener/parsers"
	"github.com/screener/screener/parsers/internal/parsertest"
)

var update = flag.Bool("update", false, "rewrite golden files")

const fixtures = "../testdata/parsers"

func TestFixtures(t *testing.T) {
	tests := []struct {
		file    string
		format  parsers.Format
		want    []string // substrings of the text
		notWant []string
		wantErr error
	}{
		{file: "word-features.docx", format: parsers.DOCX, want: []string{
			"Priya Raman · +44 20 7946 0018 · Leeds", // header
			"github.com/praman",                      // footer
			"<https://www.linkedin.com/in/priyaraman>",
			"Languages\tGo\tRust",                                 // table cells a tab apart, one row per line
			"Mostly Bazel and GitHub Actions",                     // footnote
			"Nimbus Labs\tFeb 2020 – Present",                     // a tab stop stays a tab
			"Built the deploy pipeline\nand the on-call tooling.", // break
		}, notWant: []string{"Deleted words", "LanguagesGo", "Languages Go"}},
		{file: "word-features.docx", format: parsers.DOCX, want: []string{"Open to relocation"}},
		{file: "word-features-libreoffice.docx", format: parsers.DOCX, want: []string{"Priya Raman", "Languages\tGo\tRust", "Cloud\tKubernetes\tTerraform", "github.com/praman"}},
		{file: "word-features.pdf", format: parsers.PDF, want: []string{"Languages Go Rust", "Cloud Kubernetes Terraform", "Staff Engineer, Nimbus Labs Feb 2020 – Present"}},
		{file: "two-column.pdf", format: parsers.PDF, want: []string{
			"Kafka streams\nLANGUAGES\nCzech, English, German", // the sidebar is read whole ...
			"EXPERIENCE\nSenior Backend Developer at Mapsy",    // ... before the main column
		}},
		{file: "two-column.docx", format: parsers.DOCX, want: []string{"Tomáš Novák", "EDUCATION"}},
		{file: "chrome-resume.pdf", format: parsers.PDF, want: []string{ // Chromium print-to-PDF of a CSS grid: sidebar, then main column
			"Skills\nPython\nDjango\nPostgreSQL\nRedis\nDocker\nAWS\nLanguages\nPolish, English",
			"Experience\nSenior Python Developer, Wawel Software — March 2018 – Present\nBuilt the billing API",
		}},
		{file: "latex-resume.pdf", format: parsers.PDF, want: []string{ // pdflatex: no spaces in the text, ligature glyphs
			"Designed efficient, fault-tolerant microservices in Go and Kotlin; configured PostgreSQL replication and offloaded",
			"affinity scheduling of Kubernetes workloads.",
			"Backend Engineer, Fjord Logistics 2019 – Present",
			"Java and Spring services for the official settlement platform; Terraform on AWS.",
		}},
		{file: "word-features.html", format: parsers.HTML, want: []string{ // LibreOffice's HTML export of word-features.docx
			"Priya Raman · +44 20 7946 0018 · Leeds",
			"Profile:LinkedIn <https://www.linkedin.com/in/priyaraman>",
			"Languages\tGo\tRust\nCloud\tKubernetes\tTerraform",
			"Staff Engineer, Nimbus Labs Feb 2020 – Present",
			"Built the deploy pipeline\nand the on-call tooling.",
			"Mostly Bazel and GitHub Actions",
			"github.com/praman",
		}, notWant: []string{"sdfootnote", "line-height"}},
		{file: "two-column.html", format: parsers.HTML, want: []string{"Tomáš Novák\nCONTACT", "Kafka streams\nLANGUAGES"}},
		{file: "chrome-resume.html", format: parsers.HTML, want: []string{"Skills\nPython\nDjango", "Education\nMSc Computer Science"}},
		{file: "word-features.odt", format: parsers.ODT, want: []string{ // LibreOffice's ODT conversion of word-features.docx
			"Priya Raman · +44 20 7946 0018 · Leeds\n\nPriya Raman", // header first
			"Profile:LinkedIn <https://www.linkedin.com/in/priyaraman>",
			"Languages\tGo\tRust\nCloud\tKubernetes\tTerraform",
			"Staff Engineer, Nimbus Labs\tFeb 2020 – Present",
			"Built the deploy pipeline\nand the on-call tooling.",
			"Mostly Bazel and GitHub Actions\n\ngithub.com/praman", // footnote after the body, then the footer
		}, notWant: []string{"tooling1"}},
		{file: "two-column.odt", format: parsers.ODT, want: []string{"Tomáš Novák\nCONTACT", "Kafka streams\nLANGUAGES"}},
		{file: "word-features.rtf", format: parsers.RTF, want: []string{ // LibreOffice's RTF conversion of word-features.docx
			"Priya Raman · +44 20 7946 0018 · Leeds\n\nPriya Raman",
			"Profile:LinkedIn <https://www.linkedin.com/in/priyaraman>",
			"Languages\tGo\tRust\nCloud\tKubernetes\tTerraform",
			"Staff Engineer, Nimbus Labs\tFeb 2020 – Present",
			"Built the deploy pipeline\nand the on-call tooling.",
			"Mostly Bazel and GitHub Actions",
			"github.com/praman",
		}, notWant: []string{"Times New Roman", "Liberation", "Footnote Characters", "LibreOffice"}},
		{file: "two-column.rtf", format: parsers.RTF, want: []string{"Tomáš Novák\nCONTACT", "Kafka streams\nLANGUAGES"}},
		{file: "word-features.doc", format: parsers.DOC, want: []string{ // LibreOffice's Word 97 conversion of word-features.docx
			"Priya Raman · +44 20 7946 0018 · Leeds\n\nPriya Raman",
			"Profile:LinkedIn <https://www.linkedin.com/in/priyaraman>",
			"Languages\tGo\tRust\nCloud\tKubernetes\tTerraform",
			"Staff Engineer, Nimbus Labs\tFeb 2020 – Present",
			"Built the deploy pipeline\nand the on-call tooling.",
			"Open to relocation",
			"Mostly Bazel and GitHub Actions",
			"github.com/praman",
		}, notWant: []string{"HYPERLINK"}},
		{file: "two-column.doc", format: parsers.DOC, want: []string{"Tomáš Novák\nCONTACT", "Kafka streams\nLANGUAGES"}},
		{file: "windows-1252.txt", format: parsers.Text, want: []string{"Zoë Müller – Café developer\nSkills: Python, SQL"}},
		{file: "utf16.txt", format: parsers.Text, want: []string{"Renée Dubois\nGo and Rust"}},
		{file: "enc-rc4-40-owner.pdf", format: parsers.PDF, want: []string{"Alice Moreau", "Paylane"}},
		{file: "enc-rc4-128-owner.pdf", format: parsers.PDF, want: []string{"Alice Moreau", "Paylane"}},
		{file: "enc-aes-128-owner.pdf", format: parsers.PDF, want: []string{"Alice Moreau", "Paylane"}},
		{file: "enc-aes-256-owner.pdf", format: parsers.PDF, want: []string{"Alice Moreau", "Paylane"}},
		{file: "enc-aes-256-user.pdf", wantErr: parsers.ErrEncrypted},
		{file: "../example/resumes/alice.pdf", format: parsers.PDF, want: []string{"Alice Moreau", "linkedin.com/in/alice-moreau"}},
		{file: "../example/resumes/bruno.docx", format: parsers.DOCX, want: []string{"Bruno Silva", "Spring Boot"}},
		{file: "../example/resumes/emeka.md", format: parsers.Text, want: []string{"# Emeka Obi"}},
		{file: "../example/resumes/ivan-truncated.pdf", wantErr: parsers.ErrCorrupt},
		{file: "../example/resumes/julia-renamed-binary.pdf", wantErr: parsers.ErrUnsupported},
		{file: "../example/resumes/kim-encrypted.pdf", wantErr: parsers.ErrEncrypted},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			doc, err := parsers.ExtractFile(context.Background(), filepath.Join(fixtures, tt.file), parsers.Limits{})
			if tt.wantErr != nil {
				var e *parsers.Error
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
			parsertest.CheckInvariants(t, doc, parsers.Limits{}.WithDefaults())
		})
	}
}

func TestHeaderFooterMetadata(t *testing.T) {
	doc, err := parsers.ExtractFile(context.Background(), filepath.Join(fixtures, "word-features.docx"), parsers.Limits{})
	if err != nil {
		t.Fatal(err)
	}
	if doc.HeaderFooter != "Priya Raman · +44 20 7946 0018 · Leeds\ngithub.com/praman" {
		t.Errorf("HeaderFooter = %q", doc.HeaderFooter)
	}
	if doc.Bytes != 3478 {
		t.Errorf("bytes %d", doc.Bytes)
	}
}

// TestGolden compares extracted text with golden files; -update rewrites them.
func TestGolden(t *testing.T) {
	for _, f := range []string{"two-column.pdf", "word-features.docx", "word-features.pdf", "latex-resume.pdf", "../example/resumes/alice.pdf"} {
		doc, err := parsers.ExtractFile(context.Background(), filepath.Join(fixtures, f), parsers.Limits{})
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
		want    parsers.Format
		wantErr error
	}{
		{"%PDF-1.7\n", parsers.PDF, nil},
		{"\xEF\xBB\xBF%PDF-1.4", parsers.PDF, nil}, // junk before the header
		{"PK\x03\x04rest", parsers.DOCX, nil},
		{"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", parsers.DOC, nil},
		{"{\\rtf1\\ansi", parsers.RTF, nil},
		{"\x89PNG\r\n\x1a\n", parsers.Image, nil},
		{"\xFF\xD8\xFF\xE0\x00\x10JFIF", parsers.Image, nil},
		{"II*\x00\x08\x00", parsers.Image, nil},
		{"GIF89a", "", parsers.ErrUnsupported},
		{"\x7fELF\x02\x01\x01\x00\x00\x00", "", parsers.ErrUnsupported},
		{"Jane Doe\nGo developer\n", parsers.Text, nil},
		{"<!DOCTYPE html>\n<html>", parsers.HTML, nil},
		{"PK\x03\x04\x14\x00\x00\x08\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x08\x00\x00\x00mimetypeapplication/vnd.oasis.opendocument.textPK", parsers.ODT, nil},
		{"PK\x03\x04\x14\x00\x00\x08\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x08\x00\x00\x00mimetypeapplication/vnd.oasis.opendocument.presentationPK", "", parsers.ErrUnsupported},
		{"\xEF\xBB\xBF  <HTML lang=en>", parsers.HTML, nil},
		{"<?xml version=\"1.0\"?>\n<!-- saved -->\n<html xmlns=\"http://www.w3.org/1999/xhtml\">", parsers.HTML, nil},
		{"<p>Jane</p> is not a page", parsers.Text, nil},
		{"Jane Doe <html> expert", parsers.Text, nil},
		{"\xFF\xFEJ\x00a\x00", parsers.Text, nil},
	}
	for _, tt := range tests {
		got, err := parsers.Detect([]byte(tt.head))
		if got != tt.want || !errors.Is(err, tt.wantErr) {
			t.Errorf("Detect(%q) = %q, %v; want %q, %v", tt.head, got, err, tt.want, tt.wantErr)
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
		{"Jane \u202eeoD\u202c", "Jane eoD"}, // a right-to-left override would show "Doe"
		{"\u2066Ali\u2069 \u202aB\u202b\u202d", "Ali B"},
		// A tab is a cell boundary: kept, empty cells too; spaces beside it go.
		{"TypeScript \t Expert\t4 years", "TypeScript\tExpert\t4 years"},
		{"Data\t\tSpark", "Data\t\tSpark"},
		{"•\tGo\tyes", "• Go\tyes"},
		{"\uf0b7\tGo", "• Go"},
		{"Name:\u00a0\tJane", "Name:\tJane"},
	}
	for _, tt := range tests {
		if got := parsers.Normalize(tt.in); got != tt.want {
			t.Errorf("Normalize(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestRenamed: the content decides the format, never the name.
func TestRenamed(t *testing.T) {
	dir := t.TempDir()
	for _, tt := range []struct {
		from, to string
		want     parsers.Format
	}{
		{"word-features.doc", "cv.docx", parsers.DOC},
		{"word-features.odt", "cv.doc", parsers.ODT},
		{"word-features.rtf", "cv.txt", parsers.RTF},
		{"word-features.html", "cv.pdf", parsers.HTML},
		{"scan.png", "cv.pdf", parsers.Image},
	} {
		data, err := os.ReadFile(filepath.Join(fixtures, tt.from))
		if err != nil {
			t.Fatal(err)
		}
		path := filepath.Join(dir, tt.to)
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		// OCR off: the format is decided before any reading.
		doc, err := parsers.ExtractFile(t.Context(), path, parsers.Limits{OCR: "off"})
		if tt.want == parsers.Image {
			var e *parsers.Error
			if !errors.As(err, &e) || !strings.Contains(e.Detail, "an image") {
				t.Errorf("%s as %s: %v, want the image's no-text error", tt.from, tt.to, err)
			}
			continue
		}
		if err != nil || doc.Format != tt.want {
			t.Errorf("%s as %s: %v, %+v; want format %s", tt.from, tt.to, err, doc, tt.want)
		}
	}
}

package docx_test

import (
	"archive/zip"
	"bytes"
	"errors"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/screener/screener/parsers"
)

const bodyXML = `<?xml version="1.0" encoding="%s" standalone="yes"?>` +
	`<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>` +
	`<w:p><w:r><w:t>%s</w:t></w:r></w:p></w:body></w:document>`

func documentXML(encoding, text string) string {
	return strings.Replace(strings.Replace(bodyXML, "%s", encoding, 1), "%s", text, 1)
}

// TestDuplicateDocumentPart: a zip with two word/document.xml entries is
// ambiguous (Word, LibreOffice and screener may each read another): it is
// corrupt, not screened on whichever copy came last.
func TestDuplicateDocumentPart(t *testing.T) {
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	for _, text := range []string{"First Copy with Go and Docker", "Second Copy with Java"} {
		w, err := zw.Create("word/document.xml")
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(documentXML("UTF-8", text)))
	}
	zw.Close()
	_, err := extractBytes(t, b.Bytes(), parsers.Limits{})
	if !errors.Is(err, parsers.ErrCorrupt) || !strings.Contains(err.Error(), "two entries named word/document.xml") {
		t.Errorf("error %v, want ErrCorrupt naming the duplicate", err)
	}
}

// TestUTF16DocumentPart: a document.xml stored as UTF-16 (with or without
// a byte-order mark, either byte order) is read, not rejected as invalid
// UTF-8.
func TestUTF16DocumentPart(t *testing.T) {
	text := "Zoë Ångström: Go, Kubernetes"
	units := utf16.Encode([]rune(documentXML("UTF-16", text)))
	encode := func(big, bom bool) []byte {
		var out []byte
		if bom {
			units = append([]uint16{0xFEFF}, units...)
			defer func() { units = units[1:] }()
		}
		for _, u := range units {
			if big {
				out = append(out, byte(u>>8), byte(u))
			} else {
				out = append(out, byte(u), byte(u>>8))
			}
		}
		return out
	}
	for _, tt := range []struct {
		name     string
		big, bom bool
	}{{"little-endian with BOM", false, true}, {"big-endian with BOM", true, true}, {"little-endian, no BOM", false, false}, {"big-endian, no BOM", true, false}} {
		data := zipOf(t, map[string][]byte{"word/document.xml": encode(tt.big, tt.bom)})
		doc, err := extractBytes(t, data, parsers.Limits{})
		if err != nil {
			t.Errorf("%s: %v", tt.name, err)
		} else if !strings.Contains(doc.Text, text) {
			t.Errorf("%s: text %q", tt.name, doc.Text)
		}
	}
}

package docx_test

import (
	"archive/zip"
	"bytes"
	"errors"
	"testing"

	"github.com/screener/screener/parsers"
	"github.com/screener/screener/parsers/internal/parsertest"
)

const fixtures = "../../testdata/parsers"

func extractBytes(tb testing.TB, data []byte, lim parsers.Limits) (*parsers.Document, error) {
	tb.Helper()
	return parsertest.ExtractBytes(tb, data, lim)
}

func FuzzDOCX(f *testing.F) {
	parsertest.Seed(f, fixtures, "*.docx")
	f.Fuzz(parsertest.Fuzz)
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
		lim     parsers.Limits
		wantErr error
	}{
		{"zip bomb", bomb, parsers.Limits{}, parsers.ErrTooLarge},
		{"zip without document", zipOf(t, map[string][]byte{"hello.txt": []byte("hi")}), parsers.Limits{}, parsers.ErrUnsupported},
		{"broken xml", zipOf(t, map[string][]byte{"word/document.xml": []byte("<w:document><w:body><w:p><w:t>unclosed")}), parsers.Limits{}, parsers.ErrCorrupt},
		{"truncated zip", bomb[:1000], parsers.Limits{}, parsers.ErrCorrupt},
	}
	for _, tt := range tests {
		_, err := extractBytes(t, tt.data, tt.lim)
		if !errors.Is(err, tt.wantErr) {
			t.Errorf("%s: error %v, want %v", tt.name, err, tt.wantErr)
		}
	}
}

package pdf_test

import (
	"bytes"
	"testing"

	"github.com/ledongthuc/pdf"

	pdfx "github.com/screener/screener/parsers/pdf"
)

// TestRefOf: the font cache keys on the object a resource entry refers to,
// so refOf must see references, and only references, without resolving.
func TestRefOf(t *testing.T) {
	data := buildPDF("%PDF-1.4", []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /Contents 4 0 R /Resources << /Font << /F1 5 0 R /F2 << /Type /Font /Subtype /Type1 /BaseFont /Courier >> >> >> >>",
		"<< /Length %d /Extra 5 0 R >>",
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
	}, map[int][]byte{4: []byte("BT ET")}, "")
	rd, err := pdf.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	page := rd.Trailer().Key("Root").Key("Pages").Key("Kids").Index(0)
	fonts := page.Key("Resources").Key("Font")
	for _, tc := range []struct {
		v       pdf.Value
		key     string
		want    uint32
		wantRef bool
	}{
		{fonts, "F1", 5, true},
		{fonts, "F2", 0, false},                  // a direct dictionary
		{fonts, "F3", 0, false},                  // missing
		{page, "Parent", 2, true},                // any dictionary
		{page.Key("Contents"), "Extra", 5, true}, // a stream's header
		{page.Key("Contents"), "Length", 0, false},
		{page.Key("MediaBox"), "F1", 0, false}, // not a dictionary
	} {
		got, ok := pdfx.RefOf(tc.v, tc.key)
		if got != tc.want || ok != tc.wantRef {
			t.Errorf("refOf(%v, %q) = %d, %v; want %d, %v", tc.v, tc.key, got, ok, tc.want, tc.wantRef)
		}
	}
}

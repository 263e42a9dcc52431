package docx_test

import (
	"archive/zip"
	"bytes"
	"errors"
	"strconv"
	"strings"
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

// TestDOCXTitle checks the title of a document: the first paragraphs styled
// Title, else those set clearly larger than the rest; none when neither.
func TestDOCXTitle(t *testing.T) {
	para := func(style string, size int, text string) string {
		ppr, rpr := "", ""
		if style != "" {
			ppr = `<w:pPr><w:pStyle w:val="` + style + `"/></w:pPr>`
		}
		if size > 0 {
			rpr = `<w:rPr><w:sz w:val="` + strconv.Itoa(size) + `"/></w:rPr>`
		}
		return `<w:p>` + ppr + `<w:r>` + rpr + `<w:t>` + text + `</w:t></w:r></w:p>`
	}
	body := para("", 20, "Backend engineer, eight years of Go.") + para("", 20, "Experience at Acme and Globex.")
	tests := []struct {
		name, body, want string
	}{
		{"Title style", para("Title", 0, "Priya Raman") + body, "Priya Raman"},
		{"larger type", para("", 36, "Ines") + para("", 36, "Duarte") + body, "Ines\nDuarte"},
		{"one size", para("", 20, "Priya Raman") + body, ""},
		{"no sizes", para("", 0, "Priya Raman") + para("", 0, "Backend engineer"), ""},
	}
	for _, tt := range tests {
		doc := `<w:document xmlns:w="w"><w:body>` + tt.body + `</w:body></w:document>`
		d, err := extractBytes(t, zipOf(t, map[string][]byte{"word/document.xml": []byte(doc)}), parsers.Limits{})
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		if d.Title != tt.want {
			t.Errorf("%s: title %q, want %q", tt.name, d.Title, tt.want)
		}
	}
}

// TestDOCXCells: one tab between a row's cells, an empty cell's too; a tab
// or a line break typed inside a cell is a space, and a tab outside a
// table (a tab stop) stays a tab.
func TestDOCXCells(t *testing.T) {
	cell := func(text string) string { return `<w:tc><w:p><w:r>` + text + `</w:r></w:p></w:tc>` }
	body := `<w:p><w:r><w:t>Staff Engineer</w:t><w:tab/><w:t>2020 – Present</w:t></w:r></w:p>` +
		`<w:tbl><w:tr>` + cell(`<w:t>Data</w:t>`) + `<w:tc><w:p/></w:tc>` + cell(`<w:t>Spark</w:t><w:tab/><w:t>or</w:t><w:br/><w:t>Databricks</w:t>`) + `</w:tr></w:tbl>`
	doc := `<w:document xmlns:w="w"><w:body>` + body + `</w:body></w:document>`
	d, err := extractBytes(t, zipOf(t, map[string][]byte{"word/document.xml": []byte(doc)}), parsers.Limits{})
	if err != nil {
		t.Fatal(err)
	}
	if want := "Staff Engineer\t2020 – Present\nData\t\tSpark or Databricks"; d.Text != want {
		t.Errorf("text %q, want %q", d.Text, want)
	}
}

// TestDOCXRowEdges: a row's empty first and last cells are cells still, a
// cell spanning n columns of the grid (w:gridSpan) is followed by n-1 tabs
// more, grid columns before or after a row's cells (w:gridBefore,
// w:gridAfter) are empty cells, and a row of one cell across the table
// has no tabs.
func TestDOCXRowEdges(t *testing.T) {
	cell := func(pr, text string) string {
		if pr != "" {
			pr = `<w:tcPr>` + pr + `</w:tcPr>`
		}
		return `<w:tc>` + pr + `<w:p><w:r><w:t>` + text + `</w:t></w:r></w:p></w:tc>`
	}
	empty := `<w:tc><w:p/></w:tc>`
	row := func(pr string, cells ...string) string {
		if pr != "" {
			pr = `<w:trPr>` + pr + `</w:trPr>`
		}
		return `<w:tr>` + pr + strings.Join(cells, "") + `</w:tr>`
	}
	body := `<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid>` +
		row("", empty, cell("", "Minimum"), cell("", "Ideal")) +
		row("", cell(`<w:gridSpan w:val="3"/>`, "Languages")) +
		row("", cell("", "Go"), cell("", "3 years"), empty) +
		row("", cell("", "Git"), empty, empty) +
		row("", cell(`<w:gridSpan w:val="2"/>`, "Cloud, either"), cell("", "AWS")) +
		row(`<w:gridBefore w:val="1"/>`, cell("", "Docker"), cell("", "Helm")) +
		row(`<w:gridAfter w:val="2"/>`, cell("", "SQL")) +
		`</w:tbl><w:p><w:r><w:t>After the table</w:t></w:r></w:p>`
	doc := `<w:document xmlns:w="w"><w:body>` + body + `</w:body></w:document>`
	d, err := extractBytes(t, zipOf(t, map[string][]byte{"word/document.xml": []byte(doc)}), parsers.Limits{})
	if err != nil {
		t.Fatal(err)
	}
	want := "\tMinimum\tIdeal\nLanguages\nGo\t3 years\t\nGit\t\t\nCloud, either\t\tAWS\n\tDocker\tHelm\nSQL\t\t\nAfter the table"
	if d.Text != want {
		t.Errorf("text\n%q\nwant\n%q", d.Text, want)
	}
}

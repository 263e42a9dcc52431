package odt_test

import (
	"archive/zip"
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/screener/screener/parsers"
	"github.com/screener/screener/parsers/internal/parsertest"
)

const fixtures = "../../testdata/parsers"

type part struct {
	name string
	data string
}

// odtOf builds a package with the parts in order; the first is stored
// uncompressed, as ODF requires of "mimetype".
func odtOf(t testing.TB, parts ...part) []byte {
	t.Helper()
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	for i, p := range parts {
		h := &zip.FileHeader{Name: p.name, Method: zip.Deflate}
		if i == 0 {
			h.Method = zip.Store
		}
		w, err := zw.CreateHeader(h)
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(p.data))
	}
	zw.Close()
	return b.Bytes()
}

const mimetype = "application/vnd.oasis.opendocument.text"

func content(body string) string {
	return `<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
 xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:dc="http://purl.org/dc/elements/1.1/"><office:body><office:text>` +
		body + `</office:text></office:body></office:document-content>`
}

func TestODT(t *testing.T) {
	styles := `<office:document-styles xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0">
<office:styles><style:style style:name="Standard"/></office:styles><office:master-styles><style:master-page style:name="Standard">
<style:header><text:p>Jane Roe · jane@example.com</text:p></style:header><style:header-first><text:p>Jane Roe · jane@example.com</text:p></style:header-first>
<style:footer><text:p>Page <text:page-number>1</text:page-number></text:p></style:footer></style:master-page></office:master-styles></office:document-styles>`
	tests := []struct {
		name    string
		data    []byte
		want    string
		wantHF  string
		wantErr error
	}{
		{
			name: "paragraphs, spaces, tabs, breaks, links, notes, tables",
			data: odtOf(t, part{"mimetype", mimetype}, part{"content.xml", content(`<text:h>Jane Roe</text:h>
<text:p>Go<text:s text:c="3"/>and<text:tab/>Rust<text:line-break/>since 2019<text:note><text:note-citation>1</text:note-citation><text:note-body><text:p>A footnote</text:p></text:note-body></text:note></text:p>
<text:p>Profile: <text:a xlink:href="https://github.com/janeroe">GitHub</text:a></text:p>
<table:table><table:table-row><table:table-cell><text:p>Languages</text:p></table:table-cell><table:table-cell><text:p>Go</text:p><text:p>Rust</text:p></table:table-cell><table:table-cell/><table:table-cell><text:p>since<text:tab/>2019<text:line-break/>at least</text:p></table:table-cell></table:table-row></table:table>
<text:tracked-changes><text:changed-region><text:deletion><text:p>Deleted words</text:p></text:deletion></text:changed-region></text:tracked-changes>
<text:p>End<office:annotation><dc:creator>Reviewer</dc:creator><text:p>A comment</text:p></office:annotation></text:p>`)}),
			want: "Jane Roe\nGo and\tRust\nsince 2019\nProfile: GitHub <https://github.com/janeroe>\nLanguages\tGo Rust\t\tsince 2019 at least\nEnd\n\nA footnote",
		},
		{
			name:   "headers and footers from styles.xml, once each",
			data:   odtOf(t, part{"mimetype", mimetype}, part{"styles.xml", styles}, part{"content.xml", content(`<text:p>Body text here</text:p>`)}),
			want:   "Jane Roe · jane@example.com\n\nBody text here\n\nPage 1",
			wantHF: "Jane Roe · jane@example.com\nPage 1",
		},
		{
			name: "empty first and last cells are cells, a spanning cell's covered cells and repeated cells columns, a row of one cell no tabs",
			data: odtOf(t, part{"mimetype", mimetype}, part{"content.xml", content(`<table:table>
<table:table-row><table:table-cell/><table:table-cell><text:p>Minimum</text:p></table:table-cell><table:table-cell><text:p>Ideal</text:p></table:table-cell></table:table-row>
<table:table-row><table:table-cell table:number-columns-spanned="3"><text:p>Languages</text:p></table:table-cell><table:covered-table-cell table:number-columns-repeated="2"/></table:table-row>
<table:table-row><table:table-cell table:number-rows-spanned="2"><text:p>Go</text:p></table:table-cell><table:table-cell><text:p>3 years</text:p></table:table-cell><table:table-cell/></table:table-row>
<table:table-row><table:covered-table-cell><text:p>Hidden</text:p></table:covered-table-cell><table:table-cell><text:p>in production</text:p></table:table-cell><table:table-cell/></table:table-row>
<table:table-row><table:table-cell><text:p>Git</text:p></table:table-cell><table:table-cell table:number-columns-repeated="2"/></table:table-row>
<table:table-row><table:table-cell table:number-columns-spanned="2"><text:p>Cloud, either</text:p></table:table-cell><table:covered-table-cell/><table:table-cell><text:p>AWS</text:p></table:table-cell></table:table-row>
</table:table><text:p>After the table</text:p>`)}),
			want: "\tMinimum\tIdeal\nLanguages\nGo\t3 years\t\n\tin production\t\nGit\t\t\nCloud, either\t\tAWS\nAfter the table",
		},
		{
			name: "mimetype not first: read from the parts",
			data: odtOf(t, part{"content.xml", content(`<text:p>Still an ODT</text:p>`)}, part{"mimetype", mimetype}),
			want: "Still an ODT",
		},
		{
			name:    "encrypted",
			data:    odtOf(t, part{"mimetype", mimetype}, part{"META-INF/manifest.xml", `<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"><manifest:file-entry manifest:full-path="content.xml"><manifest:encryption-data manifest:checksum-type="SHA1"/></manifest:file-entry></manifest:manifest>`}, part{"content.xml", "\x8f\x01binary"}),
			wantErr: parsers.ErrEncrypted,
		},
		{
			name:    "spreadsheet",
			data:    odtOf(t, part{"mimetype", "application/vnd.oasis.opendocument.spreadsheet"}, part{"content.xml", content("")}),
			wantErr: parsers.ErrUnsupported,
		},
		{
			name:    "broken xml",
			data:    odtOf(t, part{"mimetype", mimetype}, part{"content.xml", "<office:document-content><office:body><office:text><text:p>unclosed &bogus"}),
			wantErr: parsers.ErrCorrupt,
		},
		{
			// Which copy an office suite would open is undefined.
			name:    "two content.xml entries",
			data:    odtOf(t, part{"mimetype", mimetype}, part{"content.xml", content(`<text:p>First copy</text:p>`)}, part{"content.xml", content(`<text:p>Second copy</text:p>`)}),
			wantErr: parsers.ErrCorrupt,
		},
		{
			name:    "zip bomb",
			data:    odtOf(t, part{"mimetype", mimetype}, part{"content.xml", content("<text:p>" + strings.Repeat("a", 80<<20) + "</text:p>")}),
			wantErr: parsers.ErrTooLarge,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := parsertest.ExtractBytes(t, tt.data, parsers.Limits{})
			if tt.wantErr != nil {
				if !errors.Is(err, tt.wantErr) {
					t.Fatalf("error %v, want %v", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if doc.Format != parsers.ODT {
				t.Errorf("format %q", doc.Format)
			}
			if doc.Text != tt.want {
				t.Errorf("text\n%q\nwant\n%q", doc.Text, tt.want)
			}
			if doc.HeaderFooter != tt.wantHF {
				t.Errorf("HeaderFooter %q, want %q", doc.HeaderFooter, tt.wantHF)
			}
		})
	}
}

func FuzzODT(f *testing.F) {
	parsertest.Seed(f, fixtures, "*.odt")
	f.Add(odtOf(f, part{"mimetype", mimetype}, part{"content.xml", content(`<text:p>a<text:a xlink:href="http://x">b<text:note><text:note-body><text:p>n</text:p></text:note-body></text:note></text:a></text:p>`)}))
	f.Fuzz(parsertest.Fuzz)
}

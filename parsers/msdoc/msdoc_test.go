package msdoc_test

import (
	"bytes"
	"encoding/binary"
	"errors"
	"os"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/screener/screener/parsers"
	"github.com/screener/screener/parsers/internal/parsertest"
)

const fixtures = "../../testdata/parsers"

func fixture(t testing.TB) []byte {
	t.Helper()
	b, err := os.ReadFile(fixtures + "/word-features.doc")
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// dirEntry returns the offset of the directory entry named name in an OLE
// file (entries are 128 bytes: the name in UTF-16LE, its byte length at
// 64, the stream size at 120).
func dirEntry(t testing.TB, data []byte, name string) int {
	t.Helper()
	var enc []byte
	for _, u := range utf16.Encode([]rune(name)) {
		enc = binary.LittleEndian.AppendUint16(enc, u)
	}
	enc = append(enc, 0, 0)
	for off := 512; off+128 <= len(data); off += 128 {
		if bytes.HasPrefix(data[off:], enc) {
			return off
		}
	}
	t.Fatalf("no directory entry %q", name)
	return 0
}

// rename gives a directory entry another name.
func rename(t testing.TB, data []byte, from, to string) []byte {
	t.Helper()
	out := bytes.Clone(data)
	off := dirEntry(t, out, from)
	clear(out[off : off+64])
	u := utf16.Encode([]rune(to))
	for i, c := range u {
		binary.LittleEndian.PutUint16(out[off+2*i:], c)
	}
	binary.LittleEndian.PutUint16(out[off+64:], uint16(2*len(u)+2))
	return out
}

func TestDOC(t *testing.T) {
	orig := fixture(t)
	encrypted := bytes.Clone(orig)
	// The WordDocument stream starts with the FIB (wIdent 0xA5EC) on a
	// sector boundary; fEncrypted is bit 8 of the flags at byte 10.
	for off := 512; off+12 <= len(encrypted); off += 512 {
		if encrypted[off] == 0xEC && encrypted[off+1] == 0xA5 {
			encrypted[off+11] |= 0x01
			break
		}
	}
	looping := bytes.Clone(orig)
	binary.LittleEndian.PutUint32(looping[dirEntry(t, looping, "WordDocument")+120:], 1<<30)
	// The directory's sector chain pointing back at its own first sector:
	// its FAT entry (FAT sector from the header's DIFAT at 76, directory
	// start at 48) names itself.
	dirLoop := bytes.Clone(orig)
	dir := binary.LittleEndian.Uint32(dirLoop[48:])
	fat := binary.LittleEndian.Uint32(dirLoop[76:])
	binary.LittleEndian.PutUint32(dirLoop[int(fat+1)*512+4*int(dir):], dir)
	tests := []struct {
		name    string
		data    []byte
		wantErr error
		detail  string
	}{
		{"encrypted", encrypted, parsers.ErrEncrypted, "password-protected Word document"},
		{"password-protected OOXML", rename(t, orig, "WordDocument", "EncryptedPackage"), parsers.ErrEncrypted, "password-protected Office document"},
		{"Excel", rename(t, orig, "WordDocument", "Workbook"), parsers.ErrUnsupported, "Excel workbook"},
		{"sector chain longer than the file", looping, parsers.ErrCorrupt, "sector chain loops"},
		{"directory sector chain loops", dirLoop, parsers.ErrCorrupt, "cycle"},
		{"truncated", orig[:len(orig)/2], parsers.ErrCorrupt, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := parsertest.ExtractBytes(t, tt.data, parsers.Limits{})
			if !errors.Is(err, tt.wantErr) || !strings.Contains(err.Error(), tt.detail) {
				t.Errorf("error %v, want %v with %q", err, tt.wantErr, tt.detail)
			}
		})
	}
}

func FuzzDOC(f *testing.F) {
	parsertest.Seed(f, fixtures, "*.doc")
	f.Fuzz(parsertest.Fuzz)
}

// TestDOCTables: cells and rows come from the paragraphs' table
// properties, so an empty cell does not end its row and a cell's two
// paragraphs stay on the row's line; an empty last cell is a tab at the
// row's end ("Cloud", "AWS", ""). table-cells.doc is LibreOffice's Word
// 97 conversion of table-cells.html.
func TestDOCTables(t *testing.T) {
	doc, err := parsers.ExtractFile(t.Context(), fixtures+"/table-cells.doc", parsers.Limits{})
	if err != nil {
		t.Fatal(err)
	}
	if want := "Before the table\nLanguages\t\tGo Rust\nCloud\tAWS\t\nAfter the table"; doc.Text != want {
		t.Errorf("text %q, want %q", doc.Text, want)
	}
}

// TestDOCTrackedDeletion: text deleted with revision marking on stays in
// the file until the change is accepted, but it is not the document's: a
// skill the candidate struck out is not a skill they claim.
// tracked-deletion.doc is LibreOffice's Word 97 conversion of
// tracked-deletion.fodt.
func TestDOCTrackedDeletion(t *testing.T) {
	doc, err := parsers.ExtractFile(t.Context(), fixtures+"/tracked-deletion.doc", parsers.Limits{})
	if err != nil {
		t.Fatal(err)
	}
	if want := "Dana Whitfield\nSkills: Go, Kubernetes\nExperience: eight years of backend work."; doc.Text != want {
		t.Errorf("text %q, want %q", doc.Text, want)
	}
}

// TestDOCCellTabs: a tab or a line break typed inside a cell is a space,
// so the row keeps one line and one tab between cells (two around the
// empty one), and outside a table a tab stays a tab and a break a break. table-tabs.doc is LibreOffice's Word 97 conversion of
// table-tabs.rtf.
func TestDOCCellTabs(t *testing.T) {
	doc, err := parsers.ExtractFile(t.Context(), fixtures+"/table-tabs.doc", parsers.Limits{})
	if err != nil {
		t.Fatal(err)
	}
	if want := "Before the table\nData\t\tSpark or Databricks\nStaff Engineer\t2020 - Present\nRemote"; doc.Text != want {
		t.Errorf("text %q, want %q", doc.Text, want)
	}
}

package screener

import (
	"archive/zip"
	"bytes"
	"io"
	"math"
	"strings"
	"testing"

	"github.com/screener/screener/parsers"
	"github.com/xuri/excelize/v2"
)

// TestRowFileMatchesExcelize: the rows a rowFile writes are, byte for byte,
// those excelize's StreamWriter writes for the same values, whatever the
// text: spaces at either end, line breaks, markup, text that reads as an
// Office escape, control characters, invalid UTF-8, text beyond Excel's
// cell limit; and numbers of any size.
func TestRowFileMatchesExcelize(t *testing.T) {
	texts := []string{"", "plain", " lead", "trail ", "\ttab", "two\nlines", "a<b>&\"c'", "_x0041_", "_x005F_", "_x005F_x0041_",
		"_xD800_ stays?", "_x00zz_", "bell\x07", "bad \xff utf-8", "é 中文 🙂", strings.Repeat("🙂", excelize.TotalCellChars/2+3),
		strings.Repeat("x", excelize.TotalCellChars+5), "\r\n", "&#xA;"}
	numbers := []float64{0, 1, -1, 91.5, 0.1 + 0.2, 1e21, 1.2345678901234567e-7, 123456789012345678, math.MaxFloat64, math.NaN(), math.Inf(-1)}
	var rows [][]any
	for i, s := range texts {
		rows = append(rows, []any{i, excelize.Cell{StyleID: 3, Value: s}, nil, s, parsers.ReasonCorrupt})
	}
	for _, n := range numbers {
		rows = append(rows, []any{excelize.Cell{StyleID: 2, Value: n}, n, nil, excelize.Cell{StyleID: 4, Value: 7}})
	}

	f := excelize.NewFile()
	defer f.Close()
	sw, err := f.NewStreamWriter("Sheet1")
	if err != nil {
		t.Fatal(err)
	}
	rf, err := newRowFile(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer rf.close()
	for i, r := range rows {
		height := float64(i%3) * 7.5
		ref, _ := excelize.CoordinatesToCellName(1, i+2)
		if err := sw.SetRow(ref, r, excelize.RowOpts{Height: height}); err != nil {
			t.Fatal(err)
		}
		if err := rf.setRow(i+2, r, height); err != nil {
			t.Fatal(err)
		}
	}
	if err := sw.Flush(); err != nil {
		t.Fatal(err)
	}
	var book bytes.Buffer
	if err := f.Write(&book); err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(book.Bytes()), int64(book.Len()))
	if err != nil {
		t.Fatal(err)
	}
	var sheet []byte
	for _, zf := range zr.File {
		if zf.Name == "xl/worksheets/sheet1.xml" {
			r, _ := zf.Open()
			sheet, _ = io.ReadAll(r)
		}
	}
	start, end := bytes.Index(sheet, []byte(`<row r="2"`)), bytes.Index(sheet, []byte(`</sheetData>`))
	if start < 0 || end < 0 {
		t.Fatalf("no rows in excelize's sheet: %.300s", sheet)
	}
	r, err := rf.reader()
	if err != nil {
		t.Fatal(err)
	}
	got, _ := io.ReadAll(r)
	want := sheet[start:end]
	if !bytes.Equal(got, want) {
		for i := range min(len(got), len(want)) {
			if got[i] != want[i] {
				t.Fatalf("rows differ at byte %d:\n got …%s\nwant …%s", i, got[max(i-80, 0):min(i+80, len(got))], want[max(i-80, 0):min(i+80, len(want))])
			}
		}
		t.Fatalf("rows differ in length: %d, excelize %d", len(got), len(want))
	}
}

// TestNotesMatchExcelize: the comments part and the VML drawing of the
// notes' boxes are, byte for byte, those excelize writes for the same
// notes on a sheet of the same column widths: a box over narrow columns
// ends further right, text is escaped and cut at Excel's limit.
func TestNotesMatchExcelize(t *testing.T) {
	widths := []float64{6, 24, 7, 10, 36, 3, 2, 28}
	type note struct {
		col, row int
		text     string
	}
	list := []note{{2, 2, "A guess, from the e-mail address: check the name on the CV."}, {6, 3, "narrow <columns> & \"quotes\"\nnext line\ttab"},
		{7, 3, "past the widths"}, {12, 9, "a column of the default width"}, {1, 100000, strings.Repeat("é", excelize.TotalCellChars+2)}}
	f := excelize.NewFile()
	defer f.Close()
	for i, w := range widths {
		name, _ := excelize.ColumnNumberToName(i + 1)
		if err := f.SetColWidth("Sheet1", name, name, w); err != nil {
			t.Fatal(err)
		}
	}
	ns, err := newNotes(t.TempDir(), widths)
	if err != nil {
		t.Fatal(err)
	}
	defer ns.close()
	for _, n := range list {
		ref, _ := excelize.CoordinatesToCellName(n.col, n.row)
		if err := f.AddComment("Sheet1", excelize.Comment{Cell: ref, Author: noteAuthor, Text: n.text}); err != nil {
			t.Fatal(err)
		}
		if err := ns.add(n.col, n.row, n.text); err != nil {
			t.Fatal(err)
		}
	}
	var book bytes.Buffer
	if err := f.Write(&book); err != nil {
		t.Fatal(err)
	}
	parts := zipParts(t, book.Bytes())
	var comments, shapes bytes.Buffer
	if err := ns.writeComments(&comments); err != nil {
		t.Fatal(err)
	}
	if err := ns.writeShapes(&shapes, 1); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		part string
		got  []byte
	}{{commentsPart(1), comments.Bytes()}, {shapesPart(1), shapes.Bytes()}} {
		if want := parts[c.part]; !bytes.Equal(c.got, want) {
			t.Errorf("%s:\n got %.600s\nwant %.600s", c.part, c.got, want)
		}
	}
}

// zipParts reads every part of a zip.
func zipParts(tb testing.TB, b []byte) map[string][]byte {
	tb.Helper()
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		tb.Fatal(err)
	}
	parts := map[string][]byte{}
	for _, zf := range zr.File {
		r, err := zf.Open()
		if err != nil {
			tb.Fatal(err)
		}
		parts[zf.Name], _ = io.ReadAll(r)
		r.Close()
	}
	return parts
}

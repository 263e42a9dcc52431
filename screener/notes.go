package screener

import (
	"bufio"
	"encoding/xml"
	"fmt"
	"io"
	"math"
	"os"
	"strconv"
	"unicode/utf16"

	"github.com/xuri/excelize/v2"
)

// spool is a temporary file written through a buffer and read back once.
// Like the [spill], it is removed as soon as it is created where the
// system allows it, so that a run killed while it writes the workbook
// leaves no copy of the candidates' details beside it.
type spool struct {
	f    *os.File
	w    *bufio.Writer
	name string // removed at close where it could not be at creation
}

func newSpool(dir, pattern string) (*spool, error) {
	f, name, err := tempFile(dir, pattern)
	if err != nil {
		return nil, fmt.Errorf("workbook: %w", err)
	}
	return &spool{f: f, w: bufio.NewWriterSize(f, 64<<10), name: name}, nil
}

// reader returns what was written, from the start.
func (s *spool) reader() (io.Reader, error) {
	if err := s.w.Flush(); err != nil {
		return nil, fmt.Errorf("workbook: %w", err)
	}
	if _, err := s.f.Seek(0, io.SeekStart); err != nil {
		return nil, fmt.Errorf("workbook: %w", err)
	}
	return bufio.NewReaderSize(s.f, 64<<10), nil
}

// close closes the file, and removes it if it is still there.
func (s *spool) close() error {
	err := s.f.Close()
	if s.name != "" {
		os.Remove(s.name)
	}
	return err
}

// notes are a sheet's cell notes (the grey box a guessed name or an OCR'd
// CV shows on hover), written as the sheet's rows are: its comments part
// and the VML drawing of their boxes go to temporary files, copied into
// the workbook when it is written (see [linkingZip]). excelize's
// AddComment holds about 1 KB per note and scans every earlier note for
// each new one: 12,000 notes took 3.8 s. The parts are those excelize
// writes for the same notes, byte for byte (TestNotesMatchExcelize).
type notes struct {
	comments, shapes *spool
	widths           []float64 // the sheet's column widths, for the boxes' anchors
	n                int
}

// noteAuthor is every note's author.
const noteAuthor = "screener"

func newNotes(dir string, widths []float64) (*notes, error) {
	c, err := newSpool(dir, "screener-notes-*.xml")
	if err != nil {
		return nil, err
	}
	s, err := newSpool(dir, "screener-notes-*.vml")
	if err != nil {
		c.close()
		return nil, err
	}
	return &notes{comments: c, shapes: s, widths: widths}, nil
}

func (ns *notes) close() {
	ns.comments.close()
	ns.shapes.close()
}

// add notes the cell at col, row (1-based). Its box's shape id is set
// when the parts are written, from the sheet's id.
func (ns *notes) add(col, row int, text string) error {
	ref, err := excelize.CoordinatesToCellName(col, row)
	if err != nil {
		return err
	}
	n := 0
	for i, r := range text {
		if n += utf16.RuneLen(r); n > excelize.TotalCellChars {
			text = text[:i]
			break
		}
	}
	w := ns.comments.w
	w.WriteString(`<comment ref="`)
	w.WriteString(ref)
	w.WriteString(`" authorId="0"><text><t>`)
	xml.EscapeText(w, []byte(text))
	w.WriteString(`</t></text></comment>`)
	// The box: 140 × 60 pixels from the cell's top left, as excelize
	// places it, over columns of the sheet's widths and rows of the
	// default height (the rows' own heights are not known to it).
	colEnd, x2 := col-1, 140
	for x2 >= ns.colPixels(colEnd+1) {
		colEnd++
		x2 -= ns.colPixels(colEnd)
	}
	rowPx := int(math.Ceil(4.0 / 3.4 * 15))
	rowEnd, y2 := row-1, 60
	for y2 >= rowPx {
		rowEnd++
		y2 -= rowPx
	}
	fmt.Fprintf(ns.shapes.w, `" type="#_x0000_t202" style="position:absolute;73.5pt;width:108pt;height:59.25pt;z-index:1;visibility:hidden" fillcolor="#FBF6D6" strokecolor="#EDEAA1"><v:fill angle="-180" color2="#FBFE82" type="gradient"><o:fill v:ext="view" type="gradientUnscaled"></o:fill></v:fill><v:shadow on="t" color="black" obscured="t"></v:shadow><v:path o:connecttype="none"></v:path><v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox><x:ClientData ObjectType="Note"><x:MoveWithCells></x:MoveWithCells><x:SizeWithCells></x:SizeWithCells><x:Anchor>%d, 23, %d, 0, %d, %d, %d, %d</x:Anchor><x:AutoFill>True</x:AutoFill><x:Row>%d</x:Row><x:Column>%d</x:Column></x:ClientData></v:shape>`+"\x00",
		col-1, row-1, colEnd, x2, rowEnd, y2, row-1, col-1)
	ns.n++
	return nil
}

// colPixels is the width in pixels of column col (1-based), as excelize
// counts it.
func (ns *notes) colPixels(col int) int {
	if col-1 < len(ns.widths) && ns.widths[col-1] > 0 {
		return int(ns.widths[col-1]*8 + 0.5)
	}
	return 64
}

// Where a sheet's notes go in the workbook, named after the sheet's id.
func commentsPart(sheetID int) string { return fmt.Sprintf("xl/comments%d.xml", sheetID) }
func shapesPart(sheetID int) string   { return fmt.Sprintf("xl/drawings/vmlDrawing%d.vml", sheetID) }

// Relationship ids of the notes in a sheet's relationships.
const (
	notesID  = "rIdNotes"
	shapesID = "rIdNoteShapes"
)

// writeComments writes the comments part.
func (ns *notes) writeComments(w io.Writer) error {
	r, err := ns.comments.reader()
	if err != nil {
		return err
	}
	io.WriteString(w, xml.Header+`<comments xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><authors><author>`+noteAuthor+`</author></authors><commentList>`)
	if _, err := io.Copy(w, r); err != nil {
		return err
	}
	_, err = io.WriteString(w, `</commentList></comments>`)
	return err
}

// writeShapes writes the VML drawing of the notes' boxes, numbering the
// shapes from the sheet's id as excelize does.
func (ns *notes) writeShapes(w io.Writer, sheetID int) error {
	r, err := ns.shapes.reader()
	if err != nil {
		return err
	}
	bw := bufio.NewWriterSize(w, 64<<10)
	fmt.Fprintf(bw, `<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel" xmlns:mv="http://macVmlSchemaUri"><o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="%d"></o:idmap></o:shapelayout><v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m0,0l0,21600,21600,21600,21600,0xe"><v:stroke joinstyle="miter"></v:stroke><v:path gradientshapeok="t" o:connecttype="rect"></v:path></v:shapetype>`, sheetID)
	br := r.(*bufio.Reader)
	for i := 1; ; i++ {
		shape, err := br.ReadSlice(0) // a shape is under a kilobyte
		if err == io.EOF {
			break
		}
		if err != nil {
			return err
		}
		bw.WriteString(`<v:shape id="_x0000_s`)
		bw.WriteString(strconv.Itoa(sheetID*1024 + i))
		bw.Write(shape[:len(shape)-1])
	}
	bw.WriteString(`</xml>`)
	return bw.Flush()
}

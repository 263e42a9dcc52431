package screener

import (
	"archive/zip"
	"bufio"
	"bytes"
	"compress/flate"
	"encoding/xml"
	"fmt"
	"io"
	"io/fs"
	"path"

	"github.com/xuri/excelize/v2"
)

// links are a sheet's cell links, written as the sheet's rows are: each
// an external relationship, as Excel writes it (a relative target is
// relative to the workbook's folder), and a <hyperlink> element naming it.
// Both go to temporary files until the workbook is written: a sheet has up
// to 65,530 links, about 6 MiB in memory. excelize adds links one at a
// time and scans all of a sheet's relationships for each, which took 5.6 s
// for 3,000 candidates.
type links struct {
	elems, rels *spool
	n           int
}

func newLinks(dir string) (*links, error) {
	e, err := newSpool(dir, "screener-links-*.xml")
	if err != nil {
		return nil, err
	}
	r, err := newSpool(dir, "screener-links-*.rels")
	if err != nil {
		e.close()
		return nil, err
	}
	return &links{elems: e, rels: r}, nil
}

// add links the cell at col, row (1-based) to target.
func (l *links) add(col, row int, target string) {
	ref, _ := excelize.CoordinatesToCellName(col, row)
	id := linkID(l.n)
	l.n++
	fmt.Fprintf(l.elems.w, `<hyperlink ref="%s" r:id="%s"/>`, ref, id)
	fmt.Fprintf(l.rels.w, `<Relationship Id="%s" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="`, id)
	xml.EscapeText(l.rels.w, []byte(target))
	l.rels.w.WriteString(`" TargetMode="External"/>`)
}

func (l *links) close() {
	l.elems.close()
	l.rels.close()
}

// copyTo copies one of the links' files to w.
func copyTo(w io.Writer, s *spool) error {
	r, err := s.reader()
	if err != nil {
		return err
	}
	_, err = io.Copy(w, r)
	return err
}

// sheetEnd is what a sheet part gets when the workbook is written: the
// rows after its header, its notes and its links, each in files of their
// own.
type sheetEnd struct {
	rows  *rowFile
	notes *notes
	links *links
	id    int // the sheet's id, which names its parts; set by writeLinked
}

// newSheetEnd makes the files of a sheet whose columns have the given
// widths, in dir.
func newSheetEnd(dir string, widths []float64) (*sheetEnd, error) {
	e := &sheetEnd{}
	var err error
	if e.rows, err = newRowFile(dir); err == nil {
		if e.notes, err = newNotes(dir, widths); err == nil {
			e.links, err = newLinks(dir)
		}
	}
	if err != nil {
		e.close()
		return nil, err
	}
	return e, nil
}

func (e *sheetEnd) close() {
	if e.rows != nil {
		e.rows.close()
	}
	if e.notes != nil {
		e.notes.close()
	}
	if e.links != nil {
		e.links.close()
	}
}

// hasLinks reports whether the sheet has links to write.
func (e *sheetEnd) hasLinks() bool { return e.links != nil && e.links.n > 0 }

// hasNotes reports whether the sheet has notes to write.
func (e *sheetEnd) hasNotes() bool { return e.notes != nil && e.notes.n > 0 }

// closeAll closes the files of ends.
func closeAll(ends map[string]*sheetEnd) {
	for _, e := range ends {
		if e != nil {
			e.close()
		}
	}
}

// writeLinked writes the workbook f to w with each sheet's rows and links
// (sheet name -> its end) added. excelize's own Write builds the whole
// file in memory before writing it out (its WriteToBuffer); through its
// zip writer hook, the parts go straight to w instead, the sheets' rows
// and links added on the way (see [linkingZip]).
func writeLinked(w io.Writer, f *excelize.File, ends map[string]*sheetEnd) error {
	parts := map[string]*sheetEnd{}
	for id, name := range f.GetSheetMap() {
		if e := ends[name]; e != nil {
			// excelize names a sheet's part after the sheet's id.
			e.id = id
			parts[fmt.Sprintf("xl/worksheets/sheet%d.xml", id)] = e
		}
	}
	lz := newLinkingZip(w, parts)
	f.SetZipWriter(func(io.Writer) excelize.ZipWriter { return lz })
	// Every byte goes to lz: the buffer excelize hands over stays empty.
	if err := f.Write(io.Discard); err != nil {
		return err
	}
	return lz.err
}

// linkingZip is the zip writer excelize writes a workbook through: it
// writes each part to the file as it comes, and adds to each sheet part
// (xl/worksheets/sheetN.xml) the rows of its [rowFile], and to it and its
// relationships the sheet's hyperlinks and notes; the notes' own parts
// come last, and the package's content types name them. excelize adds
// links one at a time and scans all of a sheet's relationships for each,
// which took 5.6 s for 3,000 candidates; this adds them in one pass. A
// sheet's rows stream through; only what follows them (its print setup
// and table parts, a few hundred bytes), its relationships part and the
// content types are held until the part ends.
type linkingZip struct {
	zw   *zip.Writer
	ends map[string]*sheetEnd // sheet part -> what it gets
	rels map[string]string    // relationships part -> its sheet part, for sheets with links or notes
	done map[string]bool      // parts written
	open *linkingPart         // the part being written, if it is rewritten
	err  error                // the first error finishing a part
}

func newLinkingZip(w io.Writer, ends map[string]*sheetEnd) *linkingZip {
	zw := zip.NewWriter(w)
	// Sheets are the largest parts by far, and fast compression makes them
	// a few percent larger than the default. Parts are written one after
	// the other, each closed before the next is created, so one compressor
	// serves them all: a new one allocates and clears some 1 MB.
	var fw *flate.Writer
	zw.RegisterCompressor(zip.Deflate, func(w io.Writer) (io.WriteCloser, error) {
		if fw == nil {
			var err error
			if fw, err = flate.NewWriter(w, flate.BestSpeed); err != nil {
				return nil, err
			}
			return fw, nil
		}
		fw.Reset(w)
		return fw, nil
	})
	lz := &linkingZip{zw: zw, ends: ends, rels: map[string]string{}, done: map[string]bool{}}
	for part, e := range ends {
		if e.hasLinks() || e.hasNotes() {
			dir, file := path.Split(part)
			lz.rels[dir+"_rels/"+file+".rels"] = part
		}
	}
	return lz
}

// linkingPart is a part being rewritten: a sheet whose rows pass through
// until its end of data, or a relationships or content types part, held
// whole.
type linkingPart struct {
	w     io.Writer
	end   *sheetEnd // nil for the content types
	sheet bool
	held  []byte // a sheet: what follows its rows; else the whole part
	rows  bool   // a sheet: its rows are all through
}

// contentTypesPart names the parts' content types.
const contentTypesPart = "[Content_Types].xml"

func (lz *linkingZip) Create(name string) (io.Writer, error) {
	if err := lz.finish(); err != nil {
		return nil, err
	}
	w, err := lz.zw.Create(name)
	if err != nil {
		return nil, err
	}
	lz.done[name] = true
	if e := lz.ends[name]; e != nil {
		lz.open = &linkingPart{w: w, end: e, sheet: true}
		return lz.open, nil
	}
	if sheet, ok := lz.rels[name]; ok {
		lz.open = &linkingPart{w: w, end: lz.ends[sheet]}
		return lz.open, nil
	}
	if name == contentTypesPart {
		lz.open = &linkingPart{w: w}
		return lz.open, nil
	}
	return w, nil
}

func (lz *linkingZip) AddFS(fsys fs.FS) error { return lz.zw.AddFS(fsys) }

func (lz *linkingZip) Close() error {
	if err := lz.finish(); err != nil {
		return err
	}
	for sheet := range lz.ends {
		if !lz.done[sheet] {
			lz.err = fmt.Errorf("no sheet part %s", sheet)
			return lz.err
		}
	}
	for rel, sheet := range lz.rels {
		if !lz.done[rel] { // a sheet with no relationships yet
			w, err := lz.zw.Create(rel)
			if err != nil {
				return err
			}
			empty := []byte(xml.Header + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>`)
			if err := addRelationships(w, empty, lz.ends[sheet]); err != nil {
				return err
			}
		}
	}
	if !lz.done[contentTypesPart] {
		lz.err = fmt.Errorf("no %s", contentTypesPart)
		return lz.err
	}
	for _, e := range lz.ends {
		if !e.hasNotes() {
			continue
		}
		w, err := lz.zw.Create(commentsPart(e.id))
		if err != nil {
			return err
		}
		if err := e.notes.writeComments(w); err != nil {
			return err
		}
		if w, err = lz.zw.Create(shapesPart(e.id)); err != nil {
			return err
		}
		if err := e.notes.writeShapes(w, e.id); err != nil {
			return err
		}
	}
	return lz.zw.Close()
}

// finish completes the part being rewritten, if any.
func (lz *linkingZip) finish() error {
	p := lz.open
	if p == nil {
		return nil
	}
	lz.open = nil
	var err error
	switch {
	case p.sheet:
		err = p.finishSheet()
	case p.end == nil:
		err = lz.addContentTypes(p.w, p.held)
	default:
		err = addRelationships(p.w, p.held, p.end)
	}
	if err != nil && lz.err == nil {
		lz.err = err
	}
	return err
}

const endOfRows = "</sheetData>"

// Write passes a sheet's rows through and holds the rest; a
// relationships part is held whole.
func (p *linkingPart) Write(b []byte) (int, error) {
	if !p.sheet || p.rows {
		p.held = append(p.held, b...)
		return len(b), nil
	}
	// The end of the rows may straddle two writes: the last bytes that
	// could start it are held back.
	p.held = append(p.held, b...)
	if i := bytes.Index(p.held, []byte(endOfRows)); i >= 0 {
		if _, err := p.w.Write(p.held[:i]); err != nil {
			return 0, err
		}
		p.held = append([]byte(nil), p.held[i:]...)
		p.rows = true
		return len(b), nil
	}
	keep := min(len(p.held), len(endOfRows)-1)
	if _, err := p.w.Write(p.held[:len(p.held)-keep]); err != nil {
		return 0, err
	}
	p.held = append(p.held[:0], p.held[len(p.held)-keep:]...)
	return len(b), nil
}

// finishSheet writes the sheet's rows from its row file, then the rest of
// the part with its links.
func (p *linkingPart) finishSheet() error {
	if !p.rows {
		return fmt.Errorf("no sheet data")
	}
	if p.end.rows != nil {
		r, err := p.end.rows.reader()
		if err != nil {
			return err
		}
		if _, err := io.Copy(p.w, r); err != nil {
			return err
		}
	}
	return addSheetElements(p.w, p.held, p.end)
}

// addContentTypes writes the content types part, types, with those of the
// notes' parts added.
func (lz *linkingZip) addContentTypes(w io.Writer, types []byte) error {
	end := bytes.LastIndex(types, []byte("</Types>"))
	if end < 0 {
		return fmt.Errorf("%s: no end", contentTypesPart)
	}
	var b bytes.Buffer
	b.Write(types[:end])
	vml := false
	for _, e := range lz.ends {
		if !e.hasNotes() {
			continue
		}
		if !vml && !bytes.Contains(types, []byte(`Extension="vml"`)) {
			b.WriteString(`<Default Extension="vml" ContentType="application/vnd.openxmlformats-officedocument.vmlDrawing"></Default>`)
		}
		vml = true
		fmt.Fprintf(&b, `<Override PartName="/%s" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml"></Override>`, commentsPart(e.id))
	}
	b.Write(types[end:])
	_, err := w.Write(b.Bytes())
	return err
}

// linkID is the relationship id of a sheet's i-th hyperlink; excelize
// numbers its own rId1, rId2, ...
func linkID(i int) string { return fmt.Sprintf("rIdLink%d", i+1) }

// addSheetElements writes the end of a sheet part, tail (from its
// </sheetData> on), to w with the sheet's hyperlinks and the drawing of
// its notes where the schema wants them: <hyperlinks> after the sheet's
// data and its conditional formats and validations, before its print
// setup; <legacyDrawing> after its drawings, before its tables.
func addSheetElements(w io.Writer, tail []byte, end *sheetEnd) error {
	if bytes.Contains(tail, []byte("<hyperlinks>")) || bytes.Contains(tail, []byte("<legacyDrawing ")) {
		return fmt.Errorf("hyperlinks or notes already present")
	}
	// before returns where the first of the elements next begins.
	before := func(next ...string) (int, error) {
		for _, n := range next {
			if i := bytes.Index(tail, []byte(n)); i >= 0 {
				return i, nil
			}
		}
		return 0, fmt.Errorf("no end of worksheet")
	}
	links, err := before("<printOptions", "<pageMargins", "<pageSetup", "<headerFooter", "<rowBreaks", "<colBreaks",
		"<customProperties", "<cellWatches", "<ignoredErrors", "<smartTags", "<drawing", "<legacyDrawing", "<picture",
		"<oleObjects", "<controls", "<webPublishItems", "<tableParts", "<extLst", "</worksheet>")
	if err != nil {
		return err
	}
	drawing, err := before("<legacyDrawingHF", "<picture", "<oleObjects", "<controls", "<webPublishItems", "<tableParts", "<extLst", "</worksheet>")
	if err != nil {
		return err
	}
	bw := bufio.NewWriterSize(w, 64<<10)
	bw.Write(tail[:links])
	if end.hasLinks() {
		bw.WriteString("<hyperlinks>")
		if err := copyTo(bw, end.links.elems); err != nil {
			return err
		}
		bw.WriteString("</hyperlinks>")
	}
	bw.Write(tail[links:drawing])
	if end.hasNotes() {
		bw.WriteString(`<legacyDrawing r:id="` + shapesID + `"/>`)
	}
	bw.Write(tail[drawing:])
	return bw.Flush()
}

// addRelationships writes a sheet's relationships part, rels, to w with
// those of its notes and a hyperlink relationship per link added.
func addRelationships(w io.Writer, rels []byte, sheet *sheetEnd) error {
	end := bytes.LastIndex(rels, []byte("</Relationships>"))
	if end < 0 {
		return fmt.Errorf("no relationships")
	}
	bw := bufio.NewWriterSize(w, 64<<10)
	bw.Write(rels[:end])
	if sheet.hasNotes() {
		fmt.Fprintf(bw, `<Relationship Id="%s" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/vmlDrawing" Target="../drawings/vmlDrawing%d.vml"/>`, shapesID, sheet.id)
		fmt.Fprintf(bw, `<Relationship Id="%s" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="../comments%d.xml"/>`, notesID, sheet.id)
	}
	if sheet.hasLinks() {
		if err := copyTo(bw, sheet.links.rels); err != nil {
			return err
		}
	}
	bw.Write(rels[end:])
	return bw.Flush()
}

// finish ends a sheet written through sw: its rows, cols columns and rows
// rows under the header, as table t, then the stream's flush. On an
// error, earlier (err) or here, the sheet's files are removed.
func (e *sheetEnd) finish(sw *excelize.StreamWriter, err error, t excelize.Table, cols, rows int) (*sheetEnd, error) {
	if err == nil {
		last, _ := excelize.CoordinatesToCellName(cols, max(rows+1, 2))
		t.Range = "A1:" + last
		err = sw.AddTable(&t)
	}
	if err == nil {
		err = sw.Flush()
	}
	if err != nil {
		e.close()
		return nil, err
	}
	return e, nil
}

// Package msdoc reads the text of a Word 97–2003 document (.doc): an OLE
// compound file, read with github.com/richardlehane/mscfb, whose
// WordDocument stream holds the text in pieces listed by the piece table.
// Callers use github.com/screener/screener/parsers, which detects the
// format and normalizes the text; this package is its .doc step.
package msdoc

import (
	"context"
	"encoding/binary"
	"fmt"
	"io"
	"regexp"
	"strings"
	"unicode/utf16"

	"github.com/richardlehane/mscfb"
	"golang.org/x/text/encoding/charmap"

	"github.com/screener/screener/parsers/internal/extract"
)

// Extract returns the text of the Word binary document of the given size
// in r (MS-DOC, Word 97 and later): the piece table in the Clx of the
// table stream maps character positions to 8-bit (Windows-1252) or UTF-16
// pieces of the WordDocument stream. The main text comes first with its
// text boxes, then footnotes and endnotes; headers are put before and
// footers after it (and returned as HeaderFooter), told apart by the
// header story table. Field instructions are dropped and a HYPERLINK
// field's target is kept after its result, as for DOCX; a table's cells
// are separated by tabs and its rows end lines; comments are left out.
//
// An encrypted or obfuscated document is [extract.ErrEncrypted], and so is
// an OOXML file protected with a password (an OLE file with an
// EncryptedPackage stream); other compound files (Excel, PowerPoint) and
// Word 6/95 documents are [extract.ErrUnsupported]. A stream whose sector
// chain claims more than the file holds (a loop) is [extract.ErrCorrupt].
func Extract(ctx context.Context, r io.ReaderAt, size int64, lim extract.Limits) (res extract.Result, err error) {
	cf, err := mscfb.New(io.NewSectionReader(r, 0, size))
	if err != nil {
		return res, extract.Newf(extract.ErrCorrupt, "OLE compound file: %v", err)
	}
	streams := map[string]*mscfb.File{}
	for _, f := range cf.File {
		if len(f.Path) == 0 { // top-level streams only
			streams[f.Name] = f
		}
	}
	switch {
	case streams["EncryptedPackage"] != nil:
		return res, &extract.Error{Err: extract.ErrEncrypted, Detail: "password-protected Office document",
			Hint: "ask the candidate for an unprotected copy"}
	case streams["WordDocument"] == nil:
		kind := "OLE compound file without a WordDocument stream"
		switch {
		case streams["Workbook"] != nil || streams["Book"] != nil:
			kind = "Excel workbook"
		case streams["PowerPoint Document"] != nil:
			kind = "PowerPoint presentation"
		}
		return res, &extract.Error{Err: extract.ErrUnsupported, Detail: kind + " (not a Word document)"}
	}
	word, err := readStream(streams["WordDocument"], size)
	if err != nil {
		return res, err
	}
	fib, err := parseFIB(word)
	if err != nil {
		return res, err
	}
	table, err := readStream(streams[fib.tableName()], size)
	if err != nil {
		return res, err
	}
	if err := ctx.Err(); err != nil {
		return res, err
	}
	text, fcs, err := pieceText(word, table, fib, 2*lim.MaxText)
	if err != nil {
		return res, err
	}
	d := &document{text: text, fcs: fcs, fib: fib, paras: paragraphRuns(word, table, fib.fcPlcfBtePapx, fib.lcbPlcfBtePapx),
		deleted: deletedRanges(word, table, fib.fcPlcfBteChpx, fib.lcbPlcfBteChpx)}
	main := d.story(0, fib.ccpText)
	notes := d.story(fib.ftnStart(), fib.ccpFtn) + "\n" + d.story(fib.ednStart(), fib.ccpEdn)
	boxes := d.story(fib.txbxStart(), fib.ccpTxbx)
	header, footer := d.headersFooters(table)
	header = extract.UniqueLines(header + "\n" + d.story(fib.hdrTxbxStart(), fib.ccpHdrTxbx))
	footer = extract.UniqueLines(footer)
	return extract.Result{
		Text:         header + "\n" + main + "\n" + boxes + "\n" + notes + "\n" + footer,
		HeaderFooter: header + footer,
	}, nil
}

// readStream reads a whole stream. A stream cannot hold more than the
// file: a larger declared size means a sector chain that loops back (or a
// damaged directory), and reading it would only repeat sectors.
func readStream(f *mscfb.File, fileSize int64) ([]byte, error) {
	if f == nil {
		return nil, extract.Newf(extract.ErrCorrupt, "missing table stream")
	}
	if f.Size < 0 || f.Size > fileSize {
		return nil, extract.Newf(extract.ErrCorrupt, "stream %s claims %d bytes in a file of %d (its sector chain loops or overruns the file)", f.Name, f.Size, fileSize)
	}
	b := make([]byte, f.Size)
	// mscfb resolves a read's whole sector chain at once: read in chunks
	// so that each resolution stays small.
	for off := 0; off < len(b); {
		n, err := f.Read(b[off:min(off+32<<10, len(b))])
		off += n
		if err != nil && (err != io.EOF || off < len(b)) {
			return nil, extract.Newf(extract.ErrCorrupt, "stream %s: %v", f.Name, err)
		}
		if n == 0 && err == nil {
			return nil, extract.Newf(extract.ErrCorrupt, "stream %s: no progress at byte %d", f.Name, off)
		}
	}
	return b, nil
}

// fib is what we need of the File Information Block (MS-DOC 2.5.1).
type fib struct {
	flags                                   uint16
	ccpText, ccpFtn, ccpHdd, ccpAtn, ccpEdn int
	ccpTxbx, ccpHdrTxbx                     int
	fcClx, lcbClx                           uint32
	fcPlcfHdd, lcbPlcfHdd                   uint32
	fcPlcfBteChpx, lcbPlcfBteChpx           uint32
	fcPlcfBtePapx, lcbPlcfBtePapx           uint32
}

const (
	fibEncrypted   = 0x0100
	fibWhichTblStm = 0x0200
	fibObfuscated  = 0x8000
)

func (f fib) tableName() string {
	if f.flags&fibWhichTblStm != 0 {
		return "1Table"
	}
	return "0Table"
}

// The stories follow one another in character positions (MS-DOC 2.3.1):
// main text, footnotes, headers, comments, endnotes, text boxes, header
// text boxes.
func (f fib) ftnStart() int     { return f.ccpText }
func (f fib) hddStart() int     { return f.ccpText + f.ccpFtn }
func (f fib) ednStart() int     { return f.hddStart() + f.ccpHdd + f.ccpAtn }
func (f fib) txbxStart() int    { return f.ednStart() + f.ccpEdn }
func (f fib) hdrTxbxStart() int { return f.txbxStart() + f.ccpTxbx }
func (f fib) totalStories() int { return f.hdrTxbxStart() + f.ccpHdrTxbx }

// fcLcb reads the i-th offset and length pair of the FIB's FibRgFcLcb.
func fcLcb(blob []byte, i int) (uint32, uint32) {
	if 8*i+8 > len(blob) {
		return 0, 0
	}
	return binary.LittleEndian.Uint32(blob[8*i:]), binary.LittleEndian.Uint32(blob[8*i+4:])
}

func parseFIB(word []byte) (fib, error) {
	var f fib
	if len(word) < 34 || binary.LittleEndian.Uint16(word) != 0xA5EC {
		return f, extract.Newf(extract.ErrCorrupt, "WordDocument stream without a Word file information block")
	}
	nFib := binary.LittleEndian.Uint16(word[2:])
	f.flags = binary.LittleEndian.Uint16(word[10:])
	if f.flags&(fibEncrypted|fibObfuscated) != 0 {
		return f, &extract.Error{Err: extract.ErrEncrypted, Detail: "password-protected Word document",
			Hint: "ask the candidate for an unprotected copy"}
	}
	if nFib < 0x00C1 && nFib != 0 {
		return f, &extract.Error{Err: extract.ErrUnsupported, Detail: fmt.Sprintf("Word 6 or Word 95 document (version %d)", nFib),
			Hint: "save it as .docx or .pdf"}
	}
	// FibBase (32 bytes), then csw 16-bit words, cslw 32-bit words, and
	// cbRgFcLcb pairs of 32-bit offsets and lengths.
	pos := 32
	csw := int(binary.LittleEndian.Uint16(word[pos:]))
	pos += 2 + 2*csw
	if pos+2 > len(word) {
		return f, extract.Newf(extract.ErrCorrupt, "file information block cut short")
	}
	cslw := int(binary.LittleEndian.Uint16(word[pos:]))
	pos += 2
	if cslw < 11 || pos+4*cslw+2 > len(word) {
		return f, extract.Newf(extract.ErrCorrupt, "file information block cut short")
	}
	lw := func(i int) int { return int(int32(binary.LittleEndian.Uint32(word[pos+4*i:]))) }
	f.ccpText, f.ccpFtn, f.ccpHdd = lw(3), lw(4), lw(5)
	f.ccpAtn, f.ccpEdn, f.ccpTxbx, f.ccpHdrTxbx = lw(7), lw(8), lw(9), lw(10)
	for _, n := range []int{f.ccpText, f.ccpFtn, f.ccpHdd, f.ccpAtn, f.ccpEdn, f.ccpTxbx, f.ccpHdrTxbx} {
		if n < 0 || n > len(word) {
			return f, extract.Newf(extract.ErrCorrupt, "story length %d out of range", n)
		}
	}
	pos += 4 * cslw
	cb := int(binary.LittleEndian.Uint16(word[pos:]))
	pos += 2
	blob := word[pos:min(pos+8*cb, len(word))]
	f.fcPlcfHdd, f.lcbPlcfHdd = fcLcb(blob, 11)
	f.fcPlcfBteChpx, f.lcbPlcfBteChpx = fcLcb(blob, 12)
	f.fcPlcfBtePapx, f.lcbPlcfBtePapx = fcLcb(blob, 13)
	f.fcClx, f.lcbClx = fcLcb(blob, 33)
	if f.lcbClx == 0 {
		return f, extract.Newf(extract.ErrCorrupt, "no piece table")
	}
	return f, nil
}

// pieceText assembles the document's characters, in character-position
// order, as UTF-16 code units, from the piece table (the Pcdt in the Clx,
// MS-DOC 2.9.38). It stops after max units.
func pieceText(word, table []byte, f fib, max int) ([]uint16, []uint32, error) {
	if uint64(f.fcClx)+uint64(f.lcbClx) > uint64(len(table)) {
		return nil, nil, extract.Newf(extract.ErrCorrupt, "piece table outside the table stream")
	}
	clx := table[f.fcClx : f.fcClx+f.lcbClx]
	// Skip the Prc entries (property modifiers) before the Pcdt.
	for len(clx) > 0 && clx[0] == 0x01 {
		if len(clx) < 3 {
			return nil, nil, extract.Newf(extract.ErrCorrupt, "piece table cut short")
		}
		n := int(int16(binary.LittleEndian.Uint16(clx[1:])))
		if n < 0 || 3+n > len(clx) {
			return nil, nil, extract.Newf(extract.ErrCorrupt, "bad property modifier in the piece table")
		}
		clx = clx[3+n:]
	}
	if len(clx) < 5 || clx[0] != 0x02 {
		return nil, nil, extract.Newf(extract.ErrCorrupt, "no piece descriptors in the piece table")
	}
	lcb := int(binary.LittleEndian.Uint32(clx[1:]))
	plc := clx[5:]
	if lcb < 4 || lcb > len(plc) || (lcb-4)%12 != 0 {
		return nil, nil, extract.Newf(extract.ErrCorrupt, "piece table of %d bytes", lcb)
	}
	n := (lcb - 4) / 12
	cp := func(i int) int { return int(binary.LittleEndian.Uint32(plc[4*i:])) }
	total := min(f.totalStories(), max)
	out := make([]uint16, 0, min(total, 1<<20))
	fcs := make([]uint32, 0, min(total, 1<<20)) // each character's position in the WordDocument stream
	win := charmap.Windows1252
	for i := 0; i < n && len(out) < total; i++ {
		start, end := cp(i), cp(i+1)
		if end < start || start > len(out) {
			// Pieces are in order and contiguous; a gap or overlap is damage.
			return nil, nil, extract.Newf(extract.ErrCorrupt, "piece %d covers characters %d–%d after %d", i, start, end, len(out))
		}
		if start < len(out) { // overlapping piece: keep what we have
			start = len(out)
			if end <= start {
				continue
			}
		}
		count := min(end-start, total-len(out))
		pcd := plc[4*(n+1)+8*i:]
		fc := binary.LittleEndian.Uint32(pcd[2:])
		offset := int(fc & 0x3FFFFFFF)
		skip := start - cp(i)   // characters of this piece already taken
		if fc&0x40000000 != 0 { // 8-bit piece: one byte per character at fc/2
			offset = offset/2 + skip
			if offset+count > len(word) {
				return nil, nil, extract.Newf(extract.ErrCorrupt, "piece %d lies outside the WordDocument stream", i)
			}
			for j, b := range word[offset : offset+count] {
				out = append(out, uint16(win.DecodeByte(b)))
				fcs = append(fcs, uint32(offset+j))
			}
		} else { // UTF-16LE piece
			offset += 2 * skip
			if offset+2*count > len(word) {
				return nil, nil, extract.Newf(extract.ErrCorrupt, "piece %d lies outside the WordDocument stream", i)
			}
			for j := 0; j < count; j++ {
				out = append(out, binary.LittleEndian.Uint16(word[offset+2*j:]))
				fcs = append(fcs, uint32(offset+2*j))
			}
		}
	}
	return out, fcs, nil
}

type document struct {
	text  []uint16
	fcs   []uint32  // each character's position in the WordDocument stream
	paras []paraRun // paragraph table properties; nil if unknown
	// deleted are the tracked deletions: characters still in the file that
	// the document no longer has.
	deleted []fcRange
	fib     fib
}

// story returns the text of the characters [start, start+n), less tracked
// deletions, with Word's control characters turned into text (MS-DOC
// 2.8.25).
func (d *document) story(start, n int) string {
	if start >= len(d.text) || n <= 0 {
		return ""
	}
	end := min(start+n, len(d.text))
	units, fcs := d.text[start:end], d.fcs[start:end]
	if len(d.deleted) > 0 {
		var ku []uint16
		var kf []uint32
		for i, fc := range fcs {
			if !isDeleted(d.deleted, fc) {
				ku, kf = append(ku, units[i]), append(kf, fc)
			}
		}
		units, fcs = ku, kf
	}
	return d.render(units, fcs)
}

var hyperlink = regexp.MustCompile(`HYPERLINK\s+(?:\\l\s+)?"?([^"\s]+)`)

// render turns a story's characters into text. Fields (0x13 instruction
// 0x14 result 0x15) keep their result; a hyperlink keeps its target too.
// In a table, 0x07 ends a cell (a tab before the next cell's text, see
// [extract.Row]) or, in a row-end paragraph, the row (a line end), and
// paragraphs inside a cell end in a space, as for DOCX;
// without paragraph properties a second 0x07 in a row is taken for the
// row's end.
func (d *document) render(units []uint16, fcs []uint32) string {
	var sb strings.Builder
	type field struct {
		inst      strings.Builder
		inInst    bool
		resultAt  int
		hasResult bool
	}
	var fields []*field
	var row extract.Row // the table row being read
	runes := make([]rune, 0, len(units))
	pos := make([]uint32, 0, len(units))
	for i := 0; i < len(units); i++ {
		r := rune(units[i])
		if utf16.IsSurrogate(r) && i+1 < len(units) {
			if pair := utf16.DecodeRune(r, rune(units[i+1])); pair != 0xFFFD {
				runes, pos = append(runes, pair), append(pos, fcs[i])
				i++
				continue
			}
		}
		runes, pos = append(runes, r), append(pos, fcs[i])
	}
	for i, r := range runes {
		if n := len(fields); n > 0 && fields[n-1].inInst && r != 0x13 && r != 0x14 && r != 0x15 {
			if fields[n-1].inst.Len() < 2048 {
				fields[n-1].inst.WriteRune(r)
			}
			continue
		}
		switch r {
		case 0x13: // field begins: its instruction follows
			if len(fields) < 64 {
				fields = append(fields, &field{inInst: true})
			}
		case 0x14: // field separator: the result follows
			if n := len(fields); n > 0 {
				fields[n-1].inInst = false
				fields[n-1].hasResult, fields[n-1].resultAt = true, sb.Len()
			}
		case 0x15: // field ends
			if n := len(fields); n > 0 {
				f := fields[n-1]
				fields = fields[:n-1]
				if m := hyperlink.FindStringSubmatch(f.inst.String()); m != nil && f.hasResult {
					row.Text(&sb)
					extract.WriteLink(&sb, sb.String()[f.resultAt:], m[1])
				}
			}
		case 0x0D: // paragraph end
			if p, ok := at(d.paras, pos[i]); ok && p.inTable {
				sb.WriteByte(' ')
			} else {
				sb.WriteByte('\n')
			}
		case 0x0B, 0x0C: // line break, page or section break
			if p, ok := at(d.paras, pos[i]); ok && p.inTable {
				sb.WriteByte(' ') // a row stays one line, as a cell's paragraphs do
			} else {
				sb.WriteByte('\n')
			}
		case 0x07: // cell end, or row end
			p, ok := at(d.paras, pos[i])
			if ok && p.rowEnd || !ok && i > 0 && runes[i-1] == 0x07 {
				row.End(&sb)
				sb.WriteByte('\n')
			} else {
				row.Cell(1)
			}
		case 0x09: // a tab is a cell boundary: inside a cell, a space
			if p, ok := at(d.paras, pos[i]); ok && p.inTable {
				sb.WriteByte(' ')
			} else {
				row.Text(&sb)
				sb.WriteByte('\t')
			}
		case 0x1E: // non-breaking hyphen
			row.Text(&sb)
			sb.WriteByte('-')
		case 0x1F: // optional hyphen
		case 0x01, 0x02, 0x03, 0x04, 0x05, 0x08: // pictures, note marks, separators, comment marks, drawings
		default:
			if r < 0x20 {
				continue
			}
			row.Text(&sb) // the tabs before a cell's text, where it has any
			sb.WriteRune(r)
		}
	}
	return sb.String()
}

// headersFooters splits the header story into header and footer text with
// the header story table (PlcfHdd, MS-DOC 2.9.155): six separator stories,
// then six per section: even header, odd header, even footer, odd footer,
// first-page header, first-page footer. Without a usable table the whole
// story counts as header.
func (d *document) headersFooters(table []byte) (header, footer string) {
	f := d.fib
	all := d.story(f.hddStart(), f.ccpHdd)
	if f.lcbPlcfHdd < 8 || uint64(f.fcPlcfHdd)+uint64(f.lcbPlcfHdd) > uint64(len(table)) {
		return all, ""
	}
	plc := table[f.fcPlcfHdd : f.fcPlcfHdd+f.lcbPlcfHdd]
	n := len(plc)/4 - 1
	var h, ft strings.Builder
	prevEnd := 0
	for i := 6; i < n; i++ {
		start := int(binary.LittleEndian.Uint32(plc[4*i:]))
		end := int(binary.LittleEndian.Uint32(plc[4*i+4:]))
		// Stories follow one another; one that reaches back is damage, and
		// reading it would let a hostile table render the text many times.
		if end <= start || end > f.ccpHdd || start < prevEnd {
			continue
		}
		prevEnd = end
		s := d.story(f.hddStart()+start, end-start)
		switch (i - 6) % 6 {
		case 0, 1, 4:
			h.WriteString(s + "\n")
		default:
			ft.WriteString(s + "\n")
		}
	}
	return h.String(), ft.String()
}

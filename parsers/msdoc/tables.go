package msdoc

import (
	"encoding/binary"
	"sort"
)

// paraRun is a run of paragraphs whose marks lie in [start, end) of the
// WordDocument stream, with the table properties they share.
type paraRun struct {
	start, end uint32
	inTable    bool // sprmPFInTable, or a table depth (sprmPItap) above 0
	rowEnd     bool // sprmPFTtp or sprmPFInnerTtp: the mark ends a table row
}

// Single-operation property modifiers (MS-DOC 2.6.2) that say where a
// paragraph sits in a table.
const (
	sprmPFInTable  = 0x2416
	sprmPFTtp      = 0x2417
	sprmPFInnerTtp = 0x244C
	sprmPItap      = 0x6649
)

// paragraphRuns reads the table properties of every paragraph from the
// PAPX bin table (PlcBtePapx, at FibRgFcLcb entry 13) and its formatted
// disk pages (PapxFkp, 512 bytes each in the WordDocument stream). It
// returns the runs sorted by position, or nil when the table is missing or
// damaged; the caller then falls back on the marks alone.
func paragraphRuns(word, table []byte, fc, lcb uint32) []paraRun {
	var runs []paraRun
	ok := eachRun(word, table, fc, lcb, 13, func(page []byte, start, end uint32, off int) {
		r := paraRun{start: start, end: end}
		if off != 0 {
			r.inTable, r.rowEnd = tableProps(page, off)
		}
		runs = append(runs, r)
	})
	if !ok {
		return nil
	}
	sort.Slice(runs, func(i, j int) bool { return runs[i].start < runs[j].start })
	return runs
}

// tableProps reads a PapxInFkp at off in an FKP page: its size, the style
// index, then property modifiers.
func tableProps(page []byte, off int) (inTable, rowEnd bool) {
	if off >= 511 {
		return false, false
	}
	var grp []byte
	if cb := int(page[off]); cb != 0 {
		grp = page[min(off+1, 511):min(off+1+2*cb-1, 511)]
	} else if off+1 < 511 {
		cb2 := int(page[off+1])
		grp = page[min(off+2, 511):min(off+2+2*cb2, 511)]
	}
	if len(grp) < 2 {
		return false, false
	}
	eachSprm(grp[2:], func(sprm uint16, op []byte) { // after the style index
		switch sprm {
		case sprmPFInTable:
			inTable = op[0] != 0
		case sprmPFTtp, sprmPFInnerTtp:
			rowEnd = op[0] != 0
		case sprmPItap:
			inTable = inTable || (len(op) >= 4 && binary.LittleEndian.Uint32(op) > 0)
		}
	})
	return inTable, rowEnd
}

// eachSprm calls fn for each property modifier of prls, with its operand
// (never empty), and stops at the first that runs past the end.
func eachSprm(prls []byte, fn func(sprm uint16, op []byte)) {
	for pos := 0; pos+2 <= len(prls); {
		sprm := binary.LittleEndian.Uint16(prls[pos:])
		pos += 2
		size := 0
		switch sprm >> 13 { // spra: the operand's size
		case 0, 1:
			size = 1
		case 2, 4, 5:
			size = 2
		case 3:
			size = 4
		case 7:
			size = 3
		case 6: // variable: a size byte first (two for sprmTDefTable)
			if pos >= len(prls) {
				return
			}
			if sprm == 0xD608 && pos+2 <= len(prls) {
				size = 2 + int(binary.LittleEndian.Uint16(prls[pos:])) - 1
			} else {
				size = 1 + int(prls[pos])
			}
		}
		if size <= 0 || pos+size > len(prls) {
			return
		}
		fn(sprm, prls[pos:pos+size])
		pos += size
	}
}

// at returns the properties of the paragraph whose mark is at stream
// position fc.
func at(runs []paraRun, fc uint32) (paraRun, bool) {
	i := sort.Search(len(runs), func(i int) bool { return runs[i].end > fc })
	if i < len(runs) && runs[i].start <= fc {
		return runs[i], true
	}
	return paraRun{}, false
}

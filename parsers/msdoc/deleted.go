package msdoc

import (
	"encoding/binary"
	"sort"
)

// sprmCFRMarkDel marks characters as deleted with revision marking on
// (MS-DOC 2.6.1): tracked deletions stay in the file until accepted, but
// they are not text of the document a reader sees.
const sprmCFRMarkDel = 0x0800

// fcRange is [start, end) of the WordDocument stream.
type fcRange struct{ start, end uint32 }

// deletedRanges reads, from the character-property bin table (PlcBteChpx,
// at FibRgFcLcb entry 12) and its formatted disk pages (ChpxFkp, 512
// bytes each), the runs of characters marked deleted, sorted. A missing or
// damaged table gives none: the text is then read whole, as before.
func deletedRanges(word, table []byte, fc, lcb uint32) []fcRange {
	if lcb < 12 || uint64(fc)+uint64(lcb) > uint64(len(table)) {
		return nil
	}
	plc := table[fc : fc+lcb]
	n := (len(plc) - 4) / 8
	var out []fcRange
	runs := 0
	for i := 0; i < n && runs < maxParaRuns; i++ {
		pn := int(binary.LittleEndian.Uint32(plc[4*(n+1)+4*i:]) & 0x3FFFFF)
		if pn*512+512 > len(word) {
			return nil
		}
		page := word[pn*512 : pn*512+512]
		crun := int(page[511])
		if 4*(crun+1)+crun > 511 {
			return nil
		}
		for j := 0; j < crun; j++ {
			runs++
			off := 2 * int(page[4*(crun+1)+j])
			if off == 0 || off >= 511 {
				continue // default properties
			}
			cb := int(page[off])
			deleted := false
			eachSprm(page[off+1:min(off+1+cb, 511)], func(sprm uint16, op []byte) {
				if sprm == sprmCFRMarkDel {
					deleted = op[0]&1 != 0 // 1, or 0x81: the style's value inverted, which is off
				}
			})
			if deleted {
				out = append(out, fcRange{binary.LittleEndian.Uint32(page[4*j:]), binary.LittleEndian.Uint32(page[4*j+4:])})
			}
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].start < out[j].start })
	return out
}

// isDeleted reports whether the character at stream position fc lies in
// one of the sorted ranges.
func isDeleted(ranges []fcRange, fc uint32) bool {
	i := sort.Search(len(ranges), func(i int) bool { return ranges[i].end > fc })
	return i < len(ranges) && ranges[i].start <= fc
}

package msdoc

import "sort"

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
	var out []fcRange
	ok := eachRun(word, table, fc, lcb, 1, func(page []byte, start, end uint32, off int) {
		if off == 0 || off >= 511 {
			return // default properties
		}
		deleted := false
		eachSprm(page[off+1:min(off+1+int(page[off]), 511)], func(sprm uint16, op []byte) {
			if sprm == sprmCFRMarkDel {
				deleted = op[0]&1 != 0 // 1, or 0x81: the style's value inverted, which is off
			}
		})
		if deleted {
			out = append(out, fcRange{start, end})
		}
	})
	if !ok {
		return nil
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

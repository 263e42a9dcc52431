package msdoc

import "encoding/binary"

// maxRuns bounds the runs read from a hostile bin table: a page holds at
// most 101 runs, and a resume has far fewer pages than this.
const maxRuns = 1 << 16

// eachRun walks a bin table (PlcBtePapx or PlcBteChpx, at fc, lcb in the
// table stream) and its formatted disk pages (512 bytes each in the
// WordDocument stream), calling fn with each run's page, its stream
// positions [start, end) and the byte offset of its properties in the
// page (0 for the defaults). bx is the size of a page's entry per run: 13
// bytes in a PapxFkp, 1 in a ChpxFkp. It reports false when the table is
// missing or damaged.
func eachRun(word, table []byte, fc, lcb uint32, bx int, fn func(page []byte, start, end uint32, off int)) bool {
	if lcb < 12 || uint64(fc)+uint64(lcb) > uint64(len(table)) {
		return false
	}
	plc := table[fc : fc+lcb]
	n := (len(plc) - 4) / 8
	runs := 0
	for i := 0; i < n && runs < maxRuns; i++ {
		pn := int(binary.LittleEndian.Uint32(plc[4*(n+1)+4*i:]) & 0x3FFFFF)
		if pn*512+512 > len(word) {
			return false
		}
		page := word[pn*512 : pn*512+512]
		crun := int(page[511])
		if 4*(crun+1)+bx*crun > 511 {
			return false
		}
		for j := 0; j < crun; j++ {
			runs++
			fn(page, binary.LittleEndian.Uint32(page[4*j:]), binary.LittleEndian.Uint32(page[4*j+4:]), 2*int(page[4*(crun+1)+bx*j]))
		}
	}
	return true
}

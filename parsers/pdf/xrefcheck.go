package pdf

import (
	"bytes"
	"compress/zlib"
	"io"

	"github.com/screener/screener/parsers/internal/extract"
)

// checkObjectStreams reads the file's cross-reference streams (following
// /Prev) and refuses a file that places an object stream inside an object
// stream, itself or another. The PDF specification forbids it, and the
// object layer resolves such an object by resolving its container first,
// without end: the recursion exhausts the stack, which no recover can
// catch. A section this check cannot read (a classic table, an indirect
// /Length, a filter other than Flate) is left to the object layer, which
// reads classic tables without recursing.
func checkObjectStreams(r io.ReaderAt, size int64, tail []byte) error {
	i := bytes.LastIndex(tail, []byte("startxref"))
	if i < 0 {
		return nil
	}
	lx := &lexer{data: tail[i+len("startxref"):]}
	t, ok := lx.next()
	if !ok || t.kind != opNumber {
		return nil
	}
	container := map[int]int{} // object number -> the object stream holding it
	seen := map[int64]bool{}
	for off := int64(t.num); off > 0 && off < size && !seen[off] && len(seen) < 64; {
		seen[off] = true
		dict, data, ok := xrefStream(r, size, off)
		if !ok {
			break
		}
		xrefEntries(dict, data, func(obj, typ, field2, _ int) {
			if typ == 2 {
				container[obj] = field2
			}
		})
		prev, ok := dict.get("Prev")
		if !ok || prev.kind != opNumber {
			break
		}
		off = int64(prev.num)
	}
	for obj, in := range container {
		if outer, nested := container[in]; nested {
			return extract.Newf(extract.ErrCorrupt, "cross-reference stream puts object stream %d (holding object %d) inside object stream %d", in, obj, outer)
		}
	}
	return nil
}

// xrefStream reads the cross-reference stream object at off: its
// dictionary and its decoded data.
func xrefStream(r io.ReaderAt, size, off int64) (dict operand, data []byte, ok bool) {
	return streamAt(r, size, off, "XRef")
}

// streamAt reads the stream object of the given /Type at off, if its
// /Length is direct and its filter Flate or none.
func streamAt(r io.ReaderAt, size, off int64, typeName string) (dict operand, data []byte, ok bool) {
	head := make([]byte, min(size-off, 4096))
	n, _ := r.ReadAt(head, off)
	lx := &lexer{data: head[:n]}
	for _, want := range []operandKind{opNumber, opNumber, opKeyword} { // "6 0 obj"
		if t, ok := lx.next(); !ok || t.kind != want {
			return operand{}, nil, false
		}
	}
	dict, ok = lx.next()
	if !ok || dict.kind != opDict {
		return operand{}, nil, false
	}
	if typ, _ := dict.get("Type"); typ.name != typeName {
		return operand{}, nil, false
	}
	length, ok := dict.get("Length")
	if !ok || length.kind != opNumber || length.num <= 0 || length.num > 16<<20 {
		return operand{}, nil, false
	}
	if kw, ok := lx.next(); !ok || kw.name != "stream" {
		return operand{}, nil, false
	}
	start := off + int64(lx.pos)
	if lx.pos < n && head[lx.pos] == '\r' {
		start++
	}
	if int(start-off) < n && head[start-off] == '\n' {
		start++
	}
	raw := make([]byte, int64(length.num))
	if m, _ := r.ReadAt(raw, start); m != len(raw) {
		return operand{}, nil, false
	}
	filter, _ := dict.get("Filter")
	if filter.kind == opArray && len(filter.arr) == 1 {
		filter = filter.arr[0]
	}
	switch filter.name {
	case "":
		data = raw
	case "FlateDecode":
		zr, err := zlib.NewReader(bytes.NewReader(raw))
		if err != nil {
			return operand{}, nil, false
		}
		data, _ = io.ReadAll(io.LimitReader(zr, 64<<20)) // a truncated stream still says something
	default:
		return operand{}, nil, false
	}
	parms, _ := dict.get("DecodeParms")
	if parms.kind == opArray && len(parms.arr) == 1 {
		parms = parms.arr[0]
	}
	if p, _ := parms.get("Predictor"); p.num >= 10 {
		cols := 1
		if c, ok := parms.get("Columns"); ok && c.num >= 1 && c.num < 1<<16 {
			cols = int(c.num)
		}
		data = undoPNGFilters(data, cols, 1) // one byte per field column
	}
	return dict, data, true
}

// xrefEntries calls f for each entry of a cross-reference stream's data:
// its object number, type, second field (for type 1, the offset; for type
// 2, the object stream that holds it) and third (the generation; the index
// in the object stream).
func xrefEntries(dict operand, data []byte, f func(obj, typ, field2, field3 int)) {
	w, _ := dict.get("W")
	if w.kind != opArray || len(w.arr) != 3 {
		return
	}
	var widths [3]int
	row := 0
	for i, x := range w.arr {
		if x.num < 0 || x.num > 8 {
			return
		}
		widths[i] = int(x.num)
		row += widths[i]
	}
	if row == 0 {
		return
	}
	index, _ := dict.get("Index")
	var ranges []int
	for _, x := range index.arr {
		ranges = append(ranges, int(x.num))
	}
	if len(ranges) == 0 {
		sz, _ := dict.get("Size")
		ranges = []int{0, int(sz.num)}
	}
	field := func(b []byte) int {
		v := 0
		for _, c := range b {
			v = v<<8 | int(c)
		}
		return v
	}
	for k := 0; k+1 < len(ranges); k += 2 {
		for obj := ranges[k]; obj < ranges[k]+ranges[k+1] && len(data) >= row; obj++ {
			typ := 1
			if widths[0] > 0 {
				typ = field(data[:widths[0]])
			}
			f(obj, typ, field(data[widths[0]:widths[0]+widths[1]]), field(data[widths[0]+widths[1]:row]))
			data = data[row:]
		}
	}
}

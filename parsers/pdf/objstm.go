package pdf

import (
	"bytes"
	"fmt"
	"io"
	"slices"
	"strconv"
)

// flattenObjectStreams rewrites a file whose cross-reference sections are
// all streams so that the objects its object streams hold become ordinary
// objects, appended after the original bytes and listed with the others in
// one classic cross-reference table. The object layer has no cache: it
// decompresses an object stream from its start for every object it looks
// up there, so a document with fonts in object streams was inflated over
// and over. Here each object stream is inflated once. It returns r
// unchanged (ok false) for anything it does not fully understand (a classic
// or hybrid section, an object stream it cannot read, a total over budget),
// which the object layer then reads as before.
func flattenObjectStreams(r io.ReaderAt, size int64, tail []byte, budget int64) (io.ReaderAt, int64, bool) {
	i := bytes.LastIndex(tail, []byte("startxref"))
	if i < 0 {
		return r, size, false
	}
	lx := &lexer{data: tail[i+len("startxref"):]}
	t, ok := lx.next()
	if !ok || t.kind != opNumber {
		return r, size, false
	}
	type entry struct{ typ, f2, f3 int }
	entries := map[int]entry{}
	var newest operand
	maxObj := 0
	seen := map[int64]bool{}
	for off := int64(t.num); ; {
		if off <= 0 || off >= size || seen[off] || len(seen) >= 64 {
			return r, size, false
		}
		seen[off] = true
		dict, data, ok := xrefStream(r, size, off)
		if !ok {
			return r, size, false
		}
		if len(seen) == 1 {
			newest = dict
		}
		xrefEntries(dict, data, func(obj, typ, f2, f3 int) {
			if _, ok := entries[obj]; !ok {
				entries[obj] = entry{typ, f2, f3}
				maxObj = max(maxObj, obj)
			}
		})
		prev, ok := dict.get("Prev")
		if !ok {
			break
		}
		if prev.kind != opNumber {
			return r, size, false
		}
		off = int64(prev.num)
	}
	// The table lists every number up to the largest: a hostile file
	// naming object 10^9 must not make it a gigabyte.
	if maxObj > 4*len(entries)+1024 {
		return r, size, false
	}
	holders := map[int][]int{} // object stream -> the objects it holds
	for obj, e := range entries {
		if e.typ == 2 {
			holders[e.f2] = append(holders[e.f2], obj)
		}
	}
	if len(holders) == 0 {
		return r, size, false
	}
	out := bytes.NewBuffer(make([]byte, 0, size+size/2))
	if _, err := io.Copy(out, io.NewSectionReader(r, 0, size)); err != nil {
		return r, size, false
	}
	out.WriteString("\n")
	offsets := map[int]int{}
	streams := make([]int, 0, len(holders))
	for s := range holders {
		streams = append(streams, s)
	}
	slices.Sort(streams)
	for _, s := range streams {
		e, ok := entries[s]
		if !ok || e.typ != 1 {
			return r, size, false
		}
		dict, data, ok := streamAt(r, size, int64(e.f2), "ObjStm")
		if !ok {
			return r, size, false
		}
		if budget -= int64(len(data)); budget < 0 {
			return r, size, false
		}
		n, _ := dict.get("N")
		first, _ := dict.get("First")
		if n.num < 0 || first.num <= 0 || int(first.num) > len(data) {
			return r, size, false
		}
		hl := &lexer{data: data[:int(first.num)]}
		type slot struct{ obj, off int }
		var slots []slot
		for k := 0; k < int(n.num); k++ {
			a, ok1 := hl.next()
			b, ok2 := hl.next()
			if !ok1 || !ok2 || a.kind != opNumber || b.kind != opNumber || b.num < 0 || int(first.num)+int(b.num) > len(data) {
				return r, size, false
			}
			slots = append(slots, slot{int(a.num), int(first.num) + int(b.num)})
		}
		ends := make([]int, 0, len(slots))
		for _, sl := range slots {
			ends = append(ends, sl.off)
		}
		slices.Sort(ends)
		wanted := map[int]bool{}
		for _, obj := range holders[s] {
			wanted[obj] = true
		}
		for _, sl := range slots {
			if !wanted[sl.obj] {
				continue
			}
			delete(wanted, sl.obj) // the first listing counts, as in the object layer
			end := len(data)
			if k, _ := slices.BinarySearch(ends, sl.off+1); k < len(ends) {
				end = ends[k]
			}
			offsets[sl.obj] = out.Len()
			fmt.Fprintf(out, "%d 0 obj\n", sl.obj)
			out.Write(data[sl.off:end])
			out.WriteString("\nendobj\n")
		}
		if len(wanted) > 0 { // an object the stream does not list (or an /Extends chain)
			return r, size, false
		}
	}
	xref := out.Len()
	fmt.Fprintf(out, "xref\n0 %d\n", maxObj+1)
	for obj := 0; obj <= maxObj; obj++ {
		e, ok := entries[obj]
		switch {
		case ok && e.typ == 1 && e.f2 > 0:
			fmt.Fprintf(out, "%010d %05d n \n", e.f2, e.f3)
		case ok && e.typ == 2:
			fmt.Fprintf(out, "%010d 00000 n \n", offsets[obj])
		default:
			out.WriteString("0000000000 65535 f \n")
		}
	}
	out.WriteString("trailer\n<< /Size " + strconv.Itoa(maxObj+1))
	for _, key := range []string{"Root", "Info"} {
		if ref, ok := dictRef(newest, key); ok {
			fmt.Fprintf(out, " /%s %d %d R", key, ref.num, ref.gen)
		}
	}
	fmt.Fprintf(out, " >>\nstartxref\n%d\n%%%%EOF\n", xref)
	return bytes.NewReader(out.Bytes()), int64(out.Len()), true
}

// dictRef finds "/key num gen R" in a dictionary operand, whose
// elements a reference spreads over three.
func dictRef(d operand, key string) (objRef, bool) {
	a := d.arr
	for i := 0; i+3 < len(a); i++ {
		if a[i].kind == opName && a[i].name == key && a[i+1].kind == opNumber && a[i+2].kind == opNumber && a[i+3].kind == opKeyword && a[i+3].name == "R" {
			return objRef{uint32(a[i+1].num), uint16(a[i+2].num)}, true
		}
	}
	return objRef{}, false
}

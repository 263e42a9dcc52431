package screener

import (
	"bufio"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"reflect"
	"sync"
)

// spill keeps a run's full records in a temporary file while the run
// keeps only a compact [entry] of each in memory: a record with its
// evidence and breakdown weighs about 11 KB in memory, so 100,000 of them
// would hold a gigabyte for the whole run. The writers read each record
// back when they write its row. The file is removed as soon as it is
// created (on systems that allow it), so nothing is left behind however
// the run ends; its space is freed when the spill is closed.
//
// Appends come from the pool's goroutines under the caller's lock; reads
// (after [spill.sync]) may run concurrently, one per output.
type spill struct {
	f      *os.File
	w      *bufio.Writer
	size   int64 // bytes appended, buffered ones included
	mu     sync.Mutex
	name   string // removed at close where it could not be at creation
	closed bool
	// bufs holds encoding buffers (*[]byte) for the next puts: 100,000
	// records made 1 GB of them.
	bufs sync.Pool
}

func newSpill(dir string) (*spill, error) {
	f, name, err := tempFile(dir, "screener-records-*")
	if err != nil {
		return nil, fmt.Errorf("records file: %w", err)
	}
	return &spill{f: f, w: bufio.NewWriterSize(f, 256<<10), name: name}, nil
}

// tempFile creates a temporary file in dir and removes its name at once
// where the system allows it; name is the file's name if it could not be
// removed (the caller removes it when done), else "".
func tempFile(dir, pattern string) (f *os.File, name string, err error) {
	f, err = os.CreateTemp(dir, pattern)
	if err != nil {
		return nil, "", err
	}
	if os.Remove(f.Name()) != nil {
		name = f.Name()
	}
	return f, name, nil
}

// put appends r and returns where it is.
func (s *spill) put(r *Record) (off int64, size uint32, err error) {
	return s.putValue(r)
}

// putValue appends *v, a struct the spill's encoding knows (a [Record], a
// [parsers.Document]), and returns where it is.
func (s *spill) putValue(v any) (off int64, size uint32, err error) {
	bp, _ := s.bufs.Get().(*[]byte)
	if bp == nil {
		bp = new([]byte)
	}
	defer s.bufs.Put(bp)
	b := appendValue((*bp)[:0], reflect.ValueOf(v).Elem())
	if cap(b) <= maxPooled {
		*bp = b
	}
	if len(b) > math.MaxUint32 {
		return 0, 0, errors.New("too large to spill")
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	off = s.size
	if _, err := s.w.Write(b); err != nil {
		return 0, 0, fmt.Errorf("records file: %w", err)
	}
	s.size += int64(len(b))
	return off, uint32(len(b)), nil
}

// maxPooled is the largest encoding buffer a spill keeps for the next
// put: a record is a few KB, a stored document up to 2 MiB of text.
const maxPooled = 64 << 10

// sync makes every appended record readable.
func (s *spill) sync() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.w.Flush(); err != nil {
		return fmt.Errorf("records file: %w", err)
	}
	return nil
}

// get reads back the record at off; buf, if large enough, is used to read
// it (the record does not share its memory).
func (s *spill) get(off int64, size uint32, buf []byte) (Record, []byte, error) {
	var r Record
	buf, err := s.getValue(off, size, buf, &r)
	return r, buf, err
}

// getIdentity reads back into r, of the record at off, only the fields
// that say whose it is (see [identityFields]); the others are left zero.
// Ranking reads every ranked record so, to find a candidate's other
// resumes: a whole record, with its evidence and breakdown, is many times
// the garbage.
func (s *spill) getIdentity(off int64, size uint32, buf []byte, r *Record) ([]byte, error) {
	*r = Record{}
	buf, err := s.decodeAt(off, size, buf, func(b []byte) *spillDecoder { return &spillDecoder{b: b} }, func(d *spillDecoder) {
		v := reflect.ValueOf(r).Elem()
		for i := range v.NumField() {
			if identityFields[i] {
				d.value(v.Field(i))
			} else {
				d.skip(v.Field(i).Type())
			}
		}
	})
	if err != nil {
		*r = Record{}
	}
	return buf, err
}

// identityFields marks the fields of a [Record] that say whose it is, by
// their index: what finding duplicates and a candidate's other resumes
// reads (see [personKeys]).
var identityFields = func() []bool {
	t := reflect.TypeFor[Record]()
	marks := make([]bool, t.NumField())
	for _, name := range []string{"File", "SHA256", "Name", "Email", "Phone", "Links"} {
		f, ok := t.FieldByName(name)
		if !ok {
			panic("Record has no field " + name)
		}
		marks[f.Index[0]] = true
	}
	return marks
}()

// getValue reads back into *v what putValue wrote at off.
func (s *spill) getValue(off int64, size uint32, buf []byte, v any) ([]byte, error) {
	return s.decodeAt(off, size, buf, newSpillDecoder, func(d *spillDecoder) { d.value(reflect.ValueOf(v).Elem()) })
}

// decodeAt reads the size bytes at off into buf (made larger if it is too
// small) and decodes them with decode, on a decoder newDecoder makes of
// them; decode must use every byte.
func (s *spill) decodeAt(off int64, size uint32, buf []byte, newDecoder func([]byte) *spillDecoder, decode func(*spillDecoder)) ([]byte, error) {
	if cap(buf) < int(size) {
		buf = make([]byte, size)
	}
	buf = buf[:size]
	if _, err := s.f.ReadAt(buf, off); err != nil {
		return buf, fmt.Errorf("records file: %w", err)
	}
	d := newDecoder(buf)
	decode(d)
	if d.err == nil && len(d.b) != 0 {
		d.err = errors.New("trailing bytes")
	}
	if d.err != nil {
		return buf, fmt.Errorf("records file at %d: %w", off, d.err)
	}
	return buf, nil
}

// putEntries appends es after the records, and returns where they are:
// a report keeps its entries there, not in memory (see [Report.scan]).
func (s *spill) putEntries(es []entry) (off int64, err error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	off = s.size
	var b [entrySize]byte
	for i := range es {
		putEntry(b[:], &es[i])
		if _, err := s.w.Write(b[:]); err != nil {
			return 0, fmt.Errorf("records file: %w", err)
		}
	}
	s.size += int64(len(es)) * entrySize
	if err := s.w.Flush(); err != nil {
		return 0, fmt.Errorf("records file: %w", err)
	}
	return off, nil
}

// readEntries reads the n entries putEntries wrote at off into es, which
// it returns; buf, if large enough, is used to read them.
func (s *spill) readEntries(off int64, n int, es []entry, buf []byte) ([]entry, []byte, error) {
	if cap(buf) < n*entrySize {
		buf = make([]byte, n*entrySize)
	}
	buf = buf[:n*entrySize]
	if _, err := s.f.ReadAt(buf, off); err != nil {
		return es, buf, fmt.Errorf("records file: %w", err)
	}
	es = es[:0]
	for i := range n {
		es = append(es, getEntry(buf[i*entrySize:]))
	}
	return es, buf, nil
}

func (s *spill) close() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return nil
	}
	s.closed = true
	err := s.f.Close()
	if s.name != "" {
		os.Remove(s.name)
	}
	return err
}

// entrySpill holds a run's entries in a temporary file while its files
// screen, each at its own place (its index times [entrySize]), written by
// the worker that made it. During the screening, when the list of files
// and the documents in work take the memory, the entries take none; they
// are read back for ranking, when the list is gone. A place never written
// reads as a zero entry.
type entrySpill struct {
	f    *os.File
	name string // removed at close where it could not be at creation
}

// entrySize is the size of an [entry] in a file: an [entrySpill], or a
// report's entries in its spill (see [spill.putEntries]).
const entrySize = 40

// entryChunk is how many entries are read from a file at a time.
const entryChunk = 1024

// putEntry writes e to b[:entrySize].
func putEntry(b []byte, e *entry) {
	le := binary.LittleEndian
	le.PutUint64(b[0:], uint64(e.off))
	le.PutUint64(b[8:], math.Float64bits(e.score))
	le.PutUint32(b[16:], e.size)
	le.PutUint32(b[20:], uint32(e.rank))
	le.PutUint32(b[24:], uint32(e.matched))
	le.PutUint32(b[28:], uint32(e.seq))
	le.PutUint32(b[32:], e.content)
	b[36] = byte(e.status)
	b[37], b[38] = 0, 0
	if e.qualified {
		b[37] = 1
	}
	if e.isNew {
		b[38] = 1
	}
	b[39] = e.keys
}

// getEntry reads the entry putEntry wrote to b.
func getEntry(b []byte) entry {
	le := binary.LittleEndian
	return entry{off: int64(le.Uint64(b[0:])), score: math.Float64frombits(le.Uint64(b[8:])), size: le.Uint32(b[16:]),
		rank: int32(le.Uint32(b[20:])), matched: int32(le.Uint32(b[24:])), seq: int32(le.Uint32(b[28:])), content: le.Uint32(b[32:]),
		status: statusCode(b[36]), qualified: b[37] == 1, isNew: b[38] == 1, keys: b[39]}
}

func newEntrySpill(dir string) (*entrySpill, error) {
	f, name, err := tempFile(dir, "screener-entries-*")
	if err != nil {
		return nil, fmt.Errorf("entries file: %w", err)
	}
	return &entrySpill{f: f, name: name}, nil
}

// put writes e at place i. Puts at different places may run concurrently.
func (s *entrySpill) put(i int, e *entry) error {
	var b [entrySize]byte
	putEntry(b[:], e)
	if _, err := s.f.WriteAt(b[:], int64(i)*entrySize); err != nil {
		return fmt.Errorf("entries file: %w", err)
	}
	return nil
}

// all reads back the entries at places 0 to n-1.
func (s *entrySpill) all(n int) ([]entry, error) {
	es := make([]entry, n)
	buf := make([]byte, entryChunk*entrySize)
	for i := 0; i < n; {
		k := min(n-i, entryChunk)
		m, err := s.f.ReadAt(buf[:k*entrySize], int64(i)*entrySize)
		if err != nil && !errors.Is(err, io.EOF) {
			return nil, fmt.Errorf("entries file: %w", err)
		}
		clear(buf[m : k*entrySize]) // places past the file's end were never written
		for j := range k {
			es[i+j] = getEntry(buf[j*entrySize:])
		}
		i += k
	}
	return es, nil
}

func (s *entrySpill) close() error {
	err := s.f.Close()
	if s.name != "" {
		os.Remove(s.name)
	}
	return err
}

// The spill's encoding walks the record (or document) by reflection, so
// that a field added to [Record] (or to the rules types it holds) is
// spilled without more code; a kind it does not know panics, and TestSpillRoundTrip,
// which fills every field, fails. It is private to a run and never
// versioned. A slice is written as its length plus one, 0 for nil: JSON
// Lines tells a nil list (null) from an empty one ([]).

func encodeSpilled(b []byte, r *Record) []byte {
	return appendValue(b, reflect.ValueOf(r).Elem())
}

func appendValue(b []byte, v reflect.Value) []byte {
	switch v.Kind() {
	case reflect.String:
		b = binary.AppendUvarint(b, uint64(v.Len()))
		return append(b, v.String()...)
	case reflect.Bool:
		if v.Bool() {
			return append(b, 1)
		}
		return append(b, 0)
	case reflect.Int, reflect.Int64, reflect.Int32:
		return binary.AppendVarint(b, v.Int())
	case reflect.Uint8:
		return append(b, byte(v.Uint()))
	case reflect.Float64:
		return binary.LittleEndian.AppendUint64(b, math.Float64bits(v.Float()))
	case reflect.Pointer:
		if v.IsNil() {
			return append(b, 0)
		}
		return appendValue(append(b, 1), v.Elem())
	case reflect.Slice:
		if v.IsNil() {
			return append(b, 0)
		}
		b = binary.AppendUvarint(b, uint64(v.Len())+1)
		if v.Type().Elem().Kind() == reflect.Uint8 {
			return append(b, v.Bytes()...)
		}
		for i := range v.Len() {
			b = appendValue(b, v.Index(i))
		}
		return b
	case reflect.Struct:
		for i := range v.NumField() {
			b = appendValue(b, v.Field(i))
		}
		return b
	}
	panic("spill: cannot encode " + v.Type().String())
}

// spillDecoder reads what appendValue wrote. Made by newSpillDecoder,
// every string it sets is a slice of one copy of the input, so that a
// record costs one allocation for all its strings, not one each; made
// without s, to read a few fields (see [spill.getIdentity]), each string
// is a copy of its own.
type spillDecoder struct {
	b   []byte // what is left to read
	s   string // the whole input, as a string, or ""
	err error
}

func newSpillDecoder(b []byte) *spillDecoder { return &spillDecoder{b: b, s: string(b)} }

var errSpillShort = errors.New("record truncated")

func (d *spillDecoder) uvarint() uint64 {
	v, n := binary.Uvarint(d.b)
	if n <= 0 {
		d.fail()
		return 0
	}
	d.b = d.b[n:]
	return v
}

func (d *spillDecoder) fail() {
	if d.err == nil {
		d.err = errSpillShort
	}
	d.b = nil
}

// bytes takes the next n bytes, or fails.
func (d *spillDecoder) bytes(n uint64) []byte {
	if n > uint64(len(d.b)) {
		d.fail()
		return nil
	}
	p := d.b[:n]
	d.b = d.b[n:]
	return p
}

func (d *spillDecoder) value(v reflect.Value) {
	if d.err != nil {
		return
	}
	switch v.Kind() {
	case reflect.String:
		n := d.uvarint()
		at := len(d.s) - len(d.b)
		if p := d.bytes(n); p != nil && n > 0 {
			if d.s == "" {
				v.SetString(string(p))
			} else {
				v.SetString(d.s[at : at+int(n)])
			}
		}
	case reflect.Bool:
		if p := d.bytes(1); p != nil {
			v.SetBool(p[0] == 1)
		}
	case reflect.Uint8:
		if p := d.bytes(1); p != nil {
			v.SetUint(uint64(p[0]))
		}
	case reflect.Int, reflect.Int64, reflect.Int32:
		x, n := binary.Varint(d.b)
		if n <= 0 {
			d.fail()
			return
		}
		d.b = d.b[n:]
		v.SetInt(x)
	case reflect.Float64:
		if p := d.bytes(8); p != nil {
			v.SetFloat(math.Float64frombits(binary.LittleEndian.Uint64(p)))
		}
	case reflect.Pointer:
		if p := d.bytes(1); p != nil && p[0] == 1 {
			v.Set(reflect.New(v.Type().Elem()))
			d.value(v.Elem())
		}
	case reflect.Slice:
		n := d.uvarint()
		if n == 0 || d.err != nil {
			return
		}
		n--
		if n > uint64(len(d.b)) { // every element takes a byte at least
			d.fail()
			return
		}
		if v.Type().Elem().Kind() == reflect.Uint8 {
			v.SetBytes(append([]byte{}, d.bytes(n)...))
			return
		}
		s := reflect.MakeSlice(v.Type(), int(n), int(n))
		for i := range int(n) {
			d.value(s.Index(i))
		}
		v.Set(s)
	case reflect.Struct:
		for i := range v.NumField() {
			d.value(v.Field(i))
		}
	default:
		panic("spill: cannot decode " + v.Type().String())
	}
}

// skip reads past a value of type t, as value would read it, and keeps
// nothing.
func (d *spillDecoder) skip(t reflect.Type) {
	if d.err != nil {
		return
	}
	switch t.Kind() {
	case reflect.String:
		d.bytes(d.uvarint())
	case reflect.Bool, reflect.Uint8:
		d.bytes(1)
	case reflect.Int, reflect.Int64, reflect.Int32:
		if _, n := binary.Varint(d.b); n <= 0 {
			d.fail()
		} else {
			d.b = d.b[n:]
		}
	case reflect.Float64:
		d.bytes(8)
	case reflect.Pointer:
		if p := d.bytes(1); p != nil && p[0] == 1 {
			d.skip(t.Elem())
		}
	case reflect.Slice:
		n := d.uvarint()
		if n == 0 || d.err != nil {
			return
		}
		n--
		if t.Elem().Kind() == reflect.Uint8 {
			d.bytes(n)
			return
		}
		if n > uint64(len(d.b)) { // every element takes a byte at least
			d.fail()
			return
		}
		for range n {
			d.skip(t.Elem())
		}
	case reflect.Struct:
		for i := range t.NumField() {
			d.skip(t.Field(i).Type)
		}
	default:
		panic("spill: cannot decode " + t.String())
	}
}

// recordSource gives the full record of an entry: from the spill, or from
// a slice in memory (a report made by hand, and the tests' rankings).
type recordSource interface {
	load(e *entry, buf []byte) (Record, []byte, error)
	// loadIdentity is load, into r, of only the fields that say whose
	// the record is (see [identityFields]); the others may be left zero.
	loadIdentity(e *entry, buf []byte, r *Record) ([]byte, error)
	// save replaces the record of e with r, and updates e.
	save(e *entry, r *Record) error
}

func (s *spill) load(e *entry, buf []byte) (Record, []byte, error) {
	return s.get(e.off, e.size, buf)
}

func (s *spill) loadIdentity(e *entry, buf []byte, r *Record) ([]byte, error) {
	return s.getIdentity(e.off, e.size, buf, r)
}

func (s *spill) save(e *entry, r *Record) error {
	off, size, err := s.put(r)
	if err != nil {
		return err
	}
	if err := s.sync(); err != nil {
		return err
	}
	e.off, e.size = off, size
	return nil
}

// memRecords is a recordSource over records in memory; an entry's off is
// its record's index.
type memRecords []Record

func (m memRecords) load(e *entry, buf []byte) (Record, []byte, error) {
	return m[e.off], buf, nil
}

func (m memRecords) loadIdentity(e *entry, buf []byte, r *Record) ([]byte, error) {
	*r = m[e.off]
	return buf, nil
}

func (m memRecords) save(e *entry, r *Record) error {
	m[e.off] = *r
	return nil
}

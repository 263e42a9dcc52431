package screener

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"math"
	"reflect"
	"sync"
	"testing"
	"time"
	"unsafe"

	"github.com/screener/screener/parsers"
	"github.com/screener/screener/rules"
	"github.com/xuri/excelize/v2"
)

// fill sets every field of v to a value other than its zero, by
// reflection, so that a field the spill forgets fails the round trip.
func fill(tb testing.TB, v reflect.Value, n *int) {
	tb.Helper()
	*n++
	switch v.Kind() {
	case reflect.String:
		v.SetString("v" + string(rune('a'+*n%26)) + "é")
	case reflect.Bool:
		v.SetBool(true)
	case reflect.Int, reflect.Int64, reflect.Int32:
		v.SetInt(int64(-*n * 1000))
	case reflect.Uint8:
		v.SetUint(uint64(*n))
	case reflect.Float64:
		v.SetFloat(float64(*n) + 0.25)
	case reflect.Pointer:
		v.Set(reflect.New(v.Type().Elem()))
		fill(tb, v.Elem(), n)
	case reflect.Slice:
		s := reflect.MakeSlice(v.Type(), 2, 2)
		for i := range 2 {
			fill(tb, s.Index(i), n)
		}
		v.Set(s)
	case reflect.Struct:
		for i := range v.NumField() {
			fill(tb, v.Field(i), n)
		}
	default:
		tb.Fatalf("fill: kind %s", v.Kind())
	}
}

// TestSpillRoundTrip: a record read back from the spill is the record
// written, every field of it, and a nil list stays nil while an empty one
// stays empty (JSON Lines shows null and [] apart).
func TestSpillRoundTrip(t *testing.T) {
	var full Record
	n := 0
	fill(t, reflect.ValueOf(&full).Elem(), &n)
	sp, err := newSpill(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer sp.close()
	recs := []Record{full, {}, {File: "e.pdf", Matched: []string{}, Missing: nil, SkillsFound: []rules.Found{}}}
	var es []entry
	for i := range recs {
		off, size, err := sp.put(&recs[i])
		if err != nil {
			t.Fatal(err)
		}
		es = append(es, newEntry(&recs[i], int32(i), off, size))
	}
	if err := sp.sync(); err != nil {
		t.Fatal(err)
	}
	for i := len(es) - 1; i >= 0; i-- { // read in any order
		got, _, err := sp.load(&es[i], nil)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, recs[i]) {
			t.Errorf("record %d:\n got %+v\nwant %+v", i, got, recs[i])
		}
	}
}

// TestSpillIdentity: reading only what says whose a record is gives
// those fields as written, every other field zero, from a record with
// every field set; and it reads the record whole, so that a truncated one
// fails.
func TestSpillIdentity(t *testing.T) {
	var full Record
	n := 0
	fill(t, reflect.ValueOf(&full).Elem(), &n)
	want := Record{File: full.File, SHA256: full.SHA256, Name: full.Name, Email: full.Email, Phone: full.Phone, Links: full.Links}
	sp, err := newSpill(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer sp.close()
	for _, tt := range []struct {
		rec, want Record
	}{
		{full, want},
		{Record{}, Record{}},
		{Record{File: "a.pdf", Links: []string{}, Matched: []string{"Go"}}, Record{File: "a.pdf", Links: []string{}}},
	} {
		off, size, err := sp.put(&tt.rec)
		if err != nil {
			t.Fatal(err)
		}
		if err := sp.sync(); err != nil {
			t.Fatal(err)
		}
		got := full // what getIdentity reads into is cleared first
		_, err = sp.getIdentity(off, size, nil, &got)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("identity of %+v:\n got %+v\nwant %+v", tt.rec, got, tt.want)
		}
		if _, err := sp.getIdentity(off, size-1, nil, &got); err == nil {
			t.Errorf("identity of a record cut short: no error")
		}
	}
}

// FuzzSpillDecode: whatever the bytes, decoding fails or gives a record
// that encodes back to them; it never panics; skipping a record reads as
// far as reading it does.
func FuzzSpillDecode(f *testing.F) {
	r := goldenReport().Records[0]
	f.Add(encodeSpilled(nil, &r))
	f.Add([]byte{0xff, 0xff, 0xff, 0xff, 0x0f})
	f.Fuzz(func(t *testing.T, b []byte) {
		var rec Record
		d := newSpillDecoder(b)
		d.value(reflect.ValueOf(&rec).Elem())
		skipped := &spillDecoder{b: b}
		skipped.skip(reflect.TypeFor[Record]())
		if (skipped.err == nil) != (d.err == nil) || len(skipped.b) != len(d.b) {
			t.Errorf("skipping a record: %v with %d bytes left; reading it: %v with %d", skipped.err, len(skipped.b), d.err, len(d.b))
		}
		if d.err != nil || len(d.b) != 0 {
			return
		}
		if again := encodeSpilled(nil, &rec); !bytes.Equal(again, b) && !reflect.DeepEqual(decodeAll(t, again), rec) {
			t.Errorf("decoded %+v does not encode back", rec)
		}
	})
}

func decodeAll(tb testing.TB, b []byte) Record {
	var rec Record
	d := newSpillDecoder(b)
	d.value(reflect.ValueOf(&rec).Elem())
	if d.err != nil {
		tb.Fatal(d.err)
	}
	return rec
}

// TestSpilledReportMatchesMemory: the outputs of a run, whose records are
// read back from its spill, are those of the same records held in memory:
// JSON Lines byte for byte, the CSV, and every workbook cell with its
// style, link and note. The example folder has every kind of record: ranked,
// same person, duplicate, error, skipped.
func TestSpilledReportMatchesMemory(t *testing.T) {
	set := &rules.Set{Title: "Backend", Required: []rules.Item{{Skill: "Go"}, {Skill: "Docker"}},
		OneOf: []rules.Group{{Skills: []string{"PostgreSQL", "MySQL"}}}, Preferred: []rules.Item{{Skill: "Kubernetes"}}}
	opts := Options{Rules: set, Workers: 2, AsOf: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), TempDir: t.TempDir(),
		Extract: func(ctx context.Context, f FileInfo) (*parsers.Document, error) {
			return parsers.ExtractFile(ctx, f.Path, parsers.Limits{OCR: "off"})
		}}
	rep, err := Run(context.Background(), []string{"../testdata/example/resumes"}, opts)
	if err != nil {
		t.Fatal(err)
	}
	defer rep.Close()
	mem := *rep
	mem.src = nil
	mem.Records = loadReport(t, rep)
	statuses := map[Status]int{}
	for _, r := range mem.Records {
		statuses[r.Status]++
	}
	for _, s := range []Status{StatusOK, StatusSamePerson, StatusDuplicate, StatusError, StatusSkipped} {
		if statuses[s] == 0 {
			t.Errorf("no record of status %s: the fixture no longer covers it", s)
		}
	}
	outputs := func(r *Report) (jsonl, csv string, cells []string) {
		var j, c, x bytes.Buffer
		if err := WriteJSONL(&j, r); err != nil {
			t.Fatal(err)
		}
		if err := WriteCSV(&c, r, CSVOptions{}); err != nil {
			t.Fatal(err)
		}
		if err := WriteWorkbook(&x, r, WorkbookOptions{Rules: set}); err != nil {
			t.Fatal(err)
		}
		return j.String(), c.String(), workbookCells(t, x.Bytes())
	}
	j1, c1, x1 := outputs(rep)
	j2, c2, x2 := outputs(&mem)
	if j1 != j2 {
		t.Errorf("JSON Lines differ:\n%s\nin memory:\n%s", j1, j2)
	}
	if c1 != c2 {
		t.Errorf("CSV differs:\n%s\nin memory:\n%s", c1, c2)
	}
	if !reflect.DeepEqual(x1, x2) {
		t.Errorf("workbook differs:\n%q\nin memory:\n%q", x1, x2)
	}
	if cut := rep.Shortlist(2, 0); cut.countOf(isOK) != 2 || cut.countOf(isNotOK) != rep.countOf(isNotOK) {
		t.Errorf("shortlist of 2: %d ranked, %d others", cut.countOf(isOK), cut.countOf(isNotOK))
	}
}

// workbookCells lists every non-empty cell of a workbook with its style,
// link and note, sheet by sheet.
func workbookCells(tb testing.TB, book []byte) []string {
	tb.Helper()
	wb, err := excelize.OpenReader(bytes.NewReader(book))
	if err != nil {
		tb.Fatal(err)
	}
	var out []string
	for _, sh := range wb.GetSheetList() {
		rows, err := wb.GetRows(sh)
		if err != nil {
			tb.Fatal(err)
		}
		for i, r := range rows {
			for j, v := range r {
				ref, _ := excelize.CoordinatesToCellName(j+1, i+1)
				style, _ := wb.GetCellStyle(sh, ref)
				_, link, _ := wb.GetCellHyperLink(sh, ref)
				out = append(out, fmt.Sprintf("%s!%s %q style %d link %q", sh, ref, v, style, link))
			}
		}
		notes, _ := wb.GetComments(sh)
		for _, n := range notes {
			out = append(out, sh+"!"+n.Cell+" note "+n.Text)
		}
	}
	return out
}

// TestExtractOnceKeepsDocumentsOnDisk: of a run over several jobs, each
// file is extracted once; the later jobs get the document back from the
// spill, every field of it, and a failure as it was.
func TestExtractOnceKeepsDocumentsOnDisk(t *testing.T) {
	var doc parsers.Document
	n := 0
	fill(t, reflect.ValueOf(&doc).Elem(), &n)
	calls := 0
	failure := errors.New("corrupt")
	sp, err := newSpill(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer sp.close()
	once := &extractOnce{docs: sp, done: map[string]*extraction{}, extract: func(_ context.Context, f FileInfo) (*parsers.Document, error) {
		calls++
		if f.Path == "bad.pdf" {
			return nil, failure
		}
		d := doc
		return &d, nil
	}}
	for range 3 {
		got, err := once.get(context.Background(), FileInfo{Path: "cv.pdf"})
		if err != nil || !reflect.DeepEqual(*got, doc) {
			t.Errorf("got %+v, %v; want %+v", got, err, doc)
		}
		if got, err := once.get(context.Background(), FileInfo{Path: "bad.pdf"}); got != nil || err != failure {
			t.Errorf("bad.pdf: %v, %v", got, err)
		}
	}
	if calls != 2 {
		t.Errorf("%d extractions, want one per file", calls)
	}
}

// BenchmarkSpillGet reads back a record with 30 skills found, as the
// writers do for every row.
func BenchmarkSpillGet(b *testing.B) {
	rep, _ := syntheticReport(1)
	r := rep.Records[0]
	for len(r.SkillsFound) < 30 {
		r.SkillsFound = append(r.SkillsFound, r.SkillsFound...)
	}
	sp, err := newSpill(b.TempDir())
	if err != nil {
		b.Fatal(err)
	}
	defer sp.close()
	off, size, err := sp.put(&r)
	if err != nil || sp.sync() != nil {
		b.Fatal(err)
	}
	var buf []byte
	b.ReportAllocs()
	for b.Loop() {
		if _, buf, err = sp.get(off, size, buf); err != nil {
			b.Fatal(err)
		}
	}
}

// TestReplacedEntryKeepsItsPlace: an entry whose record ranking changed
// (a duplicate, another version of one person) points to its new record
// and keeps its place in path order, which stands for its file name.
func TestReplacedEntryKeepsItsPlace(t *testing.T) {
	sp, err := newSpill(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer sp.close()
	files := []string{"a/george.pdf", "a/george-copy.pdf"}
	x := &ranking{src: sp}
	for i, f := range files {
		r := Record{File: f, SHA256: "same", Status: StatusOK, Matched: []string{}}
		off, size, err := sp.put(&r)
		if err != nil {
			t.Fatal(err)
		}
		x.entries = append(x.entries, newEntry(&r, int32(10+i), off, size))
	}
	if err := sp.sync(); err != nil {
		t.Fatal(err)
	}
	before := x.entries[1]
	if err := x.markDuplicates(); err != nil {
		t.Fatal(err)
	}
	e := x.entries[1]
	if e.status != codeDuplicate || e.seq != 11 || e.off == before.off {
		t.Errorf("entry %+v (was %+v): want a duplicate at place 11, with its new record", e, before)
	}
	r, err := x.load(1)
	if err != nil || r.File != files[1] || r.DuplicateOf != files[0] {
		t.Errorf("record %+v, %v; want %s, a duplicate of %s", r, err, files[1], files[0])
	}
}

// TestEntrySpill: entries come back as they were put, every field, from
// concurrent puts at their own places; a place never written is a zero
// entry, also past the last one written.
func TestEntrySpill(t *testing.T) {
	s, err := newEntrySpill(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer s.close()
	tests := []entry{
		{off: 1<<40 + 3, score: 87.25, size: 1<<32 - 1, rank: 7, matched: 12, seq: 1<<31 - 1, content: 0xdeadbeef, status: codeOK, qualified: true, isNew: true, keys: 255},
		{off: 0, score: -0.5, status: codeSkipped, keys: 3},
		{score: math.Inf(1), rank: -1, matched: -2, seq: -3, status: codeOther},
	}
	var wg sync.WaitGroup
	for i := range 3000 {
		if i%3 == 2 {
			continue // never written
		}
		wg.Go(func() {
			e := tests[i%len(tests)]
			e.seq += int32(i)
			if err := s.put(i, &e); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	got, err := s.all(3002)
	if err != nil {
		t.Fatal(err)
	}
	for i, e := range got {
		want := entry{}
		if i < 3000 && i%3 != 2 {
			want = tests[i%len(tests)]
			want.seq += int32(i)
		}
		if e != want {
			t.Errorf("entry %d: %+v, want %+v", i, e, want)
		}
	}
	if unsafe.Sizeof(entry{}) > entrySize {
		t.Errorf("an entry takes %d bytes in memory, more than its %d on disk: the comment on entry is out of date", unsafe.Sizeof(entry{}), entrySize)
	}
}

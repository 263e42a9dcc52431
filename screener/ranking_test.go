package screener

import (
	"fmt"
	"path/filepath"
	"reflect"
	"slices"
	"testing"
)

// The ranking works on compact entries and reads records back from a
// recordSource; these run it over records held in memory, the form the
// tests build, and write its changes back.

func memRanking(recs []Record) *ranking {
	x := &ranking{entries: make([]entry, len(recs)), src: memRecords(recs)}
	seq := make([]int32, len(recs)) // the records in path order, a run's seq
	for i := range seq {
		seq[i] = int32(i)
	}
	slices.SortStableFunc(seq, func(a, b int32) int {
		ad, af := filepath.Split(recs[a].File)
		bd, bf := filepath.Split(recs[b].File)
		return comparePaths(ad, af, bd, bf)
	})
	for place, i := range seq {
		x.entries[i] = newEntry(&recs[i], int32(place), int64(i), 0)
	}
	return x
}

// rank orders records as a run does (see [ranking.rank]).
func rank(recs []Record) []Record {
	x := memRanking(recs)
	x.rank()
	out := make([]Record, len(recs))
	for i, e := range x.entries {
		out[i] = recs[e.off]
		out[i].Rank = int(e.rank)
	}
	return out
}

func markDuplicates(recs []Record) {
	if err := memRanking(recs).markDuplicates(); err != nil {
		panic(err)
	}
}

func markSamePerson(recs []Record) {
	if err := memRanking(recs).markSamePerson(); err != nil {
		panic(err)
	}
}

func count(recs []Record) Counts {
	return countEntries(memRanking(recs).entries)
}

// loadReport returns a report's records, failing the test if they cannot
// be read.
func loadReport(tb testing.TB, rep *Report) []Record {
	tb.Helper()
	recs, err := rep.Load()
	if err != nil {
		tb.Fatal(err)
	}
	return recs
}

// spilledReport ranks recs as a run does: each record in a spill, an
// entry each in memory for ranking, and the ranked entries kept after the
// records (see [Report.keep]).
func spilledReport(tb testing.TB, recs []Record) *Report {
	tb.Helper()
	sp, err := newSpill(tb.TempDir())
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { sp.close() })
	mem := memRanking(recs) // for each record's place in path order
	x := &ranking{src: sp}
	for i := range recs {
		off, size, err := sp.put(&recs[i])
		if err != nil {
			tb.Fatal(err)
		}
		x.entries = append(x.entries, newEntry(&recs[i], mem.entries[i].seq, off, size))
	}
	if err := sp.sync(); err != nil {
		tb.Fatal(err)
	}
	if err := x.markDuplicates(); err != nil {
		tb.Fatal(err)
	}
	if err := x.markSamePerson(); err != nil {
		tb.Fatal(err)
	}
	x.rank()
	rep := &Report{}
	if err := rep.keep(sp, x.entries); err != nil {
		tb.Fatal(err)
	}
	return rep
}

// manyRecords makes n records of every status, with ties of score and of
// matched requirements, copies of one content and resumes of one person.
func manyRecords(n int) []Record {
	statuses := []Status{StatusOK, StatusOK, StatusOK, StatusOK, StatusError, StatusSkipped}
	recs := make([]Record, n)
	for i := range recs {
		r := &recs[i]
		r.File = fmt.Sprintf("batch%d/cv-%05d.pdf", i%3, (i*7919)%n)
		r.SHA256 = fmt.Sprintf("%064x", i)
		r.Status = statuses[i%len(statuses)]
		if r.Status != StatusOK {
			continue
		}
		r.Score = float64((i * 37) % 101)
		r.Qualified = i%5 == 0
		r.Matched = make([]string, i%4)
		r.Name = fmt.Sprintf("Person Number%d", i%900)
		switch {
		case i%11 == 0:
			r.SHA256 = fmt.Sprintf("%064x", i%7) // copies of seven contents
		case i%13 == 0:
			r.Email = fmt.Sprintf("person%d@example.com", i%50) // fifty people who sent several
		}
	}
	return recs
}

// TestSpilledRankingMatchesMemory: a report whose entries are more than
// are read at a time (see [entryChunk]) lists, counts and shortlists its
// records as the same records ranked in memory.
func TestSpilledRankingMatchesMemory(t *testing.T) {
	recs := manyRecords(2*entryChunk + 300)
	rep := spilledReport(t, slices.Clone(recs))
	defer rep.Close()
	want := rank(markAll(slices.Clone(recs)))
	mem := &Report{Records: want}
	statuses := map[Status]int{}
	for _, r := range want {
		statuses[r.Status]++
	}
	if statuses[StatusDuplicate] == 0 || statuses[StatusSamePerson] == 0 {
		t.Fatalf("statuses %v: the records no longer make duplicates and resumes of one person", statuses)
	}
	if rep.Counts != countEntries(memRanking(want).entries) {
		t.Errorf("counts %+v, want %+v", rep.Counts, countEntries(memRanking(want).entries))
	}
	for _, tt := range []struct {
		name string
		cut  func(*Report) *Report
	}{
		{"all", func(r *Report) *Report { return r }},
		{"top 1500", func(r *Report) *Report { return r.Shortlist(1500, 0) }},
		{"50 or more", func(r *Report) *Report { return r.Shortlist(0, 50) }},
		{"top 1100 of 30 or more, then top 700 of 60 or more", func(r *Report) *Report { return r.Shortlist(1100, 30).Shortlist(700, 60) }},
	} {
		got, wantRecs := loadReport(t, tt.cut(rep)), loadReport(t, tt.cut(mem))
		if len(got) != len(wantRecs) {
			t.Errorf("%s: %d records, want %d", tt.name, len(got), len(wantRecs))
			continue
		}
		for i := range got {
			if !reflect.DeepEqual(got[i], wantRecs[i]) {
				t.Errorf("%s: record %d is %+v, want %+v", tt.name, i, got[i], wantRecs[i])
				break
			}
		}
		for _, keep := range []func(*entry) bool{isOK, isNotOK} {
			if g, w := tt.cut(rep).countOf(keep), tt.cut(mem).countOf(keep); g != w {
				t.Errorf("%s: counted %d, want %d", tt.name, g, w)
			}
		}
	}
}

// markAll marks duplicates and resumes of one person among recs, in
// memory, and returns them.
func markAll(recs []Record) []Record {
	markDuplicates(recs)
	markSamePerson(recs)
	return recs
}

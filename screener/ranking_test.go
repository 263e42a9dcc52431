package screener

import (
	"path/filepath"
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

package screener

import (
	"sort"
)

func markDuplicates(records []Record) {
	first := map[string]string{}
	for i := range records {
		r := &records[i]
		if r.Status != StatusOK {
			continue
		}
		if f, ok := first[r.SHA256]; ok {
			*r = Record{File: r.File, SHA256: r.SHA256, Status: StatusDuplicate, Error: "duplicate",
				Message: "same content as " + f, DuplicateOf: f}
			continue
		}
		first[r.SHA256] = r.File
	}
}

// rank orders records: ok records by qualified first, then score, then
// number of matched requirements, then file name; then duplicates, errors
// and skipped files by file name. It assigns ranks 1..n to ok records.
func rank(records []Record) []Record {
	order := map[Status]int{StatusOK: 0, StatusDuplicate: 1, StatusError: 2, StatusSkipped: 3}
	sort.SliceStable(records, func(i, j int) bool {
		a, b := &records[i], &records[j]
		if order[a.Status] != order[b.Status] {
			return order[a.Status] < order[b.Status]
		}
		if a.Status == StatusOK {
			if a.Qualified != b.Qualified {
				return a.Qualified
			}
			if a.Score != b.Score {
				return a.Score > b.Score
			}
			if len(a.Matched) != len(b.Matched) {
				return len(a.Matched) > len(b.Matched)
			}
		}
		return a.File < b.File
	})
	for i := range records {
		if records[i].Status == StatusOK {
			records[i].Rank = i + 1
		}
	}
	return records
}

func count(records []Record) Counts {
	c := Counts{Files: len(records)}
	for _, r := range records {
		switch r.Status {
		case StatusOK:
			c.Screened++
			if r.Qualified {
				c.Qualified++
			}
		case StatusError:
			c.Errors++
		case StatusSkipped:
			c.Skipped++
		case StatusDuplicate:
			c.Duplicates++
		}
	}
	return c
}

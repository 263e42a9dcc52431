package screener

import "testing"

func TestCSVSafe(t *testing.T) {
	tests := []struct{ in, want string }{
		{"=HYPERLINK(\"x\")", "'=HYPERLINK(\"x\")"},
		{"+1 555 0100", "'+1 555 0100"},
		{"-2", "'-2"},
		{"@SUM(A1)", "'@SUM(A1)"},
		{"\tx", "'\tx"},
		{"Alice", "Alice"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := csvSafe(tt.in); got != tt.want {
			t.Errorf("csvSafe(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestRankTieBreaks(t *testing.T) {
	recs := []Record{
		{File: "c.pdf", Status: StatusOK, Score: 50, Qualified: true, Matched: []string{"Go"}},
		{File: "err.pdf", Status: StatusError},
		{File: "b.pdf", Status: StatusOK, Score: 90, Qualified: false},
		{File: "a.pdf", Status: StatusOK, Score: 50, Qualified: true, Matched: []string{"Go"}},
		{File: "d.pdf", Status: StatusOK, Score: 50, Qualified: true, Matched: []string{"Go", "SQL"}},
		{File: "dup.pdf", Status: StatusDuplicate},
	}
	got := rank(recs)
	want := []string{"d.pdf", "a.pdf", "c.pdf", "b.pdf", "dup.pdf", "err.pdf"}
	for i, r := range got {
		if r.File != want[i] {
			t.Fatalf("order %d = %s, want %s", i, r.File, want[i])
		}
	}
	if got[0].Rank != 1 || got[3].Rank != 4 || got[4].Rank != 0 {
		t.Errorf("ranks %d %d %d", got[0].Rank, got[3].Rank, got[4].Rank)
	}
}

func TestMarkDuplicates(t *testing.T) {
	recs := []Record{{File: "a", SHA256: "x", Status: StatusOK}, {File: "b", SHA256: "x", Status: StatusOK}, {File: "c", SHA256: "y", Status: StatusOK}}
	markDuplicates(recs)
	if recs[1].Status != StatusDuplicate || recs[1].DuplicateOf != "a" || recs[0].Status != StatusOK || recs[2].Status != StatusOK {
		t.Errorf("got %+v", recs)
	}
}

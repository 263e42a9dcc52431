package screener

import (
	"slices"
	"strings"
	"testing"
)

func TestCSVSafe(t *testing.T) {
	tests := []struct{ in, want string }{
		{"=HYPERLINK(\"x\")", "'=HYPERLINK(\"x\")"},
		{"@SUM(A1)", "'@SUM(A1)"},
		{"\tx", "'\tx"},
		{"\rx", "'\rx"},
		{"+SUM(A1)", "'+SUM(A1)"},
		{"-2+3", "'-2+3"},
		{"+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"},
		{"+", "'+"},
		{"+1 555 0100", "+1 555 0100"}, // a phone number is data
		{"+44 (0)20 7946-0000", "+44 (0)20 7946-0000"},
		{"-2", "-2"},
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
		{File: "e.pdf", Status: StatusOK, Score: 95, Qualified: false},
		{File: "a.pdf", Status: StatusOK, Score: 50, Qualified: true, Matched: []string{"Go"}},
		{File: "d.pdf", Status: StatusOK, Score: 50, Qualified: true, Matched: []string{"Go", "SQL"}},
		{File: "f.pdf", Status: StatusOK, Score: 60, Qualified: true},
		{File: "dup.pdf", Status: StatusDuplicate},
		{File: "same.pdf", Status: StatusSamePerson},
	}
	got := rank(recs)
	var files []string
	for _, r := range got {
		files = append(files, r.File)
	}
	// Qualified first, then the higher score, then more matched, then path.
	want := []string{"f.pdf", "d.pdf", "a.pdf", "c.pdf", "e.pdf", "b.pdf", "same.pdf", "dup.pdf", "err.pdf"}
	if !slices.Equal(files, want) {
		t.Fatalf("order %v, want %v", files, want)
	}
	if got[0].Rank != 1 || got[5].Rank != 6 || got[6].Rank != 0 {
		t.Errorf("ranks %d %d %d", got[0].Rank, got[5].Rank, got[6].Rank)
	}
}

func TestPathLess(t *testing.T) {
	sorted := []string{"a/george.pdf", "a/george (2).pdf", "a/george-copy.pdf", "a/jane.docx", "a/jane.pdf", "a/sub/x.pdf", "b/a.pdf"}
	for i := range sorted {
		for j := range sorted {
			if got := pathLess(sorted[i], sorted[j]); got != (i < j) {
				t.Errorf("pathLess(%q, %q) = %v", sorted[i], sorted[j], got)
			}
		}
	}
}

// TestMarkDuplicates: of identical files the first in path order is kept,
// whatever order the records come in.
func TestMarkDuplicates(t *testing.T) {
	recs := []Record{{File: "george-copy.pdf", SHA256: "x", Status: StatusOK}, {File: "george.pdf", SHA256: "x", Status: StatusOK},
		{File: "c", SHA256: "y", Status: StatusOK}}
	markDuplicates(recs)
	if recs[0].Status != StatusDuplicate || recs[0].DuplicateOf != "george.pdf" || recs[1].Status != StatusOK || recs[2].Status != StatusOK {
		t.Errorf("got %+v", recs)
	}
	// Every copy is marked, not only the first found.
	recs = []Record{{File: "ann (2).pdf", SHA256: "z", Status: StatusOK}, {File: "ann-copy.pdf", SHA256: "z", Status: StatusOK},
		{File: "ann.pdf", SHA256: "z", Status: StatusOK}}
	markDuplicates(recs)
	if recs[0].DuplicateOf != "ann.pdf" || recs[1].DuplicateOf != "ann.pdf" || recs[0].Status != StatusDuplicate || recs[1].Status != StatusDuplicate || recs[2].Status != StatusOK {
		t.Errorf("three copies: got %+v", recs)
	}
}

func TestMarkSamePerson(t *testing.T) {
	ok := func(file, name, email, phone string, score float64, links ...string) Record {
		return Record{File: file, Status: StatusOK, Name: name, Email: email, Phone: phone, Score: score, Links: links}
	}
	tests := []struct {
		name string
		recs []Record
		same map[string]string // file -> the file it is the same person as
	}{
		{"same e-mail, any case: the better version is kept",
			[]Record{ok("jane.docx", "Jane Doe", "Jane@Example.com", "", 60), ok("jane-2024.pdf", "J. Doe", "jane@example.com", "", 80)},
			map[string]string{"jane.docx": "jane-2024.pdf"}},
		{"same phone, other punctuation",
			[]Record{ok("a.pdf", "Ann Lee", "", "+44 20 7946 0000", 50), ok("b.pdf", "Ann Lee", "", "+44 (20) 7946-0000", 40)},
			map[string]string{"b.pdf": "a.pdf"}},
		{"same name and a shared link",
			[]Record{ok("x.pdf", "Ana Núñez", "", "", 50, "github.com/ana"), ok("y.pdf", "ana nunez", "", "", 70, "github.com/ana/")},
			map[string]string{"x.pdf": "y.pdf"}},
		{"same name and file name in two folders",
			[]Record{ok("in/ana-nunez.pdf", "Ana Nunez", "", "", 50), ok("old/ana-nunez.docx", "Ana Nunez", "", "", 40)},
			map[string]string{"old/ana-nunez.docx": "in/ana-nunez.pdf"}},
		{"a shared name alone is not one person",
			[]Record{ok("a/resume.pdf", "John Smith", "js1@example.com", "", 50), ok("b/resume.pdf", "John Smith", "js2@example.com", "", 40)},
			nil},
		{"numbers that share their last digits are not one phone",
			[]Record{ok("a.pdf", "Ann Lee", "", "+55 11 93827-4615", 50), ok("b.pdf", "Ann Lee", "", "+351 938 274 615", 40)},
			nil},
		{"a placeholder number is no one's",
			[]Record{ok("a.pdf", "Ann Lee", "", "(123) 456-7890", 50), ok("b.pdf", "", "", "123-456-7890", 40),
				ok("c.pdf", "Bo Chan", "", "+1 (234) 567 890", 30)},
			nil},
		{"one number under two names is two people",
			[]Record{ok("a.pdf", "Ann Lee", "", "+44 20 7946 0321", 50), ok("b.pdf", "Bo Chan", "", "+44 20 7946 0321", 40)},
			nil},
		{"a chain joins three: e-mail, then phone",
			[]Record{ok("1.pdf", "Kim Park", "kim@example.com", "", 10), ok("2.pdf", "Kim Park", "kim@example.com", "+82 10 3927 4618", 20),
				ok("3.pdf", "K. Park", "", "+82 10 3927 4618", 30)},
			map[string]string{"1.pdf": "3.pdf", "2.pdf": "3.pdf"}},
		// The two addresses' keys share a 32-bit hash (checked below).
		{"keys that share a hash are told apart",
			[]Record{ok("a.pdf", "Ann Lee", "x198958@example.com", "", 50), ok("b.pdf", "Bo Chan", "x255206@example.com", "", 40),
				ok("c.pdf", "Bo Chan", "x255206@example.com", "", 30), ok("d.pdf", "Cy Dunn", "", "", 20, "cy.dev", "cy.dev")},
			map[string]string{"c.pdf": "b.pdf"}},
	}
	if keyHash("e:x198958@example.com") != keyHash("e:x255206@example.com") {
		t.Fatal("the test's two addresses no longer share a key hash")
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			markSamePerson(tt.recs)
			for _, r := range tt.recs {
				want, isSame := tt.same[r.File]
				switch {
				case isSame && (r.Status != StatusSamePerson || r.SamePersonAs != want || r.Error != "same_person"):
					t.Errorf("%s: status %s, same as %q; want same person as %q", r.File, r.Status, r.SamePersonAs, want)
				case isSame && !strings.HasPrefix(r.Message, "same person as "+want+" (same "):
					t.Errorf("%s: message %q does not say what the two share", r.File, r.Message)
				case !isSame && r.Status != StatusOK:
					t.Errorf("%s: status %s (%s), want ok", r.File, r.Status, r.Message)
				}
			}
		})
	}
}

// TestPhoneKey: a number's digits without a leading 00, for numbers of
// eight digits or more that hold no run of six a template would print.
func TestPhoneKey(t *testing.T) {
	for _, tt := range []struct{ phone, want string }{
		{"+1 (415) 555-0134", "14155550134"},
		{"0044 20 7946 0000", "442079460000"},
		{"5550 1234", "55501234"}, // eight digits
		{"555 0134", ""},          // seven
		{"+44 29 123456", ""},     // six up
		{"+44 29 12345 80", "44291234580"},
		{"+44 20 987654", ""}, // six down
		{"+44 20 98765 30", "44209876530"},
		{"+44 20 7900 0000", ""}, // six alike
		{"+44 20 7950 0000", "442079500000"},
	} {
		if got := phoneKey(tt.phone); got != tt.want {
			t.Errorf("phoneKey(%q) = %q, want %q", tt.phone, got, tt.want)
		}
	}
}

// TestNamedAfter: a file is named after a candidate when its name holds a
// word of theirs of three letters or more.
func TestNamedAfter(t *testing.T) {
	for _, tt := range []struct {
		stem, name string
		want       bool
	}{
		{"ann-lee-cv", "ann lee", true},
		{"lee-2024", "ann lee", true},
		{"cv-al", "al bo", false},
		{"resume", "jane doe", false},
	} {
		if got := namedAfter(tt.stem, tt.name); got != tt.want {
			t.Errorf("namedAfter(%q, %q) = %v, want %v", tt.stem, tt.name, got, tt.want)
		}
	}
}

// TestCountEntries: a report's records counted by status; qualified and
// new among the ranked ones only.
func TestCountEntries(t *testing.T) {
	entries := []entry{
		{status: codeOK, qualified: true, isNew: true}, {status: codeOK, qualified: true}, {status: codeOK},
		{status: codeSamePerson, qualified: true, isNew: true}, {status: codeDuplicate}, {status: codeDuplicate},
		{status: codeError}, {status: codeSkipped}, {status: codeSkipped}, {status: codeSkipped},
	}
	want := Counts{Files: 10, Screened: 3, Qualified: 2, New: 1, SamePerson: 1, Duplicates: 2, Errors: 1, Skipped: 3}
	if got := countEntries(entries); got != want {
		t.Errorf("counts %+v, want %+v", got, want)
	}
}

// TestShortlist: the top ranked candidates scoring at least the minimum,
// and every record that is not a ranked candidate.
func TestShortlist(t *testing.T) {
	rep := &Report{Records: []Record{
		{File: "a.pdf", Status: StatusOK, Score: 80}, {File: "b.pdf", Status: StatusOK, Score: 50}, {File: "c.pdf", Status: StatusOK, Score: 40},
		{File: "d.pdf", Status: StatusDuplicate}, {File: "e.pdf", Status: StatusError},
	}}
	for _, tt := range []struct {
		top   int
		min   float64
		files string
	}{
		{0, 0, "a.pdf b.pdf c.pdf d.pdf e.pdf"},
		{0, 50, "a.pdf b.pdf d.pdf e.pdf"}, // 50 is enough
		{0, 50.5, "a.pdf d.pdf e.pdf"},
		{2, 0, "a.pdf b.pdf d.pdf e.pdf"},
		{1, 45, "a.pdf d.pdf e.pdf"},
		{5, 45, "a.pdf b.pdf d.pdf e.pdf"},
	} {
		var files []string
		for _, r := range loadReport(t, rep.Shortlist(tt.top, tt.min)) {
			files = append(files, r.File)
		}
		if got := strings.Join(files, " "); got != tt.files {
			t.Errorf("Shortlist(%d, %g): %s, want %s", tt.top, tt.min, got, tt.files)
		}
	}
	if err := rep.Close(); err != nil {
		t.Errorf("Close of a report without a temporary file: %v", err)
	}
}

// TestNewCandidates: the New sheet lists ranked candidates marked new,
// not new files that are duplicates or another version of someone.
func TestNewCandidates(t *testing.T) {
	rep := &Report{Records: []Record{
		{File: "a.pdf", SHA256: "a", Status: StatusOK, New: true}, {File: "b.pdf", SHA256: "b", Status: StatusOK},
		{File: "c.pdf", SHA256: "c", Status: StatusDuplicate, New: true}, {File: "d.pdf", SHA256: "d", Status: StatusSamePerson, New: true},
	}}
	if n := rep.countOf(isNewOK); n != 1 {
		t.Errorf("%d new candidates, want 1", n)
	}
}

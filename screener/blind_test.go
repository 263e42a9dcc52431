package screener

import (
	"strings"
	"testing"

	"github.com/screener/screener/rules"
)

func TestBlindColumns(t *testing.T) {
	r := &Record{File: "in/jane-doe.pdf", SHA256: "ABCDEF0123456789", Name: "Jane Doe", Email: "jane@example.org", Phone: "+1 415 555 0134",
		Title: "Staff Engineer", Location: "Austin, TX",
		Links: []string{"github.com/janedoe"}, Rank: 1, Score: 80, Qualified: true, Matched: []string{"Go"},
		SkillsFound: []rules.Found{{Skill: "Go", Evidence: "Jane wrote Go at Acme; she is at jane@example.org"}}}
	env := &tableEnv{}
	var headers, cells []string
	for _, c := range BlindColumns(true) {
		if c.Identifies {
			t.Errorf("blind column %q identifies", c.Header)
		}
		headers = append(headers, c.Header)
		cells = append(cells, c.Value(r, env).Text)
	}
	if headers[1] != "Candidate" || cells[1] != "C-abcdef0123" {
		t.Errorf("second column %q = %q, want the candidate ID", headers[1], cells[1])
	}
	plain := 0
	for _, c := range ShortlistColumns(true) {
		if !c.Identifies {
			plain++
		}
	}
	if len(headers) != plain+1 {
		t.Errorf("%d blind columns, want the %d that do not identify and the ID", len(headers), plain)
	}
	all := strings.Join(cells, "|")
	if !strings.Contains(all, "Staff Engineer") {
		t.Errorf("the title is not in blind cells %q: it does not identify", all)
	}
	for _, s := range []string{"Jane", "Doe", "jane@", "555", "janedoe", "she", "Austin"} {
		if strings.Contains(all, s) {
			t.Errorf("%q in blind cells %q", s, all)
		}
	}
	if !strings.Contains(all, "[name] wrote Go at Acme; [pronoun] is at [email]") {
		t.Errorf("evidence not redacted as expected: %q", all)
	}
}

func TestBlindRecord(t *testing.T) {
	rep := &Report{Records: []Record{
		{File: "in/a.pdf", SHA256: "1111111111aa", Status: StatusOK},
		{File: "in/a.pdf.bak/a.pdf", SHA256: "2222222222bb", Status: StatusSamePerson, Name: "Ann Lee",
			Message: "in/a.pdf.bak/a.pdf: same person as in/a.pdf (Ann Lee, ann@x.org)"},
		{File: "in/huge.pdf", Status: StatusError, Message: "in/huge.pdf: larger than 20 MiB"},
	}}
	ids, err := newFileIDs(rep)
	if err != nil {
		t.Fatal(err)
	}
	got := blindRecord(rep.Records[1], ids)
	if got.File != "C-2222222222" || got.Message != "same person as C-1111111111 ([name], [email])" {
		t.Errorf("%q: %q", got.File, got.Message)
	}
	if got := blindRecord(rep.Records[2], ids); got.File != "(not read)" || got.Message != "larger than 20 MiB" {
		t.Errorf("%q: %q", got.File, got.Message)
	}
	// The longer path is replaced whole, not cut by the shorter one it starts with.
	first := rep.Records[0]
	first.Message = "in/a.pdf: same person as in/a.pdf.bak/a.pdf"
	if got := blindRecord(first, ids); got.File != "C-1111111111" || got.Message != "same person as C-2222222222" {
		t.Errorf("%q: %q", got.File, got.Message)
	}
}

// TestCandidateID: "C-" and the hash's first ten hex digits, lower case;
// empty when there are fewer than ten.
func TestCandidateID(t *testing.T) {
	for _, tt := range []struct{ sha, want string }{
		{"ABCDEF0123456789ab", "C-abcdef0123"},
		{"0123456789", "C-0123456789"},
		{"012345678", ""},
		{"", ""},
	} {
		if got := CandidateID(tt.sha); got != tt.want {
			t.Errorf("CandidateID(%q) = %q, want %q", tt.sha, got, tt.want)
		}
	}
}

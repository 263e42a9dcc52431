package rules

import (
	"slices"
	"strings"
	"testing"
)

// TestIsCode: a two-letter code in capitals, as a country or a US state is
// written after a place or a name.
func TestIsCode(t *testing.T) {
	for w, want := range map[string]bool{"AA": true, "ZZ": true, "GB": true, "@A": false, "A@": false, "[A": false, "A[": false, "gb": false, "G": false, "GBR": false} {
		if got := isCode(w); got != want {
			t.Errorf("isCode(%q) = %v, want %v", w, got, want)
		}
	}
}

func TestLeadingSegment(t *testing.T) {
	for _, tt := range []struct{ line, want string }{
		{"Prénom : Aminata", ""},
		{"Email: jane@example.com", ""},
		{"John Doe john.doe jdoe", "John Doe"},
		{"Jane Roe Senior Engineer", "Jane Roe Senior Engineer"},
	} {
		if got := leadingSegment(tt.line); got != tt.want {
			t.Errorf("leadingSegment(%q) = %q, want %q", tt.line, got, tt.want)
		}
	}
}

// TestNextLine: the next line with text, two lines down at most.
func TestNextLine(t *testing.T) {
	for _, tt := range []struct {
		lines []string
		want  int
	}{
		{[]string{"a", "b"}, 1},
		{[]string{"a", "", "b"}, 2},
		{[]string{"a", "", "", "b"}, -1},
		{[]string{"a"}, -1},
	} {
		if got := nextLine(tt.lines, 0); got != tt.want {
			t.Errorf("nextLine(%q, 0) = %d, want %d", tt.lines, got, tt.want)
		}
	}
}

func TestNameShapes(t *testing.T) {
	f := &nameFinder{}
	for _, tt := range []struct{ s, name, why string }{
		{"Li", "Li", ""},
		{"J.", "", notNameShape},
		{"J. Smith", "J. Smith", ""},
		{"John A Smith", "John A Smith", ""},
	} {
		if name, why := f.nameIn(tt.s); name != tt.name || why != tt.why {
			t.Errorf("nameIn(%q) = %q, %q; want %q, %q", tt.s, name, why, tt.name, tt.why)
		}
	}
}

func TestNameHelpers(t *testing.T) {
	if !isInitials("J.R.") || isInitials("JRR.") {
		t.Errorf("isInitials: J.R. are initials, JRR. is not")
	}
	for _, tt := range []struct {
		w    string
		want []string
	}{
		{"ArashEslami", []string{"Arash", "Eslami"}},
		{"JuanLee", []string{"Juan", "Lee"}},
		{"JohnSMITH", []string{"JohnSMITH"}},
		{"McNair", []string{"McNair"}},
	} {
		if got := splitCamel(tt.w); !slices.Equal(got, tt.want) {
			t.Errorf("splitCamel(%q) = %q, want %q", tt.w, got, tt.want)
		}
	}
	for s, want := range map[string]string{"朱 威": "朱威", "山 田 太 郎": "山田太郎", "C O N T A C T": "CONTACT", "John A Smith": "John A Smith", "J": "J"} {
		if got := joinLetterSpaced(s); got != want {
			t.Errorf("joinLetterSpaced(%q) = %q, want %q", s, got, want)
		}
	}
	for s, want := range map[string]bool{"李明": true, "Li": false, "123": false, "": false} {
		if got := caseless(s); got != want {
			t.Errorf("caseless(%q) = %v, want %v", s, got, want)
		}
	}
	if got := simpleKey(" Work  History:"); got != "work history" {
		t.Errorf("simpleKey = %q, want %q", got, "work history")
	}
	if got := nameParts("P.Nithya Rao"); !slices.Equal(got, []string{"nithya", "rao"}) {
		t.Errorf("nameParts = %q, want the words of two letters or more", got)
	}
	for local, want := range map[string]string{"mary.jane.doe": "Mary Jane Doe", "li.wei": "Li Wei", "a.b.c.d": "", "jdoe": "", "j.doe": ""} {
		if got := nameFromEmail(local); got != want {
			t.Errorf("nameFromEmail(%q) = %q, want %q", local, got, want)
		}
	}
}

// TestCaselessName: names in scripts without capitals.
func TestCaselessName(t *testing.T) {
	for _, tt := range []struct{ s, name, why string }{
		{"朱 威", "朱威", ""},
		{"王 小 明", "王小明", ""},
		{"佐々木太郎", "佐々木太郎", ""},
		{"李明x", "", notNameShape},
		{"محمد بن سلمان العلي", "محمد بن سلمان العلي", ""},
		{"محمد بن سلمان العلي الكبير", "", notNameShape},
	} {
		if name, why := caselessName(tt.s); name != tt.name || why != tt.why {
			t.Errorf("caselessName(%q) = %q, %q; want %q, %q", tt.s, name, why, tt.name, tt.why)
		}
	}
}

// TestEmailConfirmsName: a word of three letters or more of the name in
// the address's local part.
func TestEmailConfirmsName(t *testing.T) {
	f := &nameFinder{emailLocal: "ana.k"}
	if !f.matchesEmail("Ana Kowalska") {
		t.Error("ana.k does not match Ana Kowalska")
	}
	if (&nameFinder{emailLocal: "al.k"}).matchesEmail("Al Kowalski") {
		t.Error("al.k matches Al Kowalski on two letters")
	}
	if !(&nameFinder{emailLocal: "ana"}).confirms("Ana") {
		t.Error("ana does not confirm Ana")
	}
	if (&nameFinder{emailLocal: "ana"}).confirms("Ana Kowalska") {
		t.Error("ana confirms Ana Kowalska")
	}
}

// TestNameInHeaderZone: how far down the header zone, a "Name:" label and
// a line matching the e-mail address are looked for.
func TestNameInHeaderZone(t *testing.T) {
	body := func(n int) string { return strings.Repeat("• Built things\n", n) }
	tests := []struct {
		name, text, want, source string
		uncertain                bool
	}{
		{"on the fifth line, certain", body(4) + "Jane Roe", "Jane Roe", SourceHeader, false},
		{"on the sixth line, a guess", body(5) + "Jane Roe", "Jane Roe", SourceHeader, true},
		{"on the twelfth line with text", body(11) + "Jane Roe", "Jane Roe", SourceHeader, true},
		{"on the thirteenth, further down", body(12) + "Jane Roe", "Jane Roe", SourceBody, true},
		{"a line matching the address on line 60 is too far", "jane.roe@example.com\n" + body(12) + strings.Repeat("\n", 47) + "Jane Roe", "Jane Roe", SourceEmail, true},
		{"a line matching the address on line 59", "jane.roe@example.com\n" + body(12) + strings.Repeat("\n", 46) + "Jane Roe", "Jane Roe", SourceMatchesEmail, false},
		{"a name alone on line 39, further down", body(13) + strings.Repeat("\n", 26) + "Jane Roe", "Jane Roe", SourceBody, true},
		{"a name alone on line 40 is too far", body(13) + strings.Repeat("\n", 27) + "Jane Roe", "", "rejected: " + notNameText, false},
		{"a label on line 200 is too far", strings.Repeat("\n", 200) + "Name: Jane Roe", "", SourceNotFound, false},
		{"a label on line 199", strings.Repeat("\n", 199) + "Name: Jane Roe", "Jane Roe", SourceLabel, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := analyze(t, Resume{Text: tt.text})
			if unc := slices.Contains(p.Uncertain, FieldName); p.Name != tt.want || p.NameSource != tt.source || unc != tt.uncertain {
				t.Errorf("name %q (%s, uncertain %v), want %q (%s, uncertain %v)", p.Name, p.NameSource, unc, tt.want, tt.source, tt.uncertain)
			}
		})
	}
}

// TestNameLabelWithoutColon: "Name Jane Roe" in a table is a label when
// the line holds at most four words; other labels need their colon.
func TestNameLabelWithoutColon(t *testing.T) {
	const top = "Curriculum Vitae\nExperience\nEngineer at Acme\n"
	tests := []struct{ line, want, source string }{
		{"Name Jane Mary Roe", "Jane Mary Roe", SourceLabel},
		{"姓名 李明", "李明", SourceLabel},
		{"Name: • Jane Roe", "Jane Roe", SourceLabel},
	}
	for _, tt := range tests {
		t.Run(tt.line, func(t *testing.T) {
			if p := analyze(t, Resume{Text: top + tt.line}); p.Name != tt.want || p.NameSource != tt.source {
				t.Errorf("name %q (%s), want %q (%s)", p.Name, p.NameSource, tt.want, tt.source)
			}
		})
	}
}

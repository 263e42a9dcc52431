package redact

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite golden files")

func TestText(t *testing.T) {
	tests := []struct {
		name, in string
		id       Identity
		want     string
	}{
		{"email", "write to jane.doe+cv@mail.example.co.uk today", Identity{}, "write to [email] today"},
		{"unicode email", "maría.núñez7@example.com", Identity{}, "[email]"},
		{"email cut by a line break", "jane.doe1401@gmail\n.com", Identity{}, "[email]\n.com"},
		{"orcid", "ORCID 0000-0002-1825-0097", Identity{}, "ORCID [id]"},
		{"german address", "Musterstraße 52 - 11111 Ort; Straße 5, 10115 Berlin", Identity{}, "[address]; [address]"},
		{"obfuscated email", "jane [at] example [dot] com", Identity{}, "[email]"},
		{"urls", "https://jane.dev/work · www.example.org · github.com/jdoe · janedoe.io", Identity{}, "[url] · [url] · [url] · [url]"},
		{"phones", "+1 (415) 555-0134, 607.379.5733 or 0049 30 12345678 ext. 12", Identity{}, "[phone], [phone] or [phone]"},
		{"not phones", "2016-2018 2019-2021; 01.2019 - 03.2022; 5 years; 3.5 GPA; v1.22.3", Identity{}, "2016-2018 2019-2021; 01.2019 - 03.2022; 5 years; 3.5 GPA; v1.22.3"},
		{"date of birth", "DOB: 03/14/1988\nBorn on March 14th, 1988\nGeburtsdatum: 14.03.1988", Identity{}, "[date of birth]\n[date of birth]\n[date of birth]"},
		{"ages", "Age: 34 | 29 years old | aged 41", Identity{}, "[age] | [age] | [age]"},
		{"addresses", "1600 Pennsylvania Avenue NW, Washington, DC 20500\n742 Evergreen Terrace, Springfield\n12 rue de la Paix, 75002 Paris\nP.O. Box 4411", Identity{},
			"[address]\n[address]\n[address]\n[address]"},
		{"us address with state", "55 Main St., Apt 4B, Springfield, IL 62704", Identity{}, "[address]"},
		{"pronouns and gender", "She led her team; he mentored him. Mrs. Lee, a mother of two.", Identity{}, "[pronoun] led [pronoun] team; [pronoun] mentored [pronoun]. [name], a [gender] of two."},
		{"degree is not a title", "MS in Computer Science, Ms. Lee", Identity{}, "MS in Computer Science, [name]"},
		{"labelled", "Gender: female; Nationality: Irish", Identity{}, "[gender]; [personal detail]"},
		{"relatives", "Father’s Name : K. Raj\nSpouse name: Ann", Identity{}, "[personal detail]\n[personal detail]"},
		{"name", "JANE DOE\nJane's projects; Doe, J.; Janet Doerr stays", Identity{Names: []string{"Jane Doe"}}, "[name]\n[name]'s projects; [name], J.; Janet Doerr stays"},
		{"name across a line break", "Jane\nDoe", Identity{Names: []string{"Jane Doe"}}, "[name]\n[name]"},
		{"titled names", "References: Dr. Anna Weber, Mr John Smith; Ms. van der Berg", Identity{Names: []string{"Maria van der Berg"}}, "References: [name], [name]; [gender] [name]"},
		{"known contact details", "reach me at j.doe@corp.example or 555 0134 99", Identity{Emails: []string{"J.Doe@corp.example"}, Phones: []string{"555 0134 99"}}, "reach me at [email] or [phone]"},
		{"skills stay", "Go, Python, ASP.NET, Node.js, C++; Kubernetes since 2019; 2019 – 2022", Identity{}, "Go, Python, ASP.NET, Node.js, C++; Kubernetes since 2019; 2019 – 2022"},
	}
	for _, tt := range tests {
		if got := Text(tt.in, tt.id); got != tt.want {
			t.Errorf("%s:\n got %q\nwant %q", tt.name, got, tt.want)
		}
	}
}

// TestGolden redacts a whole resume written for the test.
func TestGolden(t *testing.T) {
	in, err := os.ReadFile(filepath.Join("testdata", "resume.txt"))
	if err != nil {
		t.Fatal(err)
	}
	got := Text(string(in), Identity{Names: []string{"María-José van der Berg"}, Emails: []string{"maria.vdberg@example.com"}})
	golden := filepath.Join("testdata", "resume.golden.txt")
	if *update {
		os.WriteFile(golden, []byte(got), 0o644)
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if got != string(want) {
		t.Errorf("differs from %s (-update to accept):\n%s", golden, got)
	}
	if strings.Count(got, "\n") != strings.Count(string(in), "\n") {
		t.Error("line count changed")
	}
	for _, gone := range []string{"María", "Berg", "example", "1234", "Hauptstraße", "1988", "Dutch", "married", "she", "Mother", "Smith", "Baker", "7946", "37"} {
		if strings.Contains(strings.ToLower(got), strings.ToLower(gone)) {
			t.Errorf("%q survived", gone)
		}
	}
	for _, kept := range []string{"Go, Python and Kubernetes", "MS in Computer Science", "Jan 2019 – Present", "ASP.NET portal in Node.js", "2016-01 - 2018-12", "Acme GmbH", "2012 - 2014"} {
		if !strings.Contains(got, kept) {
			t.Errorf("%q was removed", kept)
		}
	}
}

// FuzzText: any text, no panic; the identity's e-mail and phone never
// survive; lines stay lines.
func FuzzText(f *testing.F) {
	in, _ := os.ReadFile(filepath.Join("testdata", "resume.txt"))
	f.Add(string(in), "Jane Doe", "jane@example.com")
	f.Add("Jane\n\nDoe 2019-2020 +1 555 0100 000", "Jane  Doe", "x@y.zz")
	f.Fuzz(func(t *testing.T, text, name, email string) {
		got := Text(text, Identity{Names: []string{name}, Emails: []string{email}})
		if strings.Count(got, "\n") != strings.Count(text, "\n") {
			t.Fatalf("line count %d, want %d", strings.Count(got, "\n"), strings.Count(text, "\n"))
		}
		if e := strings.TrimSpace(email); len(e) >= 3 && strings.Contains(strings.ToLower(got), strings.ToLower(e)) && !strings.Contains(strings.ToLower(text), strings.ToLower(e)+strings.ToLower(e)) {
			t.Fatalf("e-mail %q survived in %q", email, got)
		}
	})
}

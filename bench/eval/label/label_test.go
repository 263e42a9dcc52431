package label

import (
	"slices"
	"strings"
	"testing"

	"github.com/screener/screener/rules"
)

// TestLabelFiles checks the committed labels: every skill is a canonical
// taxonomy name, months are given only for labelled skills, unsure names
// known fields, and no file is labelled twice.
func TestLabelFiles(t *testing.T) {
	tax := rules.DefaultTaxonomy()
	fields := []string{"name", "email", "phone", "years", "skills", "months"}
	for _, path := range []string{"../set/labels.jsonl", "../corpus/labels.jsonl"} {
		ls, err := ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if len(ls) < 20 {
			t.Errorf("%s: %d labels, want at least 20", path, len(ls))
		}
		seen := map[string]bool{}
		for _, l := range ls {
			if seen[l.File] {
				t.Errorf("%s: %s labelled twice", path, l.File)
			}
			seen[l.File] = true
			if l.Layout == "" {
				t.Errorf("%s: %s has no layout", path, l.File)
			}
			if strings.HasPrefix(path, "../corpus") && len(l.SHA256) != 64 {
				t.Errorf("%s: %s has no sha256", path, l.File)
			}
			for _, s := range append(slices.Clone(l.Skills), l.SkillsUnsure...) {
				if sk, ok := tax.Lookup(s); !ok || sk.Name != s {
					t.Errorf("%s: %s: %q is not a canonical skill name", path, l.File, s)
				}
			}
			for _, s := range l.SkillsUnsure {
				if slices.Contains(l.Skills, s) {
					t.Errorf("%s: %s: %q is both sure and unsure", path, l.File, s)
				}
			}
			for s := range l.Months {
				if !slices.Contains(l.Skills, s) {
					t.Errorf("%s: %s: months for %q, which is not among its skills", path, l.File, s)
				}
			}
			for _, f := range l.Unsure {
				if !slices.Contains(fields, f) {
					t.Errorf("%s: %s: unsure field %q", path, l.File, f)
				}
			}
		}
	}
}

func TestReadRejectsUnknownFields(t *testing.T) {
	_, err := Read(strings.NewReader(`{"file":"a.pdf","layout":"x","nmae":"typo"}` + "\n"))
	if err == nil {
		t.Fatal("a misspelt field was accepted")
	}
	ls, err := Read(strings.NewReader("\n" + `{"file":"a.pdf","layout":"x","years":null,"skills":[]}` + "\n"))
	if err != nil || len(ls) != 1 || ls[0].Years != nil {
		t.Fatalf("got %+v, %v; want one label with unknown years", ls, err)
	}
}

func TestMentions(t *testing.T) {
	tax := rules.DefaultTaxonomy()
	tests := []struct {
		text string
		want []string
	}{
		{"Built services in Go and Postgres", []string{"Go", "PostgreSQL"}},
		{"we go hiking", nil},
		{"C++ and C# daily", []string{"C++", "C#"}},
		{"Javascripts", nil},
		{"Spring Valley Foods", []string{"Spring"}}, // it proposes; the labeller decides
	}
	for _, tt := range tests {
		got := Mentions(tax, tt.text)
		slices.Sort(got)
		want := slices.Clone(tt.want)
		slices.Sort(want)
		if !slices.Equal(got, want) {
			t.Errorf("Mentions(%q) = %v, want %v", tt.text, got, want)
		}
	}
}

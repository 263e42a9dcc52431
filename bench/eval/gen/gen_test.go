package main

import (
	"flag"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/screener/screener/bench/eval/label"
	"github.com/screener/screener/rules"
)

var update = flag.Bool("update", false, "rewrite bench/eval/set")

// TestSetUpToDate checks that the committed set is what the generator
// writes, so labels cannot drift from their sources.
func TestSetUpToDate(t *testing.T) {
	const committed = "../set"
	if *update {
		if err := run(committed); err != nil {
			t.Fatal(err)
		}
	}
	dir := t.TempDir()
	if err := run(dir); err != nil {
		t.Fatal(err)
	}
	want := readTree(t, dir)
	got := readTree(t, committed)
	for name, b := range want {
		if got[name] != b {
			t.Errorf("%s differs from the generator's output (go test ./bench/eval/gen -update)", name)
		}
	}
	for name := range got {
		if _, ok := want[name]; !ok {
			t.Errorf("%s is not written by the generator", name)
		}
	}
}

func readTree(t *testing.T, root string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(path)
		rel, _ := filepath.Rel(root, path)
		out[filepath.ToSlash(rel)] = string(b)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestFillerNamesNoSkill checks that the text around the skills (titles,
// companies, templates, headings) names no skill, so that the labels,
// which list only the skills the generator put in, are the whole truth;
// and that the trap texts do hold a skill's name.
func TestFillerNamesNoSkill(t *testing.T) {
	tax := rules.DefaultTaxonomy()
	var filler []string
	for _, tr := range tracks {
		filler = append(filler, tr.Label)
		filler = append(filler, tr.Titles...)
		filler = append(filler, tr.Groups...)
	}
	for _, ts := range templates {
		for _, tpl := range ts {
			filler = append(filler, strings.ReplaceAll(tpl, "%s", "·"))
		}
	}
	filler = append(filler, companies...)
	filler = append(filler, universities...)
	for _, d := range degrees {
		filler = append(filler, d.StudyType, d.Area)
	}
	filler = append(filler, "Independent Consultant", "Chess", "Photography", "Choir singing", "Trail running", "Cycling", "restoring old bikes",
		"based in", "Most recent work centres on · and ·.")
	for _, p := range people {
		filler = append(filler, p.Name, p.City)
	}
	for _, f := range filler {
		if m := label.Mentions(tax, f); len(m) > 0 {
			t.Errorf("%q names %v", f, m)
		}
	}
	for _, trap := range append(trapCompanies, "scraping off the rust") {
		if len(label.Mentions(tax, trap)) == 0 {
			t.Errorf("trap %q names no skill", trap)
		}
	}
}

// TestSkillsCanonical checks that the tracks use the taxonomy's canonical
// names and spellings it knows.
func TestSkillsCanonical(t *testing.T) {
	tax := rules.DefaultTaxonomy()
	for name, tr := range tracks {
		for _, sk := range tr.Skills {
			for _, f := range append([]string{sk.Canon}, sk.Forms...) {
				got, ok := tax.Lookup(f)
				if !ok || got.Name != sk.Canon {
					t.Errorf("%s: %q is not %q in the taxonomy (got %q)", name, f, sk.Canon, got.Name)
				}
			}
		}
	}
}

// TestSpanConvention pins the labels' convention for dates.
func TestSpanConvention(t *testing.T) {
	tests := []struct {
		name       string
		start, end date
		present    bool
		want       int
	}{
		{"months count whole", date{2019, 1}, date{2019, 3}, false, 3},
		{"one month", date{2019, 7}, date{2019, 7}, false, 1},
		{"years stand for mid-year", date{2019, 0}, date{2022, 0}, false, 36},
		{"year to month", date{2019, 0}, date{2020, 6}, false, 12},
		{"present is the as-of month", date{2025, 1}, date{}, true, 18},
	}
	for _, tt := range tests {
		if got := months([]span{spanOf(tt.start, tt.end, tt.present)}); got != tt.want {
			t.Errorf("%s: %d months, want %d", tt.name, got, tt.want)
		}
	}
	overlap := []span{spanOf(date{2019, 1}, date{2020, 12}, false), spanOf(date{2020, 1}, date{2021, 6}, false), spanOf(date{2023, 1}, date{2023, 12}, false)}
	if got := months(overlap); got != 30+12 {
		t.Errorf("overlaps: %d months, want 42", got)
	}
}

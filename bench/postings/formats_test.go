package main

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/screener/screener/rules"
)

// meaning is a derived set as YAML without what may differ between the
// formats of one posting: its title (a PDF may wrap a long headline), its
// source and its notes.
func meaning(tb testing.TB, s *rules.Set) string {
	tb.Helper()
	c := *s
	c.Title, c.Source = "", ""
	c.Required = append([]rules.Item(nil), s.Required...)
	c.Preferred = append([]rules.Item(nil), s.Preferred...)
	c.OneOf = append([]rules.Group(nil), s.OneOf...)
	for i := range c.Required {
		c.Required[i].Note = ""
	}
	for i := range c.Preferred {
		c.Preferred[i].Note = ""
	}
	for i := range c.OneOf {
		c.OneOf[i].Note = ""
	}
	if s.Degree != nil {
		d := *s.Degree
		d.Note = ""
		c.Degree = &d
	}
	if s.Experience != nil {
		e := *s.Experience
		e.Note = ""
		c.Experience = &e
	}
	var b strings.Builder
	if err := c.WriteYAML(&b); err != nil {
		tb.Fatal(err)
	}
	return b.String()
}

// knownDifferent lists the versions known to derive other rules, and why.
// Each must still differ: when one stops, remove it.
var knownDifferent = map[string]string{}

// TestFormatsDeriveAlike derives the rules of every posting from each of
// its versions (the text as written, and the job board's page as HTML,
// printed to PDF with wrapped lines, and converted to DOCX) and checks
// they are the same rules.
func TestFormatsDeriveAlike(t *testing.T) {
	dir := "../../testdata/postings"
	list, err := readManifest(filepath.Join(dir, "MANIFEST.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	tax := rules.DefaultTaxonomy()
	for _, p := range list {
		t.Run(p.name, func(t *testing.T) {
			want := ""
			for _, format := range []string{"src", "html", "pdf", "docx"} {
				path := p.file(dir, format)
				if path == "" {
					t.Fatalf("no %s version", format)
				}
				set, err := derive(context.Background(), path, tax)
				if err != nil {
					t.Fatalf("%s: %v", path, err)
				}
				got := meaning(t, set)
				if want == "" {
					want = got
					loadsBack(t, set, tax)
					continue
				}
				why, known := knownDifferent[filepath.Base(path)]
				switch {
				case known && got == want:
					t.Errorf("%s now derives the same rules: remove it from knownDifferent", filepath.Base(path))
				case known:
					t.Logf("%s derives other rules, as known: %s", filepath.Base(path), why)
				case got != want:
					t.Errorf("%s derives other rules than %s:\n%s", filepath.Base(path), filepath.Base(p.file(dir, "src")), lineDiff(want, got))
				}
			}
		})
	}
}

// lineDiff lists the lines only one of a and b has, each under the
// top-level key it sits in, so that a skill moved from required to
// preferred shows.
func lineDiff(a, b string) string {
	count := map[string]int{}
	for _, l := range keyed(a) {
		count[l]++
	}
	for _, l := range keyed(b) {
		count[l]--
	}
	var out []string
	for _, l := range keyed(a) {
		if count[l] > 0 {
			out = append(out, "- "+l)
			count[l]--
		}
	}
	for _, l := range keyed(b) {
		if count[l] < 0 {
			out = append(out, "+ "+l)
			count[l]++
		}
	}
	return strings.Join(out, "\n")
}

// keyed returns the lines of a YAML document, each indented one prefixed
// with the top-level key above it ("preferred:   - skill: Docker").
func keyed(doc string) []string {
	var out []string
	key := ""
	for _, l := range strings.Split(doc, "\n") {
		if l != "" && l[0] != ' ' && l[0] != '-' && l[0] != '#' {
			key, _, _ = strings.Cut(l, ":")
			out = append(out, l)
			continue
		}
		out = append(out, key+": "+l)
	}
	return out
}

// loadsBack checks that the rules derived from a posting, written as a rule
// file, load as the same rules: what "rules derive" writes, "screen
// -rules" reads.
func loadsBack(t *testing.T, set *rules.Set, tax *rules.Taxonomy) {
	t.Helper()
	var b strings.Builder
	if err := set.WriteYAML(&b); err != nil {
		t.Fatal(err)
	}
	loaded, err := rules.Load(strings.NewReader(b.String()), "derived.yaml", tax)
	if err != nil {
		t.Fatalf("the derived rules do not load: %v", err)
	}
	if loaded.Hash() != set.Hash() {
		t.Errorf("the derived rules load as other rules: hash %s, derived %s", loaded.Hash(), set.Hash())
	}
}

package rules

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// resumeTexts returns the example resumes' text (the plain-text ones plus
// the fixtures' golden extractions), as a benchmark corpus of realistic
// size, and sets the benchmark's bytes per operation to their total.
func resumeTexts(b *testing.B) []string {
	var texts []string
	for _, g := range []string{"../testdata/example/resumes/*.txt", "../testdata/example/resumes/*.md", "../testdata/parsers/*.golden.txt"} {
		files, _ := filepath.Glob(g)
		for _, f := range files {
			data, err := os.ReadFile(f)
			if err != nil {
				b.Fatal(err)
			}
			texts = append(texts, string(data))
		}
	}
	if len(texts) == 0 {
		b.Skip("no texts")
	}
	n := 0
	for _, t := range texts {
		n += len(t)
	}
	b.SetBytes(int64(n))
	return texts
}

// BenchmarkFindSkills measures the one-pass matcher with the full taxonomy;
// compare with BenchmarkNaiveRegexp, one compiled regexp per alias.
func BenchmarkFindSkills(b *testing.B) {
	tax := DefaultTaxonomy()
	texts := resumeTexts(b)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, t := range texts {
			tax.FindSkills(t)
		}
	}
}

func BenchmarkNaiveRegexp(b *testing.B) {
	tax := DefaultTaxonomy()
	var res []*regexp.Regexp
	for _, s := range tax.Skills() {
		for _, a := range append([]string{s.Name}, s.Aliases...) {
			res = append(res, regexp.MustCompile(`(?i)(^|[^\w])`+regexp.QuoteMeta(a)+`($|[^\w])`))
		}
	}
	texts := resumeTexts(b)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, t := range texts {
			for _, re := range res {
				re.FindAllStringIndex(t, -1)
			}
		}
	}
}

func BenchmarkAnalyze(b *testing.B) {
	tax := DefaultTaxonomy()
	text := strings.Join(resumeTexts(b), "\n")
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		tax.Analyze(Resume{Text: text}, time.Time{})
	}
}

// BenchmarkMatch is the matcher alone: tokenize, one trie pass, context
// rules; FindSkills adds sections and evidence.
func BenchmarkMatch(b *testing.B) {
	tax := DefaultTaxonomy()
	texts := resumeTexts(b)
	other := func(int) Section { return SectionOther }
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, t := range texts {
			toks := tokenize(t)
			tax.m.accept(toks, tax.m.scan(toks), other)
		}
	}
}

// BenchmarkDeriveLongLines derives postings whose single paragraph or
// line is long and repetitive, the shapes that once made derivation
// quadratic or worse: back-references across a paragraph, many statements
// of years, brackets. Each should stay linear in the posting's length.
func BenchmarkDeriveLongLines(b *testing.B) {
	tax := DefaultTaxonomy()
	for _, bc := range []struct{ name, unit string }{
		{"back-references", "We use Go. You are one of the two. "},
		{"few-years", "a few years (4+ "},
		{"years", "5 years, "},
		{"brackets", "(Go, "},
	} {
		posting := "Requirements\n" + strings.Repeat(bc.unit, 2000) + " Go\n"
		b.Run(bc.name, func(b *testing.B) {
			b.SetBytes(int64(len(posting)))
			for b.Loop() {
				tax.Derive(posting)
			}
		})
	}
}

package redact

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/screener/screener/parsers"
	"github.com/screener/screener/rules"
)

// TestCorpus redacts every resume of a folder of real ones
// (SCREENER_CORPUS=DIR) and reports, per file, skills the redaction cost
// (found before, not after), and what is left that looks like a contact
// detail (e-mail-like or long digit runs: mostly date ranges). It fails
// when the candidate's own name, e-mail or phone survives.
func TestCorpus(t *testing.T) {
	dir := os.Getenv("SCREENER_CORPUS")
	if dir == "" {
		t.Skip("set SCREENER_CORPUS to a folder of resumes")
	}
	tax := rules.DefaultTaxonomy()
	residue := regexp.MustCompile(`\S+@\S+|\d[\d \-().]{8,}\d`)
	lost, skills, files := 0, 0, 0
	labels := map[string]int{}
	filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".pdf") && !strings.HasSuffix(path, ".docx") {
			return nil
		}
		doc, err := parsers.ExtractFile(context.Background(), path, parsers.Limits{})
		if err != nil {
			return nil
		}
		files++
		p := tax.Analyze(rules.Resume{Text: doc.Text, PageHeader: doc.HeaderFooter}, time.Now())
		red := Text(doc.Text, Identity{Names: []string{p.Name}, Emails: []string{p.Email}, Phones: []string{p.Phone}, Links: p.Links})
		for _, v := range []string{p.Name, p.Email, p.Phone} {
			if v != "" && strings.Contains(red, v) {
				t.Errorf("%s: %q survived", path, v)
			}
		}
		after := map[string]bool{}
		for _, f := range tax.FindSkills(red) {
			after[f.Skill] = true
		}
		var gone []string
		for _, f := range p.Skills {
			skills++
			if !after[f.Skill] {
				gone = append(gone, f.Skill)
			}
		}
		lost += len(gone)
		for _, l := range []string{Name, Email, Phone, URL, Address, DateOfBirth, Age, Gender, Pronoun, Personal, ID} {
			labels[l] += strings.Count(red, l)
		}
		if left := residue.FindAllString(red, -1); len(gone) > 0 || len(left) > 0 {
			t.Logf("%s: skills lost %q; left %q", filepath.Base(path), gone, left)
		}
		return nil
	})
	t.Logf("%d files: %d of %d skills lost; labels %v", files, lost, skills, labels)
}

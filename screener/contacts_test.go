package screener

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/screener/screener/parsers"
	"github.com/screener/screener/rules"
)

// TestContactsFromTheDocument: the parser's title names the candidate
// (its source said), the file name never does, and Region formats a
// national phone number.
func TestContactsFromTheDocument(t *testing.T) {
	set, err := rules.Load(strings.NewReader("required: [Go]\n"), "r.yaml", nil)
	if err != nil {
		t.Fatal(err)
	}
	docs := map[string]*parsers.Document{
		"Jane_Roe_Resume.txt": {Format: parsers.PDF, Text: "Objective\nTo build things.\n020 7946 0018\nSkills: Go", Title: "PRIYA RAMAN"},
		"John_Smith_CV.txt":   {Format: parsers.Text, Text: "Experience\nEngineer, Acme, 2019 - 2022\nSkills: Go"},
	}
	dir := t.TempDir()
	var files []string
	for name := range docs {
		files = append(files, filepath.Join(dir, name))
		os.WriteFile(files[len(files)-1], []byte(name), 0o644) // distinct contents: not duplicates
	}
	extract := func(ctx context.Context, p string) (*parsers.Document, error) { return docs[filepath.Base(p)], nil }
	rep, err := RunFiles(context.Background(), files, nil, Options{Rules: set, Extract: byPath(extract), Region: "GB"})
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range loadReport(t, rep) {
		switch filepath.Base(r.File) {
		case "Jane_Roe_Resume.txt":
			if r.Name != "Priya Raman" || r.NameSource != rules.SourceLargestText || r.Phone != "+44 20 7946 0018" {
				t.Errorf("titled document: %q (%s), phone %q", r.Name, r.NameSource, r.Phone)
			}
		case "John_Smith_CV.txt":
			if r.Name != "" || r.NameSource == "" {
				t.Errorf("no name in the text: %q (%s), want none and a reason", r.Name, r.NameSource)
			}
		}
	}
}

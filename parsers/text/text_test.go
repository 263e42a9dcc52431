package text_test

import (
	"testing"

	"github.com/screener/screener/parsers"
	"github.com/screener/screener/parsers/internal/parsertest"
)

const fixtures = "../../testdata/parsers"

func FuzzText(f *testing.F) {
	parsertest.Seed(f, fixtures, "*.txt", "*.md")
	f.Add([]byte("\xff\xfe\x00\xd8"))
	f.Fuzz(parsertest.Fuzz)
}

// TestTextTabs: a text file keeps its own tabs, a spreadsheet's rows
// pasted into it (an empty cell two tabs in a row) being a table as any
// other format's; an indenting tab goes with the line's trimming, and one
// after a list's bullet is a space.
func TestTextTabs(t *testing.T) {
	in := "Skills\nSkill\tLevel\tYears\nGo\t\t4+\n\t• Built the billing service\n•\tRan the on-call rota\n"
	doc, err := parsertest.ExtractBytes(t, []byte(in), parsers.Limits{})
	if err != nil {
		t.Fatal(err)
	}
	if want := "Skills\nSkill\tLevel\tYears\nGo\t\t4+\n• Built the billing service\n• Ran the on-call rota"; doc.Text != want {
		t.Errorf("text %q, want %q", doc.Text, want)
	}
}

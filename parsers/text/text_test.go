package text_test

import (
	"testing"

	"github.com/screener/screener/parsers/internal/parsertest"
)

const fixtures = "../../testdata/parsers"

func FuzzText(f *testing.F) {
	parsertest.Seed(f, fixtures, "*.txt", "*.md")
	f.Add([]byte("\xff\xfe\x00\xd8"))
	f.Fuzz(parsertest.Fuzz)
}

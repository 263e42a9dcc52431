package parsers_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"unicode"

	"github.com/screener/screener/parsers"
)

// TestConvertedRecall measures how much of a DOCX resume's text survives
// when the same resume arrives in another format. For every DOCX in
// $SCREENER_DOCX (real resumes, not part of the repository) and every copy
// of it in $SCREENER_CONVERTED/<format>/ (made with LibreOffice:
// soffice --headless --convert-to doc|rtf|odt|html), it reports the share
// of the DOCX text's words (two or more letters, lowercased; each
// occurrence counts) that the copy's text also has, per file and per
// format, as TestCorpusFidelity does for PDFs; and, stricter, the share
// matched occurrence for occurrence (a word the DOCX text has twice must
// be there twice). It fails if a format's median recall is under 0.99.
func TestConvertedRecall(t *testing.T) {
	docxDir, convDir := os.Getenv("SCREENER_DOCX"), os.Getenv("SCREENER_CONVERTED")
	if docxDir == "" || convDir == "" {
		t.Skip("set SCREENER_DOCX to a folder of DOCX resumes and SCREENER_CONVERTED to their LibreOffice conversions")
	}
	files, _ := filepath.Glob(filepath.Join(docxDir, "*.docx"))
	formats, _ := os.ReadDir(convDir)
	for _, fd := range formats {
		ext := fd.Name()
		if fi, err := os.Stat(filepath.Join(convDir, ext)); err != nil || !fi.IsDir() {
			continue
		}
		var shares, stricts []float64
		for _, f := range files {
			base := strings.TrimSuffix(filepath.Base(f), ".docx")
			conv := filepath.Join(convDir, ext, base+"."+ext)
			if _, err := os.Stat(conv); err != nil {
				continue
			}
			ref, err := parsers.ExtractFile(context.Background(), f, parsers.Limits{})
			if err != nil {
				t.Logf("%s: %v", base, err)
				continue
			}
			share, strict, detail := 0.0, 0.0, ""
			doc, err := parsers.ExtractFile(context.Background(), conv, parsers.Limits{})
			if err != nil {
				detail = err.Error()
			} else {
				var missing []string
				share, strict, missing = recall(ref.Text, doc.Text)
				if len(missing) > 8 {
					missing = missing[:8]
				}
				detail = strings.Join(missing, " ")
			}
			shares = append(shares, share)
			stricts = append(stricts, strict)
			t.Logf("%-5s %-35s %.3f %.3f %s", ext, base, share, strict, detail)
		}
		if len(shares) == 0 {
			continue
		}
		median := summary(shares)
		t.Logf("%-5s recall: %s; occurrence for occurrence: %s; over %d files", ext, describe(shares), describe(stricts), len(shares))
		if median < 0.99 {
			t.Errorf("%s: median recall %.3f < 0.99", ext, median)
		}
	}
}

// recall returns the share of want's words that got has, the share
// matched occurrence for occurrence, and the words missing outright.
func recall(want, got string) (share, strict float64, missing []string) {
	have := map[string]int{}
	for _, w := range words(got) {
		have[w]++
	}
	ws := words(want)
	if len(ws) == 0 {
		return 1, 1, nil
	}
	hit, strictHit := 0, 0
	left := map[string]int{}
	for w, n := range have {
		left[w] = n
	}
	for _, w := range ws {
		if have[w] > 0 {
			hit++
		} else {
			missing = append(missing, w)
		}
		if left[w] > 0 {
			left[w]--
			strictHit++
		}
	}
	return float64(hit) / float64(len(ws)), float64(strictHit) / float64(len(ws)), missing
}

func summary(xs []float64) float64 {
	s := append([]float64(nil), xs...)
	sort.Float64s(s)
	return s[len(s)/2]
}

func describe(xs []float64) string {
	s := append([]float64(nil), xs...)
	sort.Float64s(s)
	sum := 0.0
	for _, x := range s {
		sum += x
	}
	return fmt.Sprintf("median %.3f mean %.3f min %.3f", s[len(s)/2], sum/float64(len(s)), s[0])
}

func words(s string) []string {
	var out []string
	for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !(unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r))
	}) {
		if len([]rune(w)) > 1 {
			out = append(out, w)
		}
	}
	return out
}

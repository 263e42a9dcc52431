package ocr

import (
	"math"
	"testing"
)

func TestParseTSV(t *testing.T) {
	tsv := "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n" +
		"1\t1\t0\t0\t0\t0\t0\t0\t2550\t1500\t-1\t\n" +
		"4\t1\t1\t1\t1\t0\t10\t10\t500\t40\t-1\t\n" +
		"5\t1\t1\t1\t1\t1\t10\t10\t100\t40\t96.5\tPriya\n" +
		"5\t1\t1\t1\t1\t2\t120\t10\t100\t40\t93.5\tRaman\n" +
		"5\t1\t1\t1\t2\t1\t10\t60\t100\t40\t90\tLeeds\n" +
		"5\t1\t1\t1\t2\t2\t10\t60\t100\t40\t-1\t \n" +
		"5\t1\t2\t1\t1\t1\t10\t200\t100\t40\t80\tSkills\n"
	res := parseTSV([]byte(tsv))
	if want := "Priya Raman\nLeeds\n\nSkills"; res.Text != want {
		t.Errorf("text %q, want %q", res.Text, want)
	}
	if res.Words != 4 || math.Abs(res.Confidence-90) > 1e-9 {
		t.Errorf("words %d confidence %v, want 4 and 90", res.Words, res.Confidence)
	}
	if res := parseTSV(nil); res.Text != "" || res.Words != 0 || res.Confidence != 0 {
		t.Errorf("empty: %+v", res)
	}
}

package extract

import (
	"strings"
	"testing"
)

// TestRow writes rows the way the end-based formats (RTF, .doc) call Row:
// a cell's text, then its end; and the way the start-based ones (HTML,
// DOCX, ODT) do, which call Text at each cell's start.
func TestRow(t *testing.T) {
	type cell struct {
		text string
		span int
	}
	tests := []struct {
		name  string
		cells []cell
		want  string
	}{
		{"two cells", []cell{{"Go", 1}, {"yes", 1}}, "Go\tyes"},
		{"empty middle", []cell{{"Data", 1}, {"", 1}, {"Spark", 1}}, "Data\t\tSpark"},
		{"empty first", []cell{{"", 1}, {"Minimum", 1}, {"Ideal", 1}}, "\tMinimum\tIdeal"},
		{"empty last", []cell{{"Git", 1}, {"", 1}, {"", 1}}, "Git\t\t"},
		{"all empty", []cell{{"", 1}, {"", 1}}, "\t"},
		{"span in the middle", []cell{{"Cloud", 2}, {"AWS", 1}}, "Cloud\t\tAWS"},
		{"span at the end", []cell{{"SQL", 1}, {"", 3}}, "SQL\t\t\t"},
		{"one cell across the row", []cell{{"Languages", 3}}, "Languages"},
		{"span beyond the cap", []cell{{"a", MaxSpan + 5}, {"b", 1}}, "a" + strings.Repeat("\t", MaxSpan) + "b"},
		{"span of zero", []cell{{"a", 0}, {"b", 1}}, "a\tb"},
	}
	for _, tt := range tests {
		for _, start := range []bool{false, true} {
			var sb strings.Builder
			var r Row
			for _, c := range tt.cells {
				if start {
					r.Text(&sb)
				} else if c.text != "" {
					r.Text(&sb)
				}
				sb.WriteString(c.text)
				r.Cell(c.span)
			}
			r.End(&sb)
			if got := sb.String(); got != tt.want {
				t.Errorf("%s (text at cell start %v): %q, want %q", tt.name, start, got, tt.want)
			}
			if r != (Row{}) {
				t.Errorf("%s: End left %+v", tt.name, r)
			}
		}
	}
}

// TestRowCover: columns a cell covers (ODT's covered cells) widen the cell
// before them, and before the row's first cell they are empty columns.
func TestRowCover(t *testing.T) {
	var sb strings.Builder
	var r Row
	r.Cover(1) // a column spanned from the row above
	r.Text(&sb)
	sb.WriteString("Rust")
	r.Cell(1)
	r.Text(&sb)
	sb.WriteString("daily")
	r.Cell(1)
	r.Cover(2)
	r.End(&sb)
	if want := "\tRust\tdaily\t\t"; sb.String() != want {
		t.Errorf("%q, want %q", sb.String(), want)
	}
}

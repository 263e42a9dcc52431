package extract

import "strings"

// MaxSpan bounds the columns one table cell may span, as HTML caps colspan
// at 1,000: a larger claim is read as 1,000.
const MaxSpan = 1000

// Row writes a table's row as the parsers give it: one line with a tab
// between each two cells, so that an empty cell, first and last ones too,
// is a cell still ("\tGo", "Git\t\t"), and a cell that spans n columns
// followed by n-1 tabs more, so the cells after it keep their columns.
// A row of a single cell (a heading across the table) is written without
// tabs. The format's parser calls [Row.Cell] at each cell's end, [Row.Text]
// before writing any text of the row, and [Row.End] at the row's end; a
// cell's text comes after the tabs that part it from the cells before.
// The zero Row is a row with no cell yet.
type Row struct {
	cells int // cells ended so far
	tabs  int // tabs owed before the next cell's text
}

// Cell ends a cell that spans span columns (less than 1 is 1, more than
// [MaxSpan] is MaxSpan).
func (r *Row) Cell(span int) {
	r.cells++
	r.tabs += min(max(span, 1), MaxSpan)
}

// Cover adds n columns to the span of the cell that ended last (a cell
// that the format writes as covered by it); before the row's first cell
// it leaves n empty columns.
func (r *Row) Cover(n int) {
	r.tabs += min(max(n, 0), MaxSpan)
}

// Text writes to sb the tabs owed before the text of the row's next cell.
func (r *Row) Text(sb *strings.Builder) {
	for ; r.tabs > 0; r.tabs-- {
		sb.WriteByte('\t')
	}
}

// End writes to sb the tabs of the row's last, empty or spanning cells,
// when the row has two cells or more, and starts a new row. It writes no
// line break.
func (r *Row) End(sb *strings.Builder) {
	if r.cells > 1 {
		r.tabs--
		r.Text(sb)
	}
	*r = Row{}
}

package pdf

import (
	"math"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Table thresholds, in multiples of the type size. A pitch more than
// blockBreak above the tightest of the text's lines, or above maxLeading
// (text is set with a leading of 1.1 to 1.3 times its size), is the space
// between two cells or paragraphs. Cells of one row share a baseline (or their
// middles) within alignTol: a browser, Word or TeX sets them exactly, so
// the tolerance is for rounding. minRows rows make a table: one row is a
// line, and two columns that each start with a heading and go on with a
// paragraph form two rows by chance (rows with text in one column only
// do not count, but stay in the table when they stand as close as its
// rows, see tableIn). A row whose cells are at most joinLines lines each,
// or wrapped paragraphs (see wrapped), reads as one line; taller cells
// whose lines their writer broke (a role beside its dates, with its
// bullets) are read one after the other. Two columns of a table are at
// least padGap apart: a word processor's narrow table may leave no more
// between a cell's longest line and the next column (a space is 0.25 em
// and more, but the two columns' text is drawn apart, as two chunks, not
// two words of one).
const (
	maxLeading = 1.35
	blockBreak = 0.15
	minRows    = 3
	joinLines  = 3
	alignTol   = 0.1
	cellGap    = 0.5
	padGap     = 0.2
)

// table is a run of rows of a group of bands that reads across: from and
// to delimit the group's bands it covers, and each row holds its cells in
// column order, each cell its lines.
type table struct {
	from, to int
	rows     [][][]string
	prose    []bool // of each row: its tall cells are wrapped paragraphs (see wrapped)
}

// cellBlock is the text of one column between two vertical gaps wider
// than its line spacing: a table's cell, or a column's paragraph.
type cellBlock struct {
	col         int
	top, bottom float64 // extent
	first, last float64 // baselines of the first and the last line
	lines       int
	size        float64 // of the first line
	chunks      []*chunk
}

// findTable looks for a table in a group of bands that share a column
// gutter (see layoutNode). Columns are parted by the gaps free in every
// band (see tableGutters); each
// column's text falls into blocks at gaps wider than its line spacing; and
// blocks of different columns whose heights overlap are one row. A table
// is at least minRows consecutive rows that each have text in two columns
// or more and at most one block in each, so that every gap between rows
// crosses all the columns: the cells of a row start and end together,
// whatever their lines; a row with text in one column only, among or
// after them and as close as they stand, is a row whose other cells are
// empty. Two columns of a page's layout (a sidebar beside
// the main text) are independent flows: a paragraph on one side spans
// several on the other, or stands beside none, and their gaps line up at
// most by chance, not row after row: one place where text on both sides
// makes no row (a paragraph beside two, or lines beside each other that
// are not aligned) rules the whole group out. Columns on one grid without
// any spacing between their rows give no rows to tell a table by and stay
// columns. Ruled lines are not looked at.
//
// The group may start or end with bands that are no part of the table (a
// heading above it, whose gaps let the gutter through): the columns are
// found again on the table's own bands, which such lines no longer narrow.
// Where a line above the table crosses a gutter between its columns (the
// end of a list item over the table's first column), no table may be
// found with the group's gutters at all (a sparse last column, the only
// one left, makes few rows): then the bands above the first that has text
// in two places (as a table's first row has) are left out, and the table
// is looked for again.
func findTable(group []band) (table, bool) {
	if t, ok := tableAndInner(group); ok {
		return t, true
	}
	first := slices.IndexFunc(group, func(b band) bool { return len(b.chunks) > 1 })
	if first <= 0 {
		return table{}, false
	}
	t, ok := tableAndInner(group[first:])
	if !ok {
		return table{}, false
	}
	t.from += first
	t.to += first
	return t, true
}

// tableAndInner finds a table with the columns of all of group, then
// again with those of the table's own bands.
func tableAndInner(group []band) (table, bool) {
	t, ok := tableIn(group)
	if !ok {
		return table{}, false
	}
	if inner, ok := tableIn(group[t.from:t.to]); ok {
		inner.from += t.from
		inner.to += t.from
		return inner, true
	}
	return t, true
}

// tableIn is one pass of findTable, with the columns of all of group.
func tableIn(group []band) (table, bool) {
	gutters := tableGutters(group)
	if len(gutters) == 0 {
		return table{}, false
	}
	bandOf := map[*chunk]int{}
	cols := make([][]*chunk, len(gutters)+1)
	for k, b := range group {
		for _, c := range b.chunks {
			bandOf[c] = k
			col := sort.Search(len(gutters), func(i int) bool { return gutters[i].hi > c.x0+0.01 })
			cols[col] = append(cols[col], c)
		}
	}
	// The tightest pitch of any column is the leading of the group's text.
	colLines := make([][][]*chunk, len(cols))
	tight := math.Inf(1)
	for col, cs := range cols {
		colLines[col] = textLines(cs)
		ls := colLines[col]
		for k := 1; k < len(ls); k++ {
			// Lines closer than their size overlap: labels placed
			// freely (on a chart), not text set with a leading.
			if p := pitch(ls[k-1], ls[k]); p >= 1 {
				tight = math.Min(tight, p)
			}
		}
	}
	tight = math.Min(tight, maxLeading)
	var blocks []cellBlock
	for col, ls := range colLines {
		blocks = append(blocks, columnBlocks(col, ls, tight)...)
	}
	sort.SliceStable(blocks, func(i, j int) bool { return blocks[i].top > blocks[j].top })

	// Rows: blocks whose heights overlap by more than a fifth of the type
	// size (as bands do, so that tight leading does not join two rows).
	type row struct {
		blocks      []cellBlock
		from, to    int // bands
		good        bool
		top, bottom float64 // extent
	}
	var rows []row
	bottom := math.Inf(1)
	for _, bl := range blocks {
		size := bl.chunks[0].size
		if len(rows) > 0 && bl.top > bottom+0.2*size {
			r := &rows[len(rows)-1]
			r.blocks = append(r.blocks, bl)
			bottom = math.Min(bottom, bl.bottom)
			continue
		}
		rows = append(rows, row{blocks: []cellBlock{bl}})
		bottom = bl.bottom
	}
	for i := range rows {
		r := &rows[i]
		r.from, r.to = len(group), -1
		r.top, r.bottom = math.Inf(-1), math.Inf(1)
		seen := map[int]bool{}
		r.good = true
		ref := r.blocks[0]
		for _, bl := range r.blocks {
			if bl.lines > ref.lines {
				ref = bl
			}
		}
		for _, bl := range r.blocks {
			if seen[bl.col] || !aligned(ref, bl) {
				r.good = false
			}
			seen[bl.col] = true
			r.top, r.bottom = math.Max(r.top, bl.top), math.Min(r.bottom, bl.bottom)
			for _, c := range bl.chunks {
				r.from, r.to = min(r.from, bandOf[c]), max(r.to, bandOf[c]+1)
			}
		}
		if len(seen) >= 2 && !r.good {
			// Text on both sides that is no row: the gutter parts two
			// flows (or something else than a table), here and above
			// and below.
			return table{}, false
		}
		r.good = r.good && len(seen) >= 2
		if i > 0 && r.from < rows[i-1].to {
			return table{}, false // rows that interleave bands: no table
		}
	}

	// A row with text in one column only is a row whose other cells are
	// empty ("Git" under "Must have", beside nothing) when it stands as
	// close to the row above as a run's rows stand to each other, is set
	// in their type and is short, as a cell is: a run of rows goes on
	// through it, and through the rows after it, down to the table's
	// end. A heading or a paragraph after a table stands further off or
	// is set larger. Only a row with text in two columns may start a
	// table, and only those count towards minRows.
	extend := func(i, j int) (from, to, good int) {
		gap := 0.0
		for k := i + 1; k < j; k++ {
			gap = math.Max(gap, rows[k-1].bottom-rows[k].top)
		}
		size := rows[i].blocks[0].size
		joins := func(upper, lower, k int) bool {
			r := rows[k]
			bl := r.blocks[0]
			return (r.good || len(r.blocks) == 1 && bl.lines <= joinLines) &&
				math.Abs(bl.size-size) <= alignTol*size && rows[upper].bottom-rows[lower].top <= gap+alignTol*size
		}
		for j < len(rows) && joins(j-1, j, j) {
			j++
		}
		for k := i - 1; k >= 0 && joins(k, k+1, k); k-- {
			if rows[k].good {
				i = k
			}
		}
		for _, r := range rows[i:j] {
			if r.good {
				good++
			}
		}
		return i, j, good
	}
	bestI, bestJ, bestN := 0, 0, 0
	for i := 0; i < len(rows); {
		if !rows[i].good {
			i++
			continue
		}
		j := i
		for j < len(rows) && rows[j].good {
			j++
		}
		if from, to, n := extend(i, j); n > bestN {
			bestI, bestJ, bestN = from, to, n
		}
		i = j
	}
	if bestN < minRows {
		return table{}, false
	}
	t := table{from: rows[bestI].from, to: rows[bestJ-1].to}
	right := make([]float64, len(cols))
	for _, r := range rows[bestI:bestJ] {
		for _, bl := range r.blocks {
			for _, c := range bl.chunks {
				right[bl.col] = math.Max(right[bl.col], c.x1)
			}
		}
	}
	for _, r := range rows[bestI:bestJ] {
		cells := make([][]string, len(cols))
		prose := true
		for _, bl := range r.blocks {
			readLines(bl.chunks, &cells[bl.col])
			prose = prose && (bl.lines <= joinLines || wrapped(bl, right[bl.col]))
		}
		t.rows = append(t.rows, cells)
		t.prose = append(t.prose, prose)
	}
	return t, true
}

// wrapped reports whether a cell's lines are one paragraph wrapped to its
// column, whose text reaches right at most: each line but the last is
// broken because the next line's first word would not have fitted after
// it. A line that ends short of that (a role's title above its bullets, an
// item of a list) was broken by its writer.
func wrapped(bl cellBlock, right float64) bool {
	lines := textLines(bl.chunks)
	for k := 0; k+1 < len(lines); k++ {
		end := math.Inf(-1)
		for _, c := range lines[k] {
			end = math.Max(end, c.x1)
		}
		first := lines[k+1][0]
		for _, c := range lines[k+1] {
			if c.x0 < first.x0 {
				first = c
			}
		}
		if end+0.25*first.size+first.firstWord() <= right {
			return false
		}
	}
	return true
}

// tableGutters returns the gaps free in every band of group that have text
// on both sides, left to right. They may be narrower than a page's column
// gutter, down to padGap: a table's cell padding is all that parts a full
// cell from the next column (chunks of one line drawn in one run are
// parted by chunkGap or, cut by splitAligned, cellGap; a cell drawn on its
// own may come closer).
func tableGutters(group []band) []span {
	minX, maxX := math.Inf(1), math.Inf(-1)
	var sizes []float64
	for _, b := range group {
		for _, c := range b.chunks {
			minX, maxX = math.Min(minX, c.x0), math.Max(maxX, c.x1)
			sizes = append(sizes, c.size)
		}
	}
	if len(sizes) == 0 {
		return nil
	}
	sort.Float64s(sizes)
	minGutter := padGap * sizes[len(sizes)/2]
	free := freeSpans(group[0].chunks, minX, maxX, minGutter)
	for _, b := range group[1:] {
		free = intersect(free, freeSpans(b.chunks, minX, maxX, minGutter), minGutter)
	}
	var out []span
	for _, g := range free {
		if g.lo > minX && g.hi < maxX {
			out = append(out, g)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].lo < out[j].lo })
	return out
}

// textLines groups chunks of one column into lines, top to bottom.
func textLines(cs []*chunk) [][]*chunk {
	sorted := append([]*chunk(nil), cs...)
	sort.SliceStable(sorted, func(i, j int) bool { return sorted[i].y > sorted[j].y })
	var lines [][]*chunk
	for _, c := range sorted {
		if n := len(lines); n > 0 {
			l := lines[n-1]
			if sameLine(l[0], c) || sameLine(l[len(l)-1], c) {
				lines[n-1] = append(l, c)
				continue
			}
		}
		lines = append(lines, []*chunk{c})
	}
	return lines
}

// pitch returns the distance between the baselines of two lines in
// multiples of the lower line's type size.
func pitch(upper, lower []*chunk) float64 {
	return (upper[0].y - lower[0].y) / lower[0].size
}

// columnBlocks splits the lines of one column into blocks where the pitch
// from one line to the next exceeds tight by blockBreak.
func columnBlocks(col int, lines [][]*chunk, tight float64) []cellBlock {
	var blocks []cellBlock
	for k, l := range lines {
		if k == 0 || pitch(lines[k-1], l) > tight+blockBreak {
			blocks = append(blocks, cellBlock{col: col, top: math.Inf(-1), bottom: math.Inf(1), first: l[0].y, size: l[0].size})
		}
		b := &blocks[len(blocks)-1]
		b.last = l[0].y
		b.lines++
		for _, c := range l {
			b.top, b.bottom = math.Max(b.top, c.top()), math.Min(b.bottom, c.bottom())
			b.chunks = append(b.chunks, c)
		}
	}
	return blocks
}

// aligned reports whether block b stands in a row with block ref, the
// row's tallest: the cells of a table are set top, bottom or middle
// aligned, so their first baselines, their last baselines or their
// middles agree. Lines of two independent columns that merely overlap
// are further apart.
func aligned(ref, b cellBlock) bool {
	tol := alignTol * math.Max(ref.size, b.size)
	return math.Abs(ref.first-b.first) <= tol || math.Abs(ref.last-b.last) <= tol ||
		math.Abs(ref.first+ref.last-b.first-b.last) <= 2*tol
}

// read appends the table's rows to lines. A row whose cells are at most
// joinLines lines each, or wrapped paragraphs, is one line, its cells in column order with a tab
// between each two (an empty cell is two tabs in a row, as the other
// formats write a table), each cell's lines joined (a word hyphenated at
// a cell's line end is joined without the space, so "data-" "driven"
// reads "data-driven"); a row with a taller cell whose lines were broken
// by its writer (a role beside its dates, with its bullets) gives each
// cell's lines in turn.
func (t table) read(lines *[]string) {
	for i, cells := range t.rows {
		tall := false
		for _, c := range cells {
			tall = tall || len(c) > joinLines
		}
		if tall && !t.prose[i] {
			for _, c := range cells {
				*lines = append(*lines, c...)
			}
			continue
		}
		parts := make([]string, len(cells))
		for i, c := range cells {
			parts[i] = strings.ReplaceAll(joinWrapped(c), "\t", " ")
		}
		*lines = append(*lines, strings.Join(parts, "\t"))
	}
}

// joinWrapped joins the lines of one cell with spaces, but without one
// after a line ending in a letter and a hyphen.
func joinWrapped(lines []string) string {
	var b strings.Builder
	for i, l := range lines {
		if i > 0 {
			prev := lines[i-1]
			r, _ := utf8.DecodeLastRuneInString(strings.TrimSuffix(prev, "-"))
			if !strings.HasSuffix(prev, "-") || !unicode.IsLetter(r) {
				b.WriteByte(' ')
			}
		}
		b.WriteString(l)
	}
	return b.String()
}

// continuedTable returns the chunks at the top of page next that go on
// with a table at the bottom of page prev, moved into prev's space below
// its last line, and the rest of next. A browser or a word processor
// breaks a long table between two rows, or inside a row whose cells go on
// on the next page, and goes on at the next page's top with the same
// columns; each page alone may hold too few rows to read as a table (see
// minRows), and the columns would be read one after the other. The run of
// bands on both sides of the page break that share a gap between columns
// is looked at as one group: the next page's lines first a row gap below
// prev's (twice the type size, more than any line spacing), then, where
// that finds no table across the break, one line below (a row broken
// inside). The next page's chunks go with prev as far as a table found
// across the break reaches.
func continuedTable(prev, next []*chunk) (moved, rest []*chunk) {
	if len(prev) == 0 || len(next) == 0 {
		return nil, next
	}
	// The last two lines of prev and the first of next.
	low, above, high := prev[0], (*chunk)(nil), next[0]
	for _, c := range prev {
		if c.y < low.y {
			low = c
		}
	}
	for _, c := range prev {
		if !sameLine(c, low) && (above == nil || c.y < above.y) {
			above = c
		}
	}
	for _, c := range next {
		if c.y > high.y {
			high = c
		}
	}
	gaps := []float64{2 * math.Max(low.size, high.size)}
	if above != nil && above.y-low.y <= maxLeading*low.size {
		gaps = append(gaps, above.y-low.y)
	}
	for _, gap := range gaps {
		shift := high.y - low.y + gap
		for _, c := range next {
			c.y -= shift
		}
		moved = crossingTable(prev, next)
		for _, c := range next {
			c.y += shift
		}
		if len(moved) > 0 {
			for _, c := range moved {
				c.y -= shift
			}
			break
		}
	}
	gone := make(map[*chunk]bool, len(moved))
	for _, c := range moved {
		gone[c] = true
	}
	rest = slices.DeleteFunc(slices.Clone(next), func(c *chunk) bool { return gone[c] })
	return moved, rest
}

// crossingTable returns the chunks of next, placed below prev, that are
// rows of a table that starts in prev (see continuedTable).
func crossingTable(prev, next []*chunk) []*chunk {
	all := append(append(make([]*chunk, 0, len(prev)+len(next)), prev...), next...)
	minX, maxX, size := extent(all)
	minGutter := padGap * size
	bands := makeBands(all, minX, maxX, minGutter)
	onNext := make(map[*chunk]bool, len(next))
	for _, c := range next {
		onNext[c] = true
	}
	k := slices.IndexFunc(bands, func(b band) bool { return onNext[b.chunks[0]] })
	if k <= 0 || slices.ContainsFunc(bands[k-1].chunks, func(c *chunk) bool { return onNext[c] }) {
		return nil // the pages' lines are no apart
	}
	// The gaps between columns are those of the last row before the break
	// with text in two places (a row broken inside may go on in one column
	// only), not the margins of shorter lines.
	var gaps []span
	for i := k - 1; i >= 0 && len(gaps) == 0; i-- {
		gaps = innerSpans(bands[i].chunks, bands[i].free)
	}
	from, to := k, k
	for ; to < len(bands) && len(gaps) > 0; to++ {
		g := intersect(gaps, bands[to].free, minGutter)
		if len(g) == 0 {
			break
		}
		gaps = g
	}
	for ; from > 0 && len(gaps) > 0; from-- {
		g := intersect(gaps, bands[from-1].free, minGutter)
		if len(g) == 0 {
			break
		}
		gaps = g
	}
	t, ok := findTable(bands[from:to])
	if !ok || from+t.from >= k || from+t.to <= k {
		return nil
	}
	var moved []*chunk
	for _, b := range bands[k : from+t.to] {
		moved = append(moved, b.chunks...)
	}
	return moved
}

// innerSpans returns those of a band's free spans that have its text on
// both sides: gaps between its chunks, not its margins.
func innerSpans(chunks []*chunk, free []span) []span {
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, c := range chunks {
		lo, hi = math.Min(lo, c.x0), math.Max(hi, c.x1)
	}
	return slices.DeleteFunc(slices.Clone(free), func(g span) bool { return g.lo <= lo || g.hi >= hi })
}

// narrowTable looks for a table whose columns no gutter parts (a narrow
// table of a word processor, whose cells' padding leaves a few points
// between a full line and the next column): from each band with a gap of
// at least pad between its chunks, top to bottom, the run of bands below
// that leave a gap free across it, narrower than gutter, is a table's
// group (see findTable). A run that leaves a gutter free is layoutNode's
// to judge, and text flush right on either side of the gap is dates or
// places set beside entries, no table's column (see rightAligned and
// labelColumn), nor are a list's bullets (see markers). It returns the
// run's first band and the table.
func narrowTable(bands []band, minX, maxX, pad, gutter float64) (int, table, bool) {
	free := make([][]span, len(bands))
	for i, b := range bands {
		free[i] = freeSpans(b.chunks, minX, maxX, pad)
	}
	for i, b := range bands {
		cands := innerSpans(b.chunks, free[i])
		j := i + 1
		for ; len(cands) > 0 && j < len(bands); j++ {
			g := intersect(cands, free[j], pad)
			if len(g) == 0 {
				break
			}
			cands = g
		}
		if j-i < minRows || len(cands) == 0 || slices.ContainsFunc(cands, func(g span) bool {
			return g.hi-g.lo >= gutter || rightAligned(bands[i:j], g) || labelColumn(bands[i:j], g) || markers(bands[i:j], g)
		}) {
			continue
		}
		if t, ok := findTable(bands[i:j]); ok {
			return i, t, true
		}
	}
	return 0, table{}, false
}

// markers reports whether the text left of a gap is a list's bullets or
// numbers: a mark of a letter or two on each line, beside the items.
func markers(group []band, g span) bool {
	for _, b := range group {
		for _, c := range b.chunks {
			if c.x1 <= g.lo+0.01 && utf8.RuneCountInString(strings.TrimSpace(c.text.String())) > 3 {
				return false
			}
		}
	}
	return true
}

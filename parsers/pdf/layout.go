package pdf

import (
	"math"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"
)

// Layout thresholds, in multiples of the font size. They follow the usual
// typography: an inter-word space is 0.25–0.33 em and kerning rarely exceeds
// 0.1 em, so a gap of 0.15 em separates words; a gap of more than 1 em on one
// baseline is a tab stop or a column gutter, so it splits a line into chunks.
const (
	wordGap     = 0.15
	chunkGap    = 1.0
	baselineTol = 0.35
)

// chunk is a run of glyphs on one baseline with no gap wider than chunkGap.
type chunk struct {
	x0, x1, y, size float64
	text            strings.Builder
	// cuts are the places where a word starts after a gap of cellGap or
	// more (see splitAligned); mono: every glyph has one advance, as in a
	// monospaced font, whose spaces are that wide.
	cuts    []cut
	advance float64
	mono    bool
	// wordEnd is the x where the chunk's first word ends (0 when unknown:
	// a part of a chunk that splitAligned cut).
	wordEnd float64
}

// cut is a word's start in a chunk after a wide gap: the byte offset of the
// word in the chunk's text, its x, and the x where the word before ended.
type cut struct {
	at       int
	x, prevX float64
}

// endWord notes the end of the chunk's first word, at a space after it.
func (c *chunk) endWord() {
	if c.wordEnd == 0 {
		c.wordEnd = c.x1
	}
}

// firstWord returns the width of the chunk's first word: measured, or its
// share of the chunk's width by letters.
func (c *chunk) firstWord() float64 {
	if c.wordEnd > 0 {
		return c.wordEnd - c.x0
	}
	text := strings.TrimSpace(c.text.String())
	word, _, _ := strings.Cut(text, " ")
	return (c.x1 - c.x0) * float64(utf8.RuneCountInString(word)) / float64(max(1, utf8.RuneCountInString(text)))
}

func (c *chunk) top() float64    { return c.y + 0.8*c.size }
func (c *chunk) bottom() float64 { return c.y - 0.25*c.size }

// pageChunks rebuilds words and lines from a page's positioned glyphs: its
// chunks, cut where a table's cells touch (see splitAligned).
func pageChunks(glyphs []glyph) []*chunk {
	return splitAligned(buildChunks(glyphs))
}

// layoutPage writes the text of a page's chunks in reading order: top to
// bottom, and within a region that has a column gutter, the left column
// before the right (see layoutNode).
func layoutPage(sb *strings.Builder, chunks []*chunk) {
	var lines []string
	layoutNode(chunks, &lines)
	for i, l := range lines {
		if i > 0 {
			sb.WriteByte('\n')
		}
		sb.WriteString(l)
	}
}

func buildChunks(glyphs []glyph) []*chunk {
	var chunks []*chunk
	var cur *chunk
	seen := map[[3]int]string{} // overprinted (fake bold) chunks, by position
	flush := func() {
		if cur == nil || strings.TrimSpace(cur.text.String()) == "" {
			cur = nil
			return
		}
		key := [3]int{int(cur.x0), int(cur.y), int(cur.x1)}
		if seen[key] == cur.text.String() {
			cur = nil
			return
		}
		seen[key] = cur.text.String()
		chunks = append(chunks, cur)
		cur = nil
	}
	for _, g := range glyphs {
		if g.size <= 0 || math.IsNaN(g.x0) || math.IsNaN(g.y) || math.IsInf(g.x0, 0) || math.IsInf(g.y, 0) {
			continue
		}
		isSpace := strings.TrimSpace(g.text) == ""
		if cur != nil {
			gap := g.x0 - cur.x1
			sameLine := math.Abs(g.y-cur.y) < baselineTol*math.Max(cur.size, g.size)
			if !sameLine || gap > chunkGap*cur.size || gap < -0.5*cur.size {
				flush()
			} else if !isSpace && gap > wordGap*cur.size && !strings.HasSuffix(cur.text.String(), " ") {
				cur.endWord()
				cur.text.WriteByte(' ')
				if gap >= cellGap*cur.size && len(cur.cuts) < maxCuts {
					cur.cuts = append(cur.cuts, cut{at: cur.text.Len(), x: g.x0, prevX: cur.x1})
				}
			}
		}
		if isSpace {
			if cur != nil && !strings.HasSuffix(cur.text.String(), " ") {
				cur.endWord()
				cur.text.WriteByte(' ')
				cur.x1 = math.Max(cur.x1, g.x1)
			}
			continue
		}
		if cur == nil {
			cur = &chunk{x0: g.x0, x1: g.x1, y: g.y, size: g.size, advance: g.x1 - g.x0, mono: true}
		}
		cur.mono = cur.mono && math.Abs(g.x1-g.x0-cur.advance) <= 0.01*cur.size
		cur.text.WriteString(g.text)
		cur.x1 = math.Max(cur.x1, g.x1)
		cur.x0 = math.Min(cur.x0, g.x0)
	}
	flush()
	return chunks
}

// maxCuts bounds the cuts a chunk keeps: a table's row has a few cells.
const maxCuts = 16

// splitAligned splits a chunk where a word after a gap of cellGap or more
// (too narrow a gap to part chunks, but twice an inter-word space) starts
// where text on two other lines nearby starts, a chunk or such a word: a
// table's cell whose padding is all that parts it from the next column,
// which other rows show starting there ("CSS, plus Sass or Styled
// Components" and "Strong", near rows whose "Expert" starts at Strong's
// x). Tables are set with their cells' starts aligned to within a
// rounding error (alignTol of the type size); a justified line whose wide
// gap falls there on two lines nearby by chance is rare, and the cut
// matters only where the page's layout reads a table (elsewhere the parts
// are read on as one line). A monospaced font's words, whose spaces are
// wide and whose columns align everywhere, are never cut.
func splitAligned(chunks []*chunk) []*chunk {
	type start struct{ x, y float64 }
	var starts []start
	for _, c := range chunks {
		starts = append(starts, start{c.x0, c.y})
		if !c.mono {
			for _, k := range c.cuts {
				starts = append(starts, start{k.x, c.y})
			}
		}
	}
	if len(starts) == len(chunks) {
		return chunks // no cut
	}
	sort.Slice(starts, func(i, j int) bool { return starts[i].y < starts[j].y })
	// aligned reports whether text on two other lines within nearLines of
	// c's size starts at x. (A table's row of cells three lines high is
	// four lines from the next.) It looks at the starts nearest c's line
	// first, above and below in turn, at most maxLook of them: a column
	// of a long table has a start on every row, and its rows near c are
	// the ones that count, however many far ones share their x. The bound
	// keeps the cost per cut fixed where a page piles its text up in a
	// few lines (a malformed PDF); a real page has fewer starts than
	// that within nearLines lines.
	const nearLines, maxLook = 16, 512
	aligned := func(c *chunk, x float64) bool {
		tol, near, same := alignTol*c.size, nearLines*c.size, baselineTol*c.size
		below := sort.Search(len(starts), func(i int) bool { return starts[i].y >= c.y }) - 1
		above := below + 1
		var ys []float64
		for n := 0; n < maxLook; n++ {
			var s start
			switch {
			case below >= 0 && (above >= len(starts) || c.y-starts[below].y <= starts[above].y-c.y):
				s = starts[below]
				below--
			case above < len(starts):
				s = starts[above]
				above++
			default:
				return false
			}
			d := math.Abs(s.y - c.y)
			if d > near {
				return false // every start left is farther
			}
			if d < same || math.Abs(s.x-x) > tol {
				continue
			}
			if !slices.ContainsFunc(ys, func(o float64) bool { return math.Abs(o-s.y) < same }) {
				if ys = append(ys, s.y); len(ys) == 2 {
					return true
				}
			}
		}
		return false
	}
	out := make([]*chunk, 0, len(chunks))
	for _, c := range chunks {
		if len(c.cuts) == 0 || c.mono {
			out = append(out, c)
			continue
		}
		text, from, x0 := c.text.String(), 0, c.x0
		for _, k := range c.cuts {
			if !aligned(c, k.x) {
				continue
			}
			part := &chunk{x0: x0, x1: k.prevX, y: c.y, size: c.size}
			if from == 0 && c.wordEnd <= k.prevX {
				part.wordEnd = c.wordEnd
			}
			part.text.WriteString(strings.TrimRight(text[from:k.at], " "))
			out = append(out, part)
			from, x0 = k.at, k.x
		}
		if from == 0 {
			out = append(out, c)
			continue
		}
		part := &chunk{x0: x0, x1: c.x1, y: c.y, size: c.size}
		part.text.WriteString(text[from:])
		out = append(out, part)
	}
	return out
}

// band is a horizontal strip of chunks whose vertical extents overlap.
type band struct {
	chunks []*chunk
	free   []span // x ranges inside the node not covered by any chunk
}

type span struct{ lo, hi float64 }

// layoutNode appends the lines of a set of chunks in reading order. It
// cuts the set into horizontal bands and looks for the longest run of
// consecutive bands that share a column gutter (see interiorGutter). If
// there is one, the bands above the run, each side of the gutter within
// the run, and the bands below are laid out in that order, each on its
// own and recursively; otherwise the bands are read line by line. Within
// the run, a form (see labelColumn) is read row by row, and so is a table
// (see findTable), the bands above and below it laid out on their own; a
// table whose columns come closer than a gutter on every few lines (see
// narrowTable) is looked for where the run holds none, or there is no
// run. Taking the longest run first keeps a header line whose gaps look like
// gutters (contact details spaced across the page) from capturing the
// columns below it.
func layoutNode(chunks []*chunk, lines *[]string) {
	if len(chunks) == 0 {
		return
	}
	minX, maxX, size := extent(chunks)
	minGutter := chunkGap * size

	bands := makeBands(chunks, minX, maxX, minGutter)
	bestI, bestJ, best := 0, 0, span{}
	for i := range bands {
		cands := bands[i].free
		j := i + 1
		for ; j < len(bands); j++ {
			next := intersect(cands, bands[j].free, minGutter)
			if len(next) == 0 {
				break
			}
			cands = next
		}
		if j-i > bestJ-bestI {
			if g, ok := interiorGutter(bands[i:j], cands); ok {
				bestI, bestJ, best = i, j, g
			}
		}
	}
	if bestJ > 0 && labelColumn(bands[bestI:bestJ], best) {
		var above, below []*chunk
		for k, b := range bands {
			switch {
			case k < bestI:
				above = append(above, b.chunks...)
			case k >= bestJ:
				below = append(below, b.chunks...)
			}
		}
		layoutNode(above, lines)
		layoutForm(bands[bestI:bestJ], best, lines)
		layoutNode(below, lines)
		return
	}
	// A table: in the run, widened to the bands that leave padGap free
	// across its gutter (a table's rows whose longest cells come closer to
	// the next column than an em, a cell's padding all that parts them),
	// else in any run of bands whose columns are that close throughout
	// (see narrowTable).
	pad := padGap * size
	var t table
	var ok bool
	at := 0
	if bestJ > 0 {
		tabI, tabJ := bestI, bestJ
		narrow := []span{best}
		for ; tabJ < len(bands); tabJ++ {
			g := intersect(narrow, freeSpans(bands[tabJ].chunks, minX, maxX, pad), pad)
			if len(g) == 0 {
				break
			}
			narrow = g
		}
		narrow = []span{best}
		for ; tabI > 0; tabI-- {
			g := intersect(narrow, freeSpans(bands[tabI-1].chunks, minX, maxX, pad), pad)
			if len(g) == 0 {
				break
			}
			narrow = g
		}
		t, ok = findTable(bands[tabI:tabJ])
		at = tabI
	}
	if bestJ == 0 {
		at, t, ok = narrowTable(bands, minX, maxX, pad, minGutter)
	}
	if ok {
		var above, below []*chunk
		for k, b := range bands {
			switch {
			case k < at+t.from:
				above = append(above, b.chunks...)
			case k >= at+t.to:
				below = append(below, b.chunks...)
			}
		}
		layoutNode(above, lines)
		t.read(lines)
		layoutNode(below, lines)
		return
	}
	if bestJ == 0 {
		for _, b := range bands {
			readLines(b.chunks, lines)
		}
		return
	}
	var above, left, right, below []*chunk
	for k, b := range bands {
		for _, c := range b.chunks {
			switch {
			case k < bestI:
				above = append(above, c)
			case k >= bestJ:
				below = append(below, c)
			case c.x1 <= best.lo+0.01:
				left = append(left, c)
			default:
				right = append(right, c)
			}
		}
	}
	layoutNode(above, lines)
	for _, part := range [][]*chunk{left, right} {
		if n := len(*lines); n > 0 && (*lines)[n-1] != "" {
			*lines = append(*lines, "")
		}
		layoutNode(part, lines)
	}
	*lines = append(*lines, "")
	layoutNode(below, lines)
}

func makeBands(chunks []*chunk, minX, maxX, minGutter float64) []band {
	sorted := append([]*chunk(nil), chunks...)
	sort.SliceStable(sorted, func(i, j int) bool { return sorted[i].top() > sorted[j].top() })
	var bands []band
	bottom := math.Inf(1)
	for _, c := range sorted {
		// Overlap must be substantial: tight leading makes consecutive lines
		// touch, and they should still be separate bands.
		if len(bands) > 0 && c.top() > bottom+0.2*c.size {
			b := &bands[len(bands)-1]
			b.chunks = append(b.chunks, c)
			bottom = math.Min(bottom, c.bottom())
			continue
		}
		bands = append(bands, band{chunks: []*chunk{c}})
		bottom = c.bottom()
	}
	for i := range bands {
		bands[i].free = freeSpans(bands[i].chunks, minX, maxX, minGutter)
	}
	return bands
}

func freeSpans(chunks []*chunk, minX, maxX, minGutter float64) []span {
	xs := make([]span, len(chunks))
	for i, c := range chunks {
		xs[i] = span{c.x0, c.x1}
	}
	sort.Slice(xs, func(i, j int) bool { return xs[i].lo < xs[j].lo })
	var free []span
	at := minX
	for _, s := range xs {
		if s.lo-at >= minGutter {
			free = append(free, span{at, s.lo})
		}
		at = math.Max(at, s.hi)
	}
	if maxX-at >= minGutter {
		free = append(free, span{at, maxX})
	}
	return free
}

func intersect(a, b []span, minGutter float64) []span {
	var out []span
	for _, x := range a {
		for _, y := range b {
			lo, hi := math.Max(x.lo, y.lo), math.Min(x.hi, y.hi)
			if hi-lo >= minGutter {
				out = append(out, span{lo, hi})
			}
		}
	}
	return out
}

// interiorGutter returns the widest candidate gutter that is a real column
// gutter for the group. Text must stand on both sides of it, and either the
// two sides each have lines of their own (bands with text on one side only:
// columns whose lines do not align), or at least three bands and half of
// all have text on both sides (aligned columns). A gap that only ever appears between
// parts of the same lines is a tab stop (a date pushed to the right margin,
// a table row), and splitting there would tear those lines apart.
func interiorGutter(group []band, cands []span) (span, bool) {
	if len(group) < 2 {
		return span{}, false // one band is one line: its gaps are tab stops
	}
	best, found := span{}, false
	for _, g := range cands {
		both, leftOnly, rightOnly := 0, 0, 0
		for _, b := range group {
			left, right := false, false
			for _, c := range b.chunks {
				left = left || c.x1 <= g.lo+0.01
				right = right || c.x0 >= g.hi-0.01
			}
			switch {
			case left && right:
				both++
			case left:
				leftOnly++
			case right:
				rightOnly++
			}
		}
		real := leftOnly > 0 && rightOnly > 0 && both+min(leftOnly, rightOnly) >= 2 || both >= 3 && 2*both >= len(group)
		if real && (!found || g.hi-g.lo > best.hi-best.lo) && !rightAligned(group, g) {
			best, found = g, true
		}
	}
	return best, found
}

// rightAligned reports whether the text right of a gutter is pushed to the
// margin by tab stops on the lines of one column (dates and places beside
// a role's title), not a second column. Its chunks end flush right, and
// either start at widely different x (a second column's lines start
// together and end ragged), or are short beside the lines left of the
// gutter and stand alone or in pairs (a place above a date), where a
// column's lines stack into paragraphs. Dates of one format start together
// too, so the start spread alone misses them.
func rightAligned(group []band, g span) bool {
	var right []*chunk
	leftX0 := math.Inf(1)
	for _, b := range group {
		for _, c := range b.chunks {
			if c.x0 >= g.hi-0.01 {
				right = append(right, c)
			} else {
				leftX0 = math.Min(leftX0, c.x0)
			}
		}
	}
	if len(right) < 2 {
		return false
	}
	maxX1, minX0, maxX0 := math.Inf(-1), math.Inf(1), math.Inf(-1)
	for _, c := range right {
		maxX1 = math.Max(maxX1, c.x1)
		minX0, maxX0 = math.Min(minX0, c.x0), math.Max(maxX0, c.x0)
	}
	// Flush right within a few points (fonts end glyphs differently);
	// starts spread over a quarter of the area (a justified column with
	// indented bullets also ends flush, but starts nearly together).
	flush := 0
	for _, c := range right {
		if maxX1-c.x1 < 0.8*c.size {
			flush++
		}
	}
	if 10*flush < 6*len(right) {
		return false
	}
	if maxX0-minX0 > 0.25*(maxX1-minX0) {
		return true
	}
	// Short: under 40% of the width left of the gutter (a date or a town
	// is a fifth to a third of a role's line; a sidebar is rarely under
	// 40% of the main column).
	for _, c := range right {
		if c.x1-c.x0 > 0.4*(g.lo-leftX0) {
			return false
		}
	}
	return longestStack(right) <= 2
}

// labelColumn reports whether the text left of a gutter is the labels of
// a form (Europass: "Dates", "Occupation or position held") whose values
// stand right of it: the labels end flush against the gutter while they
// start at widely different x, and most share a baseline with a value.
// Such a row reads as one line, label then value, so that the form's
// section headings, which stand in the label column, stay with their
// values.
func labelColumn(group []band, g span) bool {
	var left, right []*chunk
	for _, b := range group {
		for _, c := range b.chunks {
			if c.x1 <= g.lo+0.01 {
				left = append(left, c)
			} else if c.x0 >= g.hi-0.01 {
				right = append(right, c)
			}
		}
	}
	if len(left) < 3 {
		return false
	}
	maxX1, minX0, maxX0 := math.Inf(-1), math.Inf(1), math.Inf(-1)
	for _, c := range left {
		maxX1 = math.Max(maxX1, c.x1)
		minX0, maxX0 = math.Min(minX0, c.x0), math.Max(maxX0, c.x0)
	}
	flush, beside := 0, 0
	for _, c := range left {
		if maxX1-c.x1 < 0.8*c.size {
			flush++
		}
		for _, r := range right {
			if math.Abs(r.y-c.y) < 0.1*c.size {
				beside++
				break
			}
		}
	}
	return 10*flush >= 8*len(left) && maxX0-minX0 > 0.25*(maxX1-minX0) && 2*beside > len(left)
}

// layoutForm appends the lines of a form (see labelColumn) row by row:
// the label, then its value. Rows are told by the space between them: a
// label or value wrapped over lines keeps the line spacing, and rows stand
// further apart. When no spacing is wider than the tightest, the form is
// one row, labels before values.
func layoutForm(group []band, g span, lines *[]string) {
	// The tightest spacing of each type size is its line spacing
	// (headings in larger type have their own).
	gaps, sizes := make([]float64, len(group)), make([]float64, len(group))
	minGap := map[float64]float64{}
	for k := 1; k < len(group); k++ {
		lo, hi := math.Inf(1), math.Inf(-1)
		for _, c := range group[k-1].chunks {
			lo = math.Min(lo, c.y)
		}
		for _, c := range group[k].chunks {
			hi = math.Max(hi, c.y)
			sizes[k] = math.Max(sizes[k], math.Round(c.size*4)/4)
		}
		gaps[k] = lo - hi
		if m, ok := minGap[sizes[k]]; !ok || gaps[k] < m {
			minGap[sizes[k]] = gaps[k]
		}
	}
	rows := 1
	for k := 1; k < len(group); k++ {
		if gaps[k] > minGap[sizes[k]]+0.1*sizes[k] {
			rows++
		}
	}
	var left, right []*chunk
	flush := func() {
		var label []string
		readLines(left, &label)
		if rows > 1 && len(label) > 1 {
			// One label wrapped in a narrow column ("Education and" /
			// "training"): a heading or label reads as one line.
			label = []string{strings.Join(label, " ")}
		}
		*lines = append(*lines, label...)
		layoutNode(right, lines)
		left, right = left[:0], right[:0]
	}
	for k, b := range group {
		if k > 0 && gaps[k] > minGap[sizes[k]]+0.1*sizes[k] {
			flush()
		}
		for _, c := range b.chunks {
			if c.x1 <= g.lo+0.01 {
				left = append(left, c)
			} else {
				right = append(right, c)
			}
		}
	}
	flush()
}

// longestStack returns the most chunks that follow each other as the lines
// of one block: each the next line below the one before (within 1.6 times
// its size) and overlapping it horizontally.
func longestStack(cs []*chunk) int {
	sorted := append([]*chunk(nil), cs...)
	sort.SliceStable(sorted, func(i, j int) bool { return sorted[i].y > sorted[j].y })
	best, run := 0, 0
	for i, c := range sorted {
		run++
		if i > 0 {
			p := sorted[i-1]
			if p.y-c.y > 1.6*math.Max(p.size, c.size) || c.x1 < p.x0 || c.x0 > p.x1 {
				run = 1
			}
		}
		best = max(best, run)
	}
	return best
}

// readLines appends the chunks of one band as lines: baselines clustered,
// each line read left to right.
func readLines(chunks []*chunk, lines *[]string) {
	sorted := append([]*chunk(nil), chunks...)
	sort.SliceStable(sorted, func(i, j int) bool { return sorted[i].y > sorted[j].y })
	var line []*chunk
	emit := func() {
		sort.SliceStable(line, func(i, j int) bool { return line[i].x0 < line[j].x0 })
		parts := make([]string, len(line))
		for i, c := range line {
			parts[i] = strings.TrimSpace(c.text.String())
		}
		*lines = append(*lines, logicalRTL(strings.Join(parts, " ")))
		line = line[:0]
	}
	for _, c := range sorted {
		if len(line) > 0 && !sameLine(line[0], c) && !sameLine(line[len(line)-1], c) {
			emit()
		}
		line = append(line, c)
	}
	if len(line) > 0 {
		emit()
	}
}

// sameLine reports whether two chunks sit on one line: baselines close, or
// one a superscript or subscript (smaller, shifted) of the other.
func sameLine(a, b *chunk) bool {
	if math.Abs(a.y-b.y) <= baselineTol*math.Max(a.size, b.size) {
		return true
	}
	big, small := a, b
	if small.size > big.size {
		big, small = small, big
	}
	d := small.y - big.y
	return small.size < 0.8*big.size && d >= -0.35*big.size && d <= 0.6*big.size
}

// runsOn reports whether the paragraph a page ends with runs on at the
// top of the next: the page's text (prevText, of chunks prev) ends with
// its lowest line, the next page's (nextText, of next) starts with its
// highest, set in the same type where a chunk of that line starts (the
// text of a list item after its bullet), and the lowest line was wrapped
// (the next one's first word would not have fitted after it, before the
// right edge of the text above it) before a sentence ended. A blank line
// there would part one sentence in two.
func runsOn(prev, next []*chunk, prevText, nextText string) bool {
	if len(prev) == 0 || len(next) == 0 {
		return false
	}
	low, high := prev[0], next[0]
	for _, c := range prev {
		if c.y < low.y {
			low = c
		}
	}
	for _, c := range next {
		if c.y > high.y {
			high = c
		}
	}
	var last, first []*chunk
	for _, c := range prev {
		if sameLine(c, low) {
			last = append(last, c)
		}
	}
	for _, c := range next {
		if sameLine(c, high) {
			first = append(first, c)
		}
	}
	var lastText, firstText []string
	readLines(last, &lastText)
	readLines(first, &firstText)
	prevText, nextText = strings.TrimRight(prevText, "\n"), strings.TrimLeft(nextText, "\n")
	if len(lastText) != 1 || len(firstText) != 1 || !strings.HasSuffix(prevText, lastText[0]) || !strings.HasPrefix(nextText, firstText[0]) {
		return false
	}
	if strings.ContainsAny(lastText[0][len(lastText[0])-1:], ".!?:;") {
		return false
	}
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, c := range last {
		lo, hi = math.Min(lo, c.x0), math.Max(hi, c.x1)
	}
	start := first[0]
	for _, c := range first {
		if c.x0 < start.x0 {
			start = c
		}
	}
	tol := alignTol * low.size
	if math.Abs(start.size-low.size) > tol || !slices.ContainsFunc(last, func(c *chunk) bool { return math.Abs(c.x0-start.x0) <= tol }) {
		return false
	}
	// The text's right edge: where lines above it end, three at least
	// within an em of it (a paragraph wrapped there, not a list of short
	// items of which the last is the longest).
	right := hi
	var ends []float64
	for _, c := range prev {
		if c.x0 < hi && c.x1 > lo && !slices.Contains(last, c) {
			right = math.Max(right, c.x1)
			ends = append(ends, c.x1)
		}
	}
	full := 0
	for _, e := range ends {
		if right-e < low.size {
			full++
		}
	}
	return full >= 3 && hi+0.25*start.size+start.firstWord() > right
}

// extent returns the left and right edges of chunks and the median of
// their type sizes; chunks is not empty.
func extent(chunks []*chunk) (minX, maxX, size float64) {
	minX, maxX = math.Inf(1), math.Inf(-1)
	sizes := make([]float64, 0, len(chunks))
	for _, c := range chunks {
		minX, maxX = math.Min(minX, c.x0), math.Max(maxX, c.x1)
		sizes = append(sizes, c.size)
	}
	sort.Float64s(sizes)
	return minX, maxX, sizes[len(sizes)/2]
}

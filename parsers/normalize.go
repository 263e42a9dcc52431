package parsers

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Normalize returns s in the form every parser produces: NFC, ligatures
// expanded, invisible characters removed (bidirectional embeddings,
// overrides and isolates too: in a name or a cell they can make text read
// backwards, "invoice\u202Efdp.exe"), odd spaces made plain, private-use
// bullet glyphs (Symbol and Wingdings fonts) made "•", words hyphenated at a
// line end joined, each line trimmed, runs of spaces collapsed and at most one
// blank line in a row.
//
// A tab is a cell boundary and stays one: the parsers write one '\t'
// between the cells of a table's row ("TypeScript\tExpert\t4 years"), and a
// text file's own tabs (a spreadsheet pasted into it, columns set with tab
// stops) are kept too. Within a line, a run of white space that holds tabs
// becomes those tabs alone, so an empty cell stays two tabs in a row
// ("Data\t\tApache Spark"); any other run becomes one space. A tab after a
// leading bullet ("•\tGo", a list as a word processor writes it) is a
// space, since the bullet marks a list item, not a cell.
//
// A table row keeps the tabs at its ends, so that a row whose first or
// last cells are empty keeps its cells' positions ("\tIdeal",
// "Git\t\t"); every other line loses them with the trimming. A line is a
// row when a tab stands between two of its words, or when it has tabs only
// at its ends and the line right above or below it is a row of as many
// cells (a blank line between parts them): a table's rows all have the
// table's count of cells, and a line indented with a tab ("\tLed a team of
// five") is no row unless it stands against a row of two cells. A row of
// empty cells only is a blank line. Rows take no part in joining a word
// hyphenated at a line's end: a cell is no wrapped line.
func Normalize(s string) string {
	if s == "" {
		return ""
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case r >= ' ' && r < 0x7F: // printable ASCII, most of any text: as it is
			b.WriteByte(byte(r))
		case r == '\r':
			continue // \r\n and lone \r handled below via \n only
		case r >= 0xFB00 && r <= 0xFB06:
			b.WriteString(ligatures[r-0xFB00])
		case r == '\u00AD', r == '\u200B', r == '\u200C', r == '\u200D', r == '\u2060', r == '\uFEFF':
			// soft hyphen, zero-width characters, BOM: invisible
		case r >= '\u202A' && r <= '\u202E', r >= '\u2066' && r <= '\u2069':
			// bidirectional embeddings, overrides and isolates: invisible
		case r == '\u00A0', r == '\u3000', r == '\u202F', r == '\u205F', r >= '\u2000' && r <= '\u200A':
			b.WriteByte(' ')
		case r == '\f', r == '\v', r == '\u2028', r == '\u2029', r == '\u0085':
			b.WriteByte('\n')
		case r >= 0x2E80 && r <= 0x2FDF, r >= 0xF900 && r <= 0xFAFF:
			// CJK radicals and compatibility ideographs, which some fonts'
			// ToUnicode maps use in place of the unified ideographs.
			b.WriteString(norm.NFKC.String(string(r)))
		case r >= 0xF000 && r <= 0xF0FF: // Symbol/Wingdings glyphs mapped into the private-use area
			b.WriteString("•")
		case r == '\n', r == '\t':
			b.WriteRune(r)
		case unicode.IsControl(r) || r == unicode.ReplacementChar:
			b.WriteByte(' ')
		default:
			b.WriteRune(r)
		}
	}
	s = norm.NFC.String(b.String())

	lines := strings.Split(s, "\n")
	var rows []rowLine
	if strings.IndexByte(s, '\t') >= 0 {
		rows = tableRows(lines)
	}
	out := make([]string, 0, len(lines))
	prevRow := false
	for i, line := range lines {
		row := rows != nil && rows[i].row
		if row {
			line = rows[i].text
		} else {
			line = collapseSpaces(line)
		}
		if n := len(out); n > 0 && !row && !prevRow && line != "" && out[n-1] != "" && endsHyphenated(out[n-1]) && startsLower(line) {
			out[n-1] = out[n-1][:len(out[n-1])-1] + line
			continue
		}
		if line == "" && (len(out) == 0 || out[len(out)-1] == "") {
			continue
		}
		out = append(out, line)
		prevRow = row
	}
	for len(out) > 0 && out[len(out)-1] == "" {
		out = out[:len(out)-1]
	}
	return strings.Join(out, "\n")
}

// rowLine is what [tableRows] learns of one line.
type rowLine struct {
	row   bool   // whether the line is a table's row
	text  string // a row's text: collapsed, its edge tabs kept; "" for other lines
	cells int    // the row's count of cells, edge ones too
}

// tableRows tells which of lines are table rows, as [Normalize] says: a
// line with a tab between two words, and a line with tabs only at its
// ends that stands, line against line, beside a row of as many cells.
func tableRows(lines []string) []rowLine {
	rl := make([]rowLine, len(lines))
	edged := false // whether some line has tabs at its ends only
	for i, line := range lines {
		if strings.IndexByte(line, '\t') < 0 {
			continue
		}
		c := collapseSpaces(line)
		if c == "" {
			continue // a row of empty cells is a blank line
		}
		lead, trail := edgeTabs(line)
		inner := strings.Count(c, "\t")
		rl[i] = rowLine{row: inner > 0, cells: inner + 1 + lead + trail}
		if lead+trail > 0 {
			rl[i].text = strings.Repeat("\t", lead) + c + strings.Repeat("\t", trail)
			edged = edged || inner == 0
		} else {
			rl[i].text = c
		}
	}
	if !edged {
		return rl
	}
	// A line with edge tabs alone joins the row beside it; the second
	// pass carries a row up through the lines above it.
	joins := func(i, j int) {
		if !rl[i].row && rl[i].cells > 1 && rl[j].row && rl[i].cells == rl[j].cells {
			rl[i].row = true
		}
	}
	for i := 1; i < len(rl); i++ {
		joins(i, i-1)
	}
	for i := len(rl) - 2; i >= 0; i-- {
		joins(i, i+1)
	}
	return rl
}

// edgeTabs counts the tabs in the white space that starts line and in the
// white space that ends it.
func edgeTabs(line string) (lead, trail int) {
	for _, r := range line {
		if !unicode.IsSpace(r) {
			break
		}
		if r == '\t' {
			lead++
		}
	}
	for i := len(line); i > 0; {
		r, size := utf8.DecodeLastRuneInString(line[:i])
		if !unicode.IsSpace(r) {
			break
		}
		if r == '\t' {
			trail++
		}
		i -= size
	}
	return lead, trail
}

// collapseSpaces returns line trimmed, with each run of white space that
// holds tabs made those tabs and each other run one space, and the tab
// after a leading bullet made a space (see [Normalize]). It spares the work
// when line is ASCII text with single spaces alone.
func collapseSpaces(line string) string {
	space := true // at the start, a space is one too many
	for i := 0; i < len(line); i++ {
		switch c := line[i]; {
		case c >= utf8.RuneSelf || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r':
			return collapseRuns(line)
		case c == ' ':
			if space {
				return collapseRuns(line)
			}
			space = true
		default:
			space = false
		}
	}
	if space && line != "" {
		return collapseRuns(line)
	}
	return line
}

// collapseRuns is collapseSpaces's work: white space as [unicode.IsSpace]
// (and [strings.Fields]) says.
func collapseRuns(line string) string {
	var b strings.Builder
	b.Grow(len(line))
	tabs, gap := 0, false
	for i := 0; i < len(line); {
		r, size := utf8.DecodeRuneInString(line[i:])
		if unicode.IsSpace(r) {
			gap = true
			if r == '\t' {
				tabs++
			}
			i += size
			continue
		}
		if gap && b.Len() > 0 {
			if tabs > 0 {
				b.WriteString(strings.Repeat("\t", tabs))
			} else {
				b.WriteByte(' ')
			}
		}
		gap, tabs = false, 0
		b.WriteString(line[i : i+size])
		i += size
	}
	s := b.String()
	if mark, rest, ok := strings.Cut(s, "\t"); ok && isBullet(mark) {
		return mark + " " + strings.TrimLeft(rest, "\t")
	}
	return s
}

// isBullet reports whether s is a list item's mark: one character that is
// no letter or digit ("•", "-", "➢"), or a number or letter of one or two
// characters and a full stop or bracket ("1.", "12)", "a.").
func isBullet(s string) bool {
	r, size := utf8.DecodeRuneInString(s)
	if size == len(s) {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	}
	if last := s[len(s)-1]; (last == '.' || last == ')') && len(s) <= 3 {
		for _, r := range s[:len(s)-1] {
			if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
				return false
			}
		}
		return true
	}
	return false
}

var ligatures = [...]string{"ff", "fi", "fl", "ffi", "ffl", "st", "st"}

// endsHyphenated reports whether line ends in a letter followed by a hyphen,
// the mark of a word broken across lines.
func endsHyphenated(line string) bool {
	if len(line) < 3 || line[len(line)-1] != '-' {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(line[:len(line)-1])
	return unicode.IsLower(r)
}

func startsLower(line string) bool {
	for _, r := range line {
		return unicode.IsLower(r)
	}
	return false
}

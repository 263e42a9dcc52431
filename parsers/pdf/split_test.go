package pdf

import (
	"fmt"
	"strings"
	"testing"
)

// setLine returns the glyphs of text set from x on baseline y at size 10
// in a proportional font (narrow "i", "l", "t", wide "m", "w", capitals),
// words a third of an em apart; a tab in text stands for a gap of
// gap ems, as a table's cell padding leaves between two cells.
func setLine(x, y float64, text string, gap float64, mono bool) []glyph {
	const size = 10
	var gs []glyph
	for i, cell := range strings.Split(text, "\t") {
		if i > 0 {
			x += gap * size
		}
		for j, word := range strings.Fields(cell) {
			if j > 0 {
				x += size / 3
				if mono {
					x += 0.6*size - size/3
				}
			}
			for _, r := range word {
				w := 0.5
				switch {
				case mono:
					w = 0.6
				case strings.ContainsRune("iltj.,", r):
					w = 0.25
				case strings.ContainsRune("mwMW", r) || r >= 'A' && r <= 'Z':
					w = 0.75
				}
				gs = append(gs, glyph{x0: x, x1: x + w*size, y: y, size: size, text: string(r)})
				x += w * size
			}
		}
	}
	return gs
}

// TestSplitAligned: a table whose first column's widest cell comes within
// an em of the next column (its padding all that parts them) is read a
// row a line, a tab between cells, once the cells the other rows start
// at that x show the column; a monospaced font's wide spaces are no
// column, and a word alone at some line's start is no column either.
func TestSplitAligned(t *testing.T) {
	// The first column's widest cell ends 0.7 em before the second
	// column, which the other rows start at.
	long := "Sass or Styled Components"
	set := setLine(60, 0, long, 0, false)
	col2 := set[len(set)-1].x1 + 7
	col3 := col2 + 100
	var gs []glyph
	for i, row := range [][3]string{
		{"Skill", "Level", "Notes"},
		{"TypeScript", "Expert", "four years of it in production"},
		{long, "Strong", "two years"},
		{"Jest", "Working", "for the design system's tests"},
		{"GraphQL", "Bonus", "-"},
	} {
		y := 700 - 20*float64(i)
		if row[0] == long {
			gs = append(gs, setLine(60, y, long+"\t"+row[1], 0.7, false)...)
		} else {
			gs = append(gs, setLine(60, y, row[0], 0, false)...)
			gs = append(gs, setLine(col2, y, row[1], 0, false)...)
		}
		gs = append(gs, setLine(col3, y, row[2], 0, false)...)
	}
	if chunks := buildChunks(gs); len(chunks) != 14 {
		t.Fatalf("%d chunks, want 14: the long cell and the next one in one", len(chunks))
	}
	var sb strings.Builder
	layoutPage(&sb, pageChunks(gs))
	if want := "Skill\tLevel\tNotes\nTypeScript\tExpert\tfour years of it in production\nSass or Styled Components\tStrong\ttwo years\nJest\tWorking\tfor the design system's tests\nGraphQL\tBonus\t-"; sb.String() != want {
		t.Errorf("got:\n%s\nwant:\n%s", sb.String(), want)
	}

	// Where a cut is made, and where not.
	mk := func(x0, y float64, text string, cuts ...cut) *chunk {
		c := &chunk{x0: x0, x1: x0 + 100, y: y, size: 10, cuts: cuts}
		c.text.WriteString(text)
		return c
	}
	for _, tt := range []struct {
		name   string
		chunks []*chunk
		want   int
	}{
		{"two other lines start there", []*chunk{mk(60, 700, "Sass Strong", cut{5, 200, 90}), mk(200, 680, "Expert"), mk(200, 660, "Bonus")}, 4},
		{"a cut on another line counts", []*chunk{mk(60, 700, "Sass Strong", cut{5, 200, 90}), mk(200, 680, "Expert"), mk(60, 660, "Go Bonus", cut{3, 200.5, 80})}, 5},
		{"one other line", []*chunk{mk(60, 700, "Sass Strong", cut{5, 200, 90}), mk(200, 680, "Expert"), mk(210, 660, "Bonus")}, 3},
		{"the same line", []*chunk{mk(60, 700, "Sass Strong", cut{5, 200, 90}), mk(200, 700, "Expert"), mk(200, 700.5, "Bonus")}, 3},
		{"lines far away", []*chunk{mk(60, 700, "Sass Strong", cut{5, 200, 90}), mk(200, 500, "Expert"), mk(200, 480, "Bonus")}, 3},
		{"a monospaced line", []*chunk{func() *chunk { c := mk(60, 700, "Sass Strong", cut{5, 200, 90}); c.mono = true; return c }(), mk(200, 680, "Expert"), mk(200, 660, "Bonus")}, 3},
	} {
		if got := splitAligned(tt.chunks); len(got) != tt.want {
			var texts []string
			for _, c := range got {
				texts = append(texts, c.text.String())
			}
			t.Errorf("%s: %q, want %d chunks", tt.name, texts, tt.want)
		}
	}
}

// TestSplitAlignedLongColumn: in a long table, a column's start has many
// rows; the rows that show a cut's column are those near it, wherever
// they come among the others.
func TestSplitAlignedLongColumn(t *testing.T) {
	cutRow := &chunk{x0: 60, x1: 160, y: 100, size: 10, cuts: []cut{{5, 200, 90}}}
	cutRow.text.WriteString("Sass Strong")
	chunks := []*chunk{cutRow}
	for i := 300; i > 0; i-- { // far rows first, the two nearest last
		c := &chunk{x0: 200, x1: 260, y: 100 + 20*float64(i), size: 10}
		c.text.WriteString("Expert")
		chunks = append(chunks, c)
	}
	if got := splitAligned(chunks); len(got) != len(chunks)+1 {
		t.Errorf("%d chunks, want %d: the cut at the column's start is made", len(got), len(chunks)+1)
	}
}

// BenchmarkSplitAligned splits the chunks of a table of rows rows whose
// first column's cells run up to the second's, every row with a cut:
// compare the sizes' times per row to see how the cost grows.
func BenchmarkSplitAligned(b *testing.B) {
	for _, rows := range []int{400, 1600, 6400} {
		var gs []glyph
		for i := range rows {
			y := 100000 - 14*float64(i)
			gs = append(gs, setLine(60, y, "Sass or Styled Components\tStrong", 0.7, false)...)
			gs = append(gs, setLine(300, y, "two years of it", 0, false)...)
		}
		chunks := buildChunks(gs)
		b.Run(fmt.Sprint(rows), func(b *testing.B) {
			for b.Loop() {
				splitAligned(chunks)
			}
		})
	}
}

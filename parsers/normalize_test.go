package parsers

import (
	"regexp"
	"strings"
	"testing"
	"unicode"
)

// whiteRun is a run of white space as unicode.IsSpace says: ASCII's, U+0085,
// U+00A0 and Unicode's separators.
var whiteRun = regexp.MustCompile(`[\t\n\v\f\r \x{85}\x{A0}\p{Z}]+`)

// FuzzCollapseSpaces checks collapseSpaces against a plain statement of
// what it does: trim, a run with tabs made its tabs, any other run one
// space, and a leading bullet's tab a space.
func FuzzCollapseSpaces(f *testing.F) {
	for _, s := range []string{"", " ", "a", "a b", " a", "a ", "a  b", "a\tb", "a \t \tb", "\ta\t", "•\tGo", "1.\t\tGo\tx",
		"a\u00a0b", "é b", "a\u0085", "\x1fa b\x7f", "x\r", "Go\t \u2003\tyes"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, line string) {
		want := whiteRun.ReplaceAllStringFunc(strings.TrimFunc(line, unicode.IsSpace), func(run string) string {
			if n := strings.Count(run, "\t"); n > 0 {
				return strings.Repeat("\t", n)
			}
			return " "
		})
		if mark, rest, ok := strings.Cut(want, "\t"); ok && isBullet(mark) {
			want = mark + " " + strings.TrimLeft(rest, "\t")
		}
		if got := collapseSpaces(line); got != want {
			t.Fatalf("collapseSpaces(%q) = %q, want %q", line, got, want)
		}
	})
}

func TestIsBullet(t *testing.T) {
	for s, want := range map[string]bool{"•": true, "-": true, "➢": true, "1.": true, "12)": true, "a.": true,
		"Go": false, "x": false, "7": false, "Skill": false, "123.": false, "C#": false, "v1.": true} {
		if got := isBullet(s); got != want {
			t.Errorf("isBullet(%q) = %v, want %v", s, got, want)
		}
	}
}

// TestNormalizeTableRows: a table row keeps the tabs at its ends, so its
// empty first and last cells stay cells; a line indented or ended with a
// tab that is no row loses them.
func TestNormalizeTableRows(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"empty first cell", "\tMinimum\tIdeal\nData\t\tSpark", "\tMinimum\tIdeal\nData\t\tSpark"},
		{"empty last cell", "TypeScript \t Expert\t4 years\t ", "TypeScript\tExpert\t4 years\t"},
		{"one cell left, under a row", "Must have\tNice to have\nPlaywright\tDocker\nGit\t", "Must have\tNice to have\nPlaywright\tDocker\nGit\t"},
		{"one cell left, over a row", "\tNotes\nGo\tdaily", "\tNotes\nGo\tdaily"},
		{"rows of one cell in a run", "Skill\tLevel\tYears\nGit\t\t\nSQL\t\t \n\t\t5", "Skill\tLevel\tYears\nGit\t\t\nSQL\t\t\n\t\t5"},
		{"rows of one cell above a row", "Git\t\t\n\tSQL\t\nGo\tExpert\t5", "Git\t\t\n\tSQL\t\nGo\tExpert\t5"},
		{"spaces beside edge tabs", "  \t Git \t ", "Git"},
		{"indented text", "\tLed a team of five.\n\tWrote the billing service.\t", "Led a team of five.\nWrote the billing service."},
		{"indented line beside a longer row", "Go\tExpert\t5 years\n\tand some Rust", "Go\tExpert\t5 years\nand some Rust"},
		{"a blank line parts rows", "Must have\tNice to have\n\nGit\t", "Must have\tNice to have\n\nGit"},
		{"an empty row is a blank line", "Go\tyes\n\t\t\nRust\tno", "Go\tyes\n\nRust\tno"},
		{"bullet after an indent", "\t•\tGo\n\t•\tRust", "• Go\n• Rust"},
		{"no hyphen join into a row", "Data\tdevelop-\nment", "Data\tdevelop-\nment"},
		{"no hyphen join of a row", "develop-\nment\tGo", "develop-\nment\tGo"},
		{"hyphen join elsewhere", "develop-\nment\nGo\tyes", "development\nGo\tyes"},
	}
	for _, tt := range tests {
		if got := Normalize(tt.in); got != tt.want {
			t.Errorf("%s: Normalize(%q) = %q, want %q", tt.name, tt.in, got, tt.want)
		}
	}
}

// FuzzNormalize checks what callers rely on: Normalize is idempotent (a
// parser's text passes it again unchanged), every line is trimmed of
// spaces, a line keeps tabs at its ends only as a row with a tab inside
// or beside such a row, and no tab appears that the input did not have.
func FuzzNormalize(f *testing.F) {
	for _, s := range []string{"", "a", "\tMinimum\tIdeal\nData\t\tSpark", "Must\tNice\nGo\tDocker\nGit\t", "Git\t\t\n\tSQL\t\nGo\tExpert\t5",
		"\tLed a team.\n\tWrote it.", "develop-\nment\tGo", "Data\tdevelop-\nment", "\t•\tGo\n\t•\tRust", "a\tb\n\t\t\nc\t", "x-\n\ty\t\nz\tw"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := Normalize(s)
		if again := Normalize(got); again != got {
			t.Fatalf("Normalize(%q) = %q, and again %q", s, got, again)
		}
		if !strings.Contains(s, "\t") && strings.Contains(got, "\t") {
			t.Fatalf("Normalize(%q) = %q: a tab from nowhere", s, got)
		}
		lines := strings.Split(got, "\n")
		inner := func(l string) bool { return strings.Contains(strings.Trim(l, "\t"), "\t") }
		for i, l := range lines {
			if strings.TrimFunc(l, unicode.IsSpace) != strings.Trim(l, "\t") {
				t.Fatalf("Normalize(%q) line %q: spaces at its ends", s, l)
			}
			if strings.Trim(l, "\t") == l || inner(l) {
				continue
			}
			beside := i > 0 && strings.Contains(lines[i-1], "\t") || i+1 < len(lines) && strings.Contains(lines[i+1], "\t")
			if !beside {
				t.Fatalf("Normalize(%q) line %q: edge tabs on a line that is no row", s, l)
			}
		}
	})
}

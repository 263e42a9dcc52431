package rules

import (
	"fmt"
	"math"
	"strings"
	"testing"
)

// TestRanges reads one line each; want is the length of its ranges in
// months, summed.
func TestRanges(t *testing.T) {
	now := 2025*12 + 6.0 // the end of June 2025
	tests := []struct {
		line string
		want float64 // months; 0 for no range
	}{
		{"Jan 2019 – Mar 2019", 3},
		{"Jan. 2019 - Mar. 2019", 3},
		{"January 2019 to March 2019", 3},
		{"Jun. 2018 Jan. 2021", 32},              // no separator
		{"Mar. 2016 Exp. Jun. 2017", 16},         // "Exp." between
		{"2019 – 2022", 36},                      // year only: mid-year to mid-year
		{"2019-2021", 24},                        // no spaces
		{"2019 – 2019", 4},                       // a third of a year
		{"03/2019 - 05/2019", 3},                 // MM/YYYY
		{"Berkeley Lab 05/13 - 05/14", 13},       // MM/YY
		{"05/14 – Present", now - (2014*12 + 4)}, // MM/YY, open
		{"Scored 3/10 - 4/10 in reviews", 0},     // ratios
		{"2022/10-2024/10", 25},                  // YYYY/MM, no spaces
		{"03/2019-05/2019", 3},                   // MM/YYYY, no spaces
		{"2019-03 – 2019-05", 3},                 // YYYY-MM
		{"2018.07 - 2020.07", 25},                // YYYY.MM
		{"2020-07-01 — 2022-01-01", 19},          // ISO dates
		{"01.03.2019 - 01.05.2019", 3},           // DD.MM.YYYY
		{"2018年7月 - 2020年7月", 25},                // CJK
		{"2015 年 3 月 – 2015 年 5 月", 3},           // CJK with spaces
		{"2009/08 – 至今", now - (2009*12 + 7)},    // CJK "to now"
		{"März 2019 – Mai 2019", 3},              // de
		{"janv. 2019 - mars 2019", 3},            // fr
		{"enero 2019 - marzo 2019", 3},           // es
		{"gennaio 2019 - marzo 2019", 3},         // it
		{"jan 2019 tot mrt 2019", 3},             // nl
		{"fev 2019 até abr 2019", 3},             // pt
		{"15 March 2019 – 15 May 2019", 3},       // with days
		{"IoT gas detector Jan – Mar 2024", 3},   // the year once, at the end
		{"Nov – Feb 2024", 4},                    // across a new year
		{"2020, Jul-Okt.", 4},                    // the year once, first
		{"Jan 2025 – Present", now - 2025*12},    // open
		{"Jan 2025 – current", now - 2025*12},    // open
		{"Jan 2025 to date", now - 2025*12},      // open
		{"Jan 2025 - heute", now - 2025*12},      // de
		{"since Jan 2025", now - 2025*12},        // since
		{"seit 2024", now - (2024*12 + 6)},       // since, year only
		{"2025-01-01 —", now - 2025*12},          // open-ended
		{"Engineer, Acme (2016 - 2018)", 24},     // inside text
		{"Summer 2012 and 2013", 0},              // two dates, no range
		{"Call +1-123-456-2019 or 555-2021", 0},  // phone numbers
		{"Graduated 2019", 0},                    // one date
		{"Jan 2030 – Present", 0},                // starts in the future
		{"1820 - 1830", 0},                       // not plausible
		{"Fix ticket 2019-2021-77", 0},           // an identifier
		{"Led 2019, 2020 and 2021 launches", 0},  // a list of years
		{"Jan 1950 – Mar 1950", 3},               // the earliest start taken
		{"Nov – Jan 1950", 0},                    // starts in 1949
		{"Jan 1960 – Dec 2009", 600},             // fifty years, the longest taken
		{"Jan 1960 – Jan 2010", 0},               // longer than fifty years
		{"Jun 2025 – Jul 2025", 2},               // ends a month after the as-of date
		{"Jun 2025 – Aug 2025", 0},               // ends two months after it
		{"Jan – 2024", 0},                        // a month, then a year alone: no range
		{"Mar – Mar 2024", 1},                    // one month, not a year and one
		{"2020, Jul–Jul", 1},                     // the same
		{"since: Jan 2025", now - 2025*12},       // since, a colon between
		{"since the Jan 2025 release", 0},        // a word between: no range
		{"2019 – 2020 until March", 12},          // a month name ends the line
	}
	for _, tt := range tests {
		got := 0.0
		for _, s := range rangesIn(tt.line, now) {
			got += s.to - s.from
		}
		if math.Abs(got-tt.want) > 0.05 {
			t.Errorf("%q: %.2f months, want %.2f (%v)", tt.line, got, tt.want, rangesIn(tt.line, now))
		}
	}
}

// TestRangesOfNoLength: a range whose end, read at its precision, is its
// start ("Jul 2019 – 2019", mid-2019 to mid-2019) is a range of no months,
// still a dated role; one that ends before it starts is none.
func TestRangesOfNoLength(t *testing.T) {
	now := 2025*12 + 6.0
	tests := []struct {
		line string
		n    int
	}{
		{"Jul 2019 – 2019", 1},
		{"2019 – Jun 2019", 1},
		{"Mar 2019 – Feb 2019", 1},
		{"Mar 2019 – Jan 2019", 0},
		{"2025 – Present", 1}, // the as-of year alone, open: begun by now
		{"seit 2025", 1},
	}
	for _, tt := range tests {
		got := rangesIn(tt.line, now)
		if len(got) != tt.n {
			t.Errorf("%q: %d ranges %v, want %d", tt.line, len(got), got, tt.n)
		}
		for _, s := range got {
			if s.to != s.from {
				t.Errorf("%q: %v is not of no length", tt.line, s)
			}
		}
	}
}

// TestOpenInTheAsOfYear: a role open since the as-of year, given as a
// year alone, has begun by the as-of date even in its first half (where
// the middle of the year would be after it); one since a later year has
// not, nor one since a later month.
func TestOpenInTheAsOfYear(t *testing.T) {
	now := 2025*12 + 3.0 // the end of March 2025
	for _, tt := range []struct {
		line string
		n    int
	}{
		{"2025 – Present", 1},
		{"since 2025", 1},
		{"2026 – Present", 0},
		{"May 2025 – Present", 0},
		{"2025 – 2025", 0}, // a closed range of the as-of year ends after it
	} {
		got := rangesIn(tt.line, now)
		if len(got) != tt.n {
			t.Errorf("%q: %d ranges %v, want %d", tt.line, len(got), got, tt.n)
		}
		for _, s := range got {
			if s.from != now || s.to != now {
				t.Errorf("%q: %v, want a range of no length at the as-of date", tt.line, s)
			}
		}
	}
}

// TestRangesAtTheLastPlausibleYear: years up to 2099 are dates, so a
// range in 2099 counts when the as-of date has reached it; 2100 is no year.
func TestRangesAtTheLastPlausibleYear(t *testing.T) {
	now := 2100*12 + 0.0 // the end of December 2099
	tests := []struct {
		line string
		want float64
	}{
		{"Jan 2099 – Mar 2099", 3},
		{"Dec 2099 – Jan 2100", 0},
		{"2098 – 2099", 12},
	}
	for _, tt := range tests {
		got := 0.0
		for _, s := range rangesIn(tt.line, now) {
			got += s.to - s.from
		}
		if got != tt.want {
			t.Errorf("%q: %.1f months, want %.1f", tt.line, got, tt.want)
		}
	}
}

// TestColumnRangeReadsFourLines: a column of dates is read over at most
// four lines; a fifth starting with a date is left to itself.
func TestColumnRangeReadsFourLines(t *testing.T) {
	now := 2025*12 + 6.0
	lines := []string{"Jan 2016 –", "Dec 2016", "Jan 2018 –", "Dec 2018", "Jan 2020 – Present", "Built things."}
	spans, used := columnRange(lines, 0, now)
	if used != 4 || len(spans) != 2 {
		t.Errorf("read %d lines into %v, want 4 lines, 2 ranges", used, spans)
	}
	spans, used = columnRange(lines, 4, now)
	if used != 0 || spans != nil {
		t.Errorf("a line alone read as a column: %d lines, %v", used, spans)
	}
}

// TestColumnRangeNotOfWords: a line that starts with a word spelled as a
// month's name ("Set", September in Italian and Portuguese; "May") is no
// part of a column of dates when a lowercase word follows it; a month's
// name alone on its line, or before a title, is.
func TestColumnRangeNotOfWords(t *testing.T) {
	now := 2025*12 + 6.0
	for _, tt := range []struct {
		lines []string
		n     int
	}{
		{[]string{"Set up dashboards in Cucumber fed by Jenkins", "04/2023 - 07/2024"}, 0},
		{[]string{"May lead the team on call", "2019 – 2021"}, 0},
		{[]string{"November", "2019 – 2021"}, 1},
		{[]string{"August Data Engineer, Calder Energy", "2016 - July", "2017"}, 1},
		{[]string{"Since", "05/2017"}, 1},
	} {
		if spans, _ := columnRange(tt.lines, 0, now); len(spans) != tt.n {
			t.Errorf("%q: %v, want %d ranges", tt.lines, spans, tt.n)
		}
	}
}

// TestDateForms reads the dates of one line each; want lists them as
// "text=YYYY-MM" (00 for a year alone), the text being where the date
// starts and ends on the line (a day before a month name is part of it).
func TestDateForms(t *testing.T) {
	tests := []struct {
		line string
		want string
	}{
		{"15 March 2019", "15 March 2019=2019-03"},
		{"1 March 2019", "1 March 2019=2019-03"},
		{"31 March 2019", "31 March 2019=2019-03"},
		{"1. März 2019", "1. März 2019=2019-03"},
		{"15, March 2019", "March 2019=2019-03"}, // a comma: no day
		{"32 March 2019", "March 2019=2019-03"},  // no such day
		{"2018年10月", "2018年10月=2018-10"},
		{"2018年1月", "2018年1月=2018-01"},
		{"2018年12月", "2018年12月=2018-12"},
		{"2018年", "2018年=2018-00"},
		{"2019.3", "2019.3=2019-03"},
		{"2019-12", "2019-12=2019-12"},
		{"2019-13", ""},
		{"2020-07-1", "2020-07-1=2020-07"},
		{"1.3.2019", "1.3.2019=2019-03"},
		{"15.01.2019", "15.01.2019=2019-01"},
		{"15.12.2019", "15.12.2019=2019-12"},
		{"31.01.2019", "31.01.2019=2019-01"},
		{"05.13.2019", ""},                            // day first with dots: no month 13
		{"05/13/2019", "05/13/2019=2019-05"},          // with slashes, month first when it must be
		{"05/12/2019", "05/12/2019=2019-12"},          // else day first
		{"01/19", "01/19=2019-01"},                    // MM/YY
		{"12/19", "12/19=2019-12"},                    // MM/YY
		{"05/49", "05/49=2049-05"},                    // MM/YY up to 2049
		{"05/50", "05/50=1950-05"},                    // from 1950
		{"SKU A2019", ""},                             // inside a word
		{"-2019 – 2021", "2019=2019-00 2021=2021-00"}, // a hyphen before a year opening the line
		{"Ref 123-2019", ""},                          // after a number and a hyphen
		{"FY2019-2021", "2021=2021-00"},               // after a year in a word, as a range without spaces
		{"03/2019-05", ""},                            // a range cut short
		{"03/2019-05 Acme", ""},                       // the same, words after
		{"03/2019-05/2020", "03/2019=2019-03 05/2020=2020-05"},
	}
	for _, tt := range tests {
		var got []string
		for _, m := range marksIn(tt.line) {
			if m.kind == markDate {
				got = append(got, fmt.Sprintf("%s=%04d-%02d", tt.line[m.start:m.end], m.year, m.month))
			}
		}
		if g := strings.Join(got, " "); g != tt.want {
			t.Errorf("%q: %q, want %q", tt.line, g, tt.want)
		}
	}
}

// TestDateFilters: the cheap tests run before the date parser, also used
// on their own to tell a line with a year from one without.
func TestDateFilters(t *testing.T) {
	years := []struct {
		s    string
		want bool
	}{
		{"2019", true},
		{"in 2019", true},
		{"1999", true},
		{"1899", false},
		{"2100", false},
		{"20x9", false},
		{"", false},
	}
	for _, tt := range years {
		if got := hasYear(tt.s); got != tt.want {
			t.Errorf("hasYear(%q) = %v", tt.s, got)
		}
	}
	short := []struct {
		s    string
		want bool
	}{
		{"05/14", true},
		{"05/14 – 08/14", true},
		{"(05/14)", true},
		{"x05/14", true},
		{"05-14", false},
		{"105/14", false},
		{"05/145", false},
		{"5/14", false},
		{"", false},
	}
	for _, tt := range short {
		if got := hasShortDate(tt.s); got != tt.want {
			t.Errorf("hasShortDate(%q) = %v", tt.s, got)
		}
	}
}

package rules

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Dates are points on a line of months: 0 is the start of January of year
// 0, 24240 the start of January 2020. A role runs from the start of its
// first month to the end of its last ("Jan 2019 – Mar 2019" is three
// months, as people count them; a day, when written, is not counted), and
// "Present" to the end of the as-of month. A year alone stands for the
// middle of that year (1 July) at either end: a role "2019 – 2022" started
// on average in mid-2019 and ended in mid-2022, three years later, where
// counting from January to December would add a year to every such role.
// A role within one year ("2019 – 2019") counts four months, the average
// length of a span between two random points of a year.

// monthNames are the names and usual abbreviations of the months in
// English, German, French, Spanish, Italian, Dutch and Portuguese,
// lowercased; a trailing dot is allowed after any of them.
var monthNames = map[string]int{
	// en
	"january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
	"september": 9, "october": 10, "november": 11, "december": 12,
	"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
	// de
	"januar": 1, "jänner": 1, "februar": 2, "märz": 3, "maerz": 3, "mär": 3, "mrz": 3, "mai": 5, "juni": 6, "juli": 7,
	"oktober": 10, "okt": 10, "dezember": 12, "dez": 12,
	// fr
	"janvier": 1, "janv": 1, "février": 2, "fevrier": 2, "févr": 2, "fevr": 2, "fév": 2, "mars": 3, "avril": 4, "avr": 4,
	"juin": 6, "juillet": 7, "juil": 7, "août": 8, "aout": 8, "septembre": 9, "octobre": 10, "novembre": 11,
	"décembre": 12, "decembre": 12, "déc": 12,
	// es
	"enero": 1, "ene": 1, "febrero": 2, "marzo": 3, "abril": 4, "abr": 4, "mayo": 5, "junio": 6, "julio": 7, "agosto": 8,
	"ago": 8, "septiembre": 9, "setiembre": 9, "octubre": 10, "noviembre": 11, "diciembre": 12, "dic": 12,
	// it
	"gennaio": 1, "gen": 1, "febbraio": 2, "aprile": 4, "maggio": 5, "mag": 5, "giugno": 6, "giu": 6, "luglio": 7,
	"lug": 7, "settembre": 9, "set": 9, "ottobre": 10, "ott": 10, "dicembre": 12,
	// nl
	"januari": 1, "februari": 2, "maart": 3, "mrt": 3, "mei": 5, "augustus": 8,
	// pt
	"janeiro": 1, "fevereiro": 2, "fev": 2, "março": 3, "marco": 3, "maio": 5, "junho": 6, "julho": 7, "setembro": 9,
	"outubro": 10, "out": 10, "novembro": 11, "dezembro": 12,
	// seasons, as their middle month
	"spring": 4, "summer": 7, "fall": 10, "autumn": 10, "winter": 1,
}

// openWords end a range at the as-of date: "Jan 2019 – Present", "seit
// 2019 bis heute", "2019 – à ce jour" ("date" only counts after a separator,
// as in "to date").
var openWords = map[string]bool{
	"present": true, "current": true, "currently": true, "now": true, "today": true, "ongoing": true, "date": true,
	"heute": true, "aktuell": true, "jetzt": true, "dato": true,
	"présent": true, "aujourd": true, "jour": true, "maintenant": true,
	"actualidad": true, "presente": true, "actual": true, "actualmente": true, "hoy": true,
	"oggi": true, "attuale": true, "corso": true,
	"heden": true, "nu": true, "huidig": true,
	"atual": true, "atualmente": true, "momento": true,
	"至今": true, "今": true, "现在": true, "現在": true,
}

// sinceWords open a range that runs to the as-of date: "since 2019".
var sinceWords = map[string]bool{
	"since": true, "seit": true, "depuis": true, "desde": true, "dal": true, "dall": true, "sinds": true,
}

// rangeWords join the two dates of a range, besides dashes and tildes.
var rangeWords = map[string]bool{
	"to": true, "until": true, "till": true, "til": true, "through": true, "thru": true, "bis": true, "à": true,
	"a": true, "au": true, "al": true, "hasta": true, "tot": true, "até": true, "ate": true, "do": true, "至": true,
	"exp": true, "expected": true, "ce": true, "la": true, "in": true, "fecha": true, "el": true, "o": true, "de": true,
}

// splitWords join the dates of a range wrapped over lines.
var splitWords = map[string]bool{"to": true, "until": true, "till": true, "bis": true, "à": true, "au": true, "al": true,
	"hasta": true, "tot": true, "até": true}

// A mark is a date, or a word that ends or opens a range, found on a line.
type mark struct {
	kind       markKind
	start, end int // byte offsets in the line
	year       int
	month      int // 1-12, or 0 for a year alone
}

type markKind int8

const (
	markDate  markKind = iota
	markOpen           // "Present"
	markSince          // "since"
	markMonth          // a month name without a year: "Jan – Mar 2024", "2020, Jul–Oct"
)

// span is a period in months since year 0, [from, to).
type span struct{ from, to float64 }

// rangesIn returns the date ranges written on a line: two dates joined by a
// dash, a word such as "to" or "bis", or nothing but space ("Jun. 2018
// Jan. 2021"); a date followed by "Present" or a like word in one of the
// languages above, or by a dash that ends the line ("2022-10-01 —"); and
// "since 2019". A lone date is not a range. now is the as-of date.
func rangesIn(line string, now float64) []span {
	marks := marksIn(line)
	var out []span
	add := func(from, to mark) {
		f, t := startAt(from), now
		switch {
		case to.kind == markDate:
			t = endAt(to)
			if f == t && from.month == 0 && to.month == 0 {
				f, t = f-2, f+2 // "2019 – 2019"
			}
		case from.month == 0 && from.year*12 < int(now):
			// "2026 – Present" read in 2026: begun by now, though its
			// year alone stands for the middle of the year.
			f = min(f, t)
		}
		if f < 1950*12 || t < f || t > now+1 || t-f > 50*12 {
			return
		}
		out = append(out, span{f, t})
	}
	for k := 0; k < len(marks); k++ {
		m := marks[k]
		switch m.kind {
		case markSince:
			if k+1 < len(marks) && marks[k+1].kind == markDate && onlySpace(line[m.end:marks[k+1].start]) {
				add(marks[k+1], mark{kind: markOpen})
				k++
			}
		case markMonth: // "Jan – Mar 2024": the year of the end
			if k+1 < len(marks) && marks[k+1].kind == markDate && marks[k+1].month > 0 && isRangeGap(line[m.end:marks[k+1].start]) {
				end := marks[k+1]
				y := end.year
				if m.month > end.month {
					y--
				}
				add(mark{kind: markDate, year: y, month: m.month}, end)
				k++
			}
		case markDate:
			if m.month == 0 && k+2 < len(marks) && marks[k+1].kind == markMonth && marks[k+2].kind == markMonth &&
				strings.Trim(line[m.end:marks[k+1].start], " ,") == "" && isRangeGap(line[marks[k+1].end:marks[k+2].start]) {
				// "2020, Jul–Oct": both months in that year
				y, m1, m2 := m.year, marks[k+1].month, marks[k+2].month
				y2 := y
				if m2 < m1 {
					y2++
				}
				add(mark{kind: markDate, year: y, month: m1}, mark{kind: markDate, year: y2, month: m2})
				k += 2
				continue
			}
			if k+1 < len(marks) && (marks[k+1].kind == markDate || marks[k+1].kind == markOpen) && isRangeGap(line[m.end:marks[k+1].start]) {
				add(m, marks[k+1])
				k++
			} else if k+1 == len(marks) {
				if rest := strings.TrimSpace(line[m.end:]); rest != "" && strings.Trim(rest, "-–—‒―−~～ ") == "" {
					add(m, mark{kind: markOpen}) // "2022-10-01 —": open-ended
				}
			}
		}
	}
	return out
}

func onlySpace(s string) bool { return strings.TrimSpace(s) == "" || strings.TrimSpace(s) == ":" }

// isRangeGap reports whether the text between two dates joins them into a
// range: nothing, dashes, tildes, or range words ("to", "bis", "–exp.").
func isRangeGap(gap string) bool {
	for _, f := range strings.FieldsFunc(gap, func(r rune) bool {
		return unicode.IsSpace(r) || strings.ContainsRune("-–—‒―−~～.'’→>", r)
	}) {
		if !rangeWords[strings.ToLower(f)] {
			return false
		}
	}
	return true
}

// marksIn finds the dates and range words of a line, in order.
func marksIn(line string) []mark {
	var marks []mark
	for i := 0; i < len(line); {
		r, n := utf8.DecodeRuneInString(line[i:])
		switch {
		case isDigit(line[i]):
			j := digitsEnd(line, i)
			afterDate := len(marks) > 0 && marks[len(marks)-1].end == i-1 && marks[len(marks)-1].kind == markDate
			if m, end, ok := numericDate(line, i, j, afterDate); ok {
				marks = append(marks, m)
				i = end
				continue
			}
			i = j
		case unicode.IsLetter(r):
			j, han := i+n, isHan(r)
			for j < len(line) {
				r, n := utf8.DecodeRuneInString(line[j:])
				if !unicode.IsLetter(r) || isHan(r) != han {
					break
				}
				j += n
			}
			word := strings.ToLower(line[i:j])
			if mo, ok := monthNames[word]; ok {
				if m, end, ok := namedDate(line, i, j, mo); ok {
					marks = append(marks, m)
					i = end
					continue
				}
				marks = append(marks, mark{kind: markMonth, start: i, end: j, month: mo})
				i = j
				continue
			}
			if openWords[word] {
				marks = append(marks, mark{kind: markOpen, start: i, end: j})
			} else if sinceWords[word] {
				marks = append(marks, mark{kind: markSince, start: i, end: j})
			}
			i = j
		default:
			i += n
		}
	}
	return marks
}

// startsWithMonth reports whether a line starts with a month name: the
// first line of a column of dates ("August" over "2016 - July").
func startsWithMonth(line string) bool {
	line = strings.TrimSpace(line)
	end := 0
	for end < len(line) {
		r, n := utf8.DecodeRuneInString(line[end:])
		if !unicode.IsLetter(r) {
			break
		}
		end += n
	}
	_, ok := monthNames[strings.ToLower(line[:end])]
	return ok && end > 0
}

// startsWithSince reports whether a line starts with a word such as
// "Since" whose date a narrow column wrapped onto the next line ("Since
// Firmware Engineer, Cobalt Freight" over "05/2017").
func startsWithSince(line string) bool {
	word, _, _ := strings.Cut(strings.TrimSpace(line), " ")
	return sinceWords[strings.ToLower(word)]
}

func isHan(r rune) bool { return unicode.Is(unicode.Han, r) }

func digitsEnd(s string, i int) int {
	for i < len(s) && isDigit(s[i]) {
		i++
	}
	return i
}

func atoi(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		n = n*10 + int(s[i]-'0')
	}
	return n
}

func plausibleYear(y int) bool { return 1950 <= y && y <= 2099 }

// columnRange reads a range printed in a narrow column of dates beside
// the title, wrapped over up to four lines ("12/2022 —" over "04/2026",
// "August" over "2016 - July" over "2017", "08/2022 -" over "to date",
// "Since" over "05/2017", "April 2024" over "to" over "November" over
// "2024"):
// the leading dates and joining words of line i and of the lines after
// it that start with some, read as one line. It needs a dash or a joining
// word, so that a list of lines each starting with a year is no range.
func columnRange(lines []string, i int, now float64) (spans []span, used int) {
	var col []string
	joined := false
	for k := i; k < len(lines) && k < i+4; k++ {
		lead, join := leadingDates(lines[k])
		if lead == "" || !join && !strings.ContainsFunc(lead, unicode.IsDigit) && startsLower(strings.TrimSpace(lines[k])[len(lead):]) {
			// A month's name alone before a word in lowercase is a word
			// of a sentence ("Set up dashboards", "May lead"), not the
			// top of a column ("August Data Engineer, Calder" over
			// "2016 - July").
			break
		}
		col = append(col, lead)
		joined = joined || join
	}
	if len(col) < 2 || !joined {
		return nil, 0
	}
	return rangesIn(strings.Join(col, " "), now), len(col)
}

// startsLower reports whether s, spaces aside, starts with a lowercase
// letter.
func startsLower(s string) bool {
	r, _ := utf8.DecodeRuneInString(strings.TrimSpace(s))
	return unicode.IsLower(r)
}

// leadingDates returns the dates, dashes and joining words that start a
// line, and whether a dash or joining word is among them.
func leadingDates(line string) (lead string, join bool) {
	marks := marksIn(line)
	pos := 0
	for {
		for pos < len(line) && line[pos] == ' ' {
			pos++
		}
		if len(marks) > 0 && marks[0].start < pos {
			marks = marks[1:]
			continue
		}
		if pos >= len(line) {
			break
		}
		if len(marks) > 0 && marks[0].start == pos {
			join = join || marks[0].kind == markOpen || marks[0].kind == markSince
			pos = marks[0].end
			marks = marks[1:]
			continue
		}
		r, n := utf8.DecodeRuneInString(line[pos:])
		if strings.ContainsRune("-–—‒―−~", r) {
			pos += n
			join = true
			continue
		}
		end := pos
		for end < len(line) {
			r, n := utf8.DecodeRuneInString(line[end:])
			if !unicode.IsLetter(r) {
				break
			}
			end += n
		}
		if end == pos || !splitWords[strings.ToLower(line[pos:end])] {
			break
		}
		pos, join = end, true
	}
	return strings.TrimSpace(line[:pos]), join
}

// startAt is where a role starting at a date starts: the start of its
// month, or the middle of its year.
func startAt(m mark) float64 {
	if m.month == 0 {
		return float64(m.year*12) + 6
	}
	return float64(m.year*12 + m.month - 1)
}

// endAt is where a role ending at a date ends: the end of its month, or
// the middle of its year.
func endAt(m mark) float64 {
	if m.month == 0 {
		return float64(m.year*12) + 6
	}
	return float64(m.year*12 + m.month)
}

// namedDate reads "March 2019", "Mar. 2019", "Mar, 2019" and "15 March
// 2019" from the month name at [i, j).
func namedDate(line string, i, j, month int) (mark, int, bool) {
	k := j
	if k < len(line) && line[k] == '.' {
		k++
	}
	for k < len(line) && (line[k] == ' ' || line[k] == ',' || line[k] == '\t') {
		k++
	}
	// "Jan '19" is too rare to risk; a four-digit year must follow.
	e := digitsEnd(line, k)
	if e-k != 4 || !plausibleYear(atoi(line[k:e])) || e < len(line) && isWordAt(line, e) {
		return mark{}, 0, false
	}
	year, start := atoi(line[k:e]), i
	// A day before the month: "15 March 2019", "1. Januar 2020".
	p := i
	for p > 0 && line[p-1] == ' ' {
		p--
	}
	if p > 0 && line[p-1] == '.' {
		p--
	}
	if q := digitsBefore(line, p); p-q >= 1 && p-q <= 2 && p < i {
		if d := atoi(line[q:p]); d >= 1 && d <= 31 {
			start = q
		}
	}
	return mark{kind: markDate, start: start, end: e, year: year, month: month}, e, true
}

func digitsBefore(s string, p int) int {
	for p > 0 && isDigit(s[p-1]) {
		p--
	}
	return p
}

// numericDate reads a date starting with the digits at [i, j): YYYY,
// YYYY-MM, YYYY.MM, YYYY/MM, YYYY-MM-DD, YYYY年MM月 (or "YYYY 年 MM 月"), MM/YYYY, MM.YYYY,
// MM-YYYY, DD.MM.YYYY, DD/MM/YYYY and MM/YY. Digits inside a longer number (a
// phone number, "1.2019.3") are not a date, unless another date ends
// just before (afterDate: "2022/10-2024/07").
func numericDate(line string, i, j int, afterDate bool) (mark, int, bool) {
	if i > 0 && isWordBefore(line, i) {
		return mark{}, 0, false
	}
	if i > 1 && strings.IndexByte("-./", line[i-1]) >= 0 && isDigit(line[i-2]) && !(afterDate && line[i-1] == '-') {
		// Only a range without spaces ("2019-2021", "03/2019-04/2021")
		// puts digits and a separator before a date.
		if p := digitsBefore(line, i-1); line[i-1] != '-' || i-1-p != 4 || !plausibleYear(atoi(line[p:i-1])) {
			return mark{}, 0, false
		}
	}
	sepAt := func(k int) bool { return k < len(line) && strings.IndexByte("-./", line[k]) >= 0 }
	nextNum := func(k int) (int, int) { // the digits after a separator at k
		if !sepAt(k) {
			return k, k
		}
		return k + 1, digitsEnd(line, k+1)
	}
	// endOK reports whether a date can end at k: not inside a word or a
	// longer number, though a range without spaces may follow.
	endOK := func(k int) bool {
		switch {
		case k >= len(line):
			return true
		case isWordAt(line, k):
			return false
		case !sepAt(k) || k+1 >= len(line) || !isDigit(line[k+1]):
			return true
		case line[k] != '-':
			return false
		}
		e := digitsEnd(line, k+1)
		return e-k-1 == 4 || e-k-1 <= 2 && e < len(line) && (line[e] == '/' || line[e] == '.')
	}
	ok := func(y, mo, end int) (mark, int, bool) {
		return mark{kind: markDate, start: i, end: end, year: y, month: mo}, end, true
	}
	switch n := j - i; {
	case n == 4 && plausibleYear(atoi(line[i:j])):
		y := atoi(line[i:j])
		if rest := strings.TrimLeft(line[j:], " "); strings.HasPrefix(rest, "年") {
			k := len(line) - len(rest) + len("年")
			k += len(line[k:]) - len(strings.TrimLeft(line[k:], " "))
			e := digitsEnd(line, k)
			if mo := atoi(line[k:e]); e > k && e-k <= 2 && mo >= 1 && mo <= 12 {
				if rest := strings.TrimLeft(line[e:], " "); strings.HasPrefix(rest, "月") {
					e = len(line) - len(rest) + len("月")
				}
				return ok(y, mo, e)
			}
			return ok(y, 0, k)
		}
		if a, b := nextNum(j); b-a >= 1 && b-a <= 2 {
			mo := atoi(line[a:b])
			if mo < 1 || mo > 12 {
				return mark{}, 0, false
			}
			if c, d := nextNum(b); d-c >= 1 && d-c <= 2 && line[b] == line[j] && endOK(d) {
				return ok(y, mo, d)
			}
			if endOK(b) {
				return ok(y, mo, b)
			}
			return mark{}, 0, false
		}
		if endOK(j) {
			return ok(y, 0, j)
		}
	case n <= 2:
		a, b := nextNum(j)
		first := atoi(line[i:j])
		if b-a == 4 && plausibleYear(atoi(line[a:b])) && first >= 1 && first <= 12 && endOK(b) {
			return ok(atoi(line[a:b]), first, b) // MM/YYYY
		}
		if b-a >= 1 && b-a <= 2 && line[a-1] == line[j] {
			second := atoi(line[a:b])
			if c, d := nextNum(b); d-c == 4 && line[b] == line[j] && plausibleYear(atoi(line[c:d])) && endOK(d) {
				day, mo := first, second // DD.MM.YYYY, and DD/MM/YYYY unless that cannot be
				if line[j] == '/' && second > 12 {
					day, mo = second, first
				}
				if mo >= 1 && mo <= 12 && day >= 1 && day <= 31 {
					return ok(atoi(line[c:d]), mo, d)
				}
			}
		}
		if n == 2 && b-a == 2 && line[j] == '/' && first >= 1 && first <= 12 && endOK(b) {
			// MM/YY ("05/14 - 08/14"), two digits each: "3/10" is a ratio.
			y := 2000 + atoi(line[a:b])
			if y >= 2050 {
				y -= 100
			}
			return ok(y, first, b)
		}
	}
	return mark{}, 0, false
}

// hasShortDate reports whether s holds an MM/YY date: a cheap filter, as
// hasYear is for the other forms.
func hasShortDate(s string) bool {
	for i := 0; i+5 <= len(s); i++ {
		if s[i+2] == '/' && isDigit(s[i]) && isDigit(s[i+1]) && isDigit(s[i+3]) && isDigit(s[i+4]) &&
			(i == 0 || !isDigit(s[i-1])) && (i+5 == len(s) || !isDigit(s[i+5])) {
			return true
		}
	}
	return false
}

// hasYear reports whether s holds a number that could be a year from 1900
// to 2099: a cheap filter before the date parser.
func hasYear(s string) bool {
	for i := 0; i+4 <= len(s); i++ {
		if (s[i] == '1' && s[i+1] == '9' || s[i] == '2' && s[i+1] == '0') && isDigit(s[i+2]) && isDigit(s[i+3]) {
			return true
		}
	}
	return false
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

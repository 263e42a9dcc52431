package main

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"math"
	"path"
	"slices"
	"strings"
	"unicode"

	"github.com/screener/screener/bench/eval/label"
	"golang.org/x/text/cases"
	"golang.org/x/text/unicode/norm"
)

// Tolerances of the figures.
const (
	yearsTolerance  = 1.0 // years within one year
	monthsTolerance = 6.0 // per-skill months within six months
)

// check is one labelled field of one file.
type check struct {
	counted bool // labelled and sure
	right   bool
	want    string
	got     string
	how     string // where the library says the value came from, if it says
}

// result is the comparison of one file's record with its label.
type result struct {
	file, layout string
	failed       string // the record's error, if the file was not read

	name, email, phone, years check
	title, location           check
	noRole                    check // no dated role: the years must be unknown or 0
	fromFileName              bool  // the name given is the file name's words

	skillsCounted bool
	tp, fp, fn    int
	fps, fns      []string

	monthsKnown  bool // the library reports months
	monthsPairs  int
	monthsRight  int
	monthsMisses []string
}

// compare scores g against l.
func compare(l *label.Label, g *got) result {
	r := result{file: l.File, layout: l.Layout, monthsKnown: g.monthsKnown}
	// Only files that were not read count as unread; a file ranked as
	// the same person as another (status same_person) was read and keeps
	// its fields.
	if g.Status == "error" || g.Status == "skipped" {
		r.failed = strings.TrimSpace(g.Error + ": " + g.Message)
	}
	if !l.IsUnsure("name") {
		r.name = check{true, sameName(l.Name, g.Name), l.Name, g.Name, g.how("name", g.NameSource)}
	}
	if !l.IsUnsure("email") {
		r.email = check{true, sameEmail(l.Email, g.Email), l.Email, g.Email, g.how("email", g.EmailSource)}
	}
	if !l.IsUnsure("phone") {
		want := l.Phone
		if l.PhoneE164 != "" && l.PhoneE164 != l.Phone {
			want += " | " + l.PhoneE164
		}
		r.phone = check{true, samePhone(l.Phone, l.PhoneE164, g.Phone), want, g.Phone, g.how("phone", g.PhoneSource)}
	}
	if l.Title != nil && !l.IsUnsure("title") {
		r.title = check{true, fold.String(*l.Title) == fold.String(g.Title), *l.Title, g.Title, g.how("title", g.TitleSource)}
	}
	if l.Location != nil && !l.IsUnsure("location") {
		r.location = check{true, sameCity(*l.Location, g.Location), *l.Location, g.Location, g.how("location", g.LocationSource)}
	}
	// A library that names its sources says whether a name came from the
	// file name; for one that does not, a wrong name equal to the file
	// name's words is taken as made up from it.
	if g.NameSource != "" {
		r.fromFileName = strings.Contains(strings.ToLower(g.NameSource), "file")
	} else {
		r.fromFileName = g.Name != "" && fileNameWords(l.File) != "" && norms(g.Name) == norms(fileNameWords(l.File)) && !r.name.right
	}
	if l.Years != nil && !l.IsUnsure("years") {
		r.years = check{counted: true, want: fmt.Sprintf("%.2f", *l.Years), got: "unknown"}
		if g.years != nil {
			r.years.got = fmt.Sprintf("%.2f", *g.years)
			r.years.right = math.Abs(*g.years-*l.Years) <= yearsTolerance+1e-9
		}
	}
	if l.Years == nil && !l.IsUnsure("years") {
		r.noRole = check{counted: true, right: g.years == nil || *g.years == 0, want: "none", got: "unknown"}
		if g.years != nil {
			r.noRole.got = fmt.Sprintf("%.2f", *g.years)
		}
	}
	if !l.IsUnsure("skills") {
		r.skillsCounted = true
		want := map[string]bool{}
		for _, s := range l.Skills {
			want[s] = true
		}
		have := map[string]bool{}
		for _, s := range g.Skills {
			if slices.Contains(l.SkillsUnsure, s.Skill) {
				continue
			}
			have[s.Skill] = true
			if want[s.Skill] {
				r.tp++
			} else {
				r.fp++
				r.fps = append(r.fps, fmt.Sprintf("%s (%q)", s.Skill, s.Evidence))
			}
		}
		for _, s := range l.Skills {
			if !have[s] && !slices.Contains(l.SkillsUnsure, s) {
				r.fn++
				r.fns = append(r.fns, s)
			}
		}
	}
	if g.monthsKnown && l.Months != nil && !l.IsUnsure("months") {
		for _, s := range sortedKeys(l.Months) {
			m, found := g.months(s)
			if !found {
				continue // a missed skill counts against recall, not here
			}
			r.monthsPairs++
			if math.Abs(m-float64(l.Months[s])) <= monthsTolerance {
				r.monthsRight++
			} else {
				r.monthsMisses = append(r.monthsMisses, fmt.Sprintf("%s want %d got %.1f", s, l.Months[s], m))
			}
		}
	}
	return r
}

// how describes where a contact field came from, for the list of misses.
func (g *got) how(field, source string) string {
	if slices.Contains(g.Uncertain, field) {
		if source == "" {
			return "uncertain"
		}
		return source + ", uncertain"
	}
	return source
}

var fold = cases.Fold()

// apostrophes are written as typesetters print them; names compare them
// as one.
var apostrophes = strings.NewReplacer("\u2019", "'", "\u02bc", "'", "\u2018", "'")

// norms is the form names are compared in: NFC, case folded, without
// spaces, typographic apostrophes as ASCII ones (so "山田 花子" is
// "山田花子", "DANIELA ROSSI" is "Daniela Rossi", "O’Neill" is "O'Neill").
func norms(s string) string {
	s = fold.String(norm.NFC.String(apostrophes.Replace(s)))
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

func sameName(want, got string) bool { return norms(want) == norms(got) }

// sameCity reports whether a location found is the labelled city, after
// case folding: the same, or the city followed by what layouts print
// after it ("Madrid, Spain", "Madrid, ES", "Berlin, DE", "Utrecht, NL";
// the label holds the city as the source gives it, "San Francisco, CA"
// for a US one); "" matches only "".
func sameCity(want, got string) bool {
	want, got = fold.String(norm.NFC.String(want)), fold.String(norm.NFC.String(got))
	rest, ok := strings.CutPrefix(got, want)
	return ok && (rest == "" || want != "" && strings.HasPrefix(rest, ","))
}

// sameEmail compares addresses in NFC, ignoring case.
func sameEmail(want, got string) bool {
	return fold.String(norm.NFC.String(strings.TrimSpace(want))) == fold.String(norm.NFC.String(strings.TrimSpace(got)))
}

// samePhone compares digits only: the number as printed or in E.164
// form, whatever the punctuation.
func samePhone(printed, e164, got string) bool {
	g := digits(got)
	return g == digits(printed) || e164 != "" && g == digits(e164)
}

func digits(s string) string {
	var b strings.Builder
	for _, r := range s {
		if '0' <= r && r <= '9' {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// fileNameWords is the name a file name would suggest: its words without
// digits and the usual "resume" and "cv", the way a fallback reads them.
func fileNameWords(file string) string {
	base := path.Base(file)
	base = strings.TrimSuffix(base, path.Ext(base))
	var keep []string
	for _, w := range strings.FieldsFunc(base, func(r rune) bool { return r == '_' || r == '-' || r == ' ' || r == '.' }) {
		switch strings.ToLower(w) {
		case "resume", "cv", "final", "updated", "new", "copy", "lebenslauf":
			continue
		}
		if strings.IndexFunc(w, unicode.IsDigit) >= 0 {
			continue
		}
		keep = append(keep, w)
	}
	return strings.Join(keep, " ")
}

func sha256Hex(b []byte) string {
	h := sha256.Sum256(b)
	return hex.EncodeToString(h[:])
}

package screener

import (
	"path/filepath"
	"sort"
	"strings"
	"unicode"

	"github.com/screener/screener/parsers"
)

// pathLess orders paths folder by folder, and within a folder by file name
// without its extension first, so that an original comes before its copies:
// george.pdf before george-copy.pdf and george (2).pdf, jane.docx before
// jane.pdf. Of identical files the first in this order is kept, and it is
// the last tie-break of the ranking.
func pathLess(a, b string) bool {
	ad, af := filepath.Split(a)
	bd, bf := filepath.Split(b)
	if ad != bd {
		return ad < bd
	}
	as, bs := strings.TrimSuffix(af, filepath.Ext(af)), strings.TrimSuffix(bf, filepath.Ext(bf))
	if as != bs {
		return as < bs
	}
	return af < bf
}

// markDuplicates turns every ok record whose content was already seen, in
// path order, into a duplicate of the first.
func markDuplicates(records []Record) {
	order := make([]int, 0, len(records))
	for i := range records {
		if records[i].Status == StatusOK {
			order = append(order, i)
		}
	}
	sort.SliceStable(order, func(x, y int) bool { return pathLess(records[order[x]].File, records[order[y]].File) })
	first := map[string]string{}
	for _, i := range order {
		r := &records[i]
		if f, ok := first[r.SHA256]; ok {
			*r = Record{File: r.File, SHA256: r.SHA256, Status: StatusDuplicate, Error: parsers.ReasonDuplicate,
				Message: "same content as " + f, DuplicateOf: f}
			continue
		}
		first[r.SHA256] = r.File
	}
}

// better reports whether a ranks before b: qualified first, then score,
// then number of matched requirements, then path order.
func better(a, b *Record) bool {
	if a.Qualified != b.Qualified {
		return a.Qualified
	}
	if a.Score != b.Score {
		return a.Score > b.Score
	}
	if len(a.Matched) != len(b.Matched) {
		return len(a.Matched) > len(b.Matched)
	}
	return pathLess(a.File, b.File)
}

// markSamePerson finds resumes of one candidate among the ok records (a
// re-sent CV, the .docx and .pdf of one CV) and keeps the best-ranked of
// each group: the others get status same_person, with SamePersonAs naming
// it and Message saying why. Two resumes are one candidate when they give
// the same e-mail address; or the same phone number (the same digits; not
// a placeholder such as 123-456-7890, and not under two different names);
// or the same name (two words or more, case, accents and punctuation
// aside) together with a shared link or a file name made of that name. A
// name alone is not enough: two people may share one.
func markSamePerson(records []Record) {
	var idx []int
	for i := range records {
		if records[i].Status == StatusOK {
			idx = append(idx, i)
		}
	}
	parent := make([]int, len(idx))
	why := make([]string, len(idx)) // the reason a record joined its group
	for i := range parent {
		parent[i] = i
	}
	find := func(i int) int {
		for parent[i] != i {
			parent[i] = parent[parent[i]]
			i = parent[i]
		}
		return i
	}
	owner := map[string]int{} // key -> first record with it
	join := func(i int, key, reason string) {
		if key == "" {
			return
		}
		j, ok := owner[key]
		if !ok {
			owner[key] = i
			return
		}
		if strings.HasPrefix(key, "p:") && namesDiffer(&records[idx[i]], &records[idx[j]]) {
			return // a shared office line, or one number guessed wrong
		}
		if a, b := find(i), find(j); a != b {
			parent[a] = b
			if why[i] == "" {
				why[i] = reason
			}
		}
	}
	for i, ri := range idx {
		r := &records[ri]
		if e := strings.ToLower(strings.TrimSpace(r.Email)); e != "" {
			join(i, "e:"+e, "same e-mail "+r.Email)
		}
		if d := phoneKey(r.Phone); d != "" {
			join(i, "p:"+d, "same phone "+r.Phone)
		}
		if n := nameKey(r.Name); n != "" {
			for _, l := range r.Links {
				join(i, "nl:"+n+"|"+strings.ToLower(strings.TrimRight(l, "/")), "same name and link")
			}
			if stem := fileStem(r.File); namedAfter(stem, n) {
				join(i, "nf:"+n+"|"+stem, "same name and file name")
			}
		}
	}
	groups := map[int][]int{}
	for i := range idx {
		groups[find(i)] = append(groups[find(i)], i)
	}
	for _, g := range groups {
		if len(g) < 2 {
			continue
		}
		best := g[0]
		for _, i := range g[1:] {
			if better(&records[idx[i]], &records[idx[best]]) {
				best = i
			}
		}
		keep := records[idx[best]].File
		for _, i := range g {
			if i == best {
				continue
			}
			r := &records[idx[i]]
			reason := why[i]
			if reason == "" { // it was the first of its key; another record joined it
				reason = whyOf(r, &records[idx[best]])
			}
			r.Status, r.SamePersonAs = StatusSamePerson, keep
			r.Error = parsers.ReasonSamePerson
			r.Message = "same person as " + keep + " (" + reason + "), which ranks higher"
		}
	}
}

// whyOf says what two records of one candidate share, for the message.
func whyOf(a, b *Record) string {
	switch {
	case a.Email != "" && strings.EqualFold(a.Email, b.Email):
		return "same e-mail " + a.Email
	case phoneKey(a.Phone) != "" && phoneKey(a.Phone) == phoneKey(b.Phone):
		return "same phone " + a.Phone
	}
	return "same name"
}

// phoneKey is a phone number's digits, without a leading 00, or "" for
// fewer than eight. Numbers are compared whole: without knowing a number's
// country, "+1 415 555 0134" and "(415) 555-0134" cannot be told to agree
// safely, and a wrong match hides a candidate.
func phoneKey(p string) string {
	var d []byte
	for i := 0; i < len(p); i++ {
		if p[i] >= '0' && p[i] <= '9' {
			d = append(d, p[i])
		}
	}
	if len(d) < 8 || placeholder(d) {
		return ""
	}
	return strings.TrimPrefix(string(d), "00")
}

// placeholder reports whether phone digits hold a run of six that only a
// template would print: 123456, 987654, 000000.
func placeholder(d []byte) bool {
	up, down, same := 1, 1, 1
	for i := 1; i < len(d); i++ {
		up, down, same = next(up, d[i] == d[i-1]+1), next(down, d[i] == d[i-1]-1), next(same, d[i] == d[i-1])
		if up >= 6 || down >= 6 || same >= 6 {
			return true
		}
	}
	return false
}

func next(run int, continues bool) int {
	if continues {
		return run + 1
	}
	return 1
}

// namesDiffer reports whether two records name two different people: their
// last words differ, or their first words do, an initial standing for any
// word it begins ("K. Park" and "Kim Park" may be one person).
func namesDiffer(a, b *Record) bool {
	x, y := strings.Fields(nameKey(a.Name)), strings.Fields(nameKey(b.Name))
	if len(x) == 0 || len(y) == 0 {
		return false
	}
	if x[len(x)-1] != y[len(y)-1] {
		return true
	}
	f, g := x[0], y[0]
	initial := func(i, w string) bool { return len([]rune(i)) == 1 && strings.HasPrefix(w, i) }
	return f != g && !initial(f, g) && !initial(g, f)
}

// nameKey is a name in lower case, letters only, accents removed for the
// common Latin letters; "" unless it has two words or more.
func nameKey(name string) string {
	var words []string
	for _, w := range strings.FieldsFunc(strings.ToLower(name), func(r rune) bool { return !unicode.IsLetter(r) }) {
		words = append(words, strings.Map(foldAccent, w))
	}
	if len(words) < 2 {
		return ""
	}
	return strings.Join(words, " ")
}

func foldAccent(r rune) rune {
	const accented, plain = "àáâãäåçèéêëìíîïñòóôõöøùúûüýÿ", "aaaaaaceeeeiiiinoooooouuuuyy"
	for i, a := range []rune(accented) {
		if a == r {
			return rune(plain[i])
		}
	}
	return r
}

// fileStem is a file's name without its extension, in lower case.
func fileStem(path string) string {
	base := filepath.Base(path)
	return strings.ToLower(strings.TrimSuffix(base, filepath.Ext(base)))
}

// namedAfter reports whether a file name holds a word of the name key of
// three letters or more ("jane-doe-cv" for "jane doe", not "resume"):
// only such a name, shared, says two files are one person's.
func namedAfter(stem, name string) bool {
	for _, w := range strings.Fields(name) {
		if len([]rune(w)) >= 3 && strings.Contains(strings.Map(foldAccent, stem), w) {
			return true
		}
	}
	return false
}

// rank orders records: ok records best first (see [better]), then
// same-person versions, duplicates, errors and skipped files, each in path
// order. It assigns ranks 1..n to ok records.
func rank(records []Record) []Record {
	order := map[Status]int{StatusOK: 0, StatusSamePerson: 1, StatusDuplicate: 2, StatusError: 3, StatusSkipped: 4}
	sort.SliceStable(records, func(i, j int) bool {
		a, b := &records[i], &records[j]
		if order[a.Status] != order[b.Status] {
			return order[a.Status] < order[b.Status]
		}
		if a.Status == StatusOK {
			return better(a, b)
		}
		return pathLess(a.File, b.File)
	})
	for i := range records {
		records[i].Rank = 0
		if records[i].Status == StatusOK {
			records[i].Rank = i + 1
		}
	}
	return records
}

func count(records []Record) Counts {
	c := Counts{Files: len(records)}
	for _, r := range records {
		switch r.Status {
		case StatusOK:
			c.Screened++
			if r.Qualified {
				c.Qualified++
			}
		case StatusSamePerson:
			c.SamePerson++
		case StatusError:
			c.Errors++
		case StatusSkipped:
			c.Skipped++
		case StatusDuplicate:
			c.Duplicates++
		}
	}
	return c
}

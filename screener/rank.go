package screener

import (
	"cmp"
	"math"
	"path/filepath"
	"slices"
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
	return comparePaths(ad, af, bd, bf) < 0
}

// comparePaths orders two paths, each split into its folder and its file
// name, as [pathLess] does: -1, 0 or +1.
func comparePaths(ad, af, bd, bf string) int {
	if ad != bd {
		return strings.Compare(ad, bd)
	}
	as, bs := strings.TrimSuffix(af, filepath.Ext(af)), strings.TrimSuffix(bf, filepath.Ext(bf))
	if as != bs {
		return strings.Compare(as, bs)
	}
	return strings.Compare(af, bf)
}

// entry is what a run keeps in memory of one record, 40 bytes: what
// ranking, counting and the choice of rows need. The full record is in a
// [recordSource] (the run's [spill]), at off. Its file name is not kept:
// seq, the record's place in path order (see [pathLess]), stands for it
// in every comparison, and the writers read the name with the record.
type entry struct {
	off              int64 // the record's place in its source
	score            float64
	size             uint32
	rank             int32
	matched          int32  // len(Matched), a tie-break
	seq              int32  // the record's place among the run's records in path order
	content          uint32 // a hash of SHA256, to find identical files
	status           statusCode
	qualified, isNew bool
	keys             uint8 // len(personKeys), at most 255: the room markSamePerson makes for them
}

func newEntry(r *Record, seq int32, off int64, size uint32) entry {
	return entry{off: off, size: size, rank: int32(r.Rank), score: r.Score, matched: int32(len(r.Matched)), seq: seq,
		content: uint32(hashString(r.SHA256)), status: codeOf(r.Status), qualified: r.Qualified, isNew: r.New,
		keys: uint8(min(len(personKeys(r)), math.MaxUint8))}
}

// statusCode is a record's status as its entry holds it: its place in the
// order reports list records (see [ranking.rank]).
type statusCode uint8

const (
	codeOK statusCode = iota
	codeSamePerson
	codeDuplicate
	codeError
	codeSkipped
	codeGone
	codeOther // a status this package does not set, in a report made by hand
)

func codeOf(s Status) statusCode {
	switch s {
	case StatusOK:
		return codeOK
	case StatusSamePerson:
		return codeSamePerson
	case StatusDuplicate:
		return codeDuplicate
	case StatusError:
		return codeError
	case StatusSkipped:
		return codeSkipped
	case statusGone:
		return codeGone
	}
	return codeOther
}

// keyHash is the 32-bit hash of a person's key (see [personKeys]).
func keyHash(key string) uint64 { return uint64(uint32(hashString(key))) }

// hashString is a 64-bit FNV-1a hash: a key for maps whose full keys
// would grow with the batch. Two strings can share one, so a hit is
// always checked against the strings themselves.
func hashString(s string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= 1099511628211
	}
	return h
}

// ranking is the records of a run as ranking sees them: an entry each,
// and their full records on demand. Records are read back only where an
// entry's fields cannot decide (a shared hash, the candidates of one
// person), so ranking holds one record at a time.
type ranking struct {
	entries []entry
	src     recordSource
	buf     []byte
}

func (x *ranking) load(i int32) (Record, error) {
	r, buf, err := x.src.load(&x.entries[i], x.buf)
	x.buf = buf
	return r, err
}

// loadIdentity reads into r, of the record of entry i, what says whose
// it is (see [identityFields]).
func (x *ranking) loadIdentity(i int32, r *Record) error {
	buf, err := x.src.loadIdentity(&x.entries[i], x.buf, r)
	x.buf = buf
	return err
}

// replace stores r, a changed version of the record of entry i, as its
// record, and updates the entry, which keeps its place in path order.
func (x *ranking) replace(i int32, r *Record) error {
	e := &x.entries[i]
	if err := x.src.save(e, r); err != nil {
		return err
	}
	*e = newEntry(r, e.seq, e.off, e.size)
	return nil
}

// ok lists the entries of status ok, in order.
func (x *ranking) ok() []int32 {
	n := 0
	for i := range x.entries {
		if x.entries[i].status == codeOK {
			n++
		}
	}
	idx := make([]int32, 0, n)
	for i := range x.entries {
		if x.entries[i].status == codeOK {
			idx = append(idx, int32(i))
		}
	}
	return idx
}

// markDuplicates turns every ok record whose content was already seen, in
// path order, into a duplicate of the first. The entries are sorted by
// their content's hash, so that records of one content are neighbours;
// only records that share a hash are read back, to compare their SHA-256
// (two contents may share a hash).
func (x *ranking) markDuplicates() error {
	order := x.ok()
	slices.SortFunc(order, func(a, b int32) int {
		ea, eb := &x.entries[a], &x.entries[b]
		return cmp.Or(cmp.Compare(ea.content, eb.content), cmp.Compare(ea.seq, eb.seq))
	})
	for len(order) > 0 {
		n := 1
		for n < len(order) && x.entries[order[n]].content == x.entries[order[0]].content {
			n++
		}
		group := order[:n]
		order = order[n:]
		if len(group) == 1 {
			continue
		}
		first := map[string]string{} // SHA256 -> the file of the first record with it
		var r Record
		for _, i := range group {
			if err := x.loadIdentity(i, &r); err != nil {
				return err
			}
			f, seen := first[r.SHA256]
			if !seen {
				first[r.SHA256] = r.File
				continue
			}
			dup := Record{File: r.File, SHA256: r.SHA256, Status: StatusDuplicate, Error: parsers.ReasonDuplicate,
				Message: "same content as " + f, DuplicateOf: f}
			if err := x.replace(i, &dup); err != nil {
				return err
			}
		}
	}
	return nil
}

// better reports whether a ranks before b: qualified first, then score,
// then number of matched requirements, then path order.
func better(a, b *entry) bool {
	if a.qualified != b.qualified {
		return a.qualified
	}
	if a.score != b.score {
		return a.score > b.score
	}
	if a.matched != b.matched {
		return a.matched > b.matched
	}
	return a.seq < b.seq
}

// personKey is a detail that, shared, makes two resumes one person's, and
// its kind.
type personKey struct {
	key  string
	kind keyKind
}

// keyKind is what a [personKey] is made of.
type keyKind uint8

const (
	kindNone keyKind = iota
	kindEmail
	kindPhone
	kindNameLink
	kindNameFile
)

// reason says what r shares with another resume through its key of kind
// k, for the message.
func (k keyKind) reason(r *Record) string {
	switch k {
	case kindEmail:
		return "same e-mail " + r.Email
	case kindPhone:
		return "same phone " + r.Phone
	case kindNameLink:
		return "same name and link"
	case kindNameFile:
		return "same name and file name"
	}
	return ""
}

// personKeys lists r's details that can tie it to another resume: its
// e-mail, its phone, its name with each link and with its file name.
func personKeys(r *Record) []personKey {
	var keys []personKey
	if e := strings.ToLower(strings.TrimSpace(r.Email)); e != "" {
		keys = append(keys, personKey{"e:" + e, kindEmail})
	}
	if d := phoneKey(r.Phone); d != "" {
		keys = append(keys, personKey{"p:" + d, kindPhone})
	}
	if n := nameKey(r.Name); n != "" {
		for _, l := range r.Links {
			keys = append(keys, personKey{"nl:" + n + "|" + strings.ToLower(strings.TrimRight(l, "/")), kindNameLink})
		}
		if stem := fileStem(r.File); namedAfter(stem, n) {
			keys = append(keys, personKey{"nf:" + n + "|" + stem, kindNameFile})
		}
	}
	return keys
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
//
// Records are read one at a time. A first pass lists the 32-bit hash of
// every key with its record, 8 bytes a key, sorted; only records whose key
// hash an earlier record shares are read again, in order, and each such
// key's first record (its owner) is read to check the key itself: two keys
// may share a hash. Records are named by their place in x.entries, which
// is their path order among ok records. Beside the hashes, the run holds
// 5 bytes an entry: its parent in its group's tree and the kind of key
// by which it joined its group (the reason is made again from the record:
// as strings in a map, they took 1.5 MB at 100,000 resumes, 40,000 of
// them in groups).
func (x *ranking) markSamePerson() error {
	n := 0
	for i := range x.entries {
		if x.entries[i].status == codeOK {
			n += int(x.entries[i].keys)
		}
	}
	// A key's hash << 32 | its record; made to size, since at 100,000
	// resumes growing it by appends held twice its 2-3 MB at once.
	byHash := make([]uint64, 0, n)
	var r, rj Record // the record at hand, and another of its keys
	for i := range x.entries {
		if x.entries[i].status != codeOK {
			continue
		}
		if err := x.loadIdentity(int32(i), &r); err != nil {
			return err
		}
		for _, k := range personKeys(&r) {
			byHash = append(byHash, keyHash(k.key)<<32|uint64(i))
		}
	}
	slices.Sort(byHash)
	var later []int32 // records with a key hash an earlier record has
	for a := 0; a < len(byHash); {
		b := a + 1
		for b < len(byHash) && byHash[b]>>32 == byHash[a]>>32 {
			if uint32(byHash[b]) != uint32(byHash[a]) {
				later = append(later, int32(uint32(byHash[b])))
			}
			b++
		}
		a = b
	}
	slices.Sort(later)
	later = slices.Compact(later)
	parent := make([]int32, len(x.entries)) // a record's parent in its group's tree; a root is its own
	for i := range parent {
		parent[i] = int32(i)
	}
	find := func(i int32) int32 {
		for parent[i] != i {
			parent[i] = parent[parent[i]]
			i = parent[i]
		}
		return i
	}
	why := make([]keyKind, len(x.entries)) // the kind of key by which a record joined its group
	// ownerOf returns the first record with key, or -1 if i is the first.
	ownerOf := func(i int32, key string) (int32, *Record, error) {
		h := keyHash(key) << 32
		at, _ := slices.BinarySearch(byHash, h)
		for _, e := range byHash[at:] {
			j := int32(uint32(e))
			if e&^math.MaxUint32 != h || j >= i {
				break
			}
			if err := x.loadIdentity(j, &rj); err != nil {
				return 0, nil, err
			}
			if slices.ContainsFunc(personKeys(&rj), func(k personKey) bool { return k.key == key }) {
				return j, &rj, nil
			}
		}
		return -1, nil, nil
	}
	for _, i := range later {
		if err := x.loadIdentity(i, &r); err != nil {
			return err
		}
		for _, k := range personKeys(&r) {
			j, rj, err := ownerOf(i, k.key)
			if err != nil {
				return err
			}
			if j < 0 {
				continue
			}
			if strings.HasPrefix(k.key, "p:") && namesDiffer(&r, rj) {
				continue // a shared office line, or one number guessed wrong
			}
			if a, b := find(i), find(j); a != b {
				parent[a] = b
				if why[i] == kindNone {
					why[i] = k.kind
				}
			}
		}
	}
	var members []uint64 // a group's root << 32 | another of its records, sorted
	for i := range parent {
		if root := find(int32(i)); root != int32(i) {
			members = append(members, uint64(root)<<32|uint64(i))
		}
	}
	slices.Sort(members)
	var g []int32 // a group: its root, then its other records
	for len(members) > 0 {
		root := members[0] >> 32
		g = append(g[:0], int32(root))
		for len(members) > 0 && members[0]>>32 == root {
			g = append(g, int32(uint32(members[0])))
			members = members[1:]
		}
		best := g[0]
		for _, i := range g[1:] {
			if better(&x.entries[i], &x.entries[best]) {
				best = i
			}
		}
		kept := &rj
		if err := x.loadIdentity(best, kept); err != nil {
			return err
		}
		for _, i := range g {
			if i == best {
				continue
			}
			rec, err := x.load(i)
			if err != nil {
				return err
			}
			reason := why[i].reason(&rec)
			if reason == "" { // it was the first of its key; another record joined it
				reason = whyOf(&rec, kept)
			}
			rec.Status, rec.SamePersonAs = StatusSamePerson, kept.File
			rec.Error = parsers.ReasonSamePerson
			rec.Message = "same person as " + kept.File + " (" + reason + "), which ranks higher"
			if err := x.replace(i, &rec); err != nil {
				return err
			}
		}
	}
	return nil
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

// rank orders the entries: ok records best first (see [better]), then
// same-person versions, duplicates, errors and skipped files, each in path
// order. It assigns ranks 1..n to ok records.
func (x *ranking) rank() {
	slices.SortFunc(x.entries, func(a, b entry) int {
		if a.status != b.status {
			return cmp.Compare(a.status, b.status)
		}
		if a.status == codeOK {
			if better(&a, &b) {
				return -1
			}
			if better(&b, &a) {
				return 1
			}
			return 0
		}
		return cmp.Compare(a.seq, b.seq)
	})
	for i := range x.entries {
		x.entries[i].rank = 0
		if x.entries[i].status == codeOK {
			x.entries[i].rank = int32(i + 1)
		}
	}
}

// countEntries counts a report's records by status.
func countEntries(entries []entry) Counts {
	c := Counts{Files: len(entries)}
	for _, r := range entries {
		switch r.status {
		case codeOK:
			c.Screened++
			if r.qualified {
				c.Qualified++
			}
			if r.isNew {
				c.New++
			}
		case codeSamePerson:
			c.SamePerson++
		case codeError:
			c.Errors++
		case codeSkipped:
			c.Skipped++
		case codeDuplicate:
			c.Duplicates++
		}
	}
	return c
}

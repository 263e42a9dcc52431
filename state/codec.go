package state

import (
	"encoding/binary"
	"errors"
	"math"

	"github.com/screener/screener/parsers"
	"github.com/screener/screener/rules"
	"github.com/screener/screener/screener"
)

// Stored results are read back for every unchanged file on every run, so
// their encoding is on the hot path of incremental runs: decoding JSON took
// about 90 µs a record, this binary form a fraction of that. The first byte
// is a version; a record starting with '{' is JSON (kept readable for old
// state files). A field added to screener.Record must be added here too;
// TestCodecRoundTrip fills every field by reflection and fails otherwise.
// Version 2 added a breakdown line's knockout flag; version 3 per-skill
// months and last year used, and an unknown years of experience; version 4
// the contact fields' sources and Uncertain; version 5 the as-of date a
// result was scored with; version 6 OCR and its confidence; version 7 the
// current title and location with their sources. Older versions
// are still read.
const codecVersion = 7

// contactsVersion is the first version whose contact details were found
// with evidence: an older result may hold a name made from a file name, so
// [staleRecord] has it scored again.
const contactsVersion = 4

var errShort = errors.New("stored result truncated")

// staleRecord reports whether a stored result was written before
// contactsVersion (or as JSON, earlier still) and should be scored again
// from the stored text, or the file read again, rather than reused.
func staleRecord(b string) bool {
	return len(b) > 0 && (b[0] < contactsVersion || b[0] == '{')
}

type encoder struct{ b []byte }

func (e *encoder) uint(v uint64) { e.b = binary.AppendUvarint(e.b, v) }
func (e *encoder) int(v int64)   { e.b = binary.AppendVarint(e.b, v) }
func (e *encoder) str(s string)  { e.uint(uint64(len(s))); e.b = append(e.b, s...) }
func (e *encoder) f64(v float64) { e.b = binary.LittleEndian.AppendUint64(e.b, math.Float64bits(v)) }
func (e *encoder) bool(v bool)   { e.b = append(e.b, map[bool]byte{false: 0, true: 1}[v]) }
func (e *encoder) strs(s []string) {
	e.uint(uint64(len(s)))
	for _, x := range s {
		e.str(x)
	}
}

// decoder reads a record from one string: every string field is a slice
// of it, so decoding allocates once per record, not once per field.
type decoder struct {
	s   string
	err error
}

func (d *decoder) uint() uint64 {
	var v uint64
	for i := 0; i < len(d.s) && i < binary.MaxVarintLen64; i++ {
		c := d.s[i]
		if i == binary.MaxVarintLen64-1 && c > 1 {
			break // overflows 64 bits
		}
		v |= uint64(c&0x7f) << (7 * i)
		if c < 0x80 {
			d.s = d.s[i+1:]
			return v
		}
	}
	d.fail()
	return 0
}

func (d *decoder) int() int64 {
	u := d.uint()
	v := int64(u >> 1)
	if u&1 != 0 {
		v = ^v
	}
	return v
}

func (d *decoder) fail() {
	if d.err == nil {
		d.err = errShort
	}
	d.s = ""
}

func (d *decoder) str() string {
	n := d.uint()
	if n > uint64(len(d.s)) {
		d.fail()
		return ""
	}
	s := d.s[:n]
	d.s = d.s[n:]
	return s
}

func (d *decoder) f64() float64 {
	if len(d.s) < 8 {
		d.fail()
		return 0
	}
	var u uint64
	for i := 7; i >= 0; i-- {
		u = u<<8 | uint64(d.s[i])
	}
	d.s = d.s[8:]
	return math.Float64frombits(u)
}

func (d *decoder) bool() bool {
	if len(d.s) < 1 {
		d.fail()
		return false
	}
	v := d.s[0] == 1
	d.s = d.s[1:]
	return v
}

// count reads a slice length, refusing one the remaining bytes cannot hold.
func (d *decoder) count() int {
	n := d.uint()
	if n > uint64(len(d.s)) {
		d.fail()
		return 0
	}
	return int(n)
}

func (d *decoder) strs() []string {
	n := d.count()
	if n == 0 {
		return nil
	}
	out := make([]string, n)
	for i := range out {
		out[i] = d.str()
	}
	return out
}

// encodeRecord writes the stored part of a record (not File, Rank, New,
// SamePersonAs).
func encodeRecord(r screener.Record) []byte {
	e := &encoder{b: make([]byte, 0, 2048)}
	e.b = append(e.b, codecVersion)
	for _, s := range []string{r.SHA256, string(r.Status), string(r.Error), r.Message, r.DuplicateOf, r.Name, r.Email, r.Phone, r.Format} {
		e.str(s)
	}
	e.f64(r.Score)
	e.bool(r.Qualified)
	e.bool(r.YearsExperience != nil)
	if r.YearsExperience != nil {
		e.f64(*r.YearsExperience)
	}
	e.int(int64(r.Pages))
	e.int(r.Bytes)
	for _, ss := range [][]string{r.Knockouts, r.Links, r.Matched, r.Missing, r.MatchedPreferred} {
		e.strs(ss)
	}
	e.uint(uint64(len(r.Degrees)))
	for _, d := range r.Degrees {
		e.str(d.Level)
		e.str(d.Field)
	}
	e.uint(uint64(len(r.SkillsFound)))
	for _, f := range r.SkillsFound {
		e.str(f.Skill)
		e.str(f.Category)
		e.int(int64(f.Count))
		e.str(string(f.Section))
		e.str(f.Evidence)
		e.f64(f.Months)
		e.int(int64(f.LastUsed))
	}
	e.uint(uint64(len(r.Breakdown)))
	for _, l := range r.Breakdown {
		e.str(l.Rule)
		e.f64(l.Weight)
		e.f64(l.Earned)
		e.str(l.Detail)
		e.bool(l.Knockout)
	}
	for _, s := range []string{r.NameSource, r.EmailSource, r.PhoneSource} {
		e.str(s)
	}
	e.strs(r.Uncertain)
	e.str(r.AsOf)
	e.bool(r.OCR)
	e.f64(r.OCRConfidence)
	for _, s := range []string{r.Title, r.TitleSource, r.Location, r.LocationSource} {
		e.str(s)
	}
	return e.b
}

// decodeRecord reads what encodeRecord wrote. The record's strings share
// the memory of b.
func decodeRecord(b string) (screener.Record, error) {
	var r screener.Record
	if len(b) == 0 || b[0] < 1 || b[0] > codecVersion {
		return r, errors.New("unknown stored result encoding")
	}
	version := b[0]
	d := &decoder{s: b[1:]}
	var status, reason string
	for _, p := range []*string{&r.SHA256, &status, &reason, &r.Message, &r.DuplicateOf, &r.Name, &r.Email, &r.Phone, &r.Format} {
		*p = d.str()
	}
	r.Status, r.Error = screener.Status(status), parsers.Reason(reason)
	r.Score = d.f64()
	r.Qualified = d.bool()
	if version < 3 { // 0 meant both none and unknown
		if y := d.f64(); y > 0 {
			r.YearsExperience = &y
		}
	} else if d.bool() {
		y := d.f64()
		r.YearsExperience = &y
	}
	r.Pages = int(d.int())
	r.Bytes = d.int()
	for _, p := range []*[]string{&r.Knockouts, &r.Links, &r.Matched, &r.Missing, &r.MatchedPreferred} {
		*p = d.strs()
	}
	// Scoring always sets these three, empty or not (JSON shows []); a
	// document skipped as not a resume is never scored (JSON shows null).
	for _, p := range []*[]string{&r.Matched, &r.Missing, &r.MatchedPreferred} {
		if *p == nil && r.Status != screener.StatusSkipped {
			*p = []string{}
		}
	}
	if n := d.count(); n > 0 {
		r.Degrees = make([]rules.Degree, n)
		for i := range r.Degrees {
			r.Degrees[i] = rules.Degree{Level: d.str(), Field: d.str()}
		}
	}
	if n := d.count(); n > 0 {
		r.SkillsFound = make([]rules.Found, n)
		for i := range r.SkillsFound {
			f := &r.SkillsFound[i]
			f.Skill, f.Category = d.str(), d.str()
			f.Count = int(d.int())
			f.Section = rules.Section(d.str())
			f.Evidence = d.str()
			if version >= 3 {
				f.Months = d.f64()
				f.LastUsed = int(d.int())
			}
		}
	}
	if n := d.count(); n > 0 {
		r.Breakdown = make([]rules.Line, n)
		for i := range r.Breakdown {
			l := &r.Breakdown[i]
			l.Rule = d.str()
			l.Weight, l.Earned = d.f64(), d.f64()
			l.Detail = d.str()
			if version >= 2 {
				l.Knockout = d.bool()
			}
		}
	}
	if version >= 4 {
		for _, p := range []*string{&r.NameSource, &r.EmailSource, &r.PhoneSource} {
			*p = d.str()
		}
		r.Uncertain = d.strs()
	}
	if version >= 5 {
		r.AsOf = d.str()
	}
	if version >= 6 {
		r.OCR = d.bool()
		r.OCRConfidence = d.f64()
	}
	if version >= 7 {
		for _, p := range []*string{&r.Title, &r.TitleSource, &r.Location, &r.LocationSource} {
			*p = d.str()
		}
	}
	if d.err == nil && len(d.s) != 0 {
		d.err = errors.New("stored result has trailing bytes")
	}
	return r, d.err
}

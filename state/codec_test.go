package state

import (
	"math"
	"reflect"
	"testing"

	"github.com/screener/screener/parsers"
	"github.com/screener/screener/rules"
	"github.com/screener/screener/screener"
)

// fill sets every field of v, recursively, to a non-zero value, so a field
// the codec forgets shows up as a difference.
func fill(v reflect.Value, seed int) {
	switch v.Kind() {
	case reflect.String:
		v.SetString("s" + string(rune('a'+seed%26)))
	case reflect.Int, reflect.Int64:
		v.SetInt(int64(seed + 3))
	case reflect.Float64:
		v.SetFloat(float64(seed) + 0.5)
	case reflect.Bool:
		v.SetBool(true)
	case reflect.Pointer:
		p := reflect.New(v.Type().Elem())
		fill(p.Elem(), seed)
		v.Set(p)
	case reflect.Slice:
		s := reflect.MakeSlice(v.Type(), 2, 2)
		for i := 0; i < 2; i++ {
			fill(s.Index(i), seed+i+1)
		}
		v.Set(s)
	case reflect.Struct:
		for i := 0; i < v.NumField(); i++ {
			if v.Type().Field(i).IsExported() {
				fill(v.Field(i), seed+i)
			}
		}
	}
}

func TestCodecRoundTrip(t *testing.T) {
	var r screener.Record
	fill(reflect.ValueOf(&r).Elem(), 1)
	// File (and FileBytes), Rank, New and SamePersonAs belong to a run,
	// not to the content: not stored.
	r.File, r.FileBytes, r.Rank, r.New, r.SamePersonAs = "", nil, 0, false, ""
	got, err := decodeRecord(string(encodeRecord(r)))
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, r) {
		t.Errorf("round trip lost data (a new Record field missing from codec.go?)\n got %+v\nwant %+v", got, r)
	}
	empty := screener.Record{Matched: []string{}, Missing: []string{}, MatchedPreferred: []string{}}
	if got, err := decodeRecord(string(encodeRecord(empty))); err != nil || !reflect.DeepEqual(got, empty) {
		t.Errorf("empty record: %+v, %v", got, err)
	}
	// A stored result of a document that is not a resume reads back as a
	// fresh run made it: never scored, so null in JSON Lines, not [].
	letter := screener.Record{Status: screener.StatusSkipped, Error: parsers.ReasonNotResume, Message: "not a resume"}
	if got, err := decodeRecord(string(encodeRecord(letter))); err != nil || !reflect.DeepEqual(got, letter) {
		t.Errorf("not a resume: %+v, %v", got, err)
	}
}

func FuzzDecodeRecord(f *testing.F) {
	var r screener.Record
	fill(reflect.ValueOf(&r).Elem(), 1)
	f.Add(encodeRecord(r))
	f.Add([]byte{codecVersion, 0xff, 0xff, 0xff, 0xff, 0x0f})
	f.Fuzz(func(t *testing.T, b []byte) {
		rec, err := decodeRecord(string(b))
		if err == nil {
			if again, err := decodeRecord(string(encodeRecord(rec))); err != nil || !reflect.DeepEqual(again, rec) {
				t.Errorf("decode(encode(x)) != x: %v", err)
			}
		}
	})
}

// TestVarints checks the string decoder against encoding/binary's varints.
func TestVarints(t *testing.T) {
	for _, v := range []int64{0, 1, -1, 63, -64, 64, 127, 128, 1 << 40, math.MaxInt64, math.MinInt64} {
		e := &encoder{}
		e.uint(uint64(v))
		e.int(v)
		e.f64(float64(v) / 3)
		d := &decoder{s: string(e.b)}
		if u, i, f := d.uint(), d.int(), d.f64(); u != uint64(v) || i != v || f != float64(v)/3 || d.err != nil || d.s != "" {
			t.Errorf("%d: got %d %d %g, err %v, %d bytes left", v, u, i, f, d.err, len(d.s))
		}
	}
	// An 11-byte varint overflows; a cut one is short.
	// So does a 10-byte one whose last byte holds more than the 64th bit.
	for _, bad := range []string{"\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\x01", "\xff\xff\xff\xff\xff\xff\xff\xff\xff\x02", "\xff\xff", "\x80"} {
		d := &decoder{s: bad}
		if d.uint(); d.err == nil {
			t.Errorf("%q: no error", bad)
		}
	}
}

// TestCodecOldVersions reads records stored by earlier versions: version
// 2 (before per-skill months, with years as a number) and version 1 (also
// before breakdown lines carried their knockout flag). The bytes are those
// the encoder of each version wrote.
func TestCodecOldVersions(t *testing.T) {
	v2 := "\x02\x02ab\x02ok\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x04@" +
		"\x00\x00\x00\x00\x01\x02Go\x00\x00\x00\x01\x02Go\blanguage\x04\nexperience\nGo at Acme" +
		"\x01\frequired: Go\x00\x00\x00\x00\x00\x00\b@\x00\x00\x00\x00\x00\x00\b@\nGo at Acme\x00"
	v1 := "\x01" + v2[1:len(v2)-1] // no trailing knockout flag
	years := 2.5
	want := screener.Record{SHA256: "ab", Status: screener.StatusOK, YearsExperience: &years,
		Matched: []string{"Go"}, Missing: []string{}, MatchedPreferred: []string{},
		SkillsFound: []rules.Found{{Skill: "Go", Category: "language", Count: 2, Section: rules.SectionExperience, Evidence: "Go at Acme"}},
		Breakdown:   []rules.Line{{Rule: "required: Go", Weight: 3, Earned: 3, Detail: "Go at Acme"}}}
	for _, b := range []string{v1, v2} {
		if got, err := decodeRecord(b); err != nil || !reflect.DeepEqual(got, want) {
			t.Errorf("version %d: %+v, %v", b[0], got, err)
		}
	}
	// Version 6 wrote what version 7 writes but the title, the location
	// and their sources at the end (four bytes when empty); version 5 also
	// not OCR and its confidence before them (a byte and 8 bytes); version
	// 4 also not the as-of date before those (one byte when empty).
	v7 := encodeRecord(want)
	v6 := v7[:len(v7)-4]
	if got, err := decodeRecord("\x06" + string(v6[1:])); err != nil || !reflect.DeepEqual(got, want) {
		t.Errorf("version 6: %+v, %v", got, err)
	}
	v5 := v6[:len(v6)-9]
	if got, err := decodeRecord("\x05" + string(v5[1:])); err != nil || !reflect.DeepEqual(got, want) {
		t.Errorf("version 5: %+v, %v", got, err)
	}
	if got, err := decodeRecord("\x04" + string(v5[1:len(v5)-1])); err != nil || !reflect.DeepEqual(got, want) {
		t.Errorf("version 4: %+v, %v", got, err)
	}
	// A version 2 record said 0 years both for none and for unknown.
	zero := v2[:23] + "\x00\x00\x00\x00\x00\x00\x00\x00" + v2[31:] // bytes 23-30 hold the years
	if got, err := decodeRecord(zero); err != nil || got.YearsExperience != nil {
		t.Errorf("version 2, 0 years: %v, %v", got.YearsExperience, err)
	}
	if _, err := decodeRecord(string(append([]byte{codecVersion + 1}, encodeRecord(want)[1:]...))); err == nil {
		t.Error("a future version was read")
	}
}

// TestCodecStale checks which stored results are scored again: those
// written before the contact details had sources (a name then could come
// from the file name), not current ones.
func TestCodecStale(t *testing.T) {
	cur := encodeRecord(screener.Record{Name: "Chris Oh", NameSource: "header"})
	if staleRecord(string(cur)) {
		t.Error("a current record is stale")
	}
	old := append([]byte{contactsVersion - 1}, cur[1:]...)
	if !staleRecord(string(old)) || !staleRecord(`{"name":"Tigerjelly Gdocs"}`) {
		t.Error("an earlier version is not stale")
	}
	if staleRecord(string(append([]byte{contactsVersion}, cur[1:]...))) || staleRecord("") {
		t.Error("a record of the version that brought contact sources, or an empty one, is stale")
	}
}

// TestCodecRejectsTrailingBytes: a stored result with bytes after its
// last field is damaged, not read as if whole.
func TestCodecRejectsTrailingBytes(t *testing.T) {
	b := encodeRecord(screener.Record{Name: "Ada", Status: screener.StatusOK, Matched: []string{"Go"}})
	if _, err := decodeRecord(string(b)); err != nil {
		t.Fatal(err)
	}
	if _, err := decodeRecord(string(append(b, 0))); err == nil {
		t.Error("a record with a trailing byte decoded")
	}
	if _, err := decodeRecord(string(b[:len(b)-1])); err == nil {
		t.Error("a truncated record decoded")
	}
}

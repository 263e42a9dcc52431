package state

import (
	"math"
	"reflect"
	"testing"

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
	// File, Rank, New and SamePersonAs belong to a run, not to the
	// content: not stored.
	r.File, r.Rank, r.New, r.SamePersonAs = "", 0, false, ""
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
	for _, bad := range []string{"\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\x01", "\xff\xff", "\x80"} {
		d := &decoder{s: bad}
		if d.uint(); d.err == nil {
			t.Errorf("%q: no error", bad)
		}
	}
}

// TestCodecVersion1 reads a record stored before breakdown lines carried
// their knockout flag: the same bytes without the flag's.
func TestCodecVersion1(t *testing.T) {
	r := screener.Record{SHA256: "ab", Status: screener.StatusOK, Matched: []string{}, Missing: []string{}, MatchedPreferred: []string{},
		Breakdown: []rules.Line{{Rule: "required: Go", Weight: 3, Detail: "not found"}}}
	v2 := encodeRecord(r)
	v1 := append([]byte{1}, v2[1:len(v2)-1]...) // version byte, and no trailing flag
	got, err := decodeRecord(string(v1))
	if err != nil || !reflect.DeepEqual(got, r) {
		t.Errorf("version 1: %+v, %v", got, err)
	}
	if _, err := decodeRecord(string(append([]byte{codecVersion + 1}, v2[1:]...))); err == nil {
		t.Error("a future version was read")
	}
}

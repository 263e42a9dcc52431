package screener

import (
	"bufio"
	"bytes"
	"encoding/json"
	"testing"
	"time"
)

// TestWriteJSONL: one object per record, in report order, with its skills
// found; a record without any has an empty list, never null.
func TestWriteJSONL(t *testing.T) {
	rep := goldenReport()
	var b bytes.Buffer
	if err := WriteJSONL(&b, rep); err != nil {
		t.Fatal(err)
	}
	var lines []map[string]json.RawMessage
	sc := bufio.NewScanner(&b)
	for sc.Scan() {
		var m map[string]json.RawMessage
		if err := json.Unmarshal(sc.Bytes(), &m); err != nil {
			t.Fatalf("line %q: %v", sc.Text(), err)
		}
		lines = append(lines, m)
	}
	if len(lines) != len(rep.Records) {
		t.Fatalf("%d lines for %d records", len(lines), len(rep.Records))
	}
	for i, r := range rep.Records {
		var file string
		var skills []json.RawMessage
		if err := json.Unmarshal(lines[i]["file"], &file); err != nil || file != r.File {
			t.Errorf("line %d: file %q (%v), want %q", i, file, err, r.File)
		}
		if string(lines[i]["skills_found"]) == "null" || json.Unmarshal(lines[i]["skills_found"], &skills) != nil || len(skills) != len(r.SkillsFound) {
			t.Errorf("%s: skills_found %s, want %d skills", r.File, lines[i]["skills_found"], len(r.SkillsFound))
		}
	}
}

// TestProvenance: a report without a version says "unknown"; the run's
// start is in UTC, to the second.
func TestProvenance(t *testing.T) {
	start := time.Date(2026, 3, 1, 9, 30, 15, 700, time.FixedZone("CET", 3600))
	for _, tt := range []struct{ version, want string }{{"", "unknown"}, {"v1.4.0", "v1.4.0"}} {
		p := (&Report{Version: tt.version, RuleHash: "h", Started: start, Job: "j"}).Provenance()
		want := Provenance{ScreenerVersion: tt.want, RulesHash: "h", RunAt: time.Date(2026, 3, 1, 8, 30, 15, 0, time.UTC), Job: "j"}
		if p != want {
			t.Errorf("version %q: %+v, want %+v", tt.version, p, want)
		}
	}
}

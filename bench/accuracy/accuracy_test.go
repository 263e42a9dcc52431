package main

import (
	"strings"
	"testing"

	"github.com/screener/screener/bench/eval/label"
)

func TestSamePhone(t *testing.T) {
	tests := []struct {
		printed, e164, got string
		want               bool
	}{
		{"+44 20 7946 0958", "+442079460958", "+44 20 7946 0958", true},
		{"+44 20 7946 0958", "+442079460958", "+442079460958", true},
		{"(555) 123-4567", "+15551234567", "555.123.4567", true},
		{"(555) 123-4567", "+15551234567", "+1 555 123 4567", true},
		{"607.555.0183", "+16075550183", "607.555.01835", false}, // a digit of the next word glued on
		{"020 123 4567", "+31201234567", "0201234567", true},
		{"+49 30 12345678", "", "030 12345678", false},
		{"", "", "", true},
		{"", "", "610948097", false},
	}
	for _, tt := range tests {
		if got := samePhone(tt.printed, tt.e164, tt.got); got != tt.want {
			t.Errorf("samePhone(%q, %q, %q) = %v, want %v", tt.printed, tt.e164, tt.got, got, tt.want)
		}
	}
}

func TestSameNameAndEmail(t *testing.T) {
	names := []struct {
		want, got string
		same      bool
	}{
		{"DANIELA ROSSI", "Daniela Rossi", true},
		{"山田 花子", "山田花子", true},
		{"María José Núñez Ortega", "Maria Jose Nunez Ortega", false},
		{"Jan van der Berg", "Jan Berg", false},
		{"Zoë Ångström", "Zoe\u0308 \u212Bngstro\u0308m", true}, // decomposed forms
	}
	for _, tt := range names {
		if got := sameName(tt.want, tt.got); got != tt.same {
			t.Errorf("sameName(%q, %q) = %v", tt.want, tt.got, got)
		}
	}
	if !sameEmail("maría.núñez@example.es", "MARÍA.NÚÑEZ@example.es") || sameEmail("maría.núñez@example.es", "ez@example.es") {
		t.Error("sameEmail")
	}
}

func TestFileNameWords(t *testing.T) {
	for in, want := range map[string]string{
		"even/maria-nunez-cv.pdf":               "maria nunez",
		"docx/Jan_Van_Der_Berg_Resume.docx":     "Jan Van Der Berg",
		"pdf/resume2024.pdf":                    "",
		"moderncv-classic/tigerjelly-gdocs.pdf": "tigerjelly gdocs",
	} {
		if got := fileNameWords(in); got != want {
			t.Errorf("fileNameWords(%q) = %q, want %q", in, got, want)
		}
	}
}

// record stands for screener.Record in a later shape: years may be null
// and skills carry months.
type record struct {
	Status string   `json:"status"`
	Name   string   `json:"name"`
	Email  string   `json:"email"`
	Phone  string   `json:"phone"`
	Years  *float64 `json:"years_experience"`
	Skills []struct {
		Skill    string  `json:"skill"`
		Evidence string  `json:"evidence"`
		Months   float64 `json:"months,omitempty"`
	} `json:"skills_found"`
	Extra string `json:"name_source"`
}

func TestCompare(t *testing.T) {
	years := 5.5
	l := &label.Label{File: "x/a.pdf", Layout: "x", Name: "Ana de la Cruz", Email: "ana@example.mx", Phone: "+52 55 1234 5678", PhoneE164: "+525512345678",
		Years: &years, Skills: []string{"Go", "PostgreSQL", "React"}, Months: map[string]int{"Go": 24, "PostgreSQL": 60, "React": 0}}
	rec := record{Status: "ok", Name: "Data Scientist", Email: "ana@example.mx", Phone: "5512345678", Extra: "header"}
	for _, s := range []struct {
		n string
		m float64
	}{{"Go", 20}, {"PostgreSQL", 40}, {"Rust", 3}} {
		rec.Skills = append(rec.Skills, struct {
			Skill    string  `json:"skill"`
			Evidence string  `json:"evidence"`
			Months   float64 `json:"months,omitempty"`
		}{s.n, "line", s.m})
	}
	g, err := decode(rec)
	if err != nil {
		t.Fatal(err)
	}
	r := compare(l, g)
	if r.name.right || !r.email.right || r.phone.right {
		t.Errorf("name/email/phone right = %v/%v/%v, want false/true/false", r.name.right, r.email.right, r.phone.right)
	}
	if !r.years.counted || r.years.right || r.years.got != "unknown" {
		t.Errorf("years: %+v, want counted, wrong, unknown", r.years)
	}
	if r.tp != 2 || r.fp != 1 || r.fn != 1 {
		t.Errorf("tp/fp/fn = %d/%d/%d, want 2/1/1", r.tp, r.fp, r.fn)
	}
	if !r.monthsKnown || r.monthsPairs != 2 || r.monthsRight != 1 {
		t.Errorf("months: known %v, %d of %d right, want true, 1 of 2", r.monthsKnown, r.monthsRight, r.monthsPairs)
	}

	y := 6.4
	rec.Years = &y
	l.Unsure = []string{"name"}
	l.SkillsUnsure = []string{"Rust"}
	g, _ = decode(rec)
	r = compare(l, g)
	if r.name.counted || !r.years.right || r.fp != 0 {
		t.Errorf("unsure name counted %v, years right %v, fp %d; want false, true, 0", r.name.counted, r.years.right, r.fp)
	}
}

func TestCompareWithoutMonths(t *testing.T) {
	g, err := decode(map[string]any{"status": "ok", "years_experience": 3.0, "skills_found": []map[string]any{{"skill": "Go"}}})
	if err != nil {
		t.Fatal(err)
	}
	r := compare(&label.Label{File: "f", Skills: []string{"Go"}, Months: map[string]int{"Go": 12}}, g)
	if r.monthsKnown || r.monthsPairs != 0 {
		t.Errorf("months counted without months from the library: %+v", r)
	}
}

func TestCompareStatus(t *testing.T) {
	l := &label.Label{File: "f", Name: "Ana de la Cruz"}
	for _, tt := range []struct {
		status, failed string
	}{{"ok", ""}, {"same_person", ""}, {"error", "no_text: no text layer"}} {
		g, err := decode(map[string]any{"status": tt.status, "error": "no_text", "message": "no text layer", "name": "Ana de la Cruz"})
		if err != nil {
			t.Fatal(err)
		}
		r := compare(l, g)
		if r.failed != tt.failed {
			t.Errorf("status %s: failed %q, want %q", tt.status, r.failed, tt.failed)
		}
	}
}

func TestNameSource(t *testing.T) {
	l := &label.Label{File: "x/jan-de-vries-cv.pdf", Name: "Jan van der Berg"}
	tests := []struct {
		rec  map[string]any
		from bool
		how  string
	}{
		{map[string]any{"status": "ok", "name": "Jan De Vries"}, true, ""},                               // no sources: the heuristic
		{map[string]any{"status": "ok", "name": "Jan De Vries", "name_source": "email"}, false, "email"}, // the library says
		{map[string]any{"status": "ok", "name": "X", "name_source": "file name", "uncertain": []string{"name"}}, true, "file name, uncertain"},
	}
	for _, tt := range tests {
		g, err := decode(tt.rec)
		if err != nil {
			t.Fatal(err)
		}
		r := compare(l, g)
		if r.fromFileName != tt.from || r.name.how != tt.how {
			t.Errorf("%v: from file name %v (%q), want %v (%q)", tt.rec, r.fromFileName, r.name.how, tt.from, tt.how)
		}
	}
	if !sameName("SARAH O'NEILL", "Sarah O\u2019Neill") {
		t.Error("typographic apostrophe not matched")
	}
}

func TestPrintFlags(t *testing.T) {
	rs := []result{
		{layout: "even", name: check{counted: true, right: false, how: "email, uncertain"}, email: check{counted: true, right: true, how: "text"}},
		{layout: "even", name: check{counted: true, right: true, how: "header, uncertain"}, phone: check{counted: true, right: false}},
	}
	var b strings.Builder
	printFlags(&b, rs)
	want := "set (all): contact values marked uncertain: 1 of 2 wrong, 1 of 2 right\n"
	if b.String() != want {
		t.Errorf("got %q, want %q", b.String(), want)
	}
	b.Reset()
	printFlags(&b, []result{{layout: "even", name: check{counted: true}}})
	if b.Len() != 0 {
		t.Errorf("printed %q for a library that marks nothing", b.String())
	}
}

package audit

import (
	"strings"
	"testing"

	"github.com/screener/screener/screener"
)

func TestReadDemographicsErrors(t *testing.T) {
	tests := []struct{ name, csv, want string }{
		{"empty", "", "empty file"},
		{"no key", "name,sex\nAnn,F\n", "line 1: no email, id or sha256 column"},
		{"no attribute", "email\na@x.org\n", "line 1: no attribute columns"},
		{"same key twice", "email,sex\na@x.org,F\nb@x.org,M\nA@X.org,M\n", `line 4: email "A@X.org" is also on line 2`},
		{"row without key", "email,id,sex\na@x.org,,F\n,,M\n", "line 3: no email, id or sha256 to join on"},
		{"column twice", "email,Sex,sex\n", `line 1: column "sex" twice`},
		{"ragged", "email,sex\na@x.org,F,extra\n", "wrong number of fields"},
	}
	for _, tt := range tests {
		_, err := ReadDemographics(strings.NewReader(tt.csv))
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: error %v, want %q", tt.name, err, tt.want)
		}
	}
}

func TestReadDemographics(t *testing.T) {
	d, err := ReadDemographics(strings.NewReader("\ufeffDisability Status,E-mail,Sex\nyes,a@x.org,Female\n,b@x.org,female\nNo,c@x.org,Decline to state\n"))
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(d.Attributes, ",") != "sex,disability_status" {
		t.Errorf("attributes %q", d.Attributes)
	}
	if g := d.groups[Sex]; len(g) != 1 || g[0] != "Female" {
		t.Errorf("sex groups %q (case folded, declined unknown)", g)
	}
	row := d.lookup(&screener.Record{Email: " B@X.ORG"})
	if row[Sex] != "Female" || row["disability_status"] != "" {
		t.Errorf("b: %v", row)
	}
}

func TestReadResults(t *testing.T) {
	ok := `{"file":"a.pdf","sha256":"aa","status":"ok","score":50,"qualified":false,"breakdown":[{"rule":"required: Go","weight":3,"earned":0,"knockout":true}],"rules_hash":"r1"}` + "\n\n" +
		`{"file":"b.pdf","status":"error","error":"corrupt","score":0,"qualified":false,"rules_hash":"r1"}`
	run, err := ReadResults(strings.NewReader(ok))
	if err != nil {
		t.Fatal(err)
	}
	if len(run.Records) != 2 || run.RulesHash != "r1" || !run.Records[0].Breakdown[0].Knockout {
		t.Errorf("%+v", run)
	}
	for _, bad := range []struct{ in, want string }{
		{ok + "\n" + `{"status":"ok","rules_hash":"r2"}`, "line 4: rules hash r2, earlier records r1"},
		{ok + "\n{", "line 4: unexpected end of JSON input"},
		{`{"name":"x"}`, "line 1: not a screener record"},
	} {
		if _, err := ReadResults(strings.NewReader(bad.in)); err == nil || !strings.Contains(err.Error(), bad.want) {
			t.Errorf("error %v, want %q", err, bad.want)
		}
	}
}

// FuzzReadDemographics: any input gives demographics or an error, never a
// panic, and an audit over them keeps its invariants.
func FuzzReadDemographics(f *testing.F) {
	_, csv := populationA()
	f.Add(csv)
	f.Add("email,sex\na@x.org,\"F\nb\"\n")
	f.Fuzz(func(t *testing.T, in string) {
		d, err := ReadDemographics(strings.NewReader(in))
		if err != nil {
			return
		}
		run, _ := populationA()
		checkInvariants(t, Compute(run, d, Options{MinShare: 0.05}))
	})
}

// FuzzReadResults: any input gives records or an error, never a panic.
func FuzzReadResults(f *testing.F) {
	f.Add(`{"status":"ok","score":1e308,"breakdown":[{"rule":"x","weight":-1,"earned":5,"knockout":true}]}`)
	f.Add(`{"status":"ok","email":"c3@example.com","score":-5}` + "\n" + `{"status":"ok","breakdown":[{"rule":"","weight":0}]}`)
	f.Fuzz(func(t *testing.T, in string) {
		run, err := ReadResults(strings.NewReader(in))
		if err != nil {
			return
		}
		_, csv := populationA()
		d, err := ReadDemographics(strings.NewReader(csv))
		if err != nil {
			t.Fatal(err)
		}
		checkInvariants(t, Compute(run, d, Options{}))
	})
}

func checkInvariants(t *testing.T, rep *Report) {
	t.Helper()
	for _, cats := range append([][]Category{rep.Categories}, whatIfCategories(rep)...) {
		for _, c := range cats {
			if c.Selected > c.Applicants || c.AboveMedian > c.Applicants || c.Applicants > rep.Scored {
				t.Fatalf("%+v", c)
			}
			for _, r := range []*float64{c.ImpactRatio, c.ScoringImpactRatio} {
				if r != nil && (*r < 0 || *r > 1) {
					t.Fatalf("impact ratio out of [0,1]: %+v", c)
				}
			}
		}
	}
}

func whatIfCategories(rep *Report) [][]Category {
	var out [][]Category
	for _, w := range rep.WhatIf {
		out = append(out, w.Categories)
	}
	return out
}

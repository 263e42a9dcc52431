package main

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

// TestAuditCommand screens the example folder with a state file, audits
// the run with a demographics file whose group names occur nowhere else,
// screens again from the same state, and checks that those names reached
// neither the state file nor the screen command's workbook, CSV or JSON
// Lines (even with the demographics file in the screened folder), while the
// audit's own outputs have them.
func TestAuditCommand(t *testing.T) {
	dir := t.TempDir()
	inbox := filepath.Join(dir, "inbox")
	copyDir(t, resumes, inbox)
	db, jsonl := filepath.Join(dir, "state.db"), filepath.Join(dir, "run.jsonl")
	screen := func() {
		t.Helper()
		code, _, stderr := runCLI(t, "screen", "-job", posting, "-as-of", "2026-06-01", "-quiet", "-state", db,
			"-out", filepath.Join(dir, "s.xlsx"), "-jsonl", jsonl, "-csv", filepath.Join(dir, "s.csv"), inbox)
		if code != exitSomeBad {
			t.Fatalf("screen: exit %d: %s", code, stderr)
		}
	}
	screen()

	// One row per scored candidate, alternately by e-mail and by SHA-256,
	// with made-up group names that nothing else contains.
	b, err := os.ReadFile(jsonl)
	if err != nil {
		t.Fatal(err)
	}
	secret := []string{"Qzxgroupone", "Qzxgrouptwo", "Vvkorigin"}
	people := "email,sha256,sex,race_ethnicity\n"
	scored := 0
	for i, line := range strings.Split(strings.TrimSpace(string(b)), "\n") {
		var r struct{ Status, Email, SHA256 string }
		json.Unmarshal([]byte(line), &r)
		if r.Status != "ok" {
			continue
		}
		scored++
		if i%2 == 0 && r.Email != "" {
			people += fmt.Sprintf("%s,,%s,%s\n", r.Email, secret[i%2], secret[2])
		} else {
			people += fmt.Sprintf(",%s,%s,%s\n", r.SHA256, secret[i%2], secret[2])
		}
	}
	peoplePath := filepath.Join(dir, "people.csv")
	os.WriteFile(peoplePath, []byte(people), 0o600)

	auditOut := filepath.Join(dir, "audit.xlsx")
	code, stdout, stderr := runCLI(t, "audit", "-results", jsonl, "-demographics", peoplePath, "-out", auditOut, "-json")
	if code != exitOK {
		t.Fatalf("audit: exit %d: %s", code, stderr)
	}
	var doc struct {
		Scored     int `json:"scored"`
		Joined     int `json:"joined"`
		Categories []struct {
			Attribute, Group string
			Applicants       int
		} `json:"categories"`
	}
	if err := json.Unmarshal([]byte(stdout), &doc); err != nil {
		t.Fatalf("-json output: %v\n%s", err, stdout)
	}
	if doc.Scored != scored || doc.Joined != scored || len(doc.Categories) != 2+1+2 {
		t.Errorf("scored %d joined %d (want %d), %d categories", doc.Scored, doc.Joined, scored, len(doc.Categories))
	}
	if !bytes.Contains(unzipAll(t, auditOut), []byte(secret[2])) {
		t.Error("the audit workbook lacks the groups")
	}

	// Again, from the state the first run left, with a copy of the
	// demographics dropped into the inbox by mistake: it is skipped unread.
	os.WriteFile(filepath.Join(inbox, "people.csv"), []byte(people), 0o600)
	screen()
	for _, p := range []string{db, db + "-wal", db + "-shm", filepath.Join(dir, "s.csv"), jsonl} {
		b, err := os.ReadFile(p)
		if os.IsNotExist(err) {
			continue
		}
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range secret {
			if bytes.Contains(bytes.ToLower(b), bytes.ToLower([]byte(s))) {
				t.Errorf("%s contains the demographic value %q", filepath.Base(p), s)
			}
		}
	}
	xml := unzipAll(t, filepath.Join(dir, "s.xlsx"))
	for _, s := range secret {
		if bytes.Contains(xml, []byte(s)) {
			t.Errorf("the screen workbook contains the demographic value %q", s)
		}
	}
}

// unzipAll returns every part of a workbook, concatenated.
func unzipAll(t *testing.T, path string) []byte {
	t.Helper()
	zr, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	var all bytes.Buffer
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		io.Copy(&all, rc)
		rc.Close()
	}
	return all.Bytes()
}

func TestAuditUsage(t *testing.T) {
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"audit"}, "audit needs -results and -demographics"},
		{[]string{"audit", "-results", "a", "-demographics", "b", "-min-share", "2"}, "-min-share must be"},
		{[]string{"audit", "-results", "a", "-demographics", "b", "extra"}, "takes no arguments"},
	} {
		code, _, stderr := runCLI(t, tt.args...)
		if code != exitUsage || !strings.Contains(stderr, tt.want) {
			t.Errorf("%q: exit %d, %q", tt.args, code, stderr)
		}
	}
	dir := t.TempDir()
	bad := filepath.Join(dir, "people.csv")
	os.WriteFile(bad, []byte("name,sex\nAnn,F\n"), 0o600)
	empty := filepath.Join(dir, "run.jsonl")
	os.WriteFile(empty, nil, 0o600)
	code, _, stderr := runCLI(t, "audit", "-results", empty, "-demographics", bad)
	if code != exitFailure || !strings.Contains(stderr, "people.csv: line 1: no email, id or sha256 column") {
		t.Errorf("exit %d, %q", code, stderr)
	}
}

func TestRedactCommand(t *testing.T) {
	code, stdout, stderr := runCLI(t, "redact", filepath.Join(resumes, "alice.pdf"))
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	code, plain, _ := runCLI(t, "extract", filepath.Join(resumes, "alice.pdf"))
	if code != exitOK {
		t.Fatal("extract failed")
	}
	// Every e-mail, phone and the name in the plain text are gone; the
	// skills stay.
	for _, line := range strings.Split(plain, "\n") {
		if strings.Contains(line, "@") && strings.Contains(stdout, strings.TrimSpace(line)) {
			t.Errorf("line with an e-mail survived: %q", line)
		}
	}
	for _, gone := range []string{"Alice", "Moreau", "alice.moreau@example.org"} {
		if strings.Contains(stdout, gone) {
			t.Errorf("%q survived:\n%s", gone, stdout)
		}
	}
	for _, kept := range []string{"[name]", "[email]", "[phone]", "PostgreSQL", "Kubernetes"} {
		if !strings.Contains(stdout, kept) {
			t.Errorf("no %q in:\n%s", kept, stdout)
		}
	}
	if code, _, _ := runCLI(t, "redact"); code != exitUsage {
		t.Errorf("redact without a file: exit %d", code)
	}
}

// TestAuditTrail: every JSON Lines record says which screener, which rules
// and when; scored ones the as-of date they were scored with, which a
// result reused from the state file keeps. The Rules sheet says the same.
func TestAuditTrail(t *testing.T) {
	dir := t.TempDir()
	db, jsonl, xlsx := filepath.Join(dir, "s.db"), filepath.Join(dir, "run.jsonl"), filepath.Join(dir, "s.xlsx")
	screen := func(asOf string) []map[string]any {
		t.Helper()
		before := time.Now().UTC().Truncate(time.Second)
		code, _, stderr := runCLI(t, "screen", "-job", posting, "-as-of", asOf, "-quiet", "-state", db, "-out", xlsx, "-jsonl", jsonl, resumes)
		if code != exitSomeBad {
			t.Fatalf("exit %d: %s", code, stderr)
		}
		b, _ := os.ReadFile(jsonl)
		var recs []map[string]any
		hash := ""
		for _, line := range strings.Split(strings.TrimSpace(string(b)), "\n") {
			var r map[string]any
			if err := json.Unmarshal([]byte(line), &r); err != nil {
				t.Fatal(err)
			}
			runAt, err := time.Parse(time.RFC3339, fmt.Sprint(r["run_at"]))
			if err != nil || runAt.Before(before) || runAt.After(time.Now()) {
				t.Errorf("run_at %v (%v)", r["run_at"], err)
			}
			if v, _ := r["screener_version"].(string); v == "" {
				t.Errorf("%v: no screener_version", r["file"])
			}
			if h, _ := r["rules_hash"].(string); h == "" || hash != "" && h != hash {
				t.Errorf("%v: rules_hash %q, others %q", r["file"], h, hash)
			} else {
				hash = h
			}
			recs = append(recs, r)
		}
		f, err := excelize.OpenFile(xlsx)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		rows, _ := f.GetRows("Rules")
		var sheet []string
		for _, r := range rows {
			sheet = append(sheet, strings.Join(r, "|"))
		}
		text := strings.Join(sheet, "\n")
		for _, want := range []string{"Rules hash|" + hash, "Screener version|", "As of|" + asOf, "Run at|" + recs[0]["run_at"].(string)} {
			if !strings.Contains(text, want) {
				t.Errorf("Rules sheet lacks %q:\n%s", want, text)
			}
		}
		return recs
	}
	for _, r := range screen("2026-06-01") {
		if r["status"] == "ok" && r["as_of"] != "2026-06-01" {
			t.Errorf("%v: as_of %v", r["file"], r["as_of"])
		}
	}
	// A later run on the same state reuses the stored results, scored as
	// of the first run's date.
	for _, r := range screen("2027-01-15") {
		if r["status"] == "ok" && r["as_of"] != "2026-06-01" {
			t.Errorf("reused %v: as_of %v, want the first run's 2026-06-01", r["file"], r["as_of"])
		}
	}
}

// TestBlind screens the example folder twice, with and without -blind. The
// blind workbook (every part of it) and CSV contain none of the names,
// e-mails, phones or links the plain run found; ranks and scores are the
// same; the JSON Lines are the same (they are the audit record, not a
// review copy); the identities file maps each ID back to its candidate.
func TestBlind(t *testing.T) {
	dir := t.TempDir()
	screen := func(name string, extra ...string) {
		t.Helper()
		args := append([]string{"screen", "-job", posting, "-as-of", "2026-06-01", "-quiet",
			"-out", filepath.Join(dir, name+".xlsx"), "-csv", filepath.Join(dir, name+".csv"), "-jsonl", filepath.Join(dir, name+".jsonl")}, extra...)
		if code, _, stderr := runCLI(t, append(args, resumes)...); code != exitSomeBad {
			t.Fatalf("%s: exit %d: %s", name, code, stderr)
		}
	}
	screen("plain")
	screen("blind", "-blind", "-identities", filepath.Join(dir, "ids.csv"))

	plain, _ := os.ReadFile(filepath.Join(dir, "plain.jsonl"))
	blind, _ := os.ReadFile(filepath.Join(dir, "blind.jsonl"))
	if withoutRunAt(plain) != withoutRunAt(blind) {
		t.Error("-blind changed the JSON Lines")
	}
	var secrets []string
	for _, line := range strings.Split(strings.TrimSpace(string(plain)), "\n") {
		var r struct {
			Name, Email, Phone string
			Links              []string
		}
		json.Unmarshal([]byte(line), &r)
		for _, s := range append([]string{r.Name, r.Email, r.Phone}, r.Links...) {
			if s != "" {
				secrets = append(secrets, s)
			}
		}
	}
	if len(secrets) < 20 {
		t.Fatalf("only %d names, contacts and links in the plain run: %q", len(secrets), secrets)
	}
	csvBlind, _ := os.ReadFile(filepath.Join(dir, "blind.csv"))
	for what, content := range map[string]string{"workbook": string(unzipAll(t, filepath.Join(dir, "blind.xlsx"))), "CSV": string(csvBlind)} {
		low := strings.ToLower(content)
		for _, s := range secrets {
			if strings.Contains(low, strings.ToLower(s)) {
				t.Errorf("the blind %s contains %q", what, s)
			}
		}
		for _, base := range []string{"alice.pdf", "george-copy.pdf", "ivan-truncated.pdf"} {
			if strings.Contains(low, base) {
				t.Errorf("the blind %s names the file %s", what, base)
			}
		}
	}

	// Same ranks and scores; the blind Candidate column maps, through the
	// identities file, to the plain Name column.
	if fi, err := os.Stat(filepath.Join(dir, "ids.csv")); err != nil || fi.Mode().Perm() != 0o600 {
		t.Errorf("identities file: %v, %v; want mode 0600 (it holds contact details)", fi.Mode(), err)
	}
	ids := map[string]string{}
	idf, _ := os.ReadFile(filepath.Join(dir, "ids.csv"))
	rows, err := csv.NewReader(bytes.NewReader(idf)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rows[1:] {
		if _, seen := ids[r[0]]; !seen { // a duplicate shares its original's ID
			ids[r[0]] = r[1]
		}
	}
	sheet := func(name, sheet string) [][]string {
		f, err := excelize.OpenFile(filepath.Join(dir, name+".xlsx"))
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		rows, _ := f.GetRows(sheet)
		return rows
	}
	for _, s := range []string{"Shortlist", "Skills"} {
		p, b := sheet("plain", s), sheet("blind", s)
		col := func(rows [][]string, header string) int { return slices.Index(rows[0], header) }
		if len(p) != len(b) || len(p) < 5 {
			t.Fatalf("%s: %d rows plain, %d blind", s, len(p), len(b))
		}
		for i := 1; i < len(p); i++ {
			for _, h := range []string{"Rank", "Score", "Qualified"} {
				if p[i][col(p, h)] != b[i][col(b, h)] {
					t.Errorf("%s row %d: %s %s plain, %s blind", s, i, h, p[i][col(p, h)], b[i][col(b, h)])
				}
			}
			if id := b[i][col(b, "Candidate")]; ids[id] != p[i][col(p, "Name")] {
				t.Errorf("%s row %d: %s is %q in the identities, the plain run has %q", s, i, id, ids[id], p[i][col(p, "Name")])
			}
		}
	}
	if code, _, stderr := runCLI(t, "screen", "-job", posting, "-identities", filepath.Join(dir, "x.csv"), resumes); code != exitUsage || !strings.Contains(stderr, "-identities goes with -blind") {
		t.Errorf("-identities without -blind: exit %d, %s", code, stderr)
	}
}

// TestWatchBlind: watch takes -blind too; its workbook shows candidate IDs
// and none of the names its JSON Lines hold.
func TestWatchBlind(t *testing.T) {
	if testing.Short() {
		t.Skip("waits for file events")
	}
	dir := t.TempDir()
	in := filepath.Join(dir, "inbox")
	copyDir(t, resumes, in)
	jsonl, xlsx := filepath.Join(dir, "o.jsonl"), filepath.Join(dir, "o.xlsx")
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan int)
	go func() {
		code, _, _ := runCLIContext(ctx, "watch", "-quiet", "-in-process", "-blind", "-state", filepath.Join(dir, "s.db"),
			"-job", posting, "-out", xlsx, "-jsonl", jsonl, in)
		done <- code
	}()
	var names []string
	for deadline := time.Now().Add(20 * time.Second); len(names) == 0 && time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
		b, err := os.ReadFile(jsonl)
		if err != nil {
			continue
		}
		for _, line := range strings.Split(strings.TrimSpace(string(b)), "\n") {
			var r struct{ Name string }
			json.Unmarshal([]byte(line), &r)
			if r.Name != "" {
				names = append(names, r.Name)
			}
		}
	}
	cancel()
	<-done
	if len(names) < 5 {
		t.Fatalf("watch wrote %d names to JSON Lines", len(names))
	}
	parts := string(unzipAll(t, xlsx))
	if !strings.Contains(parts, "Candidate") {
		t.Error("no Candidate column in the blind workbook")
	}
	for _, n := range names {
		if strings.Contains(parts, n) {
			t.Errorf("the blind workbook of watch contains %q", n)
		}
	}
}

//go:build unix

package main

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// TestNonUTF8FileName: a Latin-1 file name is screened by the worker
// processes (it used to reach them as U+FFFD and not be found), and JSON
// Lines names it unambiguously.
func TestNonUTF8FileName(t *testing.T) {
	dir := t.TempDir()
	name := filepath.Join(dir, "Jos\xe9.txt")
	if err := os.WriteFile(name, []byte("José Example\njose@example.org\nSkills: Go, Docker, Kubernetes\n"), 0o644); err != nil {
		t.Skip(err)
	}
	code, out, stderr := runCLI(t, "screen", "-rules", exampleRules, "-quiet", "-out", "", "-jsonl", "-", dir)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var r struct {
		File      string `json:"file"`
		FileBytes string `json:"file_bytes"`
		Status    string `json:"status"`
	}
	if err := json.Unmarshal([]byte(strings.TrimSpace(out)), &r); err != nil {
		t.Fatal(err)
	}
	raw, _ := base64.StdEncoding.DecodeString(r.FileBytes)
	if r.Status != "ok" || r.File != filepath.Join(dir, "Jos\ufffd.txt") || !bytes.Equal(raw, []byte(name)) {
		t.Errorf("record %+v (file_bytes %q)", r, raw)
	}
}

// TestFIFOWithState: a FIFO named on the command line with -state neither
// hangs the run nor keeps the state's lock.
func TestFIFOWithState(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "x.pdf")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skip(err)
	}
	db := filepath.Join(dir, "s.db")
	args := []string{"screen", "-state", db, "-timeout", "5s", "-rules", exampleRules, "-quiet", "-out", "", "-jsonl", "-", fifo, oneResume(t)}
	code, out, stderr := runCLI(t, args...)
	if code != exitOK || !strings.Contains(out, `"status":"skipped"`) || !strings.Contains(out, "not a regular file") {
		t.Errorf("exit %d, %q, %q", code, out, stderr)
	}
	if code, _, stderr := runCLI(t, args...); code == exitLocked {
		t.Errorf("the state file stayed locked: %s", stderr)
	}
}

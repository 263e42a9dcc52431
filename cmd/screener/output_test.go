package main

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

const exampleRules = "../../testdata/example/backend-rules.yaml"

// oneResume makes a folder holding one small text resume.
func oneResume(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "ada.txt"), []byte("Ada Example\nada@example.org\nSkills: Go, PostgreSQL, Docker, Kubernetes\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

func mustRead(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestOutputsReplacedTogether: when one output cannot be written, no
// output is replaced, and no temporary file is left behind.
func TestOutputsReplacedTogether(t *testing.T) {
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a.xlsx"), filepath.Join(dir, "b.jsonl")
	os.WriteFile(a, []byte("old a"), 0o644)
	os.WriteFile(b, []byte("old b"), 0o644)
	full := errors.New("no space left on device")
	outs := []*output{
		{flag: "-out", path: a, write: func(w io.Writer) error { _, err := io.WriteString(w, "new a"); return err }},
		{flag: "-jsonl", path: b, write: func(w io.Writer) error { io.WriteString(w, "half"); return full }},
	}
	if err := planOutputs(outs); err != nil {
		t.Fatal(err)
	}
	err := writeOutputs(outs, io.Discard)
	if !errors.Is(err, full) || !strings.Contains(err.Error(), "-jsonl "+b) {
		t.Errorf("error %v; want the write's error, naming -jsonl %s", err, b)
	}
	if got := mustRead(t, a); got != "old a" {
		t.Errorf("%s = %q: replaced although another output failed", a, got)
	}
	if got := mustRead(t, b); got != "old b" {
		t.Errorf("%s = %q", b, got)
	}
	if left, _ := filepath.Glob(filepath.Join(dir, ".*")); len(left) > 0 {
		t.Errorf("temporary files left: %v", left)
	}

	// All writes succeed: both are replaced.
	outs[1].write = func(w io.Writer) error { _, err := io.WriteString(w, "new b"); return err }
	if err := writeOutputs(outs, io.Discard); err != nil {
		t.Fatal(err)
	}
	if mustRead(t, a) != "new a" || mustRead(t, b) != "new b" {
		t.Errorf("after a good write: %q, %q", mustRead(t, a), mustRead(t, b))
	}
}

// TestOutputThroughSymlink: the link's target is replaced; the link stays.
func TestOutputThroughSymlink(t *testing.T) {
	dir := t.TempDir()
	real := filepath.Join(dir, "real")
	os.Mkdir(real, 0o755)
	target := filepath.Join(real, "s.csv")
	os.WriteFile(target, []byte("old"), 0o644)
	link := filepath.Join(dir, "s.csv")
	if err := os.Symlink("real/s.csv", link); err != nil {
		t.Skip(err)
	}
	code, _, stderr := runCLI(t, "screen", "-rules", exampleRules, "-quiet", "-out", "", "-csv", link, oneResume(t))
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if fi, err := os.Lstat(link); err != nil || fi.Mode()&fs.ModeSymlink == 0 {
		t.Fatalf("%s is no longer a symbolic link (%v)", link, err)
	}
	if got := mustRead(t, target); !strings.Contains(got, "Ada Example") {
		t.Errorf("link target holds %q", got)
	}

	// A dangling link is written through: its target is created.
	os.Remove(target)
	if code, _, stderr := runCLI(t, "screen", "-rules", exampleRules, "-quiet", "-out", "", "-csv", link, oneResume(t)); code != exitOK {
		t.Fatalf("dangling link: exit %d: %s", code, stderr)
	}
	if fi, err := os.Lstat(link); err != nil || fi.Mode()&fs.ModeSymlink == 0 || !strings.Contains(mustRead(t, target), "Ada") {
		t.Errorf("dangling link: link %v, target written: %v", err, fi)
	}
}

// TestOutputsCheckedFirst: an output that cannot be written fails the run
// before any resume is read, naming the user's path.
func TestOutputsCheckedFirst(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		name string
		args []string
		want string
		code int
	}{
		{"missing folder", []string{"-out", filepath.Join(dir, "nope", "s.xlsx")}, "-out " + filepath.Join(dir, "nope", "s.xlsx") + ": folder " + filepath.Join(dir, "nope") + " does not exist", exitFailure},
		{"a folder", []string{"-out", dir}, "-out " + dir + ": is a folder", exitFailure},
		{"parent is a file", []string{"-jsonl", filepath.Join(exampleRules, "x.jsonl")}, "-jsonl " + filepath.Join(exampleRules, "x.jsonl") + ": not a directory", exitFailure},
		{"same file twice", []string{"-out", filepath.Join(dir, "x"), "-csv", filepath.Join(dir, ".", "x")}, "-out " + filepath.Join(dir, "x") + " and -csv", exitUsage},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			args := append([]string{"screen", "-rules", exampleRules, "-v", "-workers", "1"}, tt.args...)
			code, _, stderr := runCLI(t, append(args, resumes)...)
			if code != tt.code || !strings.Contains(stderr, tt.want) {
				t.Errorf("exit %d, stderr %q; want %d and %q", code, stderr, tt.code, tt.want)
			}
			if strings.Contains(stderr, "file screened") || strings.Contains(stderr, "file failed") {
				t.Errorf("resumes were read before the output was checked:\n%s", stderr)
			}
			if strings.Contains(stderr, ".tmp") {
				t.Errorf("message names a temporary file: %s", stderr)
			}
		})
	}
}

// TestOutputFolderNotWritable needs a user the permissions apply to.
func TestOutputFolderNotWritable(t *testing.T) {
	if os.Geteuid() == 0 || runtime.GOOS == "windows" {
		t.Skip("root writes anywhere")
	}
	dir := t.TempDir()
	ro := filepath.Join(dir, "ro")
	os.Mkdir(ro, 0o555)
	out := filepath.Join(ro, "s.xlsx")
	code, _, stderr := runCLI(t, "screen", "-rules", exampleRules, "-out", out, resumes)
	if code != exitFailure || !strings.Contains(stderr, "-out "+out+": cannot write in folder "+ro+": permission denied") {
		t.Errorf("exit %d, %q", code, stderr)
	}
}

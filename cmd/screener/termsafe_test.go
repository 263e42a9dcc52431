package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestTermSafe(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain café.pdf", "plain café.pdf"},
		{"a\x1b[31mred\x1b[0m.pdf", `a\x1b[31mred\x1b[0m.pdf`},
		{"bell\a and cr\r", `bell\x07 and cr\x0d`},
		{"invoice\u202efdp.exe", `invoice\u202efdp.exe`},
		{"isolate\u2066x\u2069", `isolate\u2066x\u2069`},
		{"c1 \u009b2J", `c1 \u009b2J`},
		{"two\nlines\tand a tab", "two\nlines\tand a tab"},
	}
	for _, tt := range tests {
		if got := termSafe(tt.in); got != tt.want {
			t.Errorf("termSafe(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestNoRawEscapesOnStderr: a file name with an escape sequence is shown
// escaped, in a per-file message and in a fatal one.
func TestNoRawEscapesOnStderr(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "x\x1b[2Jy.pdf")
	if err := os.WriteFile(bad, []byte("\x00\x01binary"), 0o644); err != nil {
		t.Skip(err)
	}
	os.WriteFile(filepath.Join(dir, "ada.txt"), []byte("Ada Example\nSkills: Go\n"), 0o644)
	_, _, stderr := runCLI(t, "screen", "-rules", exampleRules, "-out", "", "-jsonl", filepath.Join(dir, "o.jsonl"), dir)
	if strings.Contains(stderr, "\x1b") || !strings.Contains(stderr, `x\x1b[2Jy.pdf`) {
		t.Errorf("per-file message: %q", stderr)
	}
	_, _, stderr = runCLI(t, "screen", "-rules", exampleRules, "-out", "", "-jsonl", "-", filepath.Join(dir, "missing\x1b]0;title\a"))
	if strings.Contains(stderr, "\x1b") || strings.Contains(stderr, "\a") || !strings.Contains(stderr, `missing\x1b]0;title\x07`) {
		t.Errorf("fatal message: %q", stderr)
	}
}

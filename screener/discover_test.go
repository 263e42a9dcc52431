package screener

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// TestDiscoverUnreadable: resume-like files screener cannot read are
// errors with a hint, never silently skipped; other files are skipped;
// files to read come in path order.
func TestDiscoverUnreadable(t *testing.T) {
	dir := t.TempDir()
	want := map[string]Status{"salary.xlsx": StatusSkipped, "~$jane.docx": StatusSkipped}
	var exts []string
	for ext := range unreadable {
		exts = append(exts, ext)
	}
	sort.Strings(exts)
	for _, ext := range exts {
		want["cv"+strings.ToUpper(ext)] = StatusError // extensions in any case
	}
	names := []string{"jane.pdf", "jane-copy.pdf"}
	for name := range want {
		names = append(names, name)
	}
	for _, name := range names {
		if err := os.WriteFile(filepath.Join(dir, name), []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	files, other, err := Discover([]string{dir})
	if err != nil {
		t.Fatal(err)
	}
	if len(files) != 2 || filepath.Base(files[0]) != "jane.pdf" || filepath.Base(files[1]) != "jane-copy.pdf" {
		t.Errorf("files %v, want jane.pdf then jane-copy.pdf", files)
	}
	if len(other) != len(want) {
		t.Errorf("%d records, want %d: %+v", len(other), len(want), other)
	}
	for _, r := range other {
		base := filepath.Base(r.File)
		if r.Status != want[base] {
			t.Errorf("%s: status %s, want %s", base, r.Status, want[base])
		}
		if r.Status == StatusError && (r.Error != "unsupported" || !strings.Contains(r.Message, "(hint: ") || !strings.HasPrefix(r.Message, r.File+": ")) {
			t.Errorf("%s: reason %q message %q; want unsupported, the file and a hint", base, r.Error, r.Message)
		}
	}
}

// TestExtensionsDisjoint: a type is read or unreadable, never both.
func TestExtensionsDisjoint(t *testing.T) {
	for ext := range unreadable {
		if resumeExts[ext] {
			t.Errorf("%s is both read and listed as unreadable", ext)
		}
	}
}

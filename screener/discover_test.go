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

// TestDiscoverSkips: hidden files and folders, and symbolic links that
// leave the folder, are broken or lead to a folder, are skipped with the
// reason; a link to a file inside is read; a folder given as "." is
// walked though its name starts with a dot.
func TestDiscoverSkips(t *testing.T) {
	dir := t.TempDir()
	outside := t.TempDir()
	for _, name := range []string{"in/jane.pdf", "in/.draft.pdf", "in/.git/old.pdf", "in/sub/max.pdf"} {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(outside, "secret.pdf"), []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	links := map[string]string{
		"in/link.pdf":   "sub/max.pdf",
		"in/out.pdf":    filepath.Join(outside, "secret.pdf"),
		"in/broken.pdf": "nowhere.pdf",
		"in/folder.pdf": "sub",
	}
	for name, target := range links {
		if err := os.Symlink(target, filepath.Join(dir, filepath.FromSlash(name))); err != nil {
			t.Skipf("no symbolic links here: %v", err)
		}
	}
	t.Chdir(dir)
	files, skipped, err := Discover([]string{"in"})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"in/jane.pdf", "in/link.pdf", "in/sub/max.pdf"}
	var got []string
	for _, f := range files {
		got = append(got, filepath.ToSlash(f))
	}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("files %q, want %q", got, want)
	}
	why := map[string]string{}
	for _, r := range skipped {
		why[filepath.ToSlash(r.File)] = r.Message
	}
	for file, reason := range map[string]string{
		"in/.draft.pdf": "hidden file",
		"in/out.pdf":    "symbolic link out of in",
		"in/broken.pdf": "broken symbolic link",
		"in/folder.pdf": "symbolic link to a non-file",
	} {
		if why[file] != reason {
			t.Errorf("%s: skipped as %q, want %q", file, why[file], reason)
		}
	}
	if len(skipped) != 4 {
		t.Errorf("skipped %+v, want 4 (a hidden folder is not walked)", skipped)
	}

	t.Chdir(filepath.Join(dir, "in"))
	if files, _, err := Discover([]string{"."}); err != nil || len(files) != 3 {
		t.Errorf("Discover(.) = %q, %v; want the 3 files", files, err)
	}
}

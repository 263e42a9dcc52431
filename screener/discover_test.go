package screener

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
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

// TestFileList: a fileList gives back each path as added, in path order
// (folder by folder, an original before its copies), once with dedup.
func TestFileList(t *testing.T) {
	for _, tt := range []struct {
		name  string
		in    []string
		dedup bool
		want  []string
	}{
		{"empty", nil, true, nil},
		{"bare names and folders", []string{"b.pdf", "x/a.pdf", "a.pdf", "./c.pdf"}, true, []string{"a.pdf", "b.pdf", "./c.pdf", "x/a.pdf"}},
		{"copies after the original", []string{"d/george-copy.pdf", "d/george (2).pdf", "d/george.pdf", "d/jane.pdf", "d/jane.docx"}, true,
			[]string{"d/george.pdf", "d/george (2).pdf", "d/george-copy.pdf", "d/jane.docx", "d/jane.pdf"}},
		// "a/b-c/" sorts before "a/b/" ('-' < '/'), and a folder's own files
		// before its subfolders'.
		{"folder by folder", []string{"a/b/x.pdf", "a/z.pdf", "a/b-c/y.pdf", "/abs/q.pdf"}, true, []string{"/abs/q.pdf", "a/z.pdf", "a/b-c/y.pdf", "a/b/x.pdf"}},
		{"repeats once", []string{"a/x.pdf", "b/y.pdf", "a/x.pdf"}, true, []string{"a/x.pdf", "b/y.pdf"}},
		{"repeats kept", []string{"a/x.pdf", "b/y.pdf", "a/x.pdf"}, false, []string{"a/x.pdf", "a/x.pdf", "b/y.pdf"}},
		{"unusual names", []string{"a/.pdf", "a/x.", "a/ü é.PDF", "a/noext"}, true, []string{"a/.pdf", "a/noext", "a/x.", "a/ü é.PDF"}},
	} {
		var b fileListBuilder
		for _, p := range tt.in {
			if err := b.add(p); err != nil {
				t.Fatal(err)
			}
		}
		l := b.sorted(tt.dedup)
		ref := slices.Clone(tt.in)
		sort.SliceStable(ref, func(i, j int) bool { return pathLess(ref[i], ref[j]) })
		if tt.dedup {
			ref = slices.Compact(ref)
		}
		// The same in memory, and with the names in a file, as a run reads them.
		for _, where := range []string{"in memory", "in a file"} {
			if where == "in a file" {
				done, err := l.spillNames(t.TempDir())
				if err != nil {
					t.Fatal(err)
				}
				defer done()
				if l.names != "" {
					t.Errorf("%s: names %q still in memory", tt.name, l.names)
				}
			}
			var got []string
			for i := range l.len() {
				p, err := l.path(i)
				if err != nil {
					t.Fatal(err)
				}
				got = append(got, p)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("%s, %s: %q, want %q", tt.name, where, got, tt.want)
			}
			if !slices.Equal(got, ref) {
				t.Errorf("%s, %s: %q, but sorted with pathLess %q", tt.name, where, got, ref)
			}
			for i := range l.len() {
				for j := range l.len() {
					c, err := l.compareTo(i, got[j])
					if want := cmpBool(pathLess(got[i], got[j]), pathLess(got[j], got[i])); c != want || err != nil {
						t.Errorf("%s, %s: compareTo(%q, %q) = %d, %v; want %d", tt.name, where, got[i], got[j], c, err, want)
					}
				}
			}
		}
	}
}

func cmpBool(less, greater bool) int {
	switch {
	case less:
		return -1
	case greater:
		return 1
	}
	return 0
}

// TestFileListShares: files of one folder share its name; the names are
// one string.
func TestFileListShares(t *testing.T) {
	l, err := listOf([]string{"inbox/a.pdf", "inbox/b.pdf", "inbox/c.pdf", "other/d.pdf"})
	if err != nil {
		t.Fatal(err)
	}
	if len(l.dirs) != 2 || l.names != "a.pdfb.pdfc.pdfd.pdf" || !slices.Equal(l.dirEnd, []uint32{3, 4}) {
		t.Errorf("folders %q up to %d, names %q", l.dirs, l.dirEnd, l.names)
	}
}

// TestWalkAsWalkDir: walk calls its function for the same paths, entries
// and errors as filepath.WalkDir, in a folder of more entries than it reads
// at a time, with subfolders, a skipped folder, a symbolic link to a folder
// (not followed), an empty folder, a file or a link given as the root, and
// a root that does not exist.
func TestWalkAsWalkDir(t *testing.T) {
	dir := t.TempDir()
	mk := func(name string) {
		t.Helper()
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, nil, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for i := range 2*walkChunk + 5 {
		mk(fmt.Sprintf("big/cv-%05d.txt", i))
	}
	for _, name := range []string{"a.pdf", "sub/b.docx", "sub/deeper/c.txt", "skip/d.pdf", "sub/skip/e.pdf", "z/f.txt"} {
		mk(name)
	}
	if err := os.Mkdir(filepath.Join(dir, "empty"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(dir, "sub"), filepath.Join(dir, "link")); err != nil {
		t.Fatal(err)
	}
	// calls lists the calls of a walk: path, the entry's type, and error.
	calls := func(w func(string, fs.WalkDirFunc) error, root string) []string {
		var got []string
		err := w(root, func(p string, d fs.DirEntry, err error) error {
			typ := "nil"
			if d != nil {
				typ = d.Type().String()
			}
			got = append(got, fmt.Sprintf("%s %s %v", p, typ, err))
			if d != nil && d.IsDir() && d.Name() == "skip" {
				return filepath.SkipDir
			}
			return nil
		})
		slices.Sort(got)
		return append(got, fmt.Sprint("returned ", err))
	}
	for _, root := range []string{dir, dir + "/", filepath.Join(dir, "a.pdf"), filepath.Join(dir, "link"), filepath.Join(dir, "missing")} {
		want := calls(filepath.WalkDir, root)
		got := calls(walk, root)
		if !slices.Equal(got, want) {
			t.Errorf("walk(%s): %d calls, WalkDir %d; first difference:\n%s", root, len(got), len(want), firstDiff(got, want))
		}
	}
	if n := len(calls(walk, dir)); n < 2*walkChunk+5 {
		t.Errorf("walk made %d calls; want at least %d", n, 2*walkChunk+5)
	}
}

// firstDiff shows the first line where got and want differ.
func firstDiff(got, want []string) string {
	for i := range max(len(got), len(want)) {
		var g, w string
		if i < len(got) {
			g = got[i]
		}
		if i < len(want) {
			w = want[i]
		}
		if g != w {
			return fmt.Sprintf("got  %q\nwant %q", g, w)
		}
	}
	return ""
}

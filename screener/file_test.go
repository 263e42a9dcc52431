package screener

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestRelName: a file's name is its path relative to the folder it was
// found under, the same on every machine, whatever form the folder was
// given in.
func TestRelName(t *testing.T) {
	for _, tt := range []struct {
		name  string
		roots []string
		path  string
		want  string
	}{
		{"under a folder", []string{"inbox"}, "inbox/sub/cv.pdf", "sub/cv.pdf"},
		{"folder given with ./ and /", []string{"./inbox/"}, "inbox/cv.pdf", "cv.pdf"},
		{"absolute folder", []string{"/srv/share/inbox"}, "/srv/share/inbox/2026/cv.pdf", "2026/cv.pdf"},
		{"the current folder", []string{"."}, "sub/cv.pdf", "sub/cv.pdf"},
		{"a file given by itself", []string{"inbox/cv.pdf"}, "inbox/cv.pdf", "cv.pdf"},
		{"the deepest of nested folders", []string{"inbox", "inbox/sub"}, "inbox/sub/cv.pdf", "cv.pdf"},
		{"a sibling folder with a common prefix", []string{"in"}, "inbox/cv.pdf", "cv.pdf"},
		{"no roots", nil, "inbox/cv.pdf", "cv.pdf"},
	} {
		if got := relName(tt.roots, tt.path); got != tt.want {
			t.Errorf("%s: relName(%q, %q) = %q, want %q", tt.name, tt.roots, tt.path, got, tt.want)
		}
	}
}

// TestPlanOrder: files to extract come first, largest first (in path
// order when of one size), then those the store knows; a file that cannot
// be stat'ed is planned with the others, and its worker finds its error.
func TestPlanOrder(t *testing.T) {
	dir := t.TempDir()
	sizes := map[string]int{"small.txt": 10, "big.txt": 100, "a.txt": 50, "b.txt": 50, "known.txt": 1000}
	var files []string
	for _, name := range []string{"small.txt", "known.txt", "b.txt", "gone.txt", "big.txt", "a.txt"} {
		p := filepath.Join(dir, name)
		files = append(files, p)
		if n, ok := sizes[name]; ok {
			if err := os.WriteFile(p, make([]byte, n), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	fi, err := os.Stat(files[1])
	if err != nil {
		t.Fatal(err)
	}
	w := &fileWorker{store: &fakeStore{knownPath: files[1], knownSize: fi.Size(), knownMTime: fi.ModTime()}}
	l, err := listOf(files)
	if err != nil {
		t.Fatal(err)
	}
	order, known := w.plan(l)
	var got []string
	for _, i := range order {
		p, err := l.path(int(i))
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, filepath.Base(p))
	}
	if want := "big.txt a.txt b.txt small.txt gone.txt known.txt"; strings.Join(got, " ") != want {
		t.Errorf("order %q, want %q", got, want)
	}
	if known != 1 {
		t.Errorf("%d files known, want 1", known)
	}
	if st := w.stat(files[1], true); st.SHA256 != "known-sha" || st.Size != 1000 || st.err != nil {
		t.Errorf("stat of known.txt: %+v", st)
	}
	if st := w.stat(files[1], false); st.SHA256 != "" || st.Size != 1000 || st.err != nil {
		t.Errorf("stat of known.txt without asking the store: %+v", st)
	}
	if st := w.stat(files[3], true); st.err == nil {
		t.Error("gone.txt: no stat error")
	}
}

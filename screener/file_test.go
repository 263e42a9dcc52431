package screener

import "testing"

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

package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestJobBoardPageLists: list items become the page's lists, nested as
// their indentation nests them, and a list of another kind at the same
// level ends the one before.
func TestJobBoardPageLists(t *testing.T) {
	tests := []struct{ name, text, want string }{
		{"flat", "Title\n- Go\n- Rust\n\nAfter.",
			"<ul>\n<li>Go</li>\n<li>Rust</li>\n</ul>\n<p>After.</p>\n"},
		{"nested", "Title\n- Core\n  - Go\n  - SQL\n- Bonus\n  - Lua\n- Docker\nAfter.",
			"<ul>\n<li>Core\n<ul>\n<li>Go</li>\n<li>SQL</li>\n</ul>\n</li>\n<li>Bonus\n<ul>\n<li>Lua</li>\n</ul>\n</li>\n<li>Docker</li>\n</ul>\n<p>After.</p>\n"},
		{"numbered with bullets", "Title\n1. C++\n   - templates\n2. Linux\n",
			"<ol>\n<li>C++\n<ul>\n<li>templates</li>\n</ul>\n</li>\n<li>Linux</li>\n</ol>\n"},
		{"two kinds", "Title\n- Go\n1. Rust\n",
			"<ul>\n<li>Go</li>\n</ul>\n<ol>\n<li>Rust</li>\n</ol>\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			page := jobBoardPage(tt.text)
			_, body, _ := strings.Cut(page, "<h1>Title</h1>\n")
			body, _, _ = strings.Cut(body, "</main>")
			if body != tt.want {
				t.Errorf("page body:\n%s\nwant:\n%s", body, tt.want)
			}
		})
	}
}

// TestPagesCurrent: each committed job board's page is the one
// jobBoardPage makes of its posting today (formats.sh remakes them, and
// their PDF and DOCX versions).
func TestPagesCurrent(t *testing.T) {
	dir := "../../testdata/postings"
	list, err := readManifest(filepath.Join(dir, "MANIFEST.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range list {
		src := p.file(dir, "txt")
		if src == "" {
			continue // a page saved from a job board, with no text version
		}
		text, err := os.ReadFile(src)
		if err != nil {
			t.Fatal(err)
		}
		page, err := os.ReadFile(filepath.Join(dir, p.name+".html"))
		if err != nil {
			t.Fatal(err)
		}
		if string(page) != jobBoardPage(string(text)) {
			t.Errorf("%s.html is not the page of %s: run bench/postings/formats.sh", p.name, filepath.Base(src))
		}
	}
}

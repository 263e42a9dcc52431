package screener

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// Extensions screener reads. Content decides the format; the extension
// decides only whether a file in a folder is a candidate at all, so that a
// folder's stray files are reported as skipped rather than parsed.
var resumeExts = map[string]bool{".pdf": true, ".docx": true, ".txt": true, ".md": true, ".html": true, ".htm": true, ".odt": true}

// Discover expands paths (files and folders, walked recursively) into the
// resume files to screen, sorted, and the files it skips with a reason:
// hidden files, Word lock files (~$*), unsupported extensions, and symbolic
// links that leave the folder given. A file named explicitly is always
// screened. A path that does not exist is an error.
func Discover(paths []string) (files []string, skipped []Record, err error) {
	seen := map[string]bool{}
	add := func(p string) {
		if !seen[p] {
			seen[p] = true
			files = append(files, p)
		}
	}
	skip := func(p, why string) {
		skipped = append(skipped, Record{File: p, Status: StatusSkipped, Error: "skipped", Message: why})
	}
	for _, root := range paths {
		fi, err := os.Stat(root)
		if err != nil {
			return nil, nil, err
		}
		if !fi.IsDir() {
			add(root)
			continue
		}
		absRoot, _ := filepath.Abs(root)
		err = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				if p == root {
					return err
				}
				skip(p, "unreadable: "+err.Error())
				return nil
			}
			name := d.Name()
			if p != root && strings.HasPrefix(name, ".") {
				if d.IsDir() {
					return filepath.SkipDir
				}
				skip(p, "hidden file")
				return nil
			}
			if d.IsDir() {
				return nil
			}
			if d.Type()&fs.ModeSymlink != 0 {
				target, err := filepath.EvalSymlinks(p)
				if err != nil {
					skip(p, "broken symbolic link")
					return nil
				}
				abs, _ := filepath.Abs(target)
				if rel, err := filepath.Rel(absRoot, abs); err != nil || strings.HasPrefix(rel, "..") {
					skip(p, "symbolic link out of "+root)
					return nil
				}
				if st, err := os.Stat(target); err != nil || !st.Mode().IsRegular() {
					skip(p, "symbolic link to a non-file")
					return nil
				}
			} else if !d.Type().IsRegular() {
				skip(p, "not a regular file")
				return nil
			}
			switch ext := strings.ToLower(filepath.Ext(name)); {
			case strings.HasPrefix(name, "~$"):
				skip(p, "Word lock file")
			case !resumeExts[ext]:
				skip(p, fmt.Sprintf("unsupported file type %q", ext))
			default:
				add(p)
			}
			return nil
		})
		if err != nil {
			return nil, nil, fmt.Errorf("walk %s: %w", root, err)
		}
	}
	if len(files) == 0 && len(skipped) == 0 {
		return nil, nil, errors.New("no files found")
	}
	sort.Strings(files)
	sort.Slice(skipped, func(i, j int) bool { return skipped[i].File < skipped[j].File })
	return files, skipped, nil
}

package screener

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/screener/screener/parsers"
)

// ErrNoFiles is returned by [Discover] (and [Run]) when the paths hold no
// file at all.
var ErrNoFiles = errors.New("no files found")

// Extensions screener reads. Content decides the format; the extension
// decides only whether a file in a folder is a candidate at all, so that a
// folder's stray files are reported as skipped rather than parsed.
var resumeExts = map[string]bool{".pdf": true, ".docx": true, ".txt": true, ".md": true, ".html": true, ".htm": true, ".odt": true, ".rtf": true, ".doc": true,
	".png": true, ".jpg": true, ".jpeg": true, ".tif": true, ".tiff": true} // images: with OCR

// ReadableFormats names, for people, the file types of resumeExts.
const ReadableFormats = "PDF, Word (.docx, .doc), OpenDocument (.odt), RTF, HTML, plain text and Markdown, and images (PNG, JPEG, TIFF) through OCR"

// unreadable are the resume-like file types screener cannot read yet,
// with what the file is. A type screener learns to read moves to
// resumeExts (resumeExts is checked first). A candidate's CV must never vanish from a run:
// such a file is an unsupported error, with a hint, not a skipped file.
// Other types (spreadsheets, archives, ...) are skipped.
var unreadable = map[string]string{
	".pages": "an Apple Pages document", ".wps": "a Works document",
	".heic": "an image", ".bmp": "an image", ".gif": "an image", ".webp": "an image",
}

// mayBeResume reports whether a file named name could change what a run
// reports: a type discovery reads or reports, or a name without an
// extension (a folder, most often). Hidden files, Word lock files and other
// types (the run's own workbook, JSON Lines and state among them) cannot.
func mayBeResume(name string) bool {
	if strings.HasPrefix(name, ".") || strings.HasPrefix(name, "~$") {
		return false
	}
	ext := strings.ToLower(filepath.Ext(name))
	return ext == "" || resumeExts[ext] || unreadable[ext] != ""
}

// unreadableHint says what to do about a file of an unreadable type.
func unreadableHint(ext string) string {
	if strings.HasPrefix(unreadable[ext], "an image") {
		return "a photo or scan of a CV: save it as PNG, JPEG or PDF, which screener reads with OCR"
	}
	return "save it as PDF or DOCX and screen it again"
}

// Discover expands paths (files and folders, walked recursively) into the
// resume files to screen, in path order (see [pathLess]), and records for
// the files it does not read: resume-like files of a type screener cannot
// read (status error, reason unsupported, with a hint), and skipped files
// with a reason: hidden files, Word lock files (~$*), other extensions,
// and symbolic links that leave the folder given. A file named explicitly
// is always screened. A path that does not exist is an error.
func Discover(paths []string) (files []string, skipped []Record, err error) {
	seen := map[string]bool{}
	add := func(p string) {
		if !seen[p] {
			seen[p] = true
			files = append(files, p)
		}
	}
	skip := func(p, why string) {
		skipped = append(skipped, Record{File: p, Status: StatusSkipped, Error: parsers.ReasonSkipped, Message: why})
	}
	for _, root := range paths {
		fi, err := os.Stat(root)
		if err != nil {
			return nil, nil, err
		}
		if !fi.IsDir() {
			if fi.Mode().IsRegular() {
				add(root)
			} else {
				skip(root, "not a regular file")
			}
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
			case resumeExts[ext]:
				add(p)
			case unreadable[ext] != "":
				skipped = append(skipped, Record{File: p, Status: StatusError, Error: parsers.ReasonUnsupported,
					Message: fmt.Sprintf("%s: unsupported format: %s (%s) (hint: %s)", p, unreadable[ext], ext, unreadableHint(ext))})
			default:
				skip(p, fmt.Sprintf("unsupported file type %q", ext))
			}
			return nil
		})
		if err != nil {
			return nil, nil, fmt.Errorf("walk %s: %w", root, err)
		}
	}
	if len(files) == 0 && len(skipped) == 0 {
		return nil, nil, ErrNoFiles
	}
	sort.Slice(files, func(i, j int) bool { return pathLess(files[i], files[j]) })
	sort.Slice(skipped, func(i, j int) bool { return pathLess(skipped[i].File, skipped[j].File) })
	return files, skipped, nil
}

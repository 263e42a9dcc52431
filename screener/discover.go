package screener

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"slices"
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
	l, skipped, err := discover(paths)
	if err != nil {
		return nil, nil, err
	}
	files = make([]string, l.len())
	for i := range files {
		files[i], _ = l.path(i) // cannot fail: the names are in memory
	}
	return files, skipped, nil
}

// discover is [Discover], with the files in a [fileList].
func discover(paths []string) (*fileList, []Record, error) {
	var (
		files   fileListBuilder
		skipped []Record
	)
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
				if err := files.add(root); err != nil {
					return nil, nil, err
				}
			} else {
				skip(root, "not a regular file")
			}
			continue
		}
		absRoot, _ := filepath.Abs(root)
		err = walk(root, func(p string, d fs.DirEntry, err error) error {
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
				return files.add(p)
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
	l := files.sorted(true)
	if l.len() == 0 && len(skipped) == 0 {
		return nil, nil, ErrNoFiles
	}
	sort.Slice(skipped, func(i, j int) bool { return pathLess(skipped[i].File, skipped[j].File) })
	return l, skipped, nil
}

// walkChunk is how many entries [walk] reads of a folder at a time.
const walkChunk = 1024

// walk calls fn for root and for every file and folder under it, as
// [filepath.WalkDir] does (fn's errors, [filepath.SkipDir] and
// [filepath.SkipAll] mean the same), but reads each folder [walkChunk]
// entries at a time, in the order the system lists them, and enters its
// subfolders once it is closed. WalkDir reads a folder whole and sorts
// it: about 150 bytes an entry, 15 MB for a folder of 100,000 resumes,
// where the run keeps 30 bytes a file. Discovery sorts what it finds.
func walk(root string, fn fs.WalkDirFunc) error {
	info, err := os.Lstat(root)
	if err != nil {
		err = fn(root, nil, err)
	} else {
		err = walkDir(root, fs.FileInfoToDirEntry(info), fn)
	}
	if err == filepath.SkipDir || err == filepath.SkipAll {
		return nil
	}
	return err
}

func walkDir(path string, d fs.DirEntry, fn fs.WalkDirFunc) error {
	if err := fn(path, d, nil); err != nil || !d.IsDir() {
		if err == filepath.SkipDir && d.IsDir() {
			err = nil
		}
		return err
	}
	var subs []fs.DirEntry
	f, err := os.Open(path)
	for err == nil {
		var ents []fs.DirEntry
		ents, err = f.ReadDir(walkChunk)
		for _, e := range ents {
			if e.IsDir() {
				subs = append(subs, e)
				continue
			}
			if err := fn(filepath.Join(path, e.Name()), e, nil); err != nil {
				f.Close()
				if err == filepath.SkipDir {
					return nil // the rest of this folder is skipped
				}
				return err
			}
		}
	}
	if f != nil {
		f.Close()
	}
	if err != io.EOF {
		// Reported as WalkDir reports a folder it cannot read.
		if err := fn(path, d, err); err != nil {
			if err == filepath.SkipDir {
				err = nil
			}
			return err
		}
	}
	for _, e := range subs {
		if err := walkDir(filepath.Join(path, e.Name()), e, fn); err != nil {
			return err
		}
	}
	return nil
}

// fileList is a list of paths held compactly, for batches of a hundred
// thousand files and more, in path order: each folder once, with the
// number of files up to its last, and the file names back to back in one
// string, with one 32-bit number a file: about 21 bytes a file in a folder
// of resumes, where a string a path took 64 and more. While a run screens,
// the names wait in a temporary file (see [fileList.spillNames]), and the
// list holds 4 bytes a file.
type fileList struct {
	dirs   []string // folders, each with its final separator; "" for a bare name
	dirEnd []uint32 // the files of dirs[k] come before dirEnd[k], and after those of dirs[k-1]
	names  string   // the files' names, back to back; "" once they are in nf
	ends   []uint32 // file i's name ends at ends[i] in names
	nf     *os.File // the names, once spilled
	nfName string   // removed at close where it could not be at creation
}

func (l *fileList) len() int { return len(l.ends) }

// parts returns file i's folder and name: its path is the two joined.
func (l *fileList) parts(i int) (dir, name string, err error) {
	k, _ := slices.BinarySearch(l.dirEnd, uint32(i)+1)
	start := uint32(0)
	if i > 0 {
		start = l.ends[i-1]
	}
	if l.nf == nil {
		return l.dirs[k], l.names[start:l.ends[i]], nil
	}
	b := make([]byte, l.ends[i]-start)
	if _, err := l.nf.ReadAt(b, int64(start)); err != nil {
		return "", "", fmt.Errorf("list of files: %w", err)
	}
	return l.dirs[k], string(b), nil
}

// path returns file i's path, as it was added.
func (l *fileList) path(i int) (string, error) {
	d, n, err := l.parts(i)
	return d + n, err
}

// compareTo orders file i and path p as [pathLess] orders their paths.
func (l *fileList) compareTo(i int, p string) (int, error) {
	ad, af, err := l.parts(i)
	bd, bf := filepath.Split(p)
	return comparePaths(ad, af, bd, bf), err
}

// spillNames moves the names to a temporary file in dir, where the list
// reads them one at a time: a run reads each a few times, and holds the
// list the whole time it screens. done closes the file, after which the
// list cannot be read; it does nothing if the names were in a file already
// (whoever moved them closes it).
func (l *fileList) spillNames(dir string) (done func(), err error) {
	if l.nf != nil {
		return func() {}, nil
	}
	f, name, err := tempFile(dir, "screener-files-*")
	if err != nil {
		return nil, fmt.Errorf("list of files: %w", err)
	}
	if _, err := io.WriteString(f, l.names); err != nil {
		f.Close()
		if name != "" {
			os.Remove(name)
		}
		return nil, fmt.Errorf("list of files: %w", err)
	}
	l.nf, l.nfName, l.names = f, name, ""
	return func() {
		f.Close()
		if name != "" {
			os.Remove(name)
		}
	}, nil
}

// listOf returns paths as a fileList in path order; a path given twice
// stays twice.
func listOf(paths []string) (*fileList, error) {
	var b fileListBuilder
	for _, p := range paths {
		if err := b.add(p); err != nil {
			return nil, err
		}
	}
	return b.sorted(false), nil
}

// fileListBuilder makes a [fileList].
type fileListBuilder struct {
	dirs      []string
	names     strings.Builder
	ends, dir []uint32 // file i's name ends at ends[i] in names; dir[i] is its folder
}

var errTooManyFiles = errors.New("too many files: their names exceed 4 GiB")

// add appends path.
func (b *fileListBuilder) add(path string) error {
	d, n := filepath.Split(path)
	return b.addParts(d, n)
}

func (b *fileListBuilder) addParts(dir, name string) error {
	if uint64(b.names.Len())+uint64(len(name)) > math.MaxUint32 {
		return errTooManyFiles
	}
	if len(b.dirs) == 0 || b.dirs[len(b.dirs)-1] != dir {
		b.dirs = append(b.dirs, strings.Clone(dir)) // not a slice of the path given, which may be much longer
	}
	b.names.WriteString(name)
	b.ends = append(b.ends, uint32(b.names.Len()))
	b.dir = append(b.dir, uint32(len(b.dirs)-1))
	return nil
}

// sorted returns the files added in path order, a path added twice once
// if dedup is set, else in the order added.
func (b *fileListBuilder) sorted(dedup bool) *fileList {
	dirs, names, ends, dir := b.dirs, b.names.String(), b.ends, b.dir
	*b = fileListBuilder{}
	parts := func(i int32) (string, string) {
		start := uint32(0)
		if i > 0 {
			start = ends[i-1]
		}
		return dirs[dir[i]], names[start:ends[i]]
	}
	compare := func(i, j int32) int {
		ad, af := parts(i)
		bd, bf := parts(j)
		return comparePaths(ad, af, bd, bf)
	}
	perm := make([]int32, len(ends))
	for i := range perm {
		perm[i] = int32(i)
	}
	slices.SortStableFunc(perm, compare)
	var out strings.Builder
	out.Grow(len(names))
	l := &fileList{ends: make([]uint32, 0, len(perm))}
	for k, i := range perm {
		if dedup && k > 0 && compare(perm[k-1], i) == 0 {
			continue
		}
		d, n := parts(i)
		if len(l.dirs) == 0 || l.dirs[len(l.dirs)-1] != d {
			l.dirs = append(l.dirs, d)
			l.dirEnd = append(l.dirEnd, 0)
		}
		out.WriteString(n)
		l.ends = append(l.ends, uint32(out.Len()))
		l.dirEnd[len(l.dirEnd)-1] = uint32(len(l.ends))
	}
	l.names = out.String()
	return l
}

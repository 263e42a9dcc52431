package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"golang.org/x/sync/errgroup"
)

// output is one file a run writes: the workbook, the JSON Lines or the CSV.
//
// How it is written depends on what the path names, decided by
// [planOutputs] before the batch starts:
//   - "-": standard output.
//   - a FIFO or a character device (/dev/null, /dev/stdout, a terminal):
//     opened and written in place; renaming over it would replace the node.
//   - a regular file, or nothing yet: a temporary file in the same folder,
//     renamed over it once every output is complete. A symbolic link is
//     followed first, so its target is replaced and the link stays.
//   - anything else (a folder, a block device, a socket) is refused.
type output struct {
	flag  string // the flag that named it, for messages: "-out"
	path  string // as the user gave it
	write func(io.Writer) error
	// private writes the file readable by its owner only (0600, not
	// 0644): it holds what others must not read, such as the contacts
	// behind a blind review's IDs.
	private bool

	stream bool   // written in place (stdout, FIFO, device)
	target string // the file renamed over; symlinks resolved
	tmp    string // the temporary file, once written
}

func (o *output) String() string { return o.flag + " " + o.path }

// planOutputs checks where each output goes, so that a path that cannot be
// written fails the run before any resume is read. It refuses folders,
// block devices and sockets, a folder that does not exist or cannot be
// written, and two outputs naming the same file. Errors name the user's
// path, never a temporary file.
func planOutputs(outs []*output) error {
	seen := map[string]*output{}
	for _, o := range outs {
		if o.path == "-" {
			o.stream = true
			continue
		}
		if err := o.plan(); err != nil {
			return err
		}
		key := o.target
		if o.stream {
			key = filepath.Clean(o.path)
		}
		if prev, dup := seen[key]; dup {
			return usageError{fmt.Sprintf("%s and %s name the same file", prev, o)}
		}
		seen[key] = o
	}
	return nil
}

func (o *output) plan() error {
	if o.path == "" {
		return fmt.Errorf("%s: empty path", o)
	}
	if fi, err := os.Stat(o.path); err == nil && !fi.Mode().IsRegular() {
		switch t := fi.Mode().Type(); {
		case t&fs.ModeDir != 0:
			return fmt.Errorf("%s: is a folder (hint: name a file in it, e.g. %s)", o, filepath.Join(o.path, "shortlist"+filepath.Ext(o.path)))
		case t&fs.ModeNamedPipe != 0, t&fs.ModeCharDevice != 0:
			o.stream = true
			return nil
		default:
			return fmt.Errorf("%s: not a regular file (%s)", o, t)
		}
	}
	if inProcFS(o.path) {
		// /dev/stdout, /dev/fd/N: the link names an open descriptor, not a
		// file to replace.
		o.stream = true
		return nil
	}
	target, err := resolveLinks(o.path)
	if err != nil {
		return fmt.Errorf("%s: %w", o, err)
	}
	o.target = target
	dir := filepath.Dir(target)
	fi, err := os.Stat(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return fmt.Errorf("%s: folder %s does not exist", o, dir)
	case err != nil:
		return fmt.Errorf("%s: %w", o, err)
	case !fi.IsDir():
		return fmt.Errorf("%s: %s is not a folder", o, dir)
	}
	// The only sure test of writability (permissions, ACLs, a read-only
	// mount) is to create a file.
	probe, err := createTemp(target)
	if err != nil {
		return fmt.Errorf("%s: cannot write in folder %s: %w", o, dir, pathErrCause(err))
	}
	probe.Close()
	os.Remove(probe.Name())
	return nil
}

// inProcFS reports whether path names a descriptor through /dev/fd,
// /proc/self/fd or /dev/stdout and /dev/stderr.
func inProcFS(path string) bool {
	switch p := filepath.Clean(path); {
	case p == "/dev/stdout", p == "/dev/stderr":
		return true
	default:
		return strings.HasPrefix(p, "/dev/fd/") || strings.HasPrefix(p, "/proc/")
	}
}

// resolveLinks follows symbolic links from path to the file they lead to,
// which need not exist yet: a dangling link is written through.
func resolveLinks(path string) (string, error) {
	for range 40 { // the kernel's own limit on links followed
		fi, err := os.Lstat(path)
		if errors.Is(err, fs.ErrNotExist) || (err == nil && fi.Mode()&fs.ModeSymlink == 0) {
			return path, nil
		}
		if err != nil {
			return "", pathErrCause(err)
		}
		link, err := os.Readlink(path)
		if err != nil {
			return "", pathErrCause(err)
		}
		if !filepath.IsAbs(link) {
			link = filepath.Join(filepath.Dir(path), link)
		}
		path = link
	}
	return "", errors.New("too many levels of symbolic links")
}

// tempDir is the folder for a run's temporary files: that of the first
// output written to a file (its disk has room for what the run writes),
// else "" for the system's.
func tempDir(outs []*output) string {
	for _, o := range outs {
		if !o.stream && o.target != "" {
			return filepath.Dir(o.target)
		}
	}
	return ""
}

func createTemp(target string) (*os.File, error) {
	return os.CreateTemp(filepath.Dir(target), "."+filepath.Base(target)+".tmp*")
}

// pathErrCause strips the path from an *fs.PathError, so that a message
// does not name a temporary file the user never heard of.
func pathErrCause(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// writeOutputs writes every output as a set: first each file's temporary,
// at the same time (they only read the report); then, if all succeeded,
// the streams; and last the renames. If any write fails, no file is
// replaced and the temporaries are removed; a stream written before the
// failure cannot be taken back, which is why streams go after the files.
func writeOutputs(outs []*output, stdout io.Writer) (err error) {
	defer func() {
		for _, o := range outs {
			if o.tmp != "" {
				os.Remove(o.tmp) // a no-op after the rename
			}
		}
	}()
	var g errgroup.Group
	for _, o := range outs {
		if !o.stream {
			g.Go(o.writeTemp)
		}
	}
	if err := g.Wait(); err != nil {
		return err
	}
	for _, o := range outs {
		if o.stream {
			g.Go(func() error { return o.writeStream(stdout) })
		}
	}
	if err := g.Wait(); err != nil {
		return err
	}
	for _, o := range outs {
		if o.stream {
			continue
		}
		if err := os.Rename(o.tmp, o.target); err != nil {
			return fmt.Errorf("%s: %w", o, pathErrCause(err))
		}
		o.tmp = ""
	}
	return nil
}

// writeTemp writes, syncs and closes the output's temporary file.
func (o *output) writeTemp() error {
	f, err := createTemp(o.target)
	if err != nil {
		return fmt.Errorf("%s: %w", o, pathErrCause(err))
	}
	o.tmp = f.Name()
	err = o.write(f)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		perm := os.FileMode(0o644)
		if o.private {
			perm = 0o600
		}
		err = os.Chmod(f.Name(), perm)
	}
	if err != nil {
		return fmt.Errorf("%s: %w", o, pathErrCause(err))
	}
	return nil
}

// writeStream writes the output in place: to stdout for "-", else to the
// FIFO, device or descriptor it names, opened without creating or
// truncating, and appending: /dev/stdout redirected with >> to a file
// must not overwrite what the file held.
func (o *output) writeStream(stdout io.Writer) error {
	if o.path == "-" {
		if err := o.write(stdout); err != nil {
			return fmt.Errorf("%s: %w", o, err)
		}
		return nil
	}
	f, err := os.OpenFile(o.path, os.O_WRONLY|os.O_APPEND, 0)
	if err != nil {
		return fmt.Errorf("%s: %w", o, pathErrCause(err))
	}
	err = o.write(f)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("%s: %w", o, pathErrCause(err))
	}
	return nil
}

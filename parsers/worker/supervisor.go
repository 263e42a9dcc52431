// Package worker runs extraction in worker processes. Every resume is
// untrusted input, and a parser that loops or exhausts memory inside a
// library cannot be stopped in-process, so a [Supervisor] runs
// [parsers.ExtractFile] in child processes (the calling program re-executed
// in a mode that calls [Serve]) and kills a worker that passes its deadline
// or memory cap; the file gets [parsers.ErrTimeout] or [parsers.ErrMemory]
// and the other files are unaffected.
package worker

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"os"
	"os/exec"
	"runtime/debug"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/screener/screener/parsers"
	"github.com/screener/screener/parsers/internal/extract"
)

// Supervisor extracts documents in worker processes, so that a file which
// hangs a parser, exhausts memory or crashes it costs that file and nothing
// else. Each worker is the program itself re-executed in a worker mode that
// calls [Serve]; requests and replies travel as JSON lines over its
// stdin and stdout. A worker that passes its deadline or its memory cap is
// killed, and a fresh one serves the next file.
//
// A Supervisor is safe for concurrent use; it runs as many workers as there
// are concurrent calls to [Supervisor.Extract]. Call [Supervisor.Close] when
// done.
type Supervisor struct {
	opts Options

	mu     sync.Mutex
	idle   []*worker
	closed bool
}

// Options configure a [Supervisor].
type Options struct {
	// Command is the worker's argv; the program must call Serve when
	// started this way. Required.
	Command []string
	// Env, if set, is the worker's environment (default: the parent's).
	Env []string
	// Limits apply inside the worker; see [parsers.Limits].
	Limits parsers.Limits
	// Timeout is the deadline for one file; 0 means 30 s.
	Timeout time.Duration
	// MemoryLimit caps a worker's resident memory; 0 means 512 MiB. The
	// worker also limits its address space (see limitMemory).
	MemoryLimit int64
	// Logger receives worker restarts; nil means silent.
	Logger *slog.Logger
}

// NewSupervisor returns a Supervisor; workers start on first use.
func NewSupervisor(opts Options) *Supervisor {
	if opts.Timeout <= 0 {
		opts.Timeout = 30 * time.Second
	}
	if opts.MemoryLimit <= 0 {
		opts.MemoryLimit = 512 << 20
	}
	if opts.Logger == nil {
		opts.Logger = slog.New(slog.DiscardHandler)
	}
	return &Supervisor{opts: opts}
}

// maxStack bounds a worker's goroutine stacks (Go's default is 1 GB). The
// PDF object layer resolves references recursively, so a file whose
// objects refer to themselves (an object stream said to lie inside itself)
// recurses until the stack runs out: with this limit the worker stops in a
// fraction of a second, as corrupt, instead of growing to its memory cap
// and being reported as memory, a failure retried on every run. Real
// documents nest nowhere near this deep.
const maxStack = 64 << 20

type request struct {
	// Path is bytes (base64 in JSON): a file name need not be UTF-8 (a
	// Latin-1 name from a zip made on Windows), and a JSON string would
	// turn its invalid bytes into U+FFFD.
	Path   []byte         `json:"path"`
	Limits parsers.Limits `json:"limits"`
}

type reply struct {
	Doc    *parsers.Document `json:"doc,omitempty"`
	Code   parsers.Reason    `json:"code,omitempty"`
	Detail string            `json:"detail,omitempty"`
	Hint   string            `json:"hint,omitempty"`
	Other  string            `json:"other,omitempty"` // an error that is not a *parsers.Error, e.g. permission denied
	Gone   bool              `json:"gone,omitempty"`  // the file is no longer there (see parsers.Gone)
}

type worker struct {
	cmd    *exec.Cmd
	stdin  io.WriteCloser
	stdout *bufio.Reader
	stderr *tailBuffer
	mu     sync.Mutex
	call   uint64     // number of the current call; guarded by mu
	killed killReason // why we killed it during the current call, if we did; guarded by mu
}

// Extract extracts the file at path in a worker process. Errors are
// [*parsers.Error] values with File set to path, as from [parsers.ExtractFile]; a worker
// killed at its deadline gives [parsers.ErrTimeout], one over its memory cap or
// dying of it [parsers.ErrMemory], one that crashed otherwise [parsers.ErrCorrupt].
//
// The call blocks in its own goroutine on the worker's reply; timers kill
// the worker at the deadline, when its resident memory passes the cap
// (checked every 50 ms) or when ctx ends, which ends the read.
func (s *Supervisor) Extract(ctx context.Context, path string) (*parsers.Document, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	w, err := s.get()
	if err != nil {
		return nil, err
	}
	line, err := json.Marshal(request{Path: []byte(path), Limits: s.opts.Limits})
	if err != nil {
		s.put(w)
		return nil, err
	}
	call := w.begin()
	deadline := time.AfterFunc(s.opts.Timeout, func() { w.kill(call, killTimeout) })
	stopCtx := context.AfterFunc(ctx, func() { w.kill(call, killCancel) })
	var watch *time.Timer
	var rss atomic.Int64
	// The first tick may come before watch is set (a loaded machine can
	// delay this goroutine 50 ms): it waits for it.
	watchSet := make(chan struct{})
	watch = time.AfterFunc(50*time.Millisecond, func() {
		<-watchSet
		if n := residentBytes(w.cmd.Process.Pid); n > s.opts.MemoryLimit {
			rss.Store(n)
			w.kill(call, killMemory)
		} else if w.current(call) {
			watch.Reset(50 * time.Millisecond)
		}
	})
	close(watchSet)

	if _, err = w.stdin.Write(append(line, '\n')); err == nil {
		line, err = w.stdout.ReadBytes('\n')
	}
	// From here on no timer may touch the worker: it may serve another call.
	w.end()
	deadline.Stop()
	stopCtx()
	watch.Stop()
	if err == nil {
		s.put(w)
		return decodeReply(line, path)
	}
	switch w.killed {
	case 0:
		return nil, s.crashed(w, path)
	case killTimeout:
		s.reap(w, parsers.ReasonTimeout, path)
		return nil, &parsers.Error{File: path, Err: parsers.ErrTimeout, Detail: fmt.Sprintf("extraction took longer than %s", s.opts.Timeout),
			Hint: "the file may be malformed so as to loop a parser"}
	case killMemory:
		s.reap(w, parsers.ReasonMemory, path)
		return nil, &parsers.Error{File: path, Err: parsers.ErrMemory, Detail: fmt.Sprintf("worker used %s, limit %s", extract.FormatBytes(rss.Load()), extract.FormatBytes(s.opts.MemoryLimit))}
	default:
		s.reap(w, parsers.ReasonCancelled, path)
		return nil, ctx.Err()
	}
}

type killReason int

const (
	killTimeout killReason = iota + 1
	killMemory
	killCancel
)

// begin starts a call on the worker and returns its number; timers armed
// for the call act only while it is current.
func (w *worker) begin() uint64 {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.killed = 0
	return w.call
}

// end ends the current call; its timers become no-ops.
func (w *worker) end() {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.call++
}

func (w *worker) current(call uint64) bool {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.call == call
}

// kill stops the worker if call is still current, for the first reason
// given; later reasons are ignored.
func (w *worker) kill(call uint64, r killReason) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.call == call && w.killed == 0 {
		w.killed = r
		w.cmd.Process.Kill()
	}
}

func decodeReply(line []byte, path string) (*parsers.Document, error) {
	var r reply
	if err := json.Unmarshal(line, &r); err != nil {
		return nil, fmt.Errorf("%s: bad reply from worker: %w", path, err)
	}
	switch {
	case r.Gone:
		return nil, &fs.PathError{Op: "open", Path: path, Err: fs.ErrNotExist}
	case r.Other != "":
		return nil, fmt.Errorf("%s: %s", path, r.Other)
	case r.Code != "":
		return nil, &parsers.Error{File: path, Err: r.Code.Err(), Detail: r.Detail, Hint: r.Hint}
	case r.Doc == nil:
		return nil, fmt.Errorf("%s: empty reply from worker", path)
	}
	return r.Doc, nil
}

// crashed reaps a worker that died mid-file and says why.
func (s *Supervisor) crashed(w *worker, path string) error {
	w.stdin.Close()
	w.cmd.Wait()
	tail := w.stderr.String()
	if sig, ok := signalled(w.cmd.ProcessState); ok {
		// Not our kill (that sets w.killed), nor a crash of the parser (a
		// Go panic exits with status 2): the kernel's out-of-memory killer
		// or an administrator. Nothing says the file is bad.
		s.opts.Logger.Warn("extraction worker killed from outside", "file", path, "signal", sig)
		return &parsers.Error{File: path, Err: parsers.ErrKilled, Detail: "worker killed by signal " + sig,
			Hint: "not sent by screener (the out-of-memory killer, or an administrator); the file is tried again next run"}
	}
	s.opts.Logger.Warn("extraction worker died", "file", path, "stderr", lastLine(tail))
	if strings.Contains(tail, "out of memory") || strings.Contains(tail, "cannot allocate memory") {
		return &parsers.Error{File: path, Err: parsers.ErrMemory, Detail: "worker ran out of memory"}
	}
	if strings.Contains(tail, "fatal error: stack overflow") {
		return &parsers.Error{File: path, Err: parsers.ErrCorrupt,
			Detail: fmt.Sprintf("objects nested too deep or referring to themselves (parser stack over %s)", extract.FormatBytes(maxStack))}
	}
	return &parsers.Error{File: path, Err: parsers.ErrCorrupt, Detail: "parser crashed: " + lastLine(tail)}
}

// reap waits for a worker we killed.
func (s *Supervisor) reap(w *worker, why parsers.Reason, path string) {
	level := slog.LevelWarn
	if why == parsers.ReasonCancelled {
		level = slog.LevelDebug // the caller gave up; nothing wrong with the file
	}
	s.opts.Logger.Log(context.Background(), level, "killed extraction worker", "reason", why, "file", path)
	w.stdin.Close()
	w.cmd.Wait()
}

func (s *Supervisor) get() (*worker, error) {
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		return nil, errors.New("supervisor closed")
	}
	if n := len(s.idle); n > 0 {
		w := s.idle[n-1]
		s.idle = s.idle[:n-1]
		s.mu.Unlock()
		return w, nil
	}
	s.mu.Unlock()
	return s.start()
}

func (s *Supervisor) put(w *worker) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		w.stdin.Close()
		w.cmd.Wait()
		return
	}
	s.idle = append(s.idle, w)
}

func (s *Supervisor) start() (*worker, error) {
	if len(s.opts.Command) == 0 {
		return nil, errors.New("supervisor: no worker command")
	}
	cmd := exec.Command(s.opts.Command[0], s.opts.Command[1:]...)
	base := s.opts.Env
	if base == nil {
		base = os.Environ()
	}
	// A worker extracts one file at a time: one OS thread for Go code keeps
	// its garbage collector from competing with the other workers. (A new
	// slice: concurrent starts must not append to a shared one.)
	cmd.Env = append(slices.Clip(base), "SCREENER_WORKER_MEMORY="+strconv.FormatInt(s.opts.MemoryLimit, 10), "GOMAXPROCS=1")
	stdin, err := cmd.StdinPipe()
	if err != nil {
		return nil, err
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	w := &worker{cmd: cmd, stdin: stdin, stdout: bufio.NewReaderSize(stdout, 1<<16), stderr: &tailBuffer{}}
	cmd.Stderr = w.stderr
	dieWithParent(cmd)
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("start extraction worker: %w", err)
	}
	return w, nil
}

// Close stops the idle workers. Calls to Extract after Close fail.
func (s *Supervisor) Close() error {
	s.mu.Lock()
	idle := s.idle
	s.idle, s.closed = nil, true
	s.mu.Unlock()
	for _, w := range idle {
		w.stdin.Close()
		w.cmd.Wait()
	}
	return nil
}

// Serve is the worker side of a [Supervisor]: it reads requests from r
// and writes replies to w until r ends. A program that offers a worker mode
// calls it from main and exits when it returns; it sets the process's
// memory limits from the environment the Supervisor passes.
//
// r ending means the supervisor is gone (its process died, even by
// SIGKILL, and with it the pipe's other end) or closed this worker: Serve
// then returns at once, even in the middle of a request, whose work is
// abandoned. The caller must exit, so that no orphan goes on parsing
// without a deadline or a memory watch.
func Serve(r io.Reader, w io.Writer) error {
	if n, err := strconv.ParseInt(os.Getenv("SCREENER_WORKER_MEMORY"), 10, 64); err == nil && n > 0 {
		limitMemory(n)
	}
	debug.SetMaxStack(maxStack)
	// A worker's heap is one file's, short-lived and far under its cap:
	// collecting at 5x the live heap rather than 2x costs about 10% less
	// CPU a PDF (workers of 25 MB grow to 60-75 MB), and the memory limit
	// set above still makes the collector work near the cap.
	debug.SetGCPercent(400)
	lines := make(chan []byte)
	ended := make(chan error, 1)
	go func() { // reads ahead, so that the end of r is seen during a request
		in := bufio.NewReaderSize(r, 1<<16)
		for {
			line, err := in.ReadBytes('\n')
			if err != nil {
				ended <- err
				return
			}
			lines <- line
		}
	}()
	end := func(err error) error {
		if err == io.EOF {
			return nil
		}
		return err
	}
	out := bufio.NewWriter(w)
	enc := json.NewEncoder(out)
	for {
		var line []byte
		select {
		case line = <-lines:
		case err := <-ended:
			return end(err)
		}
		var req request
		if err := json.Unmarshal(line, &req); err != nil {
			return fmt.Errorf("bad request: %w", err)
		}
		done := make(chan reply, 1)
		go func() { done <- serveOne(req) }()
		var rep reply
		select {
		case rep = <-done:
		case err := <-ended:
			return end(err)
		}
		if err := enc.Encode(rep); err != nil {
			return err
		}
		if err := out.Flush(); err != nil {
			return err
		}
	}
}

func serveOne(req request) (rep reply) {
	defer func() {
		if p := recover(); p != nil {
			rep = reply{Code: parsers.ReasonCorrupt, Detail: fmt.Sprintf("parser failed: %v", p)}
		}
	}()
	doc, err := parsers.ExtractFile(context.Background(), string(req.Path), req.Limits)
	var e *parsers.Error
	switch {
	case err == nil:
		return reply{Doc: doc}
	case errors.As(err, &e):
		return reply{Code: parsers.Code(e.Err), Detail: e.Detail, Hint: e.Hint}
	}
	return reply{Other: err.Error(), Gone: parsers.Gone(err)}
}

// tailBuffer keeps the first and the last 2 KiB written to it (a worker's
// stderr): a Go crash names its cause first and its stack after.
type tailBuffer struct {
	mu         sync.Mutex
	head, tail []byte
}

func (t *tailBuffer) Write(p []byte) (int, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if n := min(2048-len(t.head), len(p)); n > 0 {
		t.head = append(t.head, p[:n]...)
	}
	t.tail = append(t.tail, p...)
	if len(t.tail) > 2048 {
		t.tail = t.tail[len(t.tail)-2048:]
	}
	return len(p), nil
}

func (t *tailBuffer) String() string {
	t.mu.Lock()
	defer t.mu.Unlock()
	return string(t.head) + "\n" + string(t.tail)
}

func lastLine(s string) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	for _, l := range lines {
		if strings.HasPrefix(l, "panic:") || strings.HasPrefix(l, "fatal error:") {
			return l
		}
	}
	return lines[len(lines)-1]
}

// residentBytes returns the resident set size of a process and of the
// processes it started (a worker's Tesseract counts against the worker's
// cap) from /proc, or 0 where that is not available.
func residentBytes(pid int) int64 {
	var n int64
	for _, p := range append(descendants(pid, 0), pid) {
		n += ownResident(p)
	}
	return n
}

// ownResident returns one process's resident set size from /proc, or 0.
func ownResident(pid int) int64 {
	b, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/statm")
	if err != nil {
		return 0
	}
	f := bytes.Fields(b)
	if len(f) < 2 {
		return 0
	}
	pages, _ := strconv.ParseInt(string(f[1]), 10, 64)
	return pages * int64(os.Getpagesize())
}

// descendants returns the processes pid started, their children and so
// on, from the children lists Linux keeps per thread; depth stops a tree
// deeper than a worker's (worker, Tesseract) from costing more.
func descendants(pid, depth int) []int {
	if depth > 3 {
		return nil
	}
	tasks, err := os.ReadDir("/proc/" + strconv.Itoa(pid) + "/task")
	if err != nil {
		return nil
	}
	var out []int
	for _, t := range tasks {
		b, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/task/" + t.Name() + "/children")
		if err != nil {
			continue
		}
		for _, f := range bytes.Fields(b) {
			if child, err := strconv.Atoi(string(f)); err == nil {
				out = append(out, child)
				out = append(out, descendants(child, depth+1)...)
			}
		}
	}
	return out
}

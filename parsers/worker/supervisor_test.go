package worker

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/screener/screener/parsers"
)

const fixtures = "../../testdata/parsers"

// TestMain lets the test binary serve as its own extraction worker.
func TestMain(m *testing.M) {
	if os.Getenv("PARSERS_TEST_WORKER") == "1" {
		if err := Serve(os.Stdin, os.Stdout); err != nil {
			os.Exit(1)
		}
		os.Exit(0)
	}
	os.Exit(m.Run())
}

func testSupervisor(t *testing.T, opts Options) *Supervisor {
	t.Helper()
	opts.Command = []string{os.Args[0]}
	opts.Env = append(os.Environ(), "PARSERS_TEST_WORKER=1")
	s := NewSupervisor(opts)
	t.Cleanup(func() { s.Close() })
	return s
}

// A PDF whose cross-reference chain loops (/Prev points at itself) hangs
// the object layer forever. The supervisor must kill that worker at the
// deadline while the other files, extracted at the same time, finish.
func TestSupervisorKillsLoopingFileOthersFinish(t *testing.T) {
	s := testSupervisor(t, Options{Timeout: 2 * time.Second})
	files := []string{"prev-loop.pdf", "two-column.pdf", "word-features.docx", "../example/resumes/alice.pdf", "utf16.txt"}
	errs := make([]error, len(files))
	docs := make([]*parsers.Document, len(files))
	var wg sync.WaitGroup
	start := time.Now()
	for i, f := range files {
		wg.Add(1)
		go func() {
			defer wg.Done()
			docs[i], errs[i] = s.Extract(context.Background(), filepath.Join(fixtures, f))
		}()
	}
	wg.Wait()
	if !errors.Is(errs[0], parsers.ErrTimeout) {
		t.Errorf("looping PDF: error %v, want ErrTimeout", errs[0])
	}
	if d := time.Since(start); d > 15*time.Second {
		t.Errorf("batch took %s; the looping file was not stopped at its 2s deadline", d)
	}
	for i := 1; i < len(files); i++ {
		if errs[i] != nil || docs[i] == nil || docs[i].Text == "" {
			t.Errorf("%s: %v", files[i], errs[i])
		}
	}
	// The killed worker is replaced: the supervisor still works.
	if _, err := s.Extract(context.Background(), filepath.Join(fixtures, "utf16.txt")); err != nil {
		t.Errorf("after a kill: %v", err)
	}
}

func TestSupervisorMemoryCap(t *testing.T) {
	// A 1 MiB cap is below any Go process's resident size, so the watchdog
	// fires while the worker is stuck on the looping file.
	s := testSupervisor(t, Options{Timeout: 20 * time.Second, MemoryLimit: 1 << 20})
	_, err := s.Extract(context.Background(), filepath.Join(fixtures, "prev-loop.pdf"))
	if !errors.Is(err, parsers.ErrMemory) {
		t.Errorf("error %v, want ErrMemory", err)
	}
}

func TestSupervisorTypedErrors(t *testing.T) {
	s := testSupervisor(t, Options{})
	_, err := s.Extract(context.Background(), filepath.Join(fixtures, "enc-aes-256-user.pdf"))
	var e *parsers.Error
	if !errors.Is(err, parsers.ErrEncrypted) || !errors.As(err, &e) || !strings.HasSuffix(e.File, "enc-aes-256-user.pdf") || e.Hint == "" {
		t.Errorf("error %#v, want ErrEncrypted with file and hint", err)
	}
	// A file removed since it was listed: the error still says so after
	// crossing the process boundary, so that the report can drop the file.
	if _, err := s.Extract(context.Background(), filepath.Join(fixtures, "missing.pdf")); !errors.Is(err, fs.ErrNotExist) || !parsers.Gone(err) {
		t.Errorf("missing file: %v, want fs.ErrNotExist", err)
	}
}

func TestSupervisorCancel(t *testing.T) {
	s := testSupervisor(t, Options{Timeout: time.Minute})
	ctx, cancel := context.WithTimeout(context.Background(), 500*time.Millisecond)
	defer cancel()
	_, err := s.Extract(ctx, filepath.Join(fixtures, "prev-loop.pdf"))
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("error %v, want the context's", err)
	}
}

// BenchmarkSupervisor measures the cost of isolation: the same files
// extracted through worker processes and in-process.
func BenchmarkSupervisor(b *testing.B) {
	files, _ := filepath.Glob(filepath.Join(fixtures, "../example/resumes/*.*"))
	b.Run("workers", func(b *testing.B) {
		s := NewSupervisor(Options{Command: []string{os.Args[0]}, Env: append(os.Environ(), "PARSERS_TEST_WORKER=1")})
		defer s.Close()
		for i := 0; i < b.N; i++ {
			for _, f := range files {
				s.Extract(context.Background(), f)
			}
		}
	})
	b.Run("in-process", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			for _, f := range files {
				parsers.ExtractFile(context.Background(), f, parsers.Limits{})
			}
		}
	})
}

// TestSupervisorSelfContainedObjectStream: an 826-byte PDF whose xref puts
// an object stream inside itself used to grow its worker to the memory
// cap, reported as memory (retried every run); it is corrupt.
func TestSupervisorSelfContainedObjectStream(t *testing.T) {
	s := testSupervisor(t, Options{Timeout: time.Minute, MemoryLimit: 512 << 20})
	_, err := s.Extract(context.Background(), filepath.Join(fixtures, "../hostile/objstm-self.pdf"))
	if !errors.Is(err, parsers.ErrCorrupt) || !strings.Contains(err.Error(), "object stream 6") {
		t.Errorf("error %v, want ErrCorrupt", err)
	}
}

// Package pgtest runs a throwaway PostgreSQL server for tests: Debian's
// postgresql binaries, a cluster made by initdb in a temporary folder,
// listening on 127.0.0.1 with fsync off, stopped and removed by
// [Server.Stop]. Where PostgreSQL is not installed, or cannot start,
// [Server.Database] skips the test and says why.
//
// A package's TestMain makes one server for all its tests; it starts
// when a test first asks for a database:
//
//	var pg = pgtest.New() // in a _test.go file
//
//	func TestMain(m *testing.M) {
//		code := m.Run()
//		pg.Stop()
//		os.Exit(code)
//	}
package pgtest

import (
	"context"
	"errors"
	"fmt"
	"net"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"sort"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
)

// Server is a throwaway PostgreSQL server, started on first use, or the
// reason there is none. Its methods are safe for concurrent use.
type Server struct {
	once sync.Once
	err  error // why there is no server; nil when it runs or has not started
	port int
	dir  string // the temporary folder: data/, the log and the socket
	ctl  string // pg_ctl
	uid  int    // the user that runs the server; -1: this process's
	gid  int

	mu sync.Mutex
	n  int // databases made so far
}

// New returns a server that starts when [Server.Database] is first
// called. Starting never fails a test: a server that could not start
// records why, and [Server.Database] skips with that reason.
func New() *Server { return &Server{uid: -1, gid: -1} }

func (s *Server) startOnce() {
	if s.err = s.start(); s.err != nil {
		fmt.Fprintf(os.Stderr, "pgtest: tests that need PostgreSQL will skip: %v\n", s.err)
		s.remove()
	}
}

func (s *Server) start() error {
	bin, err := binDir()
	if err != nil {
		return err
	}
	s.ctl = filepath.Join(bin, "pg_ctl")
	if s.dir, err = os.MkdirTemp("", "screener-pg-"); err != nil {
		return err
	}
	if os.Geteuid() == 0 { // initdb refuses to run as root
		u, err := user.Lookup("postgres")
		if err != nil {
			return fmt.Errorf("running as root and no postgres user to run the server as: %w", err)
		}
		s.uid, _ = strconv.Atoi(u.Uid)
		s.gid, _ = strconv.Atoi(u.Gid)
		if err := os.Chown(s.dir, s.uid, s.gid); err != nil {
			return err
		}
	}
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return err
	}
	s.port = l.Addr().(*net.TCPAddr).Port
	l.Close()
	data := filepath.Join(s.dir, "data")
	if err := s.run(filepath.Join(bin, "initdb"), "-D", data, "-U", "screener", "-A", "trust", "-E", "UTF8", "--no-sync", "--no-instructions"); err != nil {
		return err
	}
	opts := fmt.Sprintf("-c listen_addresses=127.0.0.1 -p %d -c unix_socket_directories=%s -c fsync=off -c synchronous_commit=off -c full_page_writes=off", s.port, s.dir)
	return s.run(s.ctl, "-D", data, "-l", filepath.Join(s.dir, "log"), "-w", "-t", "60", "-o", opts, "start")
}

// binDir finds the folder of initdb and pg_ctl: on the PATH, or the
// newest of Debian's /usr/lib/postgresql/VERSION/bin.
func binDir() (string, error) {
	if p, err := exec.LookPath("initdb"); err == nil {
		return filepath.Dir(p), nil
	}
	dirs, _ := filepath.Glob("/usr/lib/postgresql/*/bin")
	sort.Slice(dirs, func(i, j int) bool { return version(dirs[i]) < version(dirs[j]) })
	for i := len(dirs) - 1; i >= 0; i-- {
		if _, err := os.Stat(filepath.Join(dirs[i], "initdb")); err == nil {
			return dirs[i], nil
		}
	}
	return "", errors.New("PostgreSQL is not installed (no initdb; on Debian: apt-get install postgresql)")
}

func version(binDir string) int {
	v, _ := strconv.Atoi(filepath.Base(filepath.Dir(binDir)))
	return v
}

func (s *Server) run(name string, args ...string) error {
	cmd := exec.Command(name, args...)
	cmd.Dir = s.dir
	runAs(cmd, s.uid, s.gid)
	out, err := cmd.CombinedOutput()
	if err != nil {
		return fmt.Errorf("%s: %w: %s", filepath.Base(name), err, out)
	}
	return nil
}

// Stop stops the server, if it started, and removes its folder.
func (s *Server) Stop() {
	s.once.Do(func() {}) // a server not started by now never will be
	if s.err == nil && s.dir != "" {
		s.run(s.ctl, "-D", filepath.Join(s.dir, "data"), "-m", "immediate", "-w", "stop")
	}
	s.remove()
}

func (s *Server) remove() {
	if s.dir != "" {
		os.RemoveAll(s.dir)
	}
}

// URL returns the address of database name on the server, with the
// server's superuser and no password.
func (s *Server) URL(name string) string {
	return fmt.Sprintf("postgres://screener@127.0.0.1:%d/%s?sslmode=disable", s.port, name)
}

// Database creates a new, empty database for one test and returns its
// URL; it skips the test if there is no server. Databases are dropped
// with the server.
func (s *Server) Database(tb testing.TB) string {
	tb.Helper()
	s.once.Do(s.startOnce)
	if s.err != nil {
		tb.Skipf("needs PostgreSQL: %v", s.err)
	}
	s.mu.Lock()
	s.n++
	name := fmt.Sprintf("test%d", s.n)
	s.mu.Unlock()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	conn, err := pgx.Connect(ctx, s.URL("postgres"))
	if err != nil {
		tb.Fatal(err)
	}
	defer conn.Close(ctx)
	if _, err := conn.Exec(ctx, "CREATE DATABASE "+name); err != nil {
		tb.Fatal(err)
	}
	return s.URL(name)
}

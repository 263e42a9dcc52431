package postgres

import (
	"context"
	"errors"
	"os"
	"testing"

	"github.com/screener/screener/internal/pgtest"
	"github.com/screener/screener/parsers"
	"github.com/screener/screener/screener"
	"github.com/screener/screener/state"
	"github.com/screener/screener/state/statetest"
)

var pg = pgtest.New() // the test binary's server, stopped by TestMain

func TestMain(m *testing.M) {
	code := m.Run()
	pg.Stop()
	os.Exit(code)
}

func open(t *testing.T, url string, opts state.Options) *state.DB {
	t.Helper()
	db, err := Open(context.Background(), url, opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func TestBackend(t *testing.T) {
	statetest.Run(t, func(t *testing.T, opts state.Options) *state.DB { return open(t, pg.Database(t), opts) })
}

func TestSmoke(t *testing.T) {
	url := pg.Database(t)
	db := open(t, url, state.Options{StoreText: true})
	if _, err := db.BeginRun("r"); err != nil {
		t.Fatal(err)
	}
	if err := db.Save(screener.FileInfo{Path: "/a", SHA256: "aaa", Size: 1}, &parsers.Document{Text: "Go"}, screener.Record{Status: screener.StatusOK, Score: 7}, "r"); err != nil {
		t.Fatal(err)
	}
	if err := db.EndRun(screener.Counts{Files: 1}, 1, 0); err != nil {
		t.Fatal(err)
	}
	if _, err := Open(context.Background(), url, state.Options{}); !errors.Is(err, state.ErrLocked) {
		t.Fatalf("second open: %v", err)
	}
	c, err := db.Load("aaa", "r")
	if err != nil || c.Record == nil || c.Record.Score != 7 {
		t.Fatalf("%+v %v", c, err)
	}
	if n, err := db.Forget("", "/a", ""); n != 1 || err != nil {
		t.Fatal(n, err)
	}
}

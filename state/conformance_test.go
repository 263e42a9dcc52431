package state_test

import (
	"path/filepath"
	"testing"

	"github.com/screener/screener/state"
	"github.com/screener/screener/state/statetest"
)

func TestSQLite(t *testing.T) {
	statetest.Run(t, statetest.Backend{
		New: func(t *testing.T) string { return filepath.Join(t.TempDir(), "s.db") },
		Open: func(t *testing.T, path string, opts state.Options) *state.DB {
			db, err := state.Open(path, opts)
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { db.Close() })
			return db
		},
	})
}

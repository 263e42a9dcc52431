package state_test

import (
	"path/filepath"
	"testing"

	"github.com/screener/screener/state"
	"github.com/screener/screener/state/statetest"
)

func TestSQLite(t *testing.T) {
	statetest.Run(t, func(t *testing.T, opts state.Options) *state.DB {
		db, err := state.Open(filepath.Join(t.TempDir(), "s.db"), opts)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { db.Close() })
		return db
	})
}

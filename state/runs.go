package state

import (
	"time"

	"github.com/screener/screener/screener"
)

// BeginRun records the start of a run with the given rules and returns its id.
func (s *DB) BeginRun(rulesHash string) (int64, error) {
	// What Seen may skip is learnt anew each run: a watch keeps its DB
	// open for days, and a content seen "within a day" must not stay so.
	// The files table is read again, with the rows the last run committed.
	s.mu.Lock()
	clear(s.recentDocs)
	s.mu.Unlock()
	s.forgetFiles()
	if len(s.Interrupted) > 0 {
		// With a lock per job, another job's unfinished run may be alive.
		if _, err := s.db.ExecContext(s.ctx, s.q(`UPDATE runs SET ended_at = started_at, exit_code = -1 WHERE ended_at IS NULL AND (rules_hash = ? OR NOT ?)`),
			rulesHash, s.backend.JobLock); err != nil {
			return 0, err
		}
	}
	// New means first seen since the job's own last completed run where
	// jobs run at once: another job's run does not make a candidate old.
	if err := s.db.QueryRowContext(s.ctx, s.q(`SELECT COALESCE(MAX(id), 0) FROM runs WHERE exit_code >= 0 AND (rules_hash = ? OR NOT ?)`),
		rulesHash, s.backend.JobLock).Scan(&s.lastDone); err != nil {
		return 0, err
	}
	err := s.db.QueryRowContext(s.ctx, s.q(`INSERT INTO runs (started_at, rules_hash) VALUES (?, ?) RETURNING id`), s.opts.Now().Unix(), rulesHash).Scan(&s.run)
	return s.run, err
}

// EndRun commits queued outcomes and records the end of the current run.
func (s *DB) EndRun(c screener.Counts, newCount, exitCode int) error {
	if err := s.Flush(); err != nil {
		return err
	}
	_, err := s.db.ExecContext(s.ctx, s.q(`UPDATE runs SET ended_at = ?, files = ?, screened = ?, qualified = ?, errors = ?, skipped = ?,
		duplicates = ?, new = ?, exit_code = ? WHERE id = ?`),
		s.opts.Now().Unix(), c.Files, c.Screened, c.Qualified, c.Errors, c.Skipped, c.Duplicates, newCount, exitCode, s.run)
	return err
}

// Run is one line of the run history.
type Run struct {
	ID                                                           int64
	Started, Ended                                               time.Time // Ended is zero if the run did not finish
	RulesHash                                                    string
	Files, Screened, Qualified, Errors, Skipped, Duplicates, New int
	ExitCode                                                     int // -1: interrupted, or still running
	// Running is set on a run that did not finish but whose job's run
	// lock is held now: on a database, where runs of other jobs go on
	// while the history is read. A backend that cannot tell leaves it
	// false.
	Running bool
}

// Runs returns the run history, newest first.
func (s *DB) Runs() ([]Run, error) {
	rows, err := s.db.QueryContext(s.ctx, `SELECT id, started_at, COALESCE(ended_at, 0), rules_hash, COALESCE(files, 0), COALESCE(screened, 0),
		COALESCE(qualified, 0), COALESCE(errors, 0), COALESCE(skipped, 0), COALESCE(duplicates, 0), COALESCE(new, 0),
		COALESCE(exit_code, -1) FROM runs ORDER BY id DESC`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Run
	for rows.Next() {
		var r Run
		var started, ended int64
		if err := rows.Scan(&r.ID, &started, &ended, &r.RulesHash, &r.Files, &r.Screened, &r.Qualified, &r.Errors,
			&r.Skipped, &r.Duplicates, &r.New, &r.ExitCode); err != nil {
			return nil, err
		}
		r.Started = time.Unix(started, 0)
		if ended > 0 {
			r.Ended = time.Unix(ended, 0)
		}
		out = append(out, r)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	if s.backend.Running == nil {
		return out, nil
	}
	// Only a job's newest unfinished run may be alive: a run marks its
	// job's older ones interrupted when it begins.
	asked := map[string]bool{}
	for i := range out {
		r := &out[i]
		if !r.Ended.IsZero() || asked[r.RulesHash] {
			continue
		}
		asked[r.RulesHash] = true
		if r.Running, err = s.backend.Running(r.RulesHash); err != nil {
			return nil, err
		}
	}
	return out, nil
}

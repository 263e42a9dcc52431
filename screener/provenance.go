package screener

import "time"

// Provenance is what an auditor needs to reproduce a run: every JSON Lines
// record carries it, and the workbook's Rules sheet shows it. With the
// same screener version, the rule file whose hash this is, and -as-of set
// to the records' as_of, a run over the same files gives the same results
// (the README says how, with and without a state file).
type Provenance struct {
	ScreenerVersion string    `json:"screener_version"`
	RulesHash       string    `json:"rules_hash"`
	RunAt           time.Time `json:"run_at"`        // when the run started, UTC
	Job             string    `json:"job,omitempty"` // in a run over several jobs, the one the record is scored for
}

// Provenance returns the report's provenance.
func (rep *Report) Provenance() Provenance {
	v := rep.Version
	if v == "" {
		v = "unknown"
	}
	return Provenance{ScreenerVersion: v, RulesHash: rep.RuleHash, RunAt: rep.Started.UTC().Truncate(time.Second), Job: rep.Job}
}

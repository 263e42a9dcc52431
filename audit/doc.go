// Package audit computes the figures of a bias audit of a screening run:
// for each demographic group, and each sex × race/ethnicity intersection,
// how many candidates were scored, how many selected (qualified), the
// selection and scoring rates and their impact ratios against the group
// with the highest rate, the way New York City's Local Law 144 and the
// EEOC's four-fifths rule describe them. For each knockout rule it also
// recomputes those figures as if the rule were dropped, from the records'
// score breakdown, without reading any resume again.
//
// Demographics are read from a CSV the caller supplies, joined to the run's
// JSON Lines records in memory, and never written anywhere but the audit's
// own output. The audit produces figures for an independent auditor; it
// establishes neither that a disparity is unlawful nor that its absence is
// lawful.
package audit

// Package screener is the batch pipeline: it discovers resume files, extracts
// and scores them on a bounded pool of workers, ranks the candidates and
// writes the report as an Excel workbook, JSON Lines or CSV.
//
// A file that cannot be read is not an error of the batch: it becomes a
// [Record] with status "error" and a reason code (a [parsers.Reason]), and
// a file removed while the run reads it is left out. [Run] itself fails
// only when the paths cannot be listed (one does not exist, or they hold
// no file: [ErrNoFiles]), when the rule set's own skills do not extend the
// taxonomy, or when the context is cancelled; the report is nil then.
package screener

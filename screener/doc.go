// Package screener is the batch pipeline: it discovers resume files, extracts
// and scores them on a bounded pool of workers, ranks the candidates and
// writes the report as an Excel workbook, JSON Lines or CSV.
//
// A file that cannot be read is not an error of the batch: it becomes a
// [Record] with status "error" and a reason code. [Run] fails only when the
// context is cancelled.
package screener

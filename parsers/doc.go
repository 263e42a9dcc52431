// Package parsers turns resume files into normalized text.
//
// [Extract] reads PDF, DOCX and plain text (UTF-8, UTF-16 with a byte-order
// mark, Windows-1252), recognising the format from the content, never from
// the file name. It returns a [Document] with the text and what later steps
// need to know about it (format, pages, size, SHA-256, header and footer
// text), or an [*Error] wrapping one of the sentinel errors ([ErrEncrypted],
// [ErrNoText], [ErrCorrupt], [ErrUnsupported], [ErrTooLarge], [ErrTimeout],
// [ErrMemory]) that callers test with errors.Is. [Limits] bound the work a
// hostile file can cause.
//
// Every resume is untrusted input. A parser that loops or exhausts memory
// inside a library cannot be stopped in-process, so [Supervisor] runs
// extraction in worker processes (the calling program re-executed in a mode
// that calls [ServeWorker]) and kills a worker that passes its deadline or
// memory cap; the file gets [ErrTimeout] or [ErrMemory] and the other files
// are unaffected.
//
// PDF text comes from our own pass over each page's content stream, on top
// of github.com/ledongthuc/pdf's object layer: words are rebuilt from glyph
// positions, lines from baselines and columns from gutters, so text from
// TeX (which draws no spaces), two-column layouts and ligatures reads as a
// person would read it. Glyphs become text through the font's ToUnicode map,
// its encoding and glyph names, or, for CJK fonts without a ToUnicode map,
// Adobe's CID table for the font's character collection (embedded; see
// cmaps/README.md).
package parsers

// Package parsers turns resume files into normalized text.
//
// [Extract] reads PDF, Word (.docx and the 97–2003 .doc), OpenDocument
// text, RTF, HTML and plain text (UTF-8, UTF-16 with a byte-order mark,
// Windows-1252), and, with Tesseract (package parsers/ocr), PNG, JPEG and
// TIFF images and PDFs without a text layer; it recognises the format
// from the content, never from the file name ([Detect]). It returns a [Document] with the text and what
// later steps need to know about it (format, pages, size, SHA-256, header
// and footer text), or an [*Error] wrapping one of the sentinel errors
// ([ErrEncrypted], [ErrNoText], [ErrCorrupt], [ErrUnsupported],
// [ErrTooLarge], [ErrTimeout], [ErrMemory]) that callers test with
// errors.Is. [Limits] bound the work a hostile file can cause.
//
// This package is the one entry point. Each format has its own package,
// which turns bytes into raw text and which callers need not import:
// parsers/pdf (our positioned-text pass over each page's content stream,
// with our own decryption, on top of github.com/ledongthuc/pdf's object
// layer), parsers/docx, parsers/msdoc (.doc), parsers/odt, parsers/rtf,
// parsers/html and parsers/text. Extract picks one with a plain switch and
// normalizes what it returns ([Normalize]). Every format that knows tables
// writes a table's row as one line with one tab between its cells (an
// empty cell is two tabs in a row, an empty first or last cell a tab at
// the line's start or end), PDF too where its layout reads a table; a
// cell merged across n columns (HTML colspan, Word's w:gridSpan,
// OpenDocument's covered cells) is followed by n-1 tabs more, so every row
// keeps its table's columns, and a row of a single cell has no tab. A tab
// or a line break typed inside a cell is a space (in HTML and RTF so are
// the cell boundaries of a table inside a cell), and a tab stop outside a
// table stays a tab. Normalize keeps tabs, a table row's at its ends too
// (see [Normalize] for what makes a row), so a tab in the text is a cell
// or field boundary, never a mere space.
//
// The typed errors and the limits live in parsers/internal/extract, where
// the format packages can use them without importing this one; the names
// here are aliases.
//
// Every resume is untrusted input. A parser that loops or exhausts memory
// inside a library cannot be stopped in-process, so package parsers/worker
// runs extraction in worker processes and kills a worker that passes its
// deadline or memory cap; the file gets [ErrTimeout] or [ErrMemory] and the
// other files are unaffected.
package parsers

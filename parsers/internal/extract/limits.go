package extract

// Limits bound the work done on one document. The zero value of every field
// means its documented default; the defaults are generous for resumes, which
// are rarely over 2 MiB or 5 pages, and stop hostile files early.
type Limits struct {
	MaxBytes        int64 // file size; 0 means 20 MiB
	MaxPages        int   // PDF page count; 0 means 50
	MaxText         int   // bytes of extracted text kept; 0 means 1 MiB (more is cut, and Document.Truncated set)
	MaxUncompressed int64 // DOCX, ODT: total uncompressed size of the parts read; PDF: of content streams; 0 means 64 MiB
	MaxRatio        int   // DOCX and ODT parts, PDF streams: uncompressed/compressed ratio; 0 means 200
}

// WithDefaults returns l with every zero field set to its default.
func (l Limits) WithDefaults() Limits {
	if l.MaxBytes <= 0 {
		l.MaxBytes = 20 << 20
	}
	if l.MaxPages <= 0 {
		l.MaxPages = 50
	}
	if l.MaxText <= 0 {
		l.MaxText = 1 << 20
	}
	if l.MaxUncompressed <= 0 {
		l.MaxUncompressed = 64 << 20
	}
	if l.MaxRatio <= 0 {
		l.MaxRatio = 200
	}
	return l
}

// Result is what a format's parser hands back before normalization.
type Result struct {
	Text         string
	HeaderFooter string // the part of Text from page headers and footers
	Title        string // the document's title lines: see parsers.Document.Title
	Pages        int    // PDF only
}

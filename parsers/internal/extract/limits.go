package extract

import "time"

// Limits bound the work done on one document. The zero value of every field
// means its documented default; the defaults are generous for resumes, which
// are rarely over 2 MiB or 5 pages, and stop hostile files early.
type Limits struct {
	MaxBytes        int64 // file size; 0 means 20 MiB
	MaxPages        int   // PDF page count; 0 means 50
	MaxText         int   // bytes of extracted text kept; 0 means 1 MiB (more is cut, and Document.Truncated set)
	MaxUncompressed int64 // DOCX, ODT: total uncompressed size of the parts read; PDF: of content streams; 0 means 64 MiB
	MaxRatio        int   // DOCX and ODT parts, PDF streams: uncompressed/compressed ratio; 0 means 200
	// MaxPixels bounds an image read with OCR (an image file, or a scanned
	// PDF page's image); 0 means 50 million, more than an A4 page scanned
	// at 600 dpi (35 million).
	MaxPixels int64

	// OCR says whether images and PDFs without a text layer are read with
	// Tesseract: "" or "auto" when it is on PATH, "off" never. (Not a
	// limit, but the worker process receives its settings with the limits.)
	OCR string
	// OCRLang is Tesseract's language list, "eng+deu"; "" means "eng".
	OCRLang string
	// OCRPageTimeout bounds Tesseract's time on one page; 0 means 60 s.
	// The file's own deadline (the worker's) still applies.
	OCRPageTimeout time.Duration
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
	if l.MaxPixels <= 0 {
		l.MaxPixels = 50_000_000
	}
	if l.OCRPageTimeout <= 0 {
		l.OCRPageTimeout = 60 * time.Second
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

package parsers

import (
	"archive/zip"
	"bytes"
	"context"
	"fmt"
	"io"
	"math"
	"unicode/utf8"

	"github.com/screener/screener/parsers/docx"
	"github.com/screener/screener/parsers/html"
	"github.com/screener/screener/parsers/internal/extract"
	"github.com/screener/screener/parsers/msdoc"
	"github.com/screener/screener/parsers/odt"
	"github.com/screener/screener/parsers/pdf"
	"github.com/screener/screener/parsers/raster"
	"github.com/screener/screener/parsers/rtf"
	"github.com/screener/screener/parsers/text"
)

// Format is a document format recognised from a file's content.
type Format string

// Formats [Detect] recognises.
const (
	PDF  Format = "pdf"
	DOCX Format = "docx"
	HTML Format = "html"
	ODT  Format = "odt"
	RTF  Format = "rtf"
	DOC  Format = "doc"
	// Image is a PNG, JPEG or TIFF file, read with OCR.
	Image Format = "image"
	Text  Format = "text"
)

// Document is the text of one file and what we know about it.
type Document struct {
	Format Format `json:"format"`
	// Text is the normalized text: NFC, ligatures expanded, odd spaces made
	// plain, one line per visual line, a blank line between blocks.
	Text      string `json:"text"`
	Pages     int    `json:"pages,omitempty"` // PDF only
	Bytes     int64  `json:"bytes"`
	Truncated bool   `json:"truncated,omitempty"` // Text was cut at Limits.MaxText
	// HeaderFooter is the part of Text that came from page headers and
	// footers (DOCX headers and footers); contact details often live there.
	HeaderFooter string `json:"header_footer,omitempty"`
	// Title is what the document sets apart as its title, one line per
	// line: on a PDF's first page, the text in the largest type near the
	// top; in a DOCX, the first paragraphs styled Title or set clearly
	// larger than the rest. On a resume, the candidate's name. Empty when
	// the format or the document does not tell.
	Title string `json:"title,omitempty"`
	// OCR is set when Text was read from images by Tesseract (an image
	// file, or a PDF without a text layer): a recruiter should check it.
	OCR bool `json:"ocr,omitempty"`
	// OCRConfidence is Tesseract's mean word confidence, 0–100, when OCR
	// is set.
	OCRConfidence float64 `json:"ocr_confidence,omitempty"`
}

// Detect returns the format of a document from its first bytes (512 are
// enough). It returns an [*Error] wrapping [ErrUnsupported] for content it does
// not read, with a hint when the fix is guessable.
func Detect(head []byte) (Format, error) {
	switch {
	case bytes.HasPrefix(head, []byte("%PDF-")) || bytes.Contains(head[:min(len(head), 1024)], []byte("%PDF-")):
		return PDF, nil
	case bytes.HasPrefix(head, []byte("PK\x03\x04")):
		return zipFormat(head)
	case bytes.HasPrefix(head, []byte("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1")):
		return DOC, nil // an OLE compound file: the parser tells Word from the rest
	case bytes.HasPrefix(bytes.TrimLeft(bytes.TrimPrefix(head, []byte("\xEF\xBB\xBF")), " \t\r\n"), []byte("{\\rtf")):
		return RTF, nil
	case raster.Kind(head) != "":
		return Image, nil
	case bytes.HasPrefix(head, []byte("GIF8")):
		return "", &Error{Err: ErrUnsupported, Detail: "GIF image", Hint: "save it as PNG or PDF"}
	case looksLikeHTML(head):
		return HTML, nil
	case looksLikeText(head):
		return Text, nil
	}
	return "", &Error{Err: ErrUnsupported, Detail: "binary content of unknown type"}
}

// zipFormat tells an OpenDocument text from other zip packages by its
// first entry, the uncompressed "mimetype" that ODF requires; any other
// zip is taken for a DOCX, whose parser checks for word/document.xml (and
// [Extract] looks inside a zip whose mimetype entry is not first).
func zipFormat(head []byte) (Format, error) {
	const odf = "mimetypeapplication/vnd.oasis.opendocument."
	i := bytes.Index(head[:min(len(head), 128)], []byte(odf))
	if i < 0 {
		return DOCX, nil
	}
	kind := head[i+len(odf):]
	if bytes.HasPrefix(kind, []byte("text")) {
		return ODT, nil
	}
	if j := bytes.IndexByte(kind, 'P'); j > 0 { // the next local header
		kind = kind[:j]
	}
	return "", &Error{Err: ErrUnsupported, Detail: "OpenDocument " + string(kind[:min(len(kind), 40)]) + " (not a text document)"}
}

// zipParts refines a zip package's format from its parts: a package with
// content.xml and no word/document.xml is an OpenDocument file.
func zipParts(r io.ReaderAt, size int64, format Format) Format {
	zr, err := zip.NewReader(r, size)
	if err != nil {
		return format // the format's parser reports the damage
	}
	var word, content bool
	for _, f := range zr.File {
		word = word || f.Name == "word/document.xml"
		content = content || f.Name == "content.xml"
	}
	if format == DOCX && !word && content {
		return ODT
	}
	return format
}

// looksLikeHTML reports whether head starts (after a byte-order mark, white
// space, an XML declaration or comments) with a doctype or one of the
// elements that open a page. Text that merely mentions a tag is not HTML.
func looksLikeHTML(head []byte) bool {
	s := bytes.ToLower(bytes.TrimPrefix(head, []byte("\xEF\xBB\xBF")))
	for {
		s = bytes.TrimLeft(s, " \t\r\n\f")
		var end []byte
		switch {
		case bytes.HasPrefix(s, []byte("<?xml")):
			end = []byte("?>")
		case bytes.HasPrefix(s, []byte("<!--")):
			end = []byte("-->")
		}
		if end == nil {
			break
		}
		i := bytes.Index(s, end)
		if i < 0 {
			return false
		}
		s = s[i+len(end):]
	}
	for _, p := range []string{"<!doctype html", "<html", "<head", "<body", "<meta", "<title"} {
		if bytes.HasPrefix(s, []byte(p)) && len(s) > len(p) && (s[len(p)] == '>' || s[len(p)] == ' ' || s[len(p)] == '\n' || s[len(p)] == '\t' || s[len(p)] == '\r' || s[len(p)] == '/') {
			return true
		}
	}
	return false
}

// looksLikeText reports whether head is plausibly text: a UTF-16 BOM, or no
// NUL bytes and few control characters.
func looksLikeText(head []byte) bool {
	if bytes.HasPrefix(head, []byte{0xFF, 0xFE}) || bytes.HasPrefix(head, []byte{0xFE, 0xFF}) {
		return true
	}
	if len(head) == 0 {
		return true // empty: reported as no text later
	}
	ctrl := 0
	for _, b := range head {
		switch {
		case b == 0:
			return false
		case b < 0x20 && b != '\n' && b != '\r' && b != '\t' && b != '\f':
			ctrl++
		}
	}
	// Allow a cut multi-byte sequence at the end of the sample.
	return ctrl*100 <= len(head) && (utf8.Valid(head) || ctrl == 0)
}

// Extract reads the document of the given size from r and returns its text.
// It detects the format from the content, never from a name. Errors are
// [*Error] values wrapping one of the package's sentinels; a panic inside a
// parser becomes [ErrCorrupt]. Extract checks ctx between pages and parts, but
// a parser stuck inside a library call cannot be interrupted in-process: use
// a supervisor from package parsers/worker for untrusted files.
func Extract(ctx context.Context, r io.ReaderAt, size int64, lim Limits) (doc *Document, err error) {
	lim = lim.WithDefaults()
	if size > lim.MaxBytes {
		return nil, extract.Newf(ErrTooLarge, "file is %s, limit %s", extract.FormatBytes(size), extract.FormatBytes(lim.MaxBytes))
	}
	head := make([]byte, min(size, 1024))
	if _, err := r.ReadAt(head, 0); err != nil && err != io.EOF {
		return nil, fmt.Errorf("read: %w", err)
	}
	format, err := Detect(head)
	if err != nil {
		return nil, err
	}
	if format == DOCX {
		format = zipParts(r, size, format)
	}
	defer func() {
		if p := recover(); p != nil {
			doc, err = nil, extract.Newf(ErrCorrupt, "%s parser failed: %v", format, p)
		}
	}()
	var raw extract.Result
	switch format {
	case PDF:
		raw, err = pdf.Extract(ctx, r, size, lim)
	case DOCX:
		raw, err = docx.Extract(ctx, r, size, lim)
	case ODT:
		raw, err = odt.Extract(ctx, r, size, lim)
	case RTF:
		raw, err = rtf.Extract(ctx, r, size, lim)
	case DOC:
		raw, err = msdoc.Extract(ctx, r, size, lim)
	case HTML:
		raw, err = html.Extract(ctx, r, size, lim)
	case Text:
		raw, err = text.Extract(r, size)
	case Image:
		// no text but what OCR reads, below
	}
	if err != nil {
		return nil, err
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	doc = &Document{Format: format, Pages: raw.Pages, Bytes: size}
	doc.Text = Normalize(raw.Text)
	doc.HeaderFooter = Normalize(raw.HeaderFooter)
	doc.Title = Normalize(raw.Title)
	if !hasWords(doc.Text) && (format == PDF || format == Image) {
		scan, err := readScan(ctx, r, size, format, lim)
		if err != nil {
			return nil, err
		}
		doc.Text, doc.OCR, doc.OCRConfidence = Normalize(scan.Text), true, math.Round(scan.Confidence*10)/10
	}
	if len(doc.Text) > lim.MaxText {
		doc.Text, doc.Truncated = truncateUTF8(doc.Text, lim.MaxText), true
	}
	if !hasWords(doc.Text) {
		e := &Error{Err: ErrNoText, Detail: "no text layer"}
		if doc.OCR {
			e.Detail = "OCR found no text"
		}
		return nil, e
	}
	return doc, nil
}

// ExtractFile is [Extract] for a named file, opened with [OpenRegular].
// Errors of type [*Error] carry the path in their File field.
func ExtractFile(ctx context.Context, path string, lim Limits) (*Document, error) {
	f, size, err := OpenRegular(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	doc, err := Extract(ctx, f, size, lim)
	return doc, withFile(err, path)
}

// withFile sets the file name on an [*Error]; other errors are wrapped.
func withFile(err error, name string) error {
	if err == nil {
		return nil
	}
	if e, ok := err.(*Error); ok {
		c := *e
		c.File = name
		return &c
	}
	return fmt.Errorf("%s: %w", name, err)
}

func hasWords(s string) bool {
	letters := 0
	for _, r := range s {
		if r > ' ' && r != 0xFFFD {
			letters++
			if letters >= 3 {
				return true
			}
		}
	}
	return false
}

func truncateUTF8(s string, n int) string {
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}

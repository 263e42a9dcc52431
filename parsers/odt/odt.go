// Package odt reads the text of an OpenDocument text file (.odt, written
// by LibreOffice and by Word's "Save as ODF"). Callers use
// github.com/screener/screener/parsers, which detects the format and
// normalizes the text; this package is its ODT step.
package odt

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/xml"
	"errors"
	"io"
	"strconv"
	"strings"

	"github.com/screener/screener/parsers/internal/extract"
	"github.com/screener/screener/parsers/internal/zipread"
)

// Extract reads an OpenDocument text package: content.xml for the body
// and styles.xml for the master pages' headers and footers, streamed with
// encoding/xml under the same size and ratio limits as DOCX
// (package zipread). Headers come first and footers last, as on the page,
// and footnotes and endnotes after the body; tracked deletions, comments
// and note numbers are left out; table cells are separated by tabs, the
// cells a spanning cell covers (table:covered-table-cell) counted as empty
// ones, so the cells after it keep their columns (see [extract.Row]); link
// targets are kept after their text. A package whose manifest declares
// encrypted parts is [extract.ErrEncrypted].
func Extract(ctx context.Context, r io.ReaderAt, size int64, lim extract.Limits) (extract.Result, error) {
	parts, err := zipread.Parts(r, size)
	if err != nil {
		return extract.Result{}, err
	}
	content := parts["content.xml"]
	if content == nil {
		return extract.Result{}, &extract.Error{Err: extract.ErrUnsupported, Detail: "zip archive without content.xml (not an OpenDocument file)"}
	}
	w := &walker{lim: lim, budget: zipread.NewBudget(ctx, lim)}
	if enc, err := w.encrypted(parts["META-INF/manifest.xml"]); err != nil {
		return extract.Result{}, err
	} else if enc {
		return extract.Result{}, &extract.Error{Err: extract.ErrEncrypted, Detail: "password-protected OpenDocument file",
			Hint: "ask the candidate for an unprotected copy"}
	}
	var header, footer, body, notes strings.Builder
	if f := parts["styles.xml"]; f != nil {
		if err := w.walk(f, &body, &header, &footer, &notes); err != nil {
			return extract.Result{}, err
		}
	}
	body.Reset()
	notes.Reset()
	if err := w.walk(content, &body, &header, &footer, &notes); err != nil {
		return extract.Result{}, err
	}
	hf := extract.UniqueLines(header.String()) + extract.UniqueLines(footer.String())
	return extract.Result{
		Text:         extract.UniqueLines(header.String()) + "\n" + body.String() + "\n" + notes.String() + "\n" + extract.UniqueLines(footer.String()),
		HeaderFooter: hf,
	}, nil
}

type walker struct {
	lim    extract.Limits
	budget *zipread.Budget
}

// encrypted reports whether the manifest declares encryption data for any
// part (ODF 1.2, section 3.8: the part is then unreadable without the key).
func (w *walker) encrypted(f *zip.File) (bool, error) {
	if f == nil {
		return false, nil
	}
	rc, err := w.budget.Open(f)
	if err != nil {
		return false, err
	}
	defer rc.Close()
	b, err := io.ReadAll(rc)
	var pe *extract.Error
	if errors.As(err, &pe) {
		return false, pe
	}
	return bytes.Contains(b, []byte("encryption-data")), nil
}

// skipped elements hold no text a reader sees as the document: tracked
// changes (deleted text), comments, note numbers, drawing descriptions,
// form controls.
var skipped = map[string]bool{
	"tracked-changes": true, "annotation": true, "note-citation": true, "desc": true, "title": true,
	"forms": true, "sequence-decls": true, "variable-decls": true, "user-field-decls": true,
}

// headerFooter elements of a master page (styles.xml).
var headerFooter = map[string]bool{
	"header": true, "header-left": true, "header-first": true,
	"footer": true, "footer-left": true, "footer-first": true,
}

// walk writes the text of one XML part: the body (office:text) to body,
// notes' bodies to notes, and master-page headers and footers to header
// and footer.
func (w *walker) walk(f *zip.File, body, header, footer, notes *strings.Builder) error {
	rc, err := w.budget.Open(f)
	if err != nil {
		return err
	}
	defer rc.Close()
	dec := xml.NewDecoder(rc)
	dec.Strict = false
	var (
		out    *strings.Builder // where text goes now; nil outside text
		outer  []*strings.Builder
		skip   int // depth inside an element whose text we ignore
		inCell int // depth of open table cells: their paragraphs end in a space
		links  []link
		rows   []extract.Row // the current row of each open table, the innermost last
	)
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			var pe *extract.Error
			if errors.As(err, &pe) {
				return pe
			}
			if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
				return err
			}
			return extract.Newf(extract.ErrCorrupt, "%s: %v", f.Name, err)
		}
		if body.Len()+notes.Len() > 2*w.lim.MaxText {
			return nil // enough text; the rest is cut anyway
		}
		switch t := tok.(type) {
		case xml.StartElement:
			name := t.Name.Local
			if skip > 0 {
				skip++
				continue
			}
			if name == "covered-table-cell" {
				// A column of the spanning cell before it, or of one
				// that spans rows above; what it holds is not shown.
				if n := len(rows); n > 0 && out != nil {
					rows[n-1].Cover(repeated(t))
				}
				skip = 1
				continue
			}
			if skipped[name] {
				skip = 1
				continue
			}
			switch {
			case name == "text" && t.Name.Space == nsOffice:
				outer, out = append(outer, out), body
			case name == "note-body" && out != nil:
				outer, out = append(outer, out), notes
			case headerFooter[name] && t.Name.Space == nsStyle:
				target := header
				if strings.HasPrefix(name, "footer") {
					target = footer
				}
				outer, out = append(outer, out), target
			}
			if out == nil {
				continue
			}
			switch name {
			case "tab":
				if inCell > 0 {
					out.WriteByte(' ') // a tab is a cell boundary: inside a cell, a space
				} else {
					out.WriteByte('\t')
				}
			case "line-break":
				if inCell > 0 {
					out.WriteByte(' ') // a row stays one line, as a cell's paragraphs do
				} else {
					out.WriteByte('\n')
				}
			case "s":
				n := 1
				for _, a := range t.Attr {
					if a.Name.Local == "c" {
						n, _ = strconv.Atoi(a.Value)
					}
				}
				out.WriteString(strings.Repeat(" ", min(max(n, 1), 64)))
			case "table":
				rows = append(rows, extract.Row{})
			case "table-cell":
				inCell++
				if n := len(rows); n > 0 {
					rows[n-1].Text(out)
					if k := repeated(t); k > 1 {
						// Like cells written once for k: the other
						// k-1 are empty columns after this one.
						rows[n-1].Cover(k - 1)
					}
				}
			case "a":
				target := ""
				for _, a := range t.Attr {
					if a.Name.Local == "href" {
						target = a.Value
					}
				}
				links = append(links, link{target, out, out.Len()})
			}
		case xml.EndElement:
			name := t.Name.Local
			if skip > 0 {
				skip--
				continue
			}
			if out == nil {
				continue
			}
			switch name {
			case "p", "h":
				if inCell > 0 {
					out.WriteByte(' ')
				} else {
					out.WriteByte('\n')
				}
			case "table-cell":
				inCell = max(inCell-1, 0)
				if n := len(rows); n > 0 {
					rows[n-1].Cell(1)
				}
			case "table-row":
				if n := len(rows); n > 0 {
					rows[n-1].End(out)
				}
				out.WriteByte('\n')
			case "table":
				if n := len(rows); n > 0 {
					rows = rows[:n-1]
				}
			case "a":
				if n := len(links); n > 0 {
					l := links[n-1]
					links = links[:n-1]
					extract.WriteLink(l.sb, l.sb.String()[l.start:], l.target)
				}
			}
			switch {
			case name == "text" && t.Name.Space == nsOffice,
				name == "note-body",
				headerFooter[name] && t.Name.Space == nsStyle:
				if n := len(outer); n > 0 {
					out, outer = outer[n-1], outer[:n-1]
				}
			}
		case xml.CharData:
			if skip > 0 || out == nil {
				continue
			}
			// White space in ODF paragraphs is collapsed (ODF 1.2, 6.1.2);
			// spaces that count are written as text:s.
			out.WriteString(strings.Map(func(r rune) rune {
				if r == '\n' || r == '\r' || r == '\t' {
					return ' '
				}
				return r
			}, string(t)))
		}
	}
}

// repeated returns a cell's table:number-columns-repeated, the count of
// like cells it stands for (1 when absent, at most [extract.MaxSpan]).
func repeated(t xml.StartElement) int {
	for _, a := range t.Attr {
		if a.Name.Local == "number-columns-repeated" {
			if n, err := strconv.Atoi(strings.TrimSpace(a.Value)); err == nil {
				return min(max(n, 1), extract.MaxSpan)
			}
		}
	}
	return 1
}

// link is an open text:a: its target, and where its text starts.
type link struct {
	target string
	sb     *strings.Builder
	start  int
}

const (
	nsOffice = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
	nsStyle  = "urn:oasis:names:tc:opendocument:xmlns:style:1.0"
)

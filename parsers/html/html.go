// Package html reads the text of an HTML page: a resume saved as a web
// page by a word processor or from a profile site, or a job posting.
// Callers use github.com/screener/screener/parsers, which detects the
// format and normalizes the text; this package is its HTML step.
package html

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/url"
	"slices"
	"strings"
	"unicode/utf8"

	xhtml "golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"

	"github.com/screener/screener/parsers/internal/extract"
)

// Extract returns the text of the HTML page of the given size in r, read
// with golang.org/x/net/html's tokenizer (streaming: no tree is built, so
// deep nesting costs nothing). Scripts, styles, templates, SVG, forms'
// option lists and the head are dropped; block elements (paragraphs,
// headings, list items, divisions, table rows) become lines and table
// cells are separated by tabs, as for DOCX (see [extract.Row]: a cell
// spanning n columns is followed by n-1 tabs more); a link's absolute target is
// kept after its text unless the text shows it. The character set comes
// from a byte-order mark or a <meta> declaration, else UTF-8 when the bytes
// are valid UTF-8, else Windows-1252. Text inside a <div title="header"> or
// "footer" (how LibreOffice writes page headers and footers) is also
// returned as HeaderFooter.
func Extract(ctx context.Context, r io.ReaderAt, size int64, lim extract.Limits) (extract.Result, error) {
	b := make([]byte, size)
	if _, err := r.ReadAt(b, 0); err != nil && err != io.EOF {
		return extract.Result{}, fmt.Errorf("read: %w", err)
	}
	b, err := decode(b)
	if err != nil {
		return extract.Result{}, extract.Newf(extract.ErrCorrupt, "character set: %v", err)
	}
	w := walker{lim: lim}
	if err := w.walk(ctx, xhtml.NewTokenizer(bytes.NewReader(b))); err != nil {
		return extract.Result{}, err
	}
	return extract.Result{Text: w.out.String(), HeaderFooter: w.hf.String()}, nil
}

// decode converts b to UTF-8.
func decode(b []byte) ([]byte, error) {
	enc, name, certain := charset.DetermineEncoding(b, "")
	switch {
	case name == "utf-8":
		return b, nil
	case !certain && utf8.Valid(b):
		// No byte-order mark; a <meta> that names a single-byte set on a
		// page that is valid UTF-8 is almost always mislabelled.
		return b, nil
	case enc == encoding.Nop:
		return b, nil
	}
	return enc.NewDecoder().Bytes(b)
}

// dropped elements lose their content: it is not text a reader sees.
var dropped = map[atom.Atom]bool{
	atom.Head: true, atom.Title: true, atom.Script: true, atom.Style: true, atom.Template: true,
	atom.Noscript: true, atom.Svg: true, atom.Math: true, atom.Select: true, atom.Textarea: true,
	atom.Iframe: true, atom.Object: true, atom.Canvas: true, atom.Audio: true, atom.Video: true,
}

// blocks start and end a line.
var blocks = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.Li: true, atom.Ul: true, atom.Ol: true, atom.Dl: true,
	atom.Dt: true, atom.Dd: true, atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true,
	atom.H5: true, atom.H6: true, atom.Table: true, atom.Tr: true, atom.Caption: true,
	atom.Thead: true, atom.Tbody: true, atom.Tfoot: true, atom.Section: true, atom.Article: true,
	atom.Header: true, atom.Footer: true, atom.Nav: true, atom.Aside: true, atom.Main: true,
	atom.Blockquote: true, atom.Pre: true, atom.Address: true, atom.Figure: true,
	atom.Figcaption: true, atom.Hr: true, atom.Form: true, atom.Fieldset: true, atom.Legend: true,
	atom.Details: true, atom.Summary: true, atom.Center: true, atom.Body: true, atom.Html: true,
}

type walker struct {
	lim       extract.Limits
	out       strings.Builder
	hf        strings.Builder
	drop      atom.Atom // the element whose content is being dropped; 0 if none
	dropDepth int       // its nesting depth
	pre       int       // depth of open <pre> elements: their white space is kept
	tables    []table   // the open <table> elements, the innermost last
	link      string    // target of the open <a>, if absolute
	linkStart int       // where its text starts in out
	hfDepth   int       // depth of <div> elements inside a header or footer division; 0 outside
	hfStart   int       // where that division's text starts in out
}

func (w *walker) walk(ctx context.Context, z *xhtml.Tokenizer) error {
	for n := 0; ; n++ {
		if n%4096 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		if w.out.Len() > 2*w.lim.MaxText {
			return nil // enough text; the rest is cut anyway
		}
		tt := z.Next()
		switch tt {
		case xhtml.ErrorToken:
			if err := z.Err(); err != io.EOF {
				return extract.Newf(extract.ErrCorrupt, "html: %v", err)
			}
			w.endLink()
			return nil
		case xhtml.TextToken:
			if w.drop == 0 {
				w.text(z.Text())
			}
		case xhtml.StartTagToken, xhtml.SelfClosingTagToken:
			name, hasAttr := z.TagName()
			a := atom.Lookup(name)
			if w.drop != 0 {
				if a == w.drop && tt == xhtml.StartTagToken {
					w.dropDepth++
				}
				continue
			}
			var attrs map[string]string
			if hasAttr {
				attrs = attributes(z)
			}
			w.start(a, attrs, tt == xhtml.SelfClosingTagToken)
		case xhtml.EndTagToken:
			name, _ := z.TagName()
			a := atom.Lookup(name)
			if w.drop != 0 {
				if a == w.drop {
					if w.dropDepth--; w.dropDepth == 0 {
						w.drop = 0
					}
				}
				continue
			}
			w.end(a)
		}
	}
}

func attributes(z *xhtml.Tokenizer) map[string]string {
	m := map[string]string{}
	for {
		k, v, more := z.TagAttr()
		if len(m) < 64 {
			m[string(k)] = string(v)
		}
		if !more {
			return m
		}
	}
}

func (w *walker) start(a atom.Atom, attrs map[string]string, selfClosing bool) {
	switch {
	case dropped[a]:
		if !selfClosing {
			w.drop, w.dropDepth = a, 1
		}
		return
	case a == atom.Br:
		if w.inCell(len(w.tables)) {
			w.out.WriteByte(' ') // a row stays one line (see breakBlock)
		} else {
			w.out.WriteByte('\n')
		}
		return
	case a == atom.Pre:
		w.pre++
	case a == atom.Table:
		if len(w.tables) < maxTables {
			w.tables = append(w.tables, table{})
		}
	case a == atom.Td, a == atom.Th:
		w.startCell(colspan(attrs["colspan"]))
	case a == atom.Tr, a == atom.Thead, a == atom.Tbody, a == atom.Tfoot:
		w.endRow() // a row ends where the next begins, end tag or not
	case a == atom.A:
		w.endLink() // <a> does not nest
		w.link, w.linkStart = absolute(attrs["href"]), w.out.Len()
	}
	if a == atom.Div {
		switch {
		case w.hfDepth > 0:
			w.hfDepth++
		case attrs["title"] == "header" || attrs["title"] == "footer":
			w.hfDepth, w.hfStart = 1, w.out.Len()
		}
	}
	if blocks[a] {
		w.breakBlock()
	}
}

func (w *walker) end(a atom.Atom) {
	switch a {
	case atom.Td, atom.Th:
		w.endCell()
	case atom.Tr, atom.Thead, atom.Tbody, atom.Tfoot:
		w.endRow()
	case atom.Table:
		w.endRow()
		if n := len(w.tables); n > 0 {
			w.tables = w.tables[:n-1]
		}
	case atom.Pre:
		w.pre = max(w.pre-1, 0)
	case atom.A:
		w.endLink()
	}
	if blocks[a] {
		w.breakBlock()
	}
	if a == atom.Div && w.hfDepth > 0 {
		if w.hfDepth--; w.hfDepth == 0 {
			w.hf.WriteString(extract.TrimLines(w.out.String()[w.hfStart:]) + "\n")
		}
	}
}

// text writes a text node; outside <pre>, runs of white space (line breaks
// included) are one space, as a browser shows them.
func (w *walker) text(t []byte) {
	if w.pre > 0 && w.inCell(len(w.tables)) {
		// Preformatted text in a table's cell: its line breaks and tabs
		// would end the row or the cell.
		w.out.WriteString(strings.Map(func(r rune) rune {
			if r == '\n' || r == '\t' || r == '\r' {
				return ' '
			}
			return r
		}, string(t)))
		return
	}
	if w.pre > 0 {
		w.out.Write(t)
		return
	}
	// White space at the start of a line is dropped, as a browser does.
	prev := w.out.Len() == 0 || strings.HasSuffix(w.out.String(), "\n")
	for _, c := range t {
		switch {
		case !isSpace(c):
			w.out.WriteByte(c)
			prev = false
		case !prev:
			w.out.WriteByte(' ')
			prev = true
		}
	}
}

func isSpace(c byte) bool { return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' }

// breakBlock ends a line at a block's edge; inside a table cell, where a
// row must stay one line, it writes a space instead (as for DOCX).
func (w *walker) breakBlock() {
	if w.inCell(len(w.tables)) {
		w.out.WriteByte(' ')
		return
	}
	w.newline()
}

// table is an open <table>: its current row, and whether a cell of that
// row is open and how many columns it spans.
type table struct {
	row  extract.Row
	open bool
	span int
}

// inCell reports whether a cell is open in one of the outermost n tables.
func (w *walker) inCell(n int) bool {
	return slices.ContainsFunc(w.tables[:n], func(t table) bool { return t.open })
}

// startCell opens a cell of the innermost table's row that spans span
// columns, closing the open one: a cell ends where the next begins, end
// tag or not. A table inside another's cell gives its cells a space
// apart, as a tab typed in a cell is a space.
func (w *walker) startCell(span int) {
	n := len(w.tables)
	if n == 0 {
		return
	}
	w.endCell()
	t := &w.tables[n-1]
	t.open, t.span = true, span
	if w.inCell(n - 1) {
		t.row = extract.Row{}
		w.out.WriteByte(' ')
		return
	}
	t.row.Text(&w.out)
}

// endCell closes the open cell of the innermost table's row, if any.
func (w *walker) endCell() {
	if n := len(w.tables); n > 0 && w.tables[n-1].open {
		t := &w.tables[n-1]
		t.row.Cell(t.span)
		t.open = false
	}
}

// endRow closes the innermost table's row, writing the tabs of its last
// cells when they are empty or span columns (see [extract.Row]).
func (w *walker) endRow() {
	n := len(w.tables)
	if n == 0 {
		return
	}
	w.endCell()
	if w.inCell(n - 1) {
		w.tables[n-1].row = extract.Row{}
		return
	}
	w.tables[n-1].row.End(&w.out)
}

// colspan reads a cell's colspan attribute as a browser does: the digits
// it starts with, 1 when there are none or they make 0.
func colspan(v string) int {
	v = strings.TrimLeft(v, " \t\n\f\r")
	n := 0
	for i := 0; i < len(v) && v[i] >= '0' && v[i] <= '9' && n <= extract.MaxSpan; i++ {
		n = 10*n + int(v[i]-'0')
	}
	return max(n, 1)
}

// maxTables bounds the tables tracked one inside another; deeper ones are
// read as part of the deepest.
const maxTables = 64

func (w *walker) newline() {
	if s := w.out.String(); s != "" && s[len(s)-1] != '\n' {
		w.out.WriteByte('\n')
	}
}

func (w *walker) endLink() {
	if w.link != "" {
		extract.WriteLink(&w.out, w.out.String()[w.linkStart:], w.link)
	}
	w.link = ""
}

// absolute returns href if it is a link a reader can follow from the text
// (http, https, mailto, tel), else "".
func absolute(href string) string {
	u, err := url.Parse(strings.TrimSpace(href))
	if err != nil {
		return ""
	}
	switch strings.ToLower(u.Scheme) {
	case "http", "https":
		return u.String()
	case "mailto", "tel":
		return strings.ToLower(u.Scheme) + ":" + u.Opaque
	}
	return ""
}

// Package rtf reads the text of a Rich Text Format document. Callers use
// github.com/screener/screener/parsers, which detects the format and
// normalizes the text; this package is its RTF step.
package rtf

import (
	"context"
	"fmt"
	"io"
	"regexp"
	"strings"
	"unicode/utf16"

	"github.com/screener/screener/parsers/internal/extract"
)

// MaxDepth bounds the nesting of groups. Word and LibreOffice stay under
// 20 levels; a file nested deeper than this is malformed or hostile, and
// is reported as [extract.ErrCorrupt] rather than followed.
const MaxDepth = 256

// Extract returns the text of the RTF document of the given size in r.
//
// A tokenizer reads groups, control words and text. Text in 8-bit form
// (\'hh escapes and raw bytes) is decoded with the code page of the current
// font's \fcharset, else the document's \ansicpg (Windows-1252 by
// default), multi-byte Asian code pages included; \uN escapes give Unicode
// directly and their \ucN fallback characters are skipped. Destinations
// that are not text (font, colour and style tables, pictures, objects'
// data, document information, field instructions and every unknown \*
// destination) are skipped; headers and footers are kept (header first,
// footer last, also returned as HeaderFooter), footnotes after the body,
// text boxes in place; a hyperlink field's target is kept after its text,
// as for DOCX. Table cells are separated by tabs and rows end lines, a
// row's empty first and last cells tabs too (see [extract.Row]);
// revision-deleted text is left out.
func Extract(ctx context.Context, r io.ReaderAt, size int64, lim extract.Limits) (extract.Result, error) {
	data := make([]byte, size)
	if _, err := r.ReadAt(data, 0); err != nil && err != io.EOF {
		return extract.Result{}, fmt.Errorf("read: %w", err)
	}
	p := &parser{data: data, lim: lim, ctx: ctx, fonts: map[int]int{}, codepage: 1252}
	if err := p.run(); err != nil {
		return extract.Result{}, err
	}
	header, footer := extract.UniqueLines(p.header.String()), extract.UniqueLines(p.footer.String())
	return extract.Result{
		Text:         header + "\n" + p.body.String() + "\n" + p.notes.String() + "\n" + footer,
		HeaderFooter: header + footer,
	}, nil
}

// state is what a group inherits from its parent and restores on exit.
type state struct {
	skip     bool             // text here is not part of the document
	out      *strings.Builder // where text goes
	uc       int              // fallback characters after \uN
	font     int              // current font (\fN), for its code page
	deleted  bool             // revision-deleted text (\deleted)
	inTable  bool             // paragraph in a table (\intbl): \par is a space
	field    *field           // the field whose group this is, if any
	fldinst  bool             // inside a field instruction
	expected string           // the destination this group announced with \*, if any
}

// field is an open \field group: its instruction, and where its result
// starts in the output.
type field struct {
	inst  strings.Builder
	out   *strings.Builder
	start int
}

type parser struct {
	data []byte
	pos  int
	lim  extract.Limits
	ctx  context.Context

	body, header, footer, notes strings.Builder

	st       state
	stack    []state
	codepage int         // \ansicpg
	fonts    map[int]int // font number to its \fcharset's code page
	inFonts  int         // depth of the font table's group; 0 outside
	fontNum  int         // font being defined in the font table
	pending  []byte      // 8-bit text not yet decoded
	pendCP   int         // the code page pending bytes are in
	skipFB   int         // fallback characters still to skip after \uN
	surr     rune        // a high surrogate waiting for its pair
	steps    int
	row      extract.Row // the table row being read
}

var hyperlink = regexp.MustCompile(`HYPERLINK\s+(?:\\l\s+)?"([^"]+)"`)

func (p *parser) run() error {
	p.st = state{out: &p.body, uc: 1}
	for p.pos < len(p.data) {
		if p.steps++; p.steps%8192 == 0 {
			if err := p.ctx.Err(); err != nil {
				return err
			}
		}
		if p.body.Len()+p.notes.Len() > 2*p.lim.MaxText {
			break // enough text; the rest is cut anyway
		}
		c := p.data[p.pos]
		switch c {
		case '{':
			p.pos++
			p.flush()
			p.skipFB = 0
			if len(p.stack) >= MaxDepth {
				return extract.Newf(extract.ErrCorrupt, "RTF groups nested deeper than %d", MaxDepth)
			}
			p.stack = append(p.stack, p.st)
			p.st.expected = ""
			if p.inFonts > 0 {
				p.inFonts++
			}
		case '}':
			p.pos++
			p.flush()
			p.skipFB = 0
			p.endGroup()
		case '\\':
			if err := p.control(); err != nil {
				return err
			}
		case '\r', '\n':
			p.pos++
		default:
			if p.skipFB > 0 {
				p.pos++
				p.skipFB--
				continue
			}
			if c >= 0x80 {
				p.pos++
				p.byteText(c)
				continue
			}
			// A run of plain text, written at once.
			end := p.pos + 1
			for end < len(p.data) && p.data[end] >= 0x20 && p.data[end] < 0x80 && p.data[end] != '\\' && p.data[end] != '{' && p.data[end] != '}' {
				end++
			}
			p.text(string(p.data[p.pos:end]))
			p.pos = end
		}
	}
	p.flush()
	for len(p.stack) > 0 { // a truncated file: close what is open
		p.endGroup()
	}
	return nil
}

func (p *parser) endGroup() {
	n := len(p.stack)
	if n == 0 {
		return // an unbalanced brace
	}
	closing := p.st
	p.st, p.stack = p.stack[n-1], p.stack[:n-1]
	if p.inFonts > 0 {
		p.inFonts--
	}
	if f := closing.field; f != nil && f != p.st.field {
		if m := hyperlink.FindStringSubmatch(f.inst.String()); m != nil && f.start <= f.out.Len() {
			extract.WriteLink(f.out, f.out.String()[f.start:], m[1])
		}
	}
}

// control reads one control word or symbol at p.pos (a backslash).
func (p *parser) control() error {
	p.pos++
	if p.pos >= len(p.data) {
		return nil
	}
	c := p.data[p.pos]
	if !isLetter(c) {
		p.pos++
		return p.symbol(c)
	}
	start := p.pos
	for p.pos < len(p.data) && isLetter(p.data[p.pos]) && p.pos-start < 32 {
		p.pos++
	}
	word := string(p.data[start:p.pos])
	arg, hasArg := 0, false
	neg := false
	if p.pos < len(p.data) && p.data[p.pos] == '-' {
		neg = true
		p.pos++
	}
	for digits := 0; p.pos < len(p.data) && p.data[p.pos] >= '0' && p.data[p.pos] <= '9' && digits < 10; digits++ {
		arg = arg*10 + int(p.data[p.pos]-'0')
		hasArg = true
		p.pos++
	}
	if neg {
		arg = -arg
	}
	if p.pos < len(p.data) && p.data[p.pos] == ' ' {
		p.pos++ // the delimiter belongs to the word
	}
	return p.word(word, arg, hasArg)
}

func isLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

// symbol handles a control symbol: a backslash and one non-letter.
func (p *parser) symbol(c byte) error {
	switch c {
	case '\'':
		if p.pos+2 > len(p.data) {
			p.pos = len(p.data)
			return nil
		}
		b, ok := hexByte(p.data[p.pos], p.data[p.pos+1])
		p.pos += 2
		if !ok {
			return nil
		}
		if p.skipFB > 0 {
			p.skipFB--
			return nil
		}
		p.byteText(b)
	case '*':
		p.st.expected = "*"
	case '~':
		p.text("\u00a0")
	case '_':
		p.text("\u2011")
	case '-':
		// optional hyphen: invisible unless the line breaks there
	case '\\', '{', '}':
		if p.skipFB > 0 {
			p.skipFB--
			return nil
		}
		p.text(string(rune(c)))
	case '\n', '\r':
		p.text("\n") // \<newline> is \par
	case '\t':
		p.tab()
	}
	return nil
}

func hexByte(a, b byte) (byte, bool) {
	h, ok1 := hexDigit(a)
	l, ok2 := hexDigit(b)
	return h<<4 | l, ok1 && ok2
}

func hexDigit(c byte) (byte, bool) {
	switch {
	case c >= '0' && c <= '9':
		return c - '0', true
	case c >= 'a' && c <= 'f':
		return c - 'a' + 10, true
	case c >= 'A' && c <= 'F':
		return c - 'A' + 10, true
	}
	return 0, false
}

// skippedDestinations hold no document text, with or without \*.
var skippedDestinations = map[string]bool{
	"fonttbl":  false, // read for code pages, see word
	"colortbl": true, "stylesheet": true, "info": true, "pict": true, "objdata": true,
	"themedata": true, "colorschememapping": true, "datastore": true, "latentstyles": true,
	"listtable": true, "listoverridetable": true, "revtbl": true, "rsidtbl": true, "generator": true,
	"xmlnstbl": true, "filetbl": true, "pgdsctbl": true, "nonshppict": true, "shprslt": true,
	"sp": true, "fldinst": false, // collected, see word
	"bkmkstart": true, "bkmkend": true, "comment": true, "annotation": true, "atnid": true,
	"atnauthor": true, "atndate": true, "atnref": true, "listtext": true, "pntext": true, "pntxta": true,
	"pntxtb": true, "ftnsep": true, "ftnsepc": true, "ftncn": true, "aftnsep": true, "aftnsepc": true,
	"aftncn": true, "template": true, "docvar": true, "userprops": true, "mmathPr": true, "xe": true, "tc": true,
	"upr":    true, // the 8-bit copy of \ud
	"header": false, "headerl": false, "headerr": false, "headerf": false,
	"footer": false, "footerl": false, "footerr": false, "footerf": false, "footnote": false,
	"field": false, "fldrslt": false, "shp": false, "shpinst": false, "shptxt": false, "ud": false,
	"object": false, "result": false, "shpgrp": false,
}

// word handles a control word.
func (p *parser) word(w string, arg int, hasArg bool) error {
	expected := p.st.expected
	p.st.expected = ""
	if known, ok := skippedDestinations[w]; ok {
		p.flush()
		switch {
		case known:
			p.st.skip = true
		case w == "fonttbl":
			p.inFonts = 1
			p.st.skip = true
		case w == "fldinst":
			p.st.fldinst = true
			p.st.skip = true
		case w == "ud":
			p.st.skip = len(p.stack) >= 2 && p.stack[len(p.stack)-2].skip
		case w == "header" || w == "headerl" || w == "headerr" || w == "headerf":
			p.st.out = &p.header
			p.st.inTable = false
		case w == "footer" || w == "footerl" || w == "footerr" || w == "footerf":
			p.st.out = &p.footer
			p.st.inTable = false
		case w == "footnote":
			p.st.out = &p.notes
			p.st.inTable = false
			p.notes.WriteByte('\n')
		case w == "field":
			p.st.field = &field{out: p.st.out}
		case w == "fldrslt":
			if f := p.st.field; f != nil {
				f.out, f.start = p.st.out, p.st.out.Len()
			}
		}
		return nil
	}
	if expected == "*" {
		// An unknown destination marked ignorable.
		p.flush()
		p.st.skip = true
		return nil
	}
	if p.skipFB > 0 && w != "u" {
		p.skipFB--
		return nil
	}
	switch w {
	case "f":
		if p.inFonts > 0 {
			p.fontNum = arg
		} else {
			p.st.font = arg
		}
	case "fcharset":
		if p.inFonts > 0 {
			if cp, ok := charsetCodePage[arg]; ok {
				p.fonts[p.fontNum] = cp
			}
		}
	case "ansicpg":
		if hasArg {
			p.codepage = arg
		}
	case "mac":
		p.codepage = 10000
	case "pc":
		p.codepage = 437
	case "pca":
		p.codepage = 850
	case "uc":
		if hasArg && arg >= 0 && arg < 16 {
			p.st.uc = arg
		}
	case "u":
		p.flush()
		if arg < 0 {
			arg += 65536
		}
		p.unicode(rune(arg))
		p.skipFB = p.st.uc
	case "bin":
		p.flush()
		if hasArg && arg > 0 {
			p.pos = min(p.pos+arg, len(p.data))
		}
	case "par", "line", "sect", "page", "column":
		if (w == "par" || w == "line") && p.st.inTable {
			p.text(" ")
		} else {
			p.text("\n")
		}
	case "tab":
		p.tab()
	case "cell":
		p.flush()
		p.row.Cell(1)
	case "row":
		var tabs strings.Builder
		p.row.End(&tabs)
		p.text(tabs.String() + "\n")
	case "nestcell", "nestrow":
		p.text(" ") // a table inside a cell: its cells a space apart, as a tab typed in a cell is
	case "intbl":
		p.st.inTable = true
	case "pard":
		p.st.inTable = false
	case "deleted":
		p.st.deleted = !hasArg || arg != 0
	case "plain":
		p.st.deleted = false
	case "emdash":
		p.text("—")
	case "endash":
		p.text("–")
	case "bullet":
		p.text("•")
	case "lquote":
		p.text("‘")
	case "rquote":
		p.text("’")
	case "ldblquote":
		p.text("“")
	case "rdblquote":
		p.text("”")
	case "emspace", "enspace", "qmspace":
		p.text(" ")
	}
	return nil
}

// tab writes a tab, which is a cell boundary: inside a table's cell
// (\intbl), a space.
func (p *parser) tab() {
	if p.st.inTable {
		p.text(" ")
	} else {
		p.text("\t")
	}
}

// text writes text produced by a control word.
func (p *parser) text(s string) {
	p.flush()
	p.write(s)
}

// write sends decoded text to the current destination.
func (p *parser) write(s string) {
	if p.surr != 0 {
		p.surr = 0
		p.emit("\ufffd")
	}
	p.emit(s)
}

func (p *parser) emit(s string) {
	switch {
	case p.st.fldinst:
		if f := p.st.field; f != nil && f.inst.Len() < 4096 {
			f.inst.WriteString(s)
		}
	case p.st.skip, p.st.deleted:
	default:
		if strings.Trim(s, " ") != "" {
			p.row.Text(p.st.out) // the tabs before a cell's text, where it has any
		}
		p.st.out.WriteString(s)
	}
}

// unicode writes a \uN character, pairing UTF-16 surrogates.
func (p *parser) unicode(r rune) {
	switch {
	case utf16.IsSurrogate(r) && r < 0xDC00:
		if p.surr != 0 {
			p.emit("\ufffd")
		}
		p.surr = r
	case utf16.IsSurrogate(r):
		if p.surr != 0 {
			p.emit(string(utf16.DecodeRune(p.surr, r)))
			p.surr = 0
		} else {
			p.emit("\ufffd")
		}
	default:
		p.write(string(r))
	}
}

// byteText queues one byte of 8-bit text in the current font's code page.
func (p *parser) byteText(b byte) {
	cp := p.codepage
	if fcp, ok := p.fonts[p.st.font]; ok && fcp != 0 {
		cp = fcp
	}
	if len(p.pending) > 0 && cp != p.pendCP {
		p.flush()
	}
	p.pendCP = cp
	p.pending = append(p.pending, b)
}

// flush decodes the queued 8-bit text.
func (p *parser) flush() {
	if len(p.pending) == 0 {
		return
	}
	s := decode(p.pending, p.pendCP)
	p.pending = p.pending[:0]
	p.write(s)
}

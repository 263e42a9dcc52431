// Package pdf reads the text of a PDF: our own positioned-text pass over
// each page's content stream, on top of github.com/ledongthuc/pdf's object
// layer (cross-reference table, objects, stream filters). Words are rebuilt
// from glyph positions, lines from baselines and columns from gutters, so
// text from TeX (which draws no spaces), two-column layouts and ligatures
// reads as a person would read it. Glyphs become text through the font's
// ToUnicode map, its encoding and glyph names, or, for CJK fonts without a
// ToUnicode map, Adobe's CID table for the font's character collection
// (embedded; see cmaps/README.md). Encrypted files that need no user
// password are decrypted by our own code (see decryptPDF), not by the
// object layer.
//
// Callers use github.com/screener/screener/parsers, which detects the
// format and normalizes the text; this package is its PDF step.
package pdf

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"math"
	"strings"

	"github.com/ledongthuc/pdf"

	"github.com/screener/screener/parsers/internal/extract"
)

// Extract returns the text of the PDF of the given size in r. It opens the
// file with github.com/ledongthuc/pdf for its object layer (xref, objects,
// stream filters), decrypting it first with our own code when the trailer
// names an /Encrypt dictionary (see decryptPDF), and runs our own
// positioned-text pass over each page: see [textPass] and [layoutPage].
// Errors are [*extract.Error] values, or ctx's error.
func Extract(ctx context.Context, r io.ReaderAt, size int64, lim extract.Limits) (extract.Result, error) {
	// The file is read once, whole: the object layer reads each object
	// and stream it resolves with a read of its own (a system call each,
	// on a file), and a resume is small (MaxBytes bounds it).
	whole := make([]byte, size)
	n, err := r.ReadAt(whole, 0)
	if err != nil && err != io.EOF {
		return extract.Result{}, fmt.Errorf("read: %w", err)
	}
	ra, size, tail := tolerantPDF(bytes.NewReader(whole[:n]), int64(n))
	if err := checkObjectStreams(ra, size, tail); err != nil {
		return extract.Result{}, err
	}
	if isEncrypted(tail) {
		// Our own decryption (see decryptPDF) works on the whole file.
		data := make([]byte, size)
		if _, err := ra.ReadAt(data, 0); err != nil && err != io.EOF {
			return extract.Result{}, fmt.Errorf("read: %w", err)
		}
		plain, err := decryptPDF(data)
		if err != nil {
			return extract.Result{}, err
		}
		ra = bytes.NewReader(plain)
	} else {
		ra, size, _ = flattenObjectStreams(ra, size, tail, int64(lim.MaxUncompressed))
	}
	rd, err := openPDF(ra, size)
	if err != nil {
		return extract.Result{}, err
	}
	pages, err := collectPages(rd, lim)
	if err != nil {
		return extract.Result{}, err
	}
	var sb strings.Builder
	var pageTexts, title []string
	budget := int64(lim.MaxUncompressed)
	fonts := map[objRef]*pdfFont{}
	// The passes over the pages share their lexers and, one page after the
	// other, the memory of their glyphs.
	glyphs := make([]glyph, 0, 4096) // a page of a resume has a few thousand
	var lexers []*lexer
	var cmaps *lexer
	streams := &inflaters{file: ra}
	// A page is written once the next is read: the rows of a table that
	// goes on at the top of the next page are its own (see
	// continuedTable).
	// Pages are parted by a blank line, but for a paragraph that runs on
	// from one to the next (see runsOn).
	var pending, written []*chunk
	cut := false
	flush := func() {
		var page strings.Builder
		layoutPage(&page, pending)
		text := page.String()
		if n := len(pageTexts); n > 0 {
			if runsOn(written, pending, pageTexts[n-1], text) {
				sb.WriteByte('\n')
			} else {
				sb.WriteString("\n\n")
			}
		}
		sb.WriteString(text)
		pageTexts = append(pageTexts, text)
		written = pending
	}
	for i, page := range pages {
		if err := ctx.Err(); err != nil {
			return extract.Result{}, err
		}
		tp := &textPass{lim: lim, budget: &budget, fonts: map[fontKey]*pdfFont{}, docFonts: fonts, glyphs: glyphs[:0], lexers: lexers, cmaps: cmaps, streams: streams}
		if err := tp.page(page); err != nil {
			return extract.Result{}, err
		}
		glyphs, lexers, cmaps = tp.glyphs, tp.lexers, tp.cmaps
		chunks := pageChunks(tp.glyphs)
		if i == 0 {
			title = titleOf(chunks)
			pending = chunks
			continue
		}
		moved, rest := continuedTable(pending, chunks)
		pending = append(pending, moved...)
		if len(moved) > 0 && len(rest) == 0 {
			continue // the table fills the page and may go on
		}
		flush()
		pending = rest
		if sb.Len() > 2*lim.MaxText {
			cut = true
			break
		}
	}
	if len(pages) > 0 && !cut {
		flush()
	}
	return extract.Result{Text: sb.String(), HeaderFooter: repeatedMargins(pageTexts), Title: strings.Join(title, "\n"), Pages: len(pages)}, nil
}

// repeatedMargins finds page headers and footers: lines among the first or
// last two of a page that recur, digits aside ("Page 2 of 3"), on at least
// two pages and half of them. It returns each once, in page order.
func repeatedMargins(pages []string) string {
	if len(pages) < 2 {
		return ""
	}
	shape := func(line string) string {
		return strings.Map(func(r rune) rune {
			if r >= '0' && r <= '9' {
				return '#'
			}
			return r
		}, strings.TrimSpace(line))
	}
	count := map[string]int{}
	first := map[string]string{}
	var order []string
	for _, p := range pages {
		var lines []string
		for _, l := range strings.Split(p, "\n") {
			if strings.TrimSpace(l) != "" {
				lines = append(lines, l)
			}
		}
		seen := map[string]bool{}
		for i, l := range lines {
			if i >= 2 && i < len(lines)-2 {
				continue
			}
			k := shape(l)
			if seen[k] {
				continue
			}
			seen[k] = true
			if count[k]++; count[k] == 1 {
				first[k] = strings.TrimSpace(l)
				order = append(order, k)
			}
		}
	}
	var out []string
	for _, k := range order {
		if count[k] >= 2 && 2*count[k] >= len(pages) {
			out = append(out, first[k])
		}
	}
	return strings.Join(out, "\n")
}

// tolerantPDF hides two harmless deviations that the object layer rejects:
// a "%PDF-2.0" (or other non-1.x) header, and bytes after the last %%EOF.
// It also returns the file's last 64 KiB, where the trailer is.
func tolerantPDF(r io.ReaderAt, size int64) (io.ReaderAt, int64, []byte) {
	head := make([]byte, 9)
	r.ReadAt(head, 0)
	var patch []byte
	if bytes.HasPrefix(head, []byte("%PDF-")) && !(head[5] == '1' && head[6] == '.' && head[7] >= '0' && head[7] <= '7' && (head[8] == '\n' || head[8] == '\r')) {
		patch = []byte("%PDF-1.7\n")
	}
	tailLen := min(size, 64<<10)
	tail := make([]byte, tailLen)
	r.ReadAt(tail, size-tailLen)
	if i := bytes.LastIndex(tail, []byte("%%EOF")); i >= 0 {
		size = size - tailLen + int64(i) + 5
		tail = tail[:i+5]
	}
	return patchedReader{r, patch}, size, tail
}

type patchedReader struct {
	r     io.ReaderAt
	patch []byte // replaces the first len(patch) bytes
}

func (p patchedReader) ReadAt(b []byte, off int64) (int, error) {
	n, err := p.r.ReadAt(b, off)
	for i := int64(0); i < int64(n) && off+i < int64(len(p.patch)); i++ {
		b[i] = p.patch[off+i]
	}
	return n, err
}

func openPDF(r io.ReaderAt, size int64) (rd *pdf.Reader, err error) {
	defer func() {
		if p := recover(); p != nil {
			rd, err = nil, extract.Newf(extract.ErrCorrupt, "%v", p)
		}
	}()
	rd, err = pdf.NewReaderEncrypted(r, size, nil)
	if err == nil {
		return rd, nil
	}
	msg := err.Error()
	switch {
	case errors.Is(err, pdf.ErrInvalidPassword):
		return nil, &extract.Error{Err: extract.ErrEncrypted, Detail: "needs a user password", Hint: "ask the candidate for an unprotected copy"}
	case strings.Contains(msg, "encryption") || strings.Contains(msg, "-bit encryption key"):
		return nil, &extract.Error{Err: extract.ErrEncrypted, Detail: strings.TrimPrefix(strings.TrimPrefix(msg, "unsupported PDF: "), "malformed PDF: ") + " is not supported",
			Hint: "print it to a new PDF without protection"}
	}
	return nil, extract.Newf(extract.ErrCorrupt, "%s", msg)
}

// collectPages walks the page tree depth-first. The walk is bounded in depth
// and in the number of nodes visited, so a tree that points at itself or
// claims a false count ends with an error instead of looping.
func collectPages(rd *pdf.Reader, lim extract.Limits) (pages []pdf.Value, err error) {
	defer func() {
		if p := recover(); p != nil {
			pages, err = nil, extract.Newf(extract.ErrCorrupt, "page tree: %v", p)
		}
	}()
	root := rd.Trailer().Key("Root").Key("Pages")
	visited := 0
	var walk func(node pdf.Value, depth int) error
	walk = func(node pdf.Value, depth int) error {
		visited++
		if depth > 32 || visited > 4*lim.MaxPages+64 {
			return extract.Newf(extract.ErrCorrupt, "page tree is cyclic or too deep")
		}
		kids := node.Key("Kids")
		if node.Key("Type").Name() == "Page" || (kids.Kind() != pdf.Array && node.Key("Contents").Kind() != pdf.Null) {
			pages = append(pages, node)
			if len(pages) > lim.MaxPages {
				return extract.Newf(extract.ErrTooLarge, "more than %d pages", lim.MaxPages)
			}
			return nil
		}
		for i := 0; i < kids.Len(); i++ {
			if err := walk(kids.Index(i), depth+1); err != nil {
				return err
			}
		}
		return nil
	}
	if err := walk(root, 0); err != nil {
		return nil, err
	}
	if len(pages) == 0 {
		return nil, extract.Newf(extract.ErrCorrupt, "no pages")
	}
	return pages, nil
}

// inherited looks key up on the page and its ancestors (bounded).
func inherited(page pdf.Value, key string) pdf.Value {
	for i := 0; i < 32 && page.Kind() == pdf.Dict; i++ {
		if v := page.Key(key); v.Kind() != pdf.Null {
			return v
		}
		page = page.Key("Parent")
	}
	return pdf.Value{}
}

// matrix is an affine transform [a b c d e f] as in the PDF spec.
type matrix [6]float64

var identity = matrix{1, 0, 0, 1, 0, 0}

func (m matrix) mul(n matrix) matrix {
	return matrix{
		m[0]*n[0] + m[1]*n[2], m[0]*n[1] + m[1]*n[3],
		m[2]*n[0] + m[3]*n[2], m[2]*n[1] + m[3]*n[3],
		m[4]*n[0] + m[5]*n[2] + n[4], m[4]*n[1] + m[5]*n[3] + n[5],
	}
}

// glyph is one shown character code in user space.
type glyph struct {
	x0, x1, y float64 // start and end of the advance along the baseline, baseline height
	size      float64 // font size in user space
	text      string
}

type gstate struct {
	ctm                      matrix
	font                     *pdfFont
	fs, tc, tw, th, tl, rise float64
}

// textPass interprets a page's content stream (and the form XObjects it
// draws) just far enough to place every glyph: graphics state, text state,
// text matrices and text-showing operators. Everything else is skipped.
type textPass struct {
	lim    extract.Limits
	budget *int64               // content bytes left to read for the whole document
	fonts  map[fontKey]*pdfFont // this page's fonts
	// docFonts holds the document's indirect fonts by object, shared by
	// the passes over its pages: pages name the same font objects, and
	// loading one (widths, encoding, ToUnicode map) costs more than
	// showing its glyphs. Nil means no sharing.
	docFonts map[objRef]*pdfFont
	glyphs   []glyph
	// held counts the bytes of the glyphs' text. Past twice MaxText,
	// which is what a document's text may reach before it is cut (see
	// [Extract]), further glyphs are dropped: the memory of a page is
	// bounded by the text it can give, not by the length of its content.
	held  int
	depth int
	// lexers holds a lexer for each depth of forms, reused from one
	// content stream to the next (their buffers and arenas with them);
	// cmaps is the lexer of fonts' ToUnicode maps. Nil: made when needed.
	lexers []*lexer
	cmaps  *lexer
	// streams inflates the document's streams; nil leaves them to the
	// object layer.
	streams *inflaters

	// Marked content with /ActualText replaces the glyphs it encloses
	// (accessible PDFs use it for icons, ligatures and hyphenation).
	actual      string // replacement text not yet emitted
	actualDepth int    // marked-content nesting depth of the replacing span; 0 if none
	mcDepth     int
}

func (tp *textPass) page(page pdf.Value) (err error) {
	defer func() {
		if p := recover(); p != nil {
			// A page whose content the object layer cannot decode loses its
			// text, not the document.
			err = nil
		}
	}()
	return tp.run(page.Key("Contents"), inherited(page, "Resources"), identity)
}

// contentReader reads the content of a page or form: its streams one after
// the other, each followed by a newline, decompressed as they are read, so
// that the interpreter holds a window of the content, never all of it. It
// counts what it reads against the document's budget and each stream's
// compression-ratio limit, and fails with an [*extract.Error] when one is
// exceeded. A stream the object layer cannot decode (an unknown filter, a
// damaged header) ends where it fails; the next one is read.
type contentReader struct {
	tp      *textPass
	streams []pdf.Value
	cur     io.ReadCloser // the stream being read; nil between streams
	n       int64         // bytes read from cur
	limit   int64         // bytes cur may give: one more is an error
	newline bool          // the newline after a stream is still to give
	err     error
}

func newContentReader(tp *textPass, v pdf.Value) *contentReader {
	c := &contentReader{tp: tp}
	if v.Kind() == pdf.Array {
		for i := 0; i < v.Len() && i < 1024; i++ {
			c.streams = append(c.streams, v.Index(i))
		}
	} else {
		c.streams = append(c.streams, v)
	}
	return c
}

func (c *contentReader) Read(p []byte) (int, error) {
	for c.err == nil {
		switch {
		case len(p) == 0:
			return 0, nil
		case c.cur != nil:
			k, err := c.readCur(p[:min(int64(len(p)), c.limit-c.n)])
			c.n += int64(k)
			*c.tp.budget -= int64(k)
			if c.n >= c.limit {
				c.close()
				if *c.tp.budget <= 0 {
					c.err = extract.Newf(extract.ErrTooLarge, "page content exceeds %s uncompressed", extract.FormatBytes(c.tp.lim.MaxUncompressed))
				} else {
					c.err = extract.Newf(extract.ErrTooLarge, "content stream compression ratio exceeds %d:1 (flate bomb?)", c.tp.lim.MaxRatio)
				}
				return 0, c.err
			}
			if err != nil {
				c.close()
			}
			if k > 0 {
				return k, nil
			}
		case c.newline:
			c.newline = false
			p[0] = '\n'
			return 1, nil
		case len(c.streams) == 0:
			c.err = io.EOF
		default:
			s := c.streams[0]
			c.streams = c.streams[1:]
			if s.Kind() == pdf.Stream {
				c.open(s)
			}
		}
	}
	return 0, c.err
}

// open starts reading stream s.
func (c *contentReader) open(s pdf.Value) {
	defer func() {
		if p := recover(); p != nil {
			c.cur = nil // the object layer panics on filters it does not know
		}
	}()
	compressed := s.Key("Length").Int64()
	c.n, c.limit = 0, min(*c.tp.budget, compressed*int64(c.tp.lim.MaxRatio)+1<<20)+1
	c.cur = c.tp.streams.open(s)
	c.newline = true
}

// readCur reads from the current stream; a panic of its filters ends it.
func (c *contentReader) readCur(p []byte) (n int, err error) {
	defer func() {
		if r := recover(); r != nil {
			n, err = 0, io.ErrUnexpectedEOF
		}
	}()
	return c.cur.Read(p)
}

func (c *contentReader) close() {
	if c.cur != nil {
		c.cur.Close()
		c.cur = nil
	}
}

// fontKey names a font resource: resource names are only unique per
// resource dictionary, and forms have their own, hence the form depth.
type fontKey struct {
	depth int
	name  string
}

func (tp *textPass) font(res pdf.Value, name string) *pdfFont {
	key := fontKey{tp.depth, name}
	if f, ok := tp.fonts[key]; ok {
		return f
	}
	dict := res.Key("Font")
	ref, indirect := refOf(dict, name)
	f, ok := tp.docFonts[ref]
	if !indirect || !ok {
		if tp.cmaps == nil {
			tp.cmaps = &lexer{}
		}
		f = loadFont(dict.Key(name), tp.cmaps, tp.streams)
		if indirect && tp.docFonts != nil {
			tp.docFonts[ref] = f
		}
	}
	tp.fonts[key] = f
	return f
}

func (tp *textPass) run(contents, res pdf.Value, ctm matrix) error {
	cr := newContentReader(tp, contents)
	defer cr.close()
	fontFor := func(name string) *pdfFont { return tp.font(res, name) }
	drawForm := func(name string, ctm matrix) error {
		xo := res.Key("XObject").Key(name)
		if xo.Key("Subtype").Name() != "Form" {
			return nil
		}
		m := identity
		if fm := xo.Key("Matrix"); fm.Len() == 6 {
			for i := range m {
				m[i] = fm.Index(i).Float64()
			}
		}
		formRes := xo.Key("Resources")
		if formRes.Kind() == pdf.Null {
			formRes = res
		}
		tp.depth++
		defer func() { tp.depth-- }()
		return tp.run(xo, formRes, m.mul(ctm))
	}
	for len(tp.lexers) <= tp.depth {
		tp.lexers = append(tp.lexers, &lexer{})
	}
	lx := tp.lexers[tp.depth]
	lx.reset(cr)
	return tp.interpret(lx, ctm, fontFor, drawForm)
}

// interpret runs one content stream, read by lx as it goes: each operator
// acts when it is read, with its operands, and the lexer then reuses their
// memory. fontFor resolves a font resource name; drawForm, if not nil,
// draws a form XObject by name. It returns the error that ended lx's
// reader, if any.
func (tp *textPass) interpret(lx *lexer, ctm matrix, fontFor func(string) *pdfFont, drawForm func(string, matrix) error) error {
	gs := gstate{ctm: ctm, th: 1}
	var stack []gstate
	var tm, tlm matrix
	var ops []operand
	num := func(i int) float64 {
		if i < len(ops) {
			return ops[i].num
		}
		return 0
	}
	for {
		tok, ok := lx.next()
		if !ok {
			return lx.readErr()
		}
		if tok.kind != opKeyword {
			if len(ops) < 64 {
				ops = append(ops, tok)
			}
			continue
		}
		switch tok.name {
		case "q":
			if len(stack) < 256 {
				stack = append(stack, gs)
			}
		case "Q":
			if n := len(stack); n > 0 {
				gs, stack = stack[n-1], stack[:n-1]
			}
		case "cm":
			if len(ops) >= 6 {
				gs.ctm = matrix{num(0), num(1), num(2), num(3), num(4), num(5)}.mul(gs.ctm)
			}
		case "BT":
			tm, tlm = identity, identity
		case "Tf":
			if len(ops) >= 2 {
				gs.font = fontFor(ops[0].name)
				gs.fs = num(1)
			}
		case "Tc":
			gs.tc = num(0)
		case "Tw":
			gs.tw = num(0)
		case "Tz":
			gs.th = num(0) / 100
		case "TL":
			gs.tl = num(0)
		case "Ts":
			gs.rise = num(0)
		case "Td":
			tlm = matrix{1, 0, 0, 1, num(0), num(1)}.mul(tlm)
			tm = tlm
		case "TD":
			gs.tl = -num(1)
			tlm = matrix{1, 0, 0, 1, num(0), num(1)}.mul(tlm)
			tm = tlm
		case "Tm":
			if len(ops) >= 6 {
				tlm = matrix{num(0), num(1), num(2), num(3), num(4), num(5)}
				tm = tlm
			}
		case "T*":
			tlm = matrix{1, 0, 0, 1, 0, -gs.tl}.mul(tlm)
			tm = tlm
		case "Tj":
			if len(ops) >= 1 {
				tp.show(&gs, &tm, ops[len(ops)-1].str)
			}
		case "'", "\"":
			if tok.name == "\"" && len(ops) >= 3 {
				gs.tw, gs.tc = num(0), num(1)
			}
			tlm = matrix{1, 0, 0, 1, 0, -gs.tl}.mul(tlm)
			tm = tlm
			if len(ops) >= 1 {
				tp.show(&gs, &tm, ops[len(ops)-1].str)
			}
		case "TJ":
			if len(ops) >= 1 {
				for _, e := range ops[len(ops)-1].arr {
					if e.kind == opString {
						tp.show(&gs, &tm, e.str)
					} else if e.kind == opNumber {
						tm.translateX(-e.num / 1000 * gs.fs * gs.th)
					}
				}
			}
		case "Do":
			if len(ops) >= 1 && tp.depth < 8 && drawForm != nil {
				if err := drawForm(ops[0].name, gs.ctm); err != nil {
					return err
				}
			}
		case "BDC", "BMC":
			tp.mcDepth++
			if tok.name == "BDC" && len(ops) >= 2 && tp.actualDepth == 0 {
				if at, ok := ops[1].get("ActualText"); ok && at.kind == opString {
					tp.actual, tp.actualDepth = pdfString(at.str), tp.mcDepth
				}
			}
		case "EMC":
			if tp.mcDepth == tp.actualDepth && tp.actualDepth > 0 {
				tp.actualDepth = 0
			}
			tp.mcDepth = max(tp.mcDepth-1, 0)
		case "BI":
			for {
				t, ok := lx.next()
				if !ok || (t.kind == opKeyword && t.name == "ID") {
					break
				}
			}
			if lx.fill() { // the single white-space byte after ID
				lx.pos++
				lx.skipInlineImage(isPDFSpace(lx.data[lx.pos-1]))
			}
		}
		ops = ops[:0]
		lx.release()
	}
}

// show places the glyphs of one string, advancing the text matrix.
func (tp *textPass) show(gs *gstate, tm *matrix, s []byte) {
	f := gs.font
	if f == nil {
		f = &pdfFont{scale: 1.0 / 1000, defWidth: 500}
		gs.font = f
	}
	sp := textSpace{a: gs.fs * gs.th, d: gs.fs, rise: gs.rise, ctm: &gs.ctm}
	// Where one glyph ends, the next one starts. The size depends on the
	// parts of tm that moving along the line keeps: it is computed again
	// only if they change (a NaN among them always does).
	x, y := sp.origin(tm)
	size, sized := sp.size(tm), [4]float64{tm[0], tm[1], tm[2], tm[3]}
	for len(s) > 0 {
		code, n := f.code(s)
		s = s[n:]
		w := f.width(code)
		if [4]float64{tm[0], tm[1], tm[2], tm[3]} != sized {
			size, sized = sp.size(tm), [4]float64{tm[0], tm[1], tm[2], tm[3]}
		}
		x0, y0 := x, y
		tx := (w*gs.fs + gs.tc) * gs.th
		if n == 1 && code == ' ' {
			tx += gs.tw * gs.th
		}
		tm.translateX(tx)
		x, y = sp.origin(tm)
		text := f.text(code)
		if tp.actualDepth > 0 {
			text, tp.actual = tp.actual, ""
		}
		if text == "" {
			tp.coverTextless(x0, x, y0)
		}
		if text == "" || tp.held > 2*tp.lim.MaxText {
			continue
		}
		tp.held += len(text)
		tp.glyphs = append(tp.glyphs, glyph{x0: x0, x1: x, y: y0, size: size, text: text})
	}
}

// textSpace maps a string's glyphs to user space: a glyph's rendering
// matrix is scale × tm × ctm, where scale is [a 0 0 d 0 rise] (a the font
// size times the horizontal scaling, d the font size). Its methods compute
// the elements of that product they need with the very operations of
// [matrix.mul], zero terms included, so that the results are those of the
// full product, bit for bit, without computing the rest.
type textSpace struct {
	a, d, rise float64
	ctm        *matrix
}

// origin returns the rendering matrix's translation: where a glyph starts.
func (sp *textSpace) origin(t *matrix) (x, y float64) {
	c := sp.ctm
	p4 := 0*t[0] + sp.rise*t[2] + t[4]
	p5 := 0*t[1] + sp.rise*t[3] + t[5]
	return p4*c[0] + p5*c[2] + c[4], p4*c[1] + p5*c[3] + c[5]
}

// size returns the font size in user space: the length of the rendering
// matrix's second row (the glyph's vertical), or of its first if that is 0.
func (sp *textSpace) size(t *matrix) float64 {
	c := sp.ctm
	p2 := 0*t[0] + sp.d*t[2]
	p3 := 0*t[1] + sp.d*t[3]
	if size := math.Hypot(p2*c[0]+p3*c[2], p2*c[1]+p3*c[3]); size != 0 {
		return size
	}
	p0 := sp.a*t[0] + 0*t[2]
	p1 := sp.a*t[1] + 0*t[3]
	return math.Hypot(p0*c[0]+p1*c[2], p0*c[1]+p1*c[3])
}

// translateX sets m to [1 0 0 1 tx 0] × m (as [matrix.mul] computes it).
func (m *matrix) translateX(tx float64) {
	m[0], m[1], m[2], m[3], m[4], m[5] = 1*m[0]+0*m[2], 1*m[1]+0*m[3], 0*m[0]+1*m[2], 0*m[1]+1*m[3], tx*m[0]+0*m[2]+m[4], tx*m[1]+0*m[3]+m[5]
}

// pdfString decodes a PDF text string: UTF-16BE with a byte-order mark, or
// PDFDocEncoding (close enough to Latin-1 for the text we meet).
func pdfString(b []byte) string {
	if len(b) >= 2 && b[0] == 0xFE && b[1] == 0xFF {
		return utf16Text(b[2:])
	}
	r := make([]rune, len(b))
	for i, c := range b {
		r[i] = rune(c)
	}
	return string(r)
}

package pdf

import (
	"io"
	"strconv"
)

// operandKind tells what a content-stream token is.
type operandKind uint8

const (
	opNumber operandKind = iota
	opString
	opName
	opArray
	opKeyword // an operator, or true/false/null
	opDict    // marked-content properties and inline-image parameters
)

type operand struct {
	kind operandKind
	num  float64
	str  []byte    // strings: raw bytes, valid until the lexer's next release
	name string    // names and keywords
	arr  []operand // arrays; for dictionaries, alternating keys and values; valid until the next release
}

// get returns the value of key in a dictionary operand.
func (o operand) get(key string) (operand, bool) {
	for i := 0; o.kind == opDict && i+1 < len(o.arr); i += 2 {
		if o.arr[i].name == key {
			return o.arr[i+1], true
		}
	}
	return operand{}, false
}

// Bounds on what a lexer holds at once: the bytes of the strings and the
// elements of the arrays and dictionaries read since its last release (for
// a content stream, the operands of one operator), and the distinct names
// it keeps as strings. What is over a bound is read and dropped, so a
// hostile operand costs time, not memory. A resume's longest operand, a TJ
// array holding a line, is a few kilobytes; the text one page can produce
// is bounded anyway (see [textPass.show]).
const (
	maxHeldBytes    = 4 << 20
	maxHeldOperands = 1 << 18
	maxNames        = 1024
	lexBufSize      = 16 << 10 // bytes read from a stream at a time
)

// lexer tokenizes PDF content streams and CMaps, from a byte slice (data,
// with r nil) or incrementally from a reader (r; data is then a window of
// at most lexBufSize bytes). It never panics and never loops: every call
// consumes at least one byte or reports the end. String bytes and array
// elements live in arenas that the owner empties with release once it is
// done with the tokens read so far; a lexer that is never released keeps
// them all, like the slice it reads.
type lexer struct {
	data []byte
	pos  int
	r    io.Reader // nil: data is the whole input
	err  error     // why r ended: io.EOF, or the reader's error
	buf  []byte    // data's backing array when reading from r

	bytes   []byte    // arena for string operands
	elems   []operand // arena for array and dictionary elements
	scratch []operand // elements of the arrays being read, innermost last
	names   map[string]string
}

// newLexer returns a lexer that reads r incrementally.
func newLexer(r io.Reader) *lexer {
	return &lexer{r: r}
}

// reset makes lx read r from its start, keeping the memory it has.
func (lx *lexer) reset(r io.Reader) {
	lx.release()
	lx.r, lx.err, lx.data, lx.pos = r, nil, nil, 0
}

// release lets the lexer reuse the memory of the operands returned so far.
func (lx *lexer) release() {
	lx.bytes = lx.bytes[:0]
	lx.elems = lx.elems[:0]
}

// fill makes a byte available at data[pos], reading from r if need be;
// it reports false at the end of the input. (Small enough to be inlined:
// the lexer calls it for every byte.)
func (lx *lexer) fill() bool {
	return lx.pos < len(lx.data) || lx.ensure(1)
}

// ensure makes n bytes available from data[pos] (n ≤ lexBufSize) when the
// input has them; it reports whether it does.
func (lx *lexer) ensure(n int) bool {
	if len(lx.data)-lx.pos >= n {
		return true
	}
	if lx.r == nil || lx.err != nil {
		return false
	}
	if lx.buf == nil {
		lx.buf = make([]byte, lexBufSize)
	}
	k := copy(lx.buf, lx.data[lx.pos:])
	lx.data, lx.pos = lx.buf[:k], 0
	for empty := 0; len(lx.data) < n && lx.err == nil; {
		m, err := lx.r.Read(lx.buf[len(lx.data):])
		lx.data = lx.buf[:len(lx.data)+m]
		switch {
		case err != nil:
			lx.err = err
		case m == 0:
			// io.Reader allows a read of nothing now and then; a reader
			// that keeps doing it is at its end.
			if empty++; empty > 100 {
				lx.err = io.ErrNoProgress
			}
		}
	}
	return len(lx.data)-lx.pos >= n
}

// readErr returns the error that ended a reader, nil for io.EOF or a slice.
func (lx *lexer) readErr() error {
	if lx.err == io.EOF {
		return nil
	}
	return lx.err
}

func isPDFSpace(c byte) bool {
	return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == 0
}

func isPDFDelim(c byte) bool {
	switch c {
	case '(', ')', '<', '>', '[', ']', '{', '}', '/', '%':
		return true
	}
	return false
}

// regular tells the bytes that continue a word: neither white space nor a
// delimiter.
var regular = func() (t [256]bool) {
	for c := range t {
		t[c] = !isPDFSpace(byte(c)) && !isPDFDelim(byte(c))
	}
	return t
}()

func (lx *lexer) skipSpace() {
	for lx.fill() {
		c := lx.data[lx.pos]
		if isPDFSpace(c) {
			lx.pos++
			continue
		}
		if c == '%' {
			for lx.fill() {
				if c := lx.data[lx.pos]; c == '\n' || c == '\r' {
					break
				}
				lx.pos++
			}
			continue
		}
		return
	}
}

// next returns the next token; arrays are returned whole (depth-limited).
func (lx *lexer) next() (operand, bool) {
	return lx.nextDepth(0)
}

func (lx *lexer) nextDepth(depth int) (operand, bool) {
	lx.skipSpace()
	if lx.pos >= len(lx.data) {
		return operand{}, false
	}
	c := lx.data[lx.pos]
	switch {
	case c == '(':
		lx.pos++
		return operand{kind: opString, str: lx.literal()}, true
	case c == '<' && lx.ensure(2) && lx.data[lx.pos+1] == '<':
		lx.pos += 2
		return operand{kind: opDict, arr: lx.elements(depth, '>', 2)}, true
	case c == '<':
		lx.pos++
		return operand{kind: opString, str: lx.hex()}, true
	case c == '/':
		lx.pos++
		return operand{kind: opName, name: lx.name(lx.word())}, true
	case c == '[':
		lx.pos++
		return operand{kind: opArray, arr: lx.elements(depth, ']', 1)}, true
	case c == ']' || c == ')' || c == '>' || c == '{' || c == '}':
		lx.pos++
		return operand{kind: opKeyword, name: delimName(c)}, true
	case c == '+' || c == '-' || c == '.' || (c >= '0' && c <= '9'):
		return operand{kind: opNumber, num: parseNumber(lx.word())}, true
	}
	return operand{kind: opKeyword, name: lx.keyword(lx.word())}, true
}

func delimName(c byte) string {
	switch c {
	case ']':
		return "]"
	case ')':
		return ")"
	case '>':
		return ">"
	case '{':
		return "{"
	}
	return "}"
}

// parseNumber reads a PDF number; malformed ones such as "--5" read as 0.
// Plain decimals with at most 15 digits, which are nearly all, are read
// without strconv: an integer of at most 15 digits and a power of ten up
// to 10^15 are exact in a float64, so their quotient is correctly rounded
// and equals what strconv.ParseFloat returns.
func parseNumber(w []byte) float64 {
	i, neg := 0, false
	if len(w) > 0 && (w[0] == '-' || w[0] == '+') {
		neg, i = w[0] == '-', 1
	}
	var mant int64
	digits, frac, dot := 0, 0, false
	for ; i < len(w); i++ {
		c := w[i]
		switch {
		case c >= '0' && c <= '9':
			mant = mant*10 + int64(c-'0')
			digits++
			if dot {
				frac++
			}
			continue
		case c == '.' && !dot:
			dot = true
			continue
		}
		digits = 99 // anything else: strconv decides
		break
	}
	if digits > 0 && digits <= 15 {
		f := float64(mant)
		if frac > 0 {
			f /= pow10[frac]
		}
		if neg {
			f = -f
		}
		return f
	}
	if f, err := strconv.ParseFloat(string(w), 64); err == nil {
		return f
	}
	return 0
}

var pow10 = [...]float64{1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15}

// keyword returns an operator's name as a string, without allocating for
// the operators of content streams and CMaps.
func (lx *lexer) keyword(w []byte) string {
	switch string(w) {
	case "q":
		return "q"
	case "Q":
		return "Q"
	case "cm":
		return "cm"
	case "BT":
		return "BT"
	case "ET":
		return "ET"
	case "Tf":
		return "Tf"
	case "Tc":
		return "Tc"
	case "Tw":
		return "Tw"
	case "Tz":
		return "Tz"
	case "TL":
		return "TL"
	case "Ts":
		return "Ts"
	case "Td":
		return "Td"
	case "TD":
		return "TD"
	case "Tm":
		return "Tm"
	case "T*":
		return "T*"
	case "Tj":
		return "Tj"
	case "TJ":
		return "TJ"
	case "'":
		return "'"
	case "\"":
		return "\""
	case "Do":
		return "Do"
	case "BDC":
		return "BDC"
	case "BMC":
		return "BMC"
	case "EMC":
		return "EMC"
	case "BI":
		return "BI"
	case "ID":
		return "ID"
	case "re":
		return "re"
	case "m":
		return "m"
	case "l":
		return "l"
	case "c":
		return "c"
	case "h":
		return "h"
	case "f":
		return "f"
	case "S":
		return "S"
	case "n":
		return "n"
	case "W":
		return "W"
	case "g":
		return "g"
	case "G":
		return "G"
	case "rg":
		return "rg"
	case "RG":
		return "RG"
	case "k":
		return "k"
	case "K":
		return "K"
	case "w":
		return "w"
	case "gs":
		return "gs"
	case "cs":
		return "cs"
	case "CS":
		return "CS"
	case "sc":
		return "sc"
	case "scn":
		return "scn"
	case "SC":
		return "SC"
	case "SCN":
		return "SCN"
	case "Tr":
		return "Tr"
	case "R":
		return "R"
	case "obj":
		return "obj"
	case "stream":
		return "stream"
	case "beginbfchar":
		return "beginbfchar"
	case "endbfchar":
		return "endbfchar"
	case "beginbfrange":
		return "beginbfrange"
	case "endbfrange":
		return "endbfrange"
	}
	return lx.name(w)
}

// name returns w as a string, the same one for the same bytes up to
// maxNames distinct names, so a stream that names its fonts and marked
// content a million times allocates each name once.
func (lx *lexer) name(w []byte) string {
	if s, ok := lx.names[string(w)]; ok {
		return s
	}
	s := string(w)
	if lx.names == nil {
		lx.names = map[string]string{}
	}
	if len(lx.names) < maxNames {
		lx.names[s] = s
	}
	return s
}

// elements reads the operands of an array or dictionary up to its closing
// delimiter (closeLen bytes starting with close). Nesting deeper than 16
// is skipped byte by byte, so hostile input cannot exhaust the stack. The
// elements are gathered on the scratch stack (an inner array's above its
// parent's) and moved to the elements arena when complete.
func (lx *lexer) elements(depth int, close byte, closeLen int) []operand {
	start := len(lx.scratch)
	for {
		lx.skipSpace()
		if lx.pos >= len(lx.data) {
			break
		}
		if lx.data[lx.pos] == close {
			lx.pos++
			if closeLen == 2 && lx.fill() {
				lx.pos++
			}
			break
		}
		if depth > 16 {
			lx.pos++
			continue
		}
		t, ok := lx.nextDepth(depth + 1)
		if !ok {
			break
		}
		if len(lx.elems)+len(lx.scratch) < maxHeldOperands {
			lx.scratch = append(lx.scratch, t)
		}
	}
	if len(lx.scratch) == start {
		return nil
	}
	from := len(lx.elems)
	lx.elems = append(lx.elems, lx.scratch[start:]...)
	clear(lx.scratch[start:]) // drop the references the arena now holds
	lx.scratch = lx.scratch[:start]
	return lx.elems[from:len(lx.elems):len(lx.elems)]
}

// word reads a run of regular characters (a stray delimiter counts as a
// one-byte word, so that the lexer always progresses). The result is valid
// until the next read.
func (lx *lexer) word() []byte {
	if lx.pos >= len(lx.data) && !lx.fill() {
		return nil
	}
	start := lx.pos
	for lx.pos < len(lx.data) && regular[lx.data[lx.pos]] {
		lx.pos++
	}
	if lx.pos == start {
		lx.pos++ // a stray delimiter: consume it so we always progress
		return lx.data[start:lx.pos]
	}
	if lx.pos == len(lx.data) && lx.r != nil {
		// The word may go on past the window: gather it after the arena's
		// end, where the next string will overwrite it.
		from := len(lx.bytes)
		w := append(lx.bytes, lx.data[start:lx.pos]...)
		for lx.fill() && regular[lx.data[lx.pos]] {
			if len(w)-from < maxHeldBytes {
				w = append(w, lx.data[lx.pos])
			}
			lx.pos++
		}
		lx.bytes = w[:from]
		return w[from:]
	}
	return lx.data[start:lx.pos]
}

// keep appends c to out, the arena with the string being read at its end,
// unless a lexer reading a stream holds maxHeldBytes already (a lexer over
// a slice holds at most the slice's size).
func (lx *lexer) keep(out []byte, c byte) []byte {
	if len(out) < maxHeldBytes || lx.r == nil {
		out = append(out, c)
	}
	return out
}

// literalSpecial tells the bytes a literal string gives other than as
// they are: parentheses and the backslash.
var literalSpecial = [256]bool{'(': true, ')': true, '\\': true}

// literal reads a string in parentheses, after the opening one.
func (lx *lexer) literal() []byte {
	from := len(lx.bytes)
	out := lx.bytes
	depth := 1
read:
	for lx.fill() {
		// Copy a run of plain bytes at once.
		i := lx.pos
		for i < len(lx.data) && !literalSpecial[lx.data[i]] {
			i++
		}
		if i > lx.pos {
			if len(out) < maxHeldBytes || lx.r == nil {
				out = append(out, lx.data[lx.pos:i]...)
			}
			lx.pos = i
			continue
		}
		c := lx.data[lx.pos]
		lx.pos++
		switch c {
		case '(':
			depth++
		case ')':
			depth--
			if depth == 0 {
				break read
			}
		case '\\':
			if !lx.fill() {
				break read
			}
			e := lx.data[lx.pos]
			lx.pos++
			switch e {
			case 'n':
				c = '\n'
			case 'r':
				c = '\r'
			case 't':
				c = '\t'
			case 'b':
				c = '\b'
			case 'f':
				c = '\f'
			case '\r':
				if lx.fill() && lx.data[lx.pos] == '\n' {
					lx.pos++
				}
				continue
			case '\n':
				continue
			default:
				if e >= '0' && e <= '7' {
					v := int(e - '0')
					for i := 0; i < 2 && lx.fill() && lx.data[lx.pos] >= '0' && lx.data[lx.pos] <= '7'; i++ {
						v = v*8 + int(lx.data[lx.pos]-'0')
						lx.pos++
					}
					c = byte(v)
				} else {
					c = e
				}
			}
		}
		out = lx.keep(out, c)
	}
	lx.bytes = out
	return out[from:len(out):len(out)]
}

// hex reads a hexadecimal string, after the opening '<'.
func (lx *lexer) hex() []byte {
	from := len(lx.bytes)
	out := lx.bytes
	hi := -1
	for lx.fill() {
		c := lx.data[lx.pos]
		lx.pos++
		if c == '>' {
			break
		}
		v := unhexDigit(c)
		if v < 0 {
			continue
		}
		if hi < 0 {
			hi = v
		} else {
			out = lx.keep(out, byte(hi<<4|v))
			hi = -1
		}
	}
	if hi >= 0 {
		out = lx.keep(out, byte(hi<<4))
	}
	lx.bytes = out
	return out[from:len(out):len(out)]
}

func unhexDigit(c byte) int {
	switch {
	case c >= '0' && c <= '9':
		return int(c - '0')
	case c >= 'a' && c <= 'f':
		return int(c-'a') + 10
	case c >= 'A' && c <= 'F':
		return int(c-'A') + 10
	}
	return -1
}

// skipInlineImage moves past the data of an inline image, from after the
// "ID" operator and the white-space byte after it (whether that byte was
// white space is prevSpace) to the "EI" that ends it: one with white space
// before it and white space or the end of the stream after it.
func (lx *lexer) skipInlineImage(prevSpace bool) {
	for lx.ensure(3) || lx.pos < len(lx.data) {
		c := lx.data[lx.pos]
		if c == 'E' && prevSpace && lx.pos+1 < len(lx.data) && lx.data[lx.pos+1] == 'I' &&
			(lx.pos+2 == len(lx.data) || isPDFSpace(lx.data[lx.pos+2])) {
			lx.pos += 2
			return
		}
		prevSpace = isPDFSpace(c)
		lx.pos++
	}
}

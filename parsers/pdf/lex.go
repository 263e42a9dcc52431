package pdf

import "strconv"

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
	str  []byte    // strings: raw bytes
	name string    // names and keywords
	arr  []operand // arrays; for dictionaries, alternating keys and values
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

// lexer tokenizes PDF content streams and CMaps. It never panics and never
// loops: every call consumes at least one byte or reports the end.
type lexer struct {
	data []byte
	pos  int
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

func (lx *lexer) skipSpace() {
	for lx.pos < len(lx.data) {
		c := lx.data[lx.pos]
		if isPDFSpace(c) {
			lx.pos++
			continue
		}
		if c == '%' {
			for lx.pos < len(lx.data) && lx.data[lx.pos] != '\n' && lx.data[lx.pos] != '\r' {
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
	case c == '<' && lx.pos+1 < len(lx.data) && lx.data[lx.pos+1] == '<':
		lx.pos += 2
		return operand{kind: opDict, arr: lx.elements(depth, '>', 2)}, true
	case c == '<':
		lx.pos++
		return operand{kind: opString, str: lx.hex()}, true
	case c == '/':
		lx.pos++
		return operand{kind: opName, name: lx.word()}, true
	case c == '[':
		lx.pos++
		return operand{kind: opArray, arr: lx.elements(depth, ']', 1)}, true
	case c == ']' || c == ')' || c == '>' || c == '{' || c == '}':
		lx.pos++
		return operand{kind: opKeyword, name: string(c)}, true
	case c == '+' || c == '-' || c == '.' || (c >= '0' && c <= '9'):
		w := lx.word()
		if f, err := strconv.ParseFloat(w, 64); err == nil {
			return operand{kind: opNumber, num: f}, true
		}
		return operand{kind: opNumber}, true // malformed numbers such as "--5" read as 0
	}
	return operand{kind: opKeyword, name: lx.word()}, true
}

// elements reads the operands of an array or dictionary up to its closing
// delimiter (closeLen bytes starting with close). Nesting deeper than 16
// is skipped byte by byte, so hostile input cannot exhaust the stack.
func (lx *lexer) elements(depth int, close byte, closeLen int) []operand {
	var out []operand
	for {
		lx.skipSpace()
		if lx.pos >= len(lx.data) {
			return out
		}
		if lx.data[lx.pos] == close {
			lx.pos = min(lx.pos+closeLen, len(lx.data))
			return out
		}
		if depth > 16 {
			lx.pos++
			continue
		}
		t, ok := lx.nextDepth(depth + 1)
		if !ok {
			return out
		}
		out = append(out, t)
	}
}

func (lx *lexer) word() string {
	start := lx.pos
	for lx.pos < len(lx.data) && !isPDFSpace(lx.data[lx.pos]) && !isPDFDelim(lx.data[lx.pos]) {
		lx.pos++
	}
	if lx.pos == start && lx.pos < len(lx.data) {
		lx.pos++ // a stray delimiter: consume it so we always progress
	}
	return string(lx.data[start:lx.pos])
}

func (lx *lexer) literal() []byte {
	var out []byte
	depth := 1
	for lx.pos < len(lx.data) {
		c := lx.data[lx.pos]
		lx.pos++
		switch c {
		case '(':
			depth++
		case ')':
			depth--
			if depth == 0 {
				return out
			}
		case '\\':
			if lx.pos >= len(lx.data) {
				return out
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
				if lx.pos < len(lx.data) && lx.data[lx.pos] == '\n' {
					lx.pos++
				}
				continue
			case '\n':
				continue
			default:
				if e >= '0' && e <= '7' {
					v := int(e - '0')
					for i := 0; i < 2 && lx.pos < len(lx.data) && lx.data[lx.pos] >= '0' && lx.data[lx.pos] <= '7'; i++ {
						v = v*8 + int(lx.data[lx.pos]-'0')
						lx.pos++
					}
					c = byte(v)
				} else {
					c = e
				}
			}
		}
		out = append(out, c)
	}
	return out
}

func (lx *lexer) hex() []byte {
	var out []byte
	var hi int = -1
	for lx.pos < len(lx.data) {
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
			out = append(out, byte(hi<<4|v))
			hi = -1
		}
	}
	if hi >= 0 {
		out = append(out, byte(hi<<4))
	}
	return out
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

// skipInlineImage moves past the data of an inline image: from after the
// "ID" operator to the "EI" that ends it.
func (lx *lexer) skipInlineImage() {
	for lx.pos+2 <= len(lx.data) {
		if lx.data[lx.pos] == 'E' && lx.data[lx.pos+1] == 'I' &&
			(lx.pos == 0 || isPDFSpace(lx.data[lx.pos-1])) &&
			(lx.pos+2 == len(lx.data) || isPDFSpace(lx.data[lx.pos+2])) {
			lx.pos += 2
			return
		}
		lx.pos++
	}
	lx.pos = len(lx.data)
}

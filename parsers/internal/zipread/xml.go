package zipread

import (
	"bufio"
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"strings"

	"golang.org/x/text/encoding/unicode"
)

// NewXMLDecoder returns a decoder for one XML part, in UTF-8 or UTF-16.
// XML may be stored as UTF-16 (with a byte-order mark, or without one,
// recognised from its opening "<"), which encoding/xml does not read: such
// a part is transcoded to UTF-8 first, and its declaration's
// encoding="UTF-16" is then accepted.
func NewXMLDecoder(r io.Reader) *xml.Decoder {
	br := bufio.NewReader(r)
	head, _ := br.Peek(4)
	var src io.Reader = br
	switch {
	case bytes.HasPrefix(head, []byte{0xFF, 0xFE}), bytes.HasPrefix(head, []byte{'<', 0}):
		src = unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewDecoder().Reader(br)
	case bytes.HasPrefix(head, []byte{0xFE, 0xFF}), bytes.HasPrefix(head, []byte{0, '<'}):
		src = unicode.UTF16(unicode.BigEndian, unicode.UseBOM).NewDecoder().Reader(br)
	}
	dec := xml.NewDecoder(src)
	dec.CharsetReader = func(label string, in io.Reader) (io.Reader, error) {
		switch strings.ToLower(label) {
		case "utf-16", "utf-16le", "utf-16be", "utf16":
			return in, nil // transcoded above
		}
		return nil, fmt.Errorf("unsupported XML encoding %q", label)
	}
	return dec
}

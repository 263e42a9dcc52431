package rtf

import (
	"bytes"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/encoding/korean"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
)

// charsetCodePage maps a font's \fcharset to the Windows code page of its
// 8-bit text (RTF 1.9.1 specification, \fcharset table). ANSI (0) and
// default (1) are left out: they mean the document's \ansicpg. So is
// Symbol (2): its bytes are glyph numbers, read in the document's code
// page like the rest, which keeps the Symbol bullet (0xB7) a middle dot.
var charsetCodePage = map[int]int{
	77: 10000, 128: 932, 129: 949, 130: 1361, 134: 936, 136: 950,
	161: 1253, 162: 1254, 163: 1258, 177: 1255, 178: 1256, 186: 1257,
	204: 1251, 222: 874, 238: 1250, 254: 437, 255: 850,
}

// codePages are the code pages we decode; any other is read as
// Windows-1252, the RTF default.
var codePages = map[int]encoding.Encoding{
	437: charmap.CodePage437, 850: charmap.CodePage850, 852: charmap.CodePage852,
	866: charmap.CodePage866, 874: charmap.Windows874,
	932: japanese.ShiftJIS, 936: simplifiedchinese.GBK, 949: korean.EUCKR, 950: traditionalchinese.Big5,
	1250: charmap.Windows1250, 1251: charmap.Windows1251, 1252: charmap.Windows1252,
	1253: charmap.Windows1253, 1254: charmap.Windows1254, 1255: charmap.Windows1255,
	1256: charmap.Windows1256, 1257: charmap.Windows1257, 1258: charmap.Windows1258,
	10000: charmap.Macintosh, 10007: charmap.MacintoshCyrillic,
	20866: charmap.KOI8R, 21866: charmap.KOI8U, 28591: charmap.ISO8859_1, 28592: charmap.ISO8859_2,
	28595: charmap.ISO8859_5, 28605: charmap.ISO8859_15,
}

// decode converts 8-bit text in code page cp to UTF-8; bytes the code page
// does not map become U+FFFD.
func decode(b []byte, cp int) string {
	enc, ok := codePages[cp]
	if !ok {
		enc = charmap.Windows1252
	}
	s, err := enc.NewDecoder().Bytes(b)
	if err != nil {
		return string(bytes.ToValidUTF8(b, []byte("\uFFFD")))
	}
	return string(s)
}

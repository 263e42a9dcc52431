package pdf

import (
	"io"
	"strconv"
	"strings"
	"unicode/utf16"

	"github.com/ledongthuc/pdf"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/unicode/norm"
)

// pdfFont is what the text pass needs of a font: how to split a string into
// character codes, each code's Unicode text and its advance width in text
// space units (1 = the font size).
type pdfFont struct {
	twoByte bool              // Type0 fonts with a 2-byte encoding (Identity-H and most others)
	ucs2    bool              // the codes are UTF-16 units (UniGB-UCS2-H and kin)
	toUni   map[uint32]string // from ToUnicode (simple fonts: see byCode)
	cidUni  map[uint32]string // the CID collection's table, for Identity-encoded CJK fonts; shared, read-only
	// widths holds a Type0 font's widths by code; codes past its end, and
	// codes the font does not list, have defWidth.
	widths   []float64
	defWidth float64
	scale    float64 // width units to text space: 1/1000, or FontMatrix[0] for Type3
	// byCode holds a simple font's width and text for each of its 256
	// codes, looked up in the maps once when the font is loaded, not for
	// every glyph shown; nil for other fonts.
	byCode *[256]codeInfo
}

type codeInfo struct {
	width float64
	text  string
}

// code returns the next character code in s and its byte length.
func (f *pdfFont) code(s []byte) (uint32, int) {
	if f.twoByte && len(s) >= 2 {
		return uint32(s[0])<<8 | uint32(s[1]), 2
	}
	return uint32(s[0]), 1
}

func (f *pdfFont) width(code uint32) float64 {
	if f.byCode != nil && code < 256 {
		return f.byCode[code].width
	}
	if code < uint32(len(f.widths)) {
		return f.widths[code] * f.scale
	}
	return f.defWidth * f.scale
}

func (f *pdfFont) text(code uint32) string {
	if f.byCode != nil && code < 256 {
		return f.byCode[code].text
	}
	if s, ok := f.toUni[code]; ok {
		return s
	}
	if s, ok := f.cidUni[code]; ok {
		return s
	}
	if f.ucs2 {
		return string(rune(code))
	}
	if f.twoByte {
		return "" // an unmapped CID has no text we can know
	}
	return string(rune(code)) // simple font without encoding: assume Latin-1
}

// loadFont builds a pdfFont from a font dictionary, reading its ToUnicode
// map with lx (whose memory it reuses), inflated by zs. It never fails:
// missing parts degrade to guesses (Latin-1 text, half-em widths).
func loadFont(v pdf.Value, lx *lexer, zs *inflaters) *pdfFont {
	if v.Key("Subtype").Name() != "Type0" {
		return loadSimpleFont(v, lx, zs)
	}
	f := &pdfFont{scale: 1.0 / 1000, twoByte: true}
	enc := v.Key("Encoding")
	desc := v.Key("DescendantFonts").Index(0)
	if dw := desc.Key("DW"); dw.Kind() == pdf.Integer || dw.Kind() == pdf.Real {
		f.defWidth = dw.Float64()
	} else {
		f.defWidth = 1000
	}
	f.widths = loadCIDWidths(desc.Key("W"), f.defWidth)
	// Predefined CMaps other than Identity and UCS-2 (Shift-JIS and
	// the like) mix 1- and 2-byte codes; we read them as 2-byte and rely
	// on ToUnicode, which such files almost always carry.
	f.toUni = map[uint32]string{}
	switch name := enc.Name(); {
	case strings.Contains(name, "UCS2") || strings.Contains(name, "UTF16"):
		f.ucs2 = true
	case name == "Identity-H" || name == "Identity-V":
		info := desc.Key("CIDSystemInfo")
		f.cidUni = collectionTable(info.Key("Registry").RawString(), info.Key("Ordering").RawString())
	}
	if tu := v.Key("ToUnicode"); tu.Kind() == pdf.Stream {
		parseToUnicode(tu, lx, zs, func(code uint32, text string) { f.toUni[code] = text })
	}
	return f
}

// loadSimpleFont builds a pdfFont from the dictionary of a font with
// 1-byte codes (Type1, TrueType, Type3): its table of the 256 codes' widths
// and text. A code's text comes from the ToUnicode map, else from the
// encoding, else it is read as Latin-1.
func loadSimpleFont(v pdf.Value, lx *lexer, zs *inflaters) *pdfFont {
	f := &pdfFont{scale: 1.0 / 1000, defWidth: 500, byCode: new([256]codeInfo)}
	var widths [256]float64
	var hasWidth [256]bool
	first := int(v.Key("FirstChar").Int64())
	w := v.Key("Widths")
	for i := 0; i < w.Len() && i < 256; i++ {
		if c := first + i; c >= 0 && c < 256 {
			widths[c], hasWidth[c] = w.Index(i).Float64(), true
		}
	}
	if v.Key("Subtype").Name() == "Type3" {
		if m := v.Key("FontMatrix"); m.Len() >= 1 {
			f.scale = m.Index(0).Float64()
		}
	}
	if mw := v.Key("FontDescriptor").Key("MissingWidth"); mw.Float64() > 0 {
		f.defWidth = mw.Float64()
	}
	var text [256]string
	var mapped [256]bool
	simpleEncoding(v, func(code uint32, s string) { text[code], mapped[code] = s, true })
	if tu := v.Key("ToUnicode"); tu.Kind() == pdf.Stream {
		parseToUnicode(tu, lx, zs, func(code uint32, s string) {
			if code < 256 {
				text[code], mapped[code] = s, true
			}
		})
	}
	for c := range f.byCode {
		e := &f.byCode[c]
		if e.width = f.defWidth * f.scale; hasWidth[c] {
			e.width = widths[c] * f.scale
		}
		if e.text = text[c]; !mapped[c] {
			e.text = string(rune(c)) // no encoding: assume Latin-1
		}
	}
	return f
}

// loadCIDWidths reads a CIDFont W array, [c [w1 w2 ...]] and [cfirst clast
// w], into a table by code, where def fills the codes it does not list.
// Codes are 2 bytes: the table stops at 65535. A first pass over the array
// finds the highest code, so that the table is made once, at its size.
func loadCIDWidths(w pdf.Value, def float64) []float64 {
	var out []float64
	top := -1 // the highest code listed, then the table's last index
	set := func(code uint32, width float64) {
		if code >= 1<<16 {
			return
		}
		if out == nil {
			top = max(top, int(code))
			return
		}
		out[code] = width
	}
	for pass := 0; pass < 2; pass++ {
		if pass == 1 {
			if top < 0 {
				return nil
			}
			out = make([]float64, top+1)
			for i := range out {
				out[i] = def
			}
		}
		n := w.Len()
		for i := 0; i < n; {
			first := w.Index(i)
			if i+1 >= n {
				break
			}
			next := w.Index(i + 1)
			if next.Kind() == pdf.Array {
				c := uint32(first.Int64())
				for j := 0; j < next.Len() && j < 65536; j++ {
					set(c+uint32(j), next.Index(j).Float64())
				}
				i += 2
				continue
			}
			if i+2 >= n {
				break
			}
			lo, hi, width := first.Int64(), next.Int64(), w.Index(i+2).Float64()
			if hi-lo > 65536 || hi < lo {
				break
			}
			for c := lo; c <= hi; c++ {
				set(uint32(c), width)
			}
			i += 3
		}
	}
	return out
}

// simpleEncoding maps the 256 codes of a simple font to text from its
// /Encoding, a base encoding name and /Differences with glyph names,
// calling set for each code with text (a code may be set more than once:
// the last call counts).
func simpleEncoding(v pdf.Value, set func(code uint32, text string)) {
	enc := v.Key("Encoding")
	base := "StandardEncoding"
	if v.Key("Subtype").Name() == "TrueType" {
		base = "WinAnsiEncoding"
	}
	var diffs pdf.Value
	switch enc.Kind() {
	case pdf.Name:
		base = enc.Name()
	case pdf.Dict:
		if b := enc.Key("BaseEncoding"); b.Kind() == pdf.Name {
			base = b.Name()
		}
		diffs = enc.Key("Differences")
	}
	table := &winAnsiText
	if base == "MacRomanEncoding" {
		table = &macRomanText
	}
	for c := 32; c < 256; c++ {
		if s := table[c]; s != "" {
			set(uint32(c), s)
		}
	}
	if base == "StandardEncoding" {
		set('\'', "’")
		set('`', "‘")
		for c, s := range standardHigh {
			set(c, s)
		}
	}
	code := uint32(0)
	for i := 0; i < diffs.Len(); i++ {
		d := diffs.Index(i)
		switch d.Kind() {
		case pdf.Integer:
			code = uint32(d.Int64())
		case pdf.Name:
			if s := glyphText(d.Name()); s != "" && code < 256 {
				set(code, s)
			}
			code++
		}
	}
}

// winAnsiText and macRomanText are the text of the codes of the two base
// encodings we read by their charmaps ("" where a code has none), made once
// rather than for every font; read-only.
var winAnsiText, macRomanText = charmapText(charmap.Windows1252), charmapText(charmap.Macintosh)

func charmapText(cm *charmap.Charmap) (t [256]string) {
	for c := 32; c < 256; c++ {
		if r := cm.DecodeByte(byte(c)); r != '\uFFFD' {
			t[c] = string(r)
		}
	}
	return t
}

var standardHigh = map[uint32]string{
	0xA1: "¡", 0xA2: "¢", 0xA3: "£", 0xA5: "¥", 0xA7: "§", 0xA9: "'", 0xAA: "“", 0xAB: "«",
	0xAE: "fi", 0xAF: "fl", 0xB1: "–", 0xB7: "•", 0xBA: "”", 0xBB: "»", 0xBC: "…", 0xD0: "—",
	0xE1: "Æ", 0xE8: "Ł", 0xE9: "Ø", 0xEA: "Œ", 0xF1: "æ", 0xF5: "ı", 0xF8: "ł", 0xF9: "ø", 0xFA: "œ", 0xFB: "ß",
}

var glyphNames = map[string]string{
	"space": " ", "exclam": "!", "quotedbl": "\"", "numbersign": "#", "dollar": "$", "percent": "%",
	"ampersand": "&", "quotesingle": "'", "quoteright": "’", "quoteleft": "‘", "parenleft": "(", "parenright": ")",
	"asterisk": "*", "plus": "+", "comma": ",", "hyphen": "-", "minus": "-", "period": ".", "slash": "/",
	"zero": "0", "one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7",
	"eight": "8", "nine": "9", "colon": ":", "semicolon": ";", "less": "<", "equal": "=", "greater": ">",
	"question": "?", "at": "@", "bracketleft": "[", "backslash": "\\", "bracketright": "]", "asciicircum": "^",
	"underscore": "_", "grave": "`", "braceleft": "{", "bar": "|", "braceright": "}", "asciitilde": "~",
	"quotedblleft": "“", "quotedblright": "”", "quotesinglbase": "‚", "quotedblbase": "„", "endash": "–",
	"emdash": "—", "bullet": "•", "periodcentered": "·", "ellipsis": "…", "dagger": "†", "daggerdbl": "‡",
	"fi": "fi", "fl": "fl", "ff": "ff", "ffi": "ffi", "ffl": "ffl", "dotlessi": "ı", "germandbls": "ß",
	"ae": "æ", "AE": "Æ", "oe": "œ", "OE": "Œ", "oslash": "ø", "Oslash": "Ø", "lslash": "ł", "Lslash": "Ł",
	"copyright": "©", "registered": "®", "trademark": "™", "degree": "°", "section": "§", "paragraph": "¶",
	"guillemotleft": "«", "guillemotright": "»", "nbspace": " ", "euro": "€", "sterling": "£", "yen": "¥",
	"cent": "¢", "multiply": "×", "divide": "÷", "plusminus": "±", "mu": "µ", "circlecopyrt": "©",
	"visiblespace": " ", "arrowright": "→", "periodcentered.alt": "·", "bulletmath": "•", "openbullet": "◦",
}

var accentMarks = map[string]string{
	"acute": "\u0301", "grave": "\u0300", "circumflex": "\u0302", "dieresis": "\u0308", "tilde": "\u0303",
	"ring": "\u030A", "cedilla": "\u0327", "caron": "\u030C", "macron": "\u0304", "breve": "\u0306",
	"ogonek": "\u0328", "dotaccent": "\u0307", "hungarumlaut": "\u030B", "commaaccent": "\u0326",
}

// glyphText returns the text of a glyph name, following the Adobe Glyph List
// conventions for the names resume fonts use: letters, "uniXXXX", "uXXXXX",
// the common punctuation names and accented letters such as "eacute".
func glyphText(name string) string {
	if i := strings.IndexByte(name, '.'); i > 0 {
		name = name[:i] // "a.sc", "one.oldstyle"
	}
	if len(name) <= 1 {
		return name // "" for the empty name "/"
	}
	if s, ok := glyphNames[name]; ok {
		return s
	}
	if strings.HasPrefix(name, "uni") && len(name) >= 7 {
		var units []uint16
		for i := 3; i+4 <= len(name); i += 4 {
			n, err := strconv.ParseUint(name[i:i+4], 16, 16)
			if err != nil {
				return ""
			}
			units = append(units, uint16(n))
		}
		return string(utf16.Decode(units))
	}
	if name[0] == 'u' && len(name) >= 5 && len(name) <= 7 {
		if n, err := strconv.ParseUint(name[1:], 16, 32); err == nil {
			return string(rune(n))
		}
	}
	if mark, ok := accentMarks[name[1:]]; ok { // "eacute": one letter and an accent's name
		return norm.NFC.String(name[:1] + mark)
	}
	return ""
}

// parseToUnicode reads a font's ToUnicode CMap (its first 4 MiB) with lx,
// as zs inflates it, calling set for each code it maps.
func parseToUnicode(v pdf.Value, lx *lexer, zs *inflaters, set func(code uint32, text string)) {
	rc := zs.open(v)
	defer rc.Close()
	lx.reset(io.LimitReader(rc, 4<<20))
	readCMap(lx, set)
}

// parseCMap reads the bfchar and bfrange sections of a CMap that maps codes
// to UTF-16 text.
func parseCMap(data []byte) map[uint32]string {
	m := map[uint32]string{}
	readCMap(&lexer{data: data}, func(code uint32, text string) { m[code] = text })
	return m
}

// readCMap reads the bfchar and bfrange sections of a CMap, calling set
// for each code mapped (a code mapped twice: the last call counts).
func readCMap(lx *lexer, set func(code uint32, text string)) {
	var ops []operand
	mode := ""
	for {
		tok, ok := lx.next()
		if !ok {
			break
		}
		if tok.kind != opKeyword {
			ops = append(ops, tok)
			if len(ops) > 3 {
				ops = ops[1:]
			}
			if mode == "bfchar" && len(ops) == 2 {
				set(codeOf(ops[0].str), utf16Text(ops[1].str))
				ops = ops[:0]
				lx.release()
			} else if mode == "bfrange" && len(ops) == 3 {
				lo, hi := codeOf(ops[0].str), codeOf(ops[1].str)
				if hi >= lo && hi-lo <= 65535 {
					dst := ops[2]
					if dst.kind == opArray {
						for i := uint32(0); i <= hi-lo && int(i) < len(dst.arr); i++ {
							set(lo+i, utf16Text(dst.arr[i].str))
						}
					} else {
						base := []rune(utf16Text(dst.str))
						switch len(base) {
						case 0:
						case 1: // nearly always: one character per code
							for i := uint32(0); i <= hi-lo; i++ {
								set(lo+i, string(base[0]+rune(i)))
							}
						default:
							r := make([]rune, len(base))
							for i := uint32(0); i <= hi-lo; i++ {
								copy(r, base)
								r[len(r)-1] += rune(i)
								set(lo+i, string(r))
							}
						}
					}
				}
				ops = ops[:0]
				lx.release()
			}
			continue
		}
		switch tok.name {
		case "beginbfchar":
			mode = "bfchar"
		case "beginbfrange":
			mode = "bfrange"
		case "endbfchar", "endbfrange":
			mode = ""
		}
		ops = ops[:0]
		lx.release()
	}
}

func codeOf(b []byte) uint32 {
	var c uint32
	for _, x := range b {
		c = c<<8 | uint32(x)
	}
	return c
}

func utf16Text(b []byte) string {
	if len(b) == 1 {
		return string(rune(b[0]))
	}
	if len(b) == 2 { // nearly always: one unit, outside the surrogates
		if u := rune(b[0])<<8 | rune(b[1]); u < 0xD800 || u >= 0xE000 {
			return string(u)
		}
	}
	u := make([]uint16, len(b)/2)
	for i := range u {
		u[i] = uint16(b[2*i])<<8 | uint16(b[2*i+1])
	}
	return string(utf16.Decode(u))
}

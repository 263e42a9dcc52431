package screener

import (
	"encoding/xml"
	"fmt"
	"math"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf16"

	"github.com/xuri/excelize/v2"
)

// rowFile holds the rows of one large sheet (a shortlist, Skills, Errors,
// Best fit) as worksheet XML in a temporary file, until the workbook is
// written and they are copied into the sheet's part (see [linkingZip]).
// excelize's StreamWriter keeps up to 16 MiB of each sheet in memory (32
// with its buffer's growth) before it turns to a file, and keeps that
// buffer until the workbook is written: three sheets of 100,000 candidates
// held about 100 MiB. The sheet's header row, layout and table still go
// through excelize. The XML is excelize's own for the same values, byte
// for byte (TestRowFileMatchesExcelize).
type rowFile struct {
	*spool
	row int
}

func newRowFile(dir string) (*rowFile, error) {
	s, err := newSpool(dir, "screener-rows-*.xml")
	if err != nil {
		return nil, err
	}
	return &rowFile{spool: s}, nil
}

// setRow writes row (1-based, after the previous) of cells as
// [excelize.StreamWriter.SetRow] does: each value an excelize.Cell, a
// string, an int, a float64 or nil (no cell); a height of 0 leaves the
// default.
func (rf *rowFile) setRow(row int, values []any, height float64) error {
	if row <= rf.row {
		return fmt.Errorf("row %d after row %d", row, rf.row)
	}
	rf.row = row
	w := rf.w
	w.WriteString(`<row r="`)
	w.WriteString(strconv.Itoa(row))
	w.WriteByte('"')
	if height > 0 {
		w.WriteString(` ht="`)
		w.WriteString(strconv.FormatFloat(height, 'f', -1, 64))
		w.WriteString(`" customHeight="1"`)
	}
	w.WriteByte('>')
	for i, v := range values {
		style := 0
		if c, ok := v.(excelize.Cell); ok {
			style, v = c.StyleID, c.Value
		}
		if v == nil {
			continue
		}
		ref, err := excelize.CoordinatesToCellName(i+1, row)
		if err != nil {
			return err
		}
		w.WriteString(`<c r="`)
		w.WriteString(ref)
		w.WriteByte('"')
		if style != 0 {
			w.WriteString(` s="`)
			w.WriteString(strconv.Itoa(style))
			w.WriteByte('"')
		}
		if rv := reflect.ValueOf(v); rv.Kind() == reflect.String {
			v = rv.String() // a named string type (a reason code), written as excelize does, by fmt.Sprint
		}
		switch v := v.(type) {
		case string:
			w.WriteString(` t="inlineStr"><is><t`)
			if v != "" && (strings.ContainsRune("\t\n\r ", rune(v[0])) || strings.ContainsRune("\t\n\r ", rune(v[len(v)-1]))) {
				w.WriteString(` xml:space="preserve"`)
			}
			w.WriteByte('>')
			w.WriteString(cellText(v))
			w.WriteString(`</t></is></c>`)
		case int:
			w.WriteString(`><v>`)
			w.WriteString(strconv.Itoa(v))
			w.WriteString(`</v></c>`)
		case float64:
			if math.IsNaN(v) || math.IsInf(v, 0) {
				w.WriteString(` t="inlineStr"><is><t>`)
				w.WriteString(cellText(fmt.Sprint(v)))
				w.WriteString(`</t></is></c>`)
				continue
			}
			w.WriteString(`><v>`)
			w.WriteString(cellFloat(v))
			w.WriteString(`</v></c>`)
		default:
			return fmt.Errorf("cell %s: unsupported value %T", ref, v)
		}
	}
	_, err := w.WriteString(`</row>`)
	return err
}

// cellText is a string as a cell's inline text: cut to Excel's 32,767
// UTF-16 units, escaped for XML (line breaks kept as they are), and with
// text that reads as an escaped character ("_x0041_") escaped in turn, so
// that it shows as written.
func cellText(s string) string {
	n := 0
	for i, r := range s {
		if n += utf16.RuneLen(r); n > excelize.TotalCellChars {
			s = s[:i]
			break
		}
	}
	var b strings.Builder
	xml.EscapeText(&b, []byte(s))
	return escapeOOXML(strings.ReplaceAll(b.String(), "&#xA;", "\n"))
}

var (
	ooxmlEscape     = regexp.MustCompile(`_x[a-fA-F\d]{4}_`)
	ooxmlEscapeTail = regexp.MustCompile(`x[a-fA-F\d]{4}_`)
)

// escapeOOXML escapes what Office would read as an escaped character
// (_xHHHH_), as excelize does (its bstrMarshal).
func escapeOOXML(s string) string {
	matches := ooxmlEscape.FindAllStringIndex(s, -1)
	if matches == nil {
		return s
	}
	var b strings.Builder
	cursor := 0
	for _, m := range matches {
		b.WriteString(s[cursor:m[0]])
		sub := s[m[0]:m[1]]
		if sub == "_x005F_" {
			cursor = m[1]
			if m[1]+6 <= len(s) && ooxmlEscapeTail.MatchString(s[m[1]:m[1]+6]) {
				if _, err := strconv.Unquote(`"\u` + s[m[1]+1:m[1]+5] + `"`); err == nil {
					b.WriteString(sub + "x005F" + sub)
					continue
				}
			}
			b.WriteString(sub + "x005F_")
			continue
		}
		// A surrogate code ("_xD800_") is dropped, as excelize drops it.
		cursor = m[1]
		if _, err := strconv.Unquote(`"\u` + s[m[0]+2:m[1]-1] + `"`); err == nil {
			b.WriteString("_x005F" + sub)
		}
	}
	b.WriteString(s[cursor:])
	return b.String()
}

// cellFloat writes a number as excelize does: the shortest decimal form,
// cut to 15 significant digits as Excel keeps.
func cellFloat(v float64) string {
	str := strconv.FormatFloat(v, 'f', -1, 64)
	if math.Abs(v) == math.MaxFloat64 {
		return str
	}
	const maxPrec = 15
	decimal := strings.IndexByte(str, '.')
	significant := 0
	for i := range str {
		if str[i] < '0' || str[i] > '9' || significant == 0 && str[i] == '0' {
			continue
		}
		significant++
		if significant <= maxPrec {
			continue
		}
		if decimal >= 0 && i > decimal {
			return strings.TrimSuffix(str[:i], ".")
		}
		if decimal < 0 {
			decimal = len(str)
		}
		cut := []byte(str[:decimal])
		for ; i < len(cut); i++ {
			cut[i] = '0'
		}
		return string(cut)
	}
	return str
}

// Package docx reads the text of a Word (WordprocessingML) document.
// Callers use github.com/screener/screener/parsers, which detects the
// format and normalizes the text; this package is its DOCX step.
package docx

import (
	"archive/zip"
	"context"
	"encoding/xml"
	"errors"
	"io"
	"path"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/screener/screener/parsers/internal/extract"
	"github.com/screener/screener/parsers/internal/zipread"
)

// Extract reads a WordprocessingML package with archive/zip and
// encoding/xml, streaming each part so that memory stays bounded whatever
// the archive claims. Headers come first and footers last, as on the page;
// text boxes are read once (from mc:Choice, never from the mc:Fallback copy
// Word writes beside it); table cells are separated by tabs, a cell that
// spans n columns of the table's grid followed by n-1 tabs more (see
// [extract.Row]); hyperlink targets are kept after their text.
func Extract(ctx context.Context, r io.ReaderAt, size int64, lim extract.Limits) (extract.Result, error) {
	parts, err := zipread.Parts(r, size)
	if err != nil {
		return extract.Result{}, err
	}
	doc := parts["word/document.xml"]
	if doc == nil {
		return extract.Result{}, &extract.Error{Err: extract.ErrUnsupported, Detail: "zip archive without word/document.xml (not a .docx)"}
	}
	w := &docxWalker{lim: lim, budget: zipread.NewBudget(ctx, lim)}
	rels, err := w.readRels(parts["word/_rels/document.xml.rels"])
	if err != nil {
		return extract.Result{}, err
	}
	var headers, footers, notes []*zip.File
	for name, f := range parts {
		dir, base := path.Split(name)
		if dir != "word/" || !strings.HasSuffix(base, ".xml") {
			continue
		}
		switch {
		case strings.HasPrefix(base, "header"):
			headers = append(headers, f)
		case strings.HasPrefix(base, "footer"):
			footers = append(footers, f)
		case base == "footnotes.xml" || base == "endnotes.xml":
			notes = append(notes, f)
		}
	}
	byName := func(fs []*zip.File) { sort.Slice(fs, func(i, j int) bool { return fs[i].Name < fs[j].Name }) }
	byName(headers)
	byName(footers)
	byName(notes)

	var out extract.Result
	var hf strings.Builder
	read := func(f *zip.File, rels map[string]string) (string, error) {
		var sb strings.Builder
		err := w.walk(f, rels, &sb)
		return sb.String(), err
	}
	for _, f := range headers {
		s, err := read(f, w.partRels(parts, f.Name))
		if err != nil {
			return out, err
		}
		hf.WriteString(extract.TrimLines(s) + "\n")
	}
	w.paras = &[]para{}
	body, err := read(doc, rels)
	if err != nil {
		return out, err
	}
	out.Title = titleOf(*w.paras)
	w.paras = nil
	var tail strings.Builder
	for _, f := range notes {
		s, err := read(f, nil)
		if err != nil {
			return out, err
		}
		tail.WriteString(s + "\n")
	}
	var foot strings.Builder
	for _, f := range footers {
		s, err := read(f, w.partRels(parts, f.Name))
		if err != nil {
			return out, err
		}
		foot.WriteString(extract.TrimLines(s) + "\n")
	}
	out.HeaderFooter = hf.String() + foot.String()
	out.Text = hf.String() + "\n" + body + "\n" + tail.String() + "\n" + foot.String()
	return out, nil
}

type docxWalker struct {
	lim    extract.Limits
	budget *zipread.Budget
	paras  *[]para // when set, the first paragraphs of the part, for titleOf
}

// para is one of a document's first paragraphs: its text, style and the
// largest explicit run size (half-points; 0 when none is set).
type para struct {
	text, style string
	size        int
}

// firstParas is how many paragraphs titleOf looks at.
const firstParas = 8

// titleStyles are the style ids of a title paragraph in Word's languages.
var titleStyles = map[string]bool{"Title": true, "Titel": true, "Titre": true, "Título": true, "Titolo": true, "Tytu": true}

// titleOf returns the first paragraphs styled as a title, else those set
// clearly larger (1.3 times, at least 12 pt) than the most common explicit
// size of the first paragraphs; one per line, at most three. It returns ""
// when neither tells.
func titleOf(paras []para) string {
	var out []string
	for _, p := range paras {
		if titleStyles[p.style] {
			out = append(out, p.text)
		} else if len(out) > 0 {
			break
		}
	}
	if len(out) == 0 {
		count := map[int]int{}
		largest := 0
		for _, p := range paras {
			if p.size > 0 {
				count[p.size] += len(p.text)
				largest = max(largest, p.size)
			}
		}
		common := 0
		for size, n := range count {
			if n > count[common] || n == count[common] && size < common {
				common = size
			}
		}
		if largest < 24 || 10*largest < 13*common {
			return ""
		}
		for _, p := range paras {
			if 10*p.size >= 9*largest {
				out = append(out, p.text)
			}
		}
	}
	return strings.Join(out[:min(len(out), 3)], "\n")
}

// partRels loads the relationships of a header or footer part, which keep
// their own hyperlink targets.
func (w *docxWalker) partRels(parts map[string]*zip.File, name string) map[string]string {
	dir, base := path.Split(name)
	rels, _ := w.readRels(parts[dir+"_rels/"+base+".rels"])
	return rels
}

func (w *docxWalker) readRels(f *zip.File) (map[string]string, error) {
	rels := map[string]string{}
	if f == nil {
		return rels, nil
	}
	rc, err := w.budget.Open(f)
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	var doc struct {
		Rels []struct {
			ID     string `xml:"Id,attr"`
			Target string `xml:"Target,attr"`
			Mode   string `xml:"TargetMode,attr"`
		} `xml:"Relationship"`
	}
	if err := zipread.NewXMLDecoder(rc).Decode(&doc); err != nil {
		var pe *extract.Error
		if errors.As(err, &pe) {
			return nil, pe
		}
		return rels, nil // broken relationships lose links, not text
	}
	for _, r := range doc.Rels {
		if r.Mode == "External" {
			rels[r.ID] = r.Target
		}
	}
	return rels, nil
}

// tableRow is the row being read of an open table (w:tbl): its cells so
// far, the columns of the table's grid its open cell spans (w:gridSpan),
// and the grid's columns left empty after its last cell (w:gridAfter).
type tableRow struct {
	row         extract.Row
	span, after int
}

// grid reads a row's or a cell's place in the table's grid: the columns
// before the row's first cell (w:gridBefore, empty cells), the columns the
// cell spans (w:gridSpan) and those after the row's last cell
// (w:gridAfter).
func (r *tableRow) grid(t xml.StartElement) {
	n := 1
	for _, a := range t.Attr {
		if a.Name.Local == "val" {
			if v, err := strconv.Atoi(strings.TrimSpace(a.Value)); err == nil {
				n = min(max(v, 0), extract.MaxSpan)
			}
		}
	}
	switch t.Name.Local {
	case "gridSpan":
		r.span = n
	case "gridBefore":
		for range n {
			r.row.Cell(1)
		}
	case "gridAfter":
		r.after = n
	}
}

var fieldHyperlink = regexp.MustCompile(`HYPERLINK\s+"([^"]+)"`)

// walk writes the text of one XML part to sb.
func (w *docxWalker) walk(f *zip.File, rels map[string]string, sb *strings.Builder) error {
	rc, err := w.budget.Open(f)
	if err != nil {
		return err
	}
	defer rc.Close()
	dec := zipread.NewXMLDecoder(rc)
	dec.Strict = false
	var (
		inText, inInstr bool
		inCell          int      // depth of open table cells: their paragraphs end in a space
		skip            int      // depth inside an element whose text we ignore
		links           []string // hyperlink targets of the open w:hyperlink elements
		linkStart       []int
		open            []para // the open paragraphs, text holding their start offset, when w.paras is set
		starts          []int
		rows            []tableRow // the current row of each open table, the innermost last
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
		if sb.Len() > 2*w.lim.MaxText {
			return nil // enough text; the rest is cut anyway
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if skip > 0 {
				skip++
				continue
			}
			if w.paras != nil {
				switch t.Name.Local {
				case "p":
					open, starts = append(open, para{}), append(starts, sb.Len())
				case "pStyle", "sz":
					if len(open) > 0 {
						for _, a := range t.Attr {
							if a.Name.Local != "val" {
								continue
							}
							if p := &open[len(open)-1]; t.Name.Local == "pStyle" {
								p.style = a.Value
							} else if n, err := strconv.Atoi(a.Value); err == nil {
								p.size = max(p.size, n)
							}
						}
					}
				}
			}
			switch t.Name.Local {
			case "Fallback", "delText", "instrText":
				if t.Name.Local == "instrText" {
					inInstr = true
				} else {
					skip = 1
				}
			case "t":
				inText = true
			case "tbl":
				rows = append(rows, tableRow{})
			case "tr":
				if n := len(rows); n > 0 {
					rows[n-1] = tableRow{}
				}
			case "tc":
				inCell++
				if n := len(rows); n > 0 {
					rows[n-1].span = 1
					rows[n-1].row.Text(sb)
				}
			case "gridSpan", "gridBefore", "gridAfter":
				if n := len(rows); n > 0 {
					rows[n-1].grid(t)
				}
			case "tab", "ptab":
				if inCell > 0 {
					sb.WriteByte(' ') // a tab is a cell boundary: inside a cell, a space
				} else {
					sb.WriteByte('\t')
				}
			case "br", "cr":
				if inCell > 0 {
					sb.WriteByte(' ') // a row stays one line, as a cell's paragraphs do
				} else {
					sb.WriteByte('\n')
				}
			case "noBreakHyphen":
				sb.WriteByte('-')
			case "hyperlink":
				target := ""
				for _, a := range t.Attr {
					if a.Name.Local == "id" {
						target = rels[a.Value]
					}
				}
				links = append(links, target)
				linkStart = append(linkStart, sb.Len())
			}
		case xml.EndElement:
			if skip > 0 {
				skip--
				continue
			}
			switch t.Name.Local {
			case "t":
				inText = false
			case "instrText":
				inInstr = false
			case "p":
				if n := len(open); n > 0 {
					p := open[n-1]
					p.text = strings.Join(strings.Fields(sb.String()[starts[n-1]:]), " ")
					open, starts = open[:n-1], starts[:n-1]
					if p.text != "" && len(*w.paras) < firstParas {
						*w.paras = append(*w.paras, p)
					}
				}
				if inCell > 0 {
					sb.WriteByte(' ')
				} else {
					sb.WriteByte('\n')
				}
			case "tc":
				inCell = max(inCell-1, 0)
				if n := len(rows); n > 0 {
					rows[n-1].row.Cell(rows[n-1].span)
				}
			case "tr":
				if n := len(rows); n > 0 {
					r := &rows[n-1]
					if r.after > 0 {
						r.row.Cell(r.after) // the grid's columns after the row's last cell
					}
					r.row.End(sb)
				}
				sb.WriteByte('\n')
			case "tbl":
				if n := len(rows); n > 0 {
					rows = rows[:n-1]
				}
			case "txbxContent":
				sb.WriteByte('\n')
			case "hyperlink":
				if n := len(links); n > 0 {
					target, start := links[n-1], linkStart[n-1]
					links, linkStart = links[:n-1], linkStart[:n-1]
					extract.WriteLink(sb, sb.String()[start:], target)
				}
			}
		case xml.CharData:
			switch {
			case skip > 0:
			case inText:
				sb.Write(t)
			case inInstr:
				if m := fieldHyperlink.FindSubmatch(t); m != nil {
					extract.WriteLink(sb, "", string(m[1]))
				}
			}
		}
	}
}

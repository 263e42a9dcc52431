package rtf_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/screener/screener/parsers"
	"github.com/screener/screener/parsers/internal/parsertest"
	"github.com/screener/screener/parsers/rtf"
)

const fixtures = "../../testdata/parsers"

func TestRTF(t *testing.T) {
	const fonts = `{\fonttbl{\f0\froman\fcharset0 Times;}{\f1\fswiss\fcharset204 Arial Cyr;}{\f2\fnil\fcharset128 MS Mincho;}{\f3\fnil\fcharset2 Symbol;}}`
	tests := []struct {
		name    string
		in      string
		want    string
		wantHF  string
		wantErr error
	}{
		{
			name: "paragraphs, tabs, lines, symbols",
			in:   `{\rtf1\ansi\deff0 ` + fonts + `{\colortbl;\red0\green0\blue0;}Jane Roe\par Go\tab Rust\line since 2019\par R\'26D \endash  caf\'e9\~team \{braces\} back\\slash\par opt\-ional}`,
			want: "Jane Roe\nGo\tRust\nsince 2019\nR&D – café team {braces} back\\slash\noptional",
		},
		{
			name: "unicode escapes skip their fallbacks",
			in:   `{\rtf1\ansi\uc1 Zo\u235\'ebe \uc2 Tom\u225\'e1\'e1\u353 ?? \u-10179\u-8704 ?? end\par}`,
			want: "Zoëe Tomáš 😀 end",
		},
		{
			name: "code pages: ansicpg, font charsets, double-byte",
			in:   `{\rtf1\ansi\ansicpg1250 ` + fonts + `\f0 \'8a\'e8 \f1 \'cf\'f0\'e8\'e2\'e5\'f2 \f2 \'93\'fa\'96\'7b\par}`,
			want: "Šč Привет 日本",
		},
		{
			name: "destinations skipped",
			in: `{\rtf1\ansi ` + fonts + `{\stylesheet{\s0 Normal;}}{\info{\title Secret title}{\author Someone}}{\*\generator Writer;}` +
				`{\*\unknowndest hidden text}{\pict\pngblip 89504e47}{\*\bkmkstart b}Visible{\*\bkmkend b} {\upr{ansi copy}{\*\ud{unicode copy}}} text\bin4 {}}} after\par}`,
			want: "Visible unicode copy text after",
		},
		{
			name: "headers, footers, footnotes, hyperlinks",
			in: `{\rtf1\ansi{\header\pard Jane Roe \'b7 jane@example.com\par}{\headerf\pard Jane Roe \'b7 jane@example.com\par}{\footer\pard Page 1\par}` +
				`Profile: {\field{\*\fldinst HYPERLINK "https://github.com/janeroe" }{\fldrslt GitHub}} and {\field{\*\fldinst HYPERLINK "mailto:jane@example.com"}{\fldrslt jane@example.com}}` +
				`{\super\chftn}{\*\footnote\pard\plain A footnote\par}\par Body}`,
			want:   "Jane Roe · jane@example.com\n\nProfile: GitHub <https://github.com/janeroe> and jane@example.com\nBody\n\nA footnote\n\nPage 1",
			wantHF: "Jane Roe · jane@example.com\nPage 1",
		},
		{
			name: "tables and deleted revisions",
			in:   `{\rtf1\ansi\trowd\cellx1000\cellx2000\pard\intbl Languages\cell\pard\intbl Go\par Rust\cell\pard\intbl\cell\pard\intbl since\tab 2019\line at least\cell\row\pard Kept {\deleted removed }words\par}`,
			want: "Languages\tGo Rust\t\tsince 2019 at least\nKept words",
		},
		{
			name: "a row's empty first and last cells, and a nested table's",
			in: `{\rtf1\ansi\trowd\cellx1000\cellx2000\cellx3000\pard\intbl\cell\pard\intbl Minimum\cell\pard\intbl Ideal\cell\row` +
				`\trowd\cellx1000\cellx2000\cellx3000\pard\intbl Go\cell\pard\intbl 3 years\cell\pard\intbl\cell\row` +
				`\trowd\cellx1000\cellx2000\cellx3000\pard\intbl Git\cell\cell\cell\row` +
				`\pard\intbl Tools\cell\pard\intbl\itap2 Docker\nestcell\nestcell{\*\nesttableprops\trowd\cellx500\cellx900\nestrow}\pard\intbl\itap1\cell\pard\intbl SQL\cell\row` +
				`\pard After\par}`,
			want: "\tMinimum\tIdeal\nGo\t3 years\t\nGit\t\t\nTools\tDocker\tSQL\nAfter",
		},
		{
			name: "text boxes in shapes, not their fallback copy",
			in:   `{\rtf1\ansi Before {\shp{\*\shpinst{\sp{\sn shapeType}{\sv 202}}{\shptxt Open to relocation\par}}{\shprslt{\*\do copy}Open to relocation}} after\par}`,
			want: "Before Open to relocation\nafter",
		},
		{
			name: "truncated and unbalanced",
			in:   `{\rtf1\ansi First}} line\par{{Second \u26085`,
			want: "First line\nSecond 日",
		},
		{
			name:    "nesting too deep",
			in:      `{\rtf1\ansi ` + strings.Repeat("{", rtf.MaxDepth+1) + "deep" + strings.Repeat("}", rtf.MaxDepth+1) + "}",
			wantErr: parsers.ErrCorrupt,
		},
		{
			name:    "only destinations",
			in:      `{\rtf1\ansi` + fonts + `{\*\generator x;}}`,
			wantErr: parsers.ErrNoText,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := parsertest.ExtractBytes(t, []byte(tt.in), parsers.Limits{})
			if tt.wantErr != nil {
				if !errors.Is(err, tt.wantErr) {
					t.Fatalf("error %v, want %v", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if doc.Format != parsers.RTF {
				t.Errorf("format %q", doc.Format)
			}
			if doc.Text != tt.want {
				t.Errorf("text\n%q\nwant\n%q", doc.Text, tt.want)
			}
			if doc.HeaderFooter != tt.wantHF {
				t.Errorf("HeaderFooter %q, want %q", doc.HeaderFooter, tt.wantHF)
			}
		})
	}
}

func FuzzRTF(f *testing.F) {
	parsertest.Seed(f, fixtures, "*.rtf")
	f.Add([]byte(`{\rtf1\ansi\ansicpg932{\fonttbl{\f0\fcharset128 M;}}\f0\'82\'a0\u-10179\u-8704??{\field{\*\fldinst HYPERLINK "x"}{\fldrslt y}}\bin3 abc\intbl a\cell\row}`))
	f.Fuzz(parsertest.Fuzz)
}

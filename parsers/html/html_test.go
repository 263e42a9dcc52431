package html_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/screener/screener/parsers"
	"github.com/screener/screener/parsers/internal/parsertest"
)

const fixtures = "../../testdata/parsers"

func TestHTML(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		want    string
		wantErr error
	}{
		{
			name: "scripts styles and head dropped",
			in: `<!DOCTYPE html><html><head><title>Jane | Profile</title><style>p{color:red}</style>
<script>var skills = "Kubernetes";</script></head><body><p>Jane Roe</p><script>document.write("<p>Java</p>")</script>
<noscript>Enable JavaScript</noscript><svg><text>Icon</text></svg><p>Go developer</p></body></html>`,
			want: "Jane Roe\nGo developer",
		},
		{
			name: "blocks become lines, inline stays on the line",
			in: `<html><body><h1>Jane  Roe</h1><div>Backend
engineer, <b>Go</b> and <i>Rust</i></div><ul><li>Kafka<li>Redis</ul>Line one<br>line two</body></html>`,
			want: "Jane Roe\nBackend engineer, Go and Rust\nKafka\nRedis\nLine one\nline two",
		},
		{
			name: "table cells a tab apart (one tab each, an empty cell too), rows are lines (a break in a cell a space), end tags optional",
			in:   `<html><body><table><tr><td><p>Languages</p></td><td><p>Go</p><p>Rust</p></td></tr><tr><td>Cloud<td>AWS<td><td><pre>since	2019</pre><tr><td>Data<br>sets<td>Spark</table><p>After</p></body></html>`,
			want: "Languages\tGo Rust\nCloud\tAWS\t\tsince 2019\nData sets\tSpark\nAfter",
		},
		{
			name: "empty first and last cells are cells, a cell spanning n columns n-1 tabs more, a row of one cell no tabs",
			in: `<html><table><tr><th></th><th>Minimum</th><th>Ideal</th></tr>
<tr><td colspan=3>Languages</td></tr>
<tr><td>Go</td><td>3 years</td><td></td></tr>
<tr><td>Git</td><td></td><td></td></tr>
<tr><td colspan="2">Cloud, either</td><td>AWS</td></tr>
<tr><td>SQL<td colspan="2px"></table>`,
			want: "\tMinimum\tIdeal\nLanguages\nGo\t3 years\t\nGit\t\t\nCloud, either\t\tAWS\nSQL\t\t",
		},
		{
			name: "a table in a cell gives its cells a space apart",
			in:   `<html><table><tr><td>Skills<table><tr><td>Go</td><td colspan=2>Rust</td></tr><tr><td>Kafka</table></td><td></td><td>Cloud</td></tr></table>`,
			want: "Skills Go Rust Kafka\t\tCloud",
		},
		{
			name: "links kept like DOCX hyperlinks",
			in: `<html><body><p>Profile: <a href="https://www.linkedin.com/in/janeroe">LinkedIn</a>
<a href="mailto:jane@example.com">jane@example.com</a> <a href="/relative">Blog</a>
<a href="javascript:void(0)">Menu</a> <a href="#top">Top</a> <a href="tel:+441234567">Call</a></p></body></html>`,
			want: "Profile: LinkedIn <https://www.linkedin.com/in/janeroe> jane@example.com Blog Menu Top Call <+441234567>",
		},
		{
			name: "entities and preformatted text",
			in:   "<html><body><p>R&amp;D &ndash; Caf&eacute;&nbsp;team</p><pre>go   test\n  ./...</pre></body></html>",
			want: "R&D – Café team\ngo test\n./...",
		},
		{
			name: "charset from meta",
			in:   "<html><head><meta charset=\"windows-1252\"></head><body><p>Zo\xeb M\xfcller \x96 Caf\xe9</p></body></html>",
			want: "Zoë Müller – Café",
		},
		{
			name: "UTF-8 without a declaration",
			in:   "<!doctype html><p>Tomáš Novák</p>",
			want: "Tomáš Novák",
		},
		{
			name: "deep nesting and unclosed tags",
			in:   "<html><body>" + strings.Repeat("<div><span>", 20000) + "deep text" + strings.Repeat("<table><tr><td>", 200) + "cell",
			want: "deep text\ncell",
		},
		{
			name:    "no text",
			in:      "<html><head><title>Resume</title></head><body><img src=scan.png></body></html>",
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
			if doc.Format != parsers.HTML {
				t.Errorf("format %q", doc.Format)
			}
			if doc.Text != tt.want {
				t.Errorf("text\n%q\nwant\n%q", doc.Text, tt.want)
			}
		})
	}
}

// TestHTMLHeaderFooter: LibreOffice writes a page's header and footer as
// <div title="header"> and <div title="footer">.
func TestHTMLHeaderFooter(t *testing.T) {
	doc, err := parsers.ExtractFile(t.Context(), fixtures+"/word-features.html", parsers.Limits{})
	if err != nil {
		t.Fatal(err)
	}
	if doc.HeaderFooter != "Priya Raman · +44 20 7946 0018 · Leeds\ngithub.com/praman" {
		t.Errorf("HeaderFooter = %q", doc.HeaderFooter)
	}
}

func FuzzHTML(f *testing.F) {
	parsertest.Seed(f, fixtures, "*.html")
	f.Add([]byte("<html><table><tr><td><a href=\"http://x\">a<td>b</table><pre>\n x</pre><div title=footer>f</div>"))
	f.Fuzz(parsertest.Fuzz)
}

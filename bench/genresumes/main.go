// Command genresumes writes resumes for benchmarks: by default synthetic
// ones, half PDF, half DOCX, each one or two pages of plausible text
// (contact lines, summary, skills, dated experience, education) drawn from
// a seeded generator, so the same N gives the same files. The PDFs are
// shaped like a word processor's (embedded fonts with widths and ToUnicode
// maps, words placed by TJ arrays with kerning) and weigh 35–55 KB; the
// DOCX files carry Word's usual parts (styles, settings, a header with the
// contact line) and runs with formatting, and weigh about 5 KB. With
// -from, it copies the PDF and DOCX files of a folder of real resumes round
// robin instead, each copy made distinct by a comment appended after its
// end (which PDF and ZIP readers ignore). With -from and -text, it writes
// plain-text resumes instead: the text screener extracts from each real
// resume, round robin, each copy a different candidate (a name line of its
// own on top, its e-mail addresses made unique), so that a run ranks every
// copy rather than folding them into one person.
//
//	go run ./bench/genresumes -n 10000 -out /tmp/resumes [-from corpus/ [-text]]
package main

import (
	"archive/zip"
	"bytes"
	"compress/zlib"
	"context"
	"flag"
	"fmt"
	"log"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/screener/screener/parsers"
)

var (
	first  = []string{"Ana", "Ben", "Chloé", "Dmitri", "Emeka", "Fatima", "Goran", "Hana", "Ivan", "Julia", "Kofi", "Lena", "Mateo", "Nadia", "Omar", "Priya", "Quinn", "Rosa", "Sven", "Tariq"}
	last   = []string{"Alvarez", "Brown", "Chen", "Dubois", "Eriksen", "Fischer", "García", "Haddad", "Ivanova", "Jensen", "Kowalski", "Larsen", "Moreau", "Nakamura", "Okafor", "Petrov", "Quispe", "Rossi", "Silva", "Tanaka"}
	skills = []string{"Go", "Java", "Python", "Ruby", "PHP", "C#", "JavaScript", "TypeScript", "Kotlin", "Rust", "SQL", "PostgreSQL", "MySQL", "MongoDB", "Redis", "Oracle Database",
		"Docker", "Kubernetes", "Terraform", "AWS", "Azure", "Google Cloud", "Django", "Flask", "Spring Boot", "Node.js", "React", "Apache Kafka", "RabbitMQ", "Git", "GitHub Actions", "Jenkins", "Agile", "Scrum", "Nginx", "Linux"}
	verbs = []string{"Designed", "Built", "Maintained", "Migrated", "Scaled", "Owned", "Automated", "Led"}
	nouns = []string{"payment APIs", "a reporting pipeline", "the search service", "internal tooling", "the billing system", "customer dashboards", "a data warehouse", "the mobile backend"}
)

func main() {
	n := flag.Int("n", 1000, "number of resumes")
	out := flag.String("out", "resumes", "folder to write")
	from := flag.String("from", "", "copy real resumes from this folder (searched recursively) instead of generating")
	asText := flag.Bool("text", false, "with -from: write the real resumes' extracted text as .txt files, each copy a different candidate")
	flag.Parse()
	if err := os.MkdirAll(*out, 0o755); err != nil {
		log.Fatal(err)
	}
	if *from != "" {
		copyFn := copyRound
		if *asText {
			copyFn = textRound
		}
		if err := copyFn(*from, *out, *n); err != nil {
			log.Fatal(err)
		}
		return
	}
	r := rand.New(rand.NewPCG(1, 2))
	for i := 0; i < *n; i++ {
		lines := resume(r, i)
		var data []byte
		name := fmt.Sprintf("resume-%05d", i)
		if i%2 == 0 {
			data, name = pdfOf(lines, r), name+".pdf"
		} else {
			data, name = docxOf(lines), name+".docx"
		}
		if err := os.WriteFile(filepath.Join(*out, name), data, 0o644); err != nil {
			log.Fatal(err)
		}
	}
}

func pick[T any](r *rand.Rand, xs []T) T { return xs[r.IntN(len(xs))] }

func resume(r *rand.Rand, i int) []string {
	fn, ln := pick(r, first), pick(r, last)
	have := r.Perm(len(skills))[:6+r.IntN(10)]
	var sk []string
	for _, k := range have {
		sk = append(sk, skills[k])
	}
	lines := []string{fn + " " + ln, fmt.Sprintf("%s.%s%d@example.com | +44 20 7946 %04d | linkedin.com/in/%s%s%d", strings.ToLower(fn), strings.ToLower(ln), i, i%10000, strings.ToLower(fn), strings.ToLower(ln), i),
		"", "Summary", fmt.Sprintf("Software engineer with %d years of experience in %s and %s.", 2+r.IntN(15), sk[0], sk[1]), "", "Skills", strings.Join(sk, ", "), "", "Experience"}
	year := 2025
	for j := 0; j < 2+r.IntN(4); j++ {
		from := year - 1 - r.IntN(4)
		end := fmt.Sprint(year)
		if j == 0 {
			end = "Present"
		}
		lines = append(lines, fmt.Sprintf("Engineer, Company %d — Jan %d – %s", r.IntN(900), from, end))
		for k := 0; k < 4+r.IntN(6); k++ {
			lines = append(lines, fmt.Sprintf("• %s %s with %s and %s, serving %d requests per second for %d customers in %d countries.",
				pick(r, verbs), pick(r, nouns), pick(r, sk), pick(r, sk), 100+r.IntN(9000), 10+r.IntN(5000), 2+r.IntN(40)))
		}
		year = from
	}
	lines = append(lines, "", "Education", fmt.Sprintf("BSc Computer Science, University %d, %d", r.IntN(99), year-1))
	return lines
}

// pdfOf writes the lines as a PDF shaped like a word processor's: two
// embedded TrueType fonts (regular, bold for headings) with widths and a
// ToUnicode map, each line placed with Tm and shown as a TJ array of words
// with kerning adjustments, 48 lines a page. The font programs are stand-in
// bytes of a realistic size (a reader never needs to parse them for text),
// so files weigh what real one- and two-page resumes weigh.
func pdfOf(lines []string, r *rand.Rand) []byte {
	var pages [][]string
	for len(lines) > 48 {
		pages, lines = append(pages, lines[:48]), lines[48:]
	}
	pages = append(pages, lines)
	var objs []string
	streams := map[int][]byte{}
	kids := ""
	for p, pl := range pages {
		var c bytes.Buffer
		y := 760.0
		for _, l := range pl {
			font, size := "/F1", 10.0
			if isHeading(l) {
				font, size = "/F2", 12.5
				y -= 6
			}
			if l == "" {
				y -= 8
				continue
			}
			fmt.Fprintf(&c, "BT %s %.1f Tf 1 0 0 1 56 %.2f Tm [", font, size, y)
			for k, w := range strings.Fields(l) {
				if k > 0 {
					fmt.Fprintf(&c, "-%d", 250+r.IntN(30)) // the space, as a TJ offset
				}
				// Word-processor style kerning inside longer words.
				if len(w) > 6 && r.IntN(2) == 0 {
					cut := 2 + r.IntN(len(w)-4)
					fmt.Fprintf(&c, "(%s)%d(%s)", pdfEscape(w[:cut]), r.IntN(40)-20, pdfEscape(w[cut:]))
				} else {
					fmt.Fprintf(&c, "(%s)", pdfEscape(w))
				}
			}
			c.WriteString("] TJ ET\n")
			y -= size * 1.35
		}
		pageObj, contentObj := 3+2*p, 4+2*p
		kids += fmt.Sprintf(" %d 0 R", pageObj)
		objs = append(objs, fmt.Sprintf("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents %d 0 R /Resources << /Font << /F1 FONT1 0 R /F2 FONT2 0 R >> >> >>", contentObj), "<< /Length %d /Filter /FlateDecode >>")
		streams[contentObj] = deflate(c.Bytes())
	}
	n := 3 + 2*len(pages) // first font object
	widths := make([]string, 224)
	for i := range widths {
		widths[i] = fmt.Sprint(charWidth(byte(32 + i)))
	}
	cmap := []byte("/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /Generated def 1 begincodespacerange <00> <FF> endcodespacerange 1 beginbfrange <20> <7E> <0020> endbfrange 2 beginbfchar <95> <2022> <96> <2013> endbfchar endcmap CMapName currentdict /CMap defineresource pop end end")
	program := make([]byte, 11000+r.IntN(8000))
	for i := range program {
		program[i] = byte(r.Uint32())
	}
	all := append([]string{"<< /Type /Catalog /Pages 2 0 R >>", fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d >>", kids, len(pages))}, objs...)
	for k, name := range []string{"ABCDEF+Carlito", "ABCDEF+Carlito-Bold"} {
		desc, file, tu := n+4*k+1, n+4*k+2, n+4*k+3 // the font itself is object n+4*k
		all = append(all,
			fmt.Sprintf("<< /Type /Font /Subtype /TrueType /BaseFont /%s /FirstChar 32 /LastChar 255 /Widths [%s] /Encoding /WinAnsiEncoding /FontDescriptor %d 0 R /ToUnicode %d 0 R >>", name, strings.Join(widths, " "), desc, tu),
			fmt.Sprintf("<< /Type /FontDescriptor /FontName /%s /Flags 32 /FontBBox [-500 -300 1300 1000] /ItalicAngle 0 /Ascent 952 /Descent -269 /CapHeight 632 /StemV 80 /FontFile2 %d 0 R >>", name, file),
			"<< /Length %d /Filter /FlateDecode >>",
			"<< /Length %d /Filter /FlateDecode >>")
		streams[file], streams[tu] = deflate(program), deflate(cmap)
	}
	for i := range all {
		all[i] = strings.NewReplacer("FONT1", fmt.Sprint(n), "FONT2", fmt.Sprint(n+4)).Replace(all[i])
	}
	var b bytes.Buffer
	b.WriteString("%PDF-1.7\n")
	offs := make([]int, len(all))
	for i, o := range all {
		offs[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n", i+1)
		if data, ok := streams[i+1]; ok {
			fmt.Fprintf(&b, o+"\nstream\n", len(data))
			b.Write(data)
			b.WriteString("\nendstream\nendobj\n")
			continue
		}
		b.WriteString(o + "\nendobj\n")
	}
	x := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(all)+1)
	for _, o := range offs {
		fmt.Fprintf(&b, "%010d 00000 n \n", o)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(all)+1, x)
	return b.Bytes()
}

func deflate(data []byte) []byte {
	var z bytes.Buffer
	w := zlib.NewWriter(&z)
	w.Write(data)
	w.Close()
	return z.Bytes()
}

// charWidth approximates a sans-serif font's advance widths (1/1000 em).
func charWidth(c byte) int {
	switch {
	case c == ' ' || c == '.' || c == ',' || c == ':' || c == ';' || c == 'i' || c == 'l' || c == 'j' || c == '|':
		return 250
	case c >= 'A' && c <= 'Z':
		return 620
	case c >= 'a' && c <= 'z' || c >= '0' && c <= '9':
		return 500
	}
	return 400
}

func isHeading(l string) bool {
	switch l {
	case "Summary", "Skills", "Experience", "Education":
		return true
	}
	return false
}

// pdfEscape encodes a line for a literal string in WinAnsiEncoding.
func pdfEscape(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '(' || r == ')' || r == '\\':
			b.WriteString(`\` + string(r))
		case r == '•':
			b.WriteString(`\225`)
		case r == '—' || r == '–':
			b.WriteString(`\226`)
		case r < 128:
			b.WriteRune(r)
		case r < 256:
			fmt.Fprintf(&b, `\%03o`, r)
		default:
			b.WriteByte('?')
		}
	}
	return b.String()
}

func docxOf(lines []string) []byte {
	esc := strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;").Replace
	var body strings.Builder
	for i, l := range lines {
		style, bold := "Normal", ""
		if isHeading(l) {
			style, bold = "Heading1", "<w:b/>"
		}
		// Word splits a paragraph into runs wherever formatting or editing
		// history changes; two runs per line is typical.
		cut := strings.IndexByte(l, ' ')
		if cut < 0 {
			cut = len(l)
		}
		fmt.Fprintf(&body, `<w:p w:rsidR="00A1%04X" w:rsidRDefault="00A1%04X"><w:pPr><w:pStyle w:val="%s"/><w:spacing w:after="60"/></w:pPr>`, i, i, style)
		for _, part := range []string{l[:cut], l[cut:]} {
			if part != "" {
				fmt.Fprintf(&body, `<w:r><w:rPr><w:rFonts w:ascii="Calibri" w:hAnsi="Calibri" w:cs="Calibri"/>%s<w:sz w:val="21"/><w:szCs w:val="21"/></w:rPr><w:t xml:space="preserve">%s</w:t></w:r>`, bold, esc(part))
			}
		}
		body.WriteString(`</w:p>`)
	}
	var styles strings.Builder
	for i := 0; i < 120; i++ {
		fmt.Fprintf(&styles, `<w:style w:type="paragraph" w:styleId="Style%d"><w:name w:val="Style %d"/><w:basedOn w:val="Normal"/><w:qFormat/><w:pPr><w:spacing w:before="%d" w:after="60"/></w:pPr><w:rPr><w:rFonts w:ascii="Calibri" w:hAnsi="Calibri"/><w:sz w:val="%d"/></w:rPr></w:style>`, i, i, i*10, 18+i%10)
	}
	const ns = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"`
	var b bytes.Buffer
	z := zip.NewWriter(&b)
	add := func(name, content string) {
		w, _ := z.Create(name)
		w.Write([]byte(content))
	}
	add("[Content_Types].xml", `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/></Types>`)
	add("_rels/.rels", `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`)
	add("word/_rels/document.xml.rels", `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/></Relationships>`)
	add("word/styles.xml", `<?xml version="1.0" encoding="UTF-8"?><w:styles `+ns+`>`+styles.String()+`</w:styles>`)
	add("word/header1.xml", `<?xml version="1.0" encoding="UTF-8"?><w:hdr `+ns+`><w:p><w:r><w:t>`+esc(lines[1])+`</w:t></w:r></w:p></w:hdr>`)
	add("word/settings.xml", `<?xml version="1.0" encoding="UTF-8"?><w:settings `+ns+`><w:zoom w:percent="100"/><w:defaultTabStop w:val="720"/><w:characterSpacingControl w:val="doNotCompress"/><w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat></w:settings>`)
	add("word/document.xml", `<?xml version="1.0" encoding="UTF-8"?><w:document `+ns+`><w:body>`+body.String()+
		`<w:sectPr><w:headerReference w:type="default" r:id="rId2"/><w:pgSz w:w="12240" w:h="15840"/><w:pgMar w:top="1440" w:right="1440" w:bottom="1440" w:left="1440" w:header="708" w:footer="708" w:gutter="0"/></w:sectPr></w:body></w:document>`)
	z.Close()
	return b.Bytes()
}

func copyRound(from, out string, n int) error {
	var files []string
	filepath.WalkDir(from, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && (strings.HasSuffix(p, ".pdf") || strings.HasSuffix(p, ".docx")) {
			files = append(files, p)
		}
		return nil
	})
	if len(files) == 0 {
		return fmt.Errorf("no PDF or DOCX files under %s", from)
	}
	for i := 0; i < n; i++ {
		src := files[i%len(files)]
		data, err := os.ReadFile(src)
		if err != nil {
			return err
		}
		data = append(data, fmt.Sprintf("\n%%copy %d\n", i)...)
		name := fmt.Sprintf("resume-%05d%s", i, filepath.Ext(src))
		if err := os.WriteFile(filepath.Join(out, name), data, 0o644); err != nil {
			return err
		}
	}
	return nil
}

// textRound writes n plain-text resumes made from the text of the real
// resumes under from, round robin. Copy i starts with a name line of its
// own (a first name and a surname spelt from i's digits) and has its
// e-mail addresses made unique, so that no two copies are taken for one
// person; the rest is the real resume's text as screener reads it.
func textRound(from, out string, n int) error {
	var texts []string
	filepath.WalkDir(from, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !(strings.HasSuffix(p, ".pdf") || strings.HasSuffix(p, ".docx")) {
			return nil
		}
		doc, err := parsers.ExtractFile(context.Background(), p, parsers.Limits{OCR: "off"})
		if err == nil && strings.TrimSpace(doc.Text) != "" {
			texts = append(texts, doc.Text)
		}
		return nil
	})
	if len(texts) == 0 {
		return fmt.Errorf("no readable PDF or DOCX files under %s", from)
	}
	email := regexp.MustCompile(`([\p{L}0-9._%+-]+)@`)
	for i := 0; i < n; i++ {
		body := email.ReplaceAllString(texts[i%len(texts)], fmt.Sprintf("${1}.c%d@", i))
		text := first[i%len(first)] + " " + surname(i) + "\n" + body
		name := fmt.Sprintf("resume-%06d.txt", i)
		if err := os.WriteFile(filepath.Join(out, name), []byte(text), 0o644); err != nil {
			return err
		}
	}
	return nil
}

// surname spells i in syllables, one per hexadecimal digit: a distinct
// surname per copy ("Kalomi").
func surname(i int) string {
	syl := []string{"ka", "lo", "mi", "nu", "re", "sa", "to", "vi", "be", "do", "fe", "gu", "ha", "ji", "ko", "lu"}
	var b strings.Builder
	for {
		b.WriteString(syl[i%16])
		i /= 16
		if i == 0 {
			break
		}
	}
	s := b.String()
	return strings.ToUpper(s[:1]) + s[1:]
}

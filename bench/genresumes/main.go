// Command genresumes writes resumes for benchmarks: by default synthetic
// ones, half PDF, half DOCX, each one or two pages of plausible text
// (contact lines, summary, skills, dated experience, education) drawn from
// a seeded generator, so the same N gives the same files. These are small
// (no embedded fonts), so extraction is cheaper than on real files; with
// -from, it copies the PDF and DOCX files of a folder of real resumes round
// robin instead, each copy made distinct by a comment appended after its
// end (which PDF and ZIP readers ignore).
//
//	go run ./bench/genresumes -n 10000 -out /tmp/resumes [-from corpus/]
package main

import (
	"archive/zip"
	"bytes"
	"compress/zlib"
	"flag"
	"fmt"
	"log"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
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
	flag.Parse()
	if err := os.MkdirAll(*out, 0o755); err != nil {
		log.Fatal(err)
	}
	if *from != "" {
		if err := copyRound(*from, *out, *n); err != nil {
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
			data, name = pdfOf(lines), name+".pdf"
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
		for k := 0; k < 3+r.IntN(5); k++ {
			lines = append(lines, fmt.Sprintf("• %s %s with %s and %s, serving %d requests per second.", pick(r, verbs), pick(r, nouns), pick(r, sk), pick(r, sk), 100+r.IntN(9000)))
		}
		year = from
	}
	lines = append(lines, "", "Education", fmt.Sprintf("BSc Computer Science, University %d, %d", r.IntN(99), year-1))
	return lines
}

// pdfOf writes the lines as a PDF with Helvetica, 50 lines a page.
func pdfOf(lines []string) []byte {
	var pages [][]string
	for len(lines) > 50 {
		pages, lines = append(pages, lines[:50]), lines[50:]
	}
	pages = append(pages, lines)
	var objs []string
	var streams = map[int][]byte{}
	kids := ""
	for p, pl := range pages {
		var c bytes.Buffer
		c.WriteString("BT /F1 10 Tf 14 TL 56 760 Td\n")
		for _, l := range pl {
			fmt.Fprintf(&c, "(%s) Tj T*\n", pdfEscape(l))
		}
		c.WriteString("ET")
		pageObj, contentObj := 3+2*p, 4+2*p
		kids += fmt.Sprintf(" %d 0 R", pageObj)
		objs = append(objs, fmt.Sprintf("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents %d 0 R /Resources << /Font << /F1 FONT 0 R >> >> >>", contentObj), "<< /Length %d /Filter /FlateDecode >>")
		var z bytes.Buffer
		w := zlib.NewWriter(&z)
		w.Write(c.Bytes())
		w.Close()
		streams[contentObj] = z.Bytes()
	}
	fontObj := 3 + 2*len(pages)
	all := append([]string{"<< /Type /Catalog /Pages 2 0 R >>", fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d >>", kids, len(pages))}, objs...)
	all = append(all, "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
	for i := range all {
		all[i] = strings.ReplaceAll(all[i], "FONT", fmt.Sprint(fontObj))
	}
	var b bytes.Buffer
	b.WriteString("%PDF-1.4\n")
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
	var body strings.Builder
	for _, l := range lines {
		l = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;").Replace(l)
		fmt.Fprintf(&body, `<w:p><w:r><w:t xml:space="preserve">%s</w:t></w:r></w:p>`, l)
	}
	var b bytes.Buffer
	z := zip.NewWriter(&b)
	add := func(name, content string) {
		w, _ := z.Create(name)
		w.Write([]byte(content))
	}
	add("[Content_Types].xml", `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`)
	add("_rels/.rels", `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`)
	add("word/document.xml", `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>`+body.String()+`</w:body></w:document>`)
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

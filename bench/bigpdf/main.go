// Command bigpdf writes a valid PDF whose pages carry millions of
// text-showing operators, to measure the memory the content-stream
// interpreter needs on such a file (issue: a 6.8 MB PDF with eight million
// Tj operators peaked at 473 MB). The text is drawn from a seeded
// generator, so the same flags give the same file; each page's content is
// one flate stream of short strings, "(ab)Tj", with a line break every 60
// operators.
//
//	go run ./bench/bigpdf -ops 8000000 -pages 1 -out /tmp/big.pdf
//	/usr/bin/time -v go run ./cmd/screener extract -ocr off /tmp/big.pdf >/dev/null
package main

import (
	"bufio"
	"bytes"
	"compress/zlib"
	"flag"
	"fmt"
	"log"
	"math/rand/v2"
	"os"
)

func main() {
	ops := flag.Int("ops", 8_000_000, "text-showing operators in all")
	pages := flag.Int("pages", 1, "pages to spread them over")
	out := flag.String("out", "big.pdf", "file to write")
	flag.Parse()
	if *pages < 1 || *ops < *pages {
		log.Fatal("bigpdf: need -pages ≥ 1 and -ops ≥ -pages")
	}
	f, err := os.Create(*out)
	if err != nil {
		log.Fatal(err)
	}
	w := bufio.NewWriter(f)
	if err := write(w, *ops, *pages); err != nil {
		log.Fatal(err)
	}
	if err := w.Flush(); err != nil {
		log.Fatal(err)
	}
	if err := f.Close(); err != nil {
		log.Fatal(err)
	}
}

// write writes the PDF: catalog (1), page tree (2), font (3), then for each
// page its page object and its content stream.
func write(w *bufio.Writer, ops, pages int) error {
	var offsets []int
	n := 0
	put := func(s string) {
		k, _ := w.WriteString(s)
		n += k
	}
	obj := func(body string) {
		offsets = append(offsets, n)
		put(fmt.Sprintf("%d 0 obj\n%s\nendobj\n", len(offsets), body))
	}
	put("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
	kids := new(bytes.Buffer)
	for p := range pages {
		fmt.Fprintf(kids, "%d 0 R ", 4+2*p)
	}
	obj("<< /Type /Catalog /Pages 2 0 R >>")
	obj(fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d >>", kids, pages))
	obj("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
	rng := rand.New(rand.NewPCG(1, 2))
	for p := range pages {
		obj(fmt.Sprintf("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents %d 0 R /Resources << /Font << /F1 3 0 R >> >> >>", 5+2*p))
		count := ops / pages
		if p == pages-1 {
			count = ops - count*(pages-1)
		}
		data := content(rng, count)
		offsets = append(offsets, n)
		put(fmt.Sprintf("%d 0 obj\n<< /Length %d /Filter /FlateDecode >>\nstream\n", len(offsets), len(data)))
		k, _ := w.Write(data)
		n += k
		put("\nendstream\nendobj\n")
	}
	xref := n
	put(fmt.Sprintf("xref\n0 %d\n0000000000 65535 f \n", len(offsets)+1))
	for _, o := range offsets {
		put(fmt.Sprintf("%010d 00000 n \n", o))
	}
	put(fmt.Sprintf("trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(offsets)+1, xref))
	return nil
}

// content returns one page's compressed content stream with count Tj
// operators of two random lower-case letters each.
func content(rng *rand.Rand, count int) []byte {
	var b bytes.Buffer
	z, _ := zlib.NewWriterLevel(&b, zlib.BestCompression)
	bw := bufio.NewWriter(z)
	bw.WriteString("BT /F1 1 Tf 1.2 TL 10 780 Td\n")
	for i := range count {
		if i%60 == 59 {
			bw.WriteString("T*\n")
		}
		bw.Write([]byte{'(', byte('a' + rng.IntN(26)), byte('a' + rng.IntN(26)), ')', 'T', 'j', '\n'})
	}
	bw.WriteString("ET\n")
	bw.Flush()
	z.Close()
	return b.Bytes()
}

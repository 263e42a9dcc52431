package pdf_test

import (
	"bytes"
	"compress/zlib"
	"fmt"
)

// buildPDF assembles a classic PDF from object bodies (object i+1 is
// objs[i]); a body may use the placeholder STREAM, replaced by a stream with
// the given data. trailer is added to the trailer dictionary.
func buildPDF(header string, objs []string, streams map[int][]byte, trailer string) []byte {
	var b bytes.Buffer
	b.WriteString(header + "\n")
	offs := make([]int, len(objs))
	for i, o := range objs {
		offs[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n", i+1)
		if data, ok := streams[i+1]; ok {
			fmt.Fprintf(&b, "%s\nstream\n", fmt.Sprintf(o, len(data)))
			b.Write(data)
			b.WriteString("\nendstream\nendobj\n")
			continue
		}
		b.WriteString(o + "\nendobj\n")
	}
	x := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objs)+1)
	for _, o := range offs {
		fmt.Fprintf(&b, "%010d 00000 n \n", o)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R %s >>\nstartxref\n%d\n%%%%EOF\n", len(objs)+1, trailer, x)
	return b.Bytes()
}

// simplePDF is a one-page PDF showing text with Helvetica.
func simplePDF(header, content, trailer string) []byte {
	return buildPDF(header, []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
		"<< /Length %d >>",
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
	}, map[int][]byte{4: []byte(content)}, trailer)
}

func deflate(data []byte) []byte {
	var b bytes.Buffer
	w, _ := zlib.NewWriterLevel(&b, zlib.BestCompression)
	w.Write(data)
	w.Close()
	return b.Bytes()
}

package pdf

import (
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/screener/screener/parsers/internal/extract"
)

func readFixture(t *testing.T, path string) *strings.Reader {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return strings.NewReader(string(b))
}

// TestObjectStreamInsideItself: the file whose xref puts object stream 6
// inside itself is corrupt, found before the object layer recurses on it
// (which overflows the stack: fatal to the process, in-process or not).
func TestObjectStreamInsideItself(t *testing.T) {
	r := readFixture(t, "../../testdata/hostile/objstm-self.pdf")
	ra, size, tail := tolerantPDF(r, r.Size())
	err := checkObjectStreams(ra, size, tail)
	if !errors.Is(err, extract.ErrCorrupt) || !strings.Contains(err.Error(), "object stream 6") {
		t.Errorf("error %v, want ErrCorrupt naming object stream 6", err)
	}
}

// TestObjectStreamsOfARealFile: pdfTeX's compressed cross-reference
// stream (Flate with a PNG predictor, object streams) is read, its object
// streams found at top level, and the file passes.
func TestObjectStreamsOfARealFile(t *testing.T) {
	r := readFixture(t, "../../testdata/parsers/latex-resume.pdf")
	ra, size, tail := tolerantPDF(r, r.Size())
	if err := checkObjectStreams(ra, size, tail); err != nil {
		t.Fatal(err)
	}
	i := strings.LastIndex(string(tail), "startxref")
	lx := &lexer{data: tail[i+len("startxref"):]}
	off, _ := lx.next()
	dict, data, ok := xrefStream(ra, size, int64(off.num))
	if !ok {
		t.Fatal("the cross-reference stream was not read")
	}
	var types [3]int
	xrefEntries(dict, data, func(obj, typ, _, _ int) {
		if typ < 3 {
			types[typ]++
		}
	})
	if types[1] == 0 || types[2] == 0 {
		t.Errorf("entries by type %v: want objects at offsets and in object streams", types)
	}
}

// FuzzObjectStreams: the cross-reference check and the flattening of
// object streams read hostile bytes; they must never panic, whatever they
// decide, and a flattened file is no larger than the budget allows.
func FuzzObjectStreams(f *testing.F) {
	for _, p := range []string{"../../testdata/hostile/objstm-self.pdf", "../../testdata/parsers/latex-resume.pdf"} {
		b, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		r := strings.NewReader(string(data))
		ra, size, tail := tolerantPDF(r, r.Size())
		if checkObjectStreams(ra, size, tail) != nil {
			return
		}
		const budget = 1 << 20
		if _, flatSize, ok := flattenObjectStreams(ra, size, tail, budget); ok && flatSize > 2*size+budget+20*int64(4*len(data)+1024)+4096 {
			t.Errorf("flattened to %d bytes from %d", flatSize, size)
		}
	})
}

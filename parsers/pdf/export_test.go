package pdf

import (
	"bytes"
	"io"

	"github.com/ledongthuc/pdf"
)

// LogicalRTL is logicalRTL, for the tests of package pdf_test.
var LogicalRTL = logicalRTL

// FirstRTL is firstRTL.
const FirstRTL = firstRTL

// RefOf is refOf, reporting the object number only.
func RefOf(d pdf.Value, key string) (uint32, bool) {
	ref, ok := refOf(d, key)
	return ref.num, ok
}

// InflateBothWays opens the PDF in data and reads the streams its catalog
// lists under /Streams twice: with the document's pooled decompressors and
// with the object layer's own reader (a stream whose reader panics reads
// as nil). It reports the two readings and how many streams the pool read
// itself.
func InflateBothWays(data []byte) (pooled, layer [][]byte, byPool int, err error) {
	rd, err := openPDF(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, nil, 0, err
	}
	read := func(open func() io.ReadCloser) (b []byte) {
		defer func() { recover() }()
		rc := open()
		b, _ = io.ReadAll(rc)
		rc.Close()
		return b
	}
	zs := &inflaters{file: bytes.NewReader(data)}
	list := rd.Trailer().Key("Root").Key("Streams")
	for i := 0; i < list.Len(); i++ {
		v := list.Index(i)
		pooled = append(pooled, read(func() io.ReadCloser {
			if rc := zs.openFlate(v); rc != nil {
				byPool++
				return rc
			}
			return v.Reader()
		}))
		layer = append(layer, read(v.Reader))
	}
	return pooled, layer, byPool, nil
}

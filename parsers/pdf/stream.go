package pdf

import (
	"bufio"
	"compress/flate"
	"io"
	"reflect"

	"github.com/ledongthuc/pdf"
)

// inflaters opens the Flate-encoded streams of one document with
// decompressors it keeps for reuse: the object layer's Value.Reader makes a
// new one for every stream (some 40 KiB of tables and window, allocated and
// cleared), which costs more than inflating a font's ToUnicode map or a
// short content stream. Streams it does not handle (other filters,
// predictors, a file the object layer decrypts) are read by the object
// layer as before. A nil *inflaters leaves every stream to the object layer.
type inflaters struct {
	file io.ReaderAt // the file the object layer reads
	free []*inflater
}

// inflater is one reusable decompressor; Close returns it to its pool.
type inflater struct {
	pool *inflaters
	br   *bufio.Reader
	fr   io.ReadCloser // a flate reader, reset for each stream
}

func (z *inflater) Read(p []byte) (int, error) { return z.fr.Read(p) }

func (z *inflater) Close() error {
	z.pool.free = append(z.pool.free, z)
	return nil
}

// open returns a reader of stream v's decoded data. Like v.Reader, it may
// panic on a filter the object layer does not know.
func (zs *inflaters) open(v pdf.Value) io.ReadCloser {
	if zs != nil && zs.file != nil {
		if rc := zs.openFlate(v); rc != nil {
			return rc
		}
	}
	return v.Reader()
}

// openFlate opens v with a pooled decompressor if v is a plain
// Flate-encoded stream whose place in the file it can find; otherwise, or
// if the data does not start as zlib data should, it returns nil.
func (zs *inflaters) openFlate(v pdf.Value) io.ReadCloser {
	filter := v.Key("Filter")
	if filter.Kind() != pdf.Name || filter.Name() != "FlateDecode" || v.Key("DecodeParms").Key("Predictor").Kind() != pdf.Null {
		return nil
	}
	n := v.Key("Length").Int64()
	off, ok := streamOffset(v)
	if n <= 0 || !ok {
		return nil
	}
	var z *inflater
	if k := len(zs.free); k > 0 {
		z, zs.free = zs.free[k-1], zs.free[:k-1]
	} else {
		z = &inflater{pool: zs, br: bufio.NewReader(nil)}
	}
	z.br.Reset(io.NewSectionReader(zs.file, off, n))
	// The zlib header, checked as compress/zlib checks it (a preset
	// dictionary is left to the object layer); the data after it is
	// inflated without the Adler-32 checksum at its end, which a content
	// stream or a ToUnicode map could not use: their readers keep what
	// came before an error, and every byte comes before the checksum.
	h, err := z.br.Peek(2)
	if err != nil || h[0]&0x0f != 8 || h[0]>>4 > 7 || (uint(h[0])<<8|uint(h[1]))%31 != 0 || h[1]&0x20 != 0 {
		zs.free = append(zs.free, z)
		return nil
	}
	z.br.Discard(2)
	if z.fr == nil {
		z.fr = flate.NewReader(z.br)
	} else {
		z.fr.(flate.Resetter).Reset(z.br, nil)
	}
	return z
}

// streamOffset reports where the data of stream v starts in the file the
// object layer reads. The object layer keeps it private, so streamOffset
// reads its unexported fields with reflect (read-only), as [refOf] does;
// ok is false for anything but an unencrypted stream of the layout it
// knows, which callers then read through the object layer.
func streamOffset(v pdf.Value) (off int64, ok bool) {
	rv := reflect.ValueOf(v)
	r := rv.FieldByName("r")
	if r.Kind() != reflect.Pointer || r.IsNil() {
		return 0, false
	}
	if key := r.Elem().FieldByName("key"); key.Kind() != reflect.Slice || key.Len() != 0 {
		return 0, false
	}
	data := rv.FieldByName("data")
	if data.Kind() == reflect.Interface {
		data = data.Elem()
	}
	if data.Kind() != reflect.Struct || data.Type().Name() != "stream" {
		return 0, false
	}
	o := data.FieldByName("offset")
	if o.Kind() != reflect.Int64 {
		return 0, false
	}
	return o.Int(), true
}

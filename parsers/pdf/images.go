package pdf

import (
	"bytes"
	"compress/zlib"
	"context"
	"encoding/binary"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"io"
	"math"
	"sort"

	"github.com/ledongthuc/pdf"

	"github.com/screener/screener/parsers/internal/extract"
)

// Image is one image drawn on a page, encoded as a file an OCR engine
// reads: JPEG (DCTDecode data as it is), PNG (rebuilt from Flate-encoded
// samples) or TIFF (CCITT fax data wrapped in a TIFF header).
type Image struct {
	Page          int // 1-based
	Data          []byte
	Width, Height int
	DPI           int // the image's resolution on the page, 0 if unknown
}

// Skipped is an image we cannot hand to OCR, and why.
type Skipped struct {
	Page   int
	Reason string // e.g. "image in JBIG2 (JBIG2Decode), which screener cannot decode"
}

// minOCRSide is the smallest width and height, in pixels, of an image
// worth reading: logos, icons and rules are smaller than a line of text
// scanned at 150 dpi is long.
const minOCRSide = 200

// Images returns the images of every page of a PDF, in page order, for
// OCR of a document without a text layer, and those it cannot decode
// (JBIG2, JPEG 2000, unknown filters) with the precise reason. An image
// of more than maxPixels pixels is [extract.ErrTooLarge].
//
// The object layer decodes only Flate and ASCII85, so the raw bytes of
// each image stream are found in the file itself: every stream whose
// dictionary says /Subtype /Image is indexed by its width, height and
// length, and matched with the page's image XObjects.
//
// With encode false, each image is decoded as far as telling whether OCR
// could read it, but not re-encoded: Data stays nil. That answers "is this
// a scan?" without the cost of PNG encoding when no OCR will run.
func Images(ctx context.Context, r io.ReaderAt, size int64, lim extract.Limits, maxPixels int64, encode bool) ([]Image, []Skipped, error) {
	ra, size, tail := tolerantPDF(r, size)
	data := make([]byte, size)
	if _, err := ra.ReadAt(data, 0); err != nil && err != io.EOF {
		return nil, nil, fmt.Errorf("read: %w", err)
	}
	if isEncrypted(tail) {
		plain, err := decryptPDF(data)
		if err != nil {
			return nil, nil, err
		}
		data = plain
	}
	rd, err := openPDF(bytes.NewReader(data), size)
	if err != nil {
		return nil, nil, err
	}
	pages, err := collectPages(rd, lim)
	if err != nil {
		return nil, nil, err
	}
	index := indexImageStreams(data)
	var imgs []Image
	var skipped []Skipped
	for i, page := range pages {
		if err := ctx.Err(); err != nil {
			return nil, nil, err
		}
		pi, ps, err := pageImages(page, i+1, index, maxPixels, encode)
		if err != nil {
			return nil, nil, err
		}
		imgs, skipped = append(imgs, pi...), append(skipped, ps...)
	}
	return imgs, skipped, nil
}

func pageImages(page pdf.Value, num int, index map[[2]int][][]byte, maxPixels int64, encode bool) (imgs []Image, skipped []Skipped, err error) {
	defer func() {
		if p := recover(); p != nil {
			skipped, err = append(skipped, Skipped{num, fmt.Sprintf("damaged image: %v", p)}), nil
		}
	}()
	xobjs := inherited(page, "Resources").Key("XObject")
	width := pageWidthInches(page)
	keys := xobjs.Keys()
	sort.Strings(keys)
	for _, k := range keys {
		xo := xobjs.Key(k)
		if xo.Key("Subtype").Name() != "Image" {
			continue
		}
		w, h := int(xo.Key("Width").Int64()), int(xo.Key("Height").Int64())
		if w < minOCRSide || h < minOCRSide {
			continue
		}
		if int64(w)*int64(h) > maxPixels {
			return nil, nil, extract.Newf(extract.ErrTooLarge, "page %d: image is %d×%d pixels, limit %d million", num, w, h, maxPixels/1e6)
		}
		raw := match(index[[2]int{w, h}], xo.Key("Length").Int64())
		if raw == nil {
			skipped = append(skipped, Skipped{num, fmt.Sprintf("image %s: stream not found", k)})
			continue
		}
		data, reason := encodeImage(xo, raw, w, h, encode)
		if reason != "" {
			skipped = append(skipped, Skipped{num, reason})
			continue
		}
		if !encode {
			data = nil
		}
		img := Image{Page: num, Data: data, Width: w, Height: h}
		if width > 0 {
			img.DPI = int(math.Round(float64(w) / width))
		}
		imgs = append(imgs, img)
	}
	return imgs, skipped, nil
}

// pageWidthInches is the width of the page's media box, in inches.
func pageWidthInches(page pdf.Value) float64 {
	box := inherited(page, "MediaBox")
	if box.Len() != 4 {
		return 0
	}
	return math.Abs(box.Index(2).Float64()-box.Index(0).Float64()) / 72
}

// match picks the candidate whose length is closest to the declared one
// (a found stream may keep a line end the Length excludes), cut to it.
func match(cands [][]byte, length int64) []byte {
	var best []byte
	for _, c := range cands {
		if best == nil || abs(int64(len(c))-length) < abs(int64(len(best))-length) {
			best = c
		}
	}
	if best != nil && length > 0 && length < int64(len(best)) {
		best = best[:length]
	}
	return best
}

func abs(n int64) int64 {
	if n < 0 {
		return -n
	}
	return n
}

// indexImageStreams finds every stream in data whose dictionary is an
// image's, keyed by width and height.
func indexImageStreams(data []byte) map[[2]int][][]byte {
	index := map[[2]int][][]byte{}
	for pos := 0; ; {
		i := bytes.Index(data[pos:], []byte("stream"))
		if i < 0 {
			return index
		}
		at := pos + i
		pos = at + 6
		if at >= 3 && bytes.HasSuffix(data[:at], []byte("end")) {
			continue // "endstream"
		}
		start := at + 6
		if start < len(data) && data[start] == '\r' {
			start++
		}
		if start < len(data) && data[start] == '\n' {
			start++
		}
		objStart := bytes.LastIndex(data[max(0, at-4096):at], []byte("obj"))
		if objStart < 0 {
			continue
		}
		dict := data[max(0, at-4096)+objStart+3 : at]
		w, h, ok := imageDict(dict)
		if !ok {
			continue
		}
		end := bytes.Index(data[start:], []byte("endstream"))
		if end < 0 {
			end = len(data) - start
		}
		raw := bytes.TrimRight(data[start:start+end], "\r\n")
		index[[2]int{w, h}] = append(index[[2]int{w, h}], raw)
		pos = start + end
	}
}

// imageDict reads /Subtype /Image, /Width and /Height from a stream's
// dictionary.
func imageDict(dict []byte) (w, h int, ok bool) {
	lx := &lexer{data: dict}
	tok, more := lx.next()
	if !more || tok.kind != opDict {
		return 0, 0, false
	}
	image := false
	for i := 0; i+1 < len(tok.arr); i++ {
		k, v := tok.arr[i], tok.arr[i+1]
		if k.kind != opName {
			continue
		}
		switch {
		case k.name == "Subtype" && v.kind == opName && v.name == "Image":
			image = true
		case k.name == "Width" && v.kind == opNumber:
			w = int(v.num)
		case k.name == "Height" && v.kind == opNumber:
			h = int(v.num)
		}
	}
	return w, h, image && w > 0 && h > 0
}

// filterNames lists an image's filters.
func filterNames(xo pdf.Value) []string {
	f := xo.Key("Filter")
	switch f.Kind() {
	case pdf.Name:
		return []string{f.Name()}
	case pdf.Array:
		var out []string
		for i := 0; i < f.Len() && i < 8; i++ {
			out = append(out, f.Index(i).Name())
		}
		return out
	}
	return nil
}

// decodeParms returns the image's decode parameters for its last filter.
func decodeParms(xo pdf.Value) pdf.Value {
	p := xo.Key("DecodeParms")
	if p.Kind() == pdf.Array {
		return p.Index(p.Len() - 1)
	}
	return p
}

// encodeImage turns an image XObject's raw stream into a file Tesseract
// reads, or says why it cannot. With encode false, samples are decoded
// (which is what can fail) but not encoded as PNG.
func encodeImage(xo pdf.Value, raw []byte, w, h int, encode bool) ([]byte, string) {
	filters := filterNames(xo)
	if len(filters) == 0 {
		filters = []string{""}
	}
	last := filters[len(filters)-1]
	if len(filters) > 1 {
		return nil, fmt.Sprintf("image with filters %v, which screener cannot decode", filters)
	}
	switch last {
	case "DCTDecode", "DCT":
		return raw, ""
	case "CCITTFaxDecode", "CCF":
		return ccittTIFF(raw, decodeParms(xo), w, h, inverted(xo)), ""
	case "FlateDecode", "Fl", "":
		if !encode {
			// What can fail depends on the samples' length, not on
			// their values: count them, keep none.
			n, reason := samplesLength(xo, raw, w, h, last != "")
			if reason == "" {
				_, reason = samplesLayout(xo, n, w, h)
			}
			return nil, reason
		}
		samples := raw
		if last != "" {
			var err error
			samples, err = inflate(raw, inflateLimit(w, h))
			if err != nil {
				return nil, "image data: " + err.Error()
			}
			if samples, err = unpredict(samples, decodeParms(xo), w, components(xo), bitsPerComponent(xo)); err != nil {
				return nil, "image data: " + err.Error()
			}
		}
		img, reason := samplesImage(xo, samples, w, h)
		if reason != "" {
			return nil, reason
		}
		var b bytes.Buffer
		if err := png.Encode(&b, img); err != nil {
			return nil, "image: " + err.Error()
		}
		return b.Bytes(), ""
	case "JBIG2Decode":
		return nil, "image in JBIG2 (JBIG2Decode), which screener cannot decode"
	case "JPXDecode":
		return nil, "image in JPEG 2000 (JPXDecode), which screener cannot decode"
	}
	return nil, fmt.Sprintf("image with filter %s, which screener cannot decode", last)
}

// inflateLimit is the most a w×h image's Flate data may inflate to: four
// bytes a pixel, a predictor's byte a row, and some slack. More is a bomb.
func inflateLimit(w, h int) int64 { return int64(w)*int64(h)*4 + int64(h) + 1024 }

// inflate decompresses zlib data, failing past limit bytes (a bomb).
func inflate(raw []byte, limit int64) ([]byte, error) {
	var out bytes.Buffer
	if err := inflateTo(&out, raw, limit); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}

// inflateTo decompresses zlib data into w, failing past limit bytes (a
// bomb), or with the first error if no byte came before it; a truncated
// stream keeps the bytes it has.
func inflateTo(w io.Writer, raw []byte, limit int64) error {
	zr, err := zlib.NewReader(bytes.NewReader(raw))
	if err != nil {
		return err
	}
	n, err := io.Copy(w, io.LimitReader(zr, limit+1))
	if n > limit {
		return fmt.Errorf("inflates past %s (bomb?)", extract.FormatBytes(limit))
	}
	if err != nil && n == 0 {
		return err
	}
	return nil
}

// byteCounter is a writer that keeps only the count of what it is given.
type byteCounter int64

func (c *byteCounter) Write(p []byte) (int, error) {
	*c += byteCounter(len(p))
	return len(p), nil
}

// samplesLength is the length of an image's samples, as encodeImage
// would decode them from raw (inflated if flate is set, then rid of a
// predictor's row filters), without keeping them; or the reason they
// cannot be decoded, as encodeImage gives it.
func samplesLength(xo pdf.Value, raw []byte, w, h int, flate bool) (int, string) {
	if !flate {
		return len(raw), ""
	}
	var n byteCounter
	if err := inflateTo(&n, raw, inflateLimit(w, h)); err != nil {
		return 0, "image data: " + err.Error()
	}
	rowBytes, _, err := predictorRows(decodeParms(xo), w, components(xo), bitsPerComponent(xo))
	if err != nil {
		return 0, "image data: " + err.Error()
	}
	if rowBytes == 0 {
		return int(n), ""
	}
	return int(n) / (rowBytes + 1) * rowBytes, ""
}

func bitsPerComponent(xo pdf.Value) int {
	if xo.Key("ImageMask").Bool() {
		return 1
	}
	if b := int(xo.Key("BitsPerComponent").Int64()); b > 0 {
		return b
	}
	return 8
}

// colorSpace returns the family of the image's colour space and, for
// Indexed, the base's component count and the palette.
func colorSpace(xo pdf.Value) (family string, comps int, palette []byte) {
	if xo.Key("ImageMask").Bool() {
		return "DeviceGray", 1, nil
	}
	cs := xo.Key("ColorSpace")
	name := cs.Name()
	if cs.Kind() == pdf.Array {
		name = cs.Index(0).Name()
	}
	switch name {
	case "DeviceGray", "CalGray", "G":
		return "DeviceGray", 1, nil
	case "DeviceRGB", "CalRGB", "RGB":
		return "DeviceRGB", 3, nil
	case "DeviceCMYK", "CMYK":
		return "DeviceCMYK", 4, nil
	case "ICCBased":
		switch cs.Index(1).Key("N").Int64() {
		case 1:
			return "DeviceGray", 1, nil
		case 4:
			return "DeviceCMYK", 4, nil
		}
		return "DeviceRGB", 3, nil
	case "Separation":
		return "Separation", 1, nil
	case "Indexed", "I":
		base, baseComps := colorSpaceOf(cs.Index(1))
		lookup := cs.Index(3)
		var pal []byte
		if lookup.Kind() == pdf.Stream {
			rc := lookup.Reader()
			pal, _ = io.ReadAll(io.LimitReader(rc, 256*4))
			rc.Close()
		} else {
			pal = []byte(lookup.RawString())
		}
		if base == "" {
			return "", 0, nil
		}
		return "Indexed/" + base, baseComps, pal
	}
	return "", 0, nil
}

// colorSpaceOf is the family and component count of an Indexed space's
// base.
func colorSpaceOf(v pdf.Value) (string, int) {
	name := v.Name()
	if v.Kind() == pdf.Array {
		name = v.Index(0).Name()
	}
	switch name {
	case "DeviceGray", "CalGray":
		return "DeviceGray", 1
	case "DeviceRGB", "CalRGB":
		return "DeviceRGB", 3
	case "DeviceCMYK":
		return "DeviceCMYK", 4
	case "ICCBased":
		if v.Index(1).Key("N").Int64() == 1 {
			return "DeviceGray", 1
		}
		return "DeviceRGB", 3
	}
	return "", 0
}

func components(xo pdf.Value) int {
	family, comps, _ := colorSpace(xo)
	if len(family) > 8 && family[:8] == "Indexed/" {
		return 1
	}
	return max(comps, 1)
}

// inverted reports a /Decode array that swaps dark and light ([1 0]).
func inverted(xo pdf.Value) bool {
	d := xo.Key("Decode")
	return d.Len() >= 2 && d.Index(0).Float64() > d.Index(1).Float64()
}

// sampleLayout is how an image's decoded samples are laid out.
type sampleLayout struct {
	family      string // as colorSpace gives it
	comps       int
	palette     []byte
	indexed     bool
	bpc         int
	rowBytes, h int // h: the rows the samples hold, at most the image's height
}

// samplesLayout reads the layout of n bytes of samples of an image w
// pixels wide and h high, or says why they cannot make an image.
func samplesLayout(xo pdf.Value, n, w, h int) (sampleLayout, string) {
	family, comps, palette := colorSpace(xo)
	l := sampleLayout{family: family, comps: comps, palette: palette, bpc: bitsPerComponent(xo), h: h}
	if family == "" {
		return l, fmt.Sprintf("image in colour space %v, which screener cannot decode", xo.Key("ColorSpace"))
	}
	l.indexed = len(family) > 8 && family[:8] == "Indexed/"
	perPixel := comps
	if l.indexed {
		perPixel = 1
	}
	if l.bpc != 1 && l.bpc != 2 && l.bpc != 4 && l.bpc != 8 && l.bpc != 16 {
		return l, fmt.Sprintf("image with %d bits per component", l.bpc)
	}
	l.rowBytes = (w*perPixel*l.bpc + 7) / 8
	if n < l.rowBytes*h {
		l.h = n / l.rowBytes // a short stream keeps its whole rows
		if l.h == 0 {
			return l, "image data is empty"
		}
	}
	return l, ""
}

// samplesImage builds an image from decoded samples.
func samplesImage(xo pdf.Value, s []byte, w, h int) (image.Image, string) {
	l, reason := samplesLayout(xo, len(s), w, h)
	if reason != "" {
		return nil, reason
	}
	family, comps, palette, indexed, bpc, rowBytes := l.family, l.comps, l.palette, l.indexed, l.bpc, l.rowBytes
	h = l.h
	sample := func(row []byte, i int) int { // the i-th sample of a row, scaled to 0–255
		switch bpc {
		case 8:
			return int(row[i])
		case 16:
			return int(row[2*i])
		}
		bit := i * bpc
		v := int(row[bit/8]>>(8-bpc-bit%8)) & (1<<bpc - 1)
		if indexed {
			return v
		}
		return v * 255 / (1<<bpc - 1)
	}
	inv := inverted(xo)
	switch {
	case !indexed && (family == "DeviceGray" || family == "Separation"):
		img := image.NewGray(image.Rect(0, 0, w, h))
		for y := 0; y < h; y++ {
			row := s[y*rowBytes:]
			for x := 0; x < w; x++ {
				v := sample(row, x)
				if inv != (family == "Separation") { // a tint of 1 is full ink: dark
					v = 255 - v
				}
				img.Pix[y*img.Stride+x] = uint8(v)
			}
		}
		return img, ""
	default:
		img := image.NewRGBA(image.Rect(0, 0, w, h))
		for y := 0; y < h; y++ {
			row := s[y*rowBytes:]
			for x := 0; x < w; x++ {
				var c [4]int
				if indexed {
					idx := sample(row, x)
					for j := 0; j < comps; j++ {
						if k := idx*comps + j; k < len(palette) {
							c[j] = int(palette[k])
						}
					}
				} else {
					for j := 0; j < comps; j++ {
						c[j] = sample(row, x*comps+j)
					}
				}
				var rgb color.RGBA
				switch comps {
				case 1:
					rgb = color.RGBA{uint8(c[0]), uint8(c[0]), uint8(c[0]), 255}
				case 4:
					r, g, b := color.CMYKToRGB(uint8(c[0]), uint8(c[1]), uint8(c[2]), uint8(c[3]))
					rgb = color.RGBA{r, g, b, 255}
				default:
					rgb = color.RGBA{uint8(c[0]), uint8(c[1]), uint8(c[2]), 255}
				}
				img.SetRGBA(x, y, rgb)
			}
		}
		return img, ""
	}
}

// unpredict undoes a PNG predictor (Predictor 10–15: a filter byte before
// each row); TIFF predictor 2 is not supported.
func unpredict(s []byte, parms pdf.Value, w, comps, bpc int) ([]byte, error) {
	rowBytes, bpp, err := predictorRows(parms, w, comps, bpc)
	if err != nil || rowBytes == 0 {
		return s, err
	}
	return undoPNGFilters(s, rowBytes, bpp), nil
}

// maxPredictorParam bounds a predictor's columns, colours and bits, so
// that the length of a row cannot overflow: no image comes near it.
const maxPredictorParam = 1 << 20

// predictorRows reads the parameters of an image's predictor: the bytes
// of a row of samples (0 if there is no predictor) and of a pixel.
func predictorRows(parms pdf.Value, w, comps, bpc int) (rowBytes, bpp int, err error) {
	pred := parms.Key("Predictor").Int64()
	if pred <= 1 {
		return 0, 0, nil
	}
	if pred < 10 {
		return 0, 0, fmt.Errorf("TIFF predictor %d is not supported", pred)
	}
	cols := int64(w)
	if c := parms.Key("Columns").Int64(); c > 0 {
		cols = c
	}
	colors, bits := int64(comps), int64(bpc)
	if c := parms.Key("Colors").Int64(); c > 0 {
		colors = c
	}
	if b := parms.Key("BitsPerComponent").Int64(); b > 0 {
		bits = b
	}
	if cols > maxPredictorParam || colors > maxPredictorParam || bits > maxPredictorParam {
		return 0, 0, fmt.Errorf("predictor of %d columns, %d colours of %d bits is out of range", cols, colors, bits)
	}
	comps, bpc = int(colors), int(bits)
	bpp = max(1, comps*bpc/8)
	rowBytes = (int(cols)*comps*bpc + 7) / 8
	return rowBytes, bpp, nil
}

// ccittTIFF wraps CCITT fax data in a one-strip TIFF (Compression 3 for
// Group 3, K ≥ 0; 4 for Group 4, K < 0) that Leptonica reads. White is
// zero, as fax decoders write it; /Decode [1 0] swaps that.
func ccittTIFF(raw []byte, parms pdf.Value, w, h int, invert bool) []byte {
	k := parms.Key("K").Int64()
	cols := w
	if c := parms.Key("Columns").Int64(); c > 0 {
		cols = int(c)
	}
	rows := h
	if r := parms.Key("Rows").Int64(); r > 0 {
		rows = int(r)
	}
	compression, photometric := uint32(4), uint32(0)
	if k >= 0 {
		compression = 3
	}
	if invert {
		photometric = 1
	}
	var t4 uint32
	if k > 0 {
		t4 |= 1 // two-dimensional coding
	}
	if parms.Key("EncodedByteAlign").Bool() {
		t4 |= 4 // fill bits before each line
	}
	type entry struct {
		tag, typ uint16
		value    uint32
	}
	entries := []entry{
		{256, 4, uint32(cols)}, {257, 4, uint32(rows)}, {258, 3, 1}, {259, 3, compression},
		{262, 3, photometric}, {273, 4, 0}, {277, 3, 1}, {278, 4, uint32(rows)}, {279, 4, uint32(len(raw))},
	}
	if compression == 3 {
		entries = append(entries, entry{292, 4, t4})
	} else {
		entries = append(entries, entry{293, 4, 0})
	}
	ifdLen := 2 + 12*len(entries) + 4
	dataOff := uint32(8 + ifdLen)
	var b bytes.Buffer
	b.WriteString("II*\x00")
	binary.Write(&b, binary.LittleEndian, uint32(8))
	binary.Write(&b, binary.LittleEndian, uint16(len(entries)))
	for _, e := range entries {
		v := e.value
		if e.tag == 273 {
			v = dataOff
		}
		binary.Write(&b, binary.LittleEndian, e.tag)
		binary.Write(&b, binary.LittleEndian, e.typ)
		binary.Write(&b, binary.LittleEndian, uint32(1))
		if e.typ == 3 {
			binary.Write(&b, binary.LittleEndian, uint16(v))
			binary.Write(&b, binary.LittleEndian, uint16(0))
		} else {
			binary.Write(&b, binary.LittleEndian, v)
		}
	}
	binary.Write(&b, binary.LittleEndian, uint32(0)) // no next IFD
	b.Write(raw)
	return b.Bytes()
}

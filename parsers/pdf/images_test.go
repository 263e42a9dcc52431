package pdf_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"image/png"
	"strings"
	"testing"

	"github.com/screener/screener/parsers"
	"github.com/screener/screener/parsers/pdf"
)

// imagePDF is a one-page PDF (8.5 × 11 in) drawing one image XObject with
// the given dictionary entries and stream.
func imagePDF(dict string, data []byte) []byte {
	return buildPDF("%PDF-1.4", []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /XObject << /Im1 5 0 R >> >> >>",
		"<< /Length %d >>",
		"<< /Type /XObject /Subtype /Image " + dict + " /Length %d >>",
	}, map[int][]byte{4: []byte("q 612 0 0 792 0 0 cm /Im1 Do Q"), 5: data}, "")
}

func images(t *testing.T, data []byte) ([]pdf.Image, []pdf.Skipped, error) {
	t.Helper()
	imgs, skipped, err := pdf.Images(context.Background(), bytes.NewReader(data), int64(len(data)), parsers.Limits{}.WithDefaults(), 50e6, true)
	// Without encoding, the same images are found and the same ones
	// skipped, for the same reasons; only their data is left out.
	probed, probeSkipped, probeErr := pdf.Images(context.Background(), bytes.NewReader(data), int64(len(data)), parsers.Limits{}.WithDefaults(), 50e6, false)
	if (err == nil) != (probeErr == nil) || len(probed) != len(imgs) || fmt.Sprint(probeSkipped) != fmt.Sprint(skipped) {
		t.Errorf("without encoding: %d images, skipped %v, error %v; with: %d, %v, %v", len(probed), probeSkipped, probeErr, len(imgs), skipped, err)
	}
	for i := range probed {
		if probed[i].Data != nil || probed[i].Page != imgs[i].Page || probed[i].DPI != imgs[i].DPI {
			t.Errorf("image %d without encoding: %+v, with: page %d dpi %d", i, probed[i], imgs[i].Page, imgs[i].DPI)
		}
	}
	return imgs, skipped, err
}

func TestImages(t *testing.T) {
	// 300×300 grey, rows PNG-filtered with "up" (2): the first row is a
	// ramp, every later row repeats it (all-zero differences).
	var rows []byte
	for y := 0; y < 300; y++ {
		if y == 0 {
			rows = append(rows, 0)
			for x := 0; x < 300; x++ {
				rows = append(rows, byte(x))
			}
			continue
		}
		rows = append(rows, 2)
		rows = append(rows, make([]byte, 300)...)
	}
	flate := imagePDF("/Width 300 /Height 300 /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode /DecodeParms << /Predictor 15 /Columns 300 >>", deflate(rows))
	imgs, skipped, err := images(t, flate)
	if err != nil || len(imgs) != 1 || len(skipped) != 0 {
		t.Fatalf("flate: %v %v %v", imgs, skipped, err)
	}
	decoded, err := png.Decode(bytes.NewReader(imgs[0].Data))
	if err != nil {
		t.Fatal(err)
	}
	if r, _, _, _ := decoded.At(200, 150).RGBA(); r>>8 != 200 || imgs[0].DPI != 35 || imgs[0].Page != 1 {
		t.Errorf("pixel (200,150) = %d, dpi %d; want 200, 35 (300 px over 8.5 in)", r>>8, imgs[0].DPI)
	}

	jpeg := []byte("\xFF\xD8\xFF\xE0 pretend JPEG data \xFF\xD9")
	imgs, _, err = images(t, imagePDF("/Width 1000 /Height 1400 /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /DCTDecode", jpeg))
	if err != nil || len(imgs) != 1 || !bytes.Equal(imgs[0].Data, jpeg) {
		t.Errorf("DCT: %v %v", imgs, err)
	}

	fax := []byte{0x26, 0xA0, 0x3C, 0x07}
	imgs, _, err = images(t, imagePDF("/Width 2550 /Height 3300 /ColorSpace /DeviceGray /BitsPerComponent 1 /Filter /CCITTFaxDecode /DecodeParms << /K -1 /Columns 2550 /Rows 3300 >>", fax))
	if err != nil || len(imgs) != 1 || !bytes.HasPrefix(imgs[0].Data, []byte("II*\x00")) || !bytes.HasSuffix(imgs[0].Data, fax) ||
		!bytes.Contains(imgs[0].Data, []byte{0x03, 0x01, 0x03, 0x00, 0x01, 0x00, 0x00, 0x00, 0x04, 0x00}) { // Compression (259) = 4, Group 4
		t.Errorf("CCITT: %v %v", imgs, err)
	}

	for _, tt := range []struct{ filter, want string }{
		{"JBIG2Decode", "image in JBIG2 (JBIG2Decode), which screener cannot decode"},
		{"JPXDecode", "image in JPEG 2000 (JPXDecode), which screener cannot decode"},
		{"RunLengthDecode", "image with filter RunLengthDecode"},
	} {
		imgs, skipped, err := images(t, imagePDF("/Width 1000 /Height 1000 /ColorSpace /DeviceGray /BitsPerComponent 1 /Filter /"+tt.filter, []byte("data")))
		if err != nil || len(imgs) != 0 || len(skipped) != 1 || skipped[0].Page != 1 || !strings.Contains(skipped[0].Reason, tt.want) {
			t.Errorf("%s: %v %v %v", tt.filter, imgs, skipped, err)
		}
	}

	// A logo is not a scan.
	if imgs, skipped, err := images(t, imagePDF("/Width 120 /Height 40 /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /DCTDecode", jpeg)); err != nil || len(imgs)+len(skipped) != 0 {
		t.Errorf("small image: %v %v %v", imgs, skipped, err)
	}
	// A pixel bomb is refused before decoding.
	if _, _, err := images(t, imagePDF("/Width 100000 /Height 100000 /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode", deflate(make([]byte, 1000)))); !errors.Is(err, parsers.ErrTooLarge) {
		t.Errorf("pixel bomb: %v", err)
	}
	// A flate bomb inside the image is a reason, not a crash.
	_, skipped, err = images(t, imagePDF("/Width 300 /Height 300 /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode", deflate(make([]byte, 4<<20))))
	if err != nil || len(skipped) != 1 || !strings.Contains(skipped[0].Reason, "bomb") {
		t.Errorf("flate bomb: %v %v", skipped, err)
	}
}

// TestImageSamplesProbed checks that, for each way an image's samples can
// decode or fail, telling whether OCR could read it (without encoding)
// gives the outcome and reason that decoding and encoding it give: the
// probe counts the samples instead of keeping them (see the images
// helper, which runs both).
func TestImageSamplesProbed(t *testing.T) {
	gray := func(rows int) []byte { return bytes.Repeat([]byte{0x80}, 300*rows) }
	filtered := func(rows int) []byte { // PNG "none" filter before each row
		var b []byte
		for range rows {
			b = append(append(b, 0), bytes.Repeat([]byte{0x40}, 300)...)
		}
		return b
	}
	whole := deflate(gray(300))
	const grayDict = "/Width 300 /Height 300 /ColorSpace /DeviceGray /BitsPerComponent 8"
	tests := []struct {
		name   string
		dict   string
		data   []byte
		reason string // "" for an image OCR can read
	}{
		{"flate", grayDict + " /Filter /FlateDecode", whole, ""},
		{"flate, short of rows", grayDict + " /Filter /FlateDecode", deflate(gray(120)), ""},
		{"flate, cut off mid-stream", grayDict + " /Filter /FlateDecode", whole[:len(whole)/2], ""},
		{"flate, nothing inflated", grayDict + " /Filter /FlateDecode", deflate(nil), "image data is empty"},
		{"flate, less than a row", grayDict + " /Filter /FlateDecode", deflate(gray(1)[:299]), "image data is empty"},
		{"not zlib data", grayDict + " /Filter /FlateDecode", []byte("plain bytes"), "image data: zlib: invalid header"},
		{"zlib cut before any byte", grayDict + " /Filter /FlateDecode", whole[:2], "image data: unexpected EOF"},
		{"PNG predictor", grayDict + " /Filter /FlateDecode /DecodeParms << /Predictor 15 /Columns 300 >>", deflate(filtered(300)), ""},
		{"PNG predictor, less than a row", grayDict + " /Filter /FlateDecode /DecodeParms << /Predictor 15 /Columns 300 >>", deflate(filtered(1)[:300]), "image data is empty"},
		{"TIFF predictor", grayDict + " /Filter /FlateDecode /DecodeParms << /Predictor 2 >>", whole, "image data: TIFF predictor 2 is not supported"},
		{"predictor rows out of range", grayDict + " /Filter /FlateDecode /DecodeParms << /Predictor 15 /Columns 4611686018427387904 /Colors 4 >>", whole, "out of range"},
		{"no filter", grayDict, gray(300), ""},
		{"no filter, short", grayDict, gray(2)[:400], ""},
		{"unknown colour space", "/Width 300 /Height 300 /ColorSpace /Lab /BitsPerComponent 8 /Filter /FlateDecode", whole, "image in colour space"},
		{"three bits per component", "/Width 300 /Height 300 /ColorSpace /DeviceGray /BitsPerComponent 3 /Filter /FlateDecode", whole, "image with 3 bits per component"},
		{"grey, 16 bits", "/Width 300 /Height 300 /ColorSpace /DeviceGray /BitsPerComponent 16 /Filter /FlateDecode", deflate(bytes.Repeat([]byte{1, 2}, 300*300)), ""},
		{"RGB", "/Width 300 /Height 300 /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /FlateDecode", deflate(bytes.Repeat([]byte{1, 2, 3}, 300*300)), ""},
		{"indexed", "/Width 300 /Height 300 /ColorSpace [/Indexed /DeviceRGB 1 <000000FFFFFF>] /BitsPerComponent 1 /Filter /FlateDecode", deflate(bytes.Repeat([]byte{0x5A}, 38*300)), ""},
		{"a bomb", grayDict + " /Filter /FlateDecode", deflate(make([]byte, 4<<20)), "bomb"},
	}
	for _, tt := range tests {
		imgs, skipped, err := images(t, imagePDF(tt.dict, tt.data))
		switch {
		case err != nil:
			t.Errorf("%s: %v", tt.name, err)
		case tt.reason == "" && (len(imgs) != 1 || len(skipped) != 0):
			t.Errorf("%s: %d images, skipped %v; want one image", tt.name, len(imgs), skipped)
		case tt.reason != "" && (len(imgs) != 0 || len(skipped) != 1 || !strings.Contains(skipped[0].Reason, tt.reason)):
			t.Errorf("%s: %d images, skipped %v; want %q", tt.name, len(imgs), skipped, tt.reason)
		}
	}
}

// TestScanWithoutDecodableImages: a scanned PDF whose only image is JBIG2
// says so, page by page.
func TestScanWithoutDecodableImages(t *testing.T) {
	_, err := extractBytes(t, imagePDF("/Width 2480 /Height 3508 /ColorSpace /DeviceGray /BitsPerComponent 1 /Filter /JBIG2Decode", []byte("data")), parsers.Limits{})
	if !errors.Is(err, parsers.ErrNoText) || !strings.Contains(err.Error(), "page 1: image in JBIG2 (JBIG2Decode), which screener cannot decode") {
		t.Errorf("error %v", err)
	}
}

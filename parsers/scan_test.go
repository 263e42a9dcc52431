package parsers_test

import (
	"bytes"
	"encoding/binary"
	"errors"
	"hash/crc32"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/screener/screener/parsers"
	"github.com/screener/screener/parsers/internal/parsertest"
)

// needTesseract skips a test, saying why, where Tesseract is not installed.
func needTesseract(t *testing.T) {
	t.Helper()
	if _, err := exec.LookPath("tesseract"); err != nil {
		t.Skip("tesseract not on PATH: OCR not tested (apt-get install tesseract-ocr tesseract-ocr-eng)")
	}
}

// TestOCR reads scans of word-features.pdf made with pdftoppm and img2pdf
// (see testdata/README.md): a 300 dpi JPEG, a 150 dpi JPEG turned two
// degrees, a Group 4 fax image and a Flate-compressed PNG, each wrapped in
// a PDF, and the 150 dpi page as a PNG and a JPEG file, and as a PNG turned
// a quarter turn (as a phone photo often is).
func TestOCR(t *testing.T) {
	needTesseract(t)
	for _, tt := range []struct {
		file   string
		format parsers.Format
	}{
		{"scan-300.pdf", parsers.PDF},
		{"scan-150-rotated.pdf", parsers.PDF},
		{"scan-g4.pdf", parsers.PDF},
		{"scan-flate.pdf", parsers.PDF},
		{"scan.png", parsers.Image},
		{"scan.jpg", parsers.Image},
		{"scan-rot90.png", parsers.Image}, // turned a quarter: found by orientation detection
	} {
		t.Run(tt.file, func(t *testing.T) {
			doc, err := parsers.ExtractFile(t.Context(), filepath.Join(fixtures, tt.file), parsers.Limits{})
			if err != nil {
				t.Fatal(err)
			}
			if doc.Format != tt.format || !doc.OCR || doc.OCRConfidence < 60 || doc.OCRConfidence > 100 {
				t.Errorf("format %s, OCR %v, confidence %.1f", doc.Format, doc.OCR, doc.OCRConfidence)
			}
			want := []string{"Priya Raman", "priya.raman@example.com", "Languages Go Rust", "Cloud Kubernetes Terraform", "Staff Engineer, Nimbus Labs"}
			if strings.Contains(tt.file, "rot90") { // turned back, the table's last column is read as a block of its own
				want = []string{"Priya Raman", "priya.raman@example.com", "Languages Go", "Cloud Kubernetes", "Rust", "Terraform", "Staff Engineer, Nimbus Labs"}
			}
			for _, w := range want {
				if !strings.Contains(doc.Text, w) {
					t.Errorf("text lacks %q:\n%s", w, doc.Text)
				}
			}
			parsertest.CheckInvariants(t, doc, parsers.Limits{}.WithDefaults())
		})
	}
}

func TestOCRUnavailable(t *testing.T) {
	scan := filepath.Join(fixtures, "scan-300.pdf")
	_, err := parsers.ExtractFile(t.Context(), scan, parsers.Limits{OCR: "off"})
	var e *parsers.Error
	if !errors.As(err, &e) || !errors.Is(err, parsers.ErrNoText) || !strings.Contains(e.Hint, "OCR is turned off") {
		t.Errorf("-ocr off: %v", err)
	}
	t.Setenv("PATH", t.TempDir())
	for _, f := range []string{"scan-300.pdf", "scan.png"} {
		_, err = parsers.ExtractFile(t.Context(), filepath.Join(fixtures, f), parsers.Limits{})
		if !errors.As(err, &e) || !errors.Is(err, parsers.ErrNoText) || e.Hint != "install tesseract-ocr to read scanned resumes" {
			t.Errorf("%s without tesseract: %v", f, err)
		}
	}
}

// pngHeader is a PNG signature and IHDR chunk declaring w×h pixels, with
// no image data: enough for the pixel-count check, which must refuse it
// before anything is decoded.
func pngHeader(w, h uint32) []byte {
	var b bytes.Buffer
	b.WriteString("\x89PNG\r\n\x1a\n")
	ihdr := binary.BigEndian.AppendUint32(nil, w)
	ihdr = binary.BigEndian.AppendUint32(ihdr, h)
	ihdr = append(ihdr, 8, 0, 0, 0, 0)
	binary.Write(&b, binary.BigEndian, uint32(len(ihdr)))
	chunk := append([]byte("IHDR"), ihdr...)
	b.Write(chunk)
	binary.Write(&b, binary.BigEndian, crc32.ChecksumIEEE(chunk))
	return b.Bytes()
}

func TestImageLimits(t *testing.T) {
	tests := []struct {
		name    string
		data    []byte
		lim     parsers.Limits
		wantErr error
		detail  string
	}{
		{"pixel bomb", pngHeader(100000, 100000), parsers.Limits{}, parsers.ErrTooLarge, "100000×100000 pixels, limit 50 million"},
		{"under a lower limit", pngHeader(3000, 3000), parsers.Limits{MaxPixels: 1e6}, parsers.ErrTooLarge, "limit 1 million"},
		{"broken header", []byte("\x89PNG\r\n\x1a\n\x00\x00"), parsers.Limits{}, parsers.ErrCorrupt, "PNG image"},
		{"GIF", []byte("GIF89a\x01\x00\x01\x00"), parsers.Limits{}, parsers.ErrUnsupported, "GIF"},
	}
	for _, tt := range tests {
		_, err := parsertest.ExtractBytes(t, tt.data, tt.lim)
		if !errors.Is(err, tt.wantErr) || !strings.Contains(err.Error(), tt.detail) {
			t.Errorf("%s: error %v, want %v with %q", tt.name, err, tt.wantErr, tt.detail)
		}
	}
}

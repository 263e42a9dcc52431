// Package raster checks image files (PNG, JPEG, TIFF) before they are read
// with OCR: their kind and pixel dimensions come from the header alone, so
// a decompression bomb is refused before any pixel is decoded. Callers use
// github.com/screener/screener/parsers, which runs the OCR.
package raster

import (
	"bytes"
	"image"
	"image/jpeg"
	"image/png"
	"io"

	"golang.org/x/image/tiff"

	"github.com/screener/screener/parsers/internal/extract"
)

// Kind names the image format of head ("PNG", "JPEG", "TIFF"), or "".
func Kind(head []byte) string {
	switch {
	case bytes.HasPrefix(head, []byte("\x89PNG\r\n\x1a\n")):
		return "PNG"
	case bytes.HasPrefix(head, []byte("\xFF\xD8\xFF")):
		return "JPEG"
	case bytes.HasPrefix(head, []byte("II*\x00")), bytes.HasPrefix(head, []byte("MM\x00*")):
		return "TIFF"
	}
	return ""
}

// Check reads the image's header and returns its width and height. An
// image of more than maxPixels pixels is [extract.ErrTooLarge]; a header
// that does not parse is [extract.ErrCorrupt].
func Check(r io.ReaderAt, size int64, maxPixels int64) (w, h int, err error) {
	head := make([]byte, min(size, 16))
	r.ReadAt(head, 0)
	kind := Kind(head)
	var cfg image.Config
	sr := io.NewSectionReader(r, 0, size)
	switch kind {
	case "PNG":
		cfg, err = png.DecodeConfig(sr)
	case "JPEG":
		cfg, err = jpeg.DecodeConfig(sr)
	case "TIFF":
		cfg, err = tiff.DecodeConfig(sr)
	default:
		return 0, 0, extract.Newf(extract.ErrUnsupported, "not a PNG, JPEG or TIFF image")
	}
	if err != nil {
		return 0, 0, extract.Newf(extract.ErrCorrupt, "%s image: %v", kind, err)
	}
	if cfg.Width <= 0 || cfg.Height <= 0 {
		return 0, 0, extract.Newf(extract.ErrCorrupt, "%s image of %d×%d pixels", kind, cfg.Width, cfg.Height)
	}
	if int64(cfg.Width)*int64(cfg.Height) > maxPixels {
		return 0, 0, extract.Newf(extract.ErrTooLarge, "%s image is %d×%d pixels, limit %d million", kind, cfg.Width, cfg.Height, maxPixels/1e6)
	}
	return cfg.Width, cfg.Height, nil
}

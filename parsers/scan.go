package parsers

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/screener/screener/parsers/internal/extract"
	"github.com/screener/screener/parsers/ocr"
	"github.com/screener/screener/parsers/pdf"
	"github.com/screener/screener/parsers/raster"
)

// readScan reads an image file, or a PDF without a text layer, with OCR
// (package ocr): the image file as it is, each PDF page's images as
// package pdf rebuilds them. Pages are read one after another; the
// confidence is the mean over all words. Without OCR (Limits.OCR "off", or
// no Tesseract on PATH) the document is [ErrNoText] with a hint; so is a
// PDF whose images cannot be decoded, with the reason for each page.
func readScan(ctx context.Context, r io.ReaderAt, size int64, format Format, lim Limits) (ocr.Result, error) {
	noText := &Error{Err: ErrNoText, Detail: "no text layer"}
	if format == Image {
		noText.Detail = "an image, not a document with text"
		if _, _, err := raster.Check(r, size, lim.MaxPixels); err != nil {
			return ocr.Result{}, err
		}
	}
	var imgs []pdf.Image
	if format == PDF {
		// The images first: a scan OCR could not read anyway says why.
		var skipped []pdf.Skipped
		var err error
		// Encoded for Tesseract only when it will run.
		willOCR := lim.OCR != "off" && ocr.Available()
		imgs, skipped, err = pdf.Images(ctx, r, size, lim, lim.MaxPixels, willOCR)
		if err != nil {
			return ocr.Result{}, err
		}
		if len(imgs) == 0 {
			var why []string
			for _, s := range skipped {
				why = append(why, fmt.Sprintf("page %d: %s", s.Page, s.Reason))
			}
			if len(why) > 0 {
				noText.Detail = "no text layer, and no image OCR can read (" + strings.Join(why, "; ") + ")"
			} else {
				noText.Detail = "no text layer and no scanned image"
			}
			return ocr.Result{}, noText
		}
	}
	switch {
	case lim.OCR == "off":
		noText.Hint = "a scan or photo; OCR is turned off"
		return ocr.Result{}, noText
	case !ocr.Available():
		noText.Hint = ocr.Hint
		return ocr.Result{}, noText
	}
	if format == Image {
		data := make([]byte, size)
		if _, err := r.ReadAt(data, 0); err != nil && err != io.EOF {
			return ocr.Result{}, fmt.Errorf("read: %w", err)
		}
		return ocr.Page(ctx, data, lim.OCRLang, 0, lim.OCRPageTimeout)
	}
	var all ocr.Result
	var texts []string
	var sum float64
	for _, img := range imgs {
		res, err := ocr.Page(ctx, img.Data, lim.OCRLang, img.DPI, lim.OCRPageTimeout)
		if err != nil {
			var e *extract.Error
			if errors.As(err, &e) && e.Err == extract.ErrTimeout {
				e.Detail = fmt.Sprintf("page %d: %s", img.Page, e.Detail)
			}
			return ocr.Result{}, err
		}
		texts = append(texts, res.Text)
		sum += res.Confidence * float64(res.Words)
		all.Words += res.Words
		if len(strings.Join(texts, "")) > 2*lim.MaxText {
			break
		}
	}
	all.Text = strings.Join(texts, "\n\n")
	if all.Words > 0 {
		all.Confidence = sum / float64(all.Words)
	}
	return all, nil
}

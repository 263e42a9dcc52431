package main

import (
	"context"
	"flag"
	"fmt"
	"io"

	"github.com/screener/screener/parsers"
	"github.com/screener/screener/rules"
)

func cmdExtract(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("extract", flag.ContinueOnError)
	fs.SetOutput(stderr)
	sections := fs.Bool("sections", false, "show the section and skills found on each line")
	ocrMode := fs.String("ocr", "auto", "read scans and photos with Tesseract: auto (when installed) or off")
	ocrLang := fs.String("ocr-lang", "eng", "Tesseract `languages` for OCR, e.g. eng+deu")
	if err := fs.Parse(args); err != nil {
		return usageErr(err)
	}
	if fs.NArg() == 0 {
		return usageError{"usage: screener extract [-sections] [-ocr auto|off] [-ocr-lang LANGS] FILE..."}
	}
	if *ocrMode != "auto" && *ocrMode != "off" {
		return usageError{"extract: -ocr must be auto or off"}
	}
	tax := rules.DefaultTaxonomy()
	var failed error
	for _, p := range fs.Args() {
		doc, err := parsers.ExtractFile(ctx, p, parsers.Limits{OCR: *ocrMode, OCRLang: *ocrLang})
		if err != nil {
			fmt.Fprintf(stderr, "screener: %v\n", err)
			failed = fmt.Errorf("some files could not be read")
			continue
		}
		if fs.NArg() > 1 {
			fmt.Fprintf(stdout, "==> %s <==\n", p)
		}
		if doc.OCR {
			fmt.Fprintf(stderr, "screener: %s: read with OCR, mean word confidence %.1f: check the text\n", p, doc.OCRConfidence)
		}
		if !*sections {
			fmt.Fprintln(stdout, doc.Text)
			continue
		}
		for _, line := range rules.AnnotateLines(tax, doc.Text) {
			fmt.Fprintln(stdout, line)
		}
	}
	return failed
}

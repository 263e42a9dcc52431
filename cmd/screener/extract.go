package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"time"

	"github.com/screener/screener/parsers"
	"github.com/screener/screener/parsers/worker"
	"github.com/screener/screener/rules"
)

func cmdExtract(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("extract", flag.ContinueOnError)
	fs.SetOutput(stderr)
	sections := fs.Bool("sections", false, "show the section and skills found on each line")
	ocrMode := fs.String("ocr", "auto", "read scans and photos with Tesseract: auto (when installed) or off")
	ocrLang := fs.String("ocr-lang", "eng", "Tesseract `languages` for OCR, e.g. eng+deu")
	timeout := fs.Duration("timeout", 30*time.Second, "time limit per file")
	memory := byteSize(512 << 20)
	fs.Var(&memory, "max-memory", "memory limit of the extraction worker")
	inProcess := fs.Bool("in-process", false, "extract in this process instead of an isolated worker (a hostile file can hang it)")
	if err := fs.Parse(args); err != nil {
		return usageErr(err)
	}
	if fs.NArg() == 0 {
		return usageError{"usage: screener extract [-sections] [-ocr auto|off] [-ocr-lang LANGS] [-timeout D] [-max-memory SIZE] [-in-process] FILE..."}
	}
	if *ocrMode != "auto" && *ocrMode != "off" {
		return usageError{"extract: -ocr must be auto or off"}
	}
	tax := rules.DefaultTaxonomy()
	limits := parsers.Limits{OCR: *ocrMode, OCRLang: *ocrLang}
	// Each file in an isolated worker, as screen reads it: a file that
	// loops or exhausts memory is stopped at the limits, and Ctrl-C stops
	// the worker.
	extract := func(ctx context.Context, path string) (*parsers.Document, error) {
		ctx, cancel := context.WithTimeout(ctx, *timeout)
		defer cancel()
		return parsers.ExtractFile(ctx, path, limits)
	}
	if !*inProcess {
		sup := worker.NewSupervisor(worker.Options{Command: workerCommand(), Limits: limits, Timeout: *timeout, MemoryLimit: int64(memory)})
		defer sup.Close()
		extract = sup.Extract
	}
	var failed error
	for _, p := range fs.Args() {
		doc, err := extract(ctx, p)
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

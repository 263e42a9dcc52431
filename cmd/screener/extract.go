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
	if err := fs.Parse(args); err != nil {
		return usageErr(err)
	}
	if fs.NArg() == 0 {
		return usageError{"usage: screener extract [-sections] FILE..."}
	}
	tax := rules.DefaultTaxonomy()
	var failed error
	for _, p := range fs.Args() {
		doc, err := parsers.ExtractFile(ctx, p, parsers.Limits{})
		if err != nil {
			fmt.Fprintf(stderr, "screener: %v\n", err)
			failed = fmt.Errorf("some files could not be read")
			continue
		}
		if fs.NArg() > 1 {
			fmt.Fprintf(stdout, "==> %s <==\n", p)
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

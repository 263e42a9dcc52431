package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"time"

	"github.com/screener/screener/parsers"
	"github.com/screener/screener/redact"
	"github.com/screener/screener/rules"
)

const redactUsage = `Usage: screener redact FILE

Prints the text of one resume with what identifies the candidate, or their
sex or age, replaced by labels: names, e-mails, phones, URLs, street
addresses, dates of birth and ages, gender words and pronouns, and labelled
personal details. Skills, employers, titles and dates of roles stay. For
blind review; read the output before relying on it.

Example:
  screener redact resumes/jane-doe.pdf > blind/C-3f9a2b71d4.txt
`

func cmdRedact(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("redact", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() { fmt.Fprint(stderr, redactUsage) }
	if err := fs.Parse(args); err != nil {
		return usageErr(err)
	}
	if fs.NArg() != 1 {
		return usageError{"usage: screener redact FILE"}
	}
	path := fs.Arg(0)
	doc, err := extractIsolated(ctx, path, parsers.Limits{})
	if err != nil {
		return err
	}
	// The profile names the candidate (from the text only).
	p := rules.DefaultTaxonomy().Analyze(rules.Resume{Text: doc.Text, PageHeader: doc.HeaderFooter}, time.Now())
	id := redact.Identity{Names: []string{p.Name}, Emails: []string{p.Email}, Phones: []string{p.Phone}, Links: p.Links}
	_, err = fmt.Fprintln(stdout, redact.Text(doc.Text, id))
	return err
}

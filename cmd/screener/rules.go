package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"

	"github.com/screener/screener/parsers"
	"github.com/screener/screener/rules"
)

// loadRules reads -rules, or derives the rules from the -job posting,
// which read reads.
func loadRules(ctx context.Context, job, rulesFile string, read reader) (*rules.Set, string, error) {
	if rulesFile != "" {
		fh, err := os.Open(rulesFile)
		if err != nil {
			return nil, "", err
		}
		defer fh.Close()
		set, err := rules.Load(fh, rulesFile, nil)
		return set, rulesFile, err
	}
	set, _, err := derivePosting(ctx, job, read)
	if err != nil {
		return nil, "", err
	}
	return set, job, nil
}

// derivePosting reads a job posting in any format the parsers read (text,
// Markdown, PDF, DOCX, ...) with read and derives its rules, with the
// reason for each.
func derivePosting(ctx context.Context, job string, read reader) (*rules.Set, []rules.Reason, error) {
	doc, err := read(ctx, job)
	if err != nil {
		var pe *parsers.Error
		if errors.Is(err, parsers.ErrNoText) && errors.As(err, &pe) && pe.Hint == "" {
			pe.Hint = "the file holds no words screener can read: check it is the posting, or save the posting's text as a .txt file"
		}
		return nil, nil, fmt.Errorf("job posting: %w", err)
	}
	set, reasons := rules.DefaultTaxonomy().DeriveExplained(doc.Text)
	set.Source = filepath.Base(job)
	if len(set.Required)+len(set.OneOf)+len(set.Preferred) == 0 {
		return nil, nil, fmt.Errorf("%s: %w (hint: 'screener extract %s' shows the text read from it; a posting must name a technology screener knows, or write the rules by hand and use -rules)", job, errNoSkills, job)
	}
	return set, reasons, nil
}

// errNoSkills is a posting from which no skill could be derived: exit
// status 2, as for a rule file that asks for nothing.
var errNoSkills = errors.New("no known skills found in the posting")

func cmdRules(args []string, stdout, stderr io.Writer) error {
	const usageLine = "usage: screener rules derive [-explain] POSTING | screener rules check RULES.yaml"
	if len(args) == 0 || (args[0] != "derive" && args[0] != "check") {
		return usageError{usageLine}
	}
	fs := flag.NewFlagSet("rules "+args[0], flag.ContinueOnError)
	fs.SetOutput(stderr)
	explain := false
	if args[0] == "derive" {
		fs.BoolVar(&explain, "explain", false, "before the rules, say for each why: its sentence, the cue that decided its strength, its heading")
		fs.Usage = func() {
			fmt.Fprint(stderr, rulesDeriveUsage)
			fs.PrintDefaults()
		}
	}
	if err := fs.Parse(args[1:]); err != nil {
		return usageErr(err)
	}
	if fs.NArg() != 1 {
		return usageError{usageLine}
	}
	file := fs.Arg(0)
	switch args[0] {
	case "derive":
		return writeDerived(context.Background(), stdout, file, explain, isolated(parsers.Limits{}))
	default:
		set, _, err := loadRules(context.Background(), "", file, isolated(parsers.Limits{}))
		if err != nil {
			return err
		}
		fmt.Fprintf(stdout, "%s: ok: %d required, %d one-of groups, %d preferred (hash %s)\n",
			file, len(set.Required), len(set.OneOf), len(set.Preferred), set.Hash())
		return nil
	}
}

// writeDerived derives the rules of the posting file, read with read, and
// writes them as a rule file: a header that says where they come from (and
// that a scan was read with OCR), with explain each rule's reasons, then
// the rules.
func writeDerived(ctx context.Context, w io.Writer, file string, explain bool, read reader) error {
	var ocr *parsers.Document
	set, reasons, err := derivePosting(ctx, file, func(ctx context.Context, path string) (*parsers.Document, error) {
		doc, err := read(ctx, path)
		if doc != nil && doc.OCR {
			ocr = doc
		}
		return doc, err
	})
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "# Rules derived by screener %s from %s.\n# Review them: check each group and requirement against the posting.\n", buildVersion(), filepath.Base(file))
	if ocr != nil {
		fmt.Fprintf(w, "# Read from a scan with OCR (mean word confidence %.0f%%): check each rule against the posting.\n", ocr.OCRConfidence)
	}
	if explain {
		var b strings.Builder
		if err := rules.WriteExplanation(&b, reasons); err != nil {
			return err
		}
		fmt.Fprint(w, "#\n# Why each rule:\n#\n")
		for _, line := range strings.Split(strings.TrimRight(b.String(), "\n"), "\n") {
			fmt.Fprintln(w, strings.TrimRight("# "+line, " "))
		}
		fmt.Fprintln(w)
	}
	return set.WriteYAML(w)
}

// warnOCR returns read, logging a warning for a posting it reads with OCR:
// its rules may hold what the OCR misread.
func warnOCR(read reader, log *slog.Logger) reader {
	return func(ctx context.Context, path string) (*parsers.Document, error) {
		doc, err := read(ctx, path)
		if doc != nil && doc.OCR {
			log.Warn(fmt.Sprintf("posting read from a scan with OCR (mean word confidence %.0f%%): check its rules with 'screener rules derive -explain %s'", doc.OCRConfidence, path), "file", path)
		}
		return doc, err
	}
}

// Command postings measures how well rules derived from job postings match
// the rules a recruiter would write. Each posting of testdata/postings has
// a label, NAME.want.yaml, in the rule file's own format: the skills
// required, the one-of groups, the preferred skills, the total and
// per-skill minimum years, and the degree with whether it is required (see
// testdata/postings/README.md for how postings are labelled).
// MANIFEST.tsv lists the postings, each in the "tune" or the "holdout"
// split: holdout postings were written with the others, before derivation
// was changed, and no rule was written while looking at them.
//
//	go run ./bench/postings [-format src|txt|pdf|docx|html] [-only REGEXP] [-v]
//
// prints, per posting and per split: the share of labelled skills found,
// the share given the right strength (required, one-of or preferred), the
// groups kept together, the year counts right, the degrees right and the
// skills derived that the labels do not name. -v lists every difference;
// -only keeps the postings whose name matches REGEXP (-only '^5[0-9]-'), for
// the figures of one batch.
//
//	go run ./bench/postings -html
//
// writes NAME.html, a job board's page, for each text posting;
// bench/postings/formats.sh then prints it to PDF and converts it to DOCX.
package main

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/screener/screener/parsers"
	"github.com/screener/screener/rules"
)

func main() {
	if err := run(os.Args[1:], os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "postings:", err)
		os.Exit(1)
	}
}

func run(args []string, stdout io.Writer) error {
	fs := flag.NewFlagSet("postings", flag.ContinueOnError)
	dir := fs.String("dir", "testdata/postings", "folder of postings, labels and MANIFEST.tsv")
	format := fs.String("format", "src", "which version to read: src (as written), txt, pdf, docx or html")
	verbose := fs.Bool("v", false, "list every difference")
	writeHTML := fs.Bool("html", false, "write a job board's page NAME.html for each text posting, and stop")
	only := fs.String("only", "", "keep only the postings whose name matches this regular expression")
	if err := fs.Parse(args); err != nil {
		return err
	}
	list, err := readManifest(filepath.Join(*dir, "MANIFEST.tsv"))
	if err != nil {
		return err
	}
	if *only != "" {
		if list, err = keep(list, *only); err != nil {
			return err
		}
	}
	if *writeHTML {
		return writePages(*dir, list)
	}
	tax := rules.DefaultTaxonomy()
	totals := map[string]*tally{"tune": {}, "holdout": {}, "all": {}}
	for _, p := range list {
		path := p.file(*dir, *format)
		if path == "" {
			fmt.Fprintf(stdout, "%-24s %-7s (no %s version)\n", p.name, p.split, *format)
			continue
		}
		want, err := loadWant(filepath.Join(*dir, p.name+".want.yaml"), tax)
		if err != nil {
			return err
		}
		got, err := derive(context.Background(), path, tax)
		if err != nil {
			return err
		}
		t := compare(want, got)
		totals[p.split].add(t)
		totals["all"].add(t)
		fmt.Fprintf(stdout, "%-24s %-7s %s\n", p.name, p.split, &t)
		if *verbose {
			fmt.Fprint(stdout, indent(t.problems))
		}
	}
	fmt.Fprintln(stdout)
	for _, split := range []string{"tune", "holdout", "all"} {
		fmt.Fprintf(stdout, "%-32s %s\n", split, totals[split])
	}
	return nil
}

// derive reads a posting the way screener reads -job: text extracted by the
// parsers from whatever format the file is, then rules derived from it.
func derive(ctx context.Context, path string, tax *rules.Taxonomy) (*rules.Set, error) {
	doc, err := parsers.ExtractFile(ctx, path, parsers.Limits{})
	if err != nil {
		return nil, err
	}
	return tax.Derive(doc.Text), nil
}

func loadWant(path string, tax *rules.Taxonomy) (*rules.Set, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return rules.Load(f, path, tax)
}

type posting struct{ name, split string }

// file returns the posting's version in format, or "" if there is none.
func (p posting) file(dir, format string) string {
	var exts []string
	switch format {
	case "src", "txt":
		exts = []string{".txt", ".md"}
		if format == "src" {
			exts = append(exts, ".html")
		}
	default:
		exts = []string{"." + format}
	}
	for _, ext := range exts {
		path := filepath.Join(dir, p.name+ext)
		if _, err := os.Stat(path); err == nil {
			return path
		}
	}
	return ""
}

func readManifest(path string) ([]posting, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []posting
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		fields := strings.Split(line, "\t")
		if len(fields) < 2 || (fields[1] != "tune" && fields[1] != "holdout") {
			return nil, fmt.Errorf("%s:%d: want NAME, tab, tune or holdout", path, n)
		}
		out = append(out, posting{fields[0], fields[1]})
	}
	if len(out) == 0 && sc.Err() == nil {
		return nil, errors.New(path + ": no postings")
	}
	return out, sc.Err()
}

// keep returns the postings of list whose name matches the regular
// expression expr.
func keep(list []posting, expr string) ([]posting, error) {
	re, err := regexp.Compile(expr)
	if err != nil {
		return nil, fmt.Errorf("-only: %w", err)
	}
	var out []posting
	for _, p := range list {
		if re.MatchString(p.name) {
			out = append(out, p)
		}
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("-only %q: no posting matches", expr)
	}
	return out, nil
}

func writePages(dir string, list []posting) error {
	for _, p := range list {
		src := p.file(dir, "txt")
		if src == "" {
			continue
		}
		text, err := os.ReadFile(src)
		if err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(dir, p.name+".html"), []byte(jobBoardPage(string(text))), 0o644); err != nil {
			return err
		}
	}
	return nil
}

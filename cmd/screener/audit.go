package main

import (
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/screener/screener/audit"
)

const auditUsage = `Usage: screener audit -results RUN.jsonl -demographics PEOPLE.csv [-out audit.xlsx] [-json] [-min-share 0.02]

Computes the figures of a bias audit of one screening run: for each group of
each attribute in PEOPLE.csv (and each sex × race/ethnicity intersection),
applicants, selected (qualified), selection and scoring rates, impact ratios,
a flag below 0.8; and each rule's effect, recomputed as if it were dropped.
PEOPLE.csv joins on a column email, id (the blind candidate ID) or sha256,
with columns sex and race_ethnicity; other columns are reported alone.
Demographics are read for the audit only and stored nowhere.

Prints a summary, or with -json one JSON document (see the README).

Example:
  screener screen -rules rules.yaml -jsonl run.jsonl ./resumes
  screener audit -results run.jsonl -demographics people.csv -out audit.xlsx

Flags:
`

func cmdAudit(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("audit", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() { fmt.Fprint(stderr, auditUsage); fs.PrintDefaults() }
	results := fs.String("results", "", "JSON Lines `FILE` written by screen -jsonl")
	people := fs.String("demographics", "", "CSV `FILE` of self-reported demographics (email, id or sha256; sex, race_ethnicity, ...)")
	out := fs.String("out", "", "workbook `FILE` to write (none if empty)")
	asJSON := fs.Bool("json", false, "print one JSON document instead of the summary")
	minShare := fs.Float64("min-share", 0, "leave groups under this share of scored candidates out of the impact ratios (e.g. 0.02)")
	if err := fs.Parse(args); err != nil {
		return usageErr(err)
	}
	switch {
	case *results == "" || *people == "":
		return usageError{"audit needs -results and -demographics"}
	case fs.NArg() > 0:
		return usageError{fmt.Sprintf("audit takes no arguments (got %q)", fs.Arg(0))}
	case *minShare < 0 || *minShare >= 1:
		return usageError{"-min-share must be at least 0 and below 1 (0.02 is 2%)"}
	}
	var outs []*output
	if *out != "" {
		outs = append(outs, &output{flag: "-out", path: *out})
	}
	if err := planOutputs(outs); err != nil {
		return err
	}
	rf, err := os.Open(*results)
	if err != nil {
		return err
	}
	defer rf.Close()
	run, err := audit.ReadResults(rf)
	if err != nil {
		return fmt.Errorf("%s: %w", *results, err)
	}
	pf, err := os.Open(*people)
	if err != nil {
		return err
	}
	defer pf.Close()
	demo, err := audit.ReadDemographics(pf)
	if err != nil {
		return fmt.Errorf("%s: %w", *people, err)
	}
	rep := audit.Compute(run, demo, audit.Options{MinShare: *minShare})
	for _, o := range outs {
		o.write = rep.WriteWorkbook
	}
	if err := writeOutputs(outs, stdout); err != nil {
		return err
	}
	if *asJSON {
		return rep.WriteJSON(stdout)
	}
	return rep.WriteText(stdout)
}

package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/screener/screener/parsers"
	"github.com/screener/screener/rules"
)

// loadRules reads -rules, or derives the rules from the -job posting.
func loadRules(ctx context.Context, job, rulesFile string, lim parsers.Limits) (*rules.Set, string, error) {
	if rulesFile != "" {
		fh, err := os.Open(rulesFile)
		if err != nil {
			return nil, "", err
		}
		defer fh.Close()
		set, err := rules.Load(fh, rulesFile, nil)
		return set, rulesFile, err
	}
	doc, err := parsers.ExtractFile(ctx, job, lim)
	if err != nil {
		return nil, "", fmt.Errorf("job posting: %w", err)
	}
	set := rules.DefaultTaxonomy().Derive(doc.Text)
	set.Source = filepath.Base(job)
	if len(set.Required)+len(set.OneOf)+len(set.Preferred) == 0 {
		return nil, "", usageError{fmt.Sprintf("%s: no known skills found in the posting; write a rule file instead", job)}
	}
	return set, job, nil
}

func cmdRules(args []string, stdout, stderr io.Writer) error {
	if len(args) != 2 || (args[0] != "derive" && args[0] != "check") {
		return usageError{"usage: screener rules derive POSTING | screener rules check RULES.yaml"}
	}
	switch args[0] {
	case "derive":
		set, _, err := loadRules(context.Background(), args[1], "", parsers.Limits{})
		if err != nil {
			return err
		}
		fmt.Fprintf(stdout, "# Rules derived by screener %s from %s.\n# Review them: check each group and requirement against the posting.\n", buildVersion(), filepath.Base(args[1]))
		return set.WriteYAML(stdout)
	default:
		set, _, err := loadRules(context.Background(), "", args[1], parsers.Limits{})
		if err != nil {
			return err
		}
		fmt.Fprintf(stdout, "%s: ok: %d required, %d one-of groups, %d preferred (hash %s)\n",
			args[1], len(set.Required), len(set.OneOf), len(set.Preferred), set.Hash())
		return nil
	}
}

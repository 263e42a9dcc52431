package audit

import (
	"encoding/json"
	"fmt"
	"io"
	"text/tabwriter"
)

// WriteJSON writes the report as one indented JSON document, the audit's
// -json output. Empty lists are written as [], never null.
func (rep *Report) WriteJSON(w io.Writer) error {
	out := *rep
	if out.Categories == nil {
		out.Categories = []Category{}
	}
	if out.WhatIf == nil {
		out.WhatIf = []WhatIf{}
	}
	if out.Notes == nil {
		out.Notes = []string{}
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

// WriteText writes a plain-text summary: the categories as a table, the
// notes, and the what-ifs that change the lowest impact ratio.
func (rep *Report) WriteText(w io.Writer) error {
	fmt.Fprintf(w, "%d scored candidates (%d with demographics), %d selected, median score %.1f\n\n", rep.Scored, rep.Joined, rep.Selected, rep.MedianScore)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "attribute\tgroup\tapplicants\tselected\tselection rate\timpact ratio\tscoring rate\tscoring impact ratio\tflag\t")
	for _, c := range rep.Categories {
		flag := ""
		switch {
		case c.Flag:
			flag = "< 0.8"
		case c.Excluded:
			flag = "excluded"
		}
		fmt.Fprintf(tw, "%s\t%s\t%d\t%d\t%s\t%s\t%s\t%s\t%s\t\n", c.Attribute, c.Group, c.Applicants, c.Selected,
			pct(c.SelectionRate), num(c.ImpactRatio), pct(c.ScoringRate), num(c.ScoringImpactRatio), flag)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	for _, a := range rep.attrs {
		if n := rep.Unknown[a]; n > 0 {
			fmt.Fprintf(w, "unknown %s: %d\n", a, n)
		}
	}
	for _, n := range rep.Notes {
		fmt.Fprintf(w, "note: %s\n", n)
	}
	improves := false
	for _, wi := range rep.WhatIf {
		if wi.Improvement > 0 {
			improves = true
			fmt.Fprintf(w, "what if: %s\n", wi.Summary)
		}
	}
	if !improves && len(rep.WhatIf) > 0 {
		fmt.Fprintln(w, "what if: dropping no single rule raises the lowest impact ratio")
	}
	return nil
}

func pct(p *float64) string {
	if p == nil {
		return "-"
	}
	return fmt.Sprintf("%.1f%%", 100**p)
}

func num(p *float64) string {
	if p == nil {
		return "-"
	}
	return fmt.Sprintf("%.2f", *p)
}

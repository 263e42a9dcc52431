// Command accuracy measures how well screener reads resumes: it runs the
// library's pipeline (screener.RunFiles: parsers.ExtractFile, then the
// taxonomy's Analyze) on the labelled evaluation set and on the hand
// labelled files of the shared corpus, and prints per layout the skill
// precision and recall and the rates of right names, e-mails, phones,
// years of experience and per-skill months. See bench/eval/README.md for
// the labels and the conventions.
//
//	go run ./bench/accuracy [-set DIR] [-corpus DIR] [-layout NAME] [-v]
//
// Run it from the repository's root; render the set first with
// bench/eval/render.sh.
package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/screener/screener/bench/eval/label"
	"github.com/screener/screener/rules"
	"github.com/screener/screener/screener"
)

const usage = `usage: go run ./bench/accuracy [flags]

Scores the library against the labelled evaluation set and the hand labels
of the shared corpus, per layout. Run from the repository's root, after
bench/eval/render.sh has rendered the set.

  go run ./bench/accuracy -v -layout flat

Flags:
`

func main() {
	os.Exit(run(context.Background(), os.Args[1:], os.Stdout, os.Stderr))
}

func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fl := flag.NewFlagSet("accuracy", flag.ContinueOnError)
	fl.SetOutput(stderr)
	fl.Usage = func() { fmt.Fprint(stderr, usage); fl.PrintDefaults() }
	setDir := fl.String("set", "bench/eval/out", "folder of the rendered evaluation set")
	setLabels := fl.String("labels", "bench/eval/set/labels.jsonl", "labels of the evaluation set")
	corpusDir := fl.String("corpus", "../shared/corpus", "folder of the shared corpus (skipped if absent)")
	corpusLabels := fl.String("corpus-labels", "bench/eval/corpus/labels.jsonl", "hand labels of the shared corpus")
	asOfFlag := fl.String("asof", "2026-06-30", "the date \"Present\" stands for, as in the labels")
	only := fl.String("layout", "", "score only this layout (or the layouts starting with it)")
	verbose := fl.Bool("v", false, "list every miss")
	if err := fl.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	asOf, err := time.Parse("2006-01-02", *asOfFlag)
	if err != nil {
		fmt.Fprintf(stderr, "accuracy: -asof: %v\n", err)
		return 2
	}
	var all []result
	var notes []string
	for _, src := range []struct{ dir, labels, what string }{
		{*setDir, *setLabels, "set"},
		{*corpusDir, *corpusLabels, "corpus"},
	} {
		rs, note, err := score(ctx, src.dir, src.labels, *only, asOf)
		if err != nil {
			fmt.Fprintf(stderr, "accuracy: %s: %v\n", src.what, err)
			return 1
		}
		if note != "" {
			notes = append(notes, src.what+": "+note)
		}
		all = append(all, rs...)
	}
	printTable(stdout, all)
	printFlags(stdout, all)
	for _, n := range notes {
		fmt.Fprintln(stdout, n)
	}
	if *verbose {
		printMisses(stdout, all)
	}
	return 0
}

// score runs the pipeline on the labelled files of dir and compares.
func score(ctx context.Context, dir, labelsPath, only string, asOf time.Time) ([]result, string, error) {
	if _, err := os.Stat(dir); errors.Is(err, fs.ErrNotExist) {
		return nil, dir + " not found, skipped", nil
	}
	labels, err := label.ReadFile(labelsPath)
	if err != nil {
		return nil, "", err
	}
	var files []string
	byPath := map[string]*label.Label{}
	var missing, changed []string
	for i := range labels {
		l := &labels[i]
		if only != "" && !strings.HasPrefix(l.Layout, only) {
			continue
		}
		path := filepath.Join(dir, filepath.FromSlash(l.File))
		if l.SHA256 != "" {
			sum, err := sha256File(path)
			if errors.Is(err, fs.ErrNotExist) {
				missing = append(missing, l.File)
				continue
			} else if err != nil {
				return nil, "", err
			}
			if sum != l.SHA256 {
				changed = append(changed, l.File)
				continue
			}
		} else if _, err := os.Stat(path); err != nil {
			missing = append(missing, l.File)
			continue
		}
		files = append(files, path)
		byPath[path] = l
	}
	var note string
	if len(missing) > 0 {
		note = fmt.Sprintf("%d labelled files missing (render the set with bench/eval/render.sh), e.g. %s", len(missing), missing[0])
	}
	if len(changed) > 0 {
		note += fmt.Sprintf("; %d files differ from their labels' sha256 and were left out, e.g. %s", len(changed), changed[0])
	}
	if len(files) == 0 {
		return nil, note, nil
	}
	// The rules only make the run score; the figures do not depend on them.
	set, err := rules.Load(strings.NewReader("required:\n  - skill: Git\n"), "accuracy", rules.DefaultTaxonomy())
	if err != nil {
		return nil, "", err
	}
	rep, err := screener.RunFiles(ctx, files, nil, screener.Options{Rules: set, AsOf: asOf})
	if err != nil {
		return nil, "", err
	}
	var gots []*got
	var ls []*label.Label
	monthsKnown := false
	defer rep.Close()
	recs, err := rep.Load()
	if err != nil {
		return nil, "", err
	}
	for _, rec := range recs {
		l, ok := byPath[rec.File]
		if !ok {
			continue
		}
		g, err := decode(rec)
		if err != nil {
			return nil, "", fmt.Errorf("%s: %w", rec.File, err)
		}
		monthsKnown = monthsKnown || g.monthsKnown
		gots, ls = append(gots, g), append(ls, l)
	}
	// The library reports months if any record carries them: a record
	// without (every skill at 0, the field omitted) then means 0 months.
	out := make([]result, len(gots))
	for i, g := range gots {
		g.monthsKnown = monthsKnown
		out[i] = compare(ls[i], g)
	}
	return out, note, nil
}

// got is what the library said about a file, read from the JSON form of
// its record so that fields the record gains later do not break the
// scorer: years_experience may be a number or null (unknown), and
// skills_found[].months is read when the library reports it.
type got struct {
	Status  string `json:"status"`
	Error   string `json:"error"`
	Message string `json:"message"`
	Name    string `json:"name"`
	Email   string `json:"email"`
	Phone   string `json:"phone"`
	// Where each contact came from, and which are guesses, where the
	// library says so.
	NameSource     string          `json:"name_source"`
	EmailSource    string          `json:"email_source"`
	PhoneSource    string          `json:"phone_source"`
	Title          string          `json:"title"`
	TitleSource    string          `json:"title_source"`
	Location       string          `json:"location"`
	LocationSource string          `json:"location_source"`
	Uncertain      []string        `json:"uncertain"`
	Years          json.RawMessage `json:"years_experience"`
	Skills         []gotSkill      `json:"skills_found"`

	years       *float64 // nil: unknown
	monthsKnown bool     // some skill carries a months field
}

type gotSkill struct {
	Skill    string          `json:"skill"`
	Evidence string          `json:"evidence"`
	Months   json.RawMessage `json:"months"`
}

func decode(rec any) (*got, error) {
	b, err := json.Marshal(rec)
	if err != nil {
		return nil, err
	}
	var g got
	if err := json.Unmarshal(b, &g); err != nil {
		return nil, err
	}
	if len(g.Years) > 0 && string(g.Years) != "null" {
		var y float64
		if err := json.Unmarshal(g.Years, &y); err != nil {
			return nil, fmt.Errorf("years_experience: %w", err)
		}
		g.years = &y
	}
	for _, s := range g.Skills {
		if len(s.Months) > 0 {
			g.monthsKnown = true
		}
	}
	return &g, nil
}

func (g *got) months(skill string) (float64, bool) {
	for _, s := range g.Skills {
		if s.Skill != skill {
			continue
		}
		if len(s.Months) == 0 || string(s.Months) == "null" {
			return 0, true
		}
		var m float64
		if json.Unmarshal(s.Months, &m) != nil {
			return 0, false
		}
		return m, true
	}
	return 0, false
}

func sha256File(path string) (string, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return "", err
	}
	return sha256Hex(b), nil
}

func sortedKeys[M ~map[string]V, V any](m M) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

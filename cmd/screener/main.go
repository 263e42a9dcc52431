package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"runtime/debug"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/screener/screener/parsers"
	"github.com/screener/screener/rules"
	"github.com/screener/screener/screener"
)

// Exit codes, documented in doc.go and the README.
const (
	exitOK       = 0
	exitFailure  = 1 // could not run (I/O, interrupted)
	exitUsage    = 2 // bad flags or rules
	exitSomeBad  = 3 // finished, but some files could not be screened
	workerSwitch = "__extract-worker"
)

// version is set with -ldflags "-X main.version=v1.2.3"; otherwise the
// module version from the build info is used.
var version = ""

func main() {
	if len(os.Args) > 1 && os.Args[1] == workerSwitch {
		if err := parsers.ServeWorker(os.Stdin, os.Stdout); err != nil {
			fmt.Fprintln(os.Stderr, "screener worker:", err)
			os.Exit(exitFailure)
		}
		return
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// usageError is a command-line mistake: exit code 2.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return exitUsage
	}
	var err error
	code := exitOK
	switch args[0] {
	case "screen":
		code, err = cmdScreen(ctx, args[1:], stdout, stderr)
	case "rules":
		err = cmdRules(args[1:], stdout, stderr)
	case "extract":
		err = cmdExtract(ctx, args[1:], stdout, stderr)
	case "version":
		fmt.Fprintln(stdout, "screener", buildVersion())
	case "help", "-h", "-help", "--help":
		fmt.Fprint(stdout, usage)
	default:
		err = usageError{fmt.Sprintf("unknown command %q", args[0])}
	}
	if err == nil {
		return code
	}
	var ue usageError
	var pe *rules.ParseError
	switch {
	case errors.Is(err, flag.ErrHelp):
		return exitOK
	case errors.As(err, &ue):
		fmt.Fprintf(stderr, "screener: %v\nRun 'screener help' for usage.\n", err)
		return exitUsage
	case errors.As(err, &pe):
		fmt.Fprintf(stderr, "screener: %v\n", strings.ReplaceAll(err.Error(), "\n", "\nscreener: "))
		return exitUsage
	case errors.Is(err, context.Canceled):
		fmt.Fprintln(stderr, "screener: interrupted; no output written")
		return exitFailure
	}
	fmt.Fprintf(stderr, "screener: %v\n", err)
	return exitFailure
}

func buildVersion() string {
	if version != "" {
		return version
	}
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" {
		return bi.Main.Version
	}
	return "(devel)"
}

// byteSize is a flag.Value for sizes such as 20MiB, 512KB or 1048576.
type byteSize int64

func (b *byteSize) String() string { return strconv.FormatInt(int64(*b), 10) }

func (b *byteSize) Set(s string) error {
	units := []struct {
		suffix string
		mult   int64
	}{{"GiB", 1 << 30}, {"MiB", 1 << 20}, {"KiB", 1 << 10}, {"GB", 1e9}, {"MB", 1e6}, {"KB", 1e3}, {"G", 1 << 30}, {"M", 1 << 20}, {"K", 1 << 10}, {"B", 1}}
	mult := int64(1)
	for _, u := range units {
		if strings.HasSuffix(s, u.suffix) {
			s, mult = strings.TrimSuffix(s, u.suffix), u.mult
			break
		}
	}
	n, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
	if err != nil || n <= 0 {
		return fmt.Errorf("want a size such as 20MiB")
	}
	*b = byteSize(n * float64(mult))
	return nil
}

type screenFlags struct {
	job, rulesFile, out, jsonl, csv string
	workers, top                    int
	minScore                        float64
	timeout                         time.Duration
	maxSize, memory                 byteSize
	quiet, inProcess, verbose       bool
	logFormat, asOf                 string
}

func cmdScreen(ctx context.Context, args []string, stdout, stderr io.Writer) (int, error) {
	fs := flag.NewFlagSet("screen", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var f screenFlags
	f.maxSize = 20 << 20
	f.memory = 512 << 20
	fs.StringVar(&f.job, "job", "", "job posting (.txt, .md, .pdf, .docx) to derive the rules from")
	fs.StringVar(&f.rulesFile, "rules", "", "rule file (YAML), e.g. from 'screener rules derive'")
	fs.StringVar(&f.out, "out", "shortlist.xlsx", "Excel workbook to write ('' for none)")
	fs.StringVar(&f.jsonl, "jsonl", "", "also write JSON Lines, one record per input file, to `FILE` (- for stdout)")
	fs.StringVar(&f.csv, "csv", "", "also write the shortlist as CSV to `FILE` (- for stdout)")
	fs.IntVar(&f.workers, "workers", 0, "files screened at once (default: number of CPUs)")
	fs.IntVar(&f.top, "top", 0, "list only the best `N` candidates on the Shortlist, Skills and CSV (0: all)")
	fs.Float64Var(&f.minScore, "min-score", 0, "list only candidates scoring at least `S` on the Shortlist, Skills and CSV")
	fs.DurationVar(&f.timeout, "timeout", 30*time.Second, "time limit per file")
	fs.Var(&f.maxSize, "max-size", "largest file to read (default 20MiB)")
	fs.Var(&f.memory, "max-memory", "memory limit of each extraction worker (default 512MiB)")
	fs.BoolVar(&f.quiet, "quiet", false, "print nothing but fatal errors (for cron)")
	fs.BoolVar(&f.verbose, "v", false, "also log each file and the run's timing and memory figures")
	fs.BoolVar(&f.inProcess, "in-process", false, "extract in this process instead of isolated workers (faster; a hostile file can hang the run)")
	fs.StringVar(&f.logFormat, "log-format", "text", "diagnostics format on stderr: text or json")
	fs.StringVar(&f.asOf, "as-of", "", "date that 'Present' means in experience ranges, YYYY-MM-DD (default: today)")
	fs.Usage = func() { fmt.Fprint(stderr, screenUsage); fs.PrintDefaults() }
	if err := fs.Parse(args); err != nil {
		return 0, usageErr(err)
	}
	paths := fs.Args()
	switch {
	case len(paths) == 0:
		return 0, usageError{"screen: no resume files or folders given"}
	case (f.job == "") == (f.rulesFile == ""):
		return 0, usageError{"screen: give exactly one of -job or -rules"}
	case f.logFormat != "text" && f.logFormat != "json":
		return 0, usageError{"screen: -log-format must be text or json"}
	case f.out == "" && f.jsonl == "" && f.csv == "":
		return 0, usageError{"screen: no output: give -out, -jsonl or -csv"}
	}
	asOf := time.Now()
	if f.asOf != "" {
		t, err := time.Parse("2006-01-02", f.asOf)
		if err != nil {
			return 0, usageError{"screen: -as-of: want YYYY-MM-DD"}
		}
		asOf = t
	}
	limits := parsers.Limits{MaxBytes: int64(f.maxSize)}
	set, tax, source, err := loadRules(ctx, f.job, f.rulesFile, limits)
	if err != nil {
		return 0, err
	}

	terminal := isTerminal(stderr)
	logger := newLogger(stderr, f.logFormat, f.quiet, f.verbose)
	opts := screener.Options{Rules: set, Taxonomy: tax, Workers: f.workers, Limits: limits, AsOf: asOf, Logger: logger}
	if !f.inProcess {
		sup := parsers.NewSupervisor(parsers.SupervisorOptions{
			Command: workerCommand(), Limits: limits, Timeout: f.timeout, MemoryLimit: int64(f.memory), Logger: logger,
		})
		defer sup.Close()
		opts.Extract = sup.Extract
	} else {
		opts.Extract = func(ctx context.Context, p string) (*parsers.Document, error) {
			ctx, cancel := context.WithTimeout(ctx, f.timeout)
			defer cancel()
			return parsers.ExtractFile(ctx, p, limits)
		}
	}
	if terminal && !f.quiet && f.logFormat == "text" {
		opts.Progress = progressPrinter(stderr)
	}
	rep, err := screener.Run(ctx, paths, opts)
	if err != nil {
		return 0, err
	}
	if terminal && opts.Progress != nil {
		fmt.Fprint(stderr, "\r\033[K")
	}
	listed := shortlist(rep, f.top, f.minScore)
	writeStart := time.Now()
	if err := writeOutputs(f, rep, listed, set, source, stdout); err != nil {
		return 0, err
	}
	self, worker := peakRSS()
	c := rep.Counts
	logger.Debug("run finished", "files", c.Files, "elapsed_s", rep.Elapsed.Seconds(),
		"extract_s", rep.ExtractTime.Seconds(), "match_s", rep.MatchTime.Seconds(), "write_s", time.Since(writeStart).Seconds(),
		"peak_rss_mib", self>>20, "worker_peak_rss_mib", worker>>20)
	if !f.quiet {
		fmt.Fprintf(stderr, "screener: screened %d, qualified %d, errors %d, skipped %d, duplicates %d in %s\n",
			c.Screened, c.Qualified, c.Errors, c.Skipped, c.Duplicates, rep.Elapsed.Round(time.Millisecond))
	}
	if c.Errors > 0 {
		return exitSomeBad, nil
	}
	return exitOK, nil
}

func usageErr(err error) error {
	if errors.Is(err, flag.ErrHelp) {
		return err
	}
	return usageError{err.Error()}
}

// workerCommand re-executes this program in worker mode. It prefers the
// name we were started with, so that a wrapper (a test harness that
// dispatches on argv[0]) sees the same name.
func workerCommand() []string {
	exe := os.Args[0]
	if !strings.ContainsRune(exe, filepath.Separator) {
		if p, err := exec.LookPath(exe); err == nil {
			exe = p
		}
	}
	if _, err := os.Stat(exe); err != nil {
		if p, err := os.Executable(); err == nil {
			exe = p
		}
	}
	return []string{exe, workerSwitch}
}

// shortlist applies -top and -min-score to a copy of the report; errors,
// duplicates and skipped files stay, so the Errors sheet is complete.
func shortlist(rep *screener.Report, top int, minScore float64) *screener.Report {
	if top <= 0 && minScore <= 0 {
		return rep
	}
	c := *rep
	c.Records = nil
	n := 0
	for _, r := range rep.Records {
		if r.Status == screener.StatusOK {
			if r.Score < minScore || (top > 0 && n >= top) {
				continue
			}
			n++
		}
		c.Records = append(c.Records, r)
	}
	return &c
}

func writeOutputs(f screenFlags, rep, listed *screener.Report, set *rules.Set, source string, stdout io.Writer) error {
	if f.out != "" {
		if err := writeFile(f.out, stdout, func(w io.Writer) error { return screener.WriteWorkbook(w, listed, set, source) }); err != nil {
			return err
		}
	}
	if f.jsonl != "" {
		if err := writeFile(f.jsonl, stdout, func(w io.Writer) error { return screener.WriteJSONL(w, rep) }); err != nil {
			return err
		}
	}
	if f.csv != "" {
		if err := writeFile(f.csv, stdout, func(w io.Writer) error { return screener.WriteCSV(w, listed) }); err != nil {
			return err
		}
	}
	return nil
}

// writeFile writes to path atomically: a temporary file in the same folder,
// synced, then renamed over path. "-" means stdout.
func writeFile(path string, stdout io.Writer, write func(io.Writer) error) error {
	if path == "-" {
		return write(stdout)
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".tmp*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name()) // no-op after a successful rename
	if err := write(tmp); err != nil {
		tmp.Close()
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}

// loadRules reads -rules, or derives the rules from the -job posting.
func loadRules(ctx context.Context, job, rulesFile string, lim parsers.Limits) (*rules.Set, *rules.Taxonomy, string, error) {
	tax := rules.DefaultTaxonomy()
	if rulesFile != "" {
		fh, err := os.Open(rulesFile)
		if err != nil {
			return nil, nil, "", err
		}
		defer fh.Close()
		set, tax, err := rules.Load(fh, rulesFile, tax)
		return set, tax, rulesFile, err
	}
	doc, err := parsers.ExtractFile(ctx, job, lim)
	if err != nil {
		return nil, nil, "", fmt.Errorf("job posting: %w", err)
	}
	set := tax.Derive(doc.Text)
	set.Source = filepath.Base(job)
	if len(set.Required)+len(set.OneOf)+len(set.Preferred) == 0 {
		return nil, nil, "", usageError{fmt.Sprintf("%s: no known skills found in the posting; write a rule file instead", job)}
	}
	return set, tax, job, nil
}

func cmdRules(args []string, stdout, stderr io.Writer) error {
	if len(args) != 2 || (args[0] != "derive" && args[0] != "check") {
		return usageError{"usage: screener rules derive POSTING | screener rules check RULES.yaml"}
	}
	switch args[0] {
	case "derive":
		set, _, _, err := loadRules(context.Background(), args[1], "", parsers.Limits{})
		if err != nil {
			return err
		}
		fmt.Fprintf(stdout, "# Rules derived by screener %s from %s.\n# Review them: check each group and requirement against the posting.\n", buildVersion(), filepath.Base(args[1]))
		return set.WriteYAML(stdout)
	default:
		set, _, _, err := loadRules(context.Background(), "", args[1], parsers.Limits{})
		if err != nil {
			return err
		}
		fmt.Fprintf(stdout, "%s: ok: %d required, %d one-of groups, %d preferred (hash %s)\n",
			args[1], len(set.Required), len(set.OneOf), len(set.Preferred), set.Hash())
		return nil
	}
}

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

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}

func newLogger(w io.Writer, format string, quiet, verbose bool) *slog.Logger {
	if quiet {
		return slog.New(slog.DiscardHandler)
	}
	opts := &slog.HandlerOptions{Level: slog.LevelWarn}
	if verbose {
		opts.Level = slog.LevelDebug
	}
	if format == "json" {
		return slog.New(slog.NewJSONHandler(w, opts))
	}
	return slog.New(slog.NewTextHandler(w, opts))
}

func progressPrinter(w io.Writer) func(screener.Progress) {
	return func(p screener.Progress) {
		rate := float64(p.Done) / max(p.Elapsed.Seconds(), 1e-3)
		eta := time.Duration(float64(p.Total-p.Done)/max(rate, 1e-9)) * time.Second
		fmt.Fprintf(w, "\r\033[Kscreening %d/%d  %.1f files/s  ETA %s  errors %d", p.Done, p.Total, rate, eta.Round(time.Second), p.Errors)
	}
}

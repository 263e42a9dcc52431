package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net/url"
	"os"
	"strconv"
	"strings"
	"time"
)

// byteSize is a flag.Value for sizes such as 20MiB, 512KB or 1048576.
type byteSize int64

// String writes the size the way it is given, so that help shows
// "(default 512MiB)".
func (b *byteSize) String() string {
	if b == nil {
		return "0"
	}
	n := int64(*b)
	for _, u := range []struct {
		suffix string
		mult   int64
	}{{"GiB", 1 << 30}, {"MiB", 1 << 20}, {"KiB", 1 << 10}} {
		if n >= u.mult && n%u.mult == 0 {
			return strconv.FormatInt(n/u.mult, 10) + u.suffix
		}
	}
	return strconv.FormatInt(n, 10)
}

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

// parseArgs parses flags given before, between and after the positional
// arguments, so that "screen DIR -job P" means what "screen -job P DIR"
// does; "--" ends the flags. It returns the positional arguments.
func parseArgs(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, usageErr(err)
		}
		rest := fs.Args()
		if n := len(args) - len(rest); n > 0 && args[n-1] == "--" {
			return append(pos, rest...), nil
		}
		if len(rest) == 0 {
			return pos, nil
		}
		pos = append(pos, rest[0])
		args = rest[1:]
	}
}

func usageErr(err error) error {
	if errors.Is(err, flag.ErrHelp) {
		return err
	}
	return usageError{err.Error()}
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
	return slog.New(newVoice(w, opts.Level))
}

// days is a flag.Value for durations that also accepts days: 180d, 36h.
type days time.Duration

func (d *days) String() string { return time.Duration(*d).String() }

func (d *days) Set(s string) error {
	if n, ok := strings.CutSuffix(s, "d"); ok {
		v, err := strconv.ParseFloat(n, 64)
		if err != nil || v <= 0 {
			return fmt.Errorf("want a duration such as 180d or 36h")
		}
		*d = days(v * float64(24*time.Hour))
		return nil
	}
	v, err := time.ParseDuration(s)
	if err != nil || v <= 0 {
		return fmt.Errorf("want a duration such as 180d or 36h")
	}
	*d = days(v)
	return nil
}

// urlFlag is a flag.Value for an absolute URL such as
// https://drive.example.com/hiring/ or file:///mnt/share/cvs/.
type urlFlag struct{ URL *url.URL }

func (u *urlFlag) String() string {
	if u == nil || u.URL == nil {
		return ""
	}
	return u.URL.String()
}

func (u *urlFlag) Set(s string) error {
	v, err := url.Parse(s)
	if err != nil || v.Scheme == "" || (v.Host == "" && v.Scheme != "file") {
		return fmt.Errorf("want an absolute URL such as https://drive.example.com/hiring/")
	}
	u.URL = v
	return nil
}

// window is a flag.Value for the start of a time window: a duration back
// from the run (36h, 7d) or a local date or time (2026-11-25,
// 2026-11-25T18:00). The zero value is unset.
type window struct {
	ago time.Duration
	at  time.Time
}

func (w *window) String() string {
	switch {
	case w == nil:
		return ""
	case w.ago > 0:
		return time.Duration(w.ago).String()
	case !w.at.IsZero():
		return w.at.Format("2006-01-02T15:04")
	}
	return ""
}

func (w *window) Set(s string) error {
	for _, layout := range []string{"2006-01-02", "2006-01-02T15:04", "2006-01-02 15:04"} {
		if t, err := time.ParseInLocation(layout, s, time.Local); err == nil {
			*w = window{at: t}
			return nil
		}
	}
	var d days
	if err := d.Set(s); err != nil {
		return fmt.Errorf("want a duration such as 24h or 7d, or a date such as 2026-11-25 or 2026-11-25T18:00")
	}
	*w = window{ago: time.Duration(d)}
	return nil
}

func (w *window) isSet() bool { return w.ago > 0 || !w.at.IsZero() }

// start is the window's start for a run at now.
func (w *window) start(now time.Time) time.Time {
	if w.ago > 0 {
		return now.Add(-w.ago)
	}
	return w.at
}

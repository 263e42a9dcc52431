package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"strings"
	"sync"
	"time"

	"github.com/screener/screener/screener"
)

// statusLine is stderr on a terminal: a status line at the bottom that the
// progress display redraws in place, and messages printed above it, the
// way cargo and pv do it. Its zero status writes messages straight
// through. It is safe for concurrent use.
type statusLine struct {
	mu     sync.Mutex
	w      io.Writer
	status string
}

// Write prints p, whole lines, above the status line.
func (s *statusLine) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.status != "" {
		io.WriteString(s.w, "\r\033[K")
	}
	n, err := s.w.Write(p)
	if s.status != "" {
		io.WriteString(s.w, s.status)
	}
	return n, err
}

// Set replaces the status line; "" removes it.
func (s *statusLine) Set(status string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if status != s.status {
		io.WriteString(s.w, "\r\033[K"+status)
		s.status = status
	}
}

// voice is the text log handler: every line starts with "screener: ", and
// a file's problem reads "screener: FILE: reason: detail (hint: …)", the
// way usage and fatal errors read. Other attributes follow as key=value.
type voice struct {
	w     io.Writer
	level slog.Leveler
	attrs []slog.Attr
}

func newVoice(w io.Writer, level slog.Leveler) *voice { return &voice{w: w, level: level} }

func (v *voice) Enabled(_ context.Context, l slog.Level) bool { return l >= v.level.Level() }

func (v *voice) WithAttrs(as []slog.Attr) slog.Handler {
	c := *v
	c.attrs = append(append([]slog.Attr(nil), v.attrs...), as...)
	return &c
}

func (v *voice) WithGroup(string) slog.Handler { return v } // screener logs no groups

func (v *voice) Handle(_ context.Context, r slog.Record) error {
	var file, reason, message, errText string
	var rest []string
	collect := func(a slog.Attr) bool {
		switch a.Key {
		case "file":
			file = a.Value.String()
		case "reason":
			reason = a.Value.String()
		case "message":
			message = a.Value.String()
		case "err":
			errText = a.Value.String()
		default:
			rest = append(rest, a.Key+"="+quoteIfSpace(a.Value.String()))
		}
		return true
	}
	for _, a := range v.attrs {
		collect(a)
	}
	r.Attrs(collect)
	var b strings.Builder
	b.WriteString("screener: ")
	if file != "" {
		b.WriteString(file + ": ")
	}
	switch {
	case message != "": // a file's problem, in the record's own words
		detail := strings.TrimPrefix(message, file+": ")
		if reason != "" && !strings.HasPrefix(detail, strings.ReplaceAll(reason, "_", " ")) {
			b.WriteString(reason + ": ")
		}
		b.WriteString(detail)
	default:
		b.WriteString(r.Message)
		if errText != "" {
			b.WriteString(": " + errText)
		}
	}
	if len(rest) > 0 {
		b.WriteString(" (" + strings.Join(rest, ", ") + ")")
	}
	_, err := io.WriteString(v.w, termSafe(b.String())+"\n") // file names may hold escape sequences
	return err
}

func quoteIfSpace(s string) string {
	if strings.ContainsAny(s, " \t\n\"") {
		return fmt.Sprintf("%q", s)
	}
	return s
}

// progress draws "screening 65/300  20.1 files/s  ETA 11s  errors 5" on a
// status line. The rate is that of the last rateWindow (files started
// largest first finish slowly, and a run's pace changes as stored results
// fill in), and no ETA is shown before etaAfter files are done: the first
// files finish together, and an ETA from them was off by 40 times.
type progress struct {
	line    *statusLine
	samples []sample // done count over time, oldest first, within rateWindow
	drawn   time.Duration
}

type sample struct {
	at   time.Duration
	done int
}

const (
	rateWindow = 10 * time.Second
	etaAfter   = 5
	redrawGap  = 100 * time.Millisecond // a terminal need not be redrawn for every file
)

// update is a screener.Options.Progress callback (one goroutine at a time).
func (p *progress) update(s screener.Progress) {
	p.samples = append(p.samples, sample{s.Elapsed, s.Done})
	for len(p.samples) > 2 && s.Elapsed-p.samples[1].at > rateWindow {
		p.samples = p.samples[1:]
	}
	if s.Done < s.Total && s.Elapsed-p.drawn < redrawGap && p.drawn > 0 {
		return
	}
	p.drawn = s.Elapsed
	p.line.Set(p.text(s))
}

func (p *progress) text(s screener.Progress) string {
	first := p.samples[0]
	if len(p.samples) == 1 {
		first = sample{} // the run's start
	}
	rate := float64(s.Done-first.done) / max((s.Elapsed-first.at).Seconds(), 1e-3)
	eta := "ETA …"
	if s.Done >= etaAfter && rate > 0 {
		left := time.Duration(float64(s.Total-s.Done) / rate * float64(time.Second)).Round(time.Second)
		if s.Done < s.Total {
			left = max(left, time.Second) // "ETA 0s" while files remain reads as done
		}
		eta = "ETA " + left.String()
	}
	return fmt.Sprintf("screening %d/%d  %.1f files/s  %s  errors %d", s.Done, s.Total, rate, eta, s.Errors)
}

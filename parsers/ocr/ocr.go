// Package ocr reads the text of images with Tesseract
// (https://github.com/tesseract-ocr/tesseract), run as a child process:
// each image goes to `tesseract stdin stdout tsv` on its standard input,
// and the words come back with their positions and confidences. Callers
// use github.com/screener/screener/parsers, which decides when a document
// needs OCR.
//
// Tesseract runs as a child of the process that calls [Page] (in
// screener, the extraction worker): it inherits the worker's address-space
// limit, it is killed when the context ends, and on Linux it is also
// killed if the worker dies first, so a worker killed at its deadline
// leaves no Tesseract behind.
package ocr

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"time"

	"github.com/screener/screener/parsers/internal/extract"
)

// Command is the Tesseract executable looked up on PATH.
const Command = "tesseract"

// Hint is what a user needs to read scanned resumes when Tesseract is
// missing.
const Hint = "install tesseract-ocr to read scanned resumes"

// Available reports whether Tesseract is on PATH.
func Available() bool {
	_, err := exec.LookPath(Command)
	return err == nil
}

// Result is the text Tesseract read from one page.
type Result struct {
	Text       string
	Confidence float64 // mean word confidence, 0–100
	Words      int
}

// Page runs Tesseract on one encoded image (any format Leptonica reads:
// PNG, JPEG, TIFF with CCITT compression, ...). lang is Tesseract's -l
// value ("eng", "eng+deu"); dpi, when known, tells Tesseract the scan's
// resolution. A page that takes longer than timeout is
// [extract.ErrTimeout]; a missing language is [extract.ErrUnsupported]
// with a hint.
func Page(ctx context.Context, img []byte, lang string, dpi int, timeout time.Duration) (Result, error) {
	if lang == "" {
		lang = "eng"
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	// Page segmentation mode 1: automatic, with orientation detection, so
	// that a page scanned or photographed sideways is read the right way up
	// (about a quarter of a second more per page; without the osd data
	// Tesseract warns and reads the page as it lies).
	args := []string{"stdin", "stdout", "-l", lang, "--psm", "1"}
	if dpi >= 100 && dpi <= 1200 {
		args = append(args, "--dpi", strconv.Itoa(dpi))
	}
	args = append(args, "tsv")
	cmd := exec.CommandContext(ctx, Command, args...)
	cmd.Stdin = bytes.NewReader(img)
	cmd.Env = append(os.Environ(), "OMP_THREAD_LIMIT=1") // one thread: workers run side by side
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &limited{&stderr, 4096}
	dieWithParent(cmd)
	err := cmd.Run()
	switch {
	case ctx.Err() == context.DeadlineExceeded:
		return Result{}, extract.Newf(extract.ErrTimeout, "OCR of one page took longer than %s", timeout)
	case ctx.Err() != nil:
		return Result{}, ctx.Err()
	case err != nil:
		msg := lastLine(stderr.String())
		if strings.Contains(msg, "Failed loading language") || strings.Contains(msg, "Error opening data file") {
			return Result{}, &extract.Error{Err: extract.ErrUnsupported, Detail: "Tesseract has no data for language " + lang,
				Hint: "install tesseract-ocr-" + strings.Split(lang, "+")[0] + " or pick another -ocr-lang"}
		}
		var ee *exec.Error
		if errors.As(err, &ee) {
			return Result{}, &extract.Error{Err: extract.ErrNoText, Detail: "no text layer and Tesseract cannot run: " + err.Error(), Hint: Hint}
		}
		return Result{}, extract.Newf(extract.ErrCorrupt, "OCR failed: %v: %s", err, msg)
	}
	return parseTSV(stdout.Bytes()), nil
}

// parseTSV rebuilds lines from Tesseract's TSV output (level, page, block,
// paragraph, line, word, left, top, width, height, conf, text): words of
// one line are joined by spaces, lines end with a newline and paragraphs
// with a blank line. The confidence is the mean over words with text.
func parseTSV(out []byte) Result {
	var (
		sb          strings.Builder
		res         Result
		sum         float64
		lastLine    string
		lastPar     string
		lineStarted bool
	)
	sc := bufio.NewScanner(bytes.NewReader(out))
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	for sc.Scan() {
		f := strings.Split(sc.Text(), "\t")
		if len(f) < 12 || f[0] != "5" { // level 5: a word
			continue
		}
		word := strings.TrimSpace(f[11])
		conf, err := strconv.ParseFloat(f[10], 64)
		if word == "" || err != nil || conf < 0 {
			continue
		}
		par := f[1] + "." + f[2] + "." + f[3]
		line := par + "." + f[4]
		switch {
		case !lineStarted:
		case par != lastPar:
			sb.WriteString("\n\n")
		case line != lastLine:
			sb.WriteByte('\n')
		default:
			sb.WriteByte(' ')
		}
		sb.WriteString(word)
		lineStarted, lastLine, lastPar = true, line, par
		sum += conf
		res.Words++
	}
	res.Text = sb.String()
	if res.Words > 0 {
		res.Confidence = sum / float64(res.Words)
	}
	return res
}

// limited keeps the first n bytes written to it.
type limited struct {
	b *bytes.Buffer
	n int
}

func (l *limited) Write(p []byte) (int, error) {
	if room := l.n - l.b.Len(); room > 0 {
		l.b.Write(p[:min(room, len(p))])
	}
	return len(p), nil
}

func lastLine(s string) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	return strings.TrimSpace(lines[len(lines)-1])
}

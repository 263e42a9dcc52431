// Command ocr measures OCR against text layers: for each PDF of a folder of
// real resumes (with a text layer), it rasterises the first pages at 300
// dpi, at 150 dpi, and at 150 dpi turned two degrees (pdftoppm, Pillow,
// img2pdf, as testdata/README.md describes for the fixtures), reads each
// scan with screener's extraction (Tesseract), and reports per file and
// per variant: the share of pdftotext's words of those pages that the OCR
// text has, the share of the skills screener finds in that text layer that
// it also finds in the OCR text, and Tesseract's seconds per page.
//
//	go run ./bench/ocr -corpus ../shared/corpus/pdf -pages 2
//
// Needs pdftoppm, pdftotext, img2pdf, python3 with Pillow and tesseract.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode"

	"github.com/screener/screener/parsers"
	"github.com/screener/screener/rules"
)

type variant struct {
	name   string
	dpi    int
	rotate float64
}

var variants = []variant{{"300dpi", 300, 0}, {"150dpi", 150, 0}, {"150dpi-rot2", 150, 2}}

type result struct {
	file, variant     string
	recall, skills    float64
	secPerPage        float64
	pages, skillsBase int
	err               error
}

func main() {
	corpus := flag.String("corpus", "", "folder of PDF resumes with a text layer")
	pages := flag.Int("pages", 2, "first pages of each PDF to scan")
	workers := flag.Int("workers", 2, "files at once")
	limit := flag.Int("n", 0, "at most this many PDFs (0: all)")
	flag.Parse()
	files, _ := filepath.Glob(filepath.Join(*corpus, "*.pdf"))
	sort.Strings(files)
	if *limit > 0 && len(files) > *limit {
		files = files[:*limit]
	}
	tmp, err := os.MkdirTemp("", "ocrbench")
	if err != nil {
		panic(err)
	}
	defer os.RemoveAll(tmp)
	tax := rules.DefaultTaxonomy()
	jobs := make(chan string)
	var mu sync.Mutex
	var results []result
	var wg sync.WaitGroup
	for w := 0; w < *workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for f := range jobs {
				for _, r := range measure(f, *pages, tmp, tax) {
					mu.Lock()
					results = append(results, r)
					if r.err != nil {
						fmt.Printf("%-40s %-12s error: %v\n", filepath.Base(r.file), r.variant, r.err)
					} else {
						fmt.Printf("%-40s %-12s words %.3f  skills %.3f (of %d)  %.1f s/page\n", filepath.Base(r.file), r.variant, r.recall, r.skills, r.skillsBase, r.secPerPage)
					}
					mu.Unlock()
				}
			}
		}()
	}
	for _, f := range files {
		jobs <- f
	}
	close(jobs)
	wg.Wait()
	fmt.Println()
	for _, v := range variants {
		var rec, sk, sec []float64
		errs := 0
		for _, r := range results {
			if r.variant != v.name {
				continue
			}
			if r.err != nil {
				errs++
				continue
			}
			rec = append(rec, r.recall)
			if r.skillsBase > 0 {
				sk = append(sk, r.skills)
			}
			sec = append(sec, r.secPerPage)
		}
		fmt.Printf("%-12s files %d (errors %d)  word recall median %.3f mean %.3f  skill recall median %.3f mean %.3f  s/page median %.1f\n",
			v.name, len(rec), errs, median(rec), mean(rec), median(sk), mean(sk), median(sec))
	}
}

func measure(pdf string, pages int, tmp string, tax *rules.Taxonomy) []result {
	base := strings.TrimSuffix(filepath.Base(pdf), ".pdf")
	ref, err := exec.Command("pdftotext", "-enc", "UTF-8", "-l", strconv.Itoa(pages), pdf, "-").Output()
	if err != nil || len(words(string(ref))) < 30 {
		return nil // no text layer to compare with
	}
	refSkills := skills(tax, string(ref))
	var out []result
	for _, v := range variants {
		r := result{file: pdf, variant: v.name, skillsBase: len(refSkills)}
		scan, n, err := rasterise(pdf, pages, v, filepath.Join(tmp, base+"-"+v.name))
		if err != nil {
			r.err = err
			out = append(out, r)
			continue
		}
		start := time.Now()
		doc, err := parsers.ExtractFile(context.Background(), scan, parsers.Limits{OCRPageTimeout: 5 * time.Minute})
		if err != nil {
			r.err = err
			out = append(out, r)
			continue
		}
		r.secPerPage = time.Since(start).Seconds() / float64(n)
		r.pages = n
		r.recall = recall(string(ref), doc.Text)
		got := skills(tax, doc.Text)
		if len(refSkills) > 0 {
			hit := 0
			for s := range refSkills {
				if got[s] {
					hit++
				}
			}
			r.skills = float64(hit) / float64(len(refSkills))
		}
		out = append(out, r)
	}
	return out
}

// rasterise makes a scan-like PDF of the first pages of pdf: grey JPEG
// pages at the variant's resolution, turned if asked, wrapped by img2pdf.
func rasterise(pdf string, pages int, v variant, prefix string) (string, int, error) {
	if out, err := exec.Command("pdftoppm", "-r", strconv.Itoa(v.dpi), "-gray", "-png", "-l", strconv.Itoa(pages), pdf, prefix).CombinedOutput(); err != nil {
		return "", 0, fmt.Errorf("pdftoppm: %v: %s", err, out)
	}
	pngs, _ := filepath.Glob(prefix + "-*.png")
	sort.Strings(pngs)
	script := `import sys
from PIL import Image
rot, dpi = float(sys.argv[1]), int(sys.argv[2])
for p in sys.argv[3:]:
    im = Image.open(p).convert('L')
    if rot:
        im = im.rotate(-rot, expand=True, fillcolor=255)
    im.save(p[:-4] + '.jpg', quality=75, dpi=(dpi, dpi))
`
	args := append([]string{"-c", script, strconv.FormatFloat(v.rotate, 'f', -1, 64), strconv.Itoa(v.dpi)}, pngs...)
	if out, err := exec.Command("/usr/bin/python3", args...).CombinedOutput(); err != nil {
		return "", 0, fmt.Errorf("pillow: %v: %s", err, out)
	}
	var jpgs []string
	for _, p := range pngs {
		jpgs = append(jpgs, strings.TrimSuffix(p, ".png")+".jpg")
	}
	scan := prefix + ".pdf"
	if out, err := exec.Command("img2pdf", append([]string{"-o", scan}, jpgs...)...).CombinedOutput(); err != nil {
		return "", 0, fmt.Errorf("img2pdf: %v: %s", err, out)
	}
	return scan, len(jpgs), nil
}

func skills(tax *rules.Taxonomy, text string) map[string]bool {
	p := tax.Analyze(rules.Resume{Text: parsers.Normalize(text)}, time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC))
	m := map[string]bool{}
	for _, f := range p.Skills {
		m[f.Skill] = true
	}
	return m
}

// recall is the share of want's words (two or more letters, lowercased,
// each occurrence counting) that got has, as TestCorpusFidelity counts.
func recall(want, got string) float64 {
	have := map[string]bool{}
	for _, w := range words(got) {
		have[w] = true
	}
	ws := words(want)
	if len(ws) == 0 {
		return 1
	}
	hit := 0
	for _, w := range ws {
		if have[w] {
			hit++
		}
	}
	return float64(hit) / float64(len(ws))
}

func words(s string) []string {
	var out []string
	for _, w := range strings.FieldsFunc(strings.ToLower(parsers.Normalize(s)), func(r rune) bool {
		return !(unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r))
	}) {
		if len([]rune(w)) > 1 {
			out = append(out, w)
		}
	}
	return out
}

func median(xs []float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	s := append([]float64(nil), xs...)
	sort.Float64s(s)
	return s[len(s)/2]
}

func mean(xs []float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	sum := 0.0
	for _, x := range xs {
		sum += x
	}
	return sum / float64(len(xs))
}

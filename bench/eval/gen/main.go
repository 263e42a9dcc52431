// Command gen writes the evaluation set's sources and labels: one JSON
// Resume document per synthetic person (people/), the LaTeX and HTML
// sources of the layouts the project renders itself (src/), the plan of
// which file is rendered in which layout (plan.tsv) and the labels
// (labels.jsonl). bench/eval/render.sh turns the plan into PDF and DOCX
// files. The output depends only on the code: the same code writes the
// same bytes.
//
//	go run ./bench/eval/gen -out bench/eval/set
package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"log"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/screener/screener/bench/eval/label"
)

// layout is one way a resume is rendered.
type layout struct {
	Name string
	Kind string // "theme" (jsonresume-theme-NAME, HTML printed by Chromium), "latex" (xelatex), "docx" or "odt" (HTML converted by LibreOffice)
	// Promote: the theme prints a year-only date as January of that year.
	Promote bool
	Scripts string // scripts it can typeset; "" means all
	// NoLocation: the layout does not print basics.location.
	NoLocation bool
}

var layouts = []layout{
	{Name: "even", Kind: "theme", Promote: true},
	{Name: "elegant", Kind: "theme", Promote: true},
	{Name: "flat", Kind: "theme", NoLocation: true},
	{Name: "kendall", Kind: "theme"},
	{Name: "macchiato", Kind: "theme", Promote: true},
	{Name: "stackoverflow", Kind: "theme", Promote: true},
	{Name: "moderncv-classic", Kind: "latex", Scripts: "latin caps cyrillic greek cjk"},
	{Name: "moderncv-banking", Kind: "latex", Scripts: "latin caps cyrillic greek cjk"},
	{Name: "moderncv-casual", Kind: "latex", Scripts: "latin caps cyrillic greek cjk"},
	{Name: "europecv", Kind: "latex", Scripts: "latin caps cyrillic greek"},
	{Name: "docx", Kind: "docx"},
}

// perPerson is how many layouts of the rotation each person is rendered in.
const perPerson = 2

// odt is a layout outside the rotation: every odtEvery-th person is also
// written as an OpenDocument text converted by LibreOffice from the same
// HTML as the DOCX layout.
var odt = layout{Name: "odt", Kind: "odt"}

const odtEvery = 5

// late are layouts outside the rotation added after the library had been
// tuned on the others: every second person they can typeset is also
// rendered in one of them, in turn, as a check that figures on the
// rotation's layouts carry over.
var late = []layout{
	{Name: "moderncv-oldstyle", Kind: "latex", Scripts: "latin caps cyrillic greek cjk"},
	{Name: "moderncv-fancy", Kind: "latex", Scripts: "latin caps cyrillic greek cjk"},
}

func main() {
	out := flag.String("out", "bench/eval/set", "folder to write")
	flag.Parse()
	if err := run(*out); err != nil {
		log.Fatal(err)
	}
}

func run(out string) error {
	files := map[string][]byte{}
	var plan bytes.Buffer
	var labels []label.Label
	count := make([]int, len(layouts))
	for i, p := range people {
		c := newCareer(i, p)
		doc, err := jsonResume(p, c)
		if err != nil {
			return err
		}
		files["people/"+p.Slug+".json"] = doc
		var los []layout
		for _, li := range pick(i, p, count) {
			los = append(los, layouts[li])
		}
		if i%odtEvery == 0 {
			los = append(los, odt)
		}
		if lo := late[(i/2)%len(late)]; i%2 == 0 && slices.Contains(strings.Fields(lo.Scripts), p.Script) {
			los = append(los, lo)
		}
		for _, lo := range los {
			ext := ".pdf"
			if lo.Kind == "docx" || lo.Kind == "odt" {
				ext = "." + lo.Kind
			}
			file := lo.Name + "/" + fileStem(i, p) + ext
			src := "people/" + p.Slug + ".json"
			ds := styleFor(i)
			switch lo.Kind {
			case "latex":
				src = "src/" + lo.Name + "/" + p.Slug + ".tex"
				files[src] = []byte(latex(lo.Name, p, c, ds))
			case "docx", "odt":
				src = "src/" + lo.Name + "/" + p.Slug + ".html"
				files[src] = []byte(html(p, c, ds))
			}
			fmt.Fprintf(&plan, "%s\t%s\t%s\t%s\n", file, lo.Name, lo.Kind, src)
			labels = append(labels, labelFor(file, lo, p, c, ds))
		}
	}
	var lb bytes.Buffer
	if err := label.Write(&lb, labels); err != nil {
		return err
	}
	files["labels.jsonl"] = lb.Bytes()
	files["plan.tsv"] = plan.Bytes()
	for _, d := range []string{"people", "src"} {
		if err := os.RemoveAll(filepath.Join(out, d)); err != nil {
			return err
		}
	}
	for name, b := range files {
		path := filepath.Join(out, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(path, b, 0o644); err != nil {
			return err
		}
	}
	return nil
}

// pick chooses person i's layouts: among those that can typeset the
// person's script, the least used so far, ties broken from a starting
// point that moves with i.
func pick(i int, p person, count []int) []int {
	var got []int
	for range perPerson {
		best := -1
		for k := range layouts {
			li := (i + k) % len(layouts)
			lo := layouts[li]
			if slices.Contains(got, li) || lo.Scripts != "" && !slices.Contains(strings.Fields(lo.Scripts), p.Script) {
				continue
			}
			if best < 0 || count[li] < count[best] {
				best = li
			}
		}
		count[best]++
		got = append(got, best)
	}
	slices.Sort(got)
	return got
}

// fileStem names a file the way people name their uploads.
func fileStem(i int, p person) string {
	switch i % 3 {
	case 0:
		return p.Slug + "-cv"
	case 1:
		words := strings.Split(p.Slug, "-")
		for k, w := range words {
			words[k] = strings.ToUpper(w[:1]) + w[1:]
		}
		return strings.Join(words, "_") + "_Resume"
	}
	return p.Slug
}

// jsonResume writes the person as a JSON Resume document.
func jsonResume(p person, c career) ([]byte, error) {
	type loc struct {
		City        string `json:"city"`
		CountryCode string `json:"countryCode"`
	}
	type basics struct {
		Name     string `json:"name"`
		Label    string `json:"label"`
		Email    string `json:"email"`
		Phone    string `json:"phone"`
		Summary  string `json:"summary"`
		Location loc    `json:"location"`
		Profiles []any  `json:"profiles"`
	}
	type work struct {
		Name       string   `json:"name"`
		Position   string   `json:"position"`
		StartDate  string   `json:"startDate"`
		EndDate    string   `json:"endDate,omitempty"`
		Highlights []string `json:"highlights"`
	}
	type edu struct {
		Institution string `json:"institution"`
		Area        string `json:"area"`
		StudyType   string `json:"studyType"`
		StartDate   string `json:"startDate"`
		EndDate     string `json:"endDate"`
	}
	type sk struct {
		Name     string   `json:"name"`
		Keywords []string `json:"keywords"`
	}
	type interest struct {
		Name     string   `json:"name"`
		Keywords []string `json:"keywords,omitempty"`
	}
	doc := struct {
		Basics    basics     `json:"basics"`
		Work      []work     `json:"work"`
		Education []edu      `json:"education"`
		Skills    []sk       `json:"skills"`
		Interests []interest `json:"interests"`
	}{Basics: basics{p.Name, tracks[p.Track].Label, p.Email, p.Phone, c.Summary, loc{p.City, p.Country}, []any{}}}
	for _, r := range c.Roles {
		w := work{Name: r.Company, Position: r.Position, StartDate: jsonDate(r.Start, r.Precision), Highlights: r.Highlights}
		if !r.Present {
			w.EndDate = jsonDate(r.End, r.Precision)
		}
		doc.Work = append(doc.Work, w)
	}
	for _, e := range c.Education {
		doc.Education = append(doc.Education, edu{e.Institution, e.Area, e.StudyType, jsonDate(e.Start, 'm'), jsonDate(e.End, 'm')})
	}
	for _, g := range c.Groups {
		doc.Skills = append(doc.Skills, sk{g.Name, g.Keywords})
	}
	for _, in := range c.Interests {
		doc.Interests = append(doc.Interests, interest(in))
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	err := enc.Encode(doc)
	return b.Bytes(), err
}

// shown is the dates a layout prints for a role.
func shown(lo layout, r role, ds dateStyle) (start, end date) {
	start, end = r.Start, r.End
	switch {
	case lo.Kind == "theme" && lo.Promote:
		if start.M == 0 {
			start.M = 1
		}
		if end.M == 0 {
			end.M = 1
		}
	case lo.Kind != "theme" && ds.yearsOnly(r.Start, r.End, r.Present):
		start.M, end.M = 0, 0
	}
	return start, end
}

// labelFor computes the truth for person p rendered in layout lo.
func labelFor(file string, lo layout, p person, c career, ds dateStyle) label.Label {
	l := label.Label{File: file, Layout: lo.Name, Name: p.Name, Email: p.Email, Phone: p.Phone, PhoneE164: p.E164, Months: map[string]int{}}
	title, loc := c.Roles[0].Position, p.City // work[0] is the current role
	if lo.NoLocation {
		loc = ""
	}
	l.Title, l.Location = &title, &loc
	var all []span
	bySkill := map[string][]span{}
	for _, r := range c.Roles {
		start, end := shown(lo, r, ds)
		sp := spanOf(start, end, r.Present)
		all = append(all, sp)
		for _, s := range r.Skills {
			bySkill[s] = append(bySkill[s], sp)
		}
	}
	y := math.Round(float64(months(all))/12*100) / 100
	l.Years = &y
	set := map[string]bool{}
	for s := range bySkill {
		set[s] = true
	}
	for _, g := range c.Groups {
		for _, s := range g.Canon {
			set[s] = true
		}
	}
	for _, s := range c.SummarySkills {
		set[s] = true
	}
	for s := range set {
		l.Skills = append(l.Skills, s)
		l.Months[s] = months(bySkill[s])
		// A product named after its maker's other product: a reader may
		// or may not take "GitLab CI" as GitLab too.
		if u, ok := impliedUnsure[s]; ok && !set[u] {
			l.SkillsUnsure = append(l.SkillsUnsure, u)
		}
	}
	slices.Sort(l.Skills)
	slices.Sort(l.SkillsUnsure)
	return l
}

var impliedUnsure = map[string]string{"GitLab CI": "GitLab", "GitHub Actions": "GitHub"}

package main

import (
	"fmt"
	"strings"
)

// dateStyle is how the layouts the project renders itself (LaTeX, DOCX)
// print a person's dates; themes print dates their own way.
type dateStyle struct {
	month    int  // 0 "Jan 2019", 1 "January 2019", 2 "01/2019", 3 "2019-01", 4 "Jan. 2019"
	yearOnly bool // print years only, whatever the precision
	sep      string
	present  string
	since    bool // an ongoing role reads "Since Jan 2019"
}

func styleFor(i int) dateStyle {
	ds := dateStyle{
		month:    i % 5,
		yearOnly: i%6 == 4,
		sep:      []string{" – ", " - ", " to ", " — "}[i%4],
		present:  []string{"Present", "present", "current", "to date", "now"}[(i/2)%5],
		since:    i%7 == 6,
	}
	if ds.sep == " to " && ds.present == "to date" {
		ds.present = "Present"
	}
	return ds
}

var monthNames = []string{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"}

// yearsOnly reports whether a range prints years only: in a year-only
// style, except a range within one year, which people write with months.
func (ds dateStyle) yearsOnly(start, end date, present bool) bool {
	return ds.yearOnly && (present || start.Y != end.Y)
}

func (ds dateStyle) date(d date, yearOnly bool) string {
	if d.M == 0 || yearOnly {
		return fmt.Sprint(d.Y)
	}
	switch ds.month {
	case 1:
		return fmt.Sprintf("%s %d", monthNames[d.M-1], d.Y)
	case 2:
		return fmt.Sprintf("%02d/%d", d.M, d.Y)
	case 3:
		return fmt.Sprintf("%d-%02d", d.Y, d.M)
	case 4:
		if m := monthNames[d.M-1]; len(m) > 4 {
			return fmt.Sprintf("%s. %d", m[:3], d.Y)
		}
		return fmt.Sprintf("%s %d", monthNames[d.M-1], d.Y)
	}
	return fmt.Sprintf("%s %d", monthNames[d.M-1][:3], d.Y)
}

func (ds dateStyle) span(start, end date, present bool) string {
	y := ds.yearsOnly(start, end, present)
	switch {
	case present && ds.since:
		return "Since " + ds.date(start, y)
	case present:
		return ds.date(start, y) + ds.sep + ds.present
	}
	return ds.date(start, y) + ds.sep + ds.date(end, y)
}

// tex escapes LaTeX's special characters.
func tex(s string) string {
	r := strings.NewReplacer(`\`, `\textbackslash{}`, "&", `\&`, "%", `\%`, "$", `\$`, "#", `\#`, "_", `\_`, "{", `\{`, "}", `\}`, "~", `\textasciitilde{}`, "^", `\textasciicircum{}`)
	return r.Replace(s)
}

// texScript wraps text in a CJK font where the person writes in CJK.
func texScript(p person, s string) string {
	switch {
	case p.Script != "cjk" || s == "":
		return tex(s)
	case p.Country == "KR":
		return `{\hangulfont ` + tex(s) + `}`
	}
	return `{\cjkfont ` + tex(s) + `}`
}

const texFonts = `\usepackage{fontspec}
\setmainfont{DejaVu Serif}
\setsansfont{DejaVu Sans}
\newfontfamily\cjkfont{Droid Sans Fallback}
\newfontfamily\hangulfont{NanumGothic}
`

// latex writes the person in a LaTeX class: moderncv-STYLE or europecv.
func latex(name string, p person, c career, ds dateStyle) string {
	if name == "europecv" {
		return europecv(p, c, ds)
	}
	var b strings.Builder
	fmt.Fprintf(&b, "\\documentclass[11pt,a4paper,sans]{moderncv}\n\\moderncvstyle[nosymbols]{%s}\n\\moderncvcolor{blue}\n%s\\usepackage[scale=0.8]{geometry}\n",
		strings.TrimPrefix(name, "moderncv-"), texFonts)
	fmt.Fprintf(&b, "\\name{%s}{%s}\n\\title{%s}\n\\address{%s}{%s}{}\n\\phone[mobile]{%s}\n\\email{%s}\n",
		texScript(p, p.First), texScript(p, p.Last), tex(tracks[p.Track].Label), texScript(p, p.City), p.Country, tex(p.Phone), tex(p.Email))
	fmt.Fprintf(&b, "\\begin{document}\n\\makecvtitle\n\n\\section{Summary}\n\\cvitem{}{%s}\n\n\\section{Experience}\n", tex(c.Summary))
	for _, r := range c.Roles {
		fmt.Fprintf(&b, "\\cventry{%s}{%s}{%s}{}{}{%%\n\\begin{itemize}\n", tex(ds.span(r.Start, r.End, r.Present)), tex(r.Position), tex(r.Company))
		for _, h := range r.Highlights {
			fmt.Fprintf(&b, "\\item %s\n", tex(h))
		}
		b.WriteString("\\end{itemize}}\n")
	}
	b.WriteString("\n\\section{Education}\n")
	for _, e := range c.Education {
		fmt.Fprintf(&b, "\\cventry{%s}{%s}{%s}{}{}{%s}\n", tex(ds.span(e.Start, e.End, false)), tex(e.StudyType), tex(e.Institution), tex(e.Area))
	}
	b.WriteString("\n\\section{Skills}\n")
	for _, g := range c.Groups {
		fmt.Fprintf(&b, "\\cvitem{%s}{%s}\n", tex(g.Name), tex(strings.Join(g.Keywords, ", ")))
	}
	b.WriteString("\n\\section{Interests}\n")
	for _, in := range c.Interests {
		fmt.Fprintf(&b, "\\cvitem{%s}{%s}\n", tex(in.Name), tex(strings.Join(in.Keywords, ", ")))
	}
	b.WriteString("\\end{document}\n")
	return b.String()
}

// europecv writes the person in the europecv class (the Europass layout:
// a label column on the left, the name under "Personal information").
func europecv(p person, c career, ds dateStyle) string {
	var b strings.Builder
	fmt.Fprintf(&b, "\\documentclass[english,a4paper,nologo,nopicture]{europecv}\n%s\\usepackage{hyperref}\n\\usepackage[a4paper,top=1.5cm,left=1cm,right=1cm,bottom=2cm]{geometry}\n", texFonts)
	fmt.Fprintf(&b, "\\ecvname{%s}\n\\ecvaddress{%s, %s}\n\\ecvtelephone{%s}\n\\ecvemail{%s}\n",
		texScript(p, p.Name), texScript(p, p.City), p.Country, tex(p.Phone), tex(p.Email))
	b.WriteString("\\begin{document}\n\\begin{europecv}\n\\ecvpersonalinfo\n\n")
	fmt.Fprintf(&b, "\\ecvitem{\\large Desired employment}{\\large %s}\n\\ecvitem{}{%s}\n", tex(tracks[p.Track].Label), tex(c.Summary))
	b.WriteString("\n\\ecvsection{Work experience}\n")
	for _, r := range c.Roles {
		fmt.Fprintf(&b, "\\ecvitem{Dates}{%s}\n\\ecvitem{Occupation or position held}{%s}\n\\ecvitem{Main activities and responsibilities}{%s}\n\\ecvitem{Name of employer}{%s}\n\\ecvitem{}{}\n",
			tex(ds.span(r.Start, r.End, r.Present)), tex(r.Position), tex(strings.Join(r.Highlights, "; ")), tex(r.Company))
	}
	b.WriteString("\n\\ecvsection{Education and training}\n")
	for _, e := range c.Education {
		fmt.Fprintf(&b, "\\ecvitem{Dates}{%s}\n\\ecvitem{Title of qualification awarded}{%s, %s}\n\\ecvitem{Name of organisation}{%s}\n",
			tex(ds.span(e.Start, e.End, false)), tex(e.StudyType), tex(e.Area), tex(e.Institution))
	}
	b.WriteString("\n\\ecvsection{Personal skills and competences}\n")
	for _, g := range c.Groups {
		fmt.Fprintf(&b, "\\ecvitem{%s}{%s}\n", tex(g.Name), tex(strings.Join(g.Keywords, ", ")))
	}
	for _, in := range c.Interests {
		fmt.Fprintf(&b, "\\ecvitem{%s}{%s}\n", tex(in.Name), tex(strings.Join(in.Keywords, ", ")))
	}
	b.WriteString("\\end{europecv}\n\\end{document}\n")
	return b.String()
}

// html writes the person as a plain word-processor document (name, a
// contact line, sections with a dated line per role), which LibreOffice
// converts to DOCX.
func html(p person, c career, ds dateStyle) string {
	esc := strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;").Replace
	var b strings.Builder
	fmt.Fprintf(&b, "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>%s</title></head><body>\n", esc(p.Name))
	fmt.Fprintf(&b, "<h1>%s</h1>\n<p>%s</p>\n<p>%s | %s | %s</p>\n", esc(p.Name), esc(tracks[p.Track].Label), esc(p.City), esc(p.Phone), esc(p.Email))
	fmt.Fprintf(&b, "<h2>Profile</h2>\n<p>%s</p>\n<h2>Professional Experience</h2>\n", esc(c.Summary))
	for _, r := range c.Roles {
		fmt.Fprintf(&b, "<p><b>%s</b>, %s<br>%s</p>\n<ul>\n", esc(r.Position), esc(r.Company), esc(ds.span(r.Start, r.End, r.Present)))
		for _, h := range r.Highlights {
			fmt.Fprintf(&b, "<li>%s</li>\n", esc(h))
		}
		b.WriteString("</ul>\n")
	}
	b.WriteString("<h2>Education</h2>\n")
	for _, e := range c.Education {
		fmt.Fprintf(&b, "<p><b>%s in %s</b>, %s<br>%s</p>\n", esc(e.StudyType), esc(e.Area), esc(e.Institution), esc(ds.span(e.Start, e.End, false)))
	}
	b.WriteString("<h2>Skills</h2>\n")
	for _, g := range c.Groups {
		fmt.Fprintf(&b, "<p><b>%s:</b> %s</p>\n", esc(g.Name), esc(strings.Join(g.Keywords, ", ")))
	}
	b.WriteString("<h2>Interests</h2>\n")
	for _, in := range c.Interests {
		line := in.Name
		if len(in.Keywords) > 0 {
			line += ": " + strings.Join(in.Keywords, ", ")
		}
		fmt.Fprintf(&b, "<p>%s</p>\n", esc(line))
	}
	b.WriteString("</body></html>\n")
	return b.String()
}

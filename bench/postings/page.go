package main

import (
	"fmt"
	"html"
	"regexp"
	"strings"
)

// jobBoardPage renders a posting written as plain text (with the light
// markup our postings use: "#" headings, "**bold**", "-", "*", "•" and
// "1." bullets, nested by their indentation, "|" tables) as the page of a
// job board: navigation, a tracking script and a style sheet that name
// technologies, an apply button and a footer. The posting's own words are the page's only text
// outside script and style, so the page must derive the rules the text
// does.
func jobBoardPage(text string) string {
	var b strings.Builder
	b.WriteString(`<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Jobs | Kiln Careers</title>
<style>
@page { size: A4; margin: 18mm; }
body { font-family: "DejaVu Sans", sans-serif; font-size: 10.5pt; max-width: 16cm; }
nav a { margin-right: 1em; } td, th { border: 1px solid #999; padding: 3px; vertical-align: top; }
.stack::after { content: "Kotlin Swift Rust"; display: none; }
</style>
<script>
var tags = ["Java", "Kubernetes", "MongoDB", "Angular"];
function apply() { window.location = "/apply?src=" + tags.join(","); }
</script>
</head><body>
<header><nav><a href="/">Kiln Careers</a><a href="/jobs">All jobs</a><a href="/companies">Companies</a></nav></header>
<main>
`)
	lines := strings.Split(strings.TrimSpace(text), "\n")
	// open are the lists open around the line, outermost first, each
	// with its kind and the indent of its items: a list item indented
	// more than the one before it starts a list nested in that item, as
	// a job board's editor nests them.
	type list struct {
		kind   string
		indent int
	}
	var open []list
	closeList := func(indent int) {
		for len(open) > 0 && open[len(open)-1].indent > indent {
			fmt.Fprintf(&b, "</li>\n</%s>\n", open[len(open)-1].kind)
			open = open[:len(open)-1]
		}
	}
	for i := 0; i < len(lines); i++ {
		line := strings.TrimSpace(lines[i])
		if !bullet.MatchString(line) {
			closeList(-1)
		}
		switch {
		case line == "":
		case i == 0:
			fmt.Fprintf(&b, "<h1>%s</h1>\n", inline(strings.TrimLeft(line, "# ")))
		case strings.HasPrefix(line, "#"):
			fmt.Fprintf(&b, "<h2>%s</h2>\n", inline(strings.TrimLeft(line, "# ")))
		case strings.HasPrefix(line, "|"):
			b.WriteString("<table>\n")
			for first := true; i < len(lines) && strings.HasPrefix(strings.TrimSpace(lines[i]), "|"); i++ {
				row := strings.Trim(strings.TrimSpace(lines[i]), "|")
				if strings.Trim(row, "-| ") == "" {
					continue
				}
				cell := "td"
				if first {
					cell = "th"
				}
				first = false
				b.WriteString("<tr>")
				for _, c := range strings.Split(row, "|") {
					fmt.Fprintf(&b, "<%s>%s</%s>", cell, inline(strings.TrimSpace(c)), cell)
				}
				b.WriteString("</tr>\n")
			}
			i--
			b.WriteString("</table>\n")
		case bullet.MatchString(line):
			kind := "ul"
			if line[0] >= '0' && line[0] <= '9' {
				kind = "ol"
			}
			indent := len(lines[i]) - len(strings.TrimLeft(lines[i], " \t"))
			closeList(indent)
			switch n := len(open); {
			case n > 0 && open[n-1].indent == indent && open[n-1].kind == kind:
				b.WriteString("</li>\n") // the item before, at this level
			case n > 0 && open[n-1].indent == indent:
				fmt.Fprintf(&b, "</li>\n</%s>\n<%s>\n", open[n-1].kind, kind) // another kind of list
				open[n-1].kind = kind
			default:
				if n > 0 {
					b.WriteString("\n") // a list nested in the item above
				}
				fmt.Fprintf(&b, "<%s>\n", kind)
				open = append(open, list{kind, indent})
			}
			fmt.Fprintf(&b, "<li>%s", inline(bullet.ReplaceAllString(line, "")))
		case looksLikeHeading(line):
			fmt.Fprintf(&b, "<h3>%s</h3>\n", inline(line))
		default:
			fmt.Fprintf(&b, "<p>%s</p>\n", inline(line))
		}
	}
	closeList(-1)
	b.WriteString(`</main>
<p class="stack"></p>
<button onclick="apply()">Apply now</button>
<footer>&copy; 2026 Kiln Careers · <a href="/privacy">Privacy</a> · <a href="/cookies">Cookies</a></footer>
</body></html>
`)
	return b.String()
}

var (
	bullet = regexp.MustCompile(`^([-*•]|\d{1,2}\.)\s+`)
	bold   = regexp.MustCompile(`\*\*([^*]+)\*\*`)
)

func inline(s string) string {
	return bold.ReplaceAllString(html.EscapeString(s), "<b>$1</b>")
}

// looksLikeHeading is a short line without a sentence's final stop.
func looksLikeHeading(line string) bool {
	return len(strings.Fields(line)) <= 6 && !strings.HasSuffix(line, ".") && !strings.Contains(line, ": ")
}

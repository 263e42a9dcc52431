package pdf

import (
	"math"
	"sort"
	"strings"
	"unicode/utf8"
)

// Title thresholds. A title is set at least titleRatio times the size of
// the page's body text (the size most of its characters have): 1.2 keeps
// headings set in bold at body size out, while names are usually 1.5 to 3
// times larger. Near the top means in the upper titleZone of the page's
// text. Chunks within titleSpread of the largest size belong to the title
// (a name set in two sizes, first and last); at most titleLines lines.
const (
	titleRatio  = 1.2
	titleZone   = 1.0 / 3
	titleSpread = 0.85
	maxTitle    = 3
)

// titleOf returns the lines set in the largest type near the top of a
// page, top to bottom: on a resume's first page, the candidate's name (and
// sometimes a job title set as large). It returns nil when the page has no
// text clearly larger than its body.
func titleOf(chunks []*chunk) []string {
	if len(chunks) == 0 {
		return nil
	}
	top, bottom := math.Inf(-1), math.Inf(1)
	for _, c := range chunks {
		top, bottom = math.Max(top, c.top()), math.Min(bottom, c.bottom())
	}
	zone := top - titleZone*(top-bottom)
	largest := 0.0
	for _, c := range chunks {
		if c.top() >= zone {
			largest = math.Max(largest, c.size)
		}
	}
	if largest < titleRatio*bodySize(chunks) {
		return nil
	}
	var big []*chunk
	for _, c := range chunks {
		if c.top() >= zone && c.size >= titleSpread*largest {
			big = append(big, c)
		}
	}
	var lines []string
	readLines(big, &lines)
	var out []string
	for _, l := range lines {
		if l = strings.TrimSpace(l); l != "" && utf8.RuneCountInString(l) <= 80 {
			out = append(out, l)
		}
		if len(out) == maxTitle {
			break
		}
	}
	return out
}

// bodySize is the font size of most of the page's characters.
func bodySize(chunks []*chunk) float64 {
	type weighted struct{ size, n float64 }
	ws := make([]weighted, 0, len(chunks))
	total := 0.0
	for _, c := range chunks {
		n := float64(utf8.RuneCountInString(c.text.String()))
		ws = append(ws, weighted{c.size, n})
		total += n
	}
	sort.Slice(ws, func(i, j int) bool { return ws[i].size < ws[j].size })
	acc := 0.0
	for _, w := range ws {
		if acc += w.n; acc >= total/2 {
			return w.size
		}
	}
	return ws[len(ws)-1].size
}

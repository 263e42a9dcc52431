package pdf

import (
	"strings"
	"testing"
)

// TestRunsOn: a paragraph wrapped at a page's foot runs on at the next
// page's top (one line break between the pages, not a blank line); a
// sentence that ended there, a list of short lines whose last is its
// longest, and a next page that starts elsewhere do not.
func TestRunsOn(t *testing.T) {
	// Permutations of the same words: lines of one width, as a
	// paragraph's wrapped lines are (within a word).
	para := []string{
		"replay the sensor feeds when they arrive late at night",
		"the sensor feeds arrive late at night when they replay",
		"when they arrive late at night replay the sensor feeds",
	}
	page := func(x float64, lines ...string) []*chunk {
		var gs []glyph
		for i, l := range lines {
			gs = append(gs, setLine(x, 700-14*float64(i), l, 0, false)...)
		}
		return pageChunks(gs)
	}
	text := func(cs []*chunk) string {
		var sb strings.Builder
		layoutPage(&sb, cs)
		return sb.String()
	}
	for _, tt := range []struct {
		name       string
		prev, next []*chunk
		want       bool
	}{
		{"a wrapped sentence", page(72, append(para, "the sensor feeds arrive late at night when replay they")...), page(72, "go on to the next page."), true},
		{"a sentence that ended", page(72, append(para, "the sensor feeds arrive late at night when they replay.")...), page(72, "A new paragraph starts."), false},
		{"short items, the last the longest", page(72, "Go", "SQL", "Kafka", "Terraform and Ansible on every host"), page(72, "Bash"), false},
		{"the next page starts elsewhere", page(72, append(para, "the sensor feeds arrive late at night when replay they")...), page(120, "go on to the next page."), false},
	} {
		if got := runsOn(tt.prev, tt.next, text(tt.prev), text(tt.next)); got != tt.want {
			t.Errorf("%s: runsOn = %v, want %v", tt.name, got, tt.want)
		}
	}
}

// Command candidates helps to label a resume by hand: it prints, for each
// taxonomy skill a text file mentions (see label.Mentions), how many lines
// mention it and the first of them. It proposes; the labeller reads each
// line and decides (an employer's name, a link or a course title is not a
// skill).
//
//	pdftotext -layout resume.pdf /tmp/r.txt && go run ./bench/eval/candidates /tmp/r.txt
package main

import (
	"fmt"
	"os"
	"strings"

	"github.com/screener/screener/bench/eval/label"
	"github.com/screener/screener/rules"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: go run ./bench/eval/candidates FILE.txt")
		os.Exit(2)
	}
	b, err := os.ReadFile(os.Args[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, "candidates:", err)
		os.Exit(1)
	}
	tax := rules.DefaultTaxonomy()
	lines := strings.Split(string(b), "\n")
	first := map[string]string{}
	count := map[string]int{}
	var order []string
	for _, l := range lines {
		for _, s := range label.Mentions(tax, l) {
			if count[s] == 0 {
				first[s] = strings.Join(strings.Fields(l), " ")
				order = append(order, s)
			}
			count[s]++
		}
	}
	for _, s := range order {
		fmt.Printf("%-28s %3d | %s\n", s, count[s], first[s])
	}
}

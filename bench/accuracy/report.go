package main

import (
	"fmt"
	"io"
	"sort"
	"strings"
)

// tally adds up results.
type tally struct {
	files, failed             int
	name, email, phone, years ratio
	title, location           ratio
	noRole                    ratio
	tp, fp, fn                int
	monthsKnown               bool
	months                    ratio
	fromFileName              int
}

type ratio struct{ right, n int }

func (r ratio) String() string {
	if r.n == 0 {
		return "-"
	}
	return fmt.Sprintf("%.2f", float64(r.right)/float64(r.n))
}

func (r *ratio) add(c check) {
	if c.counted {
		r.n++
		if c.right {
			r.right++
		}
	}
}

func (t *tally) add(r result) {
	t.files++
	if r.failed != "" {
		t.failed++
	}
	t.name.add(r.name)
	t.email.add(r.email)
	t.phone.add(r.phone)
	t.title.add(r.title)
	t.location.add(r.location)
	t.years.add(r.years)
	t.noRole.add(r.noRole)
	t.tp += r.tp
	t.fp += r.fp
	t.fn += r.fn
	t.monthsKnown = t.monthsKnown || r.monthsKnown
	t.months.right += r.monthsRight
	t.months.n += r.monthsPairs
	if r.fromFileName {
		t.fromFileName++
	}
}

func frac(a, b int) string {
	if b == 0 {
		return "-"
	}
	return fmt.Sprintf("%.2f", float64(a)/float64(b))
}

// group names the total a layout counts in: the set's layouts under
// "set", the corpus's under "corpus".
func group(layout string) string {
	if strings.HasPrefix(layout, "corpus") {
		return "corpus (all)"
	}
	return "set (all)"
}

// printTable writes one row per layout and one per group.
func printTable(w io.Writer, rs []result) {
	by := map[string]*tally{}
	var order []string
	get := func(k string) *tally {
		if by[k] == nil {
			by[k] = &tally{}
			order = append(order, k)
		}
		return by[k]
	}
	for _, r := range rs {
		get(r.layout).add(r)
		get(group(r.layout)).add(r)
	}
	sort.Slice(order, func(i, j int) bool {
		gi, gj := group(order[i]), group(order[j])
		if gi != gj {
			return gi > gj // set before corpus
		}
		ti, tj := order[i] == gi, order[j] == gj
		if ti != tj {
			return tj // the group's total last
		}
		return order[i] < order[j]
	})
	fmt.Fprintf(w, "%-18s %5s %6s %5s %5s %5s %5s %5s %7s %7s %8s %6s %6s %5s\n", "layout", "files", "unread", "name", "email", "phone", "title", "city", "years±1", "no-role", "months±6", "skillP", "skillR", "fname")
	for _, k := range order {
		t := by[k]
		months := "n/a"
		if t.monthsKnown {
			months = t.months.String()
		}
		fmt.Fprintf(w, "%-18s %5d %6d %5s %5s %5s %5s %5s %7s %7s %8s %6s %6s %5d\n", k, t.files, t.failed, t.name, t.email, t.phone, t.title, t.location, t.years, t.noRole, months,
			frac(t.tp, t.tp+t.fp), frac(t.tp, t.tp+t.fn), t.fromFileName)
	}
}

// printMisses lists, file by file, every field the library got wrong.
func printMisses(w io.Writer, rs []result) {
	sort.Slice(rs, func(i, j int) bool {
		if rs[i].layout != rs[j].layout {
			return rs[i].layout < rs[j].layout
		}
		return rs[i].file < rs[j].file
	})
	fmt.Fprintln(w, "\nmisses (file: field want / got):")
	for _, r := range rs {
		var lines []string
		if r.failed != "" {
			lines = append(lines, "not read: "+r.failed)
		}
		for _, f := range []struct {
			name string
			c    check
		}{{"name", r.name}, {"email", r.email}, {"phone", r.phone}, {"title", r.title}, {"location", r.location}, {"years", r.years}, {"years", r.noRole}} {
			if f.c.counted && !f.c.right {
				line := fmt.Sprintf("%s want %q got %q", f.name, f.c.want, f.c.got)
				if f.c.how != "" {
					line += " (" + f.c.how + ")"
				}
				lines = append(lines, line)
			}
		}
		if r.fromFileName {
			lines = append(lines, "name taken from the file name")
		}
		for _, s := range r.fps {
			lines = append(lines, "skill not there: "+s)
		}
		if len(r.fns) > 0 {
			lines = append(lines, "skills missed: "+strings.Join(r.fns, ", "))
		}
		for _, m := range r.monthsMisses {
			lines = append(lines, "months "+m)
		}
		for _, l := range lines {
			fmt.Fprintf(w, "%s: %s\n", r.file, l)
		}
	}
}

// printFlags says how well the library's "uncertain" marks on contact
// fields (name, e-mail, phone) separate its wrong values from its right
// ones, per group; nothing when it marks none.
func printFlags(w io.Writer, rs []result) {
	type count struct{ wrong, wrongFlagged, right, rightFlagged int }
	by := map[string]*count{}
	var groups []string
	marked := false
	for _, r := range rs {
		g := group(r.layout)
		if by[g] == nil {
			by[g] = &count{}
			groups = append(groups, g)
		}
		c := by[g]
		for _, f := range []check{r.name, r.email, r.phone} {
			if !f.counted {
				continue
			}
			flagged := strings.Contains(f.how, "uncertain")
			marked = marked || flagged
			switch {
			case f.right && flagged:
				c.right++
				c.rightFlagged++
			case f.right:
				c.right++
			case flagged:
				c.wrong++
				c.wrongFlagged++
			default:
				c.wrong++
			}
		}
	}
	if !marked {
		return
	}
	sort.Strings(groups)
	for _, g := range groups {
		c := by[g]
		fmt.Fprintf(w, "%s: contact values marked uncertain: %d of %d wrong, %d of %d right\n", g, c.wrongFlagged, c.wrong, c.rightFlagged, c.right)
	}
}

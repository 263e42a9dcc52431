package pdf_test

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/screener/screener/parsers"
)

// placed is a line of text at a position; right, when set, is where the
// line ends (flush right) instead of x where it starts.
type placed struct {
	x, right, y, size float64
	text              string
}

// placedPDF draws each line with Helvetica, whose glyphs the extractor
// measures at half an em when the font gives no widths, so a line's end is
// x + 0.5 × size × its length.
func placedPDF(ls []placed) []byte {
	var b strings.Builder
	for _, l := range ls {
		x := l.x
		if l.right > 0 {
			x = l.right - 0.5*l.size*float64(len(l.text))
		}
		fmt.Fprintf(&b, "BT /F1 %g Tf %g %g Td (%s) Tj ET\n", l.size, x, l.y, l.text)
	}
	return simplePDF("%PDF-1.4", b.String(), "")
}

// TestLayoutReadingOrder checks lines that the column finder must not tear
// apart: dates flush right beside the roles of one column (on the title's
// baseline or on a line of their own above it), a form whose labels
// stand flush right in a column left of their values (Europass), and a
// table's rows (a row a line, a tab between cells); and columns it must
// not join into rows.
func TestLayoutReadingOrder(t *testing.T) {
	tests := []struct {
		name  string
		lines []placed
		want  []string
	}{
		{
			name: "dates of one format flush right beside the roles",
			lines: []placed{
				{x: 72, y: 700, size: 12, text: "Experience"},
				{right: 540, y: 686, size: 9, text: "01/2023 - Present"},
				{x: 72, y: 674, size: 10, text: "Frontend Developer"},
				{x: 90, y: 660, size: 9, text: "Reduced support tickets through clearer onboarding"},
				{x: 90, y: 648, size: 9, text: "Ran the team on JavaScript for two years"},
				{x: 72, y: 630, size: 12, text: "Education"},
				{x: 72, y: 614, size: 10, text: "Lakeshore University"},
				{right: 540, y: 614, size: 9, text: "01/2020 - 01/2023"},
				{x: 72, y: 600, size: 10, text: "Master of Science Mathematics"},
			},
			want: []string{
				"Experience\n01/2023 - Present\nFrontend Developer\nReduced",
				"Education\nLakeshore University 01/2020 - 01/2023\nMaster",
			},
		},
		{
			name: "a sidebar of short lines set flush right stays a column",
			lines: []placed{
				{x: 72, y: 700, size: 12, text: "Experience"},
				{right: 540, y: 700, size: 10, text: "Skills"},
				{x: 72, y: 686, size: 10, text: "Frontend Developer at Lakeshore"},
				{right: 540, y: 686, size: 10, text: "Golang"},
				{x: 90, y: 674, size: 10, text: "Ran the team on JavaScript for two years"},
				{right: 540, y: 674, size: 10, text: "Python"},
				{x: 90, y: 662, size: 10, text: "Owned the upgrade across twelve services"},
				{right: 540, y: 662, size: 10, text: "Kotlin"},
				{x: 90, y: 650, size: 10, text: "Hired and onboarded six engineers"},
			},
			want: []string{
				"Experience\nFrontend Developer at Lakeshore\nRan the team",
				"Skills\nGolang\nPython\nKotlin",
			},
		},
		{
			name: "labels flush right left of their values",
			lines: []placed{
				{right: 170, y: 700, size: 12, text: "Work experience"},
				{right: 170, y: 680, size: 10, text: "Dates"},
				{x: 194, y: 680, size: 10, text: "August 2016 - July 2017"},
				{right: 170, y: 666, size: 10, text: "Occupation or position held"},
				{x: 194, y: 666, size: 10, text: "Data Engineer"},
				{right: 170, y: 652, size: 10, text: "Main activities and"},
				{x: 194, y: 652, size: 10, text: "Built the billing pipeline in Go and ran it"},
				{right: 170, y: 640, size: 10, text: "responsibilities"},
				{x: 194, y: 640, size: 10, text: "on Kubernetes for three years"},
				{right: 170, y: 626, size: 10, text: "Name of employer"},
				{x: 194, y: 626, size: 10, text: "Calder Energy"},
				{right: 170, y: 600, size: 12, text: "Education and"},
				{right: 170, y: 588, size: 12, text: "training"},
				{right: 170, y: 570, size: 10, text: "Dates"},
				{x: 194, y: 570, size: 10, text: "2009 - 2012"},
			},
			want: []string{
				"Work experience\nDates\nAugust 2016 - July 2017\nOccupation or position held\nData Engineer\n",
				"Main activities and responsibilities\nBuilt the billing pipeline in Go and ran it\non Kubernetes for three years\nName of employer\nCalder Energy\n",
				"Education and training\nDates\n2009 - 2012",
			},
		},
		{
			name: "a table's rows read across, wrapped cells joined",
			// Cells padded apart (rows 20 points from line to line,
			// lines within a cell 12): the first row's cells set top,
			// the third's middle aligned beside a wrapped cell.
			lines: []placed{
				{x: 72, y: 730, size: 12, text: "Tooling"},
				{x: 72, y: 700, size: 10, text: "Tool"},
				{x: 230, y: 700, size: 10, text: "Use"},
				{x: 330, y: 700, size: 10, text: "Since"},
				{x: 72, y: 680, size: 10, text: "Terraform"},
				{x: 230, y: 680, size: 10, text: "Daily"},
				{x: 330, y: 680, size: 10, text: "four years on"},
				{x: 330, y: 668, size: 10, text: "client estates"},
				{x: 72, y: 648, size: 10, text: "Grafana and"},
				{x: 72, y: 636, size: 10, text: "Prometheus"},
				{x: 230, y: 642, size: 10, text: "Weekly"},
				{x: 330, y: 642, size: 10, text: "dashboards"},
				{x: 72, y: 616, size: 10, text: "Ansible"},
				{x: 230, y: 616, size: 10, text: "Rarely"},
				{x: 330, y: 616, size: 10, text: "legacy hosts"},
				{x: 72, y: 590, size: 10, text: "Travel to client sites once a month, expenses paid."},
			},
			want: []string{
				"Tooling\nTool\tUse\tSince\nTerraform\tDaily\tfour years on client estates\nGrafana and Prometheus\tWeekly\tdashboards\nAnsible\tRarely\tlegacy hosts\nTravel",
			},
		},
		{
			name: "a table's cell wrapped over more lines than joinLines reads as one line",
			// Each line of the description but the last fills the column
			// (60 letters of half an em), so the next one's first word
			// did not fit: one paragraph, wrapped.
			lines: []placed{
				{x: 72, y: 730, size: 12, text: "Duties"},
				{x: 72, y: 706, size: 10, text: "Area"},
				{x: 200, y: 706, size: 10, text: "What you do"},
				{x: 72, y: 686, size: 10, text: "Pipelines"},
				{x: 200, y: 686, size: 10, text: "You keep the hourly loaders of the billing and sensor feeds"},
				{x: 200, y: 674, size: 10, text: "running, replay a day when a supplier sends it late, and you"},
				{x: 200, y: 662, size: 10, text: "write down in the runbook what you learnt from every outage"},
				{x: 200, y: 650, size: 10, text: "so the next person on call can act."},
				{x: 72, y: 630, size: 10, text: "Reviews"},
				{x: 200, y: 630, size: 10, text: "You read the changes of two colleagues."},
				{x: 72, y: 610, size: 10, text: "On-call"},
				{x: 200, y: 610, size: 10, text: "One week in six."},
				{x: 72, y: 584, size: 10, text: "Work from Leeds or from home."},
			},
			want: []string{
				"Duties\nArea\tWhat you do\nPipelines\tYou keep the hourly loaders of the billing and sensor feeds running, replay a day when a supplier sends it late, and you write down in the runbook what you learnt from every outage so the next person on call can act.\nReviews\tYou read the changes of two colleagues.\nOn-call\tOne week in six.\nWork from",
			},
		},
		{
			name: "roles beside their dates keep their lines, bullets not joined",
			// The title and the bullets end short of the column's right
			// edge: lines broken by the writer, not wrapped.
			lines: []placed{
				{x: 72, y: 730, size: 12, text: "Experience"},
				{x: 72, y: 706, size: 10, text: "2021 - now"},
				{x: 200, y: 706, size: 10, text: "Data Engineer, Quayside Freight"},
				{x: 200, y: 694, size: 10, text: "- Moved the nightly loads to Airflow and cut them to an hour"},
				{x: 200, y: 682, size: 10, text: "- Ran the on-call rota"},
				{x: 200, y: 670, size: 10, text: "- Wrote the runbooks"},
				{x: 72, y: 646, size: 10, text: "2018 - 2021"},
				{x: 200, y: 646, size: 10, text: "Analyst, Northern Rail"},
				{x: 200, y: 634, size: 10, text: "- Built the delay reports"},
				{x: 72, y: 614, size: 10, text: "2016 - 2018"},
				{x: 200, y: 614, size: 10, text: "Intern, Leeds City Council"},
			},
			want: []string{
				"Data Engineer, Quayside Freight\n- Moved the nightly loads to Airflow and cut them to an hour\n- Ran the on-call rota\n- Wrote the runbooks\n",
			},
		},
		{
			name: "a list whose bullets stand closer to their items than an em stays a list",
			// The bullets' gap is as narrow as a word processor's table
			// cell padding (see narrowTable), their items wrapped: rows
			// of a table of marks and items by their shape.
			lines: []placed{
				{x: 72, y: 730, size: 12, text: "Requirements"},
				{x: 80, y: 712, size: 10, text: "Four years of Go in services"},
				{x: 80, y: 700, size: 10, text: "that others depend on"},
				{x: 80, y: 684, size: 10, text: "PostgreSQL or MySQL"},
				{x: 80, y: 668, size: 10, text: "Kafka, or another queue"},
				{x: 80, y: 656, size: 10, text: "you ran yourself"},
				// Drawn after the items, as LaTeX draws a list's labels.
				{x: 72, y: 712, size: 10, text: "*"},
				{x: 72, y: 684, size: 10, text: "*"},
				{x: 72, y: 668, size: 10, text: "*"},
			},
			want: []string{
				"Requirements\n* Four years of Go in services\nthat others depend on\n* PostgreSQL or MySQL\n* Kafka, or another queue\nyou ran yourself",
			},
		},
		{
			name: "a table with a sparse last column below a line across its first two",
			// The list item above spans the first gutter, so only the
			// last column's gutter is free from it down (the paragraph
			// below spans the page): the rows without a note make no
			// table with that gutter alone.
			lines: []placed{
				{x: 72, y: 730, size: 10, text: "Coach two developers and our admins on the platform"},
				{x: 72, y: 706, size: 12, text: "Requirements"},
				{x: 72, y: 680, size: 10, text: "Apex"},
				{x: 260, y: 680, size: 10, text: "Required"},
				{x: 370, y: 680, size: 10, text: "at least four years"},
				{x: 370, y: 668, size: 10, text: "of it"},
				{x: 72, y: 648, size: 10, text: "Lightning"},
				{x: 260, y: 648, size: 10, text: "Required"},
				{x: 72, y: 628, size: 10, text: "SOQL"},
				{x: 260, y: 628, size: 10, text: "Preferred"},
				{x: 72, y: 608, size: 10, text: "REST and SOAP"},
				{x: 260, y: 608, size: 10, text: "Required"},
				{x: 370, y: 608, size: 10, text: "at least one of the two in"},
				{x: 370, y: 596, size: 10, text: "production"},
				{x: 72, y: 576, size: 10, text: "Git"},
				{x: 260, y: 576, size: 10, text: "Required"},
				{x: 72, y: 550, size: 10, text: "Travel to client sites once a month, all expenses paid, by train where you can."},
			},
			want: []string{
				"Requirements\nApex\tRequired\tat least four years of it\nLightning\tRequired\t\nSOQL\tPreferred\t\nREST and SOAP\tRequired\tat least one of the two in production\nGit\tRequired\t\nTravel",
			},
		},
		{
			name: "rows with text in their first column only stay the table's rows",
			// Rows 20 points apart; "SQL" and "Git" have empty second
			// and third cells. The heading below stands 30 points off
			// and is set larger, the paragraph under it 24 points off.
			lines: []placed{
				{x: 72, y: 730, size: 12, text: "Skills"},
				{x: 72, y: 700, size: 10, text: "Must have"},
				{x: 230, y: 700, size: 10, text: "Nice to have"},
				{x: 330, y: 700, size: 10, text: "Not needed"},
				{x: 72, y: 680, size: 10, text: "Playwright"},
				{x: 230, y: 680, size: 10, text: "Docker"},
				{x: 330, y: 680, size: 10, text: "Java"},
				{x: 72, y: 660, size: 10, text: "SQL"},
				{x: 72, y: 640, size: 10, text: "Postman"},
				{x: 230, y: 640, size: 10, text: "k6"},
				{x: 330, y: 640, size: 10, text: "Perl"},
				{x: 72, y: 620, size: 10, text: "TypeScript"},
				{x: 230, y: 620, size: 10, text: "Helm"},
				{x: 330, y: 620, size: 10, text: "Ruby"},
				{x: 72, y: 600, size: 10, text: "Git"},
				{x: 72, y: 570, size: 12, text: "Benefits"},
				{x: 72, y: 546, size: 10, text: "We pay well."},
			},
			want: []string{
				"Skills\nMust have\tNice to have\tNot needed\nPlaywright\tDocker\tJava\nSQL\t\t\nPostman\tk6\tPerl\nTypeScript\tHelm\tRuby\nGit\t\t\nBenefits\nWe pay well.",
			},
		},
		{
			name: "two columns on one grid stay columns",
			// Sidebar and main text share the leading and start together,
			// heading beside heading and first paragraph beside first
			// paragraph; their later sections do not line up.
			lines: []placed{
				{x: 72, y: 700, size: 12, text: "Contact"},
				{x: 220, y: 700, size: 12, text: "Profile"},
				{x: 72, y: 684, size: 10, text: "Lisbon"},
				{x: 72, y: 672, size: 10, text: "+351 912 000 111"},
				{x: 220, y: 684, size: 10, text: "Platform engineer who keeps freight"},
				{x: 220, y: 672, size: 10, text: "systems running through peak season"},
				{x: 220, y: 660, size: 10, text: "and writes the runbooks others use."},
				{x: 72, y: 648, size: 12, text: "Skills"},
				{x: 72, y: 632, size: 10, text: "Go"},
				{x: 72, y: 620, size: 10, text: "SQL"},
				{x: 72, y: 608, size: 10, text: "Terraform"},
				{x: 220, y: 636, size: 12, text: "Experience"},
				{x: 220, y: 620, size: 10, text: "Senior Engineer, Harbor Lines"},
				{x: 220, y: 608, size: 10, text: "Moved dispatch to queues"},
				{x: 220, y: 596, size: 10, text: "Cut paging by half"},
				{x: 72, y: 584, size: 12, text: "Languages"},
				{x: 72, y: 568, size: 10, text: "Portuguese"},
				{x: 220, y: 572, size: 10, text: "Engineer, Quay Systems"},
				{x: 220, y: 560, size: 10, text: "Ran the on-call rota"},
			},
			want: []string{
				"Contact\nLisbon\n+351 912 000 111\nSkills\nGo\nSQL\nTerraform\nLanguages\nPortuguese\n",
				"Profile\nPlatform engineer who keeps freight\nsystems running through peak season\nand writes the runbooks others use.\nExperience\nSenior Engineer, Harbor Lines\nMoved",
			},
		},
	}
	for _, tt := range tests {
		doc, err := extractBytes(t, placedPDF(tt.lines), parsers.Limits{})
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		for _, w := range tt.want {
			if !strings.Contains(doc.Text, w) {
				t.Errorf("%s: text lacks %q; got:\n%s", tt.name, w, doc.Text)
			}
		}
	}
}

// TestTableRendered reads a posting's table as Chromium and LibreOffice
// print it (testdata/parsers/table-rows.html): rows padded apart without
// a wrapped cell, and a cell's padding, under an em, all that parts the
// longest cells from the next column (Chromium); cells centred beside
// wrapped ones and a column gutter narrower than an em where a heading
// fills its cell (LibreOffice). Each row is a line, a tab between cells,
// the heading row too, whose gutter is narrower than an em beside a long
// cell below (Chromium).
func TestTableRendered(t *testing.T) {
	rows := []string{
		"Terraform\tMust\tmodules for every estate, reviewed in pairs",
		"Prometheus and Grafana\tMust\talerts that page only when a person can act",
		"Ansible\tBonus\tolder hosts",
		"Either Go or Rust\tMust\tsmall services and tooling",
	}
	for _, name := range []string{"table-rows-chromium.pdf", "table-rows-libreoffice.pdf"} {
		doc, err := parsers.ExtractFile(context.Background(), filepath.Join(fixtures, name), parsers.Limits{})
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		want := "What we look for\nArea\tExpected\tComment\n"
		for _, r := range rows {
			want += r + "\n"
		}
		want += "Work from Rotterdam"
		// The heading row: LibreOffice broke "Expected" inside the word.
		text := strings.Replace(doc.Text, "Area\tExpecte d\tComment\n", "Area\tExpected\tComment\n", 1)
		if !strings.Contains(text, want) {
			t.Errorf("%s: text lacks the rows\n%s\ngot:\n%s", name, want, doc.Text)
		}
	}
}

// TestTablesReadAsTheirSource reads postings whose tables a browser or a
// word processor printed in ways that tore their rows apart, and checks
// that the PDF's text, page breaks aside, is that of the file it was
// printed from: a row a line, a tab between cells, a tall wrapped cell
// joined. table-pages.html: two tables Chromium breaks across pages, the
// first between two rows (two rows left on the next page), the second
// inside a row whose description goes on at the next page's top in its
// column alone. table-narrow.docx (LibreOffice's conversion of
// table-narrow.html): a narrow table LibreOffice prints with cells wrapped
// to different heights and its columns a few points apart, closer than
// the space between two words on some lines.
func TestTablesReadAsTheirSource(t *testing.T) {
	ctx := context.Background()
	for _, tt := range []struct {
		pdf, source string
		pages       int
	}{
		{"table-pages.pdf", "table-pages.html", 3},
		{"table-narrow.pdf", "table-narrow.docx", 1},
	} {
		src, err := parsers.ExtractFile(ctx, filepath.Join(fixtures, tt.source), parsers.Limits{})
		if err != nil {
			t.Fatal(err)
		}
		doc, err := parsers.ExtractFile(ctx, filepath.Join(fixtures, tt.pdf), parsers.Limits{})
		if err != nil {
			t.Fatal(err)
		}
		if doc.Pages != tt.pages {
			t.Fatalf("%s: %d pages, want %d", tt.pdf, doc.Pages, tt.pages)
		}
		var lines []string
		for _, l := range strings.Split(doc.Text, "\n") {
			if l != "" {
				lines = append(lines, l)
			}
		}
		if got, want := strings.Join(lines, "\n"), strings.TrimSpace(src.Text); got != want {
			t.Errorf("%s, page breaks aside:\n%s\nwant the text of %s:\n%s", tt.pdf, got, tt.source, want)
		}
	}
}

package rules

import (
	"slices"
	"strings"
	"testing"
)

func TestTitle(t *testing.T) {
	tests := []struct {
		name, text, want, source string
		uncertain                bool
	}{
		{"role title beside dates", "Jane Roe\njane@example.com\n\nExperience\nSenior Platform Engineer, Calder Energy  Jan 2022 – Present\n• Built the pipeline\nCloud Engineer, Nimbus Media  Mar 2019 – Dec 2021\n• Ran clusters",
			"Senior Platform Engineer", SourceRole, false},
		{"most recent role, not the first in the text", "Jane Roe\n\nExperience\nData Analyst at Acme  2015 – 2018\nLead Data Scientist at Orbit  2019 – 2024",
			"Lead Data Scientist", SourceRole, false},
		{"title above a line of dates", "Jane Roe\n\nWork Experience\nNimbus Media\nBackend Developer\nMar 2020 - Present\n• Wrote services",
			"Backend Developer", SourceRole, false},
		{"employer then title", "Jane Roe\n\nExperience\nNimbus Media | Site Reliability Engineer | 2020 – 2023",
			"Site Reliability Engineer", SourceRole, false},
		{"heading glued to the title", "Jane Roe\n\nExperience\nWork Data Scientist, Orbit  2019 – 2024",
			"Data Scientist", SourceRole, false},
		{"a summary's title above the role's is not the role's", "Jane Roe\nBackend Engineer\nSummary Experience\nData Engineer based in Oslo.\nBackend Engineer, Fjord Telecom. 2018 to present\n{ Built the pipeline",
			"Backend Engineer", SourceRole, false},
		{"a role begun in the as-of year, given as a year", "Jane Roe\n\nExperience\nSenior Platform Engineer, Saltmarsh\n2025 to Present\n• Ran the team\nPlatform Engineer, Spring Valley\n2021 to 2024\n• Built the pipeline",
			"Senior Platform Engineer", SourceRole, false},
		{"headline under the name", "Jane Roe\nFull-Stack Developer\njane@example.com\n\nSkills\nGo, SQL",
			"Full-Stack Developer", SourceHeadline, true},
		{"no title", "Jane Roe\njane@example.com\n\nSkills\nGo, SQL, Docker",
			"", SourceNotFound, false},
		{"a sentence under the name is no headline", "Jane Roe\nI am an engineer who likes building reliable distributed systems for many users.\n\nSkills\nGo",
			"", SourceNotFound, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := analyze(t, Resume{Text: tt.text})
			if p.Title != tt.want || p.TitleSource != tt.source || slices.Contains(p.Uncertain, FieldTitle) != tt.uncertain {
				t.Errorf("title %q (%s, uncertain %v), want %q (%s, uncertain %v)", p.Title, p.TitleSource, slices.Contains(p.Uncertain, FieldTitle), tt.want, tt.source, tt.uncertain)
			}
		})
	}
}

// TestLocationBesideName: a sidebar printed beside the name (moderncv),
// its country code on the next line.
func TestLocationBesideName(t *testing.T) {
	for _, tt := range []struct{ title, text, want string }{
		{"Jane Roe", "Torino Jane Roe\nIT\nM +39 011 123 4567\nE jane@example.it", "Torino, IT"},
		{"Thomas Müller-Lüdenscheidt", "Berlin Thomas Müller-\nDE\nE thomas@example.de Lüdenscheidt", "Berlin, DE"},
		{"Sarah O'Neill", "Sarah\nO’NEILL Boston, MA\nE sarah@example.com", "Boston, MA"},
	} {
		p := analyze(t, Resume{Text: tt.text, Title: []string{tt.title}})
		if p.Location != tt.want || p.LocationSource != SourceHeader {
			t.Errorf("%q: location %q (%s), want %q from the header", tt.text, p.Location, p.LocationSource, tt.want)
		}
	}
}

func TestLocation(t *testing.T) {
	tests := []struct {
		name, text, want, source string
		uncertain                bool
	}{
		{"city and country on a contact line", "Jane Roe\nBerlin, Germany | jane@example.com | +49 30 1234567",
			"Berlin, Germany", SourceHeader, false},
		{"a country the short list lacked", "Jane Roe\nBackend Engineer\nReykjavík, Iceland\njane@example.is",
			"Reykjavík, Iceland", SourceHeader, false},
		{"a country by its CLDR name", "Jane Roe\n香港, Hong Kong SAR China\njane@example.hk",
			"香港, Hong Kong SAR China", SourceHeader, false},
		{"a town before the phone without a separator", "Chicago, IL US M (312) 555-0110 E jane@example.com\nJane Roe",
			"Chicago, IL", SourceHeader, false},
		{"a town and country code before the phone", "Reykjavík IS M +354 612 3456 E jane@example.is\nJane Roe",
			"Reykjavík, IS", SourceHeader, false},
		{"a labelled phone after the town", "Jane Roe\nAustin, TX Phone: 512-555-0143 jane@example.com",
			"Austin, TX", SourceHeader, false},
		{"words before the phone that are no place", "Jane Roe\nCall me on +1 512 555 0143 or jane@example.com",
			"", SourceNotFound, false},
		{"a known place with a heading word", "Tel Aviv | +972 54 123 4567 | jane@example.co.il\nJane Roe",
			"Tel Aviv", SourceHeader, false},
		{"a known place with a street word", "Jane Roe\nSalt Lake City, UT\njane@example.com",
			"Salt Lake City, UT", SourceHeader, false},
		{"city and state code", "Jane Roe\nBackend Engineer\nAustin, TX\njane@example.com",
			"Austin, TX", SourceHeader, false},
		{"labelled", "Jane Roe\nEmail: jane@example.com\nLocation: Ciudad de México, MX",
			"Ciudad de México, MX", SourceLabel, false},
		{"postcode dropped", "Jane Roe\n10115 Berlin, Germany\njane@example.com",
			"Berlin, Germany", SourceHeader, false},
		{"a known place alone is a guess", "Jane Roe\nLondon\n\nSkills\nGo",
			"London", SourceHeader, true},
		{"a title and employer is no place", "Jane Roe\nSoftware Engineer, Google Inc.\njane@example.com",
			"", SourceNotFound, false},
		{"skills are no place", "Jane Roe\nGo, AWS\njane@example.com",
			"", SourceNotFound, false},
		{"a street address is no place", "Jane Roe\n12 Baker Street, Marylebone\njane@example.com",
			"", SourceNotFound, false},
		{"a place further down is an employer's", "Jane Roe\njane@example.com\n\nExperience\nEngineer, Acme  2019 – 2024\n" +
			"a\nb\nc\nd\ne\nf\ng\nh\ni\nj\nk\nl\nm\nParis, France",
			"", SourceNotFound, false},
		{"city and code after a dash", "Jane Roe\nTorino – IT\njane@example.com",
			"Torino, IT", SourceHeader, false},
		{"a place beside a heading", "Jane Roe\nData Scientist\nTorino Summary\nIT\nE jane@example.it",
			"Torino, IT", SourceHeader, false},
		{"an address in a footer beside the e-mail", "Jane Roe\nData Scientist\nSummary\nData work.\nExperience\nAnalyst, Acme 2019 – 2024\n" +
			"a\nb\nc\nd\ne\nf\ng\nh\ni\nj\nk\nInterests\nPhotography\nSan Francisco, CA – US\nM 415-555-0123 • E jane@example.com",
			"San Francisco, CA", SourceHeader, false},
		{"an unknown town among contacts is a guess", "Jane Roe\nBackend Engineer\nΑθήνα | +30 691 234 5678 | jane@example.gr",
			"Αθήνα", SourceHeader, true},
		{"the name among contacts is no town", "Jane Roe | jane@example.com | +1 415 555 0134",
			"", SourceNotFound, false},
		{"a code in parentheses", "Jane Roe\nMelbourne, (AU)\njane@example.com",
			"Melbourne, AU", SourceHeader, false},
		{"under a sidebar heading", "Jane Roe\nAbout\nMelbourne AU\njane@example.com",
			"Melbourne, AU", SourceHeader, false},
		{"the name before the town", "Giulia Bianchi Torino IT\n+39 333 123 4567 jane@example.it",
			"Torino, IT", SourceHeader, false},
		{"a name in capitals is no place", "TRAN THI THU HA\njane@example.vn",
			"", SourceNotFound, false},
		{"a one-letter label among contacts is no town", "Jane Roe\nM | +1 617 555 0134 | jane@example.com",
			"", SourceNotFound, false},
		{"items behind icons", "Jane Roe\n\ue602 Madrid, ES \ue03f +34 612 345 678 \ue603 jane@example.es",
			"Madrid, ES", SourceHeader, false},
		{"a contact sidebar after the body", "Jane Roe\nQuality Engineer\n\nExperience\nQuality Engineer, Acme  2019 – 2024\n" +
			"a\nb\nc\nd\ne\nf\ng\nh\ni\nj\nk\nl\nCONTACT\nDa Nang VN\n+84 90 876 54 32\njane@example.vn",
			"Da Nang, VN", SourceHeader, false},
		{"a bulleted line with a figure is no contact line", "Jane Roe\njane@example.com\n• 资源占用减少 8%",
			"", SourceNotFound, false},
		{"a contact block inside the first role", "Jane Roe | Engineer\nM +233 24 123 4567\nExperience\nParsec Games\nJunior Developer\nAccra – GH\n• E jane@example.com\nJan 2022 - current",
			"Accra, GH", SourceHeader, false},
		{"an employer's place away from the e-mail", "Jane Roe\njane@example.com\nExperience\nParsec Games\nAccra – GH\nJan 2022 - current",
			"", SourceNotFound, false},
		{"none", "Jane Roe\njane@example.com", "", SourceNotFound, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := analyze(t, Resume{Text: tt.text})
			if p.Location != tt.want || p.LocationSource != tt.source || slices.Contains(p.Uncertain, FieldLocation) != tt.uncertain {
				t.Errorf("location %q (%s, uncertain %v), want %q (%s, uncertain %v)", p.Location, p.LocationSource, slices.Contains(p.Uncertain, FieldLocation), tt.want, tt.source, tt.uncertain)
			}
		})
	}
}

func TestTitleBounds(t *testing.T) {
	tests := []struct{ name, text, want, source string }{
		{"of two open roles, the first in the text", "Jane Roe\n\nExperience\nLead Engineer at Acme  2021 – Present\nStaff Engineer at Orbit  2020 – Present",
			"Lead Engineer", SourceRole},
		{"a role's title within its first four lines only", "Jane Roe\n\nExperience\n2019 – 2024\n• Built services\n• Ran clusters\n• Led a team\nPlatform Engineer",
			"", SourceNotFound},
		{"a headline within the first eight lines only", "Jane Roe" + strings.Repeat("\n", 8) + "Backend Developer\n\nSkills\nGo",
			"", SourceNotFound},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if p := analyze(t, Resume{Text: tt.text}); p.Title != tt.want || p.TitleSource != tt.source {
				t.Errorf("title %q (%s), want %q (%s)", p.Title, p.TitleSource, tt.want, tt.source)
			}
		})
	}
}

func TestTitleIn(t *testing.T) {
	for _, tt := range []struct{ line, want string }{
		{"Data Engineer, " + strings.Repeat("x", 225), "Data Engineer"},
		{"Data Engineer, " + strings.Repeat("x", 226), ""},
		{"Software Engineer (Contract)", "Software Engineer (Contract)"},
		{"developer", "developer"},
		{"Senior Lead Data Platform Cloud Software Test Engineer", "Senior Lead Data Platform Cloud Software Test Engineer"},
		{"Senior Lead Data Platform Cloud Software Test QA Engineer", ""},
		{"Principal Distributed Infrastructures Software Engineer Lead", "Principal Distributed Infrastructures Software Engineer Lead"},
		{"Principal Distributed Infrastructures Software Engineer Leads", ""},
		{"Co-Founder", "Co-Founder"},
		{"Engineer Acme Ltd", ""},
	} {
		if got := titleIn(tt.line); got != tt.want {
			t.Errorf("titleIn(%q) = %q, want %q", tt.line, got, tt.want)
		}
	}
}

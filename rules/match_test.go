package rules

import (
	"slices"
	"strings"
	"testing"
)

// contextSkills are skills whose names are ordinary words, one of each
// kind of flag, for tests of the context rules alone.
var contextSkills = []Skill{
	{Name: "Rust", NeedsContext: true, Word: true},    // a word: its case is evidence
	{Name: "Express", NeedsContext: true, Word: true}, // a word, often part of a name
	{Name: "Oracle", NeedsContext: true},              // needs context, case is no evidence
	{Name: "Ruby", NeedsContext: true},
	{Name: "Platform", NeedsContext: true}, // a name that is also a cue word
	{Name: "Python"},
	{Name: "Kafka"},
	{Name: "Vala", CaseSensitive: true}, // four letters: matched as written
	{Name: "Spark", Not: []string{"spark joy", "a spark"}},
}

// accepted returns each mention the matcher accepts in text, as written,
// with the sections read from text's own headings.
func accepted(m *matcher, text string) []string {
	toks := tokenize(text)
	sections := sectionsOf(strings.Split(text, "\n"))
	var out []string
	for _, h := range m.accept(toks, m.scan(toks), func(l int) Section { return sections[l] }) {
		out = append(out, toks.src[toks.t[h.first].start:toks.t[h.last].end])
	}
	return out
}

func TestContextRules(t *testing.T) {
	m := newMatcher(contextSkills)
	tests := []struct {
		name, text string
		want       []string
	}{
		{"a case-sensitive name of four letters only as written", "vala and Vala", []string{"Vala"}},

		{"a not-phrase at the start of the text", "spark joy every day", nil},
		{"a not-phrase ending the text, the name not its first word", "it was a spark", nil},
		{"a name outside its not-phrases", "Spark, Kafka", []string{"Spark", "Kafka"}},

		{"a label on a line of experience", "Experience\nEnvironment: Oracle", []string{"Oracle"}},
		{"a label word without its colon labels nothing", "The environment was Oracle", nil},
		{"a label after the name labels nothing before it", "Experience\nOracle environment: none", nil},
		{"a label word ending the text", "Oracle\nEnvironment:", nil},
		{"a colon opening the text", ": Oracle", nil},

		{"a capital in mid-sentence is the technology", "Wrote Rust for Acme daily", []string{"Rust"}},
		{"a capital on a title-case line says nothing", "Team Rust, Berlin", nil},
		{"three of four other words capitalised is a title-case line", "Team Rust, Berlin Office hours", nil},
		{"short function words do not count", "Wrote Rust with Acme", nil},

		{"a cue word after the name is no part of a name", "Rust Developer", []string{"Rust"}},
		{"a skill after the name is no part of a name", "Shipped Rust Kafka consumers", []string{"Rust", "Kafka"}},
		{"a skill before the name is no part of a name", "Paired Kafka Rust for speed", []string{"Kafka", "Rust"}},
		{"after at, opening the text", "at Express", nil},
		{"an acronym after the name is no part of a name", "Wrote Rust CLI tools", []string{"Rust"}},
		{"a capital letter after the name is part of a name", "Loved Rust X daily", nil},
		{"a capitalised word before the name in mid-sentence", "paid American Express bills", nil},
		{"a capitalised word starting the line is no part of a name", "Jane Roe\nLearned Express quickly", []string{"Express"}},
		{"a capitalised word after a semicolon is no part of a name", "Moved teams; Learned Express fast", []string{"Express"}},

		{"a lowercase word as the last item of a list", "python, rust", []string{"python", "rust"}},
		{"a lowercase word after a bracket, a comma and and", "(Python), and rust", []string{"Python", "rust"}},

		{"an unambiguous skill before it on the line", "Jane Roe\nI used Python beside Oracle", []string{"Python", "Oracle"}},
		{"an unambiguous skill eight tokens before", "Python one two three four five six seven Oracle", []string{"Python", "Oracle"}},
		{"an unambiguous skill eight tokens after", "Oracle one two three four five six seven Python", []string{"Oracle", "Python"}},
		{"nine tokens away is too far", "Python one two three four five six seven eight Oracle", []string{"Python"}},
		{"two names needing context give none to each other", "Oracle met Ruby today", nil},
		{"a cue word before the name", "experience with Oracle", []string{"Oracle"}},
		{"a name that is a cue word is not its own context", "Our Platform", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := accepted(m, tt.text); !slices.Equal(got, tt.want) {
				t.Errorf("%q: accepted %q, want %q", tt.text, got, tt.want)
			}
		})
	}
}

// TestEmptyNotPhrase: a blank "not" phrase excludes nothing.
func TestEmptyNotPhrase(t *testing.T) {
	m := newMatcher([]Skill{{Name: "Spark", Not: []string{"", " "}}})
	if got := accepted(m, "Spark"); !slices.Equal(got, []string{"Spark"}) {
		t.Errorf("accepted %q, want Spark", got)
	}
}

func TestHeadingOf(t *testing.T) {
	tests := []struct {
		name, line string
		want       Section
		ok         bool
	}{
		{"padded to 48 bytes", strings.Repeat(" ", 41) + "Skills:", SectionSkills, true},
		{"49 bytes", strings.Repeat(" ", 42) + "Skills:", "", false},
		{"letters that grow when lowercased", strings.Repeat("Ⱥ", 17), "", false},
		{"a four-byte letter at the end of the buffer", strings.Repeat("Ⱥ", 15) + "𐐀", "", false},
		{"a stray byte before the heading", "\x80Skills", SectionSkills, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if s, ok := headingOf(tt.line); s != tt.want || ok != tt.ok {
				t.Errorf("headingOf(%q) = %q, %v; want %q, %v", tt.line, s, ok, tt.want, tt.ok)
			}
		})
	}
}

func TestHeadingPrefix(t *testing.T) {
	tests := []struct {
		name, line string
		dated      bool
		want       Section
		ok         bool
	}{
		{"a heading of three words", "EDUCATION AND TRAINING University of Leeds", false, SectionEducation, true},
		{"two spaces inside the heading", "TECHNICAL  SKILLS Go, Rust", false, SectionSkills, true},
		{"a heading of two words", "TECHNICAL SKILLS Go, Rust", false, SectionSkills, true},
		{"four capitals", "WORK Acme Corp", false, SectionExperience, true},
		{"a job title after the heading", "EDUCATION Coordinator, City Schools", false, "", false},
		// A table's cell boundary (a tab) parts the heading from its entry.
		{"a heading in its own cell", "EDUCATION\tUniversity of Washington\tJune 2018", false, SectionEducation, true},
		{"a label after a heading in its own cell", "SKILLS\tFront-End: HTML, CSS", false, SectionSkills, true},
		{"a job title after a heading in its own cell", "EXPERIENCE\tSoftware Engineer\tAugust 2018 - Present", false, SectionExperience, true},
		{"a heading ends at its cell's end", "Senior\tSKILLS Go", false, "", false},
		{"a lowercase cell after the heading", "SKILLS\tgo, rust", false, "", false},
		{"a capitalised heading in its cell, undated", "Languages\tGo\tRust", false, "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if s, ok := headingPrefix(tt.line, tt.dated); s != tt.want || ok != tt.ok {
				t.Errorf("headingPrefix(%q) = %q, %v; want %q, %v", tt.line, s, ok, tt.want, tt.ok)
			}
		})
	}
}

// TestSectionLabels: a label that names the skills section makes its
// line one of skills; a label naming another section changes nothing.
func TestSectionLabels(t *testing.T) {
	got := sectionsOf([]string{"Experience", "Education: BSc Physics", "Technical Skills: Go, Rust", "Engineer at Acme"})
	want := []Section{SectionExperience, SectionExperience, SectionSkills, SectionExperience}
	if !slices.Equal(got, want) {
		t.Errorf("sections %q, want %q", got, want)
	}
}

// TestNameWrappedAtLineEnd: a name a narrow column wrapped at the line's
// end goes on at the start of the next line, once and only to the next.
func TestNameWrappedAtLineEnd(t *testing.T) {
	tax := DefaultTaxonomy()
	for _, tt := range []struct {
		text string
		want []string
	}{
		{"Designed a billing service on Confluence with Power\nBI for storage", []string{"Confluence", "Power BI"}},
		{"Moved nightly reporting from MySQL to Apache\nKafka, halving run time", []string{"MySQL", "Apache Kafka"}},
		{"Built on top of Kubernetes and GitLab\nCI", []string{"Kubernetes", "GitLab CI"}},
		{"Moved nightly reporting to Apache\n\nKafka", []string{"Apache HTTP Server", "Apache Kafka"}}, // a blank line between
		{"Apache HTTP\nServer", []string{"Apache HTTP Server"}},
	} {
		toks := tokenize(tt.text)
		var got []string
		for _, h := range tax.m.scan(toks) {
			got = append(got, tax.skills[h.skill].Name)
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("%q: %q, want %q", tt.text, got, tt.want)
		}
	}
}

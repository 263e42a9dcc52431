package rules

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

func analyze(tb testing.TB, r Resume) *Profile {
	tb.Helper()
	return DefaultTaxonomy().Analyze(r, time.Date(2025, 6, 1, 0, 0, 0, 0, time.UTC))
}

func TestNames(t *testing.T) {
	tests := []struct {
		name      string
		text      string
		title     []string // the parser's largest text
		want      string
		source    string
		uncertain bool
	}{
		{"all capitals in title case", "CHRIS OH\n206.403.7494 | chris.oh@example.com", nil, "Chris Oh", SourceHeader, false},
		{"name then contacts on one line", "CHRIS OH 206.403.7494 5tigerjelly@example.com github.com/x", nil, "Chris Oh", SourceHeader, false},
		{"name then a label on one line", "Sourabh Bajaj Email: sourabh@example.com\nMobile: +1-123-456-7890", nil, "Sourabh Bajaj", SourceHeader, false},
		{"letter-spaced", "J O H N   D O E\njohn@example.com", nil, "John Doe", SourceHeader, false},
		{"letter-spaced heading skipped", "C O N T A C T\nAnna Berg\nanna@example.com", nil, "Anna Berg", SourceHeader, false},
		{"particles", "Ludwig van Beethoven\nludwig@example.com", nil, "Ludwig van Beethoven", SourceHeader, false},
		{"particles de la", "María José de la Cruz\nmj@example.com", nil, "María José de la Cruz", SourceHeader, false},
		{"glued words split", "ArashEslami\nTehran, Iran", nil, "Arash Eslami", SourceHeader, false},
		{"initial glued to a name", "RESUME\nP.Nithya,\nEMAIL ID:nithyapukal@example.com", nil, "P. Nithya", SourceHeader, false},
		{"job title skipped", "Senior Software Engineer\nJane Roe\njane@example.com", nil, "Jane Roe", SourceHeader, false},
		{"place skipped", "Seattle, WA\nJane Roe", nil, "Jane Roe", SourceHeader, false},
		{"tagline is a sentence", "Lebenslauf\nNetzwerksüchtiger Katzenliebhaber.\nNerdig im Bereich Monitoring und Linux.", nil, "", "rejected: sentence", false},
		{"field is not a name", "PROFILE\nComputer Science\nStudent.", nil, "", "rejected: skill", false},
		{"organisation is not a name", "Company Recruitment Team\nGoogle Inc.", nil, "", "rejected: organization", false},
		{"salutation is not a name", "Respected Sir/Madam\nA very good morning, I am writing to you.", nil, "", "rejected: heading", false},
		{"heading only", "Curriculum Vitae\nExperience\nEngineer at Acme", nil, "", "rejected: heading", false},
		{"label in French, given name first", "ETAT CIVIL\nPrénom : Aminata\nNom : DJIGO\nTel : 770359124", nil, "Aminata Djigo", SourceLabel, false},
		{"label in Chinese", "个人简历\n基本资料\n姓名：邓书珊\n电话：15805173350", nil, "邓书珊", SourceLabel, false},
		{"Chinese name", "178-1685-3813 602098611@qq.com\n王辉煌\n求职意向：web 前端工程师", nil, "王辉煌", SourceHeader, false},
		{"Chinese name letter-spaced", "朱 威\n18627012881 | zhuwei@example.com", nil, "朱威", SourceHeader, false},
		{"Chinese heading is not a name", "教育背景\n毕业论文\n专业技能", nil, "", "rejected: heading", false},
		{"Japanese name", "山田 太郎\nyamada@example.jp", nil, "山田 太郎", SourceHeader, false},
		{"Korean name", "김민수\nminsu@example.kr", nil, "김민수", SourceHeader, false},
		{"Arabic name", "محمد أحمد\nmohammed@example.com", nil, "محمد أحمد", SourceHeader, false},
		{"Devanagari name ending in a vowel sign", "अमित शर्मा\namit@example.in", nil, "अमित शर्मा", SourceHeader, false},
		{"Cyrillic name", "Александр Бутылкин\nСтажер, разработчик С++", nil, "Александр Бутылкин", SourceHeader, false},
		{"job title beside the name confirmed by the address", "Alistair M Senior\nalistair.senior@example.edu", nil, "Alistair M Senior", SourceHeader, false},
		{"sidebar first, name matches the address", "PROFILE\nComputer Science\nStudent.\nCONTACT ME\n+7448693853\nadaikkalam1401@example.com\nEducation\nBharathidasan University\nAdaikkalam\nStudent", nil, "Adaikkalam", SourceMatchesEmail, false},
		{"one word is a guess", "ANDERSON\nDevOps Site Reliability Engineer\ninfo@example.com", nil, "Anderson", SourceHeader, true},
		{"largest text wins", "Objective\nTo build things.\n", []string{"Grace Hopper"}, "Grace Hopper", SourceLargestText, false},
		{"largest text that is a title is skipped", "Grace Hopper\n", []string{"Senior Engineer"}, "Grace Hopper", SourceHeader, false},
		{"from the address, as a guess", "Objective\nTo build reliable things for people.\nContact: john.doe@example.com", nil, "John Doe", SourceEmail, true},
		{"name broken after a particle", "Ludwig von\nHohenberg Berlin DE\nM +49 30 12345678", nil, "Ludwig von Hohenberg", SourceHeader, false},
		{"name broken at a hyphen", "Isabella García-\nMárquez | Frontend\nDeveloper", nil, "Isabella García-Márquez", SourceHeader, false},
		{"given and family name on two lines", "Thomas\nMüller-Lüdenscheidt\nEmbedded Software Engineer", nil, "Thomas Müller-Lüdenscheidt", SourceHeader, false},
		{"one word, then a title, not joined", "ANDERSON\nDevOps Engineer\ninfo@example.com", nil, "Anderson", SourceHeader, true},
		{"city and country on the name's line", "KWAME MENSAH Accra GH\nM +233 24 123 4567", nil, "Kwame Mensah", SourceHeader, false},
		{"city, state and country on the name's line", "SARAH O’NEILL Boston, MA US\nM (617) 555-0199", nil, "Sarah O'Neill", SourceHeader, false},
		{"city on a CJK name's line", "김민준 서울 KR\nM +82 10-1234-5678", nil, "김민준", SourceHeader, false},
		{"hyphenated particle", "Yusuf al-Amin\nData Scientist", nil, "Yusuf al-Amin", SourceHeader, false},
		{"particles de los", "Juan Carlos de los Santos\nMobile Developer", nil, "Juan Carlos de los Santos", SourceHeader, false},
		{"first name that is a month's abbreviation", "Jan van der Berg\nCloud Engineer", nil, "Jan van der Berg", SourceHeader, false},
		{"a date is not a name", "Experience\nAug 2025 – Present", nil, "", "rejected: heading", false},
		{"Cyrillic name below a form, matched to a Latin address", "Europass\nCurriculum\nVitae\nPersonal information\nName / Surname\nTelephone\nPage 1 - Curriculum vitæ of\nОльга Смирнова\n\nОльга Смирнова\nКазань, RU\nolga.smirnova@example.ru", nil, "Ольга Смирнова", SourceHeader, false},
		{"Greek name matched to a Latin address", "Personal information\nΓιώργος Παπαδόπουλος\ng.papadopoulos@example.gr", nil, "Γιώργος Παπαδόπουλος", SourceHeader, false},
		{"surname that is also a word", "Ellen Page\nellen@example.com", nil, "Ellen Page", SourceHeader, false},
		{"Vietnamese name with An", "Nguyen Van An\nan.nguyen@example.vn", nil, "Nguyen Van An", SourceHeader, false},
		{"nothing to go on", "", nil, "", SourceNotFound, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := analyze(t, Resume{Text: tt.text, Title: tt.title})
			unc := slices.Contains(p.Uncertain, FieldName)
			if p.Name != tt.want || p.NameSource != tt.source || unc != tt.uncertain {
				t.Errorf("name %q (%s, uncertain %v), want %q (%s, uncertain %v)", p.Name, p.NameSource, unc, tt.want, tt.source, tt.uncertain)
			}
		})
	}
}

// TestNameNotFromFileName guards against a name made of anything but the
// resume: Analyze has no file name to use, and an empty text has no name.
func TestNameNotFromFileName(t *testing.T) {
	p := analyze(t, Resume{Text: "Experience\nEngineer, Acme, 2019 - 2022\n"})
	if p.Name != "" || p.NameSource == "" {
		t.Errorf("name %q (%s), want empty with a reason", p.Name, p.NameSource)
	}
}

func TestPageHeaderName(t *testing.T) {
	p := analyze(t, Resume{Text: "Mickey Mouse\nPage 2 of 3\n\nSolutions Architect\n", PageHeader: "Mickey Mouse\nPage 2 of 3"})
	if p.Name != "Mickey Mouse" || p.NameSource != SourcePageHeader {
		t.Errorf("name %q (%s)", p.Name, p.NameSource)
	}
}

func TestPhones(t *testing.T) {
	tests := []struct {
		name, text, region string
		want               string
		uncertain          bool
	}{
		{"dotted", "Jane Roe\n607.379.5733 | jane@example.com", "", "607.379.5733", false},
		{"dotted, region known", "Jane Roe\n607.379.5733 | jane@example.com", "US", "+1 607-379-5733", false},
		{"digit of the next address not glued on", "CHRIS 206.403.7494 5tigerjelly@example.com", "", "206.403.7494", false},
		{"parenthesised country code", "Omkar Pathak\n(+91) 8087996634 | omkar@example.com", "", "+91 80879 96634", false},
		{"tel: link", "tel:(+82) 10-9030-1843 | mailto:claud@example.com", "", "+82 10-9030-1843", false},
		{"not from an address", "周靖\n邮箱: 610948097@qq.com\n", "", "", false},
		{"not from an address, the phone after it", "周靖\n邮箱: 610948097@qq.com\n电话: 13265752199", "CN", "+86 132 6575 2199", false},
		{"not from a URL", "Jane Roe\nhttps://example.com/u/4155550142\n", "US", "", false},
		{"not from dates", "Jane Roe\nAcme 2019.09-2023.06\nBorn 01.12.2000\n2013 – 2017 School", "", "", false},
		{"not from an ISBN", "Jane Roe\nISBN 978-3-16-148410-0", "", "", false},
		{"extension", "Jane Roe\nPhone: +1 415 555 0142 ext. 12", "", "+1 415-555-0142 ext. 12", false},
		{"national, region GB", "Priya Raman\n020 7946 0018", "GB", "+44 20 7946 0018", false},
		{"trunk zero in parentheses", "Tel: +61 (0) 2862 70703", "", "+61 2 8627 0703", false},
		{"spaced", "Stefan\nTelefon: 0677 6120 1018", "", "0677 6120 1018", false},
		{"two numbers, the first taken", "Mobile number: 8344830568 / 9751726340", "", "8344830568", false},
		{"unknown to the metadata, kept as written", "John Doe\n+1 (234) 567 890 • john@example.org", "", "+1 (234) 567 890", true},
		{"not valid for the region, kept as written", "Jane\n(123) 456-7890", "US", "(123) 456-7890", true},
		{"placeholder digits", "Bin Yuan\nxxx@example.me · (+86) 131-221-87xxx", "", "", false},
		{"short number needs a label", "Room 1234567 on floor 3", "", "", false},
		{"odd hyphens", "Leo Leopard\n(909) 555-\u20105555", "US", "+1 909-555-5555", false},
		{"far down, confirmed by the numbering plan", "Jane\n" + strings.Repeat("Built things.\n", 20) + "+33 6 12 34 56 78", "", "+33 6 12 34 56 78", false},
		{"wrapped in a narrow column", "Santiago Carlos del Río\nCL\nM +56 9 1234 Cloud Infrastructure Engineer\n5678\nE carlos@example.cl", "", "+56 9 1234 5678", true},
		{"wrapped after the area code", "Tel Aviv David Cohen\nM +972 Backend Engineer\n54-123-4567\nE david@example.co.il", "", "+972 54-123-4567", true},
		{"wrapped after a parenthesis", "M +7 (495)\n123-45-67 Backend Engineer", "", "+7 495 123-45-67", false},
		{"wrapped, the start accepted alone as a guess", "M +90 532 123 45 Backend Engineer based in Izmir\n67 and Python.", "", "+90 532 123 45 67", false},
		{"wrapped national number, region known", "Jane\nM 020 7946 Engineer\n0018 Acme", "GB", "+44 20 7946 0018", false},
		{"a whole number not joined with the next line", "Jane\n+1 646 555 0155 Engineer\n2019 Acme", "", "+1 646-555-0155", false},
		{"far down, unconfirmed", "Jane\n" + strings.Repeat("Built things.\n", 20) + "030 1234567", "", "030 1234567", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := analyze(t, Resume{Text: tt.text, Region: tt.region})
			unc := slices.Contains(p.Uncertain, FieldPhone)
			if p.Phone != tt.want || unc != tt.uncertain {
				t.Errorf("phone %q (%s, uncertain %v), want %q (uncertain %v)", p.Phone, p.PhoneSource, unc, tt.want, tt.uncertain)
			}
			if (p.Phone == "") != (p.PhoneSource == SourceNotFound) {
				t.Errorf("phone %q with source %q", p.Phone, p.PhoneSource)
			}
		})
	}
}

func TestEmails(t *testing.T) {
	tests := []struct {
		name, text string
		want       string
		source     string
	}{
		{"plain", "Jane\njane.doe@example.com", "jane.doe@example.com", SourceHeader},
		{"Unicode local part kept whole", "María\nmaría.núñez7@example.com", "maría.núñez7@example.com", SourceHeader},
		{"IDN domain", "José\njosé@bücher.de", "josé@bücher.de", SourceHeader},
		{"mailto", "tel:(+82) 10-9030-1843 |mailto:posquit0.bj@example.com | homepage", "posquit0.bj@example.com", SourceHeader},
		{"obfuscated with brackets", "Jane\njane [at] example [dot] com", "jane@example.com", "obfuscated"},
		{"obfuscated with parentheses", "Jane\njane(at)example(dot)org", "jane@example.org", "obfuscated"},
		{"obfuscated in words", "Jane\nwrite to jane at example dot co dot uk", "jane@example.co.uk", "obfuscated"},
		{"wrapped before the top-level domain", "CONTACT ME\nadaikkalam1401@gmail\n.com\n", "adaikkalam1401@gmail.com", "wrapped"},
		{"wrapped inside the domain", "Jane\njane.doe@exam\nple.com\n", "jane.doe@example.com", "wrapped"},
		{"wrapped after the at sign", "Jane\njane.doe@\nexample.com\n", "jane.doe@example.com", "wrapped"},
		{"wrapped inside the local part", "María\nmaria.nunez\n7@example.com\n", "maria.nunez7@example.com", "wrapped"},
		{"hyphenated by TeX, the rest on the same line: a guess", "Reykjavík IS M +354 612 3456 E ola- fur.g@example.is\nÓlafur Guðmundsson", "olafur.g@example.is", SourceHyphenated},
		{"hyphenated by TeX, the rest on the next line: a guess", "M +33 6 12 34 56 78 Frontend Developer based in Lyon.\nE fran- ReactJS and Vue.js.\ncois.lefevre@example.fr", "francois.lefevre@example.fr", SourceHyphenated},
		{"two hyphenated starts: no reading, no cut address", "E fran- and jean-\ncois@example.fr", "", SourceNotFound},
		{"a hyphen in prose is not a start", "Jane\nself-taught; mail jane@example.com", "jane@example.com", SourceHeader},
		{"a number above is not a local part", "186 1020 2501\naeoluslau@example.com", "aeoluslau@example.com", SourceHeader},
		{"a word below is not a domain", "jane@example.com\nGitHub\n", "jane@example.com", SourceHeader},
		{"a lowercase word below is not a domain", "jane@example.com\ngithub\n", "jane@example.com", SourceHeader},
		{"an unfinished address is not cut", "Jane\njane@example\n", "", SourceNotFound},
		{"an address inside a longer run is not cut", "Jane\nmaría/núñez7@example.com", "", SourceNotFound},
		{"first of several", "Jane\njane@example.com\nReferences\nbob@example.com", "jane@example.com", SourceHeader},
		{"a referee's is a guess", "Jane\nExperience\nAcme\nReferences\nBob Smith, bob@example.com", "bob@example.com", SourceHeader},
		{"a referee's under a heading on the first line is a guess", "References\nBob Smith, bob@example.com", "bob@example.com", SourceHeader},
		{"on the last line of the header zone", "Jane\n" + strings.Repeat("Built things.\n", 13) + "jane@example.com", "jane@example.com", SourceHeader},
		{"wrapped after a whole address", "Jane\njane@example.co\nm\n", "jane@example.com", "wrapped"},
		{"wrapped inside a generic top-level domain", "Jane\njane@example.cl\noud\n", "jane@example.cloud", "wrapped"},
		{"a capital below a whole address is not its rest", "Jane\njane@example.co\nM\n", "jane@example.co", SourceHeader},
		{"a wrap into an unknown top-level domain is not joined", "Jane\njane@exam\nple.comx\n", "", SourceNotFound},
		{"wrapped, the line indented", "Jane\n jane.doe@exam\nple.com", "jane.doe@example.com", "wrapped"},
		{"wrapped after a label", "Jane\nEmail: jane.doe@exam\nple.com", "jane.doe@example.com", "wrapped"},
		{"a digit glued after the address", "Jane\njane@example.com2 x", "", SourceNotFound},
		{"below the header zone", "Jane\n" + strings.Repeat("Built things.\n", 14) + "jane@example.com", "jane@example.com", SourceBody},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := analyze(t, Resume{Text: tt.text})
			if p.Email != tt.want || p.EmailSource != tt.source {
				t.Errorf("email %q (%s), want %q (%s)", p.Email, p.EmailSource, tt.want, tt.source)
			}
			if unc := slices.Contains(p.Uncertain, FieldEmail); unc != strings.Contains(tt.name, "guess") {
				t.Errorf("uncertain %v", unc)
			}
		})
	}
}

func TestNotResume(t *testing.T) {
	tests := []struct {
		file string
		want string // kind, "" for a resume
	}{
		{"testdata/notresume/cover-letter.txt", KindCoverLetter},
		{"testdata/notresume/reference-letter.txt", KindReferenceLetter},
		{"testdata/notresume/resume-with-letter.txt", ""},
		{"testdata/notresume/posting-addressed.txt", KindJobPosting},
		{"testdata/data-engineer.posting.txt", KindJobPosting},
		{"testdata/frontend.posting.txt", KindJobPosting},
		{"../testdata/example/backend-posting.txt", KindJobPosting},
	}
	resumes, err := filepath.Glob("../testdata/example/resumes/*.[mt][dx]*")
	if err != nil || len(resumes) == 0 {
		t.Fatalf("example resumes: %v", err)
	}
	for _, r := range resumes {
		tests = append(tests, struct{ file, want string }{r, ""})
	}
	for _, tt := range tests {
		t.Run(filepath.Base(tt.file), func(t *testing.T) {
			b, err := os.ReadFile(tt.file)
			if err != nil {
				t.Fatal(err)
			}
			p := analyze(t, Resume{Text: string(b)})
			got := ""
			if p.NotResume != nil {
				got = p.NotResume.Kind
				if p.NotResume.Evidence == "" {
					t.Error("no evidence")
				}
			}
			if got != tt.want {
				t.Errorf("kind %q (%+v), want %q", got, p.NotResume, tt.want)
			}
		})
	}
}

func TestNameWords(t *testing.T) {
	seen := map[string]map[string]bool{}
	kind := ""
	for i, l := range strings.Split(nameWordsData, "\n") {
		l = strings.TrimSpace(l)
		switch {
		case l == "" || strings.HasPrefix(l, "#"):
		case strings.HasPrefix(l, "["):
			kind = strings.Trim(l, "[]")
			if seen[kind] != nil {
				t.Errorf("line %d: kind %q twice", i+1, kind)
			}
			seen[kind] = map[string]bool{}
		default:
			for _, w := range strings.Split(l, ",") {
				w = strings.TrimSpace(w)
				if w == "" || strings.ToLower(w) != w {
					t.Errorf("line %d: entry %q empty or not lowercase", i+1, w)
				}
				if seen[kind][w] {
					t.Errorf("line %d: %q twice in [%s]", i+1, w, kind)
				}
				seen[kind][w] = true
			}
		}
	}
	for _, k := range []string{"heading", "heading word", "job title", "field", "organization", "street word", "place", "function word", "particle", "cjk surname", "caseless heading"} {
		if len(seen[k]) == 0 {
			t.Errorf("kind [%s] missing or empty", k)
		}
	}
}

// TestContactsOnLongLines: contact details at the start of a very long
// line (a hostile file's, or a paragraph without breaks) are still read.
func TestContactsOnLongLines(t *testing.T) {
	long := "Jane Roe | jane.roe@example.com | +44 20 7946 0018 | " + strings.Repeat("Go and Rust and more. ", 50000)
	p := analyze(t, Resume{Text: long, Region: "GB"})
	if p.Name != "Jane Roe" || p.Email != "jane.roe@example.com" || p.Phone != "+44 20 7946 0018" {
		t.Errorf("got %q %q %q", p.Name, p.Email, p.Phone)
	}
}

// TestValidEmail: the limits of RFC 5321 on the local part (64 bytes) and
// the whole address (254).
func TestValidEmail(t *testing.T) {
	domain := "@" + strings.Repeat(strings.Repeat("d", 50)+".", 4) + "com"
	tests := []struct {
		addr string
		want bool
	}{
		{strings.Repeat("a", 64) + "@example.com", true},
		{strings.Repeat("a", 65) + "@example.com", false},
		{strings.Repeat("a", 254-len(domain)) + domain, true},
		{strings.Repeat("a", 255-len(domain)) + domain, false},
		{"jane@example", false},
		{".jane@example.com", false},
		{"+@example.com", false},
	}
	for _, tt := range tests {
		if got := validEmail(tt.addr); got != tt.want {
			t.Errorf("validEmail(%d bytes, local part %d) = %v", len(tt.addr), strings.IndexByte(tt.addr, '@'), got)
		}
	}
}

// TestObfuscatedOnlyNearTheTop: spelled-out addresses are read on the
// first maxObfuscatedLines lines only; a plain one anywhere.
func TestObfuscatedOnlyNearTheTop(t *testing.T) {
	for _, tt := range []struct {
		above int
		want  int
	}{{maxObfuscatedLines - 1, 1}, {maxObfuscatedLines, 0}} {
		lines := append(make([]string, tt.above), "jane [at] example [dot] com")
		if got := findEmails(lines); len(got) != tt.want {
			t.Errorf("on line %d: %v, want %d", tt.above, got, tt.want)
		}
	}
	lines := append(make([]string, maxObfuscatedLines), "jane@example.com")
	if got := findEmails(lines); len(got) != 1 {
		t.Errorf("plain address on line %d: %v", maxObfuscatedLines, got)
	}
}

// TestClip: lines longer than maxContactLine are cut at a character
// boundary at or before it, shorter ones are kept whole, and the caller's
// slice is left as it was.
func TestClip(t *testing.T) {
	a := func(n int) string { return strings.Repeat("a", n) }
	tests := []struct {
		name, line, want string
	}{
		{"short", "Jane Roe", "Jane Roe"},
		{"exactly the limit", a(maxContactLine), a(maxContactLine)},
		{"one byte over", a(maxContactLine + 1), a(maxContactLine)},
		{"a character across the limit is left out whole", a(maxContactLine-1) + "é" + a(5), a(maxContactLine - 1)},
		{"a character ending at the limit is kept", a(maxContactLine-2) + "é" + a(5), a(maxContactLine-2) + "é"},
		{"no character boundary at all", strings.Repeat("\x80", maxContactLine+5), ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := []string{"first", tt.line}
			got := clip(in)
			if got[0] != "first" || got[1] != tt.want {
				t.Errorf("clip gave %d bytes %q…, want %d bytes", len(got[1]), got[1][:min(len(got[1]), 8)], len(tt.want))
			}
			if in[1] != tt.line {
				t.Error("the caller's lines were modified")
			}
		})
	}
}

// FuzzContacts checks the contact finders on any text and title: every
// value comes with a source, an empty value with a reason, an address is
// valid and taken from the text (on one line or wrapped over two), a phone
// number has the digits of one.
func FuzzContacts(f *testing.F) {
	for _, s := range []string{"CHRIS OH 206.403.7494 5tigerjelly@example.com", "maria.nunez\n7@example.com",
		"Prénom : Aminata\nNom : DJIGO", "朱 威\n18627012881", "jane [at] example [dot] com", "Ludwig von\nHohenberg Berlin DE",
		"SARAH O’NEILL Boston, MA US\nM (617) 555-0199", "(+91) 8087996634 ext. 12"} {
		f.Add(s, "")
	}
	f.Add("Objective\nTo build.", "CHRIS\nOH")
	files, _ := filepath.Glob("testdata/notresume/*.txt")
	for _, file := range files {
		b, _ := os.ReadFile(file)
		f.Add(string(b), "")
	}
	tax := DefaultTaxonomy()
	f.Fuzz(func(t *testing.T, text, title string) {
		var lines []string
		if title != "" {
			lines = strings.Split(title, "\n")
		}
		p := tax.Analyze(Resume{Text: text, Title: lines, Region: "GB"}, time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC))
		if p.NameSource == "" || p.EmailSource == "" || p.PhoneSource == "" {
			t.Fatalf("a source is missing: %q %q %q", p.NameSource, p.EmailSource, p.PhoneSource)
		}
		if noName := p.NameSource == SourceNotFound || strings.HasPrefix(p.NameSource, "rejected: "); (p.Name == "") != noName {
			t.Errorf("name %q with source %q", p.Name, p.NameSource)
		}
		if p.Email != "" {
			if !validEmail(p.Email) {
				t.Errorf("invalid address %q", p.Email)
			}
			if p.EmailSource != SourceObfuscated && !strings.Contains(strings.ReplaceAll(text, "\n", ""), p.Email) {
				t.Errorf("address %q (%s) is not from the text", p.Email, p.EmailSource)
			}
		}
		if p.Phone != "" {
			if n := digits(p.Phone); n < 7 || n > 21 {
				t.Errorf("phone %q has %d digits", p.Phone, n)
			}
		}
		for _, u := range p.Uncertain {
			if u != FieldName && u != FieldEmail && u != FieldPhone && u != FieldTitle && u != FieldLocation {
				t.Errorf("uncertain %q", u)
			}
		}
		for _, v := range []struct{ value, source string }{{p.Title, p.TitleSource}, {p.Location, p.LocationSource}} {
			if v.source == "" || (v.value == "") != (v.source == SourceNotFound) {
				t.Errorf("value %q with source %q", v.value, v.source)
			}
			if v.value != "" && !strings.Contains(text, strings.Trim(strings.Fields(v.value)[0], ",")) {
				t.Errorf("value %q is not from the text", v.value)
			}
		}
	})
}

// TestNameWordShapes: the shapes of words the name finder tells apart.
func TestNameWordShapes(t *testing.T) {
	for _, tt := range []struct {
		w    string
		want bool
	}{{"AB", true}, {"ZA", true}, {"BA", true}, {"BZ", true}, {"Ab", false}, {"ABC", false}, {"@Z", false}, {"Z[", false}} {
		if got := isCode(tt.w); got != tt.want {
			t.Errorf("isCode(%q) = %v", tt.w, got)
		}
	}
	for _, tt := range []struct {
		w    string
		want bool
	}{{"D.", true}, {"J.R.", true}, {"J.R.R.", false}, {"Dr", false}} {
		if got := isInitials(tt.w); got != tt.want {
			t.Errorf("isInitials(%q) = %v", tt.w, got)
		}
	}
	for _, tt := range []struct{ w, want string }{
		{"ArashEslami", "Arash Eslami"},
		{"AnnaBel", "Anna Bel"},
		{"AnnaBe", "AnnaBe"}, // two letters after the change: no split
		{"JohnDOE", "JohnDOE"},
		{"McNair", "McNair"},
		{"MacDonald", "MacDonald"},
	} {
		if got := strings.Join(splitCamel(tt.w), " "); got != tt.want {
			t.Errorf("splitCamel(%q) = %q, want %q", tt.w, got, tt.want)
		}
	}
	for _, tt := range []struct{ s, want string }{
		{"  Contact me", "contact me"},
		{"(Kontakt)", "kontakt"},
		{"E-Mail / Phone:", "e-mail phone"},
	} {
		if got := simpleKey(tt.s); got != tt.want {
			t.Errorf("simpleKey(%q) = %q, want %q", tt.s, got, tt.want)
		}
	}
	for _, tt := range []struct {
		s    string
		want bool
	}{{"王辉煌", true}, {"12 34", false}, {"", false}, {"Wang", false}} {
		if got := caseless(tt.s); got != tt.want {
			t.Errorf("caseless(%q) = %v", tt.s, got)
		}
	}
	if got := strings.Join(nameParts("J. R. Doe-Smith"), " "); got != "doe smith" {
		t.Errorf("nameParts = %q, want the parts of two letters or more", got)
	}
}

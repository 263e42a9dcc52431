package rules

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/nyaruka/phonenumbers"
)

// Phone numbers are found in two steps: a loose expression finds runs of
// digits and the punctuation numbers are written with, in a copy of the
// line where addresses, URLs and dates are blanked (so no number comes from
// "610948097@qq.com" or "2019.09-2023.06"); then libphonenumber's metadata
// (through github.com/nyaruka/phonenumbers) decides whether the run is a
// number of the given region, or of the country its "+" code names, and
// formats it.
var (
	phoneRun = regexp.MustCompile(`(?:\(\s*\+\s*|\+\s*)?\(?\d[\d ().\-\x{2010}-\x{2015}\x{2212}/\x{a0}]{5,26}\d`)
	phoneExt = regexp.MustCompile(`(?i)^\s*(?:ext\.?|extn\.?|extension|x|#)\s*(\d{1,6})\b`)
	// Splits a run holding two numbers: "8344830568 / 9751726340",
	// "+1 415 555 0142  +1 415 555 0199".
	phoneSplit = regexp.MustCompile(`\s+/\s+|\s{2,}|\s(?:\+)`)

	dateMasks = []*regexp.Regexp{
		regexp.MustCompile(`\b(?:19|20)\d\d\s*(?:[-–—/.]|to)\s*(?:(?:19|20)\d\d|\d\d)\b`),                // 2013 – 2017, 2019-20
		regexp.MustCompile(`\b(?:19|20)\d\d[-/.](?:0?[1-9]|1[0-2])(?:[-/.](?:0?[1-9]|[12]\d|3[01]))?\b`), // 2020-07-01, 2022/10, 2019.09
		regexp.MustCompile(`\b(?:[0-3]?\d)[./-](?:[0-3]?\d)[./-](?:19|20)\d\d\b`),                        // 01.12.2000, 12/31/2019
		regexp.MustCompile(`\b(?:[0-3]?\d)/(?:[0-3]?\d)/\d\d\b`),                                         // 12/31/19
		regexp.MustCompile(`\b(?:0?[1-9]|1[0-2])\s?[./]\s?(?:19|20)\d\d\b`),                              // 05/2019
		regexp.MustCompile(`(?i)\b(?:isbn|issn|doi|orcid|arxiv|ssn)\s*:?\s*[\dX][\dX\-./ ]{4,}[\dX]\b`),  // identifiers
		regexp.MustCompile(`\b\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}\b`),                                     // IPv4 addresses
	}

	phoneLabels = []string{"phone", "mobile", "tel", "cell", "ph.", "ph:", "mob", "contact no", "telefon", "téléphone", "tél",
		"handy", "móvil", "movil", "celular", "teléfono", "telefone", "telefono", "cellulare", "телефон", "тел", "моб",
		"电话", "手机", "電話", "携帯", "전화", "휴대폰", "هاتف", "جوال", "whatsapp"}
)

// maxPhoneLines is how far down a text phone numbers are looked for: a
// resume gives its number at the top, or in a sidebar that a layout puts
// after the first page's main column, well within this many lines.
const maxPhoneLines = 400

// phoneHit is a phone number found in a text.
type phoneHit struct {
	number    string // international format when the region is known, else as written
	line      int
	labelled  bool // on a line that says "Phone", "Tel", "Mobile"…
	uncertain bool // not a valid number for its region, kept as written
	valid     bool // checked against the numbering plan of its country
}

// findPhones returns the phone numbers of the text in reading order, up
// to the last one pickPhone could choose.
// region is the ISO 3166 code for numbers written without a country code;
// empty means unknown: such numbers are kept as written.
func findPhones(lines []string, region string) []phoneHit {
	var hits []phoneHit
	labelled := false
	consumed := 0 // bytes at the start of this line that ended the last line's number
	for i, l := range lines[:min(len(lines), maxPhoneLines)] {
		if len(hits) > 0 && (i >= headerLines && hits[0].line < headerLines || labelled) {
			break // pickPhone takes nothing found after these
		}
		skip := consumed
		consumed = 0
		var rest string
		if i+1 < len(lines) {
			rest = phoneRest.FindString(lines[i+1])
		}
		if digits(l)-digits(l[:skip]) < 7 && (rest == "" || !strings.ContainsAny(l, "0123456789")) {
			continue // cheap filter: a phone number has at least seven digits
		}
		masked := strings.Repeat(" ", skip) + maskNonPhones(l[skip:])
		onLabel := hasPhoneLabel(l)
		if rest != "" {
			if p, from, to, ok := wrappedPhone(masked, maskNonPhones(rest), region); ok {
				hits = append(hits, phoneHit{number: p.number, line: i, labelled: onLabel, uncertain: p.uncertain, valid: p.valid})
				labelled = labelled || onLabel
				masked = masked[:from] + strings.Repeat(" ", to-from) + masked[to:]
				consumed = len(rest)
			}
		}
		for _, loc := range phoneRun.FindAllStringIndex(masked, 10) {
			from, to := loc[0], loc[1]
			if from > 0 {
				if r, _ := utf8.DecodeLastRuneInString(masked[:from]); unicode.IsLetter(r) || unicode.IsDigit(r) || r == '.' || r == '-' {
					continue // part of a word, a code or a decimal
				}
			}
			ext := ""
			if m := phoneExt.FindStringSubmatchIndex(masked[to:]); m != nil {
				ext = masked[to+m[2] : to+m[3]]
				to += m[1]
			} else if to < len(masked) {
				if r, _ := utf8.DecodeRuneInString(masked[to:]); unicode.IsLetter(r) || r == '%' || r == '+' {
					continue // "87xxx", "120k", "30%": not a number to call
				}
			}
			run := masked[loc[0]:loc[1]]
			for _, part := range splitRun(run) {
				if p, ok := phoneOf(part, ext, region, onLabel); ok {
					hits = append(hits, phoneHit{number: p.number, line: i, labelled: onLabel, uncertain: p.uncertain, valid: p.valid})
					labelled = labelled || onLabel
				}
			}
		}
	}
	return hits
}

// phoneRest is the start of a line that may end the previous line's
// number: digits and the punctuation numbers are written with ("5678",
// "123-45-67", "43 21").
var phoneRest = regexp.MustCompile(`^\s*\d[\d ().\-\x{2010}-\x{2015}\x{2212}\x{a0}]*\d|^\s*\d`)

// phoneHead is the start of a number a narrow column wrapped: a country
// code, or digits and the punctuation numbers are written with.
var phoneHead = regexp.MustCompile(`(?:\(\s*\+\s*|\+\s*)?\(?\d[\d ().\-\x{2010}-\x{2015}\x{2212}/\x{a0}]*[\d)]`)

// wrappedPhone finds in masked, a line with what no number comes from
// blanked, the start of a number whose rest, the digits starting the next
// line, a narrow column wrapped ("M +56 9 1234" then "5678"). The two are
// joined only when the numbering plan accepts the join further than the
// start alone (see acceptance), so it can be checked only for a number with its country code or
// when the region is known. It returns the joined number and where its
// start is in masked.
func wrappedPhone(masked, rest, region string) (phoneHit, int, int, bool) {
	rest = strings.TrimSpace(rest)
	if rest == "" {
		return phoneHit{}, 0, 0, false
	}
	for _, loc := range phoneHead.FindAllStringIndex(masked, 10) {
		from, to := loc[0], loc[1]
		if from > 0 {
			if r, _ := utf8.DecodeLastRuneInString(masked[:from]); unicode.IsLetter(r) || unicode.IsDigit(r) || r == '.' || r == '-' {
				continue // part of a word, a code or a decimal
			}
		}
		if to < len(masked) {
			if r, _ := utf8.DecodeRuneInString(masked[to:]); r != ' ' && r != '\t' {
				continue // "120k", "30%": a number's end, not a wrapped one
			}
		}
		head := tidyPhone(masked[from:to])
		if !strings.HasPrefix(head, "+") && !strings.HasPrefix(head, "(+") && region == "" {
			continue // nothing to check the join against
		}
		if acceptance(head+" "+rest, region) > acceptance(head, region) {
			if joined, ok := phoneOf(head+" "+rest, "", region, true); ok {
				return joined, from, to, true
			}
		}
	}
	return phoneHit{}, 0, 0, false
}

// acceptance is how far the numbering plan accepts s as a number: 2 for a
// valid number, 1 for one of a possible length, 0 otherwise.
func acceptance(s, region string) int {
	r := region
	if strings.HasPrefix(s, "+") || strings.HasPrefix(s, "(+") || r == "" {
		r = "ZZ"
	}
	num, err := phonenumbers.Parse(s, r)
	switch {
	case err != nil:
		return 0
	case phonenumbers.IsValidNumber(num):
		return 2
	case phonenumbers.IsPossibleNumber(num):
		return 1
	}
	return 0
}

// splitRun splits a run of digits and punctuation that holds more than one
// number at the separators between numbers.
func splitRun(run string) []string {
	if digits(run) <= 15 {
		return []string{run}
	}
	var parts []string
	last := 0
	for _, m := range phoneSplit.FindAllStringIndex(run, -1) {
		parts = append(parts, run[last:m[0]])
		last = m[1]
		if strings.HasSuffix(run[m[0]:m[1]], "+") {
			last--
		}
	}
	return append(parts, run[last:])
}

// phoneOf decides whether part, a run of digits and punctuation, is a phone
// number, and returns it formatted.
func phoneOf(part, ext, region string, labelled bool) (phoneHit, bool) {
	part = tidyPhone(part)
	n := digits(part)
	if n < 7 || n > 15 || n < 9 && !labelled {
		return phoneHit{}, false
	}
	if strings.Count(part, ".") == 1 {
		return phoneHit{}, false // a decimal ("1234.5678"), not "607.379.5733"
	}
	written := part
	if ext != "" {
		written += " ext. " + ext
	}
	international := strings.HasPrefix(part, "+") || strings.HasPrefix(part, "(+")
	if !international && region == "" {
		return phoneHit{number: written}, true
	}
	r := region
	if international || r == "" {
		r = "ZZ"
	}
	num, err := phonenumbers.Parse(written, r)
	if err != nil {
		return phoneHit{}, false
	}
	if phonenumbers.IsValidNumber(num) {
		return phoneHit{number: phonenumbers.Format(num, phonenumbers.INTERNATIONAL), valid: true}, true
	}
	// A number the metadata does not know (a made-up sample, a new range,
	// a region given wrongly) is still the candidate's: kept as written,
	// and marked as a guess.
	return phoneHit{number: written, uncertain: true}, true
}

// tidyPhone trims a run to the number: balanced parentheses, plain
// hyphens, single spaces.
func tidyPhone(s string) string {
	s = strings.Map(func(r rune) rune {
		switch {
		case r >= 0x2010 && r <= 0x2015 || r == 0x2212:
			return '-'
		case r == 0xa0:
			return ' '
		}
		return r
	}, s)
	s = strings.Join(strings.Fields(s), " ")
	s = strings.TrimRight(s, " -./(")
	for strings.Contains(s, "--") {
		s = strings.ReplaceAll(s, "--", "-")
	}
	if strings.Count(s, "(") > strings.Count(s, ")") {
		s = strings.Replace(s, "(", "", 1)
	}
	if strings.Count(s, ")") > strings.Count(s, "(") {
		s = strings.TrimSpace(strings.Replace(s, ")", "", 1))
	}
	return strings.TrimSpace(s)
}

// maskNonPhones blanks the parts of a line no phone number can come from:
// e-mail addresses, URLs and dates.
func maskNonPhones(l string) string {
	blank := func(s string) string { return strings.Repeat(" ", len(s)) }
	if strings.Contains(l, "@") {
		l = emailLike.ReplaceAllStringFunc(l, blank)
	}
	if strings.Contains(l, "/") || strings.Contains(l, "www") {
		l = urlRe.ReplaceAllStringFunc(l, blank)
	}
	for _, re := range dateMasks {
		l = re.ReplaceAllStringFunc(l, blank)
	}
	return l
}

// emailLike is anything around an "@": wider than emailRe, so that a run of
// digits before a broken address is blanked too.
var emailLike = regexp.MustCompile(`\S*@\S*`)

func hasPhoneLabel(l string) bool {
	low := strings.ToLower(l)
	for _, w := range phoneLabels {
		i := strings.Index(low, w)
		if i < 0 || i > 0 && isWordBefore(low, i) {
			continue
		}
		if end := i + len(w); end < len(low) && w[len(w)-1] < utf8.RuneSelf && isLetterAt(low, end) {
			continue // "telecom", "mobility"
		}
		return true
	}
	return false
}

func digits(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		if isDigit(s[i]) {
			n++
		}
	}
	return n
}

// KnownRegion reports whether code (case ignored) is a country or region
// whose phone numbering the metadata knows, such as "GB" or "US".
func KnownRegion(code string) bool {
	return phonenumbers.GetCountryCodeForRegion(strings.ToUpper(code)) != 0
}

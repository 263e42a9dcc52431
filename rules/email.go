package rules

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/idna"
)

// An e-mail address as resumes write it (RFC 5322's dot-atom form, with
// RFC 6531's Unicode letters in the local part and the domain). The local
// part is narrower than RFC 5322's atext: "|", "/", "=" and the like are
// legal there but in resumes they are separators ("tel: … |mailto:…"), so
// a match next to one of them is refused by emailAt rather than cut.
var emailRe = regexp.MustCompile(`[\p{L}\p{M}\p{N}._%+'-]+@(?:[\p{L}\p{M}\p{N}](?:[\p{L}\p{M}\p{N}-]*[\p{L}\p{M}\p{N}])?\.)+[\p{L}\p{M}]{2,63}`)

// obfuscatedAt and obfuscatedDot are the spelled-out "@" and "." of
// addresses written against harvesters: "jane [at] example [dot] com",
// "jane(at)example(dot)com", "jane {at} example {dot} com". The bare forms
// ("jane at example dot com") are read only when both words appear, by
// bareObfuscated.
var (
	obfuscatedAt   = regexp.MustCompile(`(?i)\s*[\[({<]\s*(?:at|@)\s*[\])}>]\s*`)
	obfuscatedDot  = regexp.MustCompile(`(?i)\s*[\[({<]\s*(?:dot|\.)\s*[\])}>]\s*`)
	bareObfuscated = regexp.MustCompile(`(?i)\b([\p{L}\p{N}._%+-]+)\s+at\s+([\p{L}\p{N}-]+(?:\s+dot\s+[\p{L}\p{N}-]+)+)\b`)
	bareDot        = regexp.MustCompile(`(?i)\s+dot\s+`)
)

// maxObfuscatedLines is how far down a text spelled-out addresses are
// looked for ("jane [at] example [dot] com" is a header's, not a footer's).
const maxObfuscatedLines = 400

// emailHit is an address found in a text: its line, and how it was read
// when not plainly (SourceWrapped, SourceObfuscated).
type emailHit struct {
	addr   string
	line   int
	source string
}

// findEmails returns the addresses of the text in reading order, each once.
// An address wrapped over two lines of a narrow column is joined when the
// join is the only reading (see wrappedAfter and wrappedBefore); otherwise
// a part that is not a whole address is left out rather than reported as a
// different address.
func findEmails(lines []string) []emailHit {
	var hits []emailHit
	seen := map[string]bool{}
	add := func(addr string, line int, source string) {
		if key := strings.ToLower(addr); !seen[key] {
			seen[key] = true
			hits = append(hits, emailHit{addr, line, source})
		}
	}
	for i, l := range lines {
		if !strings.Contains(l, "@") && !mayBeObfuscated(l) {
			continue // cheap filter: neither an address nor an obfuscated one
		}
		var next, prev string
		if i+1 < len(lines) {
			next = lines[i+1]
		}
		if i > 0 {
			prev = lines[i-1]
		}
		if strings.Contains(l, "@") {
			for _, m := range emailRe.FindAllStringIndex(l, 20) {
				if m[0] == len(l)-len(strings.TrimLeft(l, " \t")) {
					if addr, ok := wrappedBefore(prev, l[m[0]:m[1]]); ok {
						add(addr, i-1, SourceWrapped)
						continue
					}
				}
				if frags := hyphenated(l[:m[0]], prev, m[0] == len(l)-len(strings.TrimLeft(l, " \t"))); len(frags) > 0 {
					// A start TeX hyphenated: joined when it is the
					// only one; the cut rest alone is never reported.
					if len(frags) == 1 && validEmail(frags[0]+l[m[0]:m[1]]) && startsWithLetter(l[m[0]:]) {
						line := i
						if !strings.HasSuffix(strings.TrimRight(l[:m[0]], " \t"), "-") {
							line = i - 1
						}
						add(frags[0]+l[m[0]:m[1]], line, SourceHyphenated)
					}
					continue
				}
				addr, ok := emailAt(l, m[0], m[1])
				if !ok {
					continue
				}
				if m[1] == len(strings.TrimRight(l, " \t")) {
					if joined, ok := wrappedAfter(addr, next); ok {
						add(joined, i, SourceWrapped)
						continue
					}
				}
				add(addr, i, "")
			}
			if head := lastField(strings.TrimRight(l, " \t")); isEmailHead(head) {
				if joined, ok := wrappedAfter(head, next); ok {
					add(joined, i, SourceWrapped)
				}
			}
		}
		if i >= maxObfuscatedLines || !mayBeObfuscated(l) {
			continue
		}
		if d := deobfuscate(l); d != l {
			for _, m := range emailRe.FindAllStringIndex(d, 20) {
				if addr, ok := emailAt(d, m[0], m[1]); ok && !strings.Contains(l, addr) {
					add(addr, i, SourceObfuscated)
				}
			}
		}
	}
	return hits
}

// emailAt checks the match text[from:to] of emailRe: it must not be part of
// a longer run of address characters (which would make it a cut address,
// "ez7@example.com" out of "maría.núñez7@…" for a reader that knew fewer
// letters), and it must be a valid address.
func emailAt(text string, from, to int) (string, bool) {
	if from > 0 {
		r, _ := utf8.DecodeLastRuneInString(text[:from])
		if isAddressRune(r) || strings.ContainsRune("!#$&*/=?^`{}~", r) {
			return "", false
		}
	}
	if to < len(text) {
		r, _ := utf8.DecodeRuneInString(text[to:])
		if unicode.IsLetter(r) || unicode.IsDigit(r) || r == '@' || r == '-' {
			return "", false // e.g. "a@b.co2" or "a@b.c@d": not one address
		}
	}
	addr := text[from:to]
	return addr, validEmail(addr)
}

func isAddressRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.M, r) || strings.ContainsRune("._%+'-", r)
}

// validEmail checks the limits of RFC 5321 and the domain's IDNA form: a
// local part of at most 64 bytes without empty dot-separated atoms, and a
// domain that converts to ASCII.
func validEmail(addr string) bool {
	local, domain, ok := strings.Cut(addr, "@")
	if !ok || local == "" || len(local) > 64 || len(addr) > 254 {
		return false
	}
	if strings.HasPrefix(local, ".") || strings.HasSuffix(local, ".") || strings.Contains(local, "..") {
		return false
	}
	if !strings.ContainsFunc(local, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) {
		return false
	}
	ascii, err := idna.Lookup.ToASCII(domain)
	return err == nil && strings.Contains(ascii, ".")
}

// wrappedAfter joins head, an address or the start of one at the end of a
// line, with the first word of the next line, when that is the only
// reading: the next word continues it (".com", "ple.com", "m") and the
// join ends in a known top-level domain, while head alone does not, or the
// next word is a bare lowercase fragment that means nothing alone.
func wrappedAfter(head, next string) (string, bool) {
	rest, _, _ := strings.Cut(strings.TrimSpace(next), " ")
	rest = strings.TrimRight(rest, ",;|")
	if rest == "" || strings.Contains(rest, "@") {
		return "", false
	}
	joined := head + rest
	loc := emailRe.FindStringIndex(joined)
	if loc == nil || loc[0] != 0 || loc[1] != len(joined) {
		return "", false // the next word is not wholly the address's rest
	}
	if addr, ok := emailAt(joined, 0, loc[1]); !ok || !knownTLD(addr) {
		return "", false
	}
	if completeEmail(head) && knownTLD(head) {
		// "jane@example.co" + "m": only a lone lowercase fragment is taken
		// as the rest; a word ("github") makes no known domain anyway.
		if len(rest) > 3 || strings.ToLower(rest) != rest || strings.ContainsAny(rest, ".-") {
			return "", false
		}
	}
	return joined, true
}

// wrappedBefore joins an address at the start of a line with the previous
// line when that line is one word that is unmistakably an unfinished local
// part: it ends in ".", "_", "-" or "+", or the line starts with one, or
// it is a lowercase run of letters with a digit, a dot or an underscore
// ("maria.nunez"), not a word, a label ("Email:", "Contact") or a number.
func wrappedBefore(prev, addr string) (string, bool) {
	tail := strings.TrimSpace(prev)
	if tail == "" || strings.ContainsAny(tail, " \t") || !strings.ContainsFunc(tail, unicode.IsLetter) {
		return "", false // a wrapped address's start fills its line alone
	}
	for _, r := range tail {
		if !isAddressRune(r) {
			return "", false
		}
	}
	unfinished := strings.ContainsAny(tail[len(tail)-1:], "._-+") || strings.ContainsAny(addr[:1], "._-+@")
	if !unfinished {
		if strings.ToLower(tail) != tail || !strings.ContainsAny(tail, "._0123456789") {
			return "", false
		}
	}
	joined := tail + addr
	if !validEmail(joined) {
		return "", false
	}
	return joined, true
}

// hyphenFragment is a word TeX broke at a line end: lowercase address
// characters ending in a letter and the hyphen it added ("fran-").
var (
	hyphenFragment = regexp.MustCompile(`(?:^|\s)([\p{Ll}\p{N}._%+']*\p{Ll}-)(?:\s|$)`)
	hyphenBefore   = regexp.MustCompile(`(?:^|\s)([\p{Ll}\p{N}._%+']*\p{Ll}-) $`)
)

// hyphenated returns the starts, without their hyphen, of an address whose
// rest begins after before (the text before it on its line): a fragment
// ending in "-" right before it ("E ola- fur.g@…", the two columns of a
// narrow line joined by the extractor), or, when the rest opens its line,
// the fragments of the previous line ("E fran- ReactJS…" then
// "cois.lefevre@…"). More than one means more than one reading.
func hyphenated(before, prev string, opensLine bool) []string {
	if f := hyphenBefore.FindStringSubmatch(before); f != nil {
		return []string{strings.TrimSuffix(f[1], "-")}
	}
	if !opensLine {
		return nil
	}
	var frags []string
	for _, f := range hyphenFragment.FindAllStringSubmatch(prev, -1) {
		frags = append(frags, strings.TrimSuffix(f[1], "-"))
	}
	return frags
}

func startsWithLetter(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLetter(r)
}

// completeEmail reports whether addr is a whole address: valid, with a
// top-level domain of at least two letters.
func completeEmail(addr string) bool {
	if !validEmail(addr) {
		return false
	}
	i := strings.LastIndexByte(addr, '.')
	return i > strings.IndexByte(addr, '@') && utf8.RuneCountInString(addr[i+1:]) >= 2
}

// isEmailHead reports whether s is the start of an address that emailRe
// does not match: "jane@", "jane@example", "jane@example.".
func isEmailHead(s string) bool {
	at := strings.IndexByte(s, '@')
	if at <= 0 || emailRe.MatchString(s) || strings.ContainsAny(s[at+1:], "/:@") {
		return false
	}
	for _, r := range s[:at] {
		if !isAddressRune(r) {
			return false
		}
	}
	return true
}

func lastField(s string) string {
	if i := strings.LastIndexAny(s, " \t"); i >= 0 {
		return s[i+1:]
	}
	return s
}

// knownTLD reports whether the address ends in a top-level domain that
// exists in practice: any two letters (country codes), a non-ASCII or
// punycode one (IDN), or one of the common generic ones. It only decides
// between two readings of a wrapped address; a lone address is never
// refused for its domain.
func knownTLD(addr string) bool {
	tld := strings.ToLower(addr[strings.LastIndexByte(addr, '.')+1:])
	if len(tld) == 2 || strings.HasPrefix(tld, "xn--") || strings.IndexFunc(tld, func(r rune) bool { return r >= utf8.RuneSelf }) >= 0 {
		return true
	}
	return genericTLDs[tld]
}

var genericTLDs = func() map[string]bool {
	m := map[string]bool{}
	for _, t := range strings.Fields(`com org net edu gov mil int info biz name pro mobi asia tel jobs aero coop museum
		io ai app dev tech online site xyz club shop store blog cloud email live life world today news page design
		studio agency digital network systems solutions services software engineering consulting company center group
		global media space website work codes academy education university school science team tools zone expert
		guru ninja rocks social fun one top icu vip ltd inc llc gmbh art photography family run link click help`) {
		m[t] = true
	}
	return m
}()

// mayBeObfuscated is a cheap test for a line deobfuscate may change: it
// spells "at" in brackets, or " at " with " dot ".
func mayBeObfuscated(l string) bool {
	low := asciiLower(l)
	return strings.Contains(low, "at]") || strings.Contains(low, "at)") || strings.Contains(low, "at}") || strings.Contains(low, "at>") ||
		strings.Contains(low, "@]") || strings.Contains(low, "@)") || strings.Contains(low, " at ") && strings.Contains(low, " dot ")
}

// deobfuscate rewrites the spelled-out forms of "@" and "." in a line.
func deobfuscate(l string) string {
	if obfuscatedAt.MatchString(l) {
		l = obfuscatedAt.ReplaceAllString(l, "@")
		l = obfuscatedDot.ReplaceAllString(l, ".")
	}
	return bareObfuscated.ReplaceAllStringFunc(l, func(m string) string {
		s := bareObfuscated.FindStringSubmatch(m)
		return s[1] + "@" + bareDot.ReplaceAllString(s[2], ".")
	})
}

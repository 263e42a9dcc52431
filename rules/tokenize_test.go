package rules

import (
	"slices"
	"strconv"
	"strings"
	"testing"
)

// shownTokens writes a tokenized text as one string: words as written,
// punctuation marks in brackets, a line's tokens after "n:" where n is its
// line number, lines joined by " / ".
func shownTokens(ts *tokens) string {
	var b strings.Builder
	line := int32(-1)
	for i, tk := range ts.t {
		if tk.line != line {
			if i > 0 {
				b.WriteString(" / ")
			}
			line = tk.line
			b.WriteString(strconv.Itoa(int(line)) + ":")
		}
		b.WriteString(" ")
		if tk.punct {
			b.WriteString("[" + ts.text(i) + "]")
		} else {
			b.WriteString(ts.text(i))
		}
	}
	return b.String()
}

func TestTokenize(t *testing.T) {
	tests := []struct{ name, text, want string }{
		{"technology names stay whole", "Skills: C#, C++, Node.js, ASP.NET, R&D",
			"0: Skills [:] C# [,] C++ [,] Node.js [,] ASP.NET [,] R&D"},
		{"a name at the end of the text", "C++", "0: C++"},
		{"a leading dot before a letter", ".NET and .5", "0: .NET and [.] 5"},
		{"a slash splits", "CI/CD Java/Spring", "0: CI [/] CD Java [/] Spring"},
		{"a plus or hash before a letter is a mark", "a+b c#d", "0: a [+] b c [#] d"},
		{"a full stop ends a sentence", "I wrote Go. Then Rust.", "0: I wrote Go [.] Then Rust [.]"},
		{"an ampersand between spaces", "R & D", "0: R [&] D"},
		{"a bracket is a mark", "(Go)", "0: [(] Go [)]"},
		{"ASCII letters and digits at the ends of their ranges", "a z A Z 0 9 ` { @ [ / :",
			"0: a z A Z 0 9 [`] [{] [@] [[] [/] [:]"},
		{"words in other scripts", "Müller Şahin 東京 ٣٤", "0: Müller Şahin 東京 ٣٤"},
		{"spaces of all kinds", "a\tb\rc\u00a0d\u2003e", "0: a b c d e"},
		{"line numbers", "Go\n\nSQL, Kafka\nRust", "0: Go / 2: SQL [,] Kafka / 3: Rust"},
		{"a stray byte after a word", "ab\x80", "0: ab [\x80]"},
		{"a stray byte alone", "\x80", "0: [\x80]"},
		{"a stray byte after a dot", "a.\x80 a&\x80 a+\x80", "0: a [.] [\x80] a [&] [\x80] a+ [\x80]"},
		{"a stray byte inside a word of another script", "é\xa9", "0: é [\xa9]"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := shownTokens(tokenize(tt.text)); got != tt.want {
				t.Errorf("tokenize(%q)\n got %q\nwant %q", tt.text, got, tt.want)
			}
		})
	}
}

// TestTokenizeKeys: a token's key is its text with ASCII letters
// lowercased, at the same offsets.
func TestTokenizeKeys(t *testing.T) {
	ts := tokenize("Ünïcode GoLang AZ")
	var keys []string
	for i := range ts.len() {
		keys = append(keys, ts.key(i))
	}
	if want := []string{"Ünïcode", "golang", "az"}; !slices.Equal(keys, want) {
		t.Errorf("keys %q, want %q", keys, want)
	}
}

func TestASCIILower(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"", ""},
		{"go", "go"},
		{"A", "a"},
		{"Z", "z"},
		{"xAZ", "xaz"},
		{"BA", "ba"},
		{"BZ", "bz"},
		{"@[`{", "@[`{"},
		{"Q@[`{", "q@[`{"},
		{"ÉCOLE Über", "École Über"},
	} {
		if got := asciiLower(tt.in); got != tt.want {
			t.Errorf("asciiLower(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

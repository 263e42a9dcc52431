package rules

import (
	"slices"
	"strings"
	"testing"
)

func TestPhoneBounds(t *testing.T) {
	tests := []struct {
		name, text, want string
	}{
		{"seven digits with a label opening the line", "Tel: 555-0142", "555-0142"},
		{"nine digits without a label", "Jane\nCall 555 014 299", "555 014 299"},
		{"fifteen digits, two spaces inside", "Phone: 0049 30  1234 56789", "0049 30 1234 56789"},
		{"a wrapped number before a tab", "M +56 9 1234\tCloud\n5678", "+56 9 1234 5678"},
		{"a valid number not joined with the digits opening the next line", "Phone: +49 30 1234567\n8 years in Berlin", "+49 30 1234567"},
		{"in the header, a labelled number outranks an earlier one", "Jane\n+33 6 12 34 56 78\nPhone: +44 20 7946 0018", "+44 20 7946 0018"},
		{"a number glued to a letter is part of a code", "Jane\nRef A4155550142", ""},
		{"a wrapped number glued to a letter is part of a code", "Jane\nCode X+56 9 1234\n5678", ""},
		{"a label inside a word is no label", "Jane\nHeadphone 555-0142", ""},
		{"a label running into a word is no label", "Jane\nTelecom 555-0142", ""},
		{"past the header, a labelled number outranks an earlier one",
			"Jane\n" + strings.Repeat("Built things.\n", 14) + "+33 6 12 34 56 78\nPhone: +44 20 7946 0018", "+44 20 7946 0018"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if p := analyze(t, Resume{Text: tt.text}); p.Phone != tt.want {
				t.Errorf("phone %q (%s), want %q", p.Phone, p.PhoneSource, tt.want)
			}
		})
	}
}

// TestPhoneRunSplit: a run of more than fifteen digits is split at every
// separator between numbers.
func TestPhoneRunSplit(t *testing.T) {
	var got []string
	for _, h := range findPhones([]string{"Tel: 5550142 / 5550199 / 5550123"}, "") {
		got = append(got, h.number)
	}
	if want := []string{"5550142", "5550199", "5550123"}; !slices.Equal(got, want) {
		t.Errorf("numbers %q, want %q", got, want)
	}
}

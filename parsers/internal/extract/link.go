package extract

import "strings"

// WriteLink appends a hyperlink's target after its text unless the text
// already shows it, so "LinkedIn" linked to a profile keeps the URL. The
// scheme of mailto: and tel: targets is dropped; in-document targets ("#...")
// are not written.
func WriteLink(sb *strings.Builder, text, target string) {
	if target == "" || strings.HasPrefix(target, "#") {
		return
	}
	shown := strings.TrimPrefix(strings.TrimPrefix(target, "mailto:"), "tel:")
	if strings.Contains(text, shown) || strings.Contains(text, strings.TrimPrefix(strings.TrimPrefix(shown, "https://"), "http://")) {
		return
	}
	sb.WriteString(" <" + shown + "> ")
}

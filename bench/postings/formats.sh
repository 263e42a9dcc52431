#!/bin/sh
# formats.sh writes the HTML, PDF and DOCX versions of the postings in
# testdata/postings: a job board's page from each text posting (go run
# ./bench/postings -html), printed to PDF by Chromium (lines wrapped to the
# page, list bullets drawn, not written) and converted to DOCX by
# LibreOffice. The outputs are committed, so tests need neither program.
#
#	bench/postings/formats.sh [DIR]
set -eu
dir=${1:-testdata/postings}
go run ./bench/postings -dir "$dir" -html
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for page in "$dir"/*.html; do
	name=$(basename "$page" .html)
	nice chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer \
		--print-to-pdf="$dir/$name.pdf" "$page" 2>/dev/null
	cp "$page" "$tmp/$name.html"
	nice soffice --headless -env:UserInstallation=file://$tmp/profile \
		--convert-to 'docx:MS Word 2007 XML' --outdir "$dir" "$tmp/$name.html" >/dev/null 2>&1
done

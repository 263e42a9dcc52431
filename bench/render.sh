#!/usr/bin/env bash
# Render the example's workbook the way a recruiter's office suite shows
# it: screen testdata/example into a workbook beside a copy of its resumes,
# open it with LibreOffice headless (converting it to PDF proves it loads),
# and make a PNG of each printed page with pdftoppm. Prints the pages and
# where the PNGs are; look at the Shortlist's (page 1) before a change to
# the workbook's layout is called done.
#
#   bench/render.sh [OUTDIR=/tmp/screener-render]
#
# Needs soffice (LibreOffice Calc) and pdftoppm (poppler-utils).
set -euo pipefail
out=${1:-/tmp/screener-render}
cd "$(dirname "$0")/.."
rm -rf "$out" && mkdir -p "$out/inbox" "$out/shortlists"
cp -a testdata/example/resumes/. "$out/inbox/"
go build -o "$out/screener" ./cmd/screener
status=0
"$out/screener" screen -quiet -job testdata/example/backend-posting.txt -as-of 2026-06-01 \
	-out "$out/shortlists/shortlist.xlsx" "$out/inbox" || status=$?
[ "$status" -eq 3 ] || { echo "screener exited $status, want 3" >&2; exit 1; }
# A private profile, so that a running LibreOffice does not take the job.
soffice -env:UserInstallation="file://$out/lo-profile" --headless --convert-to pdf \
	--outdir "$out" "$out/shortlists/shortlist.xlsx" >/dev/null 2>&1
[ -s "$out/shortlist.pdf" ] || { echo "LibreOffice did not open the workbook" >&2; exit 1; }
pdftoppm -png -r 110 "$out/shortlist.pdf" "$out/page"
pages=$(ls "$out"/page-*.png | wc -l)
echo "LibreOffice opened the workbook: $pages printed pages (one per sheet expected)"
ls "$out"/page-*.png

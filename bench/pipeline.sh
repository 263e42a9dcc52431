#!/usr/bin/env bash
# Pipeline benchmark: generate N synthetic resumes (half PDF, half DOCX),
# then time, on the same files,
#   1. extraction only: `screener extract` over all files, W processes;
#      (and with 1 process, to see what the machine's cores give);
#   2. the full `screener screen` with W workers (extraction in supervised
#      worker processes, matching, ranking, workbook + JSON Lines);
#   3. the full run with 1 worker, for scaling.
#   4. the PDFs alone: `screener screen -workers 1` against pdftotext, one
#      process per file, on the same files.
# Prints resumes/s, CPU ms per resume (user+system, workers included), the
# full/extract-only ratio, peak RSS (main process and largest worker), the
# share of time in extraction, matching and writing, and CPU per PDF as a
# ratio to pdftotext's. CPU is the figure to compare on a busy machine.
# Step 1 extracts in-process, so step 2's ratio to it includes the cost of
# isolating extraction in worker processes (a round trip per file); the last
# line's ratio compares the run with its own, isolated, extraction.
#
#   bench/pipeline.sh [N=10000] [W=2]
#
# BEFORE=path/to/screener: the PDFs-only step runs that build too, ROUNDS
# times (default 3), each round pdftotext, then the older build, then this
# one, and prints each round's ratios and their medians: a change's effect,
# measured within one run on a busy machine.
set -euo pipefail
# GEN_FROM=DIR: copy real resumes from DIR instead of generating synthetic ones.
# OCR=auto: read scans with Tesseract too (default off: pdftotext reads no
# scans, and Tesseract's CPU would hide screener's own).
ocr=${OCR:-off}
n=${1:-10000}
w=${2:-2}
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
go build -o "$tmp/screener" ./cmd/screener
go run ./bench/genresumes ${GEN_FROM:+-from "$GEN_FROM"} -n "$n" -out "$tmp/resumes"
echo "generated $n resumes ($(du -sh "$tmp/resumes" | cut -f1))"

now() { date +%s.%N; }

extract_only() { # processes
	local s e
	s=$(now)
	find "$tmp/resumes" -type f -print0 | xargs -0 -P "$1" -n 250 "$tmp/screener" extract -ocr "$ocr" >/dev/null 2>&1 || true
	e=$(now)
	echo "$e - $s" | bc
}
extract=$(extract_only "$w")
extract1=$(extract_only 1)

run() { # workers, log file [dir]; /usr/bin/time writes "user sys maxrss" to $2.time
	local s e
	s=$(now)
	/usr/bin/time -f '%U %S %M' -o "$2.time" "$tmp/screener" screen -v -log-format json -ocr "$ocr" -workers "$1" \
		-job testdata/example/backend-posting.txt -out "$tmp/out.xlsx" -jsonl "$tmp/out.jsonl" "${3:-$tmp/resumes}" 2>"$2" || [ $? -eq 3 ]
	e=$(now)
	echo "$e - $s" | bc
}
cpu_ms() { tail -n 1 "$1" | awk -v n="$2" '{ printf "%.1f", 1000 * ($1 + $2) / n }'; }
full=$(run "$w" "$tmp/log")
records=$(wc -l <"$tmp/out.jsonl")
one=$(run 1 "$tmp/log1")
stats=$(grep '"run finished"' "$tmp/log")
field() { echo "$stats" | sed -E "s/.*\"$1\":([0-9.e+-]+).*/\1/"; }

# The PDFs alone, once through screen (1 worker) and once through pdftotext.
mkdir "$tmp/pdfs"
find "$tmp/resumes" -name '*.pdf' -exec mv -t "$tmp/pdfs" {} +
npdf=$(find "$tmp/pdfs" -name '*.pdf' | wc -l)
pdftotext_cpu() { # writes "user sys maxrss" to $tmp/pdftotext.time
	/usr/bin/time -f '%U %S %M' -o "$tmp/pdftotext.time" \
		find "$tmp/pdfs" -name '*.pdf' -exec sh -c 'for f; do pdftotext -enc UTF-8 "$f" /dev/null; done' sh {} + 2>/dev/null
}
if [ "$npdf" -gt 0 ] && command -v pdftotext >/dev/null; then
	run 1 "$tmp/logpdf" "$tmp/pdfs" >/dev/null
	pdftotext_cpu
fi

printf 'files                 %d (JSONL records: %d)\n' "$n" "$records"
printf 'extract only, %d proc  %.2fs  %.0f resumes/s\n' "$w" "$extract" "$(echo "$n / $extract" | bc -l)"
printf 'screen, %d workers     %.2fs  %.0f resumes/s  %s CPU ms/resume  (%.2fx extract-only)\n' "$w" "$full" "$(echo "$n / $full" | bc -l)" "$(cpu_ms "$tmp/log.time" "$n")" "$(echo "$full / $extract" | bc -l)"
printf 'screen, 1 worker      %.2fs  %.0f resumes/s  %s CPU ms/resume  (scaling 1->%d workers: %.2fx; extraction alone scales %.2fx)\n' "$one" "$(echo "$n / $one" | bc -l)" "$(cpu_ms "$tmp/log1.time" "$n")" "$w" "$(echo "$one / $full" | bc -l)" "$(echo "$extract1 / $extract" | bc -l)"
printf 'peak RSS              main %d MiB, largest worker %s MiB\n' "$(($(awk '{ print $3 }' "$tmp/log.time" | tail -n 1) / 1024))" "$(field worker_peak_rss_mib)"
ex=$(field extract_s); ma=$(field match_s); wr=$(field write_s)
tot=$(echo "$ex + $ma + $wr" | bc -l)
printf 'time shares (summed over workers): extraction %.0f%%, matching %.0f%%, writing %.0f%% (the run costs %.2fx its own extraction)\n' \
	"$(echo "100 * $ex / $tot" | bc -l)" "$(echo "100 * $ma / $tot" | bc -l)" "$(echo "100 * $wr / $tot" | bc -l)" "$(echo "$tot / $ex" | bc -l)"
if [ -f "$tmp/pdftotext.time" ]; then
	s=$(cpu_ms "$tmp/logpdf.time" "$npdf"); p=$(cpu_ms "$tmp/pdftotext.time" "$npdf")
	printf 'PDFs only (%d)        screen, 1 worker: %s CPU ms/PDF; pdftotext: %s CPU ms/PDF; ratio %.2fx\n' "$npdf" "$s" "$p" "$(echo "$s / $p" | bc -l)"
fi
if [ -n "${BEFORE:-}" ] && [ -f "$tmp/pdftotext.time" ]; then
	after=$tmp/screener
	for r in $(seq "${ROUNDS:-3}"); do
		pdftotext_cpu
		p=$(cpu_ms "$tmp/pdftotext.time" "$npdf")
		line=""
		for label in before after; do
			tmp_bin=$after
			[ "$label" = before ] && tmp_bin=$BEFORE
			/usr/bin/time -f '%U %S %M' -o "$tmp/$label.time" "$tmp_bin" screen -ocr "$ocr" -workers 1 \
				-job testdata/example/backend-posting.txt -out "$tmp/out.xlsx" -jsonl "$tmp/out.jsonl" "$tmp/pdfs" 2>/dev/null || true
			s=$(cpu_ms "$tmp/$label.time" "$npdf")
			line="$line  $label $s ms/PDF ($(echo "$s / $p" | bc -l | xargs printf '%.3f')x)"
			echo "$label $(echo "$s / $p" | bc -l)" >>"$tmp/ratios"
		done
		printf 'round %d: pdftotext %s ms/PDF%s\n' "$r" "$p" "$line"
	done
	for label in before after; do
		printf '%-6s median ratio to pdftotext %.3fx over %s rounds\n' "$label" \
			"$(awk -v l=$label '$1 == l { print $2 }' "$tmp/ratios" | sort -n | awk '{ a[NR] = $1 } END { print (NR % 2 ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2) }')" "${ROUNDS:-3}"
	done
fi

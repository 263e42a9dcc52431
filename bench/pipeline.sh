#!/usr/bin/env bash
# Pipeline benchmark: generate N synthetic resumes (half PDF, half DOCX),
# then time, on the same files,
#   1. extraction only: `screener extract` over all files, W processes;
#      (and with 1 process, to see what the machine's cores give);
#   2. the full `screener screen` with W workers (extraction in supervised
#      worker processes, matching, ranking, workbook + JSON Lines);
#   3. the full run with 1 worker, for scaling.
# Prints resumes/s, the full/extract-only ratio, peak RSS (main process and
# largest worker) and the share of time in extraction, matching and writing.
# Step 1 extracts in-process, so step 2's ratio to it includes the cost of
# isolating extraction in worker processes (a round trip per file); the last
# line's ratio compares the run with its own, isolated, extraction.
#
#   bench/pipeline.sh [N=10000] [W=2]
set -euo pipefail
# GEN_FROM=DIR: copy real resumes from DIR instead of generating synthetic ones.
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
	find "$tmp/resumes" -type f -print0 | xargs -0 -P "$1" -n 250 "$tmp/screener" extract >/dev/null 2>&1 || true
	e=$(now)
	echo "$e - $s" | bc
}
extract=$(extract_only "$w")
extract1=$(extract_only 1)

run() { # workers, log file
	local s e
	s=$(now)
	/usr/bin/time -f '%M' -o "$tmp/rss" "$tmp/screener" screen -v -log-format json -workers "$1" \
		-job testdata/example/backend-posting.txt -out "$tmp/out.xlsx" -jsonl "$tmp/out.jsonl" "$tmp/resumes" 2>"$2" || [ $? -eq 3 ]
	e=$(now)
	echo "$e - $s" | bc
}
full=$(run "$w" "$tmp/log")
one=$(run 1 "$tmp/log1")
stats=$(grep '"run finished"' "$tmp/log")
field() { echo "$stats" | sed -E "s/.*\"$1\":([0-9.e+-]+).*/\1/"; }
records=$(wc -l <"$tmp/out.jsonl")

printf 'files                 %d (JSONL records: %d)\n' "$n" "$records"
printf 'extract only, %d proc  %.2fs  %.0f resumes/s\n' "$w" "$extract" "$(echo "$n / $extract" | bc -l)"
printf 'screen, %d workers     %.2fs  %.0f resumes/s  (%.2fx extract-only)\n' "$w" "$full" "$(echo "$n / $full" | bc -l)" "$(echo "$full / $extract" | bc -l)"
printf 'screen, 1 worker      %.2fs  %.0f resumes/s  (scaling 1->%d workers: %.2fx; extraction alone scales %.2fx)\n' "$one" "$(echo "$n / $one" | bc -l)" "$w" "$(echo "$one / $full" | bc -l)" "$(echo "$extract1 / $extract" | bc -l)"
printf 'peak RSS              main %d MiB, largest worker %s MiB\n' "$(($(tail -n 1 "$tmp/rss") / 1024))" "$(field worker_peak_rss_mib)"
ex=$(field extract_s); ma=$(field match_s); wr=$(field write_s)
tot=$(echo "$ex + $ma + $wr" | bc -l)
printf 'time shares (summed over workers): extraction %.0f%%, matching %.0f%%, writing %.0f%% (the run costs %.2fx its own extraction)\n' \
	"$(echo "100 * $ex / $tot" | bc -l)" "$(echo "100 * $ma / $tot" | bc -l)" "$(echo "100 * $wr / $tot" | bc -l)" "$(echo "$tot / $ex" | bc -l)"

#!/usr/bin/env bash
# Incremental benchmark: screen N synthetic resumes with -state, add M
# more, screen again (three times from the same state; the median counts);
# report both times, their ratio, and the state file's size per 1,000
# resumes with and without stored text.
#
#   bench/incremental.sh [N=5000] [M=100]
set -euo pipefail
# GEN_FROM=DIR: copy real resumes from DIR instead of generating synthetic ones.
n=${1:-5000}
m=${2:-100}
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
go build -o "$tmp/screener" ./cmd/screener
go run ./bench/genresumes ${GEN_FROM:+-from "$GEN_FROM"} -n $((n + m)) -out "$tmp/all"
mkdir "$tmp/inbox"
ls "$tmp/all" | head -n "$n" | while read -r f; do mv "$tmp/all/$f" "$tmp/inbox/"; done

now() { date +%s.%N; }
screen() { # state-file, extra flags...
	local db=$1
	shift
	"$tmp/screener" screen -quiet -state "$db" "$@" -job testdata/example/backend-posting.txt \
		-out "$tmp/out.xlsx" -jsonl "$tmp/out.jsonl" "$tmp/inbox" || [ $? -eq 3 ]
}
t0=$(now); screen "$tmp/text.db"; t1=$(now)
first=$(echo "$t1 - $t0" | bc)
size_text=$(stat -c %s "$tmp/text.db")
screen "$tmp/hash.db" -store-text=false
size_hash=$(stat -c %s "$tmp/hash.db")
mv "$tmp/all/"* "$tmp/inbox/"
# The second run is short and this kind of figure is noisy: run it three
# times, each from the state the first run left, and report the median.
cp "$tmp/text.db" "$tmp/after-first.db"
seconds=()
for _ in 1 2 3; do
	rm -f "$tmp/text.db-wal" "$tmp/text.db-shm"
	cp "$tmp/after-first.db" "$tmp/text.db"
	t2=$(now); screen "$tmp/text.db"; t3=$(now)
	seconds+=("$(echo "$t3 - $t2" | bc)")
done
second=$(printf '%s\n' "${seconds[@]}" | sort -n | sed -n 2p)
printf 'first run, %d resumes     %.2fs\n' "$n" "$first"
printf 'second run, +%d resumes    %.2fs  (%.1f%% of the first; median of %s s)\n' "$m" "$second" \
	"$(echo "100 * $second / $first" | bc -l)" "$(printf '%.2f ' "${seconds[@]}")"
printf 'records in the last JSON Lines: %d\n' "$(wc -l <"$tmp/out.jsonl")"
printf 'state size per 1,000 resumes: %.0f KiB with text, %.0f KiB with hashes only\n' \
	"$(echo "$size_text * 1000 / $n / 1024" | bc -l)" "$(echo "$size_hash * 1000 / $n / 1024" | bc -l)"

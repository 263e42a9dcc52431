#!/usr/bin/env bash
# Distributed benchmark: the same folder screened (1) on one machine with
# an SQLite state and two extraction processes, and (2) with -distributed
# by two 'screener worker' processes of one extraction process each,
# through the PostgreSQL database of $SCREENER_STATE (a fresh schema per
# round). Rounds alternate, so that the ratio holds on a noisy machine;
# the JSON Lines of the two runs are compared in every round.
#
#   SCREENER_STATE=postgres://user@host/db bench/distributed.sh DIR [ROUNDS=3]
set -euo pipefail
dir=$(realpath "$1")
rounds=${2:-3}
: "${SCREENER_STATE:?set SCREENER_STATE to a postgres:// URL}"
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
pids=()
trap 'kill "${pids[@]}" 2>/dev/null; rm -rf "$tmp"' EXIT
go build -o "$tmp/screener" ./cmd/screener
now() { date +%s.%N; }
n=$(find "$dir" -type f | wc -l)
flags=(-quiet -rules testdata/example/backend-rules.yaml -as-of 2026-06-01 -out '')
for r in $(seq "$rounds"); do
	t0=$(now)
	"$tmp/screener" screen "${flags[@]}" -workers 2 -state "$tmp/s$r.db" -jsonl "$tmp/local.jsonl" "$dir" || [ $? -eq 3 ]
	t1=$(now)
	schema=bench_${r}_$$
	psql -q "$SCREENER_STATE" -c "DROP SCHEMA IF EXISTS $schema CASCADE; CREATE SCHEMA $schema"
	url="$SCREENER_STATE&search_path=$schema"
	pids=()
	for w in 1 2; do
		"$tmp/screener" worker -quiet -state "$url" -root "$dir" -workers 1 &
		pids+=($!)
	done
	sleep 2 # the workers start (River's client); not part of the run
	t2=$(now)
	"$tmp/screener" screen "${flags[@]}" -distributed -root "$dir" -state "$url" -jsonl "$tmp/remote.jsonl" "$dir" || [ $? -eq 3 ]
	t3=$(now)
	kill "${pids[@]}"; wait "${pids[@]}" 2>/dev/null || true
	same=identical
	if ! diff -q <(sed -E 's/"run_at":"[^"]*"//; s/"new":true,//' "$tmp/local.jsonl") <(sed -E 's/"run_at":"[^"]*"//; s/"new":true,//' "$tmp/remote.jsonl") >/dev/null; then
		same=DIFFERENT
	fi
	echo "round $r: $n files, sqlite $(echo "$t1 - $t0" | bc) s, distributed $(echo "$t3 - $t2" | bc) s, ratio of throughputs $(echo "scale=3; ($t1 - $t0) / ($t3 - $t2)" | bc), JSON Lines $same"
done

#!/usr/bin/env bash
# Chaos benchmark of distributed runs: N distinct copies of real resumes
# (bench/genresumes -from DIR) screened once on one machine, then with
# -distributed by three workers while, every few seconds, a random one of
# the three workers and the coordinator is killed with SIGKILL and started
# again, until the coordinator finishes. It reports the kills, whether the
# JSON Lines equal the uninterrupted run's (run_at and new aside), rows
# missing or duplicated, and how many files were extracted more than once
# (River's attempts beyond the first).
#
#   SCREENER_STATE=postgres://user@host/db bench/chaos.sh DIR [N=600] [KILLS=8]
set -uo pipefail
from=$(realpath "$1")
n=${2:-600}
kills=${3:-8}
: "${SCREENER_STATE:?set SCREENER_STATE to a postgres:// URL}"
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
declare -A pid
trap 'kill -9 "${pid[@]}" 2>/dev/null; rm -rf "$tmp"' EXIT
go build -o "$tmp/screener" ./cmd/screener || exit 1
go run ./bench/genresumes -from "$from" -n "$n" -out "$tmp/inbox" >/dev/null || exit 1
flags=(-quiet -rules testdata/example/backend-rules.yaml -as-of 2026-06-01 -timeout 10s -out '')
# The uninterrupted run keeps no state (SCREENER_STATE would give it one).
SCREENER_STATE= "$tmp/screener" screen "${flags[@]}" -jsonl "$tmp/want.jsonl" "$tmp/inbox"
schema=chaos_$$
psql -q "$SCREENER_STATE" -c "CREATE SCHEMA $schema" || exit 1
url="$SCREENER_STATE&search_path=$schema"
# -timeout 10s: a job's time limit is 20 s, so a rescue-after of 25 s
# hands a dead worker's job on within a minute.
start() {
	case $1 in
	w*) "$tmp/screener" worker -quiet -state "$url" -root "$tmp" -workers 1 -rescue-after 25s & ;;
	c) "$tmp/screener" screen "${flags[@]}" -distributed -root "$tmp" -state "$url" -jsonl "$tmp/got.jsonl" "$tmp/inbox" 2>>"$tmp/coordinator.log" & ;;
	esac
	pid[$1]=$!
}
for p in w1 w2 w3 c; do start $p; done
t0=$(date +%s)
done_kills=0
killed=()
while kill -0 "${pid[c]}" 2>/dev/null; do
	sleep $((2 + RANDOM % 6))
	if [ $done_kills -lt "$kills" ]; then
		victims=(w1 w2 w3 c)
		v=${victims[RANDOM % 4]}
		if kill -0 "${pid[$v]}" 2>/dev/null; then
			kill -9 "${pid[$v]}"
			wait "${pid[$v]}" 2>/dev/null
			killed+=("$v@$(($(date +%s) - t0))s")
			done_kills=$((done_kills + 1))
			sleep 1
			start "$v"
		fi
	fi
	# A coordinator started while the killed one's lock was still held
	# exits with status 4: start it again.
	if ! kill -0 "${pid[c]}" 2>/dev/null; then
		wait "${pid[c]}"
		code=$?
		if [ $code -eq 4 ]; then sleep 1; start c; continue; fi
		break
	fi
done
wait "${pid[c]}" 2>/dev/null
elapsed=$(($(date +%s) - t0))
norm() { sed -E 's/"run_at":"[^"]*"//; s/"new":true,//' "$1" | sort; }
same=identical
if ! diff <(norm "$tmp/want.jsonl") <(norm "$tmp/got.jsonl") >"$tmp/diff"; then
	same=DIFFERENT
	head -c 3000 "$tmp/diff"; [ -n "${CHAOS_DIFF:-}" ] && cp "$tmp/diff" "$CHAOS_DIFF"
fi
rows=$(wc -l <"$tmp/got.jsonl")
dups=$(grep -o '"file":"[^"]*"' "$tmp/got.jsonl" | sort | uniq -d | wc -l)
missing=$(comm -23 <(grep -o '"file":"[^"]*"' "$tmp/want.jsonl" | sort) <(grep -o '"file":"[^"]*"' "$tmp/got.jsonl" | sort) | wc -l)
again=$(psql -qtA "$SCREENER_STATE" -c "SELECT count(*) FILTER (WHERE attempt > 1) || ' files, ' || coalesce(sum(attempt - 1), 0) || ' extra attempts, of ' || count(*) || ' jobs' FROM $schema.river_job")
psql -q "$SCREENER_STATE" -c "DROP SCHEMA $schema CASCADE" 2>/dev/null
echo "$n files in ${elapsed}s; killed ${killed[*]}"
echo "JSON Lines $same to the uninterrupted run; $rows rows, $missing missing, $dups duplicated; extracted again: $again"

#!/usr/bin/env bash
# Rescue benchmark: one worker claims jobs of a distributed run and is
# killed with SIGKILL (the machine dies); a second worker, started at
# once, must do that worker's jobs again. Reports the time from the kill
# until the last of them completed, with the default -timeout (30 s) and
# -rescue-after (90 s).
#
#   SCREENER_STATE=postgres://user@host/db bench/rescue.sh DIR [N=200]
set -uo pipefail
from=$(realpath "$1")
n=${2:-200}
: "${SCREENER_STATE:?set SCREENER_STATE to a postgres:// URL}"
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
pids=()
trap 'kill -9 "${pids[@]}" 2>/dev/null; rm -rf "$tmp"' EXIT
go build -o "$tmp/screener" ./cmd/screener || exit 1
go run ./bench/genresumes -from "$from" -n "$n" -out "$tmp/inbox" >/dev/null || exit 1
schema=rescue_$$
psql -q "$SCREENER_STATE" -c "CREATE SCHEMA $schema" || exit 1
url="$SCREENER_STATE&search_path=$schema"
q() { psql -qtA "$SCREENER_STATE" -c "$1"; }
"$tmp/screener" screen -quiet -rules testdata/example/backend-rules.yaml -out '' -distributed -root "$tmp" -state "$url" -jsonl "$tmp/got.jsonl" "$tmp/inbox" &
pids+=($!)
"$tmp/screener" worker -quiet -state "$url" -root "$tmp" -workers 2 &
w1=$!
pids+=($w1)
until [ "$(q "SELECT count(*) FROM $schema.river_job WHERE state = 'completed'")" -ge 10 ] 2>/dev/null; do sleep 0.2; done
held=$(q "SELECT string_agg(id::text, ',') FROM $schema.river_job WHERE state = 'running'")
kill -9 $w1
t0=$(date +%s.%N)
"$tmp/screener" worker -quiet -state "$url" -root "$tmp" -workers 2 &
pids+=($!)
until [ "$(q "SELECT count(*) FROM $schema.river_job WHERE id IN ($held) AND state <> 'completed'")" = 0 ]; do sleep 0.5; done
t1=$(date +%s.%N)
echo "killed worker held jobs $held; all completed again $(echo "$t1 - $t0" | bc) s after the kill; attempts: $(q "SELECT string_agg(attempt::text, ',') FROM $schema.river_job WHERE id IN ($held)")"
wait "${pids[0]}"
psql -q "$SCREENER_STATE" -c "DROP SCHEMA $schema CASCADE" 2>/dev/null

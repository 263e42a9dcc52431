#!/usr/bin/env bash
# PostgreSQL state benchmark, on a throwaway server with PostgreSQL's
# default settings (fsync on): `screener state migrate` of an N-document
# SQLite state written by bench/genstate (timed twice: into an empty
# database, then merged into itself), then the run lock: a second
# coordinator of a running job, a run of another job meanwhile, and how
# soon the lock is free after its holder is killed with kill -9.
#
#   bench/pgstate.sh [N=200000]
#
# Needs PostgreSQL's binaries (initdb, pg_ctl) and psql; as root, the
# server runs as the postgres user.
set -euo pipefail
n=${1:-200000}
cd "$(dirname "$0")/.."
repo=$PWD
tmp=$(mktemp -d)
bin=$(dirname "$(ls /usr/lib/postgresql/*/bin/initdb | sort -V | tail -1)")
as=()
if [ "$(id -u)" = 0 ]; then
	chown postgres "$tmp"
	as=(runuser -u postgres --)
fi
port=$((20000 + RANDOM % 20000))
"${as[@]}" "$bin/initdb" -D "$tmp/data" -U screener -A trust -E UTF8 >/dev/null
"${as[@]}" "$bin/pg_ctl" -D "$tmp/data" -l "$tmp/log" -w -o "-c listen_addresses=127.0.0.1 -p $port -c unix_socket_directories=$tmp" start >/dev/null
trap '"${as[@]}" "$bin/pg_ctl" -D "$tmp/data" -m immediate stop >/dev/null; rm -rf "$tmp"' EXIT
url() { echo "postgres://screener@127.0.0.1:$port/$1?sslmode=disable"; }
psql() { command psql -q -tA -h 127.0.0.1 -p "$port" -U screener "$@"; }
psql -d postgres -c "CREATE DATABASE bench" -c "CREATE DATABASE locks"
go build -o "$tmp/screener" ./cmd/screener
now() { date +%s.%N; }
since() { echo "$(now) - $1" | bc; }

echo "== state migrate of $n documents"
go run ./bench/genstate -n "$n" -out "$tmp/state.db"
for round in "into an empty database" "again, merged"; do
	t0=$(now)
	"$tmp/screener" state migrate -from "$tmp/state.db" -to "$(url bench)"
	echo "migrate $round: $(since "$t0") s"
done

echo "== run lock"
go run ./bench/genresumes -n 1500 -out "$tmp/inbox" >/dev/null
job=(-job "$repo/testdata/example/backend-posting.txt")
held() { psql -d locks -c "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND granted AND classid = $((0x53637231))"; }
screen() { "$tmp/screener" screen -quiet -state "$(url locks)" -out '' -jsonl /dev/null "$@" "$tmp/inbox"; }
screen -workers 1 "${job[@]}" 2>/dev/null &
holder=$!
while [ "$(held)" = 0 ]; do sleep 0.01; done
t0=$(now); code=0; screen "${job[@]}" 2>/dev/null || code=$?
echo "second coordinator of the running job: exit $code in $(since "$t0") s"
t0=$(now); code=0; screen -rules "$repo/testdata/example/backend-rules.yaml" || code=$?
echo "a run of another job meanwhile: exit $code in $(since "$t0") s; the first still running: $(kill -0 $holder 2>/dev/null && echo yes || echo no)"
kill -9 $holder
t0=$(now)
while [ "$(held)" != 0 ]; do sleep 0.005; done
echo "lock free $(since "$t0") s after kill -9 of its holder"
wait $holder 2>/dev/null || true

#!/usr/bin/env bash
# Two jobs at once: runs of two different rule sets started together on
# one folder of new files, on a throwaway PostgreSQL state, first on one
# machine each (extraction claims), then with -distributed and two
# workers (one job per content). Counts how often each run's processes
# open each resume (strace): a run that hashes a file opens it once, an
# extraction opens it once more, so N new files extracted once between
# two runs make 3N opens (2N in the workers of the distributed runs).
#
#   bench/twojobs.sh [N=200] [SCREENER=path to a screener binary]
#
# Needs strace, PostgreSQL's binaries (initdb, pg_ctl) and psql; as root,
# the server runs as the postgres user.
set -euo pipefail
n=${1:-200}
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
command psql -q -h 127.0.0.1 -p "$port" -U screener -d postgres -c "CREATE DATABASE local" -c "CREATE DATABASE distributed"
screener=${2:-}
if [ -z "$screener" ]; then
	screener=$tmp/screener
	go build -o "$screener" ./cmd/screener
fi
go run ./bench/genresumes -n "$n" -out "$tmp/inbox" >/dev/null
rules=("$repo/testdata/example/backend-rules.yaml" "$tmp/other.yaml")
printf 'title: Python developer\nrequired:\n  - skill: Python\n' >"$tmp/other.yaml"
opens() { grep -c "$tmp/inbox/" "$@" | awk -F: '{s += $NF} END {print s}'; }

for i in 0 1; do
	strace -f -qq -e trace=openat -o "$tmp/local.$i" "$screener" screen -quiet -state "$(url local)" \
		-rules "${rules[$i]}" -out '' -jsonl "$tmp/local.$i.jsonl" "$tmp/inbox" || true &
done
wait
echo "one machine each: $(opens "$tmp/local.0") + $(opens "$tmp/local.1") opens of $n files ($((3 * n)) if each is extracted once)"

workers=()
for i in 0 1; do
	strace -f -qq -e trace=openat -o "$tmp/worker.$i" "$screener" worker -quiet -state "$(url distributed)" -root "$tmp" -workers 2 &
	workers+=($!)
done
pids=()
for i in 0 1; do
	"$screener" screen -quiet -distributed -root "$tmp" -state "$(url distributed)" \
		-rules "${rules[$i]}" -out '' -jsonl "$tmp/distributed.$i.jsonl" "$tmp/inbox" || true &
	pids+=($!)
done
wait "${pids[@]}"
for w in "${workers[@]}"; do pkill -TERM -P "$w"; done # the workers under strace
wait
echo "distributed: the workers opened the $n files $(opens "$tmp/worker.0" "$tmp/worker.1") times ($((2 * n)) if each is extracted once)"
for i in 0 1; do
	if cmp -s <(jq -c 'del(.run_at)' "$tmp/local.$i.jsonl" | sort) <(jq -c 'del(.run_at)' "$tmp/distributed.$i.jsonl" | sort); then
		echo "rules $i: the same JSON Lines both ways"
	else
		echo "rules $i: JSON Lines differ"
	fi
done

#!/usr/bin/env bash
# Memory benchmark: peak RSS of the main process, wall and CPU time, and the
# workbook's write time, as the batch grows. For each N it makes N resumes
# (plain text made from the real resumes in CORPUS, see genresumes -text;
# or with GEN=pdf, synthetic PDFs and DOCX) and screens them once with the
# workbook and JSON Lines, extraction in isolated workers. It prints, per N,
# the main process's peak RSS (from the run's own log line: the workers'
# are apart), CPU and wall time, and the workbook and JSON Lines write time
# per candidate; then each N's RSS as a ratio to the first N's. With
# BEFORE=path/to/screener it runs that binary too, alternating, and prints
# its figures beside (ratios within one run: the machine is shared). With
# STATE=1 each run keeps a state (-state, in a new SQLite file per N and
# binary) and screens the folder twice: the first run reads every file and
# fills the state (mode "state-1st"), the second finds every result stored
# ("state-2nd"). With ROUNDS=k each N is screened k times by each binary,
# alternated, and the medians of each N's peaks and CPU follow: on a
# shared machine a run's peak moves by several MiB with the collector's
# timing.
#
#   bench/memory.sh [N...]            (default: 2000 10000 100000)
#   CORPUS=/work/shared/corpus GEN=text|pdf BEFORE=/tmp/old-screener KEEP=dir STATE=1 ROUNDS=3
#
# KEEP=dir keeps the generated resumes there (and reuses them next time).
set -euo pipefail
ns=("${@:-2000 10000 100000}")
read -r -a ns <<<"${ns[*]}"
corpus=${CORPUS:-/work/shared/corpus}
gen=${GEN:-text}
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
keep=${KEEP:-$tmp}
go build -o "$tmp/screener" ./cmd/screener
go build -o "$tmp/genresumes" ./bench/genresumes
bins=("$tmp/screener")
[ -n "${BEFORE:-}" ] && bins=("$BEFORE" "$tmp/screener")

# run BIN DIR LOG [FLAG...]: screens DIR; leaves "wall user sys maxrss_kb" in LOG.time.
run() {
	local bin=$1 dir=$2 log=$3
	shift 3
	/usr/bin/time -f '%e %U %S %M' -o "$log.time" nice "$bin" screen -v -log-format json -ocr off -workers 2 \
		-job testdata/example/backend-posting.txt -out "$tmp/out.xlsx" -jsonl "$tmp/out.jsonl" "$@" "$dir" 2>"$log" || [ $? -eq 3 ]
}
field() { grep '"run finished"' "$1" | sed -E "s/.*\"$2\":([0-9.e+-]+).*/\1/"; }

declare -A first
rounds=${ROUNDS:-1}
med=$tmp/medians
: >"$med"
printf '%-8s %-7s %-9s %9s %9s %8s %8s %12s %6s\n' N binary mode rss_MiB rss/first wall_s cpu_s write_ms/cand screened
modes=("$gen")
[ -n "${STATE:-}" ] && modes=(state-1st state-2nd)
for n in "${ns[@]}"; do
	dir="$keep/$gen-$n"
	if [ ! -d "$dir" ]; then
		if [ "$gen" = text ]; then
			"$tmp/genresumes" -from "$corpus" -text -n "$n" -out "$dir" >/dev/null
		else
			"$tmp/genresumes" -n "$n" -out "$dir" >/dev/null
		fi
	fi
	for round in $(seq "$rounds"); do
		for bin in "${bins[@]}"; do
			label=after
			[ "$bin" = "${BEFORE:-}" ] && label=before
			for mode in "${modes[@]}"; do
				log="$tmp/log-$label-$n-$mode"
				flags=()
				[ -n "${STATE:-}" ] && flags=(-state "$tmp/state-$label-$n.db")
				run "$bin" "$dir" "$log" "${flags[@]}"
				rss=$(field "$log" peak_rss_mib)
				write=$(field "$log" write_s)
				screened=$(grep -c '"status":"ok"' "$tmp/out.jsonl" || true)
				read -r wall user sys _ <"$log.time"
				[ -z "${first[$label-$mode]:-}" ] && first[$label-$mode]=$rss
				cpu=$(echo "$user + $sys" | bc -l)
				printf '%-8d %-7s %-9s %9d %9.2f %8.1f %8.1f %12.3f %6d\n' "$n" "$label" "$mode" "$rss" "$(echo "$rss / ${first[$label-$mode]}" | bc -l)" \
					"$wall" "$cpu" "$(echo "1000 * $write / $n" | bc -l)" "$screened"
				echo "$n $label $mode $rss $cpu" >>"$med"
			done
			rm -f "$tmp/state-$label-$n.db"*
		done
	done
done
if [ "$rounds" -gt 1 ]; then
	echo "medians of $rounds rounds:"
	printf '%-8s %-7s %-9s %9s %8s\n' N binary mode rss_MiB cpu_s
	# median COLUMN N LABEL MODE: the median of a column of the runs of one N, binary and mode.
	median() { awk -v k="$2 $3 $4" -v c="$1" '$1 " " $2 " " $3 == k { print $c }' "$med" | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
	cut -d' ' -f1-3 "$med" | sort -u -k1,1n -k2,3 | while read -r n label mode; do
		printf '%-8s %-7s %-9s %9d %8.1f\n' "$n" "$label" "$mode" "$(median 4 "$n" "$label" "$mode")" "$(median 5 "$n" "$label" "$mode")"
	done
fi

#!/bin/sh
# run.sh PKG [FILE...] runs gremlins v0.6.0 on package PKG (rules, screener,
# state), mutating only the named files of it (all of them when none are
# named), one worker, and writes the results to /tmp/gremlins-PKG-TAG.json,
# TAG being the files' names joined with '+', or "all".
#
#   go install github.com/go-gremlins/gremlins/cmd/gremlins@v0.6.0
#   bench/mutation/run.sh rules yaml.go taxonomy.go
#
# Extra gremlins flags go in $GREMLINS_FLAGS (for example --dry-run); $WORKERS
# sets the number of workers, $COEF the timeout coefficient (4).
set -eu
cd "$(dirname "$0")/../.."
pkg=$1
shift
excl=""
tag=all
if [ $# -gt 0 ]; then
	tag=$(echo "$@" | tr ' ' '+')
	for f in "$pkg"/*.go; do
		b=$(basename "$f")
		case "$b" in *_test.go) continue ;; esac
		keep=0
		for want in "$@"; do [ "$b" = "$want" ] && keep=1; done
		[ $keep = 1 ] || excl="$excl -E ^$b\$"
	done
fi
# shellcheck disable=SC2086
GOFLAGS="${GOFLAGS:+$GOFLAGS }-count=1" exec nice "${GREMLINS:-gremlins}" unleash --workers "${WORKERS:-1}" \
	--timeout-coefficient "${COEF:-4}" $excl ${GREMLINS_FLAGS:-} \
	-o "/tmp/gremlins-$pkg-$tag.json" "./$pkg"

#!/usr/bin/env bash
# scripts/fixratio.sh: issue 12's speed target, Fixes40Programs at most 3x
# Solve40Programs, measured the way a drifting machine allows: the two
# benchmarks run one after the other, ROUNDS times, each pair giving a
# ratio. Run from the repository root:
#
#     scripts/fixratio.sh            # this checkout
#     scripts/fixratio.sh REV        # this checkout and git revision REV, in turn
#
# Environment: ROUNDS=N pairs per version (default 6). Nothing outside a
# temporary folder is written.
set -euo pipefail

ROUNDS=${ROUNDS:-6}
if [ ! -f go.mod ] || [ ! -d planner ]; then
	echo "fixratio.sh: run me from the root of the weekfit repository" >&2
	exit 2
fi
work=$(mktemp -d)
cleanup() {
	if [ -d "$work/rev" ]; then
		git worktree remove --force "$work/rev" >/dev/null 2>&1 || true
	fi
	rm -rf "$work"
}
trap cleanup EXIT

versions=(this)
go test -c -o "$work/this.test" ./planner
if [ $# -gt 0 ]; then
	git worktree add -q --detach "$work/rev" "$1"
	(cd "$work/rev" && go test -c -o "$work/rev.test" ./planner)
	versions+=(rev)
fi

# one benchmark, N iterations: its ns/op and B/op
bench() {
	(cd planner && "$work/$1.test" -test.run '^$' -test.bench "$2\$" -test.benchtime "$3x" -test.benchmem) |
		awk '/^Benchmark/ { for (i = 1; i <= NF; i++) { if ($i == "ns/op") ns = $(i-1); if ($i == "B/op") b = $(i-1) } print ns, b }'
}

for r in $(seq 1 "$ROUNDS"); do
	for v in "${versions[@]}"; do
		read -r sns sb < <(bench "$v" Solve40Programs 30)
		read -r fns fb < <(bench "$v" Fixes40Programs 12)
		echo "$v $sns $sb $fns $fb"
	done
done | awk -v label_rev="${1:-}" '
	{
		v = $1; n[v]++
		s[v] += $2; f[v] += $4; sb[v] = $3; fb[v] = $5
		ratio = $4 / $2
		if (!(v in lo) || ratio < lo[v]) lo[v] = ratio
		if (ratio > hi[v]) hi[v] = ratio
	}
	END {
		printf "%-10s %-22s %-22s %s\n", "version", "Solve40Programs", "Fixes40Programs", "ratio per pair (mean of means)"
		for (i = 1; i <= 2; i++) {
			v = (i == 1) ? "this" : "rev"
			if (!(v in n)) continue
			name = (v == "this") ? "this" : label_rev
			printf "%-10s %6.1f ms %6.2f MB   %6.1f ms %6.2f MB   %.2f-%.2f (%.2f)\n", name,
				s[v] / n[v] / 1e6, sb[v] / 1e6, f[v] / n[v] / 1e6, fb[v] / 1e6, lo[v], hi[v], f[v] / s[v]
		}
	}'

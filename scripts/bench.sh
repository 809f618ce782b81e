#!/usr/bin/env bash
# scripts/bench.sh: every speed figure of the README's Speed section in one
# command, run from the repository root:
#
#     scripts/bench.sh
#
# It builds weekfit, then times whole processes with hyperfine (median of
# RUNS runs, default 30, after 3 warm-up runs) beside calcurse, measures the
# peak memory of the solves with GNU time, and runs the in-process Go
# benchmarks. hyperfine, calcurse, GNU time and util-linux's script are
# installed with apt-get when missing. Environment:
#   RUNS=N      runs per command (at least 20)
#   BENCH_GO=0  skip the in-process Go benchmarks
# Nothing outside a temporary folder is written; the summary goes to stdout.
set -euo pipefail

RUNS=${RUNS:-30}
BENCH_GO=${BENCH_GO:-1}
if [ "$RUNS" -lt 20 ]; then
	echo "bench.sh: RUNS is $RUNS; give at least 20 so the medians mean something" >&2
	exit 2
fi
if [ ! -f go.mod ] || [ ! -f examples/office.json ]; then
	echo "bench.sh: run me from the root of the weekfit repository" >&2
	exit 2
fi

need=()
command -v hyperfine >/dev/null || need+=(hyperfine)
command -v calcurse >/dev/null || need+=(calcurse)
[ -x /usr/bin/time ] || need+=(time)
command -v script >/dev/null || need+=(util-linux)
if [ ${#need[@]} -gt 0 ]; then
	sudo=""
	[ "$(id -u)" -eq 0 ] || sudo="sudo"
	echo "bench.sh: installing ${need[*]} with apt-get" >&2
	$sudo apt-get update -qq >&2
	DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${need[@]}" >&2
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
bin="$work/weekfit"
go build -o "$bin" .
export WEEKFIT_DB="$work/unused.db" # never the user's own database

# The floor: a Go program that only prints a line, and one that links every
# package weekfit imports (so runs every package initialisation) and then
# exits. The second is built inside the module through an overlay, so that
# it may import weekfit's own packages without a file written in the
# repository.
mkdir -p "$work/hello"
printf 'package main\n\nimport "os"\n\nfunc main() { os.Stdout.WriteString("hello\\n") }\n' >"$work/hello/main.go"
(cd "$work/hello" && go mod init hello >/dev/null 2>&1 && go build -o "$work/hello-go" .)
{
	printf 'package main\n\nimport (\n'
	go list -f '{{join .Imports "\n"}}' . | grep -v '^embed$' | sed 's/.*/\t_ "&"/'
	printf ')\n\nfunc main() {}\n'
} >"$work/floor.go"
printf '{"Replace": {"%s/internal/benchfloor/main.go": "%s"}}\n' "$PWD" "$work/floor.go" >"$work/overlay.json"
go build -overlay "$work/overlay.json" -o "$work/links-the-same" ./internal/benchfloor

# median FILE NAME prints the median, in ms, of the command named NAME in
# hyperfine's CSV export FILE.
median() {
	awk -F, -v name="$2" '$1 == name { printf "%.2f", $4 * 1000 }' "$1"
}

# cpu FILE NAME prints the mean CPU time (user and system), in ms, of the
# command named NAME: on a busy machine it moves less than the clock.
cpu() {
	awk -F, -v name="$2" '$1 == name { printf "%.2f", ($5 + $6) * 1000 }' "$1"
}

# rss CMD... prints the median peak resident set size of CMD, in MB, over 5 runs.
rss() {
	for _ in 1 2 3 4 5; do
		/usr/bin/time -v "$@" 2>&1 >/dev/null | awk -F': ' '/Maximum resident set size/ { print $2 }'
	done | sort -n | awk '{ v[NR] = $1 } END { printf "%.1f", v[3] / 1024 }'
}

hf() { hyperfine -N --style none --warmup 3 --runs "$RUNS" "$@" >&2; }

# 1. weekfit solve of the office week beside calcurse listing that plan's week.
start=2026-01-05 # a Monday; any will do
db="$work/office.db"
"$bin" import examples/office.json --as office --db "$db" >/dev/null
"$bin" export-plan office --format ics --start "$start" --out "$work/plan.ics" --db "$db" >/dev/null
mkdir -p "$work/cal/data" "$work/cal/conf"
calcurse -D "$work/cal/data" -C "$work/cal/conf" -i "$work/plan.ics" >/dev/null
cal="calcurse -D $work/cal/data -C $work/cal/conf -Q --from 01/05/2026 --days 7"
$cal >"$work/cal.txt"
if ! grep -q . "$work/cal.txt"; then
	echo "bench.sh: calcurse lists nothing for the imported week" >&2
	exit 1
fi
"$bin" solve examples/office.json >/dev/null
hf --export-csv "$work/office.csv" \
	-n weekfit-solve-office "$bin solve examples/office.json" \
	-n calcurse-week "$cal" \
	-n weekfit-help "$bin help" \
	-n go-hello "$work/hello-go" \
	-n go-links-the-same "$work/links-the-same"

# 2. The 40- and 120-program weeks, top 10: without the search for fixes (the
# solve issue 11's targets were set for), and as solve runs by default, with it.
hf --export-csv "$work/big.csv" \
	-n solve-40 "$bin solve testdata/bench-40-programs.json --top 10 --no-fixes" \
	-n solve-120 "$bin solve testdata/bench-120-programs.json --top 10 --no-fixes" \
	-n solve-40-fixes "$bin solve testdata/bench-40-programs.json --top 10" \
	-n solve-120-fixes "$bin solve testdata/bench-120-programs.json --top 10"

# 3. The TUI from start to its first full frame on a database of 200
# profiles, in a 120x40 pty made by script: internal/frametime stops the
# clock when the frame's "Plan 1 of" comes out of the pty, as a person sees
# it (written at the renderer's next tick), ends the run with SIGTERM, and
# takes off the same pty's time to print a line. The whole run of a grid
# that quits after its first frame (WEEKFIT_QUIT_AFTER_FIRST_FRAME, exit
# included) is timed with hyperfine too, beside the pty running true.
# TERM=screen: no terminal answers colour queries inside script, and termenv
# asks none of a screen-like one.
tdb="$work/200.db"
for i in $(seq -w 1 200); do
	"$bin" import examples/office.json --as "Client $i" --db "$tdb" >/dev/null
done
frame="stty cols 120 rows 40; exec $bin --db $tdb"
WEEKFIT_QUIT_AFTER_FIRST_FRAME=1 TERM=screen-256color timeout 20 script -qec "$frame" /dev/null >"$work/frame.txt" || true
if ! grep -q "Plan 1 of" "$work/frame.txt"; then
	echo "bench.sh: the TUI did not draw its first frame" >&2
	exit 1
fi
go build -o "$work/frametime" ./internal/frametime
TERM=screen-256color "$work/frametime" -stop -runs "$RUNS" -marker 'Plan 1 of' -- "$bin" --db "$tdb" >"$work/frame.ms"
WEEKFIT_QUIT_AFTER_FIRST_FRAME=1 TERM=screen-256color hf --export-csv "$work/tui.csv" \
	-n tui-first-frame "script -qec '$frame' /dev/null" \
	-n pty-alone "script -qec 'stty cols 120 rows 40; exec true' /dev/null"

# 4. Peak memory of the whole-process solves.
rss40=$(rss "$bin" solve testdata/bench-40-programs.json --top 10)
rss120=$(rss "$bin" solve testdata/bench-120-programs.json --top 10)

office=$(median "$work/office.csv" weekfit-solve-office)
calc=$(median "$work/office.csv" calcurse-week)
help=$(median "$work/office.csv" weekfit-help)
hello=$(median "$work/office.csv" go-hello)
same=$(median "$work/office.csv" go-links-the-same)
s40=$(median "$work/big.csv" solve-40)
s120=$(median "$work/big.csv" solve-120)
f40=$(median "$work/big.csv" solve-40-fixes)
f120=$(median "$work/big.csv" solve-120-fixes)
tui=$(median "$work/tui.csv" tui-first-frame)
pty=$(median "$work/tui.csv" pty-alone)
frame=$(awk '$1 == "frame" { print $2 }' "$work/frame.ms")
framepty=$(awk '$1 == "pty" { print $2 }' "$work/frame.ms")

verdict() { awk -v v="$1" -v t="$2" 'BEGIN { print (v <= t) ? "meets" : "MISSES" }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }

cat <<EOF

Whole processes: median of $RUNS runs each (hyperfine), load average $(cut -d' ' -f1-3 /proc/loadavg)

| what | target | median | | CPU (user+sys) |
| --- | --- | --- | --- | --- |
| \`weekfit solve examples/office.json\` | at most 1.5x calcurse | $office ms ($(ratio "$office" "$calc")x) | $(verdict "$(ratio "$office" "$calc")" 1.5) | $(cpu "$work/office.csv" weekfit-solve-office) ms |
| \`calcurse -Q --days 7\` on the same plan's week | | $calc ms | | $(cpu "$work/office.csv" calcurse-week) ms |
| \`weekfit help\` | | $help ms | | $(cpu "$work/office.csv" weekfit-help) ms |
| the floor: a Go program that prints a line | | $hello ms | | $(cpu "$work/office.csv" go-hello) ms |
| the floor: a Go program that links weekfit's packages and exits | | $same ms | | $(cpu "$work/office.csv" go-links-the-same) ms |
| \`weekfit solve --no-fixes\` 40-program week, top 10 | < 20 ms | $s40 ms | $(verdict "$s40" 20) | $(cpu "$work/big.csv" solve-40) ms |
| \`weekfit solve --no-fixes\` 120-program week, top 10 | at most 3.5x the 40 | $s120 ms ($(ratio "$s120" "$s40")x) | $(verdict "$(ratio "$s120" "$s40")" 3.5) | $(cpu "$work/big.csv" solve-120) ms |
| \`weekfit solve\` 40-program week, top 10, with the fixes of its 60 tracks that do not fit (the default) | | $f40 ms ($(ratio "$f40" "$s40")x without) | | $(cpu "$work/big.csv" solve-40-fixes) ms |
| \`weekfit solve\` 120-program week, top 10, fixes included | | $f120 ms | | $(cpu "$work/big.csv" solve-120-fixes) ms |
| TUI from start to its first full frame, 200 profiles (the pty's own $framepty ms to print a line taken off) | < 20 ms | $frame ms | $(verdict "$frame" 20) | |
| the same run to its exit, beside the pty running true | | $tui ms ($pty ms) | | $(cpu "$work/tui.csv" tui-first-frame) ms ($(cpu "$work/tui.csv" pty-alone) ms) |
| peak RSS, solve of the 40-program week | < 30 MB | $rss40 MB | $(verdict "$rss40" 30) | |
| peak RSS, solve of the 120-program week | | $rss120 MB | | |
EOF

if [ "$BENCH_GO" != 0 ]; then
	echo
	echo "In-process benchmarks (go test -bench, 3 runs each):"
	echo
	go test -run '^$' -bench 'Solve40Programs|Solve120Programs|SolveOffice|EditToRedraw|WeekView|Startup' \
		-benchmem -count 3 ./planner ./tui . | grep -E '^Benchmark'
fi

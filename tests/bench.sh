#!/bin/sh
# Benchmarks (make bench); never part of make test.
#
# parse: `goesc parse` over every .go file of $GOROOT/src outside testdata,
# against the speed anchor ../shared/tools/parsebench (go/parser over the
# same files, one after another), when ../shared exists.  Each command runs
# REPS times (default 5), alternating; the best user+sys CPU time of each
# is compared.  Target: goesc <= 1/3 of go/parser.
#
# Environment: GOESC (default build/goesc), REPS, CC (for the small
# rusage helper, tests/tools/rusage).
set -u
ROOT=${ROOT:-$(cd "$(dirname "$0")/.." && pwd)}
. "$ROOT/tests/lib/common.sh"
LC_ALL=C
export LC_ALL

REPS=${REPS:-5}
OUT=$ROOT/build/bench
mkdir -p "$OUT"
need_goesc bench || exit 1
find_go bench || exit 1

RUSAGE=$OUT/rusage
if [ ! -x "$RUSAGE" ] || [ "$ROOT/tests/tools/rusage/rusage.c" -nt "$RUSAGE" ]; then
    ${CC:-cc} -std=c11 -O2 -o "$RUSAGE" "$ROOT/tests/tools/rusage/rusage.c" || exit 1
fi

ANCHOR=
if [ -d "$ROOT/../shared/tools/parsebench" ]; then
    if "$GO" build -C "$ROOT/../shared/tools/parsebench" -o "$OUT/parsebench" .; then
        ANCHOR=$OUT/parsebench
    else
        echo "bench: building ../shared/tools/parsebench failed; the anchor is unavailable"
    fi
else
    echo "bench: ../shared/tools/parsebench not found; the anchor is unavailable"
fi

find "$GOROOT/src" -name '*.go' -not -path '*/testdata/*' | sort >"$OUT/files"
nfiles=$(wc -l <"$OUT/files")
nbytes=$(tr '\n' '\0' <"$OUT/files" | xargs -0 cat | wc -c)
IFS='
'
# shellcheck disable=SC2046
set -- $(cat "$OUT/files")
unset IFS

# run NAME CMD...: one timed run; appends "cpu wall maxrss" to OUT/NAME.times
run() {
    name=$1
    shift
    if ! "$RUSAGE" "$OUT/ru" "$@" >"$OUT/$name.out" 2>"$OUT/$name.err"; then
        echo "bench: $name failed:"
        head -5 "$OUT/$name.err"
        exit 1
    fi
    awk '{ printf "%.3f %.3f %d\n", $1 + $2, $3, $4 }' "$OUT/ru" >>"$OUT/$name.times"
}

rm -f "$OUT"/*.times
echo "parse: $nfiles files, $((nbytes / 1048576)) MB of \$GOROOT/src (best of $REPS runs)"
# warm the page cache
run warmup "$GOESC" parse "$@"
i=0
while [ $i -lt "$REPS" ]; do
    run goesc "$GOESC" parse "$@"
    [ -n "$ANCHOR" ] && run goparser "$ANCHOR" "$@"
    i=$((i + 1))
done

# best: the line with the least CPU time
best() { sort -n "$OUT/$1.times" | head -1; }
report() {
    best "$1" | awk -v n="$2" -v mb="$nbytes" '{
        printf "  %-22s cpu %6.3fs  wall %6.3fs  peak RSS %5d MB  (%.0f MB/s)\n", n, $1, $2, $3 / 1024, mb / 1048576 / $1 }'
}
report goesc "goesc parse"
if [ -n "$ANCHOR" ]; then
    report goparser "go/parser (parsebench)"
    g=$(best goesc | cut -d' ' -f1)
    a=$(best goparser | cut -d' ' -f1)
    awk -v g="$g" -v a="$a" 'BEGIN {
        r = g / a
        printf "  ratio goesc/go/parser: %.3f (target <= 0.333): %s\n", r, r <= 1 / 3 ? "OK" : "above target"
    }'
fi

# ---- types: `goesc types std` against go/types on the same packages ----------
# Anchor: ../shared/tools/typesoracle -quiet std (go list + go/parser +
# go/types over std and its dependencies).  Both run `go list` themselves;
# its CPU time counts for both.  Target: goesc <= 1/2 of go/types.
TANCHOR=
if [ -d "$ROOT/../shared/tools/typesoracle" ]; then
    if "$GO" build -C "$ROOT/../shared/tools/typesoracle" -o "$OUT/typesoracle" .; then
        TANCHOR=$OUT/typesoracle
    else
        echo "bench: building ../shared/tools/typesoracle failed; the anchor is unavailable"
    fi
else
    echo "bench: ../shared/tools/typesoracle not found; the anchor is unavailable"
fi
CGO_ENABLED=0
export CGO_ENABLED
echo "types: std (CGO_ENABLED=0, best of $REPS runs)"
run warmup-types "$GOESC" types std
i=0
while [ $i -lt "$REPS" ]; do
    run goesc-types "$GOESC" types std
    [ -n "$TANCHOR" ] && run gotypes "$TANCHOR" -quiet std
    i=$((i + 1))
done
treport() {
    best "$1" | awk -v n="$2" '{
        printf "  %-22s cpu %6.3fs  wall %6.3fs  peak RSS %5d MB\n", n, $1, $2, $3 / 1024 }'
}
treport goesc-types "goesc types"
if [ -n "$TANCHOR" ]; then
    treport gotypes "go/types (typesoracle)"
    g=$(best goesc-types | cut -d' ' -f1)
    a=$(best gotypes | cut -d' ' -f1)
    awk -v g="$g" -v a="$a" 'BEGIN {
        r = g / a
        printf "  ratio goesc/go/types: %.3f (target <= 0.5): %s\n", r, r <= 1 / 2 ? "OK" : "above target"
    }'
fi

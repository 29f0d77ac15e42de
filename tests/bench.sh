#!/bin/sh
# Benchmarks (make bench); never part of make test.
#
# parse: `goesc parse` over every .go file of $GOROOT/src outside testdata,
# against the speed anchor ../shared/tools/parsebench (go/parser over the
# same files, one after another), when ../shared exists.  Each command runs
# REPS times (default 5), alternating; the best user+sys CPU time of each
# is compared.  Target: goesc <= 1/3 of go/parser.
#
# types: `goesc types std` against go/types (../shared/tools/typesoracle).
# escape: `goesc build -gcflags='-m -l' std` against `go build -a` with the
# same flags, one run each.  Target: goesc <= 1/10 of gc's CPU time.
#
# Environment: GOESC (default build/goesc), REPS, BENCH (sections to run,
# default parse,types,escape), CC (for the small
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
# best: the line with the least CPU time
best() { sort -n "$OUT/$1.times" | head -1; }
report() {
    best "$1" | awk -v n="$2" -v mb="$nbytes" '{
        printf "  %-22s cpu %6.3fs  wall %6.3fs  peak RSS %5d MB  (%.0f MB/s)\n", n, $1, $2, $3 / 1024, mb / 1048576 / $1 }'
}
treport() {
    best "$1" | awk -v n="$2" '{
        printf "  %-22s cpu %6.3fs  wall %6.3fs  peak RSS %5d MB\n", n, $1, $2, $3 / 1024 }'
}
# want SECTION: whether BENCH (default all: parse,types,escape) selects it
want() {
    case ",${BENCH:-parse,types,escape}," in
    *",$1,"*) return 0 ;;
    esac
    return 1
}

if want parse; then
echo "parse: $nfiles files, $((nbytes / 1048576)) MB of \$GOROOT/src (best of $REPS runs)"
# warm the page cache
run warmup "$GOESC" parse "$@"
i=0
while [ $i -lt "$REPS" ]; do
    run goesc "$GOESC" parse "$@"
    [ -n "$ANCHOR" ] && run goparser "$ANCHOR" "$@"
    i=$((i + 1))
done

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
if want types; then
echo "types: std (CGO_ENABLED=0, best of $REPS runs)"
run warmup-types "$GOESC" types std
i=0
while [ $i -lt "$REPS" ]; do
    run goesc-types "$GOESC" types std
    [ -n "$TANCHOR" ] && run gotypes "$TANCHOR" -quiet std
    i=$((i + 1))
done
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

fi

# ---- escape: `goesc build` against `go build -a`, -gcflags='-m -l' std -------------
# One run each (go build -a takes a minute of CPU), from an empty directory,
# CGO_ENABLED=0 (set above).  gc's CPU time includes every compile it runs
# (the rusage helper counts waited-for children); go build -a also
# assembles and writes export data, which goesc does not do, but it is the
# command a user would otherwise run.  Target: goesc <= 1/10 of go build.
if want escape; then
echo "escape: goesc build vs go build -a, -gcflags='-m -l' std (CGO_ENABLED=0, one run each)"
mkdir -p "$OUT/cwd"
# erun NAME CMD...: like run, but a failing command is reported, not fatal
erun() {
    name=$1
    shift
    (cd "$OUT/cwd" && "$RUSAGE" "$OUT/ru" "$@") >"$OUT/$name.out" 2>"$OUT/$name.err"
    st=$?
    awk '{ printf "%.3f %.3f %d\n", $1 + $2, $3, $4 }' "$OUT/ru" >"$OUT/$name.times"
    [ $st -le 1 ] || echo "  ($name exited with status $st: $(grep -m1 '^goesc:' "$OUT/$name.err"))"
}
erun goesc-build "$GOESC" build -gcflags='-m -l' std
erun gobuild "$GO" build -a -gcflags='-m -l' std
treport goesc-build "goesc build"
treport gobuild "go build -a"
g=$(best goesc-build | cut -d' ' -f1)
a=$(best gobuild | cut -d' ' -f1)
awk -v g="$g" -v a="$a" 'BEGIN {
    r = g / a
    printf "  ratio goesc/go build: %.3f (target <= 0.1): %s\n", r, r <= 0.1 ? "OK" : "above target"
}'
fi

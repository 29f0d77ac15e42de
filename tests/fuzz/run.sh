#!/bin/sh
# make fuzz: builds a libFuzzer target with clang
# -fsanitize=fuzzer,address,undefined and runs a bounded campaign:
#   FUZZ_TARGET=syntax (default)  tests/fuzz/fuzz_syntax.c: scanner, parser,
#                                 dumps and printer
#   FUZZ_TARGET=escape            tests/fuzz/fuzz_escape.c: the checker, the
#                                 lowering, escape analysis and walk
#   FUZZ_TARGET=exportdata        tests/fuzz/fuzz_exportdata.c: the reader
#                                 of gc's export data (seeded with a few
#                                 std packages' export files)
#
# Seeds: tests/fuzz/seeds/*.go, plus the small .go files of $GOROOT/test
# (copied at run time when Go is available).  New inputs accumulate in
# build/fuzz/corpus[-TARGET]; findings (crash-*, leak-*, timeout-*, oom-*)
# land in build/fuzz/findings.  Reproduce one with
#   build/fuzz/fuzz_TARGET build/fuzz/findings/crash-...
#
# Environment: FUZZ_SECONDS (default 120), FUZZ_WORKERS (parallel fuzzing
# processes, default 1), FUZZ_MAX_LEN (default 16384), CLANG (default clang).
# Exit status 1 when there are findings (or the build fails).
set -u
ROOT=${ROOT:-$(cd "$(dirname "$0")/../.." && pwd)}
LC_ALL=C
export LC_ALL

FUZZ_SECONDS=${FUZZ_SECONDS:-120}
FUZZ_WORKERS=${FUZZ_WORKERS:-1}
FUZZ_MAX_LEN=${FUZZ_MAX_LEN:-16384}
CLANG=${CLANG:-clang}
FUZZ_TARGET=${FUZZ_TARGET:-syntax}
OUT=$ROOT/build/fuzz
BIN=$OUT/fuzz_$FUZZ_TARGET
EXTRA=
SEEDS="$ROOT/tests/fuzz/seeds $OUT/gotest-seeds"
DICT="-dict=$ROOT/tests/fuzz/go.dict"
case $FUZZ_TARGET in
syntax) MODS="base syntax" CORPUS=$OUT/corpus ;;
escape) MODS="base syntax types ir escape walk" CORPUS=$OUT/corpus-escape ;;
exportdata)
    MODS=base EXTRA=$ROOT/src/load/exportdata.c CORPUS=$OUT/corpus-exportdata
    SEEDS=$OUT/export-seeds DICT=
    FUZZ_MAX_LEN=${FUZZ_MAX_LEN_EXPORT:-131072}
    ;;
*) echo "fuzz: unknown FUZZ_TARGET $FUZZ_TARGET (syntax, escape or exportdata)" >&2; exit 1 ;;
esac
mkdir -p "$CORPUS" "$OUT/findings" "$OUT/gotest-seeds" "$OUT/export-seeds"

if ! command -v "$CLANG" >/dev/null 2>&1; then
    echo "fuzz: $CLANG not found (apt-get install clang libclang-rt-14-dev)" >&2
    exit 1
fi

# ---- build (the syntax module and what it stands on) --------------------------
SRCS="$ROOT/tests/fuzz/fuzz_$FUZZ_TARGET.c $EXTRA"
HDRS=
for m in $MODS; do
    SRCS="$SRCS $(ls "$ROOT"/src/$m/*.c)"
    HDRS="$HDRS $(ls "$ROOT"/src/$m/*.h "$ROOT"/src/$m/*.inc 2>/dev/null)"
done
stale=no
[ -x "$BIN" ] || stale=yes
for f in $SRCS $HDRS; do
    [ "$f" -nt "$BIN" ] && stale=yes
done
if [ $stale = yes ]; then
    echo "fuzz: building $BIN"
    # shellcheck disable=SC2086
    if ! "$CLANG" -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -g -O1 -Wall -Wextra -Wno-unused-parameter \
        -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined \
        -I"$ROOT/src" -o "$BIN.tmp" $SRCS -lpthread -lm; then
        echo "fuzz: building the fuzz target failed (libFuzzer needs libclang-rt-*-dev)" >&2
        exit 1
    fi
    mv "$BIN.tmp" "$BIN"
fi

# ---- seeds: our own, plus small files from $GOROOT/test ------------------------
GO=${GO:-$(command -v go 2>/dev/null || echo /usr/local/go/bin/go)}
if GOROOT=$("$GO" env GOROOT 2>/dev/null) && [ -d "$GOROOT/test" ]; then
    if [ -z "$(ls "$OUT/gotest-seeds")" ]; then
        find "$GOROOT/test" -name '*.go' -size -4k | while IFS= read -r f; do
            cp "$f" "$OUT/gotest-seeds/$(echo "${f#"$GOROOT"/test/}" | tr / _)"
        done
    fi
    # export data of a few small std packages (archives from the build cache)
    if [ "$FUZZ_TARGET" = exportdata ] && [ -z "$(ls "$OUT/export-seeds")" ]; then
        CGO_ENABLED=0 GOFLAGS= "$GO" list -export -f '{{.ImportPath}} {{.Export}}' \
            cmp errors unicode/utf8 math/bits container/list 2>/dev/null |
            while read -r p f; do
                [ -n "$f" ] && cp "$f" "$OUT/export-seeds/$(echo "$p" | tr / _).a"
            done
    fi
else
    echo "fuzz: Go not found; seeding from tests/fuzz/seeds only"
fi

# ---- the campaign ---------------------------------------------------------------
before=$(ls "$OUT/findings" | wc -l)
nseeds=0
for d in $SEEDS; do nseeds=$((nseeds + $(ls "$d" | wc -l))); done
echo "fuzz ($FUZZ_TARGET): ${FUZZ_SECONDS}s with $FUZZ_WORKERS worker(s); corpus $(ls "$CORPUS" | wc -l) inputs," \
    "$nseeds seeds"
log=$OUT/fuzz-$FUZZ_TARGET.log
# the target runs on the main thread: room for 10000 levels of nesting
ulimit -s 1048576 2>/dev/null || ulimit -s unlimited 2>/dev/null || true
if [ "$FUZZ_WORKERS" -gt 1 ]; then
    par="-fork=$FUZZ_WORKERS -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1"
else
    par=
fi
# shellcheck disable=SC2086
"$BIN" -max_total_time="$FUZZ_SECONDS" -max_len="$FUZZ_MAX_LEN" -timeout=10 -rss_limit_mb=4096 \
    $DICT -artifact_prefix="$OUT/findings/" -print_final_stats=1 $par \
    "$CORPUS" $SEEDS >"$log" 2>&1
rc=$?

execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
[ -z "$execs" ] && execs=$(sed -n 's/^Done \([0-9]*\) runs.*/\1/p' "$log" | tail -1)
# with -fork, the children's totals
[ -z "$execs" ] && execs=$(sed -n 's/^#\([0-9]*\).*/\1/p' "$log" | tail -1)
cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1)
after=$(ls "$OUT/findings" | wc -l)
new=$((after - before))
echo "fuzz: ${execs:-?} executions, ${cov:-cov: ?}, corpus $(ls "$CORPUS" | wc -l) inputs," \
    "$new new finding(s) ($after in $OUT/findings)"
if [ "$new" -gt 0 ] || [ $rc -ne 0 ]; then
    ls -t "$OUT/findings" | head -"$((new > 0 ? new : 1))" | sed "s|^|  $OUT/findings/|"
    grep -E '^(==[0-9]+==ERROR|SUMMARY|.*runtime error)' "$log" | head -10 | sed 's/^/  /'
    echo "fuzz: FAILED (exit $rc); log in $log; reproduce with $BIN FILE"
    exit 1
fi
echo "fuzz: OK"

#!/bin/sh
# The range-over-func rewrite (src/ir/rangefunc.c) against gc's.
#
#   rangefunc/NAME   tests/passes/testdata/NAME.go (import-free files with
#                    range-over-func loops): the rewritten function bodies,
#                    printed by tests/passes/rfdump.c in the format of gc's
#                    syntax.Fdump, equal what `go tool compile -W=1` prints
#                    (every synthetic variable, statement and position).
#
# rfdump is linked from the objects `make` built (base, syntax, types and
# src/ir/rangefunc.o).
set -u
ROOT=${ROOT:-$(cd "$(dirname "$0")/../.." && pwd)}
. "$ROOT/tests/lib/common.sh"

OUT=$TBUILD/passes-rangefunc
rm -rf "$OUT"
mkdir -p "$OUT"
find_go rangefunc || exit 1
OBJ=$(dirname "$GOESC")/obj
if [ ! -f "$OBJ/src/ir/rangefunc.o" ]; then
    fail rangefunc "$OBJ/src/ir/rangefunc.o not built (run make)"
    exit 1
fi
CC=${CC:-cc}
# the sanitizer flags of the build, if any, must be used for linking too
SAN=
grep -q __asan_init "$GOESC" 2>/dev/null && SAN="-fsanitize=address,undefined"
if ! $CC -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -O1 -g $SAN -I"$ROOT/src" \
    -o "$OUT/rfdump" "$ROOT/tests/passes/rfdump.c" "$OBJ"/src/base/*.o "$OBJ"/src/syntax/*.o \
    "$OBJ"/src/types/*.o "$OBJ/src/ir/rangefunc.o" -lpthread -lm 2>"$OUT/build.err"; then
    fail rangefunc "cannot build tests/passes/rfdump.c"
    detail "$OUT/build.err"
    exit 1
fi

cd "$ROOT/tests/passes/testdata" || exit 1
for src in rangefunc*.go; do
    name=${src%.go}
    "$OUT/rfdump" "$src" >"$OUT/$name.goesc" 2>"$OUT/$name.err"
    # gc prints the dumps before its other -W sections, which start with
    # an empty line followed by "before ..."
    "$GO" tool compile -p p -l -W=1 -o "$OUT/$name.o" "$src" 2>&1 |
        awk '/^$/ { getline nx; if (nx ~ /^before /) exit; print ""; print nx; next } { print }' \
            >"$OUT/$name.gc"
    # SliceExpr.Index prints pointers in gc's dump
    sed -i 's/Index: \[.*\]$/Index: [...]/' "$OUT/$name.gc"
    if [ -s "$OUT/$name.err" ]; then
        fail "rangefunc/$name" "rfdump reported errors"
        detail "$OUT/$name.err"
    elif ! cmp -s "$OUT/$name.gc" "$OUT/$name.goesc"; then
        fail "rangefunc/$name" "rewritten bodies differ (-gc +goesc)"
        diff "$OUT/$name.gc" "$OUT/$name.goesc" >"$OUT/$name.diff"
        detail "$OUT/$name.diff"
    else
        pass "rangefunc/$name"
    fi
done

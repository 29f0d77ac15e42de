#!/bin/sh
# Differential test of goesc's constant arithmetic (src/types/constant*.c,
# bigint.c, bigfloat.c) against go/constant: gen/main.go prints cases with
# go/constant's results, driver.c evaluates the same programs with goesc's
# implementation and compares.
#
# Environment: GO, CC, CFLAGS (driver build flags; under `make asan` the
# driver is built with the sanitizers), N (random cases, default 40000),
# SEED (default 1).
# Prints "PASS constant-diff" or "FAIL constant-diff: N mismatches" followed
# by the first mismatches.
set -u
here=$(cd "$(dirname "$0")" && pwd)
ROOT=${ROOT:-$(cd "$here/../../.." && pwd)}
. "$ROOT/tests/lib/common.sh"

name=constant-diff
find_go "$name" || exit 1
out=$TBUILD/constant-diff
mkdir -p "$out"
CC=${CC:-cc}
N=${N:-40000}
SEED=${SEED:-1}
# the sources under test and what they need from base
srcs="src/types/constant.c src/types/constlit.c src/types/constfmt.c src/types/bigint.c
src/types/bigfloat.c src/base/mem.c src/base/buf.c src/base/utf8.c src/base/strconv.c"
sanflags="-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined"

(cd "$here/gen" && GOFLAGS=-mod=mod "$GO" build -o "$out/gen" .) >"$out/build.log" 2>&1 || {
    fail "$name" "cannot build gen"
    detail "$out/build.log"
    exit 1
}

# Reuse the objects of the build under test ($GOESC's directory) when they
# are up to date (per the dependency files the Makefile writes) and no
# CFLAGS were given; otherwise compile the sources.
objdir=$(dirname "$GOESC")/obj
fresh() { # fresh OBJ: OBJ and its .d exist and nothing it depends on is newer
    [ -f "$1" ] && [ -f "${1%.o}.d" ] || return 1
    for f in $(sed -n '1,/[^\\]$/p' "${1%.o}.d" | sed -e 's/\\$//' -e 's/^[^:]*://'); do
        (cd "$ROOT" && [ "$f" -nt "$1" ]) && return 1
    done
    return 0
}
objs=
if [ -z "${CFLAGS:-}" ]; then
    for s in $srcs; do
        o=$objdir/${s%.c}.o
        if ! fresh "$o"; then objs=; break; fi
        objs="$objs $o"
    done
    if [ "$TIMESCALE" -gt 1 ]; then CFLAGS="-O1 -g $sanflags"; else CFLAGS="-O2 -g"; fi
fi
ccflags="-std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -Wall -Wextra -Wshadow -Wno-unused-parameter"
: >"$out/build.log"
if [ -z "$objs" ]; then
    mkdir -p "$out/obj"
    pids=
    for s in $srcs; do
        o=$out/obj/$(basename "${s%.c}").o
        # shellcheck disable=SC2086
        $CC $ccflags $CFLAGS -I"$ROOT/src" -c -o "$o" "$ROOT/$s" >>"$out/build.log" 2>&1 &
        pids="$pids $!"
        objs="$objs $o"
    done
    ok=1
    for p in $pids; do wait "$p" || ok=0; done
    [ $ok -eq 1 ] || { fail "$name" "cannot compile"; detail "$out/build.log"; exit 1; }
fi
# shellcheck disable=SC2086
$CC $ccflags $CFLAGS -I"$ROOT/src" -o "$out/driver" "$here/driver.c" $objs -lm \
    >>"$out/build.log" 2>&1 || {
    fail "$name" "cannot build driver"
    detail "$out/build.log"
    exit 1
}
"$out/gen" -n "$N" -seed "$SEED" >"$out/cases.txt" || { fail "$name" "gen failed"; exit 1; }
"$out/driver" 10 <"$out/cases.txt" >"$out/result.txt" 2>&1
status=$?
summary=$(tail -n 1 "$out/result.txt")
case "$summary" in
*" cases, 0 mismatches")
    if [ $status -ne 0 ]; then
        fail "$name" "driver exit status $status"
        detail "$out/result.txt"
        exit 1
    fi
    pass "$name ($summary)"
    ;;
*" mismatches")
    fail "$name" "$(echo "$summary" | sed 's/.*cases, //')"
    detail "$out/result.txt" 30
    exit 1
    ;;
*)
    fail "$name" "driver crashed (status $status)"
    detail "$out/result.txt"
    exit 1
    ;;
esac

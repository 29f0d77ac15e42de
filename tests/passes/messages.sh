#!/bin/sh
# The front-end passes (src/ir: devirtualize, loopvar, staticinit,
# deadlocals; docs/escape-ir.md §1) end to end: for every
# tests/passes/testdata/*.go other than rangefunc*.go (see rangefunc.sh),
# `goesc compile -p p -l -m` prints exactly what `go tool compile -p p -l -m`
# prints (devirtualizing messages, and the escape messages that depend on
# the passes' rewrites).
#
#   messages/NAME   the -m output of NAME.go is gc's (deadlocals*.go also
#                   with -N and -d=nodeadlocals=1; loopvar*, deadlocals*
#                   and staticinit2 also at -m=2)
set -u
ROOT=${ROOT:-$(cd "$(dirname "$0")/../.." && pwd)}
. "$ROOT/tests/lib/common.sh"

OUT=$TBUILD/passes-messages
rm -rf "$OUT"
mkdir -p "$OUT"
need_goesc messages || exit 1
find_go messages || exit 1

# check NAME SRC FLAGS...
check() {
    c_name=$1
    c_src=$2
    shift 2
    "$GO" tool compile -p p "$@" -o "$OUT/$c_name.gc.o" "$c_src" >"$OUT/$c_name.gc" 2>&1
    "$GOESC" compile -p p "$@" -o "$OUT/$c_name.goesc.o" "$c_src" >"$OUT/$c_name.goesc" 2>&1
    if cmp -s "$OUT/$c_name.gc" "$OUT/$c_name.goesc"; then
        pass "messages/$c_name"
    else
        fail "messages/$c_name" "output of $* differs (-gc +goesc)"
        diff "$OUT/$c_name.gc" "$OUT/$c_name.goesc" >"$OUT/$c_name.diff"
        detail "$OUT/$c_name.diff"
    fi
}

cd "$ROOT/tests/passes/testdata" || exit 1
for src in *.go; do
    name=${src%.go}
    case $name in rangefunc*) continue ;; esac
    check "$name" "$src" -l -m
    case $name in
    deadlocals*)
        # the pass is off with -N and -d=nodeadlocals=1
        check "$name-N" "$src" -l -m -N
        check "$name-nodeadlocals" "$src" -l -m -d=nodeadlocals=1
        ;;
    esac
    case $name in
    loopvar* | deadlocals* | staticinit2)
        # files whose -m=2 explanations involve no method wrappers
        check "$name-m2" "$src" -l -m=2
        ;;
    esac
done

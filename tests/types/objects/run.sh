#!/bin/sh
# Every object of the standard library, identifier by identifier, against
# go/types: `goesc types --objects std` and tests/tools/objects (a Go
# program that prints Info.Defs and Info.Uses in the same format) must
# print identical lines.  CGO_ENABLED=0, as the judged comparison runs.
#
# Prints "PASS objects/std (N objects)" or "FAIL objects/std: ..." with
# the first differences.  OBJECTS_PKGS overrides the packages (default std).
set -u
here=$(cd "$(dirname "$0")" && pwd)
ROOT=${ROOT:-$(cd "$here/../../.." && pwd)}
. "$ROOT/tests/lib/common.sh"

find_go objects || exit 1
need_goesc objects || exit 1
out=$TBUILD/objects
mkdir -p "$out"
PKGS=${OBJECTS_PKGS:-std}

tool=$out/objects
if [ ! -x "$tool" ] || [ "$ROOT/tests/tools/objects/main.go" -nt "$tool" ]; then
    if ! (cd "$ROOT/tests/tools/objects" && GOFLAGS= go build -o "$tool" .) >"$out/build.log" 2>&1; then
        fail objects "cannot build tests/tools/objects"
        sed 's/^/    /' "$out/build.log"
        exit 0
    fi
fi

CGO_ENABLED=0
export CGO_ENABLED
# shellcheck disable=SC2086
"$tool" $PKGS >"$out/want.txt" 2>"$out/want.err" &
refpid=$!
# shellcheck disable=SC2086
"$GOESC" types --objects $PKGS >"$out/got.txt" 2>"$out/got.err"
rc=$?
wait $refpid
if [ $rc -ne 0 ]; then
    fail objects/std "goesc types exited with $rc"
    head -20 "$out/got.err" | sed 's/^/    /'
    exit 0
fi
n=$(wc -l <"$out/want.txt")
if cmp -s "$out/want.txt" "$out/got.txt"; then
    pass "objects/std ($n objects)"
else
    fail objects/std "differences with go/types (< go/types, > goesc)"
    diff "$out/want.txt" "$out/got.txt" | head -30 | sed 's/^/    /'
fi
exit 0

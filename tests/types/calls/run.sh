#!/bin/sh
# Type errors of calls, selectors, builtins, conversions and method sets
# (src/types/call.c, builtins.c, conversions.c, lookup.c) against gc's.
#
# Each directory testdata/NAME is a module whose root package has type
# errors.  `goesc types ./` must print exactly what gc prints for it
# (`go build -gcflags=-e ./`: -e lifts gc's limit of 10 errors), with
# paths made relative to the module the way the go command prints them.
#
# Prints "PASS calls/NAME" or "FAIL calls/NAME: ..." with a diff.
set -u
here=$(cd "$(dirname "$0")" && pwd)
ROOT=${ROOT:-$(cd "$here/../../.." && pwd)}
. "$ROOT/tests/lib/common.sh"

find_go calls || exit 1
need_goesc calls || exit 1
out=$TBUILD/calls
rm -rf "$out"
mkdir -p "$out"

for dir in "$here"/testdata/*/; do
    name=$(basename "$dir")
    work=$out/$name
    cp -r "$dir" "$work"
    # gc: drop the "# pkg" header; paths are "./file.go"
    (cd "$work" && CGO_ENABLED=0 GOFLAGS= "$GO" build -gcflags=-e ./ 2>&1) |
        grep -v '^#' >"$out/$name.want"
    # goesc prints absolute paths (also inside messages: "declared at ...")
    (cd "$work" && CGO_ENABLED=0 GOFLAGS= "$GOESC" types ./ 2>&1) |
        sed "s|$work/|./|g" >"$out/$name.got"
    if [ ! -s "$out/$name.want" ]; then
        fail "calls/$name" "gc reports no errors (a test case must have some)"
    elif diff "$out/$name.want" "$out/$name.got" >"$out/$name.diff"; then
        pass "calls/$name"
    else
        fail "calls/$name" "errors differ from gc's (< gc, > goesc)"
        detail "$out/$name.diff" 30
    fi
done
exit 0

#!/bin/sh
# Type errors of calls, selectors, builtins, conversions and method sets
# (src/types/call.c, builtins.c, conversions.c, lookup.c) against gc's.
#
# Each directory testdata/NAME is a module whose root package has type
# errors.  `goesc types ./` must print exactly what gc prints for it
# (`go build -gcflags=-e ./`: -e lifts gc's limit of 10 errors), with
# paths made relative to the module the way the go command prints them.
#
# The same for files of types2's own test corpus about these areas
# ($GOROOT/src/internal/types/testdata/...; see CORPUS below), each as the
# only file of a module: "PASS calls/corpus/NAME".
#
# Prints "PASS calls/NAME" or "FAIL calls/NAME: ..." with a diff.
set -u
here=$(cd "$(dirname "$0")" && pwd)
ROOT=${ROOT:-$(cd "$here/../../.." && pwd)}
. "$ROOT/tests/lib/common.sh"
# absolute paths: the steps below run in other directories
case $GOESC in /*) ;; *) GOESC=$(pwd)/$GOESC ;; esac
case $TBUILD in /*) ;; *) TBUILD=$(pwd)/$TBUILD ;; esac

find_go calls || exit 1
need_goesc calls || exit 1
out=$TBUILD/calls
rm -rf "$out"
mkdir -p "$out"

# types2 test files (relative to $GOROOT/src/internal/types/testdata)
CORPUS="check/builtins0.go check/builtins1.go check/conversions0.go check/conversions1.go
check/lookup1.go check/lookup2.go check/methodsets.go check/funcinference.go
check/typeinference.go check/typeparams.go check/issues1.go spec/conversions.go
examples/inference.go examples/methods.go fixedbugs/issue49541.go fixedbugs/issue51229.go
fixedbugs/issue50929.go fixedbugs/issue45985.go fixedbugs/issue51232.go"

cases=
for dir in "$here"/testdata/*/; do
    cases="$cases $(basename "$dir")"
done
for f in $CORPUS; do
    [ -f "$GOROOT/src/internal/types/testdata/$f" ] && cases="$cases corpus/$(basename "$f" .go)"
done

for name in $cases; do
    work=$out/$name
    case $name in
    corpus/*)
        mkdir -p "$work"
        src=$(for f in $CORPUS; do case $f in */"${name#corpus/}".go) echo "$f" ;; esac; done)
        cp "$GOROOT/src/internal/types/testdata/$src" "$work/a.go"
        printf 'module m\n\ngo 1.26\n' >"$work/go.mod"
        ;;
    *)
        cp -r "$here/testdata/$name" "$work"
        ;;
    esac
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

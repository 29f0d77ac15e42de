#!/bin/sh
# Type errors of expressions, assignments, index/slice expressions and
# literals (src/types/expr.c, operand.c, const.c, assignments.c, index.c,
# literals.c) against gc's.
#
# Each directory testdata/NAME is a module whose root package has type
# errors.  `goesc types ./` must print exactly what gc prints for it
# (`go build -gcflags=-e ./`: -e lifts gc's limit of 10 errors), with
# paths made relative to the module the way the go command prints them.
#
# The same for files of types2's own test corpus about these areas
# ($GOROOT/src/internal/types/testdata/...; see CORPUS below), each as the
# only file of a module: "PASS expr/corpus/NAME".
#
# Prints "PASS expr/NAME" or "FAIL expr/NAME: ..." with a diff.
set -u
here=$(cd "$(dirname "$0")" && pwd)
ROOT=${ROOT:-$(cd "$here/../../.." && pwd)}
. "$ROOT/tests/lib/common.sh"

find_go expr || exit 1
need_goesc expr || exit 1
out=$TBUILD/expr
rm -rf "$out"
mkdir -p "$out"

# types2 test files (relative to $GOROOT/src/internal/types/testdata).
# check/expr3.go has parse errors that are not "syntax error"s: gc
# type-checks such files anyway.
CORPUS="check/expr0.go check/expr1.go check/expr2.go check/expr3.go check/const0.go
check/const1.go check/constdecl.go check/shifts.go check/literals.go
check/vardecl.go check/map0.go check/blank.go check/slices.go spec/assignability.go
spec/comparisons.go spec/comparable.go fixedbugs/issue43190.go"

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
        fail "expr/$name" "gc reports no errors (a test case must have some)"
    elif diff "$out/$name.want" "$out/$name.got" >"$out/$name.diff"; then
        pass "expr/$name"
    else
        fail "expr/$name" "errors differ from gc's (< gc, > goesc)"
        detail "$out/$name.diff" 30
    fi
done
exit 0

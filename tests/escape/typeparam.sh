#!/bin/sh
# The generics conformance sweep: every $GOROOT/test/typeparam file that
# the Go test suite compiles (header "// run", "// compile" or "// build"),
# `goesc compile -p main -l -m` against `go tool compile` with the same
# importcfg: whole output and exit status must be identical.
#
#   escape/typeparam   one line for the sweep (the differing files are
#                      listed under a FAIL); gc's outputs are cached under
#                      $TCACHE (they depend only on the Go version).
#
# Expected differences (XFAIL below, each with its reason) are not
# failures, but an expected difference that disappears is reported so the
# list stays honest.  Sanitizer builds check every tenth file (the sweep
# runs the whole checker and analysis on each file's dependencies).
set -u
ROOT=${ROOT:-$(cd "$(dirname "$0")/../.." && pwd)}
. "$ROOT/tests/lib/common.sh"

# NAME: reason
XFAIL='
nested.go: types declared inside generic functions are instantiated with the function'"'"'s type arguments (gc names them T[go.shape.int;go.shape.int]); goesc names them as plain local types
'

find_go escape/typeparam || exit 1
need_goesc escape/typeparam || exit 1
OUT=$TBUILD/escape-typeparam
rm -rf "$OUT"
mkdir -p "$OUT" "$TCACHE"
IMPORTCFG=$TCACHE/importcfg-$GOVERSION
if [ ! -s "$IMPORTCFG" ]; then
    "$GO" list -export -f '{{if .Export}}packagefile {{.ImportPath}}={{.Export}}{{end}}' std >"$IMPORTCFG.tmp.$$" 2>/dev/null &&
        mv "$IMPORTCFG.tmp.$$" "$IMPORTCFG"
fi
GCDIR=$TCACHE/typeparam-$GOVERSION
mkdir -p "$GCDIR"

start=$(now_ms)
n=0 same=0 xfail=0
: >"$OUT/differ"
: >"$OUT/fixed"
i=0
for f in "$GOROOT"/test/typeparam/*.go; do
    case $(head -n 1 "$f") in
    "// run" | "// compile" | "// build") ;;
    *) continue ;;
    esac
    i=$((i + 1))
    [ "$TIMESCALE" -gt 1 ] && [ $((i % 10)) -ne 0 ] && continue
    name=$(basename "$f")
    gc=$GCDIR/$name.out
    if [ ! -f "$gc" ]; then
        (cd "$OUT" && "$GO" tool compile -p main -l -m -importcfg "$IMPORTCFG" -o gc.o "$f" >"$gc.tmp" 2>&1
            echo "exit $?" >>"$gc.tmp")
        mv "$gc.tmp" "$gc"
    fi
    (cd "$OUT" && "$GOESC" compile -p main -l -m -importcfg "$IMPORTCFG" -o goesc.o "$f" >"$OUT/$name.goesc" 2>&1
        echo "exit $?" >>"$OUT/$name.goesc")
    n=$((n + 1))
    expected=$(echo "$XFAIL" | grep "^$name:" || true)
    if cmp -s "$gc" "$OUT/$name.goesc"; then
        same=$((same + 1))
        [ -n "$expected" ] && echo "$name" >>"$OUT/fixed"
        rm -f "$OUT/$name.goesc"
    elif [ -n "$expected" ]; then
        xfail=$((xfail + 1))
    else
        echo "$name: $(diff "$gc" "$OUT/$name.goesc" | grep -c '^[<>]') differing lines" >>"$OUT/differ"
    fi
done
ms=$(($(now_ms) - start))
if [ -s "$OUT/differ" ] || [ -s "$OUT/fixed" ]; then
    fail escape/typeparam "$same of $n files identical, $xfail expected differences (${ms}ms); outputs in $OUT"
    detail "$OUT/differ" 20
    [ -s "$OUT/fixed" ] && sed 's/$/: identical now, remove it from XFAIL/' "$OUT/fixed" | sed 's/^/    /'
else
    pass "escape/typeparam: $same of $n files identical, $xfail expected differences (${ms}ms)"
fi

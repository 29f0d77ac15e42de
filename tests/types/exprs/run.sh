#!/bin/sh
# Differential test of the types, modes and constant values the checker
# records for expressions (calls and their functions, selectors with
# their selections, literals, operations, identifier uses) against
# go/types' Info.Types and Info.Selections: oracle/ prints what go/types
# records, driver.c what goesc records, for the same packages.
#
# It complements ../exprtypes (types and values of all expressions) with
# operand modes (type, builtin, void, addressable, comma-ok), the
# selections of selector expressions (kind, index path, indirect,
# receiver) and the signatures recorded on builtin functions; and it
# compares method sets (ty_method_set, types.NewMethodSet) of every
# non-generic defined type T and *T of the packages.
#
# Known, deliberate differences: goesc follows types2 (the compiler) where
# it differs from go/types in what it records:
#   - untyped nil converted or assigned to a type T is recorded as T
#     (go/types keeps "untyped nil"): such go/types lines are skipped;
#   - `for range a` over an array a records the constant len(a): range
#     expressions are not compared.
#
# Environment: PKGS (default: a set of std packages), GO.
# Prints "PASS exprs (N lines)" or "FAIL exprs: ..." with the first
# differences.
set -u
here=$(cd "$(dirname "$0")" && pwd)
ROOT=${ROOT:-$(cd "$here/../../.." && pwd)}
. "$ROOT/tests/lib/common.sh"
# absolute paths: the steps below run in other directories
case $GOESC in /*) ;; *) GOESC=$(pwd)/$GOESC ;; esac
case $TBUILD in /*) ;; *) TBUILD=$(pwd)/$TBUILD ;; esac

name=exprs
find_go "$name" || exit 1
need_goesc "$name" || exit 1
out=$TBUILD/exprs
rm -rf "$out"
mkdir -p "$out"
PKGS=${PKGS:-"fmt strings strconv sort bytes errors io os sync slices maps iter encoding/json go/types go/ast net/http text/template math/big reflect"}

(cd "$here/oracle" && "$GO" build -o "$out/oracle" .) >"$out/build.log" 2>&1 || {
    fail "$name" "cannot build the oracle"
    detail "$out/build.log"
    exit 1
}
# the driver links the library objects of the build under test
objdir=$(dirname "$GOESC")/obj/src
objs=$(ls "$objdir"/base/*.o "$objdir"/syntax/*.o "$objdir"/types/*.o "$objdir"/load/*.o 2>/dev/null)
if [ -z "$objs" ]; then
    fail "$name" "no library objects in $objdir"
    exit 1
fi
ldflags=
if [ "$TIMESCALE" -gt 1 ]; then
    ldflags="-fsanitize=address,undefined"
fi
# shellcheck disable=SC2086
${CC:-cc} -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -Wall -Wextra -Wshadow -O1 -g $ldflags \
    -I"$ROOT/src" -o "$out/driver" "$here/driver.c" $objs -lpthread -lm >>"$out/build.log" 2>&1 || {
    fail "$name" "cannot build the driver"
    detail "$out/build.log"
    exit 1
}

cd "$ROOT" || exit 1
# shellcheck disable=SC2086
CGO_ENABLED=0 "$out/oracle" $PKGS 2>"$out/oracle.err" >"$out/oracle.txt"
grep -v ' v untyped nil$' "$out/oracle.txt" | LC_ALL=C sort >"$out/want.txt"
# the keys of the untyped nil lines skipped: goesc's lines there are ignored
grep ' v untyped nil$' "$out/oracle.txt" | sed 's/ v untyped nil$/ /' >"$out/nil.txt"
# shellcheck disable=SC2086
CGO_ENABLED=0 ASAN_OPTIONS=detect_leaks=0 "$out/driver" $PKGS 2>"$out/driver.err" | LC_ALL=C sort >"$out/got.txt"
if [ -s "$out/driver.err" ]; then
    fail "$name" "goesc reports errors"
    detail "$out/driver.err"
    exit 0
fi
LC_ALL=C comm -23 "$out/want.txt" "$out/got.txt" >"$out/missing.txt"
LC_ALL=C comm -13 "$out/want.txt" "$out/got.txt" | grep -v -F -f "$out/nil.txt" >"$out/unexpected.txt"
nw=$(wc -l <"$out/want.txt")
nm=$(wc -l <"$out/missing.txt")
nu=$(wc -l <"$out/unexpected.txt")
if [ "$nm" -eq 0 ] && [ "$nu" -eq 0 ]; then
    pass "$name ($nw lines)"
else
    fail "$name" "$nm of $nw go/types lines missing or different, $nu unexpected (< go/types, > goesc)"
    { sed 's/^/< /' "$out/missing.txt" | head -n 15; sed 's/^/> /' "$out/unexpected.txt" | head -n 15; } | sed 's/^/    /'
fi
exit 0

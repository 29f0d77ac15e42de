#!/bin/sh
# The types and constant values recorded for expressions (src/types/expr.c
# and the rest of the checker) against go/types' Info.Types.
#
# exprdump.c (linked with the library objects of the build) prints what
# goesc records, exprtypes/ (a Go program) what go/types records, one line
# per expression: "/abs/file.go:LINE:COL: TYPE [= VALUE]".  The sorted
# outputs must be equal for the module testdata/mod and for the standard
# library packages in PKGS (all of std with EXPRTYPES_STD=1: about a
# minute).
#
# By design types2 records some things differently from go/types; both
# tools normalize them (see their comments): nil keeps its untyped type,
# `for range array` ranges are not compared, go/ast positions are used.
#
# Prints "PASS exprtypes/NAME" or "FAIL exprtypes/NAME: ..." with a diff.
set -u
here=$(cd "$(dirname "$0")" && pwd)
ROOT=${ROOT:-$(cd "$here/../../.." && pwd)}
. "$ROOT/tests/lib/common.sh"

find_go exprtypes || exit 1
need_goesc exprtypes || exit 1
out=$TBUILD/exprtypes
rm -rf "$out"
mkdir -p "$out"

PKGS="strconv strings sort slices maps math/big go/constant encoding/binary"
[ "${EXPRTYPES_STD:-}" = 1 ] && PKGS=std

# the library objects next to the binary under test
objdir=$(dirname "$GOESC")/obj/src
libobjs=$(ls "$objdir"/base/*.o "$objdir"/syntax/*.o "$objdir"/types/*.o "$objdir"/load/*.o 2>/dev/null)
if [ -z "$libobjs" ]; then
    fail exprtypes "no library objects in $objdir (run make)"
    exit 0
fi
# sanitizer builds need the same flags to link
san=
grep -q __asan_init "$GOESC" 2>/dev/null && san="-fsanitize=address,undefined"
if ! ${CC:-cc} -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -O1 $san -I"$ROOT/src" \
    -o "$out/exprdump" "$here/exprdump.c" $libobjs -lpthread -lm 2>"$out/cc.log"; then
    fail exprtypes "cannot build exprdump"
    detail "$out/cc.log"
    exit 0
fi
if ! (cd "$here/exprtypes" && GOFLAGS= "$GO" build -o "$out/exprtypes" . 2>"$out/go.log"); then
    fail exprtypes "cannot build exprtypes"
    detail "$out/go.log"
    exit 0
fi

compare() { # NAME DIR PATTERNS...
    _name=$1
    _dir=$2
    shift 2
    (cd "$_dir" && CGO_ENABLED=0 GOFLAGS= "$out/exprtypes" "$@") | LC_ALL=C sort >"$out/$_name.want"
    (cd "$_dir" && CGO_ENABLED=0 GOFLAGS= ASAN_OPTIONS=detect_leaks=0 "$out/exprdump" "$@" 2>"$out/$_name.err") |
        LC_ALL=C sort >"$out/$_name.got"
    if [ ! -s "$out/$_name.want" ]; then
        fail "exprtypes/$_name" "go/types recorded nothing"
    elif diff "$out/$_name.want" "$out/$_name.got" >"$out/$_name.diff"; then
        pass "exprtypes/$_name"
    else
        fail "exprtypes/$_name" "recorded types differ from go/types' (< go/types, > goesc)"
        detail "$out/$_name.diff" 30
    fi
}

compare mod "$here/testdata/mod" ./
compare std "$here/testdata/mod" $PKGS
exit 0

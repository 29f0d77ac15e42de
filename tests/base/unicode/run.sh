#!/bin/sh
# base's Unicode classes, UTF-8 decoding and Go-style quoting against Go's
# own (unicode, unicode/utf8, strconv, fmt %U):
#
#   base/unicode-classes  IsLetter, IsDigit, IsSpace, strconv.IsPrint and
#                         IsGraphic for every rune
#   base/unicode-quote    strconv.QuoteRune, %U and %#U for every rune
#   base/utf8-decode      utf8.DecodeRune over all 1-, 2-byte and a set of 3-
#                         and 4-byte sequences, at every length
#   base/quote-string     strconv.Quote of 200000 pseudo-random byte strings
#
# driver.c (linked with the base objects of the goesc under test) and
# ref/main.go print the same report; the lines are compared by kind.
set -u
ROOT=${ROOT:-$(cd "$(dirname "$0")/../../.." && pwd)}
. "$ROOT/tests/lib/common.sh"

DIR=$ROOT/tests/base/unicode
OUT=$TBUILD/base-unicode
rm -rf "$OUT"
mkdir -p "$OUT"
find_go base/unicode || exit 1

OBJ=$(dirname "$GOESC")/obj
SAN=
grep -q __asan_init "$GOESC" 2>/dev/null && SAN="-fsanitize=address,undefined"
if ! ls "$OBJ"/src/base/*.o >/dev/null 2>&1; then
    fail base/unicode "no base objects in $OBJ (build goesc with make)"
    exit 0
fi
# shellcheck disable=SC2086
if ! ${CC:-cc} -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE $SAN -I"$ROOT/src" \
    -o "$OUT/driver" "$DIR/driver.c" "$OBJ"/src/base/*.o -lm >"$OUT/cc.txt" 2>&1; then
    fail base/unicode "cannot build driver.c"
    detail "$OUT/cc.txt"
    exit 0
fi
if ! (cd "$DIR/ref" && GOFLAGS= GOWORK=off "$GO" build -o "$OUT/ref" .) >"$OUT/go.txt" 2>&1; then
    fail base/unicode "cannot build ref/main.go"
    detail "$OUT/go.txt"
    exit 0
fi
"$OUT/driver" >"$OUT/goesc.txt" 2>"$OUT/driver.err" || {
    fail base/unicode "driver.c failed"
    detail "$OUT/driver.err"
    exit 0
}
"$OUT/ref" >"$OUT/go.txt" || {
    fail base/unicode "ref/main.go failed"
    exit 0
}

# compare KIND NAME WHAT
compare() {
    grep "^$1 " "$OUT/go.txt" >"$OUT/$1.go"
    grep "^$1 " "$OUT/goesc.txt" >"$OUT/$1.goesc"
    if [ ! -s "$OUT/$1.go" ]; then
        fail "$2" "no reference lines"
    elif cmp -s "$OUT/$1.go" "$OUT/$1.goesc"; then
        pass "$2 ($3)"
    else
        fail "$2" "differs from Go $GOVERSION (-go +goesc)"
        diff "$OUT/$1.go" "$OUT/$1.goesc" | grep '^[<>]' >"$OUT/$1.diff"
        detail "$OUT/$1.diff" 10
    fi
}
compare C base/unicode-classes "$(grep -c '^C ' "$OUT/go.txt") runs"
compare Q base/unicode-quote "$(grep -c '^Q ' "$OUT/go.txt") blocks of 4096 runes"
compare D base/utf8-decode "256 leading bytes"
compare S base/quote-string "200000 strings"
exit 0

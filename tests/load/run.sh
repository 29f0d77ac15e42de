#!/bin/sh
# Tests of the load module (src/load) and `goesc types`.
#
#   load/json-*          the JSON parser (tests/load/json_test.c, built here
#                        against the library objects of the goesc under test)
#   load/json-golist     ... on go list -json output for std, and how fast
#   load/std             `goesc types --parse-only --list std` succeeds, lists
#                        exactly the packages of `go list -deps std` in that
#                        order (dependencies first), and reports nothing
#   load/std-types       `goesc types std` type-checks std silently (exit 0),
#                        with CGO_ENABLED=0
#   load/mod-*           testdata/mod, a module of three packages (c imports
#                        a and b, b imports a): order, dep-only marks,
#                        language versions, -tags and GOFLAGS
#   load/objects-mod     `goesc types --objects ./...` in testdata/mod equals
#                        testdata/mod.objects (typesoracle's output, with the
#                        repository root written as @ROOT@)
#   load/objects-lines   the same for testdata/lines: positions after //line
#                        directives as go/token reports them
#   load/missing-import, load/no-package, load/cycle
#                        go list errors are reported exactly as go build
#                        reports them, with exit status 1
#   load/syntax-error    a syntax error is reported (absolute path) with exit
#                        status 1; a package importing the broken one is not
#                        compiled (as go build does)
set -u
ROOT=${ROOT:-$(cd "$(dirname "$0")/../.." && pwd)}
. "$ROOT/tests/lib/common.sh"

DIR=$ROOT/tests/load
TD=$DIR/testdata
OUT=$TBUILD/load
rm -rf "$OUT"
mkdir -p "$OUT"
need_goesc load || exit 1
find_go load || exit 1
# the go command goesc runs is the one found here; the environment is
# pinned so that the user's settings cannot change the results
PATH=$(dirname "$GO"):$PATH
GOFLAGS=
GOWORK=off
GOTOOLCHAIN=local
GOPROXY=off
export PATH GOFLAGS GOWORK GOTOOLCHAIN GOPROXY
unset GO111MODULE GOOS GOARCH 2>/dev/null

# ---- JSON ----------------------------------------------------------------------
OBJ=$(dirname "$GOESC")/obj
SAN=
grep -q __asan_init "$GOESC" 2>/dev/null && SAN="-fsanitize=address,undefined"
if [ ! -f "$OBJ/src/load/json.o" ]; then
    fail load/json "no library objects in $OBJ (build goesc with make)"
elif ! ${CC:-cc} -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE $SAN -I"$ROOT/src" \
        -o "$OUT/json_test" "$DIR/json_test.c" "$OBJ/src/load/json.o" "$OBJ"/src/base/*.o \
        -lm >"$OUT/json_cc.txt" 2>&1; then
    fail load/json "cannot build json_test"
    detail "$OUT/json_cc.txt"
else
    "$OUT/json_test" || true
    (cd "$OUT" && "$GO" list -e -deps -json std >std.json 2>/dev/null &&
        "$GO" list -e -deps std >std.list 2>/dev/null)
    "$OUT/json_test" "$OUT/std.json" "$(wc -l <"$OUT/std.list")" || true
fi

# ---- std -------------------------------------------------------------------------
cd "$OUT" || exit 1
t0=$(now_ms)
"$GOESC" types --parse-only --list std >std.goesc 2>std.err
rc=$?
t1=$(now_ms)
cut -d' ' -f1 std.goesc >std.order
if [ $rc -ne 0 ]; then
    fail load/std "exit status $rc"
    detail std.err
elif [ -s std.err ]; then
    fail load/std "unexpected messages"
    detail std.err
elif ! cmp -s std.order std.list; then
    fail load/std "packages or their order differ from go list -deps std (-go +goesc)"
    diff std.list std.order | sed -n '2,$p' >std.diff
    detail std.diff
elif awk '$3 == "dep" { found = 1 } END { exit !found }' std.goesc; then
    fail load/std "std packages marked dep-only"
else
    pass load/std
    echo "    $(wc -l <std.order) packages listed and parsed in $((t1 - t0)) ms"
fi

# without cgo, as typesoracle checks std: with cgo, gc compiles cgo's output,
# which goesc does not produce (CgoFiles are checked with a fake "C")
CGO_ENABLED=0 "$GOESC" types std >std-types.out 2>std-types.err
rc=$?
if [ $rc -ne 0 ] || [ -s std-types.err ] || [ -s std-types.out ]; then
    fail load/std-types "exit status $rc, $(wc -l <std-types.err) lines of messages"
    detail std-types.err 10
else
    pass load/std-types
fi

# ---- a small module ---------------------------------------------------------
# check NAME WANTFILE GOTFILE: compare outputs
check() {
    if cmp -s "$2" "$3"; then
        pass "$1"
    else
        fail "$1" "output differs (-want +got)"
        diff "$2" "$3" | sed -n '2,$p' >"$OUT/$(echo "$1" | tr / _).diff"
        detail "$OUT/$(echo "$1" | tr / _).diff"
    fi
}

cd "$TD/mod" || exit 1
cat >"$OUT/mod-order.want" <<'WANT'
example.com/loadtest/a go1.22 dep a.go
example.com/loadtest/b go1.22 dep b.go
example.com/loadtest/c go1.22 c.go
WANT
"$GOESC" types --parse-only --list ./c >"$OUT/mod-order.got" 2>&1
check load/mod-order "$OUT/mod-order.want" "$OUT/mod-order.got"

sed 's/ dep//' "$OUT/mod-order.want" >"$OUT/mod-all.want"
"$GOESC" types --list ./... >"$OUT/mod-all.got" 2>&1
rc=$?
if [ $rc -ne 0 ]; then
    fail load/mod-all "exit status $rc"
    detail "$OUT/mod-all.got"
else
    check load/mod-all "$OUT/mod-all.want" "$OUT/mod-all.got"
fi

echo "example.com/loadtest/a go1.22 a.go tagged.go" >"$OUT/mod-tags.want"
"$GOESC" types --parse-only --list -tags=goesctag ./a >"$OUT/mod-tags.got" 2>&1
check load/mod-tags "$OUT/mod-tags.want" "$OUT/mod-tags.got"
"$GOESC" types --parse-only --list -tags goesctag ./a >"$OUT/mod-tags2.got" 2>&1
check load/mod-tags-separate "$OUT/mod-tags.want" "$OUT/mod-tags2.got"
GOFLAGS=-tags=goesctag "$GOESC" types --parse-only --list ./a >"$OUT/mod-goflags.got" 2>&1
check load/mod-goflags "$OUT/mod-tags.want" "$OUT/mod-goflags.got"

sed "s|@ROOT@|$ROOT|g" "$TD/mod.objects" >"$OUT/objects-mod.want"
"$GOESC" types --objects ./... >"$OUT/objects-mod.got" 2>"$OUT/objects-mod.err"
rc=$?
if [ $rc -ne 0 ]; then
    fail load/objects-mod "exit status $rc"
    detail "$OUT/objects-mod.err"
else
    check load/objects-mod "$OUT/objects-mod.want" "$OUT/objects-mod.got"
fi

cd "$TD/lines" || exit 1
sed "s|@ROOT@|$ROOT|g" "$TD/lines.objects" >"$OUT/objects-lines.want"
"$GOESC" types --objects ./... >"$OUT/objects-lines.got" 2>"$OUT/objects-lines.err"
rc=$?
if [ $rc -ne 0 ]; then
    fail load/objects-lines "exit status $rc"
    detail "$OUT/objects-lines.err"
else
    check load/objects-lines "$OUT/objects-lines.want" "$OUT/objects-lines.got"
fi

# ---- errors -----------------------------------------------------------------------
# same_as_go_build NAME DIR PATTERN: goesc types reports what go build does
same_as_go_build() {
    (cd "$2" && "$GO" build "$3") >"$OUT/$1.want" 2>&1
    (cd "$2" && "$GOESC" types "$3") >"$OUT/$1.got" 2>&1
    rc=$?
    if [ $rc -ne 1 ]; then
        fail "load/$1" "exit status $rc, want 1"
        detail "$OUT/$1.got"
    elif [ ! -s "$OUT/$1.want" ]; then
        fail "load/$1" "go build reported nothing"
    else
        check "load/$1" "$OUT/$1.want" "$OUT/$1.got"
    fi
}
same_as_go_build missing-import "$TD/missing" .
same_as_go_build no-package "$TD/mod" example.com/loadtest/nonexistent
same_as_go_build no-std-package "$TD/mod" nonexistent/std/pkg
same_as_go_build cycle "$TD/cycle" ./...

echo "$TD/bad/broken/broken.go:5:1: syntax error: unexpected }, expected expression" \
    >"$OUT/syntax-error.want"
(cd "$TD/bad" && "$GOESC" types ./...) >"$OUT/syntax-error.got" 2>&1
rc=$?
if [ $rc -ne 1 ]; then
    fail load/syntax-error "exit status $rc, want 1"
    detail "$OUT/syntax-error.got"
else
    check load/syntax-error "$OUT/syntax-error.want" "$OUT/syntax-error.got"
fi
exit 0

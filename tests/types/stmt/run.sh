#!/bin/sh
# Statements, function bodies and package initialization order
# (src/types/stmt.c, range.c, return.c, labels.c, initorder.c).
#
#   stmt/errors/NAME    testdata/errors/NAME is a module whose root package
#                       has type errors: `goesc types ./` must print exactly
#                       what gc prints (`go build -gcflags=-e ./`), paths
#                       made relative as the go command prints them.
#   stmt/corpus/NAME    the same for files of types2's own test corpus
#                       ($GOROOT/src/internal/types/testdata, CORPUS below),
#                       each as the only file of a module.
#   stmt/objects        `goesc types --objects ./` in testdata/objects (valid
#                       code using every kind of statement, labels, range
#                       forms, type switches) equals testdata/objects.objects
#                       (the output of ../shared's typesoracle, with @ROOT@).
#   stmt/initorder-NAME the initialization order goesc computes (initdump.c,
#                       linked with the library objects of the build under
#                       test) equals go/types' Info.InitOrder (initorder/, a
#                       Go program) for testdata/initorder and for the
#                       packages in PKGS (all of std with STMT_STD=1).
set -u
here=$(cd "$(dirname "$0")" && pwd)
ROOT=${ROOT:-$(cd "$here/../../.." && pwd)}
. "$ROOT/tests/lib/common.sh"

find_go stmt || exit 1
need_goesc stmt || exit 1
out=$TBUILD/stmt
rm -rf "$out"
mkdir -p "$out"

# types2 test files (relative to $GOROOT/src/internal/types/testdata).
# Label and goto errors come from gc's parser (types2 runs with
# IgnoreBranchErrors), but they are not "syntax error"s: gc type-checks
# such files anyway.
CORPUS="check/stmt0.go check/stmt1.go check/gotos.go check/labels.go check/doubled_labels.go
check/init0.go check/init1.go check/init2.go check/main0.go
check/go1_22_21.go spec/range.go spec/range_int.go"

PKGS="runtime fmt net/http go/types encoding/json crypto/tls"
[ "${STMT_STD:-}" = 1 ] && PKGS=std

# ---- errors ----------------------------------------------------------------------

cases=
for dir in "$here"/testdata/errors/*/; do
    cases="$cases $(basename "$dir")"
done
for f in $CORPUS; do
    [ -f "$GOROOT/src/internal/types/testdata/$f" ] && cases="$cases corpus/$(basename "$f" .go)"
done

for name in $cases; do
    case $name in
    corpus/*)
        work=$out/$name
        mkdir -p "$work"
        src=$(for f in $CORPUS; do case $f in */"${name#corpus/}".go) echo "$f" ;; esac; done)
        cp "$GOROOT/src/internal/types/testdata/$src" "$work/a.go"
        printf 'module m\n\ngo 1.26\n' >"$work/go.mod"
        test=stmt/$name
        ;;
    *)
        work=$out/errors/$name
        mkdir -p "$out/errors"
        cp -r "$here/testdata/errors/$name" "$work"
        test=stmt/errors/$name
        ;;
    esac
    base=$out/$(echo "$name" | tr / _)
    # gc: drop the "# pkg" header; paths are "./file.go"
    (cd "$work" && CGO_ENABLED=0 GOFLAGS= "$GO" build -gcflags=-e ./ 2>&1) |
        grep -v '^#' >"$base.want"
    # goesc prints absolute paths (also inside messages: "first at ...")
    (cd "$work" && CGO_ENABLED=0 GOFLAGS= "$GOESC" types ./ 2>&1) |
        sed "s|$work/|./|g" >"$base.got"
    if [ ! -s "$base.want" ]; then
        fail "$test" "gc reports no errors (a test case must have some)"
    elif diff "$base.want" "$base.got" >"$base.diff"; then
        pass "$test"
    else
        fail "$test" "errors differ from gc's (< gc, > goesc)"
        detail "$base.diff" 30
    fi
done

# ---- objects -----------------------------------------------------------------------

sed "s|@ROOT@|$ROOT|g" "$here/testdata/objects.objects" >"$out/objects.want"
(cd "$here/testdata/objects" && CGO_ENABLED=0 GOFLAGS= "$GOESC" types --objects ./ 2>"$out/objects.err") |
    LC_ALL=C sort >"$out/objects.got"
if [ -s "$out/objects.err" ]; then
    fail stmt/objects "goesc reported errors"
    detail "$out/objects.err"
elif diff "$out/objects.want" "$out/objects.got" >"$out/objects.diff"; then
    pass stmt/objects
else
    fail stmt/objects "objects differ from go/types' (< go/types, > goesc)"
    detail "$out/objects.diff" 30
fi

# ---- initialization order --------------------------------------------------------

# the library objects next to the binary under test
objdir=$(dirname "$GOESC")/obj/src
libobjs=$(ls "$objdir"/base/*.o "$objdir"/syntax/*.o "$objdir"/types/*.o "$objdir"/load/*.o 2>/dev/null)
if [ -z "$libobjs" ]; then
    fail stmt/initorder "no library objects in $objdir (run make)"
    exit 0
fi
# sanitizer builds need the same flags to link
san=
grep -q __asan_init "$GOESC" 2>/dev/null && san="-fsanitize=address,undefined"
# shellcheck disable=SC2086
if ! ${CC:-cc} -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -O1 $san -I"$ROOT/src" \
    -o "$out/initdump" "$here/initdump.c" $libobjs -lpthread -lm 2>"$out/cc.log"; then
    fail stmt/initorder "cannot build initdump"
    detail "$out/cc.log"
    exit 0
fi
if ! (cd "$here/initorder" && GOFLAGS= "$GO" build -o "$out/initorder" . 2>"$out/go.log"); then
    fail stmt/initorder "cannot build initorder"
    detail "$out/go.log"
    exit 0
fi

compare() { # NAME DIR PATTERNS...
    _name=$1
    _dir=$2
    shift 2
    (cd "$_dir" && CGO_ENABLED=0 GOFLAGS= "$out/initorder" "$@") >"$out/init-$_name.want"
    (cd "$_dir" && CGO_ENABLED=0 GOFLAGS= ASAN_OPTIONS=detect_leaks=0 "$out/initdump" "$@" \
        2>"$out/init-$_name.err") >"$out/init-$_name.got"
    if [ -s "$out/init-$_name.err" ]; then
        fail "stmt/initorder-$_name" "goesc reported errors"
        detail "$out/init-$_name.err"
    elif [ ! -s "$out/init-$_name.want" ]; then
        fail "stmt/initorder-$_name" "go/types computed no initializers"
    elif diff "$out/init-$_name.want" "$out/init-$_name.got" >"$out/init-$_name.diff"; then
        pass "stmt/initorder-$_name ($(wc -l <"$out/init-$_name.want") initializers)"
    else
        fail "stmt/initorder-$_name" "init order differs from go/types' (< go/types, > goesc)"
        detail "$out/init-$_name.diff" 30
    fi
}

compare mod "$here/testdata/initorder" ./
# shellcheck disable=SC2086
compare std "$here/testdata/initorder" $PKGS
exit 0

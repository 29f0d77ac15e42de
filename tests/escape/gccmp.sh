#!/bin/sh
# Escape analysis messages against gc's, byte for byte (docs/escape-ir.md §4).
#
#   gccmp/FILE[-m=N]   `goesc compile` and `go tool compile` print the same
#                      lines in the same order, and exit with the same
#                      status, for:
#                      - tests/escape/testdata/*.go, with the flags of the
#                        file's first line "// escape test: FLAGS";
#                      - the $GOROOT/test files of docs/escape-ir.md §4.1
#                        whose messages goesc is expected to reproduce,
#                        with the flags of their errorcheck header, at -m
#                        (as written) and, for those listed with "2", also
#                        at -m=2 (explanations, solver order).
#   Both compilers run as `compile -p p -C -e -importcfg IMPORTCFG -o X.o
#   FLAGS FILE` in a scratch copy (flags of the header first, so a -p
#   there wins); the import config of the standard library is cached
#   under $TCACHE.
#
#   sh tests/escape/gccmp.sh [PATTERN...]   only files whose name contains
#                                           one of the patterns
# Differences are kept under $TBUILD/escape-gccmp (NAME.gc, NAME.goesc).
set -u
ROOT=${ROOT:-$(cd "$(dirname "$0")/../.." && pwd)}
. "$ROOT/tests/lib/common.sh"

OUT=$TBUILD/escape-gccmp
rm -rf "$OUT"
mkdir -p "$OUT" "$TCACHE"
find_go gccmp || exit 1
need_goesc gccmp || exit 1

IMPORTCFG=$TCACHE/importcfg-$GOVERSION
if [ ! -s "$IMPORTCFG" ]; then
    if ! "$GO" list -export -f '{{if .Export}}packagefile {{.ImportPath}}={{.Export}}{{end}}' std \
        >"$IMPORTCFG.tmp.$$" 2>"$OUT/importcfg.err"; then
        fail gccmp "go list -export std failed"
        detail "$OUT/importcfg.err" 10
        rm -f "$IMPORTCFG.tmp.$$"
        exit 1
    fi
    mv "$IMPORTCFG.tmp.$$" "$IMPORTCFG"
fi

# $GOROOT/test files: NAME LEVELS (1: -m as in the header; 2: also -m=2).
GOTESTS='
escape_level.go 12
escape_indir.go 12
escape_field.go 12
escape_struct_param1.go 12
escape_struct_param2.go 12
escape_struct_return.go 12
escape_param.go 12
escape_calls.go 12
escape_array.go 12
escape6.go 12
escape_goto.go 12
escape_selfassign.go 12
escape_iface.go 12
escape_map.go 12
escape_closure.go 12
fixedbugs/issue12006.go 12
fixedbugs/issue12588.go 12
fixedbugs/issue21709.go 12
fixedbugs/issue27557.go 12
fixedbugs/issue27732a.go 12
fixedbugs/issue31573.go 12
fixedbugs/issue35518.go 12
fixedbugs/issue39292.go 12
escape2.go 12
escape2n.go 12
escape_mutations.go 12
fixedbugs/issue13799.go 12
fixedbugs/issue17318.go 12
escape5.go 12
escape_unsafe.go 12
escape_reflect.go 12
fixedbugs/issue19743.go 12
escape_runtime_atomic.go 12
escape_sync_atomic.go 12
fixedbugs/issue16241.go 12
fixedbugs/issue16241_64.go 12
escape_slice.go 12
escape_hash_maphash.go 12
bounds.go 12
escape_unique.go 12
'

selected() {
    [ -z "$PATTERNS" ] && return 0
    for _p in $PATTERNS; do
        case $1 in *"$_p"*) return 0 ;; esac
    done
    return 1
}
PATTERNS="$*"

# run NAME SRC LEVEL FLAGS: one comparison
run() {
    _name=$1 _src=$2 _level=$3
    shift 3
    _flags=$(echo "$*" | sed -E "s/(^| )-m(=[0-9]+)?( |$)/\1-m=$_level\3/")
    [ "$_level" = 1 ] && _flags=$*
    _dir=$OUT/$(echo "$_name" | tr / _).m$_level
    mkdir -p "$_dir"
    cp "$_src" "$_dir/t.go"
    (cd "$_dir" && "$GO" tool compile -p p -C -e -importcfg "$IMPORTCFG" -o "$_dir/gc.o" $_flags t.go \
        >"$_dir/gc" 2>&1; echo "exit $?" >>"$_dir/gc")
    (cd "$_dir" && "$GOESC" compile -p p -C -e -importcfg "$IMPORTCFG" -o "$_dir/goesc.o" $_flags t.go \
        >"$_dir/goesc" 2>&1; echo "exit $?" >>"$_dir/goesc")
    _label="gccmp/$_name"
    [ "$_level" != 1 ] && _label="$_label-m=$_level"
    if cmp -s "$_dir/gc" "$_dir/goesc"; then
        pass "$_label"
        rm -rf "$_dir"
    else
        fail "$_label" "$(grep -c . "$_dir/gc") lines from gc, $(grep -c . "$_dir/goesc") from goesc"
        diff "$_dir/gc" "$_dir/goesc" >"$_dir/diff"
        detail "$_dir/diff" 12
    fi
}

# header flags of an errorcheck file (the -0 of errorcheck is not a
# compiler flag)
header_flags() {
    grep -m1 '^// *errorcheck' "$1" | sed -E 's#^// *errorcheck(withauto)?##; s/(^| )-0( |$)/ /g'
}

echo "$GOTESTS" | while read -r name levels; do
    [ -z "$name" ] && continue
    selected "$name" || continue
    src=$GOROOT/test/$name
    if [ ! -f "$src" ]; then
        fail "gccmp/$name" "no file $src"
        continue
    fi
    flags=$(header_flags "$src")
    run "$name" "$src" 1 $flags
    case $levels in *2*) run "$name" "$src" 2 $flags ;; esac
done

for src in "$ROOT"/tests/escape/testdata/*.go; do
    name=testdata/$(basename "$src")
    selected "$name" || continue
    flags=$(sed -n '1s#^// escape test: ##p' "$src")
    if [ -z "$flags" ]; then
        fail "gccmp/$name" "first line is not \"// escape test: FLAGS\""
        continue
    fi
    run "$name" "$src" 1 $flags
done

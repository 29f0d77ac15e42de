#!/bin/sh
# Differential test of goesc's sizes, alignments and field offsets
# (src/types/sizes.c, unsafe.Sizeof/Alignof/Offsetof in builtins.c) against
# gc's, for a 64-bit (amd64) and a 32-bit (386) target.
#
# testdata/probes.go declares many types and constants S_*, A_*, O_* equal
# to their unsafe.Sizeof/Alignof/Offsetof.  gen/ type-checks it with
# go/types and types.SizesFor("gc", ARCH) and writes assert_ARCH.go with
# one line per probe that compiles iff the probe has gc's value.  The Go
# compiler must accept the package with those assertions (so go/types'
# sizes are gc's), and so must `goesc types`; each line goesc rejects names
# a probe it gets wrong.
#
# Prints "PASS sizes/ARCH (N probes)" or "FAIL sizes/ARCH: ..." per ARCH.
set -u
here=$(cd "$(dirname "$0")" && pwd)
ROOT=${ROOT:-$(cd "$here/../../.." && pwd)}
. "$ROOT/tests/lib/common.sh"
# absolute paths: the steps below run in other directories
case $GOESC in /*) ;; *) GOESC=$(pwd)/$GOESC ;; esac
case $TBUILD in /*) ;; *) TBUILD=$(pwd)/$TBUILD ;; esac

find_go sizes || exit 1
need_goesc sizes || exit 1
out=$TBUILD/sizes
rm -rf "$out"
mkdir -p "$out"

(cd "$here/gen" && "$GO" build -o "$out/gen" .) >"$out/build.log" 2>&1 || {
    fail sizes "cannot build gen"
    detail "$out/build.log"
    exit 1
}

for arch in amd64 386; do
    name=sizes/$arch
    pkg=$out/$arch
    mkdir -p "$pkg"
    cp "$here/testdata/probes.go" "$here/testdata/go.mod" "$pkg/"
    if ! "$out/gen" -arch "$arch" -dir "$pkg" -out "$pkg/assert_$arch.go" >"$out/gen-$arch.log" 2>&1; then
        fail "$name" "gen failed"
        detail "$out/gen-$arch.log"
        continue
    fi
    nprobes=$(grep -c '^var _' "$pkg/assert_$arch.go")
    # the compiler itself agrees with go/types' gc sizes
    if ! (cd "$pkg" && CGO_ENABLED=0 GOARCH=$arch GOFLAGS= "$GO" build ./) >"$out/gc-$arch.log" 2>&1; then
        fail "$name" "gc rejects the generated assertions"
        detail "$out/gc-$arch.log"
        continue
    fi
    (cd "$pkg" && CGO_ENABLED=0 GOARCH=$arch GOFLAGS= "$GOESC" types ./) >"$out/goesc-$arch.log" 2>&1
    rc=$?
    if [ $rc -eq 0 ]; then
        pass "$name ($nprobes probes)"
        continue
    fi
    # name the probes whose assertion lines have errors
    bad=$(grep -o "assert_$arch.go:[0-9]*" "$out/goesc-$arch.log" | cut -d: -f2 | sort -un |
        while read -r line; do sed -n "${line}s|.*// ||p" "$pkg/assert_$arch.go"; done)
    other=$(grep -v "assert_$arch.go:" "$out/goesc-$arch.log" | grep -c .)
    nbad=$(echo "$bad" | grep -c .)
    fail "$name" "$nbad of $nprobes probes wrong, $other other error lines (goesc status $rc)"
    echo "$bad" | head -n 30 | sed 's/^/    wrong: /'
    grep -v "assert_$arch.go:" "$out/goesc-$arch.log" | head -n 10 | sed 's/^/    /'
done
exit 0

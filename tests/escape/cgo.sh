#!/bin/sh
# goesc build with CGO_ENABLED=1 on packages with cgo files.  goesc
# type-checks them with a fake "C" package (as go/types' FakeImportC), where
# gc compiles cgo's output, so their Go code may have type errors that gc
# never sees.  Those are goesc's limitation:
#
#   cgo/target     a package named with -m whose cgo files have such errors
#                  is reported on one "goesc: PKG: not analyzed" line (not
#                  as compiler errors), without a crash, exit status 1;
#   cgo/importer   a package importing it is analyzed (go build compiles
#                  it: the cgo package is not broken), with gc's output;
#   cgo/std        goesc build -gcflags=all=-m std with CGO_ENABLED=1 does
#                  not die.
set -u
ROOT=${ROOT:-$(cd "$(dirname "$0")/../.." && pwd)}
. "$ROOT/tests/lib/common.sh"
G=escape/cgo
need_goesc $G || exit 1
find_go $G || exit 1
GOFLAGS=
CGO_ENABLED=1
export GOFLAGS CGO_ENABLED
W=$TBUILD/cgo
rm -rf "$W"
mkdir -p "$W/mod/cg" "$W/mod/user"

cd "$W/mod" || exit 1
printf 'module example.com/m\n\ngo 1.26\n' >go.mod
cat >cg/cg.go <<'EOF'
package cg

/*
struct pt { int x, y; };
static int add(int a, int b) { return a + b; }
*/
import "C"

var sink *int

func get(p *C.struct_pt) C.int { return p.x }

// Sum uses C: with the fake "C", get's result has an invalid type, which
// int() cannot convert (a type error for goesc, not for gc).
func Sum(p *C.struct_pt) int { return int(get(p)) + int(C.add(1, 2)) }

// Keep does not use C.
func Keep(q *int) { sink = q }

// Id does not use C.
func Id(q *int) *int { return q }
EOF
cat >user/user.go <<'EOF'
package user

import "example.com/m/cg"

func F() *int {
	x, y := 1, 2
	cg.Keep(&x)
	return cg.Id(&y)
}
EOF

# the package itself
"$GOESC" build -gcflags='-m -l' ./cg >"$W/target.out" 2>&1
rc=$?
if [ $rc -ne 1 ]; then
    fail cgo/target "exit status $rc, want 1"
    detail "$W/target.out"
elif ! grep -q '^goesc: example.com/m/cg: not analyzed: its cgo files, checked with a fake "C" package, have' "$W/target.out"; then
    fail cgo/target "no \"not analyzed\" line"
    detail "$W/target.out"
elif grep -v '^goesc: ' "$W/target.out" | grep -q .; then
    fail cgo/target "compiler output for a package goesc cannot analyze"
    detail "$W/target.out"
else
    pass cgo/target
fi

# a package importing it: analyzed, with gc's messages
"$GOESC" build -gcflags='-m -l' ./user >"$W/user.out" 2>&1
rc=$?
grep -v '^goesc: ' "$W/user.out" >"$W/user.goesc"
cat >"$W/user.want" <<'EOF'
# example.com/m/user
user/user.go:6:2: moved to heap: x
user/user.go:6:5: moved to heap: y
EOF
if [ $rc -ne 0 ] && [ $rc -ne 1 ]; then
    fail cgo/importer "exit status $rc"
    detail "$W/user.out"
elif ! cmp -s "$W/user.want" "$W/user.goesc"; then
    fail cgo/importer "output differs from gc's"
    diff "$W/user.want" "$W/user.goesc" >"$W/user.diff"
    detail "$W/user.diff"
else
    pass cgo/importer
fi

# all of std with cgo (net, os/user, plugin, runtime/cgo have cgo files)
mkdir -p "$W/std"
(cd "$W/std" && "$GOESC" build -gcflags='all=-m -l' std) >"$W/std.out" 2>&1
rc=$?
if [ $rc -gt 1 ]; then
    fail cgo/std "goesc died (exit status $rc)"
    tail -5 "$W/std.out" | sed 's/^/    /'
elif ! grep -q '^# net/http$' "$W/std.out"; then
    fail cgo/std "net/http (which imports the cgo package net) was not analyzed"
else
    pass cgo/std
fi

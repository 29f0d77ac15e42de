#!/bin/sh
# goesc build with CGO_ENABLED=1 on packages with cgo files.  gc never sees
# those files: go build runs cgo and compiles its output (_cgo_gotypes.go,
# X.cgo1.go with //line directives back to X.go, _cgo_import.go), and goesc
# reads the same files, found with go list -compiled:
#
#   cgo/target     a package using C (structs, unions, typedefs, functions
#                  with errno, C.CString/GoString/CBytes/GoBytes, variables,
#                  macros, callbacks, //export) gives exactly gc's -m output,
#                  positions in the generated files included;
#   cgo/importer   a package importing it, likewise;
#   cgo/target-m2  the first at -m=2 (an //export'ed function's cgo
#                  wrapper is exported to C: gc makes no ABI wrapper);
#   cgo/cerror     cgo fails on a package (a C error in its preamble):
#                  go build's message, exit status 1;
#   cgo/std        net and os/user (std's cgo packages, with their cgo
#                  files under CGO_ENABLED=1) are analyzed without a
#                  "goesc:" note; with GOESC_SLOW=1, their output is
#                  compared with go build -a -gcflags=all=-l (~40 s CPU);
#   cgo/nocc       when cgo cannot run (no C compiler), go build reports it
#                  on runtime/cgo and compiles no package with cgo files,
#                  nor their importers (cgo/nocc-importer): goesc prints
#                  the same, exit status 1.  (Should go list give neither
#                  cgo's output nor an error, goesc falls back to checking
#                  the cgo files with a fake "C", as go/types' FakeImportC.)
#
# Without a C compiler (go env CC not found) all but cgo/nocc print SKIP.
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
cat >cg/cg.go <<'GOEOF'
package cg

/*
#include <stdlib.h>
#include <string.h>
#include <errno.h>

struct pt { int x, y; };
union u { int i; double d; };
typedef struct { char name[16]; struct pt *p; } rec;
static int add(int a, int b) { return a + b; }
static int fails(int a) { errno = EINVAL; return -a; }
static void fill(struct pt *p, int n) { for (int i = 0; i < n; i++) p[i].x = i; }
static char *dupname(const char *s) { return strdup(s); }
static int counter = 3;
#define LIMIT 42
#define NAME "cg"
typedef int (*cb)(int);
static int apply(cb f, int v) { return f ? f(v) : v; }
extern int goCallback(int);
static int callGo(int v) { return goCallback(v); }
*/
import "C"

import (
	"unsafe"
)

var sink *int

func get(p *C.struct_pt) C.int { return p.x }

// Sum uses C: with a fake "C", get's result has an invalid type.
func Sum(p *C.struct_pt) int { return int(get(p)) + int(C.add(1, 2)) }

// Keep does not use C.
func Keep(q *int) { sink = q }

// Id does not use C.
func Id(q *int) *int { return q }

func Fill(n int) []C.struct_pt {
	pts := make([]C.struct_pt, n)
	if n > 0 {
		C.fill(&pts[0], C.int(n))
	}
	return pts
}

func Name(s string) string {
	cs := C.CString(s)
	defer C.free(unsafe.Pointer(cs))
	d := C.dupname(cs)
	r := C.GoString(d)
	C.free(unsafe.Pointer(d))
	return r
}

func Bytes(b []byte) []byte {
	p := C.CBytes(b)
	defer C.free(p)
	return C.GoBytes(p, C.int(len(b)))
}

func Fails(a int) (int, error) {
	r, err := C.fails(C.int(a))
	return int(r), err
}

func Counter() int { return int(C.counter) + C.LIMIT + len(C.NAME) }

func Rec(r *C.rec) *C.struct_pt {
	var q C.rec
	q.p = r.p
	return q.p
}

func Union() C.union_u {
	var u C.union_u
	return u
}

func Apply(v int) int { return int(C.apply(nil, C.int(v))) + int(C.callGo(C.int(v))) }

//export goCallback
func goCallback(v C.int) C.int { return v * 2 }

func Size() uintptr { return unsafe.Sizeof(C.struct_pt{}) + C.sizeof_rec }
GOEOF
cat >user/user.go <<'GOEOF'
package user

import "example.com/m/cg"

func F() *int {
	x, y := 1, 2
	cg.Keep(&x)
	return cg.Id(&y)
}
GOEOF

# compare NAME: $W/NAME.gc (go build's stderr) with $W/NAME.goesc, sorted,
# without "# pkg" headers; $W/NAME.rc holds goesc's exit status
compare() {
    if [ "$(cat "$W/$1.rc")" -ne 0 ]; then
        fail "cgo/$1" "goesc exit status $(cat "$W/$1.rc")"
        detail "$W/$1.goesc"
        return
    fi
    grep -v '^#' "$W/$1.gc" | sort >"$W/$1.gc.s"
    grep -v '^#' "$W/$1.goesc" | sort >"$W/$1.goesc.s"
    if cmp -s "$W/$1.gc.s" "$W/$1.goesc.s"; then
        pass "cgo/$1 ($(wc -l <"$W/$1.gc.s") lines)"
    else
        fail "cgo/$1" "output differs from gc's (< gc, > goesc)"
        diff "$W/$1.gc.s" "$W/$1.goesc.s" >"$W/$1.diff"
        detail "$W/$1.diff"
    fi
}

cc=$("$GO" env CC)
cc=${cc%% *}
if [ -z "$cc" ] || ! command -v "$cc" >/dev/null 2>&1; then
    reason="no C compiler (go env CC: '$cc' not found): cgo cannot run"
    skip cgo/target "$reason"
    skip cgo/importer "$reason"
    skip cgo/cerror "$reason"
    skip cgo/std "$reason"
else
    for t in target:./cg:-m importer:./user:-m target-m2:./cg:-m=2; do
        name=${t%%:*}
        rest=${t#*:}
        pkg=${rest%%:*}
        m=${rest#*:}
        "$GO" build -gcflags="$m -l" "$pkg" 2>"$W/$name.gc"
        "$GOESC" build -gcflags="$m -l" "$pkg" 2>"$W/$name.goesc"
        echo $? >"$W/$name.rc"
        compare "$name"
    done
    # cgo's output is named as gc names it
    if grep -q '^_cgo_gotypes.go:[0-9]*:[0-9]*: ' "$W/target.goesc"; then
        pass cgo/target-names
    else
        fail cgo/target-names "no line in _cgo_gotypes.go"
        detail "$W/target.goesc"
    fi

    # cgo fails (a C error in the preamble): go build's message, exit 1
    mkdir -p bad
    printf 'package bad\n\n/*\nint f( { return 1; }\n*/\nimport "C"\n\nfunc F() int { return int(C.f()) }\n' >bad/bad.go
    "$GO" build -gcflags='-m -l' ./bad 2>"$W/cerror.gc"
    "$GOESC" build -gcflags='-m -l' ./bad 2>"$W/cerror.goesc"
    rc=$?
    if [ $rc -ne 1 ]; then
        fail cgo/cerror "exit status $rc, want 1"
        detail "$W/cerror.goesc"
    elif ! cmp -s "$W/cerror.gc" "$W/cerror.goesc"; then
        fail cgo/cerror "output differs from go build's (< go build, > goesc)"
        diff "$W/cerror.gc" "$W/cerror.goesc" >"$W/cerror.diff"
        detail "$W/cerror.diff"
    else
        pass cgo/cerror
    fi

    # std's cgo packages
    mkdir -p "$W/std"
    if [ "${GOESC_SLOW:-0}" = 1 ]; then
        (cd "$W/std" && "$GO" build -a -gcflags=all=-l -gcflags='net=-m -l' \
            -gcflags='os/user=-m -l' net os/user) 2>"$W/std.gc"
        (cd "$W/std" && "$GOESC" build -gcflags=all=-l -gcflags='net=-m -l' \
            -gcflags='os/user=-m -l' net os/user) 2>"$W/std.goesc"
        echo $? >"$W/std.rc"
        compare std
    else
        (cd "$W/std" && "$GOESC" build -gcflags='-m -l' net os/user) >"$W/std.out" 2>&1
        rc=$?
        grep '^goesc' "$W/std.out" >"$W/std.notes"
        if [ $rc -ne 0 ]; then
            fail cgo/std "exit status $rc"
            detail "$W/std.notes"
        elif [ -s "$W/std.notes" ]; then
            fail cgo/std "goesc notes about net or os/user"
            detail "$W/std.notes"
        elif ! grep -q '^_cgo_gotypes.go:' "$W/std.out"; then
            fail cgo/std "no line in cgo's output"
        else
            pass cgo/std
        fi
    fi
fi

# no C compiler: go build fails on runtime/cgo (cgo cannot run) and
# compiles no package with cgo files; goesc says the same
for t in nocc:./cg nocc-importer:./user; do
    name=${t%%:*}
    pkg=${t#*:}
    CC=/nonexistent/cc "$GO" build -gcflags='-m -l' "$pkg" 2>"$W/$name.gc"
    CC=/nonexistent/cc "$GOESC" build -gcflags='-m -l' "$pkg" >"$W/$name.goesc" 2>&1
    rc=$?
    if [ $rc -ne 1 ]; then
        fail "cgo/$name" "exit status $rc, want 1"
        detail "$W/$name.goesc"
    elif ! cmp -s "$W/$name.gc" "$W/$name.goesc"; then
        fail "cgo/$name" "output differs from go build's (< go build, > goesc)"
        diff "$W/$name.gc" "$W/$name.goesc" >"$W/$name.diff"
        detail "$W/$name.diff"
    else
        pass "cgo/$name"
    fi
done

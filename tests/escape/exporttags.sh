#!/bin/sh
# Escape tags of dependencies from gc's export data.  go build compiles
# the packages that no -gcflags pattern matches with its default flags,
# inlining on, and gc reads their tags from that export data; inlining can
# make a tag more precise than goesc's analysis without inlining, so
# goesc reads the same export data (src/load/exportdata.c):
#
#   exporttags/build      a module package calling a function of another
#                         package of the module and crypto/rand.Read, both
#                         with tags that inlining changes: goesc build
#                         -gcflags='-m -l' prints what go build prints
#                         (with --source-tags it would not);
#   exporttags/build-all  -gcflags=all='-m -l': every package is matched
#                         and analyzed from source, as go build compiles it;
#   exporttags/compile    goesc compile -importcfg (the importcfg's export
#                         files) and without one (go list -export) print
#                         what go tool compile prints;
#   exporttags/malformed  truncated and corrupted export data is rejected
#                         cleanly (goesc exporttags exits 0 or 1).
set -u
ROOT=${ROOT:-$(cd "$(dirname "$0")/../.." && pwd)}
. "$ROOT/tests/lib/common.sh"
G=escape/exporttags
need_goesc $G || exit 1
find_go $G || exit 1
GOFLAGS=
CGO_ENABLED=0
export GOFLAGS CGO_ENABLED
W=$TBUILD/exporttags
rm -rf "$W"
mkdir -p "$W/mod/dep" "$W/mod/p"
cd "$W/mod" || exit 1
printf 'module example.com/m\n\ngo 1.26\n' >go.mod
cat >dep/dep.go <<'GOEOF'
package dep

type W interface{ Write([]byte) (int, error) }

type nop struct{}

func (nop) Write(b []byte) (int, error) { return len(b), nil }

func newW() W { return nop{} }

// Put: with inlining, newW is inlined and the call devirtualized, so b
// does not escape; without, b leaks through the interface call.
func Put(b []byte) { newW().Write(b) }
GOEOF
cat >p/p.go <<'GOEOF'
package p

import (
	"crypto/rand"

	"example.com/m/dep"
)

func F() byte {
	var b [8]byte
	dep.Put(b[:])
	return b[0]
}

func G() byte {
	var b [8]byte
	rand.Read(b[:])
	return b[0]
}
GOEOF
fails=0
strip() { grep -v '^#' | sort; }

# build: dep and crypto/rand from export data
"$GO" build -gcflags='-m -l' ./p 2>&1 | strip >want.txt
"$GOESC" build -gcflags='-m -l' ./p 2>&1 | strip >got.txt
"$GOESC" build --source-tags -gcflags='-m -l' ./p 2>&1 | strip >src.txt
if ! cmp -s want.txt got.txt; then
    fail $G/build "goesc build differs from go build"
    diff want.txt got.txt | detail /dev/stdin
    fails=1
elif cmp -s want.txt src.txt; then
    fail $G/build "the tags from source give the same output: the test no longer tests export data"
    fails=1
else
    pass $G/build
fi

# build-all: everything analyzed from source, with -l
"$GO" build -gcflags=all='-m -l' ./p 2>&1 | strip >want-all.txt
"$GOESC" build -gcflags=all='-m -l' ./p 2>&1 | strip >got-all.txt
if cmp -s want-all.txt got-all.txt; then
    pass $G/build-all
else
    fail $G/build-all "goesc build differs from go build"
    diff want-all.txt got-all.txt | detail /dev/stdin
    fails=1
fi

# compile: with an importcfg as go build writes it, and without
"$GO" list -export -f '{{if .Export}}packagefile {{.ImportPath}}={{.Export}}{{end}}' -deps ./p >importcfg
"$GO" tool compile -p example.com/m/p -importcfg importcfg -m -l -o "$W/p.o" p/p.go >want-c.txt 2>&1
"$GOESC" compile -p example.com/m/p -importcfg importcfg -m -l -o "$W/p.o" p/p.go >got-c.txt 2>&1
"$GOESC" compile -p example.com/m/p -m -l -o "$W/p.o" p/p.go >got-c2.txt 2>&1
if cmp -s want-c.txt got-c.txt && cmp -s want-c.txt got-c2.txt; then
    pass $G/compile
else
    fail $G/compile "goesc compile differs from go tool compile"
    diff want-c.txt got-c.txt | detail /dev/stdin
    diff want-c.txt got-c2.txt | detail /dev/stdin
    fails=1
fi

# malformed: every truncation on a coarse grid, and corrupted bytes
X=$("$GO" list -export -f '{{.Export}}' example.com/m/dep)
bad=
if ! "$GOESC" exporttags example.com/m/dep "$X" >tags.txt 2>&1 || ! grep -q '^Put	' tags.txt; then
    bad="valid export data not read: $(head -3 tags.txt)"
fi
size=$(wc -c <"$X")
step=$((size / 97 + 1))
off=0
while [ -z "$bad" ] && [ "$off" -lt "$size" ]; do
    head -c "$off" "$X" >trunc.a
    "$GOESC" exporttags example.com/m/dep trunc.a >/dev/null 2>&1
    rc=$?
    [ "$rc" -le 1 ] || bad="truncated at $off: exit status $rc"
    # the same file with one byte changed at off
    { head -c "$off" "$X"; printf '\377'; tail -c +"$((off + 2))" "$X"; } >flip.a
    "$GOESC" exporttags example.com/m/dep flip.a >/dev/null 2>&1
    rc=$?
    [ "$rc" -le 1 ] || bad="byte $off changed: exit status $rc"
    off=$((off + step))
done
if [ -z "$bad" ]; then
    pass $G/malformed
else
    fail $G/malformed "$bad"
    fails=1
fi
exit $fails

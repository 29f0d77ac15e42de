#!/bin/sh
# goesc compile and goesc build behave as go tool compile and go build do:
# the same output on the same stream, the same exit status, for errors
# (syntax, type, too many, missing files and imports, bad flags), -m on
# small files, and go build's "# importpath" headers and relative paths
# from several working directories.  Every case runs both tools.
set -u
ROOT=${ROOT:-$(cd "$(dirname "$0")/../.." && pwd)}
. "$ROOT/tests/lib/common.sh"
G=escape/commands
need_goesc $G || exit 1
find_go $G || exit 1
GOFLAGS=
export GOFLAGS
W=$TBUILD/commands
rm -rf "$W"
mkdir -p "$W/c" "$W/mod/sub/bad" "$W/mod/ok" "$W/mod/esc"

# ---- inputs ---------------------------------------------------------------------
cd "$W/c" || exit 1
printf 'package p\n\nfunc f() { x := }\n' >syntax.go
printf 'package p\n\nfunc f() { var x int = "a" }\n' >types.go
{
    echo 'package p'
    i=1
    while [ $i -le 12 ]; do
        echo "var v$i int = \"s\""
        i=$((i + 1))
    done
} >many.go
printf 'package p\n\nimport "nosuch.example/pkg"\n\nvar _ = pkg.X\n' >noimport.go
printf 'package p\n\nimport "errors"\n\nvar E = errors.New("x")\n' >imports.go
printf '# no packages\n' >empty.importcfg
cat >esc.go <<'EOF'
package p

type T struct{ x int }

var sink *int

func f(p *int) *int { return p }
func g(p *int)      { sink = p }
func h() *T         { return &T{} }
func k() int {
	x := 1
	sink = &x
	return *f(&x)
}
EOF

# compile NAME ARGS...: go tool compile and goesc compile with ARGS give the
# same stdout and exit status (and the same first stderr line)
compile() {
    name=$1
    shift
    (cd "$W/c" && "$GO" tool compile -o gc.o "$@") >"$W/$name.gc.out" 2>"$W/$name.gc.err"
    echo $? >"$W/$name.gc.rc"
    (cd "$W/c" && "$GOESC" compile -o goesc.o "$@") >"$W/$name.goesc.out" 2>"$W/$name.goesc.err"
    echo $? >"$W/$name.goesc.rc"
    head -1 "$W/$name.gc.err" >"$W/$name.gc.err1"
    head -1 "$W/$name.goesc.err" >"$W/$name.goesc.err1"
    if ! cmp -s "$W/$name.gc.out" "$W/$name.goesc.out"; then
        fail "$G/compile/$name" "stdout differs (-gc +goesc)"
        diff "$W/$name.gc.out" "$W/$name.goesc.out" | detail /dev/stdin
    elif ! cmp -s "$W/$name.gc.rc" "$W/$name.goesc.rc"; then
        fail "$G/compile/$name" "exit status $(cat "$W/$name.goesc.rc"), gc: $(cat "$W/$name.gc.rc")"
    elif ! cmp -s "$W/$name.gc.err1" "$W/$name.goesc.err1"; then
        fail "$G/compile/$name" "stderr differs: $(cat "$W/$name.goesc.err1") (gc: $(cat "$W/$name.gc.err1"))"
    else
        pass "$G/compile/$name"
    fi
}

compile syntax -p p syntax.go
compile types -p p types.go
compile types-C -p p -C ./types.go
compile too-many -p p many.go
compile too-many-e -p p -e many.go
compile missing-file -p p types.go nosuch.go
compile bad-flag -p p -nosuchflag types.go
compile no-files -p p -m
compile count-flag -p p -m=x types.go
compile no-import -p p noimport.go
compile importcfg-lacks -p p -importcfg empty.importcfg imports.go
compile m -p p -m -l esc.go
compile m-C -p p -m -l -C esc.go

# ---- go build ---------------------------------------------------------------------
cat >"$W/mod/go.mod" <<'EOF'
module ex.com/m

go 1.22
EOF
printf 'package bad\n\nvar x int = "s"\n' >"$W/mod/sub/bad/b.go"
printf 'package ok\n\nimport _ "ex.com/m/sub/bad"\n' >"$W/mod/ok/ok.go"
cp "$W/c/esc.go" "$W/mod/esc/esc.go"
sed -i 's/^package p$/package esc/' "$W/mod/esc/esc.go"

# build NAME DIR ARGS...: go build and goesc build, run in DIR, print the
# same (stderr; lines starting with "goesc:" are goesc's notes) and exit
# with the same status
build() {
    name=$1
    dir=$2
    shift 2
    (cd "$dir" && "$GO" build "$@") >"$W/$name.gc.out" 2>&1
    echo $? >"$W/$name.gc.rc"
    (cd "$dir" && "$GOESC" build "$@") >"$W/$name.goesc.all" 2>&1
    echo $? >"$W/$name.goesc.rc"
    grep -v '^goesc: ' "$W/$name.goesc.all" >"$W/$name.goesc.out"
    if ! cmp -s "$W/$name.gc.out" "$W/$name.goesc.out"; then
        fail "$G/build/$name" "output differs (-gc +goesc)"
        diff "$W/$name.gc.out" "$W/$name.goesc.out" | detail /dev/stdin
    elif ! cmp -s "$W/$name.gc.rc" "$W/$name.goesc.rc"; then
        fail "$G/build/$name" "exit status $(cat "$W/$name.goesc.rc"), go build: $(cat "$W/$name.gc.rc")"
    else
        pass "$G/build/$name"
    fi
}

# -a: go build replays cached compiler output with the paths made relative
# for the directory of the build that filled the cache (goesc always
# rewrites for the current one, as go build -a does)
build errors-root "$W/mod" -a ./sub/... ex.com/m/ok
build errors-sub "$W/mod/sub" -a ./...
build errors-sibling "$W/mod/ok" -a .
build m "$W/mod" -a -gcflags='-m -l' ./esc
build m-pattern "$W/mod/ok" -a -gcflags='ex.com/m/esc=-m -l' ../esc
build m-relative-pattern "$W/mod" -a -gcflags='./e...=-m -l' ./esc
build m-not-named "$W/mod" -a -gcflags='-m -l' ./sub/... ./esc/..
build m-last-wins "$W/mod" -a -gcflags='-m -l' -gcflags='ex.com/m/esc=' ./esc
build C-flag "$W" -C mod -a -gcflags='-m -l' ./esc
build trimpath "$W/mod/ok" -a -trimpath -gcflags='-m -l' ../esc
build bad-flag "$W/mod" -nosuchflag ./esc
build bad-gcflags "$W/mod" -gcflags=x ./esc
build C-not-first "$W" -a -C mod ./esc
# the README's command (always run from the repository root, so the cache
# quirk above cannot bite)
build examples "$ROOT" -C examples -gcflags='-m -l' ./...

#!/bin/sh
# goesc on the whole standard library against gc:
#
#   goesc build -gcflags='-m -l' std   vs   go build -a -gcflags='-m -l' std
#
# both with CGO_ENABLED=0, from the same (empty) directory.  The outputs
# are compared as sorted lines without go build's "# importpath" headers
# (go build compiles packages in parallel, so its order is arbitrary):
#
#   matching     lines printed by both (as many times as both print them)
#   missing      lines only gc prints
#   unexpected   lines only goesc prints
#
# gc's output takes a minute of CPU; it is cached in build/cache, keyed
# by the Go version and GOOS/GOARCH.  The lists of missing and unexpected
# lines are left in build/tests/stddiff/ (build/asan/tests/... for make
# asan).
#
# The check is a ratchet: it fails when goesc matches fewer lines, or
# prints more unexpected ones, than tests/escape/stddiff.floor allows, or
# when goesc dies.  Raise the floor (and lower the ceiling) as goesc
# improves: `UPDATE=1 sh tests/escape/stddiff.sh` writes the current
# figures into it.
set -u
ROOT=${ROOT:-$(cd "$(dirname "$0")/../.." && pwd)}
. "$ROOT/tests/lib/common.sh"
G=escape/stddiff
need_goesc $G || exit 1
find_go $G || exit 1
LC_ALL=C
export LC_ALL
CGO_ENABLED=0
GOFLAGS=
export CGO_ENABLED GOFLAGS

W=$TBUILD/stddiff
mkdir -p "$W/cwd" "$TCACHE"
goos=$("$GO" env GOOS)
goarch=$("$GO" env GOARCH)
BASE=$TCACHE/stddiff-gc-$GOVERSION-$goos-$goarch.txt

if [ ! -f "$BASE" ]; then
    t0=$(date +%s)
    if ! (cd "$W/cwd" && "$GO" build -a -gcflags='-m -l' std) >"$W/gc.raw" 2>&1; then
        fail $G "go build -a -gcflags='-m -l' std failed"
        detail "$W/gc.raw"
        exit 1
    fi
    grep -v '^#' "$W/gc.raw" | sort >"$BASE.tmp" && mv "$BASE.tmp" "$BASE"
    echo "    (gc's output cached in $BASE: $(($(date +%s) - t0))s)"
fi

t0=$(now_ms)
(cd "$W/cwd" && "$GOESC" build -gcflags='-m -l' std) >"$W/goesc.raw" 2>&1
rc=$?
ms=$(($(now_ms) - t0))
# goesc's own complaints are not compiler output
grep '^goesc: ' "$W/goesc.raw" >"$W/goesc.problems"
grep -v '^#' "$W/goesc.raw" | grep -v '^goesc: ' | sort >"$W/goesc.txt"
comm -12 "$BASE" "$W/goesc.txt" >"$W/matching.txt"
comm -23 "$BASE" "$W/goesc.txt" >"$W/missing.txt"
comm -13 "$BASE" "$W/goesc.txt" >"$W/unexpected.txt"
total=$(wc -l <"$BASE")
m=$(wc -l <"$W/matching.txt")
mi=$(wc -l <"$W/missing.txt")
u=$(wc -l <"$W/unexpected.txt")
pct=$(awk -v m="$m" -v t="$total" 'BEGIN { printf "%.1f", t ? 100 * m / t : 0 }')
figures="matching $m of $total gc lines ($pct%), missing $mi, unexpected $u; goesc exit $rc, ${ms}ms"

FLOOR=$ROOT/tests/escape/stddiff.floor
if [ -n "${UPDATE:-}" ]; then
    {
        sed -n '/^#/p' "$FLOOR" 2>/dev/null
        echo "matching $m"
        echo "unexpected $u"
    } >"$FLOOR.tmp" && mv "$FLOOR.tmp" "$FLOOR"
    echo "    (wrote $FLOOR)"
fi
min_m=$(awk '$1 == "matching" { print $2 }' "$FLOOR")
max_u=$(awk '$1 == "unexpected" { print $2 }' "$FLOOR")

if [ "$rc" -gt 1 ] && [ -s "$W/goesc.problems" ] && grep -q 'fatal' "$W/goesc.problems"; then
    died="goesc died: $(head -1 "$W/goesc.problems")"
else
    died=
fi
if [ "$m" -lt "${min_m:-0}" ] || [ "$u" -gt "${max_u:-0}" ]; then
    fail $G "$figures; floor: matching >= $min_m, unexpected <= $max_u${died:+; $died}"
    echo "    missing: $W/missing.txt, unexpected: $W/unexpected.txt"
    head -5 "$W/missing.txt" | sed 's/^/    - /'
    head -5 "$W/unexpected.txt" | sed 's/^/    + /'
else
    pass "$G: $figures${died:+ ($died)}"
fi

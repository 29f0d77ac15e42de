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
# STDDIFF_M=2 (tests/escape/stddiff-m2.sh) does the same with -m=2.  There
# a message is a header line and its "POS:   flow: ..." / "POS:     from
# ..." continuation lines: each message is joined into one line (parts
# separated by a tab, which no message contains) and messages are
# compared; the line figures are printed too.
#
# gc's output takes a minute of CPU; it is cached in build/cache, keyed
# by the Go version and GOOS/GOARCH (gzipped for -m=2, ~85 MB of text).
# The lists of missing and unexpected lines (messages) are left in
# build/tests/stddiff/ (stddiff-m2/; build/asan/tests/... for make asan).
#
# The check is a ratchet: it fails when goesc matches fewer lines
# (messages), or prints more unexpected ones, than
# tests/escape/stddiff.floor (stddiff-m2.floor) allows, or when goesc
# dies.  Raise the floor (and lower the ceiling) as goesc improves:
# `UPDATE=1 sh tests/escape/stddiff.sh` (stddiff-m2.sh) writes the
# current figures into it.
set -u
ROOT=${ROOT:-$(cd "$(dirname "$0")/../.." && pwd)}
. "$ROOT/tests/lib/common.sh"
M=${STDDIFF_M:-1}
case $M in
1) G=escape/stddiff; MFLAG=-m; SUF= ;;
2) G=escape/stddiff-m2; MFLAG=-m=2; SUF=-m2 ;;
*) echo "FAIL escape/stddiff: STDDIFF_M=$M (want 1 or 2)"; exit 1 ;;
esac
need_goesc $G || exit 1
find_go $G || exit 1
LC_ALL=C
export LC_ALL
CGO_ENABLED=0
GOFLAGS=
export CGO_ENABLED GOFLAGS

W=$TBUILD/stddiff$SUF
mkdir -p "$W/cwd" "$TCACHE"
goos=$("$GO" env GOOS)
goarch=$("$GO" env GOARCH)

# group: go build's output on stdin, sorted units on stdout: lines (-m),
# or messages joined with tabs (-m=2); "# importpath" headers and goesc's
# own lines dropped.  A continuation line is "POS:   ..." (three spaces
# after the position, which has no space in it).
group() {
    if [ "$M" = 1 ]; then
        grep -v '^#' | grep -v '^goesc: ' | sort
        return
    fi
    awk '
    /^#/ || /^goesc: / { next }
    {
        i = index($0, ":   ")
        if (i > 0 && have && index(substr($0, 1, i), " ") == 0) {
            cur = cur "\t" $0
            next
        }
        if (have) print cur
        cur = $0
        have = 1
    }
    END { if (have) print cur }' | sort
}

if [ "$M" = 1 ]; then
    BASE=$TCACHE/stddiff-gc-$GOVERSION-$goos-$goarch.txt
else
    BASE=$TCACHE/stddiff-m2-gc-$GOVERSION-$goos-$goarch.txt.gz
fi
if [ ! -f "$BASE" ]; then
    t0=$(date +%s)
    if ! (cd "$W/cwd" && "$GO" build -a -gcflags="$MFLAG -l" std) >"$W/gc.raw" 2>&1; then
        fail $G "go build -a -gcflags='$MFLAG -l' std failed"
        detail "$W/gc.raw"
        exit 1
    fi
    if [ "$M" = 1 ]; then
        group <"$W/gc.raw" >"$BASE.tmp"
    else
        group <"$W/gc.raw" | gzip -c >"$BASE.tmp"
    fi && mv "$BASE.tmp" "$BASE"
    rm -f "$W/gc.raw"
    echo "    (gc's output cached in $BASE: $(($(date +%s) - t0))s)"
fi
if [ "$M" = 1 ]; then
    GCU=$BASE
else
    GCU=$W/gc.txt
    gzip -dc "$BASE" >"$GCU"
fi

t0=$(now_ms)
(cd "$W/cwd" && "$GOESC" build -gcflags="$MFLAG -l" std) >"$W/goesc.raw" 2>&1
rc=$?
ms=$(($(now_ms) - t0))
# goesc's own complaints are not compiler output
grep '^goesc: ' "$W/goesc.raw" >"$W/goesc.problems"
group <"$W/goesc.raw" >"$W/goesc.txt"
comm -12 "$GCU" "$W/goesc.txt" >"$W/matching.txt"
comm -23 "$GCU" "$W/goesc.txt" >"$W/missing.txt"
comm -13 "$GCU" "$W/goesc.txt" >"$W/unexpected.txt"
total=$(wc -l <"$GCU")
m=$(wc -l <"$W/matching.txt")
mi=$(wc -l <"$W/missing.txt")
u=$(wc -l <"$W/unexpected.txt")
pct=$(awk -v m="$m" -v t="$total" 'BEGIN { printf "%.1f", t ? 100 * m / t : 0 }')
if [ "$M" = 1 ]; then
    figures="matching $m of $total gc lines ($pct%), missing $mi, unexpected $u"
else
    # the same as lines, for comparison with the -m figures
    tr '\t' '\n' <"$GCU" | sort >"$W/gc.lines"
    tr '\t' '\n' <"$W/goesc.txt" | sort >"$W/goesc.lines"
    lt=$(wc -l <"$W/gc.lines")
    lm=$(comm -12 "$W/gc.lines" "$W/goesc.lines" | wc -l)
    lu=$(comm -13 "$W/gc.lines" "$W/goesc.lines" | wc -l)
    rm -f "$W/gc.lines" "$W/goesc.lines"
    figures="matching $m of $total gc messages ($pct%), missing $mi, unexpected $u (lines: $lm of $lt, missing $((lt - lm)), unexpected $lu)"
fi
figures="$figures; goesc exit $rc, ${ms}ms"

FLOOR=$ROOT/tests/escape/stddiff$SUF.floor
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
    head -5 "$W/missing.txt" | cut -c1-300 | sed 's/^/    - /'
    head -5 "$W/unexpected.txt" | cut -c1-300 | sed 's/^/    + /'
else
    pass "$G: $figures${died:+ ($died)}"
fi

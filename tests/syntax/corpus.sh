#!/bin/sh
# goesc parse over the Go distribution's own sources.
#
#   corpus-src          every .go file under $GOROOT/src outside testdata is
#                       accepted (no errors).
#   corpus-test-ok      every $GOROOT/test file whose header (first non-blank
#                       line that isn't //go:build or // +build) is // run,
#                       // compile, // build, // runoutput or // buildrun
#                       (with or without arguments) is accepted.
#   corpus-test-reject  every other $GOROOT/test file for which gc
#                       (`go tool compile -e -p p FILE`) reports a syntax error
#                       is rejected by goesc, with exactly gc's error lines
#                       (both run from $GOROOT/test with the same relative
#                       path; gc lines that need a compilation context goesc
#                       parse doesn't have are dropped, see errors.sh).
#   corpus-test-other   for the remaining files (gc reports no syntax error),
#                       goesc reports no "syntax error" either.
#
# What gc reports is computed here and cached in build/cache, keyed by the
# Go version and GOROOT; the first run compiles ~1700 files with gc.
# Environment: JOBS (default 2).
set -u
ROOT=${ROOT:-$(cd "$(dirname "$0")/../.." && pwd)}
. "$ROOT/tests/lib/common.sh"

LC_ALL=C
export LC_ALL
JOBS=${JOBS:-2}
OUT=$TBUILD/syntax-corpus

# Lines of gc output that goesc parse never prints (see errors.sh).
CONTEXT_ONLY='only allowed in cgo-generated code$|only allowed in runtime$|is only allowed in the standard library$|is not allowed in the standard library$'

# ---- batch runner (invoked through xargs): corpus.sh --batch OUTDIR FILE... --
# Parses the files in one goesc run; if that reports anything, parses them
# one by one to learn which files have errors.  Appends to OUTDIR/bad
# (files with errors), OUTDIR/crash (files goesc crashed on), and keeps the
# errors in OUTDIR/errors.
if [ "${1:-}" = --batch ]; then
    dir=$2
    shift 2
    "$GOESC" parse "$@" >/dev/null 2>"$dir/batch.$$"
    rc=$?
    if [ $rc -ne 0 ] || [ -s "$dir/batch.$$" ]; then
        for f in "$@"; do
            "$GOESC" parse "$f" >/dev/null 2>"$dir/one.$$"
            rc=$?
            if [ $rc -gt 1 ]; then
                echo "$f (exit $rc)" >>"$dir/crash"
            fi
            if [ $rc -ne 0 ] || [ -s "$dir/one.$$" ]; then
                echo "$f" >>"$dir/bad"
                sed 's/^/  /' "$dir/one.$$" | head -5 >>"$dir/errors"
            fi
        done
    fi
    rm -f "$dir/batch.$$" "$dir/one.$$"
    exit 0
fi

# ---- one gc run (invoked through xargs): corpus.sh --gc OUTDIR FILE... --------
# Records, for each FILE (relative to $GOROOT/test), whether gc reports a
# syntax error: OUTDIR/syntax.list gets the file and OUTDIR/gc/FILE.out gc's
# output.  Never -o /dev/null: gc removes its output file when it fails.
if [ "${1:-}" = --gc ]; then
    dir=$2
    shift 2
    cd "$GOROOT/test" || exit 1
    for f in "$@"; do
        "$GO" tool compile -e -p p -o "$dir/tmp.$$.o" "$f" >"$dir/tmp.$$.out" 2>&1
        if grep -q 'syntax error' "$dir/tmp.$$.out"; then
            mkdir -p "$dir/gc/$(dirname "$f")"
            grep -Ev "$CONTEXT_ONLY" "$dir/tmp.$$.out" >"$dir/gc/$f.out"
            echo "$f" >>"$dir/syntax.list"
        else
            echo "$f" >>"$dir/clean.list"
        fi
    done
    rm -f "$dir/tmp.$$.o" "$dir/tmp.$$.out"
    exit 0
fi

rm -rf "$OUT"
mkdir -p "$OUT"
need_goesc corpus || exit 1
find_go corpus || exit 1
SELF=$ROOT/tests/syntax/corpus.sh
export ROOT GOESC GO GOROOT

# run_batches NAME LISTFILE: parses the files of LISTFILE (relative to the
# current directory) and reports; a file with errors fails the test.
run_batches() {
    name=$1 list=$2
    dir=$OUT/$name
    mkdir -p "$dir"
    total=$(wc -l <"$list")
    tr '\n' '\0' <"$list" | xargs -0 -P "$JOBS" -n 200 sh "$SELF" --batch "$dir"
    nbad=0
    [ -f "$dir/bad" ] && nbad=$(wc -l <"$dir/bad")
    ncrash=0
    [ -f "$dir/crash" ] && ncrash=$(wc -l <"$dir/crash")
    if [ "$total" -eq 0 ]; then
        fail "$name" "no files found"
    elif [ "$nbad" -eq 0 ]; then
        pass "$name: $total/$total accepted"
    else
        fail "$name" "$((total - nbad))/$total accepted; $nbad rejected ($ncrash crashed)"
        [ "$ncrash" -gt 0 ] && detail "$dir/crash" 5
        detail "$dir/errors" 20
    fi
}

# ---- (a) the standard library and commands ----------------------------------
cd "$GOROOT/src" || exit 1
find . -name '*.go' -not -path '*/testdata/*' | sed 's|^\./||' | sort >"$OUT/src.list"
run_batches corpus-src "$OUT/src.list"

# ---- (b) $GOROOT/test files that must compile -------------------------------
cd "$GOROOT/test" || exit 1
find . -name '*.go' | sed 's|^\./||' | sort >"$OUT/test.list"
# header of each file: its first non-blank line other than build constraints
tr '\n' '\0' <"$OUT/test.list" | xargs -0 awk '
    FNR == 1 { done = 0 }
    done { next }
    /^[ \t\r]*$/ || /^\/\/go:build/ || /^\/\/ \+build/ { next }
    { print FILENAME "\t" $0; done = 1; nextfile }' >"$OUT/headers"
awk -F '\t' '$2 ~ /^\/\/ (run|compile|build|runoutput|buildrun)([ \t\r]|$)/ { print $1 }' \
    "$OUT/headers" | sort >"$OUT/test-ok.list"
sort "$OUT/test-ok.list" | comm -23 "$OUT/test.list" - >"$OUT/test-other.list"
run_batches corpus-test-ok "$OUT/test-ok.list"

# ---- (c) the other files: gc's verdicts, cached -----------------------------
KEY=$(printf '%s\n%s\n' "$("$GO" version)" "$GOROOT" | cksum | cut -d' ' -f1)
CACHE=$TCACHE/corpus-test-$GOVERSION-$KEY
if [ ! -f "$CACHE/done" ] || ! cmp -s "$CACHE/files" "$OUT/test-other.list"; then
    echo "computing gc's verdicts for $(wc -l <"$OUT/test-other.list") files (cached in $CACHE)"
    rm -rf "$CACHE.tmp"
    mkdir -p "$CACHE.tmp"
    : >"$CACHE.tmp/syntax.list"
    : >"$CACHE.tmp/clean.list"
    tr '\n' '\0' <"$OUT/test-other.list" | xargs -0 -P "$JOBS" -n 20 sh "$SELF" --gc "$CACHE.tmp"
    sort -o "$CACHE.tmp/syntax.list" "$CACHE.tmp/syntax.list"
    sort -o "$CACHE.tmp/clean.list" "$CACHE.tmp/clean.list"
    cp "$OUT/test-other.list" "$CACHE.tmp/files"
    if [ "$(cat "$CACHE.tmp/syntax.list" "$CACHE.tmp/clean.list" | wc -l)" -eq "$(wc -l <"$OUT/test-other.list")" ]; then
        touch "$CACHE.tmp/done"
        rm -rf "$CACHE"
        mv "$CACHE.tmp" "$CACHE"
    else
        fail corpus-test-reject "running gc over $GOROOT/test went wrong (see $CACHE.tmp)"
        exit 0
    fi
fi

# goesc on each file gc reports a syntax error for: same lines
nrej=$(wc -l <"$CACHE/syntax.list")
: >"$OUT/reject.diffs"
: >"$OUT/accepted"
ndiff=0
nacc=0
while IFS= read -r f; do
    "$GOESC" parse "$f" >/dev/null 2>"$OUT/stderr"
    rc=$?
    if [ $rc -eq 0 ]; then
        nacc=$((nacc + 1))
        echo "$f" >>"$OUT/accepted"
    fi
    if [ $rc -gt 1 ] || ! cmp -s "$CACHE/gc/$f.out" "$OUT/stderr"; then
        ndiff=$((ndiff + 1))
        {
            echo "$f (exit $rc; -gc +goesc):"
            diff "$CACHE/gc/$f.out" "$OUT/stderr" | sed -n '2,$p' | head -6
        } >>"$OUT/reject.diffs"
    fi
done <"$CACHE/syntax.list"
if [ "$nrej" -eq 0 ]; then
    fail corpus-test-reject "gc reports no syntax errors in $GOROOT/test (unexpected)"
elif [ $ndiff -eq 0 ]; then
    pass "corpus-test-reject: $nrej/$nrej rejected with gc's exact errors"
else
    fail corpus-test-reject "$((nrej - nacc))/$nrej rejected; $ndiff differ from gc's errors"
    detail "$OUT/reject.diffs" 40
fi

# the rest: gc reports no syntax error, so goesc mustn't either
nclean=$(wc -l <"$CACHE/clean.list")
mkdir -p "$OUT/other"
tr '\n' '\0' <"$CACHE/clean.list" | xargs -0 -P "$JOBS" -n 200 sh -c \
    '"$GOESC" parse "$@" >/dev/null 2>"$0/err.$$"; rc=$?; [ $rc -gt 1 ] && echo "exit $rc" >>"$0/crash"; cat "$0/err.$$" >>"$0/all"; rm -f "$0/err.$$"; exit 0' \
    "$OUT/other"
touch "$OUT/other/all"
grep 'syntax error' "$OUT/other/all" >"$OUT/other/syntax" || true
nsyn=$(wc -l <"$OUT/other/syntax")
if [ -f "$OUT/other/crash" ]; then
    fail corpus-test-other "goesc crashed (in $(wc -l <"$OUT/other/crash") batches)"
elif [ "$nsyn" -eq 0 ]; then
    pass "corpus-test-other: $nclean files without syntax errors in gc, none in goesc"
else
    fail corpus-test-other "goesc reports $nsyn syntax errors in files gc finds none in"
    detail "$OUT/other/syntax" 10
fi
exit 0

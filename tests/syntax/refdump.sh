#!/bin/sh
# Compares goesc's syntax trees with gc's own (docs/syntax.md, "Dump format"
# and "Strings format").
#
#   refdump-src         tree dumps of every .go file under $GOROOT/src
#                       outside testdata
#   refdump-test        tree dumps of every $GOROOT/test file, every .go file
#                       in a testdata directory of $GOROOT/src and the corner
#                       cases in tests/syntax/testdata, that gc's parser accepts
#   refstrings-src      syntax.String, StartPos and EndPos of every expression
#                       and statement, over the files of refdump-src
#   refstrings-test     the same over the files of refdump-test
#   referrors-branches  label and branch errors (break/continue/goto/
#                       fallthrough checks) over all files of refdump-test
#
# The reference is tests/tools/syntaxdump, built against a copy of gc's
# cmd/compile/internal/syntax made at run time (never committed).  Only files
# the reference parses without errors are dumped; a file goesc reports errors
# for, or dumps differently, counts as a difference.  Batches of files run in
# parallel; the reference's output per batch is remembered (as a checksum,
# in $TCACHE/refdump, keyed by the reference and the batch's contents), so
# that reruns mostly run goesc only.
#
# Usage: sh tests/syntax/refdump.sh [SUITE...]      (default: all)
# Environment: GOESC, GO (see tests/lib/common.sh), JOBS (parallel batches,
# default 2), CHUNK (files per batch, default 200), SHOW (files whose
# differences are shown, default 3).  Lists of differing files are left in
# $TBUILD/refdump/SUITE.diffs.
set -eu
ROOT=${ROOT:-$(cd "$(dirname "$0")/../.." && pwd)}
. "$ROOT/tests/lib/common.sh"

SELF="$ROOT/tests/syntax/refdump.sh"
OUT="$TBUILD/refdump"
CACHE="$TCACHE/refdump"
REFDIR="$TBUILD/refsyntax"
REF="$REFDIR/syntaxdump"
export OUT CACHE REF GOESC

# ---- one batch (run by xargs): refdump.sh --batch MODE LIST --------------
# Writes LIST.ok (the files the reference accepted) and, when the outputs
# differ, LIST.ref and LIST.got (LIST.err: goesc's errors).
if [ "${1:-}" = "--batch" ]; then
    mode=$2 list=$3
    flag= gflag=--dump
    if [ "$mode" = strings ]; then flag=-strings gflag=--strings; fi
    key=$({ echo "$mode"; cat "$list"; xargs -d '\n' -a "$list" cat; } | md5sum | cut -c1-32)
    sum="$CACHE/$REFKEY/$key.sum"
    run_ref() {
        if ! "$REF" $flag -l "$list" >"$list.ref"; then
            echo "reference failed on batch $list" >"$list.referr"
        fi
    }
    if [ -f "$sum" ] && [ -f "$sum.ok" ]; then
        cp "$sum.ok" "$list.ok"
    else
        run_ref
        # goesc gets exactly the files the reference accepted
        sed -n 's/^# //p' "$list.ref" >"$list.ok"
        if [ ! -f "$list.referr" ]; then
            mkdir -p "$CACHE/$REFKEY"
            cp "$list.ok" "$sum.ok"
            md5sum <"$list.ref" >"$sum"
        fi
    fi
    : >"$list.got"
    if [ -s "$list.ok" ]; then
        set +e
        xargs -d '\n' -a "$list.ok" "$GOESC" parse $gflag -- >"$list.got" 2>"$list.err"
        st=$?
        set -e
        # xargs: 123 when goesc exited with 1 (errors); more is a crash
        if [ $st -ne 0 ] && [ $st -ne 123 ]; then echo "$st" >"$list.crash"; fi
    fi
    if [ -f "$sum" ] && [ "$(md5sum <"$list.got")" = "$(cat "$sum")" ]; then
        rm -f "$list.ref" "$list.got"
    elif [ ! -f "$list.ref" ]; then
        run_ref
    fi
    exit 0
fi

need_goesc refdump || exit 1
find_go refdump || exit 1
mkdir -p "$OUT"

# ---- the reference: tool + copy of gc's syntax package ---------------------
build_ref() {
    mkdir -p "$REFDIR/syntax"
    cp "$ROOT/tests/tools/syntaxdump/go.mod" "$ROOT/tests/tools/syntaxdump/main.go" "$REFDIR/"
    rm -f "$REFDIR/syntax/"*.go
    for f in "$GOROOT/src/cmd/compile/internal/syntax/"*.go; do
        case $f in *_test.go) ;; *) cp "$f" "$REFDIR/syntax/" ;; esac
    done
    (cd "$REFDIR" && GOFLAGS= GOWORK=off "$GO" build -o syntaxdump .)
}
if ! build_ref >"$TBUILD/refsyntax.log" 2>&1; then
    fail refdump "cannot build the reference (tests/tools/syntaxdump)"
    detail "$TBUILD/refsyntax.log"
    exit 1
fi
# the reference's identity, for the cache of its outputs
REFKEY=$({ "$GO" version; cat "$REFDIR/main.go" "$REFDIR/syntax/"*.go; } | md5sum | cut -c1-32)
export REFKEY
if [ -d "$CACHE" ]; then
    find "$CACHE" -mindepth 1 -maxdepth 1 ! -name "$REFKEY" -exec rm -rf {} +
fi

# Every line of a batch output prefixed with the file it belongs to.
tagged() {
    awk '/^# / { p = substr($0, 3) } { print p "\t" $0 }' "$1"
}

# The dump of one file out of a batch output.
section() {
    awk -v want="$2" '/^# / { on = (substr($0, 3) == want) } on' "$1"
}

# run_suite SUITE MODE FILELIST
run_suite() {
    suite=$1 mode=$2 files=$3
    dir="$OUT/$suite"
    rm -rf "$dir"
    mkdir -p "$dir"
    split -l "${CHUNK:-200}" -a 4 "$files" "$dir/b."
    find "$dir" -name 'b.????' | sort >"$dir/batches"
    xargs -a "$dir/batches" -P "${JOBS:-2}" -n 1 sh "$SELF" --batch "$mode"

    if [ -n "$(find "$dir" -name '*.referr')" ]; then
        fail "$suite" "the reference failed"
        cat "$dir"/*.referr | sed 's/^/    /'
        return 1
    fi
    accepted=$(find "$dir" -name 'b.????.ok' -exec cat {} + | wc -l)
    : >"$OUT/$suite.diffs"
    for ref in $(find "$dir" -name 'b.????.ref' | sort); do
        b=${ref%.ref}
        tagged "$ref" >"$b.tref"
        tagged "$b.got" >"$b.tgot"
        # the files owning a differing line
        diff "$b.tref" "$b.tgot" | sed -n 's/^[<>] \([^\t]*\)\t.*/\1/p' | sort -u >>"$OUT/$suite.diffs" || true
        rm -f "$b.tref" "$b.tgot"
    done
    ndiff=$(wc -l <"$OUT/$suite.diffs")
    crashes=$(find "$dir" -name 'b.????.crash' | wc -l)
    if [ "$ndiff" -eq 0 ] && [ "$crashes" -eq 0 ]; then
        pass "$suite ($accepted files)"
        return 0
    fi
    fail "$suite" "$ndiff files differ (of $accepted compared)"
    if [ "$crashes" -gt 0 ]; then echo "    goesc exited abnormally in $crashes batches"; fi
    # the first differences, file by file
    shown=0
    while IFS= read -r f && [ $shown -lt "${SHOW:-3}" ]; do
        shown=$((shown + 1))
        b=$(grep -lx -F -- "$f" "$dir"/b.????.ok | head -1)
        b=${b%.ok}
        section "$b.ref" "$f" >"$dir/want"
        section "$b.got" "$f" >"$dir/have"
        echo "    --- $f (gc: <, goesc: >)"
        diff "$dir/want" "$dir/have" | head -"${LINES_PER_FILE:-20}" | sed 's/^/    /' || true
        if [ -f "$b.err" ]; then
            grep -F -- "$f:" "$b.err" | head -3 | sed 's/^/    goesc: /' || true
        fi
    done <"$OUT/$suite.diffs"
    return 1
}

# The messages of gc's syntax/branches.go.
BRANCH_ERRORS='label [^ ]* (defined and not used|already defined at |not defined$)|break is not in a loop|continue is not in a loop|fallthrough (statement out of place|final case|in type switch)|jumps (into block|over declaration)|invalid (break|continue) label|(break|continue) label not defined'

# run_errors SUITE REGEXP FILELIST: the errors matching REGEXP, as
# "file:line:col: message" lines, must be the same (as sorted lists).
run_errors() {
    suite=$1 re=$2 files=$3
    dir="$OUT/$suite"
    rm -rf "$dir"
    mkdir -p "$dir"
    "$REF" -errors -l "$files" | grep -E -e "$re" | sort >"$dir/want" || true
    xargs -d '\n' -a "$files" "$GOESC" parse -- >"$dir/out" 2>"$dir/err" || true
    grep -E -e "$re" "$dir/err" | sort >"$dir/have" || true
    n=$(wc -l <"$dir/want")
    if cmp -s "$dir/want" "$dir/have"; then
        pass "$suite ($n errors)"
        return 0
    fi
    nd=$(diff "$dir/want" "$dir/have" | grep -c '^[<>]' || true)
    fail "$suite" "$nd lines differ ($n errors expected; gc: <, goesc: >)"
    diff "$dir/want" "$dir/have" | grep '^[<>]' | head -"${LINES_PER_FILE:-20}" | sed 's/^/    /'
    return 1
}

find "$GOROOT/src" -type f -name '*.go' -not -path '*/testdata/*' | sort >"$OUT/src.files"
{
    find "$GOROOT/test" -type f -name '*.go'
    find "$GOROOT/src" -type f -path '*/testdata/*' -name '*.go'
    find "$ROOT/tests/syntax/testdata" -type f -name '*.go'
} | sort >"$OUT/test.files"

suites=${*:-"refdump-src refdump-test refstrings-src refstrings-test referrors-branches"}
status=0
for s in $suites; do
    case $s in
    refdump-src) run_suite "$s" dump "$OUT/src.files" || status=1 ;;
    refdump-test) run_suite "$s" dump "$OUT/test.files" || status=1 ;;
    refstrings-src) run_suite "$s" strings "$OUT/src.files" || status=1 ;;
    refstrings-test) run_suite "$s" strings "$OUT/test.files" || status=1 ;;
    referrors-branches) run_errors "$s" "$BRANCH_ERRORS" "$OUT/test.files" || status=1 ;;
    *) fail "$s" "unknown suite (refdump.sh)"; status=1 ;;
    esac
done
exit $status

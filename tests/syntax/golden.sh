#!/bin/sh
# Golden tree dumps.
#
#   golden/NAME       `goesc parse --dump NAME.go` (run in tests/syntax/golden)
#                     prints exactly NAME.dump, with no errors.
#   golden-coverage   the dumps together contain every node kind of
#                     src/syntax/syntax.h (BadExpr excepted: only broken
#                     source has it).
#   golden-vs-gc      every NAME.dump equals the tree gc's own syntax package
#                     builds (tests/tools/syntaxdump over a copy of
#                     $GOROOT/src/cmd/compile/internal/syntax), so the
#                     expected files are known to be right.
#
# UPDATE=1 sh tests/syntax/golden.sh regenerates the NAME.dump files from
# goesc (golden-vs-gc then says whether gc agrees).
set -u
ROOT=${ROOT:-$(cd "$(dirname "$0")/../.." && pwd)}
. "$ROOT/tests/lib/common.sh"

DIR=$ROOT/tests/syntax/golden
OUT=$TBUILD/syntax-golden
rm -rf "$OUT"
mkdir -p "$OUT"
need_goesc golden || exit 1
cd "$DIR" || exit 1

for src in *.go; do
    name=${src%.go}
    "$GOESC" parse --dump "$src" >"$OUT/$name.dump" 2>"$OUT/$name.stderr"
    rc=$?
    if [ "${UPDATE:-}" = 1 ] && [ $rc -eq 0 ]; then
        cp "$OUT/$name.dump" "$name.dump"
    fi
    if [ $rc -ne 0 ] || [ -s "$OUT/$name.stderr" ]; then
        fail "golden/$name" "goesc parse exited with status $rc"
        detail "$OUT/$name.stderr" 10
    elif [ ! -f "$name.dump" ]; then
        fail "golden/$name" "no expected file $name.dump (generate with UPDATE=1)"
    elif ! cmp -s "$name.dump" "$OUT/$name.dump"; then
        fail "golden/$name" "dump differs (-expected +goesc)"
        diff "$name.dump" "$OUT/$name.dump" | sed -n '2,$p' >"$OUT/$name.diff"
        detail "$OUT/$name.diff" 20
    else
        pass "golden/$name"
    fi
done

# ---- coverage: every node kind appears in some expected dump ---------------
# Kinds from the SynKind enum: SYN_CALL_EXPR -> CallExpr.
sed -n '/^typedef enum SynKind {/,/^} SynKind;/p' "$ROOT/src/syntax/syntax.h" |
    sed -n 's/^ *SYN_\([A-Z_]*\)[ ,=].*/\1/p' | grep -v '^KIND_COUNT$' |
    awk -F_ '{ s = ""; for (i = 1; i <= NF; i++) s = s substr($i, 1, 1) tolower(substr($i, 2)); print s }' |
    grep -v '^BadExpr$' | sort -u >"$OUT/kinds.all"
cat ./*.dump 2>/dev/null | grep -v '^# ' |
    sed 's/^ *//; s/^[A-Za-z]*\(\[[0-9]*\]\)\{0,1\}: //' | awk '{ print $1 }' |
    sort -u >"$OUT/kinds.seen"
missing=$(comm -23 "$OUT/kinds.all" "$OUT/kinds.seen" | tr '\n' ' ')
nkinds=$(wc -l <"$OUT/kinds.all")
if [ "$nkinds" -lt 40 ]; then
    fail golden-coverage "could not read the node kinds from src/syntax/syntax.h"
elif [ -n "$missing" ]; then
    fail golden-coverage "node kinds missing from the golden files: $missing"
else
    pass "golden-coverage ($nkinds node kinds)"
fi

# ---- the expected dumps against gc's own parser ----------------------------
if find_go golden-vs-gc; then
    REF=$TCACHE/syntaxdump-$GOVERSION
    if ! build_syntaxdump "$REF" >"$OUT/ref.log" 2>&1; then
        fail golden-vs-gc "cannot build the reference dumper (tests/tools/syntaxdump)"
        detail "$OUT/ref.log" 10
    else
        bad=0
        : >"$OUT/gc.diffs"
        for src in *.go; do
            name=${src%.go}
            "$REF/syntaxdump" -v "$src" >"$OUT/$name.gc" 2>>"$OUT/gc.diffs"
            if [ ! -f "$name.dump" ]; then
                bad=$((bad + 1))
                echo "$src: no expected file" >>"$OUT/gc.diffs"
            elif ! cmp -s "$name.dump" "$OUT/$name.gc"; then
                bad=$((bad + 1))
                { echo "$src (-expected +gc):"; diff "$name.dump" "$OUT/$name.gc" | sed -n '2,$p' | head -10; } >>"$OUT/gc.diffs"
            fi
        done
        total=$(ls ./*.go | wc -l)
        if [ $bad -eq 0 ]; then
            pass "golden-vs-gc ($total files agree with $GOVERSION)"
        else
            fail golden-vs-gc "$bad of $total expected dumps differ from gc's tree ($GOVERSION)"
            detail "$OUT/gc.diffs" 40
        fi
    fi
fi
exit 0

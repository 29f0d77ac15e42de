#!/bin/sh
# Syntax error tests.
#
#   errors/NAME     tests/syntax/errors/NAME.go must make `goesc parse` print
#                   exactly NAME.err on stderr (nothing on stdout) and exit
#                   with status 1 (0 when NAME.err is empty).
#   errors-vs-gc    every NAME.err equals what gc itself reports for NAME.go
#                   (`go tool compile -e -p p NAME.go`, which prints its errors
#                   on stdout; -e lifts gc's limit of 10 errors).  Checks that
#                   gc makes only with a compilation context (cgo-generated
#                   files, -std, runtime) are dropped from gc's output: plain
#                   `goesc parse` knows no such context.
#   limits/...      generated at run time: a 50 MB file, 1 MB lines, 5000-deep
#                   nesting (accepted, within a few seconds) and 100001 or
#                   1000000 levels, beyond SYN_MAX_DEPTH (a clear "nesting too
#                   deep" error, no crash).
#
# UPDATE=1 sh tests/syntax/errors.sh rewrites every NAME.err from goesc's
# output (then check them with the errors-vs-gc result and git diff).
set -u
ROOT=${ROOT:-$(cd "$(dirname "$0")/../.." && pwd)}
. "$ROOT/tests/lib/common.sh"

DIR=$ROOT/tests/syntax/errors
OUT=$TBUILD/syntax-errors
rm -rf "$OUT"
mkdir -p "$OUT"
need_goesc errors || exit 1

# ---- hand-written cases ---------------------------------------------------
cd "$DIR" || exit 1
for src in *.go; do
    name=${src%.go}
    "$GOESC" parse "$src" >"$OUT/$name.stdout" 2>"$OUT/$name.stderr"
    rc=$?
    if [ "${UPDATE:-}" = 1 ]; then
        cp "$OUT/$name.stderr" "$name.err"
    fi
    if [ ! -f "$name.err" ]; then
        fail "errors/$name" "no expected file $name.err (generate with UPDATE=1)"
        continue
    fi
    want=1
    [ -s "$name.err" ] || want=0
    if [ $rc -gt 1 ]; then
        fail "errors/$name" "goesc exited with status $rc (crash?)"
        detail "$OUT/$name.stderr" 5
    elif ! cmp -s "$name.err" "$OUT/$name.stderr"; then
        fail "errors/$name" "stderr differs (-expected +goesc)"
        diff "$name.err" "$OUT/$name.stderr" | sed -n '2,$p' >"$OUT/$name.diff"
        detail "$OUT/$name.diff" 20
    elif [ $rc -ne $want ]; then
        fail "errors/$name" "exit status $rc, want $want"
    elif [ -s "$OUT/$name.stdout" ]; then
        fail "errors/$name" "unexpected output on stdout"
        detail "$OUT/$name.stdout" 5
    else
        pass "errors/$name"
    fi
done

# ---- the expected files against gc ------------------------------------------
# Lines gc prints only with a compilation context goesc parse doesn't have.
CONTEXT_ONLY='only allowed in cgo-generated code$|only allowed in runtime$|is only allowed in the standard library$|is not allowed in the standard library$'
if find_go errors-vs-gc; then
    # (never -o /dev/null: gc removes its output file when it fails)
    ls *.go | xargs -P 2 -I{} sh -c \
        'cd "$1" && "$2" tool compile -e -p p -o "$4/$3.o" "$3" >"$4/$3.gc" 2>&1; exit 0' \
        sh "$DIR" "$GO" {} "$OUT"
    bad=0
    : >"$OUT/gc.diffs"
    for src in *.go; do
        name=${src%.go}
        [ -f "$name.err" ] || continue
        grep -Ev "$CONTEXT_ONLY" "$OUT/$src.gc" >"$OUT/$name.gcerr"
        if ! cmp -s "$name.err" "$OUT/$name.gcerr"; then
            bad=$((bad + 1))
            { echo "$src (-expected +gc):"; diff "$name.err" "$OUT/$name.gcerr" | sed -n '2,$p' | head -8; } >>"$OUT/gc.diffs"
        fi
    done
    total=$(ls *.go | wc -l)
    if [ $bad -eq 0 ]; then
        pass "errors-vs-gc ($total files agree with $GOVERSION)"
    else
        fail errors-vs-gc "$bad of $total expected files differ from gc ($GOVERSION)"
        detail "$OUT/gc.diffs" 40
    fi
fi

# ---- generated limits -------------------------------------------------------
cd "$OUT" || exit 1

# gen N OPEN CLOSE PREFIX MIDDLE SUFFIX: a file nesting OPEN..CLOSE N times
gen() {
    awk -v n="$1" -v o="$2" -v c="$3" -v pre="$4" -v mid="$5" -v post="$6" 'BEGIN {
        printf "package p\n\n%s", pre
        for (i = 0; i < n; i++) printf "%s", o
        printf "%s", mid
        for (i = 0; i < n; i++) printf "%s", c
        printf "%s\n", post
    }'
}

# run_limit NAME FILE WANT SECONDS: parse FILE; WANT is "ok" (no errors),
# "any" (no crash), or a pattern the single error line must match.
run_limit() {
    name=$1 file=$2 want=$3 limit=$(($4 * TIMESCALE))
    t0=$(now_ms)
    "$GOESC" parse "$file" >"$name.stdout" 2>"$name.stderr"
    rc=$?
    ms=$(($(now_ms) - t0))
    secs=$(awk -v ms="$ms" 'BEGIN { printf "%.2f", ms / 1000 }')
    if [ $rc -gt 1 ]; then
        fail "limits/$name" "goesc exited with status $rc after ${secs}s (crash?)"
        detail "$name.stderr" 5
    elif [ "$ms" -gt $((limit * 1000)) ]; then
        fail "limits/$name" "took ${secs}s (limit ${limit}s)"
    elif [ "$want" = any ] && [ $rc -eq 1 ] &&
        { [ "$(wc -l <"$name.stderr")" -ne 1 ] || ! grep -q 'nesting too deep' "$name.stderr"; }; then
        fail "limits/$name" "want no error or one 'nesting too deep', got:"
        detail "$name.stderr" 3 | cut -c1-200
    elif [ "$want" = any ]; then
        pass "limits/$name ($(if [ $rc -eq 0 ]; then echo accepted; else echo rejected; fi), ${secs}s)"
    elif [ "$want" = ok ] && { [ $rc -ne 0 ] || [ -s "$name.stderr" ]; }; then
        fail "limits/$name" "rejected (exit $rc)"
        detail "$name.stderr" 3 | cut -c1-200
    elif [ "$want" != ok ] && { [ $rc -ne 1 ] || [ "$(wc -l <"$name.stderr")" -ne 1 ] ||
        ! grep -Eq "$want" "$name.stderr"; }; then
        fail "limits/$name" "want one error matching '$want', got exit $rc:"
        detail "$name.stderr" 3 | cut -c1-200
    else
        pass "limits/$name (${secs}s)"
    fi
    rm -f "$file" "$name.stdout"
}

# about 50 MB of ordinary declarations
awk 'BEGIN {
    print "package p\n"
    for (i = 0; i < 230000; i++) {
        printf "// f%d is a generated function.\n", i
        printf "func f%d(a, b int, s []string) (int, error) {\n", i
        printf "\tif a > b && len(s) != 0 {\n\t\treturn a*2 + b<<1, nil\n\t}\n"
        printf "\tx := []int{a, b, %d}\n\tfor i := range x {\n\t\tx[i]++\n\t}\n", i
        printf "\treturn x[0], fmt.Errorf(\"f%%d\", %d)\n}\n\n", i
    }
}' >big.go
run_limit big-50mb big.go ok 10

# 1 MB lines: a long expression, a long string, a long identifier, a
# long comment, and an error at the end of a long line
awk 'BEGIN {
    printf "package p\n\nvar x = 1"
    for (i = 0; i < 262144; i++) printf "+a%d", i % 10
    printf "\nvar s = \""
    for (i = 0; i < 1048576; i++) printf "x"
    printf "\"\nvar "
    for (i = 0; i < 1048576; i++) printf "y"
    printf " = 1\n// "
    for (i = 0; i < 1048576; i++) printf "z"
    printf "\n"
}' >line.go
run_limit line-1mb line.go ok 5
awk 'BEGIN {
    printf "package p\n\nvar x = 1"
    for (i = 0; i < 250000; i++) printf "+a%d", i % 10
    printf " @\n"
}' >line-error.go
run_limit line-1mb-error line-error.go "invalid character U\\+0040 '@'" 5

# 5000 levels are fine; beyond SYN_MAX_DEPTH (100000 recursive calls, a few
# tens of thousands of levels) "nesting too deep" is reported
# (30000 levels may go either way, depending on the construct: no crash)
for n in 5000 30000 100001 1000000; do
    case $n in
    5000) want=ok ;;
    30000) want=any ;;
    *) want='nesting too deep' ;;
    esac
    gen $n '(' ')' 'var x = ' 'y' '' >f.go && run_limit "parens-$n" f.go "$want" 5
    gen $n 'a[' ']' 'var x = ' '0' '' >f.go && run_limit "index-$n" f.go "$want" 5
    gen $n '[]' '' 'var x ' 'int' '' >f.go && run_limit "slicetype-$n" f.go "$want" 5
    gen $n '{' '}' 'var x = T' '' '' >f.go && run_limit "complit-$n" f.go "$want" 5
    gen $n '{' '}' 'func f() ' 'x++' '' >f.go && run_limit "blocks-$n" f.go "$want" 5
    gen $n 'if x {' '}' 'func f() {' '' '}' >f.go && run_limit "ifs-$n" f.go "$want" 5
    gen $n 'func() {' '}()' 'var x = ' '' '' >f.go && run_limit "funclits-$n" f.go "$want" 5
    gen $n '*' '' 'var x ' 'int' '' >f.go && run_limit "pointers-$n" f.go "$want" 5
    gen $n '- ' '' 'var x = ' 'y' '' >f.go && run_limit "unary-$n" f.go "$want" 5
done
exit 0

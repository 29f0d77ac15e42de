#!/bin/sh
# Runs every test group and ends with the line "N passed, M failed".
#
#   make test                      (sets GOESC and UNIT)
#   sh tests/run.sh [GROUP...]     GROUP: a script path or a module name
#
# Groups, in this order:
#   unit                         the C unit tests ($UNIT, built from tests/unit)
#   tests/MODULE/*.sh            for MODULE in base syntax types, then any other
#   tests/MODULE/*/run.sh        module directory (not lib, tools, unit, fuzz)
#
# A group prints "PASS name" and "FAIL name: reason" lines (details
# indented), and "SKIP name: reason" for a check that cannot run here
# (neither passed nor failed); this script counts them.  A group that exits non-zero without
# printing a FAIL line, or prints nothing, counts as one failure.
# Exit status: 1 if anything failed.
set -u

ROOT=$(cd "$(dirname "$0")/.." && pwd)
GOESC=${GOESC:-$ROOT/build/goesc}
UNIT=${UNIT:-$ROOT/build/unit}
export ROOT GOESC UNIT
# Sanitizer builds (make asan): a finding exits with status 66, which no
# test takes for an ordinary failure (goesc exits with 1 on errors in the
# input), LeakSanitizer is on, and every report also goes to a file under
# $REPORTS, so that a finding fails the run even where a test only looks at
# the output.
case $(grep -c __asan_init "$GOESC" 2>/dev/null) in
0 | '') SANITIZED=no ;;
*) SANITIZED=yes ;;
esac
REPORTS=$(dirname "$GOESC")/sanitizer-reports
if [ $SANITIZED = yes ]; then
    rm -rf "$REPORTS"
    mkdir -p "$REPORTS"
    ASAN_OPTIONS=${ASAN_OPTIONS:-exitcode=66:detect_leaks=1:log_path=$REPORTS/asan}
    UBSAN_OPTIONS=${UBSAN_OPTIONS:-exitcode=66:print_stacktrace=1:log_path=$REPORTS/ubsan}
    export ASAN_OPTIONS UBSAN_OPTIONS
fi

first_modules="base syntax types"

# the group scripts of one module directory
module_groups() {
    for f in "$ROOT/tests/$1"/*.sh "$ROOT/tests/$1"/*/run.sh; do
        [ -f "$f" ] && echo "$f"
    done
}

all_groups() {
    echo unit
    for m in $first_modules; do
        module_groups "$m"
    done
    for d in "$ROOT"/tests/*/; do
        m=$(basename "$d")
        case " $first_modules lib tools unit fuzz " in
        *" $m "*) continue ;;
        esac
        module_groups "$m"
    done
}

if [ $# -gt 0 ]; then
    groups=$(for g in "$@"; do
        if [ "$g" = unit ] || [ -f "$g" ]; then echo "$g"; else module_groups "$g"; fi
    done)
else
    groups=$(all_groups)
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/goesc-tests.XXXXXX")
trap 'rm -rf "$tmp"' EXIT INT TERM

npass=0
nfail=0
nskip=0
start=$(date +%s)
for g in $groups; do
    t0=$(date +%s)
    if [ "$g" = unit ]; then
        name=unit
        echo "== unit"
        if [ -x "$UNIT" ]; then
            { "$UNIT"; echo $? >"$tmp/rc"; } 2>&1 | tee "$tmp/out"
        else
            echo "FAIL unit: unit test binary $UNIT not built" | tee "$tmp/out"
            echo 1 >"$tmp/rc"
        fi
    else
        name=${g#"$ROOT"/}
        echo "== $name"
        { sh "$g"; echo $? >"$tmp/rc"; } 2>&1 | tee "$tmp/out"
    fi
    rc=$(cat "$tmp/rc")
    p=$(grep -c '^PASS ' "$tmp/out")
    f=$(grep -c '^FAIL ' "$tmp/out")
    s=$(grep -c '^SKIP ' "$tmp/out")
    if [ "$f" -eq 0 ] && [ "$rc" -ne 0 ]; then
        echo "FAIL $name: exited with status $rc"
        f=1
    elif [ "$p" -eq 0 ] && [ "$f" -eq 0 ] && [ "$s" -eq 0 ]; then
        echo "FAIL $name: reported no results"
        f=1
    fi
    npass=$((npass + p))
    nfail=$((nfail + f))
    nskip=$((nskip + s))
    if [ "$s" -gt 0 ]; then
        echo "-- $name: $p passed, $f failed, $s skipped ($(( $(date +%s) - t0 ))s)"
    else
        echo "-- $name: $p passed, $f failed ($(( $(date +%s) - t0 ))s)"
    fi
done
if [ $SANITIZED = yes ]; then
    n=$(find "$REPORTS" -type f | wc -l)
    if [ "$n" -eq 0 ]; then
        echo "PASS sanitizer-reports: none"
        npass=$((npass + 1))
    else
        echo "FAIL sanitizer-reports: $n report(s) in $REPORTS"
        find "$REPORTS" -type f | head -3 | while IFS= read -r r; do
            echo "    $r:"
            grep -E 'ERROR|runtime error|SUMMARY|^    #[0-9]' "$r" | head -12 | sed 's/^/      /'
        done
        nfail=$((nfail + 1))
    fi
fi
echo "== total time $(( $(date +%s) - start ))s"
if [ "$nskip" -gt 0 ]; then
    echo "== $nskip skipped (the SKIP lines above: checks that cannot run here)"
fi
echo "$npass passed, $nfail failed"
[ "$nfail" -eq 0 ]

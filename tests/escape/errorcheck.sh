#!/bin/sh
# The Go compiler's own escape-analysis tests: every $GOROOT/test file
# whose errorcheck recipe has -m, run with `goesc compile` under the Go
# test driver's errorcheck rules by our runner (tests/tools/errorcheck).
#
#   PASS FILE            every // ERROR annotation matched, nothing unexpected
#   FAIL FILE: reason    (details indented: missing and unexpected lines)
#   XFAIL FILE: reason   listed in tests/escape/xfail.txt (not counted)
#
# First the runner itself is validated against gc (go tool compile with an
# importcfg, exactly as the Go test driver runs it): every file must be
# clean.  That verdict is cached under build/cache, keyed by the Go
# version and the runner's source.
#
# Environment: ERRORCHECK_RUN=REGEXP picks files, ERRORCHECK_V=1 lists
# every miss, ERRORCHECK_J=N compiles N files at a time.
set -u
ROOT=${ROOT:-$(cd "$(dirname "$0")/../.." && pwd)}
. "$ROOT/tests/lib/common.sh"
G=escape/errorcheck
need_goesc $G || exit 1
find_go $G || exit 1

SRC=$ROOT/tests/tools/errorcheck
BIN=$TBUILD/errorcheck/errorcheck
mkdir -p "$TBUILD/errorcheck" "$TCACHE"
if [ ! -x "$BIN" ] || [ -n "$(find "$SRC" -newer "$BIN" -type f)" ]; then
    if ! (cd "$SRC" && GOFLAGS= GOWORK=off "$GO" build -o "$BIN" .) >"$TBUILD/errorcheck/build.log" 2>&1; then
        fail $G "building tests/tools/errorcheck failed"
        detail "$TBUILD/errorcheck/build.log"
        exit 1
    fi
fi

# ---- the runner against gc ------------------------------------------------------
key=$(cat "$SRC/main.go" "$SRC/go.mod" | cksum | cut -d' ' -f1)
stamp=$TCACHE/errorcheck-gc-$GOVERSION-$key
if [ -f "$stamp" ]; then
    pass "$G/runner-vs-gc (cached: $(cat "$stamp"))"
else
    out=$TBUILD/errorcheck/gc.out
    if "$BIN" -tool=gc -goroot="$GOROOT" >"$out" 2>&1; then
        summary=$(grep '^errorcheck:' "$out")
        echo "$summary" >"$stamp"
        pass "$G/runner-vs-gc ($summary)"
    else
        fail "$G/runner-vs-gc" "gc itself does not pass every file: the runner is wrong"
        grep -v '^PASS' "$out" | detail /dev/stdin 30
    fi
fi

# ---- goesc --------------------------------------------------------------------
set -- -tool="$GOESC" -goroot="$GOROOT" -xfail="$ROOT/tests/escape/xfail.txt" \
    -timeout=$((120 * TIMESCALE))s -j="${ERRORCHECK_J:-$(nproc 2>/dev/null || echo 2)}"
[ -n "${ERRORCHECK_RUN:-}" ] && set -- "$@" -run="$ERRORCHECK_RUN"
[ -n "${ERRORCHECK_V:-}" ] && set -- "$@" -v
"$BIN" "$@"

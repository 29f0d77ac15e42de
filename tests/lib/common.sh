# Shared helpers for the test group scripts (sourced, not run).
#
# Conventions (tests/run.sh counts these lines):
#   PASS name
#   FAIL name: reason
#       indented detail lines
#   SKIP name: reason    (a check that cannot run here, e.g. no C compiler)
#
# Callers set ROOT (the repository root) first.  GOESC is the binary under
# test (the environment's GOESC, else build/goesc).

: "${ROOT:?set ROOT before sourcing tests/lib/common.sh}"
GOESC=${GOESC:-$ROOT/build/goesc}
# scratch space for generated inputs and caches (never committed)
TBUILD=${TBUILD:-$(dirname "$GOESC")/tests}
# caches shared by every build (keyed by what they depend on)
TCACHE=${TCACHE:-$ROOT/build/cache}

pass() { echo "PASS $*"; }
fail() { _fail_name=$1; shift; echo "FAIL $_fail_name: $*"; }
skip() { _skip_name=$1; shift; echo "SKIP $_skip_name: $*"; }
# detail FILE [MAX]: the first MAX lines of FILE, indented
detail() { head -n "${2:-20}" "$1" | sed 's/^/    /'; }

# need_goesc GROUP: FAIL and return 1 if the binary under test is missing.
need_goesc() {
    if [ ! -x "$GOESC" ]; then
        fail "$1" "goesc binary $GOESC not built (run make)"
        return 1
    fi
}

# find_go GROUP: sets GO and GOROOT, or prints a FAIL line and returns 1.
# Tests that need the Go toolchain never skip silently.
find_go() {
    if [ -z "${GO:-}" ]; then
        GO=$(command -v go 2>/dev/null || true)
        [ -z "$GO" ] && [ -x /usr/local/go/bin/go ] && GO=/usr/local/go/bin/go
    fi
    if [ -z "$GO" ] || ! GOROOT=$("$GO" env GOROOT 2>/dev/null) || [ -z "$GOROOT" ]; then
        fail "$1" "the Go toolchain is required (no 'go' on PATH or at /usr/local/go/bin/go)"
        return 1
    fi
    GOVERSION=$("$GO" env GOVERSION)
    export GO GOROOT
}

# Sanitizer builds are several times slower; time limits scale with this.
if grep -q __asan_init "$GOESC" 2>/dev/null; then
    TIMESCALE=${TIMESCALE:-6}
else
    TIMESCALE=${TIMESCALE:-1}
fi

# now_ms: wall clock in milliseconds (GNU date)
now_ms() { date +%s%3N; }

# build_syntaxdump DIR: builds DIR/syntaxdump, the reference tree dumper
# (tests/tools/syntaxdump) over a copy of gc's own syntax package, unless
# it is up to date.  Needs GO and GOROOT (find_go).
build_syntaxdump() {
    _bs_dir=$1
    _bs_src=$ROOT/tests/tools/syntaxdump
    if [ -x "$_bs_dir/syntaxdump" ] && [ -z "$(find "$_bs_src" -newer "$_bs_dir/syntaxdump" -type f)" ]; then
        return 0
    fi
    _bs_tmp=$_bs_dir.tmp.$$
    rm -rf "$_bs_tmp"
    mkdir -p "$_bs_tmp/syntax" || return 1
    cp "$_bs_src/go.mod" "$_bs_src/main.go" "$_bs_tmp/" || return 1
    for _bs_f in "$GOROOT/src/cmd/compile/internal/syntax/"*.go; do
        case $_bs_f in *_test.go) ;; *) cp "$_bs_f" "$_bs_tmp/syntax/" || return 1 ;; esac
    done
    (cd "$_bs_tmp" && GOFLAGS= GOWORK=off "$GO" build -o syntaxdump .) || { rm -rf "$_bs_tmp"; return 1; }
    rm -rf "$_bs_dir"
    mv "$_bs_tmp" "$_bs_dir"
}

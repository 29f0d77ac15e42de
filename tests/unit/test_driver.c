/* Unit tests of the driver's helpers (src/driver/driver.h): gc's flag
 * parsing, go build's package patterns (the cases of cmd/internal/
 * pkgpattern's TestMatchPattern) and its path rewriting of compiler
 * output (cmd/go/internal/work reportCmd), gc's error printing. */
#include "unit.h"

#include "driver/driver.h"

#include <string.h>

/* pattern, names that match, names that do not ("|"-separated) */
static const char *const pattern_cases[][3] = {
    {"...", "foo", ""},
    {"net", "net", "net/http"},
    {"net/http", "net/http", "net"},
    {"net...", "net|net/http|netchan", "not/http|not/net/http"},
    {"net/...", "net|net/http", "not/http|not/net/http|netchan"},
    {"./...", "./vendor|./mycode/vendor", "./vendor/foo|./mycode/vendor/foo"},
    {"./vendor/...", "./vendor/foo|./vendor/foo/vendor", "./vendor/foo/vendor/bar"},
    {"mycode/vendor/...", "mycode/vendor|mycode/vendor/foo|mycode/vendor/foo/vendor",
     "mycode/vendor/foo/vendor/bar"},
    {"x/vendor/y", "x/vendor/y", "x/vendor"},
    {"x/vendor/y/...", "x/vendor/y|x/vendor/y/z|x/vendor/y/vendor|x/vendor/y/z/vendor",
     "x/vendor/y/vendor/z"},
    {".../vendor/...", "x/vendor/y|x/vendor/y/z|x/vendor/y/vendor|x/vendor/y/z/vendor", ""},
};

static void check_names(UnitT *unit_t_, const char *pattern, const char *names, bool want)
{
    char buf[256];
    const char *p = names;
    while (*p) {
        const char *end = strchr(p, '|');
        size_t n = end ? (size_t)(end - p) : strlen(p);
        memcpy(buf, p, n);
        buf[n] = 0;
        if (drv_match_path(pattern, buf) != want)
            unit_fail(unit_t_, __FILE__, __LINE__, "pattern %s, name %s: want %s", pattern, buf,
                      want ? "match" : "no match");
        p += n + (end ? 1 : 0);
    }
}

UNIT_TEST(match_pattern)
{
    for (size_t i = 0; i < sizeof pattern_cases / sizeof pattern_cases[0]; i++) {
        check_names(unit_t_, pattern_cases[i][0], pattern_cases[i][1], true);
        check_names(unit_t_, pattern_cases[i][0], pattern_cases[i][2], false);
    }
}

UNIT_TEST(package_patterns)
{
    Arena a;
    arena_init(&a);
    LdPackage p;
    memset(&p, 0, sizeof p);
    p.import_path = "example.com/m/sub/x";
    p.dir = "/home/u/m/sub/x";
    p.dep_only = true;
    DrvPattern pat;
    drv_pattern_init(&a, &pat, NULL, "/home/u/m");
    CHECK(!drv_pattern_match(&pat, &p)); /* no pattern: command-line packages only */
    p.dep_only = false;
    CHECK(drv_pattern_match(&pat, &p));
    drv_pattern_init(&a, &pat, "./...", "/home/u/m");
    CHECK(drv_pattern_match(&pat, &p));
    drv_pattern_init(&a, &pat, "./sub/...", "/home/u/m");
    CHECK(drv_pattern_match(&pat, &p));
    drv_pattern_init(&a, &pat, "./sub", "/home/u/m");
    CHECK(!drv_pattern_match(&pat, &p));
    drv_pattern_init(&a, &pat, "./sub/x", "/home/u/m");
    CHECK(drv_pattern_match(&pat, &p));
    drv_pattern_init(&a, &pat, "../m/sub/x", "/home/u/m");
    CHECK(drv_pattern_match(&pat, &p));
    drv_pattern_init(&a, &pat, "./...", "/home/u/m/other");
    CHECK(!drv_pattern_match(&pat, &p));
    drv_pattern_init(&a, &pat, "example.com/...", "/");
    CHECK(drv_pattern_match(&pat, &p));
    drv_pattern_init(&a, &pat, "std", "/");
    CHECK(!drv_pattern_match(&pat, &p));
    drv_pattern_init(&a, &pat, "all", "/");
    CHECK(drv_pattern_match(&pat, &p));
    arena_free(&a);
}

/* The paths below do not exist, which base.sameFile accepts. */
static const char *shorten(Buf *b, const char *text, const char *dir, const char *cwd)
{
    buf_reset(b);
    drv_short_paths(b, text, strlen(text), dir, cwd);
    return buf_str(b);
}

UNIT_TEST(short_paths)
{
    Buf b = {0};
    const char *dir = "/nonexistent-goesc/w/m/pkg";
    CHECK_STR(shorten(&b, "/nonexistent-goesc/w/m/pkg/x.go:1:2: moved to heap: x", dir, "/nonexistent-goesc/w/m/pkg"),
              "./x.go:1:2: moved to heap: x\n");
    CHECK_STR(shorten(&b, "/nonexistent-goesc/w/m/pkg/x.go:1:2: m\n", dir, "/nonexistent-goesc/w/m"),
              "pkg/x.go:1:2: m\n");
    /* a sibling directory, through the parent; -m=2 "at FILE" too */
    CHECK_STR(shorten(&b, "/nonexistent-goesc/w/m/q/y.go:3: a at /nonexistent-goesc/w/m/pkg/x.go:1\n", dir,
                      "/nonexistent-goesc/w/m/pkg"),
              "../q/y.go:3: a at ./x.go:1\n");
    /* only at the start of a line or after a space or a tab */
    CHECK_STR(shorten(&b, "x/nonexistent-goesc/w/m/pkg/x.go\n\t/nonexistent-goesc/w/m/pkg/y.go\n", dir,
                      "/nonexistent-goesc/w/m/pkg"),
              "x/nonexistent-goesc/w/m/pkg/x.go\n\t./y.go\n");
    /* never longer than the absolute path */
    CHECK_STR(shorten(&b, "/usr/local/go/src/fmt/print.go:1: m\n", "/usr/local/go/src/fmt", "/nonexistent-goesc/w/m"),
              "/usr/local/go/src/fmt/print.go:1: m\n");
    buf_free(&b);
}

UNIT_TEST(gc_flags)
{
    DrvGcFlags f;
    drv_gcflags_init(&f);
    char *argv[] = {"-p=p", "-m", "-m", "-l", "-C", "-e", "-o", "x.o", "-d=panic,escapemutationscalls,zerocopy=0,ssa/check/on",
                    "-0", "-lang=go1.21", "--smallframes", "-importcfg", "cfg", "a.go", "-N"};
    int first = drv_gcflags_parse(&f, (int)(sizeof argv / sizeof argv[0]), argv, stderr);
    CHECK_INT(first, 14);
    CHECK_INT(f.m, 2);
    CHECK_INT(f.l, 1);
    CHECK_INT(f.C, 1);
    CHECK_INT(f.N, 0);
    CHECK(f.e && f.smallframes && f.d_mutationscalls && !f.d_zerocopy && f.d_panic);
    CHECK_STR(f.pkgpath, "p");
    CHECK_STR(f.output, "x.o");
    CHECK_STR(f.lang, "go1.21");
    CHECK_STR(f.importcfg, "cfg");
    char *argv2[] = {"-m=2", "-+", "-std=false", "-d", "loopvar=2,nodeadlocals", "--", "-x.go"};
    drv_gcflags_init(&f);
    first = drv_gcflags_parse(&f, 7, argv2, stderr);
    CHECK_INT(first, 6);
    CHECK_INT(f.m, 2);
    CHECK(f.runtime && !f.std && f.d_nodeadlocals && f.d_zerocopy);
    CHECK_INT(f.d_loopvar, 2);
    IrConfig ic = drv_ir_config(&f);
    CHECK(ic.nodeadlocals);
    EscConfig ec = drv_esc_config(&f);
    CHECK_INT(ec.m, 2);
    CHECK(ec.runtime && ec.zerocopy);
}

UNIT_TEST(gc_errors)
{
    PosTab pt;
    postab_init(&pt);
    static const char src[] = "package p\nvar a\nvar b\n";
    SrcFile *f = postab_add(&pt, "x.go", src, sizeof src - 1);
    Diag list[12];
    char msgs[12][16];
    for (int i = 0; i < 12; i++) {
        snprintf(msgs[i], sizeof msgs[i], "e%d", i);
        list[i].pos = srcfile_pos(f, i % 2 ? 14 : 20);
        list[i].seq = (uint32_t)i;
        list[i].msg = msgs[i];
    }
    DrvGcFlags fl;
    drv_gcflags_init(&fl);
    Buf b = {0};
    drv_format_errors(&b, list, 2, &pt, &fl);
    CHECK_STR(buf_str(&b), "x.go:2:5: e1\nx.go:3:5: e0\n");
    buf_reset(&b);
    fl.C = 1;
    drv_format_errors(&b, list, 12, &pt, &fl);
    CHECK_STR(buf_str(&b), "x.go:2: e1\nx.go:2: e3\nx.go:2: e5\nx.go:2: e7\nx.go:2: e9\n"
                           "x.go:3: e0\nx.go:3: e2\nx.go:3: e4\nx.go:3: e6\nx.go:3: e8\n"
                           "x.go:2: too many errors\n");
    buf_free(&b);
    postab_free(&pt);
}

UNIT_SUITE(driver) = {
    UNIT_CASE(match_pattern),
    UNIT_CASE(package_patterns),
    UNIT_CASE(short_paths),
    UNIT_CASE(gc_flags),
    UNIT_CASE(gc_errors),
    UNIT_END
};

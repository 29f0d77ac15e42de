/*
 * unit — a minimal unit-test framework for goesc's C code (tests/unit/).
 *
 * The Makefile links every C file in tests/unit with all library objects
 * into build/unit (`make build/unit`).  Running it prints one line per test,
 * "PASS suite/name" or "FAIL suite/name: detail", then "N passed, M failed";
 * the exit status is 1 if any test failed.  Arguments, if any, are
 * substrings: only tests whose "suite/name" contains one of them run.
 *
 * Writing tests (in tests/unit/test_SUITE.c):
 *
 *     #include "unit.h"
 *
 *     UNIT_TEST(addition)
 *     {
 *         CHECK(1 + 1 == 2);
 *         CHECK_INT(sum(2, 3), 5);
 *         CHECK_STR(name(x), "x");
 *     }
 *
 *     UNIT_SUITE(SUITE) = {
 *         UNIT_CASE(addition),
 *         UNIT_END
 *     };
 *
 * and add the line "UNIT_SUITE_ENTRY(SUITE)" to tests/unit/suites.h.
 * (C11 has no portable way to register functions before main, so the list
 * of suites is kept by hand; a suite missing from it simply does not run.)
 *
 * A failed CHECK records its file, line and detail and the test goes on; the
 * first failure is reported (with the number of further ones).  Tests must
 * release what they allocate: `make asan` runs build/unit under
 * LeakSanitizer.
 */
#ifndef GOESC_TESTS_UNIT_H
#define GOESC_TESTS_UNIT_H

#include <stdbool.h>
#include <stddef.h>

typedef struct UnitT {
    const char *name;
    int nfail;
    char detail[1024]; /* the first failure */
} UnitT;

typedef struct UnitCase {
    const char *name;
    void (*fn)(UnitT *unit_t_);
} UnitCase;

#if defined(__GNUC__)
__attribute__((format(printf, 4, 5)))
#endif
void unit_fail(UnitT *t, const char *file, int line, const char *fmt, ...);
bool unit_str_eq(const char *a, const char *b);

#define UNIT_TEST(name) static void unit_test_##name(UnitT *unit_t_)
#define UNIT_CASE(name) {#name, unit_test_##name}
#define UNIT_END {NULL, NULL}
#define UNIT_SUITE(suite) const UnitCase unit_suite_##suite[]

#define CHECK(cond)                                                             \
    do {                                                                        \
        if (!(cond))                                                            \
            unit_fail(unit_t_, __FILE__, __LINE__, "CHECK(%s) failed", #cond); \
    } while (0)

#define CHECK_STR(got, want)                                                                   \
    do {                                                                                       \
        const char *unit_g_ = (got), *unit_w_ = (want);                                        \
        if (!unit_str_eq(unit_g_, unit_w_))                                                    \
            unit_fail(unit_t_, __FILE__, __LINE__, "%s: got \"%s\", want \"%s\"", #got,        \
                      unit_g_ ? unit_g_ : "(null)", unit_w_ ? unit_w_ : "(null)");            \
    } while (0)

#define CHECK_INT(got, want)                                                                  \
    do {                                                                                      \
        long long unit_g_ = (long long)(got), unit_w_ = (long long)(want);                    \
        if (unit_g_ != unit_w_)                                                               \
            unit_fail(unit_t_, __FILE__, __LINE__, "%s: got %lld, want %lld", #got, unit_g_, \
                      unit_w_);                                                               \
    } while (0)

#endif

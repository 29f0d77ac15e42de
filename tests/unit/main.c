/* Runs the unit-test suites listed in suites.h (see unit.h). */
#include "unit.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#define UNIT_SUITE_ENTRY(s) extern const UnitCase unit_suite_##s[];
#include "suites.h"
#undef UNIT_SUITE_ENTRY

static const struct {
    const char *name;
    const UnitCase *cases;
} suites[] = {
#define UNIT_SUITE_ENTRY(s) {#s, unit_suite_##s},
#include "suites.h"
#undef UNIT_SUITE_ENTRY
};

void unit_fail(UnitT *t, const char *file, int line, const char *fmt, ...)
{
    if (t->nfail++ == 0) {
        const char *base = strrchr(file, '/');
        int n = snprintf(t->detail, sizeof t->detail, "%s:%d: ", base ? base + 1 : file, line);
        if (n < 0 || (size_t)n >= sizeof t->detail)
            return;
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(t->detail + n, sizeof t->detail - (size_t)n, fmt, ap);
        va_end(ap);
        /* one line per test: escape newlines */
        for (char *p = t->detail; *p; p++)
            if (*p == '\n')
                *p = ' ';
    }
}

bool unit_str_eq(const char *a, const char *b)
{
    if (!a || !b)
        return a == b;
    return strcmp(a, b) == 0;
}

static bool selected(const char *full, int argc, char **argv)
{
    if (argc <= 1)
        return true;
    for (int i = 1; i < argc; i++)
        if (strstr(full, argv[i]))
            return true;
    return false;
}

int main(int argc, char **argv)
{
    int npass = 0, nfail = 0;
    for (size_t s = 0; s < sizeof suites / sizeof suites[0]; s++) {
        for (const UnitCase *c = suites[s].cases; c->name; c++) {
            char full[256];
            snprintf(full, sizeof full, "%s/%s", suites[s].name, c->name);
            if (!selected(full, argc, argv))
                continue;
            UnitT t = {c->name, 0, {0}};
            c->fn(&t);
            if (t.nfail == 0) {
                printf("PASS %s\n", full);
                npass++;
            } else {
                if (t.nfail > 1)
                    printf("FAIL %s: %s (and %d more)\n", full, t.detail, t.nfail - 1);
                else
                    printf("FAIL %s: %s\n", full, t.detail);
                nfail++;
            }
            fflush(stdout);
        }
    }
    printf("%d passed, %d failed\n", npass, nfail);
    return nfail ? 1 : 0;
}

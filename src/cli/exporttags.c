/* goesc exporttags IMPORTPATH FILE: the escape tags gc stored in a
 * package's export data (a debugging aid; see load.h, "export data").
 * One line per function or method, sorted: "NAME\tTAG|TAG|...", with an
 * empty tag printed as "-", the bytes after
 * "esc:" in hex.  Exit status 1 when the data is rejected. */
#include "cli.h"
#include "../load/load.h"

#include <stdlib.h>
#include <string.h>

static int cmp_sym(const void *a, const void *b)
{
    const Sym *x = *(const Sym *const *)a, *y = *(const Sym *const *)b;
    return strcmp(x->name, y->name);
}

int cli_exporttags(int argc, char **argv)
{
    if (argc != 2) {
        fputs("usage: goesc exporttags IMPORTPATH FILE\n", stderr);
        return 2;
    }
    Arena a;
    arena_init(&a);
    LdExportTags x;
    const char *why = NULL;
    int status = 0;
    if (!ld_export_read(&x, &a, argv[0], argv[1], NULL, &why)) {
        fprintf(stderr, "goesc: %s: %s\n", argv[1], why);
        status = 1;
    }
    PtrVec syms = {0};
    for (uint32_t i = 0; i < x.funcs.cap; i++)
        if (x.funcs.keys[i])
            ptrvec_push(&syms, (void *)(uintptr_t)x.funcs.keys[i]);
    if (syms.len)
        qsort(syms.data, syms.len, sizeof(void *), cmp_sym);
    for (uint32_t i = 0; i < syms.len; i++) {
        const Sym *s = syms.data[i];
        const LdExportFunc *f = ptrmap_get(&x.funcs, PMKEY(s));
        printf("%s\t", s->name);
        for (uint32_t j = 0; j < f->ntags; j++) {
            fputs(j ? "|" : "", stdout);
            if (!f->taglen[j])
                fputs("-", stdout);
            for (uint32_t c = 0; c < f->taglen[j]; c++)
                printf(c < 4 ? "%c" : "%02x", (unsigned char)f->tags[j][c]);
        }
        putchar('\n');
    }
    ptrvec_free(&syms);
    ld_export_free(&x);
    arena_free(&a);
    return status;
}

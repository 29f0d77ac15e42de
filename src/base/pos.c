/* The global position space: files, line tables and line directives. */
#include "base.h"

#include <stdlib.h>
#include <string.h>

void postab_init(PosTab *t)
{
    memset(t, 0, sizeof *t);
    t->next = 1; /* 0 is NOPOS */
}

void postab_free(PosTab *t)
{
    for (uint32_t i = 0; i < t->nfiles; i++) {
        SrcFile *f = t->files[i];
        free(f->lines);
        free(f->dirs);
        free(f);
    }
    free(t->files);
    memset(t, 0, sizeof *t);
}

/* The line table is built eagerly with memchr: it is far cheaper than
 * having the scanner maintain it, and every later stage needs it. */
static void build_lines(SrcFile *f)
{
    f->caplines = 64;
    f->lines = xmalloc(sizeof(uint32_t) * f->caplines);
    f->lines[0] = 0;
    f->nlines = 1;
    const char *p = f->data, *end = f->data + f->size;
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        if (!nl)
            break;
        p = nl + 1;
        srcfile_add_line(f, (uint32_t)(p - f->data));
    }
}

void srcfile_add_line(SrcFile *f, uint32_t offset)
{
    if (f->nlines == f->caplines) {
        f->caplines *= 2;
        f->lines = xrealloc(f->lines, sizeof(uint32_t) * f->caplines);
    }
    f->lines[f->nlines++] = offset;
}

SrcFile *postab_add(PosTab *t, const char *name, const char *data, uint32_t size)
{
    /* Each file owns [base, base+size]: offset size is its EOF position. */
    if ((uint64_t)t->next + size + 1 >= UINT32_MAX)
        base_fatal("too much source text (positions exceed 4 GiB)");
    SrcFile *f = xcalloc(1, sizeof *f);
    f->name = name;
    f->data = data;
    f->size = size;
    f->base = t->next;
    t->next += size + 1;
    build_lines(f);
    if (t->nfiles == t->cap) {
        t->cap = t->cap ? t->cap * 2 : 16;
        t->files = xrealloc(t->files, sizeof(SrcFile *) * t->cap);
    }
    f->index = t->nfiles;
    t->files[t->nfiles++] = f;
    return f;
}

SrcFile *postab_file(const PosTab *t, Pos p)
{
    if (p == NOPOS || t->nfiles == 0)
        return NULL;
    /* files are added with increasing bases */
    uint32_t lo = 0, hi = t->nfiles;
    while (hi - lo > 1) {
        uint32_t mid = lo + (hi - lo) / 2;
        if (t->files[mid]->base <= p)
            lo = mid;
        else
            hi = mid;
    }
    SrcFile *f = t->files[lo];
    if (p < f->base || p > f->base + f->size)
        return NULL;
    return f;
}

void srcfile_linecol(const SrcFile *f, uint32_t off, uint32_t *line, uint32_t *col)
{
    uint32_t lo = 0, hi = f->nlines;
    while (hi - lo > 1) {
        uint32_t mid = lo + (hi - lo) / 2;
        if (f->lines[mid] <= off)
            lo = mid;
        else
            hi = mid;
    }
    *line = lo + 1;
    *col = off - f->lines[lo] + 1;
}

void srcfile_add_dir(SrcFile *f, const LineDir *d)
{
    if (f->ndirs == f->capdirs) {
        f->capdirs = f->capdirs ? f->capdirs * 2 : 4;
        f->dirs = xrealloc(f->dirs, sizeof(LineDir) * f->capdirs);
    }
    f->dirs[f->ndirs++] = *d;
}

Position postab_resolve(const PosTab *t, Pos p)
{
    Position r;
    memset(&r, 0, sizeof r);
    SrcFile *f = postab_file(t, p);
    if (!f)
        return r;
    uint32_t off = p - f->base;
    r.file = f;
    srcfile_linecol(f, off, &r.rawline, &r.rawcol);
    r.filename = f->name;
    r.line = r.rawline;
    r.col = r.rawcol;
    /* latest directive in effect at off (directives are added in order) */
    const LineDir *d = NULL;
    uint32_t lo = 0, hi = f->ndirs;
    while (lo < hi) {
        uint32_t mid = lo + (hi - lo) / 2;
        if (f->dirs[mid].at <= off)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo > 0)
        d = &f->dirs[lo - 1];
    if (d) {
        r.dir = d;
        r.filename = d->filename;
        r.line = d->line + (r.rawline - d->atline);
        if (d->col == 0)
            r.col = 0;
        else if (r.rawline == d->atline)
            r.col = d->col + (r.rawcol - d->atcol);
        else
            r.col = r.rawcol;
    }
    return r;
}

/* cmd/internal/src.lico: a line saturates at 2^20-2 (the column is then
 * dropped), a column at 255. */
enum { LICO_LINE_MAX = (1 << 20) - 2, LICO_COL_MAX = 255 };

static void lico(uint32_t *line, uint32_t *col)
{
    if (*line >= LICO_LINE_MAX) {
        *line = LICO_LINE_MAX;
        *col = 0;
    }
    if (*col > LICO_COL_MAX)
        *col = LICO_COL_MAX;
}

Position postab_resolve_gc(const PosTab *t, Pos p)
{
    Position r = postab_resolve(t, p);
    if (!r.file)
        return r;
    uint32_t line = r.rawline, col = r.rawcol;
    lico(&line, &col);
    r.line = line;
    r.col = col;
    const LineDir *d = r.dir;
    if (d) {
        /* src.Pos.RelLine/RelCol, from the stored (saturated) line and
         * column of the position and of the directive's */
        uint32_t bline = d->atline, bcol = d->atcol;
        lico(&bline, &bcol);
        r.line = d->line + (line - bline);
        if (d->col == 0)
            r.col = 0;
        else if (line == bline)
            r.col = d->col + (col - bcol);
        else
            r.col = col;
    }
    return r;
}

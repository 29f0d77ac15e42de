/* Diagnostics: collected, sorted, and printed the way gc prints them. */
#include "base.h"

#include <stdlib.h>
#include <string.h>

/* gc's sameline: same line-directive base and same raw line. */
static bool same_line(const PosTab *pt, Pos a, Pos b)
{
    if (a == NOPOS || b == NOPOS)
        return false;
    Position p = postab_resolve(pt, a), q = postab_resolve(pt, b);
    return p.file == q.file && p.dir == q.dir && p.rawline == q.rawline;
}

void diags_vadd(Diags *d, Pos pos, const char *fmt, va_list ap)
{
    Buf b = {0};
    buf_vprintf(&b, fmt, ap);
    char *msg = b.data ? b.data : xstrdup("");
    if (d->gc_pt) {
        if (strncmp(msg, "syntax error", 12) == 0) {
            if (same_line(d->gc_pt, d->last_syntax, pos)) {
                free(msg);
                return;
            }
            d->last_syntax = pos;
        } else {
            if (same_line(d->gc_pt, d->last_other, pos) && d->last_msg &&
                strcmp(d->last_msg, msg) == 0) {
                free(msg);
                return;
            }
            d->last_other = pos;
            d->last_msg = msg;
        }
    }
    if (d->len == d->cap) {
        d->cap = d->cap ? d->cap * 2 : 16;
        d->list = xrealloc(d->list, sizeof(Diag) * d->cap);
    }
    Diag *e = &d->list[d->len];
    e->pos = pos;
    e->seq = d->len;
    e->msg = msg;
    d->len++;
    d->nerrors++;
}

void diags_add(Diags *d, Pos pos, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    diags_vadd(d, pos, fmt, ap);
    va_end(ap);
}

static int diag_cmp(const void *a, const void *b)
{
    const Diag *x = a, *y = b;
    /* Positions are global and files are registered in command-line order,
     * so comparing Pos orders by file, then offset (i.e. line, column). */
    if (x->pos != y->pos)
        return x->pos < y->pos ? -1 : 1;
    return x->seq < y->seq ? -1 : x->seq > y->seq;
}

void diags_sort(Diags *d)
{
    if (d->len > 1)
        qsort(d->list, d->len, sizeof(Diag), diag_cmp);
}

/* gc packs line and column into 32 bits (cmd/internal/src.lico): lines
 * saturate at 2^20-2 (dropping the column) and columns at 255, and a
 * saturated column is not printed.  goesc reports exactly what gc would. */
enum { GC_LINE_MAX = (1 << 20) - 2, GC_COL_MAX = 255 };

void diags_format_pos(Buf *b, const PosTab *pt, Pos pos)
{
    Position p = postab_resolve_gc(pt, pos);
    if (!p.filename) {
        buf_puts(b, "<unknown position>");
        return;
    }
    uint32_t line = p.line, col = p.col;
    if (line >= GC_LINE_MAX) {
        line = GC_LINE_MAX;
        col = 0;
    }
    if (col > GC_COL_MAX)
        col = GC_COL_MAX;
    buf_printf(b, "%s:%u", p.filename, line);
    if (col > 0 && col < GC_COL_MAX)
        buf_printf(b, ":%u", col);
}

void diags_print(const Diags *d, const PosTab *pt, FILE *out)
{
    Buf b = {0}, prev = {0};
    for (uint32_t i = 0; i < d->len; i++) {
        buf_reset(&b);
        diags_format_pos(&b, pt, d->list[i].pos);
        buf_puts(&b, ": ");
        buf_puts(&b, d->list[i].msg);
        buf_putc(&b, '\n');
        /* like gc's FlushErrors: identical consecutive lines print once */
        if (i > 0 && b.len == prev.len && memcmp(b.data, prev.data, b.len) == 0)
            continue;
        fputs(buf_str(&b), out);
        buf_reset(&prev);
        buf_put(&prev, b.data, b.len);
    }
    buf_free(&b);
    buf_free(&prev);
}

void diags_truncate(Diags *d, uint32_t len)
{
    for (uint32_t i = len; i < d->len; i++) {
        if (d->last_msg == d->list[i].msg)
            d->last_msg = NULL;
        free(d->list[i].msg);
        d->nerrors--;
    }
    if (len < d->len)
        d->len = len;
}

void diags_free(Diags *d)
{
    for (uint32_t i = 0; i < d->len; i++)
        free(d->list[i].msg);
    free(d->list);
    memset(d, 0, sizeof *d);
}

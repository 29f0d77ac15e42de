/* Checked heap allocation and the arena allocator. */
#include "base.h"

#include <stdlib.h>
#include <string.h>

void base_fatal(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("goesc: fatal: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
    exit(2);
}

void *xmalloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    if (!p)
        base_fatal("out of memory (%zu bytes)", n);
    return p;
}

void *xcalloc(size_t n, size_t size)
{
    void *p = calloc(n ? n : 1, size ? size : 1);
    if (!p)
        base_fatal("out of memory (%zu x %zu bytes)", n, size);
    return p;
}

void *xrealloc(void *p, size_t n)
{
    p = realloc(p, n ? n : 1);
    if (!p)
        base_fatal("out of memory (%zu bytes)", n);
    return p;
}

char *xstrndup(const char *s, size_t n)
{
    char *p = xmalloc(n + 1);
    memcpy(p, s, n);
    p[n] = 0;
    return p;
}

char *xstrdup(const char *s) { return xstrndup(s, strlen(s)); }

/* Chunks grow geometrically from 64 KiB to 4 MiB so that small arenas stay
 * small and big ones make few trips to the heap.  A request larger than a
 * quarter chunk gets a chunk of its own, inserted behind the current one so
 * the current chunk's free space is not wasted. */
struct ArenaChunk {
    ArenaChunk *next;
    size_t size;
    /* data follows, 16-byte aligned */
};

#define CHUNK_HDR ((sizeof(ArenaChunk) + 15) & ~(size_t)15)

void arena_init(Arena *a) { memset(a, 0, sizeof *a); }

void arena_free(Arena *a)
{
    ArenaChunk *c = a->head;
    while (c) {
        ArenaChunk *n = c->next;
        free(c);
        c = n;
    }
    memset(a, 0, sizeof *a);
}

void *arena_alloc_slow(Arena *a, size_t n)
{
    size_t want = a->head ? a->head->size * 2 : 64 * 1024;
    if (want > 4u << 20)
        want = 4u << 20;
    if (n > want / 4) {
        ArenaChunk *c = xcalloc(1, CHUNK_HDR + n);
        c->size = n;
        a->total += CHUNK_HDR + n;
        if (a->head) {
            c->next = a->head->next;
            a->head->next = c;
        } else {
            c->next = NULL;
            a->head = c;
            a->cur = a->end = (char *)c + CHUNK_HDR + n;
        }
        return (char *)c + CHUNK_HDR;
    }
    ArenaChunk *c = xcalloc(1, CHUNK_HDR + want);
    c->size = want;
    c->next = a->head;
    a->head = c;
    a->total += CHUNK_HDR + want;
    a->cur = (char *)c + CHUNK_HDR;
    a->end = a->cur + want;
    void *p = a->cur;
    a->cur += n;
    return p;
}

char *arena_strndup(Arena *a, const char *s, size_t n)
{
    char *p = arena_alloc(a, n + 1);
    memcpy(p, s, n);
    p[n] = 0;
    return p;
}

char *arena_strdup(Arena *a, const char *s) { return arena_strndup(a, s, strlen(s)); }

void *arena_memdup(Arena *a, const void *p, size_t n)
{
    void *q = arena_alloc(a, n);
    if (n)
        memcpy(q, p, n);
    return q;
}

char *arena_printf(Arena *a, const char *fmt, ...)
{
    Buf b = {0};
    va_list ap;
    va_start(ap, fmt);
    buf_vprintf(&b, fmt, ap);
    va_end(ap);
    char *s = arena_strndup(a, buf_str(&b), b.len);
    buf_free(&b);
    return s;
}

/* Checked heap allocation and the arena allocator. */
#include "base.h"

#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

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

/* Chunks come straight from mmap: fresh pages are zero, so arena memory is
 * zeroed without a memset (calloc would clear recycled heap memory, which
 * showed up as a tenth of the parser's time). */
static ArenaChunk *chunk_new(size_t size)
{
    void *p = mmap(NULL, CHUNK_HDR + size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED)
        base_fatal("out of memory (%zu bytes)", size);
    ArenaChunk *c = p;
    c->size = size;
    return c;
}

static void chunk_free(ArenaChunk *c) { munmap(c, CHUNK_HDR + c->size); }

void arena_init(Arena *a) { memset(a, 0, sizeof *a); }

void arena_free(Arena *a)
{
    ArenaChunk *c = a->head;
    while (c) {
        ArenaChunk *n = c->next;
        chunk_free(c);
        c = n;
    }
    memset(a, 0, sizeof *a);
}

void arena_reset(Arena *a)
{
    ArenaChunk *head = a->head;
    if (!head)
        return;
    ArenaChunk *c = head->next;
    while (c) {
        ArenaChunk *n = c->next;
        chunk_free(c);
        c = n;
    }
    head->next = NULL;
    char *start = (char *)head + CHUNK_HDR;
    /* a chunk of its own for one big request ends where cur ends */
    memset(start, 0, (size_t)(a->cur - start));
    a->cur = start;
    a->end = start + head->size;
    a->total = CHUNK_HDR + head->size;
}

void *arena_alloc_slow(Arena *a, size_t n)
{
    size_t want = a->head ? a->head->size * 2 : 64 * 1024;
    if (want > 4u << 20)
        want = 4u << 20;
    if (n > want / 4) {
        ArenaChunk *c = chunk_new(n);
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
    ArenaChunk *c = chunk_new(want);
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

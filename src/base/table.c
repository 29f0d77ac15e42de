/* Interned symbols and the pointer-keyed hash map. */
#include "base.h"

#include <stdlib.h>
#include <string.h>

/* FNV-1a: short keys (identifiers) dominate, where it is fast and good. */
uint32_t hash_bytes(const void *p, size_t n)
{
    const unsigned char *s = p;
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++) {
        h ^= s[i];
        h *= 16777619u;
    }
    return h;
}

void symtab_init(SymTab *t)
{
    memset(t, 0, sizeof *t);
    arena_init(&t->arena);
    t->nbuckets = 1024;
    t->buckets = xcalloc(t->nbuckets, sizeof(Sym *));
}

void symtab_free(SymTab *t)
{
    free(t->buckets);
    arena_free(&t->arena);
    memset(t, 0, sizeof *t);
}

static void symtab_rehash(SymTab *t)
{
    uint32_t n = t->nbuckets * 2;
    Sym **b = xcalloc(n, sizeof(Sym *));
    for (uint32_t i = 0; i < t->nbuckets; i++) {
        Sym *s = t->buckets[i];
        while (s) {
            Sym *next = s->next;
            uint32_t j = s->hash & (n - 1);
            s->next = b[j];
            b[j] = s;
            s = next;
        }
    }
    free(t->buckets);
    t->buckets = b;
    t->nbuckets = n;
}

const Sym *sym_intern(SymTab *t, const char *s, size_t n)
{
    uint32_t h = hash_bytes(s, n);
    for (Sym *e = t->buckets[h & (t->nbuckets - 1)]; e; e = e->next)
        if (e->hash == h && e->len == n && memcmp(e->name, s, n) == 0)
            return e;
    if (n > UINT32_MAX - 1)
        base_fatal("symbol too long");
    Sym *e = arena_alloc(&t->arena, sizeof(Sym) + n + 1);
    e->len = (uint32_t)n;
    e->hash = h;
    memcpy(e->name, s, n);
    e->name[n] = 0;
    if (++t->count > t->nbuckets)
        symtab_rehash(t);
    uint32_t j = h & (t->nbuckets - 1);
    e->next = t->buckets[j];
    t->buckets[j] = e;
    return e;
}

static inline uint32_t mix64(uint64_t k)
{
    k ^= k >> 33;
    k *= 0xff51afd7ed558ccdULL;
    k ^= k >> 33;
    return (uint32_t)k;
}

void *ptrmap_get(const PtrMap *m, uint64_t key)
{
    if (!m->cap)
        return NULL;
    uint32_t mask = m->cap - 1;
    for (uint32_t i = mix64(key) & mask;; i = (i + 1) & mask) {
        if (m->keys[i] == key)
            return m->vals[i];
        if (m->keys[i] == 0)
            return NULL;
    }
}

static void ptrmap_resize(PtrMap *m)
{
    uint32_t ncap = m->cap ? m->cap * 2 : 16;
    uint64_t *keys = xcalloc(ncap, sizeof(uint64_t));
    void **vals = xcalloc(ncap, sizeof(void *));
    for (uint32_t i = 0; i < m->cap; i++) {
        if (!m->keys[i])
            continue;
        uint32_t j = mix64(m->keys[i]) & (ncap - 1);
        while (keys[j])
            j = (j + 1) & (ncap - 1);
        keys[j] = m->keys[i];
        vals[j] = m->vals[i];
    }
    free(m->keys);
    free(m->vals);
    m->keys = keys;
    m->vals = vals;
    m->cap = ncap;
}

void **ptrmap_slot(PtrMap *m, uint64_t key)
{
    if ((m->len + 1) * 4 >= m->cap * 3)
        ptrmap_resize(m);
    uint32_t mask = m->cap - 1;
    uint32_t i = mix64(key) & mask;
    while (m->keys[i] && m->keys[i] != key)
        i = (i + 1) & mask;
    if (!m->keys[i]) {
        m->keys[i] = key;
        m->vals[i] = NULL;
        m->len++;
    }
    return &m->vals[i];
}

void *ptrmap_put(PtrMap *m, uint64_t key, void *val)
{
    void **slot = ptrmap_slot(m, key);
    void *old = *slot;
    *slot = val;
    return old;
}

void ptrmap_free(PtrMap *m)
{
    free(m->keys);
    free(m->vals);
    memset(m, 0, sizeof *m);
}

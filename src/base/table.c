/* Interned symbols and the pointer-keyed hash map. */
#include "base.h"

#include <stdlib.h>
#include <string.h>

/* A multiplicative hash over 8-byte words: identifiers are short, and a
 * byte-at-a-time hash (FNV) spends most of its time in a dependency chain.
 * The final mixing spreads the high bits to the low ones that index the
 * tables. */
uint32_t hash_bytes(const void *p, size_t n)
{
    const unsigned char *s = p;
    uint64_t h = 0x9E3779B97F4A7C15ULL ^ (uint64_t)n;
    while (n >= 8) {
        uint64_t w;
        memcpy(&w, s, 8);
        h = (h ^ w) * 0xff51afd7ed558ccdULL;
        h ^= h >> 29;
        s += 8;
        n -= 8;
    }
    if (n > 0) {
        uint64_t w = 0;
        memcpy(&w, s, n);
        h = (h ^ w) * 0xff51afd7ed558ccdULL;
    }
    h ^= h >> 32;
    h *= 0xc4ceb9fe1a85ec53ULL;
    h ^= h >> 29;
    return (uint32_t)h;
}

void symtab_init(SymTab *t)
{
    memset(t, 0, sizeof *t);
    arena_init(&t->arena);
    t->cap = 4096;
    t->slots = xcalloc(t->cap, sizeof(SymSlot));
}

void symtab_free(SymTab *t)
{
    free(t->slots);
    arena_free(&t->arena);
    memset(t, 0, sizeof *t);
}

static void symtab_grow(SymTab *t)
{
    uint32_t cap = t->cap * 2, mask = cap - 1;
    SymSlot *slots = xcalloc(cap, sizeof(SymSlot));
    for (uint32_t i = 0; i < t->cap; i++) {
        if (!t->slots[i].sym)
            continue;
        uint32_t j = t->slots[i].hash & mask;
        while (slots[j].sym)
            j = (j + 1) & mask;
        slots[j] = t->slots[i];
    }
    free(t->slots);
    t->slots = slots;
    t->cap = cap;
}

const Sym *sym_intern(SymTab *t, const char *s, size_t n)
{
    uint32_t h = hash_bytes(s, n);
    uint32_t mask = t->cap - 1;
    uint32_t i = h & mask;
    for (;; i = (i + 1) & mask) {
        Sym *e = t->slots[i].sym;
        if (!e)
            break;
        if (t->slots[i].hash == h && e->len == n && memcmp(e->name, s, n) == 0)
            return e;
    }
    if (n > UINT32_MAX - 1)
        base_fatal("symbol too long");
    Sym *e = arena_alloc(&t->arena, sizeof(Sym) + n + 1);
    e->len = (uint32_t)n;
    e->hash = h;
    memcpy(e->name, s, n);
    e->name[n] = 0;
    t->slots[i].hash = h;
    t->slots[i].sym = e;
    /* keep the load factor at most 1/2 */
    if (++t->count * 2 > t->cap)
        symtab_grow(t);
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

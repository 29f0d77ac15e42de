/*
 * Sizes, alignments and field offsets as gc computes them (types2
 * gcsizes.go; the compiler configures types2 with gcSizes, and so does
 * go/types.SizesFor("gc", arch)).
 *
 * The rules differ from the spec's minimum guarantees in two ways that
 * matter for unsafe.Sizeof constants:
 *  - a non-empty struct whose last field has size 0 gets one byte of
 *    padding (so that &s.last never points past the object);
 *  - the struct type sync/atomic.align64 (also internal/runtime/atomic's)
 *    is 8-byte aligned even on 32-bit targets.
 * A negative size or offset means "too large" (overflow), as in types2.
 *
 * Struct field offsets are computed once and kept in TyStruct.offsets
 * (the env's arena): struct types are immutable once their fields are
 * set, and the checker only asks for sizes of complete types.
 */
#include "check.h"

#include <string.h>

#define MAX_INT64 ((int64_t)0x7fffffffffffffffLL)

/* Sizes of the explicitly sized basic types (indexed by TyBasicKind;
 * 0: word-sized or special). */
static const uint8_t basic_sizes[TY_BASIC_COUNT] = {
    [TY_BOOL] = 1,
    [TY_INT8] = 1,
    [TY_INT16] = 2,
    [TY_INT32] = 4,
    [TY_INT64] = 8,
    [TY_UINT8] = 1,
    [TY_UINT16] = 2,
    [TY_UINT32] = 4,
    [TY_UINT64] = 8,
    [TY_FLOAT32] = 4,
    [TY_FLOAT64] = 8,
    [TY_COMPLEX64] = 8,
    [TY_COMPLEX128] = 16,
};

/* The smallest y >= x with y % a == 0 (a is a power of 2 in [1, 8]).
 * Overflow makes the result negative, which callers treat as too large. */
static int64_t align_up(int64_t x, int64_t a)
{
    return (int64_t)(((uint64_t)x + (uint64_t)a - 1) & ~((uint64_t)a - 1));
}

static bool is_sync_atomic_align64(TyType *t)
{
    TyNamed *n = ty_as_named(t);
    if (!n || !n->obj || !n->obj->pkg)
        return false;
    TyObject *obj = n->obj;
    return strcmp(obj->name->name, "align64") == 0 &&
           (strcmp(obj->pkg->path, "sync/atomic") == 0 ||
            strcmp(obj->pkg->path, "internal/runtime/atomic") == 0);
}

static const int64_t *struct_offsets(TyEnv *env, TyStruct *s);

int64_t ty_alignof(TyEnv *env, TyType *t)
{
    TyType *u = ty_under(t);
    if (!u)
        return 1;
    switch (u->kind) {
    case TY_ARRAY:
        /* spec: the alignment of an array is that of its elements */
        return ty_alignof(env, TY_AS(TyArray, u)->elem);
    case TY_STRUCT: {
        TyStruct *s = TY_AS(TyStruct, u);
        if (s->nfields == 0 && is_sync_atomic_align64(t))
            return 8;
        /* spec: the largest field alignment, but at least 1 */
        int64_t max = 1;
        for (uint32_t i = 0; i < s->nfields; i++) {
            int64_t a = ty_alignof(env, s->fields[i]->type);
            if (a > max)
                max = a;
        }
        return max;
    }
    case TY_SLICE:
    case TY_INTERFACE:
        /* multi-word structures: word aligned */
        return env->sizes.wordsize;
    case TY_BASIC:
        if (TY_AS(TyBasic, u)->info & TY_IS_STRING)
            return env->sizes.wordsize;
        break;
    default:
        break;
    }
    int64_t a = ty_sizeof(env, t);
    if (a < 1)
        return 1;
    /* complex64/128 are aligned like [2]float32/64 */
    if (ty_is_complex(t))
        a /= 2;
    if (a > env->sizes.maxalign)
        return env->sizes.maxalign;
    return a;
}

int64_t ty_sizeof(TyEnv *env, TyType *t)
{
    int64_t word = env->sizes.wordsize;
    TyType *u = ty_under(t);
    if (!u)
        return word;
    switch (u->kind) {
    case TY_BASIC: {
        TyBasic *b = TY_AS(TyBasic, u);
        if (b->bkind < TY_BASIC_COUNT && basic_sizes[b->bkind])
            return basic_sizes[b->bkind];
        if (b->bkind == TY_STRING)
            return 2 * word;
        break; /* int, uint, uintptr, unsafe.Pointer (and invalid): a word */
    }
    case TY_ARRAY: {
        TyArray *a = TY_AS(TyArray, u);
        int64_t n = a->len;
        if (n <= 0)
            return 0;
        int64_t esize = ty_sizeof(env, a->elem);
        if (esize < 0)
            return -1; /* element too large */
        if (esize == 0)
            return 0;
        if (esize > MAX_INT64 / n)
            return -1; /* esize * n overflows */
        return esize * n;
    }
    case TY_SLICE:
        return 3 * word;
    case TY_STRUCT: {
        TyStruct *s = TY_AS(TyStruct, u);
        uint32_t n = s->nfields;
        if (n == 0)
            return 0;
        int64_t offs = struct_offsets(env, s)[n - 1];
        int64_t size = ty_sizeof(env, s->fields[n - 1]->type);
        if (offs < 0 || size < 0)
            return -1;
        /* gc: the last field of a non-zero-sized struct may not have size 0
         * (a pointer to it would point past the struct) */
        if (offs > 0 && size == 0)
            size = 1;
        /* gc: the size includes the trailing alignment padding; overflow
         * to a negative value means too large */
        int64_t end = (int64_t)((uint64_t)offs + (uint64_t)size);
        if (end < 0)
            return -1;
        return align_up(end, ty_alignof(env, t));
    }
    case TY_INTERFACE:
        return 2 * word;
    default:
        break;
    }
    return word; /* pointers, maps, channels, functions */
}

/* Offsets of all fields of s (types2 gcSizes.Offsetsof), cached. */
static const int64_t *struct_offsets(TyEnv *env, TyStruct *s)
{
    if (s->offsets || s->nfields == 0)
        return s->offsets;
    int64_t *offsets = ARENA_ARRAY(&env->arena, int64_t, s->nfields);
    int64_t offs = 0;
    for (uint32_t i = 0; i < s->nfields; i++) {
        if (offs < 0) {
            offsets[i] = -1; /* all remaining offsets are too large */
            continue;
        }
        TyType *ft = s->fields[i]->type;
        offs = align_up(offs, ty_alignof(env, ft)); /* may overflow to < 0 */
        offsets[i] = offs;
        int64_t d = ty_sizeof(env, ft);
        if (d >= 0 && offs >= 0)
            offs = (int64_t)((uint64_t)offs + (uint64_t)d); /* overflow: < 0 */
        else
            offs = -1;
    }
    s->offsets = offsets;
    return offsets;
}

int64_t ty_offsetof(TyEnv *env, TyStruct *s, uint32_t field)
{
    if (field >= s->nfields)
        return -1;
    return struct_offsets(env, s)[field];
}

/* The offset of the field reached through the embedded-field path index
 * (types2 Config.offsetof); every step must be a struct (not a pointer).
 * Negative if too large. */
int64_t ty_offsetof_path(TyEnv *env, TyType *t, const uint32_t *index, uint32_t n)
{
    int64_t offs = 0;
    for (uint32_t k = 0; k < n; k++) {
        TyType *u = ty_under(t);
        if (!u || u->kind != TY_STRUCT)
            return -1;
        TyStruct *s = TY_AS(TyStruct, u);
        int64_t d = ty_offsetof(env, s, index[k]);
        if (d < 0)
            return -1;
        offs = (int64_t)((uint64_t)offs + (uint64_t)d);
        if (offs < 0)
            return -1;
        t = s->fields[index[k]]->type;
    }
    return offs;
}

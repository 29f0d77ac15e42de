/*
 * Method sets (go/types methodset.go, NewMethodSet): the methods that can
 * be called on a value of type T, with their selection paths.
 *
 * Like the field/method lookup, the computation is breadth-first through
 * embedded fields: a name found at a shallower depth hides the same name
 * further down; two entries with one name at the same depth (or a field
 * and a method) collide and both disappear.  Methods with pointer
 * receivers are in the set only if reached through a pointer (T is *S or
 * the path contains an embedded pointer); interface methods always are.
 *
 * The checker itself does not need method sets (lookups and
 * missingMethod answer its questions); later passes do.
 */
#include "check.h"

#include <stdlib.h>
#include <string.h>

/* An entry of a method set under construction: a method (obj != NULL)
 * or a collision (obj == NULL), keyed by the method's Id. */
typedef struct MEntry {
    const Sym *name;
    const char *path;   /* package path for unexported names, else NULL */
    TyObject *obj;
    uint32_t *index;
    uint32_t nindex;
    bool indirect;
} MEntry;

typedef struct MSet {
    MEntry *e;
    uint32_t n, cap;
} MSet;

static bool name_exported(const Sym *s)
{
    unsigned char c = (unsigned char)s->name[0];
    if (c < 0x80)
        return c >= 'A' && c <= 'Z';
    int w;
    return uni_is_upper(utf8_decode((const unsigned char *)s->name, s->len, &w));
}

static const char *id_path(const TyObject *o)
{
    return !name_exported(o->name) && o->pkg ? o->pkg->path : NULL;
}

static MEntry *mset_find(MSet *s, const Sym *name, const char *path)
{
    for (uint32_t i = 0; i < s->n; i++) {
        MEntry *m = &s->e[i];
        if (m->name == name && (m->path == path || (m->path && path && strcmp(m->path, path) == 0)))
            return m;
    }
    return NULL;
}

static MEntry *mset_add(MSet *s, const Sym *name, const char *path)
{
    if (s->n == s->cap) {
        s->cap = s->cap ? s->cap * 2 : 16;
        s->e = xrealloc(s->e, s->cap * sizeof *s->e);
    }
    MEntry *m = &s->e[s->n++];
    memset(m, 0, sizeof *m);
    m->name = name;
    m->path = path;
    return m;
}

static uint32_t *concat(Arena *a, const uint32_t *index, uint32_t n, uint32_t i)
{
    uint32_t *r = ARENA_ARRAY(a, uint32_t, n + 1);
    if (n)
        memcpy(r, index, n * sizeof *r);
    r[n] = i;
    return r;
}

static bool has_ptr_recv(TyObject *f)
{
    TyType *t = f->type;
    if (t && t->kind == TY_SIGNATURE && TY_AS(TySignature, t)->recv) {
        bool isptr;
        ty_deref(TY_AS(TySignature, t)->recv->type, &isptr);
        return isptr;
    }
    return (f->flags & TY_OF_PTRRECV) != 0;
}

/* methodSet.addOne */
static void add_one(MSet *s, Arena *a, TyObject *f, const uint32_t *index, uint32_t n, uint32_t i, bool indirect,
                    bool multiples)
{
    const char *path = id_path(f);
    MEntry *m = mset_find(s, f->name, path);
    if (!multiples && !m && (indirect || !has_ptr_recv(f))) {
        m = mset_add(s, f->name, path);
        m->obj = f;
        m->index = concat(a, index, n, i);
        m->nindex = n + 1;
        m->indirect = indirect;
        return;
    }
    if (!m)
        m = mset_add(s, f->name, path);
    m->obj = NULL; /* collision */
}

typedef struct Emb {
    TyType *typ;
    uint32_t *index;
    uint32_t n;
    bool indirect, multiples;
} Emb;

typedef struct EmbVec {
    Emb *v;
    uint32_t n, cap;
} EmbVec;

static void emb_push(EmbVec *v, Emb e)
{
    if (v->n == v->cap) {
        v->cap = v->cap ? v->cap * 2 : 8;
        v->v = xrealloc(v->v, v->cap * sizeof *v->v);
    }
    v->v[v->n++] = e;
}

static int cmp_id(const void *pa, const void *pb)
{
    const TySelection *a = pa, *b = pb;
    /* Id: the name, qualified by the package path if unexported */
    const char *ap = id_path(a->obj), *bp = id_path(b->obj);
    Buf x = {0}, y = {0};
    if (ap) {
        buf_puts(&x, ap);
        buf_putc(&x, '.');
    }
    buf_puts(&x, a->obj->name->name);
    if (bp) {
        buf_puts(&y, bp);
        buf_putc(&y, '.');
    }
    buf_puts(&y, b->obj->name->name);
    int r = strcmp(buf_str(&x), buf_str(&y));
    buf_free(&x);
    buf_free(&y);
    return r;
}

TySelection *ty_method_set(TyEnv *env, TyType *T, uint32_t *nout)
{
    Arena *a = &env->arena;
    *nout = 0;
    bool isptr;
    TyType *typ = ty_deref(T, &isptr);
    /* *I for an interface I has no methods */
    if (isptr && ty_as_interface(typ))
        return NULL;

    MSet base = {0};
    EmbVec current = {0}, next = {0};
    emb_push(&current, (Emb){typ, NULL, 0, isptr, false});
    TyNamed **seen = NULL;
    uint32_t nseen = 0, capseen = 0;

    while (current.n > 0) {
        next.n = 0;
        MSet mset = {0};   /* methods at this depth */
        MSet fset = {0};   /* field names at this depth */
        for (uint32_t k = 0; k < current.n; k++) {
            Emb e = current.v[k];
            TyNamed *named = ty_as_named(e.typ);
            if (named) {
                bool dup = false;
                for (uint32_t i = 0; i < nseen && !dup; i++)
                    dup = seen[i] == named || ty_identical(&seen[i]->t, &named->t);
                if (dup)
                    continue;
                if (nseen == capseen) {
                    capseen = capseen ? capseen * 2 : 8;
                    seen = xrealloc(seen, capseen * sizeof *seen);
                }
                seen[nseen++] = named;
                for (uint32_t i = 0; i < named->orig->nmethods; i++) {
                    TyObject *m = named == named->orig ? named->methods[i] : ty_named_method(env, named, i);
                    add_one(&mset, a, m, e.index, e.n, i, e.indirect, e.multiples);
                }
            }
            TyType *u = ty_under(e.typ);
            if (!u)
                continue;
            if (u->kind == TY_STRUCT) {
                TyStruct *s = TY_AS(TyStruct, u);
                for (uint32_t i = 0; i < s->nfields; i++) {
                    TyObject *f = s->fields[i];
                    if (!mset_find(&fset, f->name, id_path(f)))
                        mset_add(&fset, f->name, id_path(f));
                    if (f->flags & TY_OF_EMBEDDED) {
                        bool fptr;
                        TyType *ft = ty_deref(f->type, &fptr);
                        emb_push(&next, (Emb){ft, concat(a, e.index, e.n, i), e.n + 1, e.indirect || fptr,
                                              e.multiples});
                    }
                }
            } else if (u->kind == TY_INTERFACE) {
                TyTypeSet *ts = ty_interface_typeset(env, TY_AS(TyInterface, u));
                uint32_t nm = ty_typeset_num_methods(ts);
                for (uint32_t i = 0; i < nm; i++)
                    add_one(&mset, a, ty_typeset_method(ts, i), e.index, e.n, i, true, e.multiples);
            }
        }
        /* methods (and collisions) of this depth not hidden by shallower
         * entries; a field of the same name at this depth collides */
        for (uint32_t i = 0; i < mset.n; i++) {
            MEntry *m = &mset.e[i];
            if (mset_find(&base, m->name, m->path))
                continue;
            MEntry *b = mset_add(&base, m->name, m->path);
            *b = *m;
            if (mset_find(&fset, m->name, m->path))
                b->obj = NULL;
        }
        /* fields hide everything of their name further down */
        for (uint32_t i = 0; i < fset.n; i++)
            if (!mset_find(&base, fset.e[i].name, fset.e[i].path))
                mset_add(&base, fset.e[i].name, fset.e[i].path);
        free(mset.e);
        free(fset.e);

        /* consolidate multiples */
        uint32_t n = 0;
        for (uint32_t i = 0; i < next.n; i++) {
            bool found = false;
            for (uint32_t j = 0; j < n && !found; j++) {
                if (next.v[j].typ == next.v[i].typ || ty_identical(next.v[j].typ, next.v[i].typ)) {
                    next.v[j].multiples = true;
                    found = true;
                }
            }
            if (!found)
                next.v[n++] = next.v[i];
        }
        next.n = n;
        EmbVec t = current;
        current = next;
        next = t;
    }

    uint32_t count = 0;
    for (uint32_t i = 0; i < base.n; i++)
        if (base.e[i].obj)
            count++;
    TySelection *list = count ? ARENA_ARRAY(a, TySelection, count) : NULL;
    uint32_t j = 0;
    for (uint32_t i = 0; i < base.n; i++) {
        MEntry *m = &base.e[i];
        if (!m->obj)
            continue;
        list[j].kind = TY_METHOD_VAL;
        list[j].recv = T;
        list[j].obj = m->obj;
        list[j].index = m->index;
        list[j].nindex = m->nindex;
        list[j].indirect = m->indirect;
        j++;
    }
    if (count > 1)
        qsort(list, count, sizeof *list, cmp_id);
    free(base.e);
    free(current.v);
    free(next.v);
    free(seen);
    *nout = count;
    return list;
}

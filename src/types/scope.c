/*
 * Scopes: name -> object tables with a parent chain, as go/types.Scope.
 * Elements live in an open-addressed table keyed by the interned name
 * pointer; most scopes are tiny, so tables start small.
 */
#include "check.h"

#include <stdlib.h>
#include <string.h>

TyScope *ty_scope_new(TyEnv *env, TyScope *parent, Pos pos, Pos end, const char *comment)
{
    TyScope *s = ARENA_NEW(&env->arena, TyScope);
    s->parent = parent;
    s->pos = pos;
    s->end = end;
    s->comment = comment;
    /* the universe keeps no list of children; it would only waste memory */
    if (parent && parent != env->universe) {
        if (parent->nchildren == parent->capchildren) {
            uint32_t cap = parent->capchildren ? parent->capchildren * 2 : 4;
            TyScope **c = ARENA_ARRAY(&env->arena, TyScope *, cap);
            if (parent->nchildren)
                memcpy(c, parent->children, sizeof(TyScope *) * parent->nchildren);
            parent->children = c;
            parent->capchildren = cap;
        }
        parent->children[parent->nchildren++] = s;
    }
    return s;
}

static inline uint32_t slot_of(const Sym *name, uint32_t cap)
{
    return (name->hash * 2654435761u) & (cap - 1);
}

TyObject *ty_scope_lookup(const TyScope *s, const Sym *name)
{
    if (!s->cap)
        return NULL;
    for (uint32_t i = slot_of(name, s->cap);; i = (i + 1) & (s->cap - 1)) {
        TyObject *o = s->slots[i];
        if (!o)
            return NULL;
        if (o->name == name)
            return o;
    }
}

TyObject *ty_scope_lookup_parent(TyScope *s, const Sym *name, Pos pos, TyScope **found)
{
    for (; s; s = s->parent) {
        TyObject *o = ty_scope_lookup(s, name);
        if (o && (pos == NOPOS || o->scopepos == NOPOS || o->scopepos <= pos)) {
            if (found)
                *found = s;
            return o;
        }
    }
    if (found)
        *found = NULL;
    return NULL;
}

static void grow(TyEnv *env, TyScope *s)
{
    uint32_t cap = s->cap ? s->cap * 2 : 4;
    TyObject **slots = ARENA_ARRAY(&env->arena, TyObject *, cap);
    for (uint32_t i = 0; i < s->cap; i++) {
        TyObject *o = s->slots[i];
        if (!o)
            continue;
        uint32_t j = slot_of(o->name, cap);
        while (slots[j])
            j = (j + 1) & (cap - 1);
        slots[j] = o;
    }
    s->slots = slots;
    s->cap = cap;
}

TyObject *ty_scope_insert(TyEnv *env, TyScope *s, TyObject *obj)
{
    TyObject *old = ty_scope_lookup(s, obj->name);
    if (old)
        return old;
    if ((s->nelems + 1) * 4 > s->cap * 3)
        grow(env, s);
    uint32_t j = slot_of(obj->name, s->cap);
    while (s->slots[j])
        j = (j + 1) & (s->cap - 1);
    s->slots[j] = obj;
    s->nelems++;
    if (!obj->parent)
        obj->parent = s;
    return NULL;
}

static int cmp_obj_name(const void *a, const void *b)
{
    const TyObject *x = *(TyObject *const *)a, *y = *(TyObject *const *)b;
    return strcmp(x->name->name, y->name->name);
}

TyObject **ty_scope_sorted(const TyScope *s, uint32_t *n)
{
    TyObject **out = xmalloc(sizeof(TyObject *) * (s->nelems + 1));
    uint32_t k = 0;
    for (uint32_t i = 0; i < s->cap; i++)
        if (s->slots[i])
            out[k++] = s->slots[i];
    qsort(out, k, sizeof(TyObject *), cmp_obj_name);
    *n = k;
    return out;
}

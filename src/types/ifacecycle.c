/*
 * Anonymous interface cycles (go.dev/issue/56103).
 *
 * An interface literal may refer to itself through its own methods'
 * signatures without any named type in between:
 *
 *     type T interface { M(interface{ T }) }
 *
 * types2 accepts this, but the compiler cannot build such a type, so gc's
 * noder (irgen.go, after type checking succeeded) looks at every interface
 * type literal of the package and reports "invalid recursive type:
 * anonymous interface refers to itself".  The search follows the method
 * sets (embedded interfaces expanded) through anonymous types only: a named
 * type or a type parameter ends a path.  Each interface is visited once,
 * and the marks are kept across literals so that one cycle is reported
 * once, at the first literal that reaches it.
 */
#include "check.h"
#include "generics.h"

#include <string.h>

typedef struct CycleFinder {
    TyEnv *env;
    PtrMap state; /* TyInterface* -> 1 on the current path, 2 done (no cycle) */
} CycleFinder;

enum { ON_PATH = 1, DONE = 2 };

static bool iface_has_cycle(CycleFinder *f, TyInterface *it, int depth);

static bool visit(CycleFinder *f, TyType *t, int depth)
{
    /* anonymous types nest only as deep as the source does; the bound
     * guards against malformed input */
    for (; t && depth < 10000; depth++) {
        t = ty_unalias(t);
        switch (t->kind) {
        case TY_POINTER: t = TY_AS(TyPointer, t)->base; continue;
        case TY_ARRAY: t = TY_AS(TyArray, t)->elem; continue;
        case TY_SLICE: t = TY_AS(TySlice, t)->elem; continue;
        case TY_CHAN: t = TY_AS(TyChan, t)->elem; continue;
        case TY_MAP:
            if (visit(f, TY_AS(TyMap, t)->key, depth + 1))
                return true;
            t = TY_AS(TyMap, t)->elem;
            continue;
        case TY_STRUCT: {
            TyStruct *s = TY_AS(TyStruct, t);
            for (uint32_t i = 0; i < s->nfields; i++)
                if (visit(f, s->fields[i]->type, depth + 1))
                    return true;
            return false;
        }
        case TY_TUPLE: {
            TyTuple *tu = TY_AS(TyTuple, t);
            for (uint32_t i = 0; i < tu->len; i++)
                if (visit(f, tu->vars[i]->type, depth + 1))
                    return true;
            return false;
        }
        case TY_SIGNATURE: {
            TySignature *s = TY_AS(TySignature, t);
            return (s->params && visit(f, &s->params->t, depth + 1)) ||
                   (s->results && visit(f, &s->results->t, depth + 1));
        }
        case TY_INTERFACE: {
            TyInterface *it = TY_AS(TyInterface, t);
            if (it->nmethods == 0 && it->nembeddeds == 0)
                return false; /* any: never part of a cycle */
            void **slot = ptrmap_slot(&f->state, PMKEY(it));
            if (*slot)
                return (uintptr_t)*slot == ON_PATH;
            *slot = (void *)(uintptr_t)ON_PATH;
            if (iface_has_cycle(f, it, depth + 1))
                return true;
            /* the map may have grown: look the slot up again */
            ptrmap_put(&f->state, PMKEY(it), (void *)(uintptr_t)DONE);
            return false;
        }
        default:
            return false; /* basic, named, type parameter */
        }
    }
    return false;
}

static bool iface_has_cycle(CycleFinder *f, TyInterface *it, int depth)
{
    TyTypeSet *ts = ty_interface_typeset(f->env, it);
    if (!ts)
        return false;
    for (uint32_t i = 0; i < ts->nmethods; i++)
        if (visit(f, ts->methods[i]->type, depth))
            return true;
    return false;
}

typedef struct Walk {
    CycleFinder f;
    Diags *diags;
    uint32_t nerrors;
} Walk;

static bool pre(SynNode *n, void *ud)
{
    if (n->kind != SYN_INTERFACE_TYPE)
        return true;
    Walk *w = ud;
    TyTV *tv = ty_tv(n);
    TyType *t = tv && tv->type ? ty_unalias(tv->type) : NULL;
    if (t && t->kind == TY_INTERFACE && iface_has_cycle(&w->f, TY_AS(TyInterface, t), 0)) {
        diags_add(w->diags, n->pos,
                  "invalid recursive type: anonymous interface refers to itself (see https://go.dev/issue/56103)");
        w->nerrors++;
        /* everything on the reported path is settled */
        for (uint32_t i = 0; i < w->f.state.cap; i++)
            if (w->f.state.keys && w->f.state.keys[i])
                w->f.state.vals[i] = (void *)(uintptr_t)DONE;
    }
    return false; /* gc does not look inside an interface literal */
}

uint32_t ty_check_anon_iface_cycles(TyEnv *env, SynFile **files, uint32_t nfiles, Diags *diags)
{
    Walk w;
    memset(&w, 0, sizeof w);
    w.f.env = env;
    w.diags = diags;
    for (uint32_t i = 0; i < nfiles; i++)
        syn_walk(&files[i]->n, pre, NULL, &w);
    ptrmap_free(&w.f.state);
    return w.nerrors;
}

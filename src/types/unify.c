/*
 * Type unification (types2 unify.go).
 *
 * Unification makes two types structurally equivalent by finding types for
 * the type parameters being inferred ("bound" to the unifier) that occur in
 * them.  Each bound type parameter has a handle: an index of a slot holding
 * its inferred type.  Unifying two bound type parameters joins them: they
 * then share one handle, so that inferring one infers the other.
 *
 * Unless unification is exact, a defined type unifies with a type literal
 * if its underlying type does, channel directions are ignored, and (with
 * interface inference, go1.21 on) an interface unifies with a type that has
 * its methods.  This is an adaptation of identity (predicates.c), which
 * must be kept in sync.
 */
#include "generics.h"

#include <string.h>

enum { UNIFICATION_DEPTH_LIMIT = 50 };

Unifier *gx_unifier_new(Checker *ck, TyTParamList tparams, TyTypeList targs, bool iface_inference)
{
    Unifier *u = ARENA_NEW(&ck->tmp, Unifier);
    u->ck = ck;
    u->env = ck->env;
    u->tparams = tparams;
    uint32_t n = tparams.len ? tparams.len : 1;
    u->handle = ARENA_ARRAY(&ck->tmp, uint32_t, n);
    u->value = ARENA_ARRAY(&ck->tmp, TyType *, n);
    /* all handles up front: in a correct program every type parameter
     * gets one eventually */
    for (uint32_t i = 0; i < tparams.len; i++) {
        u->handle[i] = i;
        u->value[i] = i < targs.len ? targs.items[i] : NULL;
    }
    u->iface_inference = iface_inference;
    return u;
}

/* the index of x if it is a type parameter bound to u, else -1 */
static int bound_tparam(Unifier *u, TyType *x)
{
    TyTypeParam *tp = ty_as_typeparam(x);
    return tp ? gx_tparam_index(u->tparams, tp) : -1;
}

TyType *gx_unifier_at(Unifier *u, TyTypeParam *tp)
{
    int i = gx_tparam_index(u->tparams, tp);
    return i < 0 ? NULL : u->value[u->handle[i]];
}

void gx_unifier_set(Unifier *u, TyTypeParam *tp, TyType *t)
{
    int i = gx_tparam_index(u->tparams, tp);
    if (i >= 0)
        u->value[u->handle[i]] = t;
}

uint32_t gx_unifier_unknowns(Unifier *u)
{
    uint32_t n = 0;
    for (uint32_t i = 0; i < u->tparams.len; i++)
        if (!u->value[u->handle[i]])
            n++;
    return n;
}

void gx_unifier_inferred(Unifier *u, TyTParamList tparams, TyType **out)
{
    for (uint32_t i = 0; i < tparams.len; i++)
        out[i] = gx_unifier_at(u, tparams.items[i]);
}

/* setHandle: x and every type parameter joined with it get handle h */
static void set_handle(Unifier *u, uint32_t x, uint32_t h)
{
    uint32_t hx = u->handle[x];
    for (uint32_t i = 0; i < u->tparams.len; i++)
        if (u->handle[i] == hx)
            u->handle[i] = h;
}

static bool join(Unifier *u, uint32_t x, uint32_t y)
{
    uint32_t hx = u->handle[x], hy = u->handle[y];
    if (hx == hy)
        return true;
    if (u->value[hx] && u->value[hy])
        return false; /* both inferred (differently, maybe) */
    if (u->value[hx])
        set_handle(u, y, hx);
    else
        set_handle(u, x, hy);
    return true;
}

/* asInterface: the underlying interface of a type that is not a type
 * parameter */
static TyInterface *as_interface(TyType *x)
{
    if (ty_is_typeparam(x))
        return NULL;
    return ty_as_interface(x);
}

struct UPair {
    TyInterface *x, *y;
    struct UPair *prev;
};

static bool pair_seen(UPair *p, TyInterface *x, TyInterface *y)
{
    for (; p; p = p->prev)
        if ((p->x == x && p->y == y) || (p->x == y && p->y == x))
            return true;
    return false;
}

static const char *struct_tag(TyStruct *s, uint32_t i)
{
    return s->tags && s->tags[i] ? s->tags[i] : "";
}

static TyObject *find_method(TyTypeSet *s, TyObject *m)
{
    for (uint32_t i = 0; i < s->nmethods; i++)
        if (ty_same_id(s->methods[i], m->pkg, m->name))
            return s->methods[i];
    return NULL;
}

static bool nify(Unifier *u, TyType *x, TyType *y, unsigned mode, UPair *p);

static bool nify0(Unifier *u, TyType *x, TyType *y, unsigned mode, UPair *p)
{
    if (x == y || ty_unalias(x) == ty_unalias(y))
        return true;
    if (u->depth > UNIFICATION_DEPTH_LIMIT)
        return false; /* types2 panics; fail quietly */

    /* symmetric: a defined type, if any, goes into y; a bound type
     * parameter, if any, into x */
    if (ty_as_named(x) || bound_tparam(u, y) >= 0) {
        TyType *t = x;
        x = y;
        y = t;
    }

    /* a defined type against a type literal (or basic type): continue
     * with the underlying type, unless unification is exact */
    TyNamed *ny = ty_as_named(y);
    if (!(mode & UNIFY_EXACT) && ny && gx_is_type_lit(x) && !(u->iface_inference && gx_is_iface(x))) {
        y = ty_under(y);
        if (x == y || ty_unalias(x) == ty_unalias(y))
            return true;
    }

    int px = bound_tparam(u, x), py = bound_tparam(u, y);
    if (px >= 0 && py >= 0) {
        /* both type parameters: join them, or their types must match */
        if (join(u, (uint32_t)px, (uint32_t)py))
            return true;
        return nify(u, u->value[u->handle[px]], u->value[u->handle[py]], mode, p);
    }
    if (px >= 0) {
        TyType *xt = u->value[u->handle[px]];
        if (!xt) {
            /* infer x from y */
            u->value[u->handle[px]] = y;
            return true;
        }
        /* x has an inferred type which must match y */
        if (!nify(u, xt, y, mode, p))
            return false;
        TyInterface *xi = as_interface(xt), *yi = as_interface(y);
        bool xn = ty_as_named(xt) != NULL, yn = ty_as_named(y) != NULL;
        if (xi && yi) {
            /* named interfaces must be identical; else the method sets
             * must match */
            if (xn && yn)
                return ty_identical(xt, y);
            if (gx_iface_tset(xi)->nmethods != gx_iface_tset(yi)->nmethods)
                return false;
        } else if (xi || yi) {
            /* either could be the inferred type: an order dependence;
             * fail (go.dev/issue/60933) */
            return false;
        }
        /* inexact: prefer a defined type, then a directed channel, so that
         * the result does not depend on the order of arguments */
        if (!(mode & UNIFY_EXACT)) {
            if (xn) {
                /* keep x */
            } else if (yn) {
                u->value[u->handle[px]] = y;
            } else {
                TyType *yu = ty_under(y);
                if (yu && yu->kind == TY_CHAN && TY_AS(TyChan, yu)->dir != TY_SEND_RECV)
                    u->value[u->handle[px]] = y;
            }
        }
        return true;
    }

    /* interface inference: interfaces unify with types that have their
     * methods (with unifying signatures) */
    if (u->iface_inference && !(mode & UNIFY_EXACT)) {
        TyInterface *xi = as_interface(x), *yi = as_interface(y);
        if (xi && yi) {
            TyTypeSet *xs = gx_iface_tset(xi), *ys = gx_iface_tset(yi);
            if (xs->comparable != ys->comparable)
                return false;
            if (!gx_terms_equal(xs->terms, ys->terms))
                return false;
            /* a pair compared before is equal (or we'd have stopped) */
            if (pair_seen(p, xi, yi))
                return true;
            /* the smaller method set must be a subset of the other */
            TyTypeSet *small = xs, *large = ys;
            if (xs->nmethods > ys->nmethods) {
                small = ys;
                large = xs;
            }
            for (uint32_t i = 0; i < small->nmethods; i++) {
                TyObject *xm = small->methods[i];
                TyObject *ym = find_method(large, xm);
                /* types2 passes no pair list here (its loop over the
                 * list leaves it nil) */
                if (!ym || !nify(u, xm->type, ym->type, UNIFY_EXACT, NULL))
                    return false;
            }
            return true;
        }
        if (yi) {
            xi = yi;
            y = x;
        }
        if (xi) {
            /* every method of xi must exist in y, with unifying signature */
            TyTypeSet *xs = gx_iface_tset(xi);
            for (uint32_t i = 0; i < xs->nmethods; i++) {
                TyObject *xm = xs->methods[i];
                LookupResult r = ty_lookup_field_or_method(u->env, y, false, xm->pkg, xm->name, false);
                TyObject *ym = r.obj && r.obj->kind == TY_OBJ_FUNC ? r.obj : NULL;
                if (!ym || !nify(u, xm->type, ym->type, UNIFY_EXACT, p))
                    return false;
            }
            return true;
        }
    }

    /* Except for unbound type parameters, x and y must be structurally
     * equivalent now; an unbound type parameter goes into x. */
    if (ty_is_typeparam(y)) {
        TyType *t = x;
        x = y;
        y = t;
    }

    /* element types must match exactly in assignments */
    unsigned emode = mode;
    if (mode & UNIFY_ASSIGN)
        emode |= UNIFY_EXACT;

    /* continue with unaliased types, keeping the originals */
    TyType *yorig = y;
    x = ty_unalias(x);
    y = ty_unalias(y);
    if (!x || !y)
        return false;

    switch (x->kind) {
    case TY_BASIC:
        /* basic types are singletons, except byte and rune */
        return y->kind == TY_BASIC && TY_AS(TyBasic, x)->bkind == TY_AS(TyBasic, y)->bkind;
    case TY_ARRAY:
        if (y->kind == TY_ARRAY) {
            TyArray *a = TY_AS(TyArray, x), *b = TY_AS(TyArray, y);
            /* unknown lengths (errors) match anything */
            return (a->len < 0 || b->len < 0 || a->len == b->len) && nify(u, a->elem, b->elem, emode, p);
        }
        return false;
    case TY_SLICE:
        return y->kind == TY_SLICE && nify(u, TY_AS(TySlice, x)->elem, TY_AS(TySlice, y)->elem, emode, p);
    case TY_STRUCT:
        if (y->kind == TY_STRUCT) {
            TyStruct *a = TY_AS(TyStruct, x), *b = TY_AS(TyStruct, y);
            if (a->nfields != b->nfields)
                return false;
            for (uint32_t i = 0; i < a->nfields; i++) {
                TyObject *f = a->fields[i], *g = b->fields[i];
                if ((f->flags & TY_OF_EMBEDDED) != (g->flags & TY_OF_EMBEDDED) ||
                    strcmp(struct_tag(a, i), struct_tag(b, i)) != 0 || !ty_same_id(f, g->pkg, g->name) ||
                    !nify(u, f->type, g->type, emode, p))
                    return false;
            }
            return true;
        }
        return false;
    case TY_POINTER:
        return y->kind == TY_POINTER && nify(u, TY_AS(TyPointer, x)->base, TY_AS(TyPointer, y)->base, emode, p);
    case TY_TUPLE:
        if (y->kind == TY_TUPLE) {
            TyTuple *a = TY_AS(TyTuple, x), *b = TY_AS(TyTuple, y);
            if (a->len != b->len)
                return false;
            for (uint32_t i = 0; i < a->len; i++)
                if (!nify(u, a->vars[i]->type, b->vars[i]->type, mode, p))
                    return false;
            return true;
        }
        return false;
    case TY_SIGNATURE:
        if (y->kind == TY_SIGNATURE) {
            TySignature *a = TY_AS(TySignature, x), *b = TY_AS(TySignature, y);
            return a->variadic == b->variadic && nify(u, &a->params->t, &b->params->t, emode, p) &&
                   nify(u, &a->results->t, &b->results->t, emode, p);
        }
        return false;
    case TY_INTERFACE:
        if (y->kind == TY_INTERFACE) {
            TyInterface *xi = TY_AS(TyInterface, x), *yi = TY_AS(TyInterface, y);
            TyTypeSet *xs = gx_iface_tset(xi), *ys = gx_iface_tset(yi);
            if (xs->comparable != ys->comparable)
                return false;
            if (!gx_terms_equal(xs->terms, ys->terms))
                return false;
            if (xs->nmethods != ys->nmethods)
                return false;
            if (pair_seen(p, xi, yi))
                return true;
            UPair q = {xi, yi, p};
            for (uint32_t i = 0; i < xs->nmethods; i++) {
                TyObject *f = xs->methods[i], *g = ys->methods[i];
                if (!ty_same_id(f, g->pkg, g->name) || !nify(u, f->type, g->type, UNIFY_EXACT, &q))
                    return false;
            }
            return true;
        }
        return false;
    case TY_MAP:
        if (y->kind == TY_MAP) {
            TyMap *a = TY_AS(TyMap, x), *b = TY_AS(TyMap, y);
            return nify(u, a->key, b->key, emode, p) && nify(u, a->elem, b->elem, emode, p);
        }
        return false;
    case TY_CHAN:
        if (y->kind == TY_CHAN) {
            TyChan *a = TY_AS(TyChan, x), *b = TY_AS(TyChan, y);
            /* directions are ignored unless unification is exact */
            return (!(mode & UNIFY_EXACT) || a->dir == b->dir) && nify(u, a->elem, b->elem, emode, p);
        }
        return false;
    case TY_NAMED: {
        TyNamed *b = ty_as_named(y);
        if (!b)
            return false;
        TyNamed *a = TY_AS(TyNamed, x);
        /* type arguments first (for better error messages), then
         * origins */
        if (a->targs.len != b->targs.len)
            return false;
        for (uint32_t i = 0; i < a->targs.len; i++)
            if (!nify(u, a->targs.items[i], b->targs.items[i], mode, p))
                return false;
        return a->orig == b->orig;
    }
    case TY_TYPEPARAM: {
        /* an unbound type parameter: a type argument for it must have its
         * core type as underlying type, so unify that (in assign mode, so
         * that a defined type y matches through its underlying type) */
        TyType *cx = ty_core_type(x);
        if (cx)
            return nify(u, cx, yorig, UNIFY_ASSIGN, p);
        return false;
    }
    default:
        return false;
    }
}

static bool nify(Unifier *u, TyType *x, TyType *y, unsigned mode, UPair *p)
{
    u->depth++;
    bool r = nify0(u, x, y, mode, p);
    u->depth--;
    return r;
}

bool gx_unify(Unifier *u, TyType *x, TyType *y, unsigned mode) { return nify(u, x, y, mode, NULL); }

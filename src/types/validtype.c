/*
 * Invalid recursive types (types2 validtype.go): a type must not contain
 * itself, directly or through instances of generic types, except behind
 * a pointer, slice, map, channel, function or method (which don't embed
 * the memory of their element types).
 *
 * The walk keeps a "nest": the named types whose memory contains the type
 * being looked at.  A named type found in its own nest is invalid.  A type
 * parameter stands for its type argument in the enclosing instance, which
 * is checked in the nest as it was where that instance was written (the
 * nest without the instance), so that A[A[string]] with type A[P any]
 * struct{ _ B[P] } is not mistaken for a cycle.  The path (all named types
 * walked through, including ones pruned from the nest) is kept for the
 * error message.
 */
#include "generics.h"

#include <stdlib.h>
#include <string.h>

typedef struct VT {
    Checker *ck;
    TyNamed **nest;
    uint32_t capnest;
    TyNamed **path;
    uint32_t cappath;
} VT;

static void put(TyNamed ***list, uint32_t *cap, uint32_t i, TyNamed *t)
{
    if (i >= *cap) {
        uint32_t c = *cap ? *cap * 2 : 16;
        while (c <= i)
            c *= 2;
        *list = xrealloc(*list, sizeof(TyNamed *) * c);
        *cap = c;
    }
    (*list)[i] = t;
}

/* cycleError for the named types in path[start:): instances are reported at
 * the place where they were written, as types2's synthetic type names */
static void cycle_error(VT *v, uint32_t start, uint32_t npath)
{
    Checker *ck = v->ck;
    uint32_t n = npath - start;
    TyObject **objs = ARENA_ARRAY(&ck->tmp, TyObject *, n);
    for (uint32_t i = 0; i < n; i++) {
        TyNamed *t = v->path[start + i];
        TyObject *o = t->obj;
        if (t->orig != t) {
            TyObject *c = ARENA_NEW(&ck->tmp, TyObject);
            *c = *o;
            c->pos = t->instpos;
            o = c;
        }
        objs[i] = o;
    }
    ck_cycle_error(ck, objs, n, 0);
}

static bool valid_type0(VT *v, TyType *typ, uint32_t nnest, uint32_t npath)
{
    typ = ty_unalias(typ);
    if (!typ)
        return true;
    switch (typ->kind) {
    case TY_ARRAY:
        return valid_type0(v, TY_AS(TyArray, typ)->elem, nnest, npath);
    case TY_STRUCT: {
        TyStruct *s = TY_AS(TyStruct, typ);
        for (uint32_t i = 0; i < s->nfields; i++)
            if (!valid_type0(v, s->fields[i]->type, nnest, npath))
                return false;
        return true;
    }
    case TY_UNION: {
        TyUnion *u = TY_AS(TyUnion, typ);
        for (uint32_t i = 0; i < u->nterms; i++)
            if (!valid_type0(v, u->terms[i].type, nnest, npath))
                return false;
        return true;
    }
    case TY_INTERFACE: {
        TyInterface *it = TY_AS(TyInterface, typ);
        for (uint32_t i = 0; i < it->nembeddeds; i++)
            if (!valid_type0(v, it->embeddeds[i], nnest, npath))
                return false;
        return true;
    }
    case TY_NAMED: {
        TyNamed *t = TY_AS(TyNamed, typ);
        /* t in its own nest: its memory contains itself */
        for (uint32_t i = 0; i < nnest; i++) {
            if (!ty_identical(&v->nest[i]->t, &t->t))
                continue;
            /* If t is an instance, it occurs in the RHS of its origin,
             * whatever the arguments: the origin is invalid.  Both are
             * from this package (imported types were checked already). */
            TyNamed *orig = t->orig;
            orig->fromrhs = ty_typ(v->ck->env, TY_INVALID);
            orig->underlying = orig->fromrhs;
            for (uint32_t start = 0; start < npath; start++) {
                if (ty_identical(&v->path[start]->t, &t->t)) {
                    cycle_error(v, start, npath);
                    return false;
                }
            }
            return false; /* not reached: t is in the path too */
        }
        /* check the RHS of t (of its origin, for an instance: type
         * parameters are looked up in the nest) */
        put(&v->nest, &v->capnest, nnest, t);
        put(&v->path, &v->cappath, npath, t);
        return valid_type0(v, t->orig->fromrhs, nnest + 1, npath + 1);
    }
    case TY_TYPEPARAM: {
        /* the type argument of the enclosing instance, if any, checked in
         * the nest where that instance was written; else a type parameter
         * of an enclosing function, which doesn't matter */
        if (nnest == 0)
            return true;
        uint32_t d = nnest - 1;
        TyNamed *inst = v->nest[d];
        TyTParamList tps = inst->orig->tparams;
        for (uint32_t i = 0; i < tps.len; i++) {
            if (&tps.items[i]->t == typ && i < inst->targs.len) {
                bool res = valid_type0(v, inst->targs.items[i], d, npath);
                /* the call may have overwritten nest[d] */
                v->nest[d] = inst;
                return res;
            }
        }
        return true;
    }
    default:
        return true;
    }
}

void ck_valid_type(Checker *ck, TyNamed *typ)
{
    VT v = {ck, NULL, 0, NULL, 0};
    valid_type0(&v, &typ->t, 0, 0);
    free(v.nest);
    free(v.path);
}

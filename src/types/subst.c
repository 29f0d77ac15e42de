/*
 * Substitution of type parameters (types2 subst.go).
 *
 * subst returns the type with the given type parameters replaced by their
 * arguments.  It never modifies its input, and it returns the very same
 * type when nothing was substituted, so that callers (and identity fast
 * paths) can tell whether anything changed by comparing pointers.  Named
 * and Alias types that are instances get their type arguments substituted
 * and become (cached) instances with the new arguments; the underlying
 * types of instances are expanded lazily (named.c).
 */
#include "generics.h"

#include <string.h>

typedef struct Subster {
    Checker *ck;
    TyEnv *env;
    Pos pos;
    SubstMap m;
    TyNamed *expanding;
} Subster;

static TyType *subst_typ(Subster *s, TyType *t);

static TyType *lookup(SubstMap *m, TyTypeParam *tp)
{
    for (uint32_t i = 0; i < m->len; i++)
        if (m->from[i] == tp)
            return m->to[i] ? m->to[i] : &tp->t;
    return &tp->t;
}

TyObject *gx_clone_var(TyEnv *env, TyObject *v, TyType *t)
{
    TyObject *c = ARENA_NEW(&env->arena, TyObject);
    *c = *v;
    c->type = t;
    c->origin = v->origin ? v->origin : v;
    return c;
}

TyObject *gx_clone_func(TyEnv *env, TyObject *f, TyType *t) { return gx_clone_var(env, f, t); }

static TyObject *subst_var(Subster *s, TyObject *v)
{
    if (!v)
        return v;
    TyType *t = v->type ? subst_typ(s, v->type) : NULL;
    return t != v->type ? gx_clone_var(s->env, v, t) : v;
}

/* substList for variables: a new array if anything changed, else NULL */
static TyObject **subst_vars(Subster *s, TyObject **in, uint32_t n)
{
    TyObject **out = NULL;
    for (uint32_t i = 0; i < n; i++) {
        TyObject *v = subst_var(s, in[i]);
        if (v != in[i]) {
            if (!out) {
                out = ARENA_ARRAY(&s->env->arena, TyObject *, n);
                memcpy(out, in, sizeof(TyObject *) * n);
            }
            out[i] = v;
        }
    }
    return out;
}

static TyTuple *subst_tuple(Subster *s, TyTuple *t)
{
    if (!t)
        return t;
    TyObject **vars = subst_vars(s, t->vars, t->len);
    return vars ? ty_new_tuple(s->env, vars, t->len) : t;
}

static TyType **subst_types(Subster *s, TyType **in, uint32_t n)
{
    TyType **out = NULL;
    for (uint32_t i = 0; i < n; i++) {
        TyType *t = subst_typ(s, in[i]);
        if (t != in[i]) {
            if (!out) {
                out = ARENA_ARRAY(&s->env->arena, TyType *, n);
                memcpy(out, in, sizeof(TyType *) * n);
            }
            out[i] = t;
        }
    }
    return out;
}

TyObject **gx_replace_recv_type(TyEnv *env, TyObject **in, uint32_t n, TyType *old, TyType *nu,
                                bool *copied)
{
    TyObject **out = in;
    *copied = false;
    for (uint32_t i = 0; i < n; i++) {
        TyObject *m = in[i];
        TySignature *sig = m->type && m->type->kind == TY_SIGNATURE ? TY_AS(TySignature, m->type) : NULL;
        if (!sig || !sig->recv || sig->recv->type != old)
            continue;
        if (!*copied) {
            /* copy before the first change: methods may be shared by
             * several instantiations of an interface */
            out = ARENA_ARRAY(&env->arena, TyObject *, n);
            memcpy(out, in, sizeof(TyObject *) * n);
            *copied = true;
        }
        TySignature *ns = ARENA_NEW(&env->arena, TySignature);
        *ns = *sig;
        ns->t.id = ++env->next_type_id;
        ns->recv = gx_clone_var(env, sig->recv, nu);
        out[i] = gx_clone_func(env, m, &ns->t);
    }
    return out;
}

static TyType *subst_typ(Subster *s, TyType *t)
{
    TyEnv *env = s->env;
    if (!t)
        return ty_typ(env, TY_INVALID); /* pathological cases (types2 typOrNil) */
    switch (t->kind) {
    case TY_BASIC:
        return t;
    case TY_ALIAS: {
        TyAlias *a = TY_AS(TyAlias, t);
        TyAlias *orig = a->orig;
        uint32_t n = orig->tparams.len;
        if (n == 0)
            return t; /* not parameterized */
        if (a->targs.len != n)
            return ty_typ(env, TY_INVALID); /* error reported elsewhere */
        TyType **targs = subst_types(s, a->targs.items, n);
        if (targs) {
            TyTypeList l = {targs, n};
            return &gx_new_alias_instance(s->ck, env, s->pos, orig, l, s->expanding)->t;
        }
        return t;
    }
    case TY_ARRAY: {
        TyArray *a = TY_AS(TyArray, t);
        TyType *elem = subst_typ(s, a->elem);
        return elem != a->elem ? ty_new_array(env, elem, a->len) : t;
    }
    case TY_SLICE: {
        TySlice *a = TY_AS(TySlice, t);
        TyType *elem = subst_typ(s, a->elem);
        return elem != a->elem ? ty_new_slice(env, elem) : t;
    }
    case TY_STRUCT: {
        TyStruct *st = TY_AS(TyStruct, t);
        TyObject **fields = subst_vars(s, st->fields, st->nfields);
        if (fields)
            return &ty_new_struct(env, fields, st->tags, st->nfields)->t;
        return t;
    }
    case TY_POINTER: {
        TyPointer *p = TY_AS(TyPointer, t);
        TyType *base = subst_typ(s, p->base);
        return base != p->base ? ty_new_pointer(env, base) : t;
    }
    case TY_TUPLE:
        return &subst_tuple(s, TY_AS(TyTuple, t))->t;
    case TY_SIGNATURE: {
        /* the receiver is kept: it is handled by interface and named type
         * substitution (substituting it here could recurse endlessly
         * through an interface that is its methods' receiver type) */
        TySignature *sig = TY_AS(TySignature, t);
        TyTuple *params = subst_tuple(s, sig->params);
        TyTuple *results = subst_tuple(s, sig->results);
        if (params == sig->params && results == sig->results)
            return t;
        TySignature *ns = ty_new_signature(env, sig->recv, params, results, sig->variadic);
        ns->rparams = sig->rparams;
        ns->tparams = sig->tparams;
        /* instantiated signatures have no scope */
        return &ns->t;
    }
    case TY_UNION: {
        TyUnion *u = TY_AS(TyUnion, t);
        TyTerm *terms = NULL;
        for (uint32_t i = 0; i < u->nterms; i++) {
            TyType *tt = subst_typ(s, u->terms[i].type);
            if (tt != u->terms[i].type) {
                if (!terms) {
                    terms = ARENA_ARRAY(&env->arena, TyTerm, u->nterms);
                    memcpy(terms, u->terms, sizeof(TyTerm) * u->nterms);
                }
                terms[i].type = tt;
            }
        }
        /* duplicate terms are possible; the type set normalizes them */
        return terms ? &ty_new_union(env, terms, u->nterms)->t : t;
    }
    case TY_INTERFACE: {
        TyInterface *it = TY_AS(TyInterface, t);
        TyObject **methods = subst_vars(s, it->methods, it->nmethods);
        TyType **embeddeds = subst_types(s, it->embeddeds, it->nembeddeds);
        if (!methods && !embeddeds)
            return t;
        if (!methods)
            methods = it->methods;
        if (!embeddeds)
            embeddeds = it->embeddeds;
        TyInterface *ni = ty_new_interface(env, NULL, 0, NULL, 0);
        ni->embeddeds = embeddeds;
        ni->nembeddeds = it->nembeddeds;
        ni->embedpos = it->embedpos;
        ni->implicit = it->implicit;
        ni->complete = it->complete;
        /* methods whose receiver is the original interface get the new
         * one (receivers of named types are replaced by named.c) */
        bool copied;
        ni->methods = gx_replace_recv_type(env, methods, it->nmethods, t, &ni->t, &copied);
        ni->nmethods = it->nmethods;
        /* the type set is computed lazily, with the checker for errors */
        ni->check = s->ck;
        gx_needs_cleanup(s->ck, ni);
        return &ni->t;
    }
    case TY_MAP: {
        TyMap *m = TY_AS(TyMap, t);
        TyType *key = subst_typ(s, m->key);
        TyType *elem = subst_typ(s, m->elem);
        return key != m->key || elem != m->elem ? ty_new_map(env, key, elem) : t;
    }
    case TY_CHAN: {
        TyChan *c = TY_AS(TyChan, t);
        TyType *elem = subst_typ(s, c->elem);
        return elem != c->elem ? ty_new_chan(env, (TyChanDir)c->dir, elem) : t;
    }
    case TY_NAMED: {
        /* only type arguments are substituted here; expanding the
         * instance itself would recurse (and is done lazily) */
        TyNamed *nt = TY_AS(TyNamed, t);
        TyNamed *orig = nt->orig;
        uint32_t n = orig->tparams.len;
        if (n == 0)
            return t; /* not parameterized */
        if (nt->targs.len != n)
            return ty_typ(env, TY_INVALID); /* error reported elsewhere */
        TyType **targs = subst_types(s, nt->targs.items, n);
        if (targs) {
            TyTypeList l = {targs, n};
            if (s->m.targs_hook)
                l = s->m.targs_hook(s->m.hook_ctx, orig, l);
            return gx_instance(s->ck, env, s->pos, &orig->t, l, s->expanding);
        }
        return t;
    }
    case TY_TYPEPARAM:
        return lookup(&s->m, TY_AS(TyTypeParam, t));
    default:
        return t;
    }
}

TyType *gx_subst(Checker *ck, TyEnv *env, Pos pos, TyType *t, SubstMap m, TyNamed *expanding)
{
    if (m.len == 0 || !t)
        return t;
    switch (t->kind) {
    case TY_BASIC:
        return t;
    case TY_TYPEPARAM:
        return lookup(&m, TY_AS(TyTypeParam, t));
    default:
        break;
    }
    if (!ck && expanding)
        ck = expanding->check;
    Subster s = {ck, env, pos, m, expanding};
    return subst_typ(&s, t);
}

TyType *ty_subst(TyEnv *env, Pos pos, TyType *t, TyTParamList from, TyTypeList to, TyNamed *expanding)
{
    if (from.len != to.len)
        return t;
    SubstMap m = {.from = from.items, .to = to.items, .len = from.len};
    return gx_subst(NULL, env, pos, t, m, expanding);
}

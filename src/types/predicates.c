/*
 * Type predicates: identity, comparability, nil-ability (types2
 * predicates.go).
 */
#include "check.h"

#include <string.h>

typedef struct IfacePair {
    TyInterface *x, *y;
    struct IfacePair *prev;
} IfacePair;

typedef struct Comparer {
    bool ignore_tags;
    bool ignore_invalids;
} Comparer;

static bool identical(Comparer *c, TyType *x, TyType *y, IfacePair *p);

static bool same_tag(TyStruct *x, TyStruct *y, uint32_t i)
{
    const char *a = x->tags ? x->tags[i] : "";
    const char *b = y->tags ? y->tags[i] : "";
    return strcmp(a ? a : "", b ? b : "") == 0;
}

static bool identical_tuples(Comparer *c, TyTuple *x, TyTuple *y, IfacePair *p)
{
    uint32_t xn = x ? x->len : 0, yn = y ? y->len : 0;
    if (xn != yn)
        return false;
    for (uint32_t i = 0; i < xn; i++)
        if (!identical(c, x->vars[i]->type, y->vars[i]->type, p))
            return false;
    return true;
}

static bool identical(Comparer *c, TyType *x, TyType *y, IfacePair *p)
{
    x = ty_unalias(x);
    y = ty_unalias(y);
    if (x == y)
        return true;
    if (!x || !y)
        return false;
    if (c->ignore_invalids && (!ty_is_valid(x) || !ty_is_valid(y)))
        return true;

    switch (x->kind) {
    case TY_BASIC:
        /* basic types are unique, except byte and rune */
        return y->kind == TY_BASIC && TY_AS(TyBasic, x)->bkind == TY_AS(TyBasic, y)->bkind;
    case TY_ARRAY:
        if (y->kind == TY_ARRAY) {
            TyArray *a = TY_AS(TyArray, x), *b = TY_AS(TyArray, y);
            /* unknown lengths (errors) are assumed equal */
            return (a->len < 0 || b->len < 0 || a->len == b->len) && identical(c, a->elem, b->elem, p);
        }
        return false;
    case TY_SLICE:
        return y->kind == TY_SLICE && identical(c, TY_AS(TySlice, x)->elem, TY_AS(TySlice, y)->elem, p);
    case TY_STRUCT:
        if (y->kind == TY_STRUCT) {
            TyStruct *a = TY_AS(TyStruct, x), *b = TY_AS(TyStruct, y);
            if (a->nfields != b->nfields)
                return false;
            for (uint32_t i = 0; i < a->nfields; i++) {
                TyObject *f = a->fields[i], *g = b->fields[i];
                if ((f->flags & TY_OF_EMBEDDED) != (g->flags & TY_OF_EMBEDDED) ||
                    (!c->ignore_tags && !same_tag(a, b, i)) || !ty_same_id(f, g->pkg, g->name) ||
                    !identical(c, f->type, g->type, p))
                    return false;
            }
            return true;
        }
        return false;
    case TY_POINTER:
        return y->kind == TY_POINTER &&
               identical(c, TY_AS(TyPointer, x)->base, TY_AS(TyPointer, y)->base, p);
    case TY_TUPLE:
        return y->kind == TY_TUPLE && identical_tuples(c, TY_AS(TyTuple, x), TY_AS(TyTuple, y), p);
    case TY_SIGNATURE: {
        if (y->kind != TY_SIGNATURE)
            return false;
        TySignature *a = TY_AS(TySignature, x), *b = TY_AS(TySignature, y);
        if (a->tparams.len != b->tparams.len)
            return false;
        TyTuple *yparams = b->params, *yresults = b->results;
        if (a->tparams.len > 0) {
            /* type parameter names don't matter: substitute x's for y's */
            TyEnv *env = a->tparams.items[0]->env;
            TyTypeList targs = {(TyType **)a->tparams.items, a->tparams.len};
            for (uint32_t i = 0; i < a->tparams.len; i++) {
                TyType *ybound = ty_subst(env, NOPOS, b->tparams.items[i]->bound, b->tparams, targs, NULL);
                if (!identical(c, a->tparams.items[i]->bound, ybound, p))
                    return false;
            }
            yparams = TY_AS(TyTuple, ty_subst(env, NOPOS, &b->params->t, b->tparams, targs, NULL));
            yresults = TY_AS(TyTuple, ty_subst(env, NOPOS, &b->results->t, b->tparams, targs, NULL));
        }
        return a->variadic == b->variadic && identical_tuples(c, a->params, yparams, p) &&
               identical_tuples(c, a->results, yresults, p);
    }
    case TY_UNION:
        if (y->kind == TY_UNION)
            return ty_union_typesets_equal(TY_AS(TyUnion, x), TY_AS(TyUnion, y));
        return false;
    case TY_INTERFACE: {
        if (y->kind != TY_INTERFACE)
            return false;
        TyInterface *a = TY_AS(TyInterface, x), *b = TY_AS(TyInterface, y);
        TyTypeSet *xs = ty_interface_typeset(a->env, a), *ys = ty_interface_typeset(b->env, b);
        if (!ty_typeset_same_terms(xs, ys))
            return false;
        uint32_t n = ty_typeset_num_methods(xs);
        if (n != ty_typeset_num_methods(ys))
            return false;
        /* cycles through anonymous interfaces: a pair seen before is
         * identical (otherwise the recursion would have stopped) */
        IfacePair q = {a, b, p};
        for (IfacePair *r = p; r; r = r->prev)
            if ((r->x == a && r->y == b) || (r->x == b && r->y == a))
                return true;
        for (uint32_t i = 0; i < n; i++) {
            TyObject *f = ty_typeset_method(xs, i), *g = ty_typeset_method(ys, i);
            if (!ty_same_id(f, g->pkg, g->name) || !identical(c, f->type, g->type, &q))
                return false;
        }
        return true;
    }
    case TY_MAP:
        if (y->kind == TY_MAP) {
            TyMap *a = TY_AS(TyMap, x), *b = TY_AS(TyMap, y);
            return identical(c, a->key, b->key, p) && identical(c, a->elem, b->elem, p);
        }
        return false;
    case TY_CHAN:
        if (y->kind == TY_CHAN) {
            TyChan *a = TY_AS(TyChan, x), *b = TY_AS(TyChan, y);
            return a->dir == b->dir && identical(c, a->elem, b->elem, p);
        }
        return false;
    case TY_NAMED:
        if (y->kind == TY_NAMED) {
            TyNamed *a = TY_AS(TyNamed, x), *b = TY_AS(TyNamed, y);
            /* type arguments first, then origins (as the unifier does) */
            if (a->targs.len != b->targs.len)
                return false;
            for (uint32_t i = 0; i < a->targs.len; i++)
                if (!ty_identical(a->targs.items[i], b->targs.items[i]))
                    return false;
            return a->orig->obj == b->orig->obj;
        }
        return false;
    case TY_TYPEPARAM:
    default:
        return false;
    }
}

bool ty_identical(TyType *x, TyType *y)
{
    Comparer c = {false, false};
    return identical(&c, x, y, NULL);
}

bool ty_identical_ignore_tags(TyType *x, TyType *y)
{
    Comparer c = {true, false};
    return identical(&c, x, y, NULL);
}

bool ty_identical_ignore_invalids(TyType *x, TyType *y)
{
    Comparer c = {false, true};
    return identical(&c, x, y, NULL);
}

bool ty_identical_origin(TyType *x, TyType *y)
{
    TyNamed *a = ty_as_named(x), *b = ty_as_named(y);
    return a && b && a->orig->obj == b->orig->obj;
}

/* ---- comparability ------------------------------------------------------------------ */

typedef struct Seen {
    TyType *t;
    struct Seen *prev;
} Seen;

static const char *comparable_type(TyEnv *env, TyType *T, bool dynamic, Seen *seen, Arena *tmp);

typedef struct CompArg {
    TyEnv *env;
    bool dynamic;
    Seen *seen;
} CompArg;

static bool term_comparable(void *ud, TyType *t)
{
    CompArg *a = ud;
    return comparable_type(a->env, t, false, a->seen, NULL) == NULL;
}

/* Returns NULL if comparable, else a cause ("" when there is nothing to
 * say).  Causes are formatted into tmp. */
static const char *comparable_type(TyEnv *env, TyType *T, bool dynamic, Seen *seen, Arena *tmp)
{
    for (Seen *s = seen; s; s = s->prev)
        if (s->t == T)
            return NULL;
    Seen me = {T, seen};
    TyType *u = ty_under(T);
    if (!u)
        return "";
    switch (u->kind) {
    case TY_BASIC:
        /* invalid types are comparable, to avoid follow-on errors */
        if (TY_AS(TyBasic, u)->bkind == TY_UNTYPED_NIL)
            return "";
        return NULL;
    case TY_POINTER:
    case TY_CHAN:
        return NULL;
    case TY_STRUCT: {
        TyStruct *s = TY_AS(TyStruct, u);
        for (uint32_t i = 0; i < s->nfields; i++) {
            if (comparable_type(env, s->fields[i]->type, dynamic, &me, tmp)) {
                if (!tmp)
                    return "";
                Buf b = {0};
                buf_puts(&b, "struct containing ");
                ty_type_string(env, &b, s->fields[i]->type, NULL, NULL);
                buf_puts(&b, " cannot be compared");
                char *r = arena_strdup(tmp, buf_str(&b));
                buf_free(&b);
                return r;
            }
        }
        return NULL;
    }
    case TY_ARRAY:
        if (comparable_type(env, TY_AS(TyArray, u)->elem, dynamic, &me, tmp)) {
            if (!tmp)
                return "";
            Buf b = {0};
            ty_type_string(env, &b, T, NULL, NULL);
            buf_puts(&b, " cannot be compared");
            char *r = arena_strdup(tmp, buf_str(&b));
            buf_free(&b);
            return r;
        }
        return NULL;
    case TY_INTERFACE: {
        TyTypeSet *ts = ty_interface_typeset(env, TY_AS(TyInterface, u));
        /* the terms are checked with the same seen list, so that recursive
         * constraints (type C[P comparable] ...; [P C[C[P]]]) terminate */
        CompArg ca = {env, dynamic, &me};
        if ((dynamic && !ty_is_typeparam(T)) || ty_typeset_comparable_fn(ts, term_comparable, &ca))
            return NULL;
        return ty_typeset_is_empty(ts) ? "empty type set" : "incomparable types in type set";
    }
    default:
        return "";
    }
}

bool ty_comparable_ex(TyEnv *env, TyType *t, bool dynamic, const char **cause, Arena *tmp)
{
    const char *c = comparable_type(env, t, dynamic, NULL, tmp);
    if (cause)
        *cause = c;
    return c == NULL;
}

bool ty_comparable(TyType *t)
{
    return comparable_type(NULL, t, true, NULL, NULL) == NULL;
}

bool ty_has_nil(TyType *t)
{
    TyType *u = ty_under(t);
    if (!u)
        return false;
    switch (u->kind) {
    case TY_BASIC:
        return TY_AS(TyBasic, u)->bkind == TY_UNSAFE_POINTER;
    case TY_SLICE: case TY_POINTER: case TY_SIGNATURE: case TY_MAP: case TY_CHAN:
        return true;
    case TY_INTERFACE: {
        TyTypeParam *tp = ty_as_typeparam(t);
        if (!tp)
            return true;
        /* a type parameter has nil if every type in its type set has */
        return ty_typeparam_all_under(tp, ty_has_nil_under);
    }
    default:
        return false;
    }
}

bool ty_has_nil_under(TyType *u) { return u && ty_has_nil(u); }

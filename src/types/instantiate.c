/*
 * Instantiation of generic types and functions (types2 instantiate.go and
 * context.go): the instance cache, argument count validation, and
 * constraint satisfaction (implements).
 *
 * Instances live in one cache per environment (env->instances), so that
 * identical instances of a generic type are one TyNamed, as within a types2
 * Context.  The cache is also what ends the expansion of recursive generic
 * types: the instance being expanded is found again instead of being
 * created anew.
 */
#include "generics.h"

#include <string.h>

/* ---- the instance cache --------------------------------------------------------------- */

typedef struct InstEntry {
    TyType *orig;
    TyTypeList targs;
    TyType *inst;
    struct InstEntry *next;
} InstEntry;

static uint64_t mix(uint64_t h, uint64_t v)
{
    h ^= v + 0x9E3779B97F4A7C15ULL + (h << 6) + (h >> 2);
    return h;
}

/* A hash consistent with type identity: identical types hash alike.  It
 * may be coarse (interfaces, unions and generic signatures hash by kind);
 * entries are compared with ty_identical anyway. */
static uint64_t type_hash(TyType *t, int depth)
{
    t = ty_unalias(t);
    if (!t)
        return 1;
    uint64_t h = t->kind;
    if (depth > 8)
        return h;
    switch (t->kind) {
    case TY_BASIC:
        return mix(h, TY_AS(TyBasic, t)->bkind);
    case TY_ARRAY:
        h = mix(h, (uint64_t)TY_AS(TyArray, t)->len);
        return mix(h, type_hash(TY_AS(TyArray, t)->elem, depth + 1));
    case TY_SLICE:
        return mix(h, type_hash(TY_AS(TySlice, t)->elem, depth + 1));
    case TY_POINTER:
        return mix(h, type_hash(TY_AS(TyPointer, t)->base, depth + 1));
    case TY_MAP:
        h = mix(h, type_hash(TY_AS(TyMap, t)->key, depth + 1));
        return mix(h, type_hash(TY_AS(TyMap, t)->elem, depth + 1));
    case TY_CHAN:
        h = mix(h, TY_AS(TyChan, t)->dir);
        return mix(h, type_hash(TY_AS(TyChan, t)->elem, depth + 1));
    case TY_STRUCT: {
        TyStruct *s = TY_AS(TyStruct, t);
        h = mix(h, s->nfields);
        for (uint32_t i = 0; i < s->nfields; i++) {
            h = mix(h, PMKEY(s->fields[i]->name));
            h = mix(h, type_hash(s->fields[i]->type, depth + 1));
        }
        return h;
    }
    case TY_TUPLE: {
        TyTuple *tu = TY_AS(TyTuple, t);
        h = mix(h, tu->len);
        for (uint32_t i = 0; i < tu->len; i++)
            h = mix(h, type_hash(tu->vars[i]->type, depth + 1));
        return h;
    }
    case TY_SIGNATURE: {
        TySignature *s = TY_AS(TySignature, t);
        h = mix(h, s->variadic);
        h = mix(h, s->tparams.len);
        if (s->tparams.len)
            return h; /* identity renames type parameters */
        h = mix(h, type_hash(&s->params->t, depth + 1));
        return mix(h, type_hash(&s->results->t, depth + 1));
    }
    case TY_NAMED: {
        TyNamed *n = TY_AS(TyNamed, t);
        h = mix(h, PMKEY(n->orig->obj));
        for (uint32_t i = 0; i < n->targs.len; i++)
            h = mix(h, type_hash(n->targs.items[i], depth + 1));
        return h;
    }
    case TY_TYPEPARAM:
        return mix(h, TY_AS(TyTypeParam, t)->uid);
    case TY_INTERFACE: {
        /* by type set, as types2's typeHasher (which computes it, too);
         * terms only roughly: equal sets may list them differently */
        TyTypeSet *ts = gx_iface_tset(TY_AS(TyInterface, t));
        h = mix(h, ts->comparable);
        h = mix(h, ts->terms.len == 0 ? 0 : gx_terms_is_all(ts->terms) ? 1 : 2);
        for (uint32_t i = 0; i < ts->nmethods; i++)
            h = mix(h, PMKEY(ts->methods[i]->name));
        return h;
    }
    default:
        return h;
    }
}

static uint64_t instance_hash(TyType *orig, TyTypeList targs)
{
    uint64_t h = mix(0, PMKEY(orig));
    for (uint32_t i = 0; i < targs.len; i++)
        h = mix(h, type_hash(targs.items[i], 0));
    return h | 1; /* PtrMap keys are non-zero */
}

static bool same_targs(TyTypeList a, TyTypeList b)
{
    if (a.len != b.len)
        return false;
    for (uint32_t i = 0; i < a.len; i++)
        if (!ty_identical(a.items[i], b.items[i]))
            return false;
    return true;
}

/* Identical and spelled alike: types2's instance hash writes alias and
 * basic type names (byte, os.DirEntry), so a signature instantiated with
 * []os.DirEntry is not the one instantiated with []fs.DirEntry. */
static bool same_spelling(TyType *a, TyType *b, int depth)
{
    if (a == b)
        return true;
    if (!a || !b || depth > 16)
        return a == b || (a && b && ty_identical(a, b));
    if (a->kind == TY_ALIAS || b->kind == TY_ALIAS) {
        if (a->kind != b->kind || TY_AS(TyAlias, a)->obj != TY_AS(TyAlias, b)->obj)
            return false;
        TyTypeList x = TY_AS(TyAlias, a)->targs, y = TY_AS(TyAlias, b)->targs;
        if (x.len != y.len)
            return false;
        for (uint32_t i = 0; i < x.len; i++)
            if (!same_spelling(x.items[i], y.items[i], depth + 1))
                return false;
        return ty_identical(a, b);
    }
    if (a->kind != b->kind)
        return false;
    switch (a->kind) {
    case TY_BASIC:
        return TY_AS(TyBasic, a)->bkind == TY_AS(TyBasic, b)->bkind &&
               strcmp(TY_AS(TyBasic, a)->name, TY_AS(TyBasic, b)->name) == 0;
    case TY_POINTER:
        return same_spelling(TY_AS(TyPointer, a)->base, TY_AS(TyPointer, b)->base, depth + 1);
    case TY_SLICE:
        return same_spelling(TY_AS(TySlice, a)->elem, TY_AS(TySlice, b)->elem, depth + 1);
    case TY_ARRAY:
        return TY_AS(TyArray, a)->len == TY_AS(TyArray, b)->len &&
               same_spelling(TY_AS(TyArray, a)->elem, TY_AS(TyArray, b)->elem, depth + 1);
    case TY_CHAN:
        return TY_AS(TyChan, a)->dir == TY_AS(TyChan, b)->dir &&
               same_spelling(TY_AS(TyChan, a)->elem, TY_AS(TyChan, b)->elem, depth + 1);
    case TY_MAP:
        return same_spelling(TY_AS(TyMap, a)->key, TY_AS(TyMap, b)->key, depth + 1) &&
               same_spelling(TY_AS(TyMap, a)->elem, TY_AS(TyMap, b)->elem, depth + 1);
    case TY_NAMED: {
        TyTypeList x = TY_AS(TyNamed, a)->targs, y = TY_AS(TyNamed, b)->targs;
        if (TY_AS(TyNamed, a)->orig != TY_AS(TyNamed, b)->orig || x.len != y.len)
            return false;
        for (uint32_t i = 0; i < x.len; i++)
            if (!same_spelling(x.items[i], y.items[i], depth + 1))
                return false;
        return true;
    }
    case TY_SIGNATURE: {
        TySignature *x = TY_AS(TySignature, a), *y = TY_AS(TySignature, b);
        if (x->variadic != y->variadic || x->params->len != y->params->len || x->results->len != y->results->len)
            return false;
        for (uint32_t i = 0; i < x->params->len; i++)
            if (!same_spelling(x->params->vars[i]->type, y->params->vars[i]->type, depth + 1))
                return false;
        for (uint32_t i = 0; i < x->results->len; i++)
            if (!same_spelling(x->results->vars[i]->type, y->results->vars[i]->type, depth + 1))
                return false;
        return true;
    }
    default:
        return ty_identical(a, b);
    }
}

static TyType *cache_lookup(TyEnv *env, uint64_t h, TyType *orig, TyTypeList targs)
{
    for (InstEntry *e = ptrmap_get(&env->instances, h); e; e = e->next) {
        if (e->orig != orig || !same_targs(e->targs, targs))
            continue;
        if (orig->kind == TY_SIGNATURE) {
            bool same = true;
            for (uint32_t i = 0; i < targs.len && same; i++)
                same = same_spelling(e->targs.items[i], targs.items[i], 0);
            if (!same)
                continue;
        }
        return e->inst;
    }
    return NULL;
}

static void cache_add(TyEnv *env, uint64_t h, TyType *orig, TyTypeList targs, TyType *inst)
{
    InstEntry *e = ARENA_NEW(&env->arena, InstEntry);
    e->orig = orig;
    e->targs = targs;
    e->inst = inst;
    e->next = ptrmap_get(&env->instances, h);
    ptrmap_put(&env->instances, h, e);
}

/* ---- instances -------------------------------------------------------------------------- */

void gx_needs_cleanup(Checker *ck, void *t)
{
    if (ck)
        ptrvec_push(&ck->cleaners, t);
}

static TyTypeList copy_targs(TyEnv *env, TyTypeList targs)
{
    TyTypeList l = {NULL, targs.len};
    if (targs.len)
        l.items = arena_memdup(&env->arena, targs.items, sizeof(TyType *) * targs.len);
    return l;
}

/* validateTArgLen: reports a wrong number of type arguments */
static bool validate_targ_len(Checker *ck, Pos pos, const char *name, uint32_t want, uint32_t got)
{
    const char *qual;
    if (got < want)
        qual = "not enough";
    else if (got > want)
        qual = "too many";
    else
        return true;
    if (ck)
        ck_errorf(ck, pos, "%s type arguments for type %s: have %u, want %u", qual, name, got, want);
    return false;
}

TyAlias *gx_new_alias_instance(Checker *ck, TyEnv *env, Pos pos, TyAlias *orig, TyTypeList targs,
                               TyNamed *expanding)
{
    SubstMap m = {.from = orig->tparams.items, .to = targs.items, .len = orig->tparams.len};
    TyType *rhs = gx_subst(ck, env, pos, orig->fromrhs, m, expanding);
    TyAlias *a = ty_new_alias(env, orig->obj, rhs);
    a->orig = orig;
    a->tparams = orig->tparams;
    a->targs = copy_targs(env, targs);
    return a;
}

TyType *gx_instance(Checker *ck, TyEnv *env, Pos pos, TyType *orig, TyTypeList targs, TyNamed *expanding)
{
    uint64_t h = instance_hash(orig, targs);
    TyType *inst = cache_lookup(env, h, orig, targs);
    if (inst) {
        /* An instance made without a checker (by ty_subst) can't have its
         * methods set up while its origin's package is being checked:
         * give it this checker. */
        if (ck && inst->kind == TY_NAMED) {
            TyNamed *n = TY_AS(TyNamed, inst);
            if (!n->check && !(n->state & GX_NAMED_CLEANUP) && n->obj->pkg == ck->pkg) {
                n->check = ck;
                n->state |= GX_NAMED_CLEANUP;
                gx_needs_cleanup(ck, n);
            }
        }
        return inst;
    }
    switch (orig->kind) {
    case TY_NAMED:
        inst = &gx_new_named_instance(ck, env, pos, TY_AS(TyNamed, orig), targs)->t;
        break;
    case TY_ALIAS: {
        TyAlias *a = TY_AS(TyAlias, orig);
        if (!validate_targ_len(ck, pos, a->obj->name->name, a->tparams.len, targs.len))
            return ty_typ(env, TY_INVALID);
        if (a->tparams.len == 0)
            return orig;
        inst = &gx_new_alias_instance(ck, env, pos, a, targs, expanding)->t;
        break;
    }
    case TY_SIGNATURE: {
        TySignature *sig = TY_AS(TySignature, orig);
        if (!validate_targ_len(ck, pos, gx_tstr(NULL, env, orig), sig->tparams.len, targs.len))
            return ty_typ(env, TY_INVALID);
        if (sig->tparams.len == 0)
            return orig;
        SubstMap m = {.from = sig->tparams.items, .to = targs.items, .len = sig->tparams.len};
        TySignature *ns = TY_AS(TySignature, gx_subst(ck, env, pos, orig, m, NULL));
        if (ns == sig) {
            /* nothing substituted: copy, to drop the type parameters */
            ns = ARENA_NEW(&env->arena, TySignature);
            *ns = *sig;
            ns->t.id = ++env->next_type_id;
        }
        /* an instantiated signature is not generic anymore */
        ns->tparams.items = NULL;
        ns->tparams.len = 0;
        /* shared like types2's within its Context: the compiler's
         * dictionaries key on the identity of the types in it
         * (src/ir/dictlayout.c) */
        inst = &ns->t;
        break;
    }
    default:
        return ty_typ(env, TY_INVALID);
    }
    cache_add(env, h, orig, copy_targs(env, targs), inst);
    return inst;
}

TyType *ck_instantiate(Checker *ck, Pos pos, TyType *orig, TyTypeList targs, TyNamed *expanding)
{
    return gx_instance(ck, ck->env, pos, orig, targs, expanding);
}

/* The type parameters of a generic Named, Alias or Signature. */
static TyTParamList tparams_of(TyType *t)
{
    TyTParamList none = {NULL, 0};
    if (!t)
        return none;
    switch (t->kind) {
    case TY_NAMED: return TY_AS(TyNamed, t)->orig->tparams;
    case TY_ALIAS: return TY_AS(TyAlias, t)->orig->tparams;
    case TY_SIGNATURE: return TY_AS(TySignature, t)->tparams;
    default: return none;
    }
}

int ck_verify(Checker *ck, Pos pos, TyTParamList tparams, TyTypeList targs, const char **cause)
{
    SubstMap m = {.from = tparams.items, .to = targs.items, .len = tparams.len};
    for (uint32_t i = 0; i < tparams.len && i < targs.len; i++) {
        TyTypeParam *tp = tparams.items[i];
        /* make sure the bound is an interface (possibly implicit) */
        ty_typeparam_iface(ck->env, tp);
        /* the bound may mention the type parameters: instantiate it with
         * the same arguments before checking */
        TyType *bound = gx_subst(ck, ck->env, pos, tp->bound, m, NULL);
        const char *c = NULL;
        if (!gx_implements(ck, ck->env, targs.items[i], bound, true, &c)) {
            if (cause)
                *cause = c ? c : "";
            return (int)i;
        }
    }
    return -1;
}

void ck_verify_instance(Checker *ck, Pos pos, TyType *inst, TyTypeList targs, SynList xlist)
{
    TyType *t = inst;
    const char *name = "";
    if (t->kind == TY_NAMED)
        name = TY_AS(TyNamed, t)->obj->name->name;
    else if (t->kind == TY_ALIAS)
        name = TY_AS(TyAlias, t)->obj->name->name;
    TyTParamList tparams = tparams_of(t);
    if (!validate_targ_len(ck, pos, name, tparams.len, targs.len))
        return;
    const char *cause = NULL;
    int i = ck_verify(ck, pos, tparams, targs, &cause);
    if (i >= 0) {
        Pos at = pos;
        if ((uint32_t)i < xlist.len)
            at = syn_start_pos(xlist.items[i]);
        ck_softf(ck, at, "%s", cause);
    } else {
        ck_mono_record_instance(ck, pos, tparams, targs, xlist.items, xlist.len);
    }
}

/* ---- implements ------------------------------------------------------------------------- */

static bool is_interface_ptr(TyType *t)
{
    TyType *u = ty_under(t);
    return u && u->kind == TY_POINTER && gx_is_iface(TY_AS(TyPointer, u)->base);
}

/* mentions: whether T mentions typ in an (embedded) element or term */
static bool mentions(TyType *T, TyType *typ)
{
    if (!T)
        return false;
    if (T->kind == TY_INTERFACE) {
        TyInterface *it = TY_AS(TyInterface, T);
        for (uint32_t i = 0; i < it->nembeddeds; i++)
            if (mentions(it->embeddeds[i], typ))
                return true;
        return false;
    }
    if (T->kind == TY_UNION) {
        TyUnion *u = TY_AS(TyUnion, T);
        for (uint32_t i = 0; i < u->nterms; i++)
            if (mentions(u->terms[i].type, typ))
                return true;
        return false;
    }
    return ty_identical(T, typ);
}

/* Messages are formatted as types2's check.sprintf: with the checker's
 * qualifier, or with package paths when there is no checker. */
static const char *fmt2(Checker *ck, TyEnv *env, const char *fmt, ...) GO_PRINTF(3, 4);
static const char *fmt2(Checker *ck, TyEnv *env, const char *fmt, ...)
{
    Buf b = {0};
    va_list ap;
    va_start(ap, fmt);
    buf_vprintf(&b, fmt, ap);
    va_end(ap);
    char *s = ck ? arena_strndup(&ck->tmp, buf_str(&b), b.len) : arena_strndup(&env->arena, buf_str(&b), b.len);
    buf_free(&b);
    return s;
}

bool gx_implements(Checker *ck, TyEnv *env, TyType *V, TyType *T, bool constraint, const char **cause)
{
    TyType *Vu = ty_under(V), *Tu = ty_under(T);
    if (!ty_is_valid(Vu) || !ty_is_valid(Tu))
        return true; /* avoid follow-on errors */
    if (Vu->kind == TY_POINTER && !ty_is_valid(ty_under(TY_AS(TyPointer, Vu)->base)))
        return true;
    const char *verb = constraint ? "satisfy" : "implement";

    TyInterface *Ti = Tu->kind == TY_INTERFACE ? TY_AS(TyInterface, Tu) : NULL;
    if (!Ti) {
        if (cause) {
            const char *detail = is_interface_ptr(Tu)
                                     ? fmt2(ck, env, "type %s is pointer to interface, not interface",
                                            gx_tstr(ck, env, T))
                                     : fmt2(ck, env, "%s is not an interface", gx_tstr(ck, env, T));
            *cause = fmt2(ck, env, "%s does not %s %s (%s)", gx_tstr(ck, env, V), verb, gx_tstr(ck, env, T),
                          detail);
        }
        return false;
    }

    /* every type satisfies the empty interface */
    TyTypeSet *Ts = gx_iface_tset(Ti);
    if (ty_typeset_is_all(Ts))
        return true;
    /* an interface V with an empty type set satisfies any interface */
    TyInterface *Vi = Vu->kind == TY_INTERFACE ? TY_AS(TyInterface, Vu) : NULL;
    TyTypeSet *Vs = Vi ? gx_iface_tset(Vi) : NULL;
    if (Vs && ty_typeset_is_empty(Vs))
        return true;
    /* no type with a non-empty type set satisfies the empty type set */
    if (ty_typeset_is_empty(Ts)) {
        if (cause)
            *cause = fmt2(ck, env, "cannot %s %s (empty type set)", verb, gx_tstr(ck, env, T));
        return false;
    }

    /* V must implement T's methods */
    const char *mcause = NULL;
    if (!ck_has_all_methods(ck, V, T, true, NULL, NULL, cause ? &mcause : NULL)) {
        if (cause)
            *cause = fmt2(ck, env, "%s does not %s %s %s", gx_tstr(ck, env, V), verb, gx_tstr(ck, env, T),
                          mcause ? mcause : "");
        return false;
    }

    /* V must be in the set of types of T, if it has specific types */
    if (gx_typeset_has_terms(Ts)) {
        if (Vi) {
            /* each of V's types must be in T's set */
            if (!gx_terms_subset(Vs->terms, Ts->terms)) {
                if (cause)
                    *cause = fmt2(ck, env, "%s does not %s %s", gx_tstr(ck, env, V), verb, gx_tstr(ck, env, T));
                return false;
            }
        } else {
            TyType *alt = NULL;
            bool found = false;
            for (uint32_t i = 0; i < Ts->terms.len; i++) {
                TyTerm *t = &Ts->terms.terms[i];
                if (gx_term_includes(t, V)) {
                    found = true;
                    break;
                }
                /* if V ∈ ~t but not t, suggest the ~ */
                if (!alt && !t->tilde && ty_identical(t->type, ty_under(t->type))) {
                    TyTerm tt = {true, t->type};
                    if (gx_term_includes(&tt, V))
                        alt = t->type;
                }
            }
            if (!found) {
                if (cause) {
                    const char *detail;
                    if (alt) {
                        detail = fmt2(ck, env, "possibly missing ~ for %s in %s", gx_tstr(ck, env, alt),
                                      gx_tstr(ck, env, T));
                    } else if (mentions(&Ti->t, V)) {
                        const char *ts = gx_tstr(ck, env, T), *vs = gx_tstr(ck, env, V);
                        detail = fmt2(ck, env, "%s mentions %s, but %s is not in the type set of %s", ts, vs, vs, ts);
                    } else {
                        Buf b = {0};
                        gx_terms_string(env, &b, Ts->terms);
                        detail = fmt2(ck, env, "%s missing in %s", gx_tstr(ck, env, V), buf_str(&b));
                        buf_free(&b);
                    }
                    *cause = fmt2(ck, env, "%s does not %s %s (%s)", gx_tstr(ck, env, V), verb, gx_tstr(ck, env, T),
                                  detail);
                }
                return false;
            }
        }
    }

    /* comparability, last: only if there is no more specific error */
    if (!ty_typeset_comparable(Ts, false))
        return true;
    if (ty_comparable_ex(env, V, false, NULL, NULL))
        return true;
    /* for constraints, spec comparability: ordinary interfaces satisfy
     * comparable (since go1.20) */
    if (constraint && ty_comparable_ex(env, V, true, NULL, NULL)) {
        if (!ck || ck_allow_version(ck, 20))
            return true;
        if (cause)
            *cause = fmt2(ck, env, "%s to %s comparable requires go1.20 or later", gx_tstr(ck, env, V), verb);
        return false;
    }
    if (cause)
        *cause = fmt2(ck, env, "%s does not %s comparable", gx_tstr(ck, env, V), verb);
    return false;
}

bool ck_implements(Checker *ck, TyType *V, TyType *T, bool constraint, const char **cause)
{
    return gx_implements(ck, ck->env, V, T, constraint, cause);
}

bool ck_satisfies(Checker *ck, TyType *V, TyType *T, const char **cause)
{
    return gx_implements(ck, ck->env, V, T, true, cause);
}

void ck_needs_cleanup(Checker *ck, void *t) { gx_needs_cleanup(ck, t); }

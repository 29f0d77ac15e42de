/*
 * Type inference (types2 infer.go).
 *
 * Missing type arguments of a generic function call are inferred in
 * steps, each using what the previous ones found:
 *   1. typed function arguments are unified with their parameter types;
 *   2. type parameters are unified with the core types of their
 *      constraints (and their methods with the constraint's), repeatedly
 *      while this makes progress;
 *   3. type parameters still unknown that receive only untyped constant
 *      arguments get the default type of the "largest" of them;
 * then the inferred types are simplified by substituting the inferred
 * types for type parameters in them until nothing changes (after killing
 * cycles that would make this endless).  Anything left unknown or still
 * mentioning the type parameters is an error.
 */
#include "generics.h"

#include <string.h>

/* ---- isParameterized ----------------------------------------------------------------- */

typedef struct TPWalker {
    TyTParamList tparams;
    PtrMap seen;   /* type -> 1 (in progress or false) or 2 (true) */
} TPWalker;

static bool walk_param(TPWalker *w, TyType *t);

static bool walk_vars(TPWalker *w, TyObject **vars, uint32_t n)
{
    for (uint32_t i = 0; i < n; i++)
        if (walk_param(w, vars[i]->type))
            return true;
    return false;
}

static bool walk_param0(TPWalker *w, TyType *t)
{
    switch (t->kind) {
    case TY_ALIAS:
        return walk_param(w, ty_unalias(t));
    case TY_ARRAY:
        return walk_param(w, TY_AS(TyArray, t)->elem);
    case TY_SLICE:
        return walk_param(w, TY_AS(TySlice, t)->elem);
    case TY_STRUCT:
        return walk_vars(w, TY_AS(TyStruct, t)->fields, TY_AS(TyStruct, t)->nfields);
    case TY_POINTER:
        return walk_param(w, TY_AS(TyPointer, t)->base);
    case TY_TUPLE:
        return walk_vars(w, TY_AS(TyTuple, t)->vars, TY_AS(TyTuple, t)->len);
    case TY_SIGNATURE: {
        /* type parameters declared by the signature (or its receiver)
         * don't count: only its parameters and results */
        TySignature *s = TY_AS(TySignature, t);
        return (s->params && walk_vars(w, s->params->vars, s->params->len)) ||
               (s->results && walk_vars(w, s->results->vars, s->results->len));
    }
    case TY_INTERFACE: {
        TyTypeSet *ts = gx_iface_tset(TY_AS(TyInterface, t));
        for (uint32_t i = 0; i < ts->nmethods; i++)
            if (walk_param(w, ts->methods[i]->type))
                return true;
        if (!gx_typeset_has_terms(ts))
            return false;
        for (uint32_t i = 0; i < ts->terms.len; i++)
            if (!walk_param(w, ts->terms.terms[i].type))
                return false;
        return true;
    }
    case TY_MAP:
        return walk_param(w, TY_AS(TyMap, t)->key) || walk_param(w, TY_AS(TyMap, t)->elem);
    case TY_CHAN:
        return walk_param(w, TY_AS(TyChan, t)->elem);
    case TY_NAMED: {
        TyNamed *n = TY_AS(TyNamed, t);
        for (uint32_t i = 0; i < n->targs.len; i++)
            if (walk_param(w, n->targs.items[i]))
                return true;
        return false;
    }
    case TY_TYPEPARAM:
        return gx_tparam_index(w->tparams, TY_AS(TyTypeParam, t)) >= 0;
    default:
        return false;
    }
}

static bool walk_param(TPWalker *w, TyType *t)
{
    if (!t)
        return false;
    void *v = ptrmap_get(&w->seen, PMKEY(t));
    if (v)
        return (uintptr_t)v == 2; /* a cycle counts as false */
    ptrmap_put(&w->seen, PMKEY(t), (void *)(uintptr_t)1);
    bool r = walk_param0(w, t);
    ptrmap_put(&w->seen, PMKEY(t), (void *)(uintptr_t)(r ? 2 : 1));
    return r;
}

bool gx_is_parameterized(TyTParamList tparams, TyType *t)
{
    if (tparams.len == 0 || !t)
        return false;
    /* the common cases without a map */
    switch (t->kind) {
    case TY_BASIC:
        return false;
    case TY_TYPEPARAM:
        return gx_tparam_index(tparams, TY_AS(TyTypeParam, t)) >= 0;
    default:
        break;
    }
    TPWalker w = {tparams, {0}};
    bool r = walk_param(&w, t);
    ptrmap_free(&w.seen);
    return r;
}

/* ---- killCycles ----------------------------------------------------------------------- */

typedef struct CycleFinder {
    TyTParamList tparams;
    TyType **inferred;
    PtrVec stack;  /* types being walked */
} CycleFinder;

static void find_cycles(CycleFinder *w, TyType *t);

static void find_cycles_vars(CycleFinder *w, TyObject **vars, uint32_t n)
{
    for (uint32_t i = 0; i < n; i++)
        find_cycles(w, vars[i]->type);
}

static void find_cycles(CycleFinder *w, TyType *t)
{
    t = ty_unalias(t);
    if (!t)
        return;
    for (uint32_t i = 0; i < w->stack.len; i++) {
        if (w->stack.data[i] == t) {
            /* seen before: if t is one of our type parameters, iterative
             * substitution would expand endlessly; kill the cycle by
             * forgetting its inferred type.  Otherwise the cycle is an
             * ordinary recursive type: stop walking. */
            if (t->kind == TY_TYPEPARAM) {
                int k = gx_tparam_index(w->tparams, TY_AS(TyTypeParam, t));
                if (k >= 0)
                    w->inferred[k] = NULL;
            }
            return;
        }
    }
    ptrvec_push(&w->stack, t);
    switch (t->kind) {
    case TY_ARRAY:
        find_cycles(w, TY_AS(TyArray, t)->elem);
        break;
    case TY_SLICE:
        find_cycles(w, TY_AS(TySlice, t)->elem);
        break;
    case TY_STRUCT:
        find_cycles_vars(w, TY_AS(TyStruct, t)->fields, TY_AS(TyStruct, t)->nfields);
        break;
    case TY_POINTER:
        find_cycles(w, TY_AS(TyPointer, t)->base);
        break;
    case TY_SIGNATURE: {
        TySignature *s = TY_AS(TySignature, t);
        if (s->params)
            find_cycles_vars(w, s->params->vars, s->params->len);
        if (s->results)
            find_cycles_vars(w, s->results->vars, s->results->len);
        break;
    }
    case TY_UNION: {
        TyUnion *u = TY_AS(TyUnion, t);
        for (uint32_t i = 0; i < u->nterms; i++)
            find_cycles(w, u->terms[i].type);
        break;
    }
    case TY_INTERFACE: {
        TyInterface *it = TY_AS(TyInterface, t);
        for (uint32_t i = 0; i < it->nmethods; i++)
            find_cycles(w, it->methods[i]->type);
        for (uint32_t i = 0; i < it->nembeddeds; i++)
            find_cycles(w, it->embeddeds[i]);
        break;
    }
    case TY_MAP:
        find_cycles(w, TY_AS(TyMap, t)->key);
        find_cycles(w, TY_AS(TyMap, t)->elem);
        break;
    case TY_CHAN:
        find_cycles(w, TY_AS(TyChan, t)->elem);
        break;
    case TY_NAMED: {
        TyNamed *n = TY_AS(TyNamed, t);
        for (uint32_t i = 0; i < n->targs.len; i++)
            find_cycles(w, n->targs.items[i]);
        break;
    }
    case TY_TYPEPARAM: {
        int k = gx_tparam_index(w->tparams, TY_AS(TyTypeParam, t));
        if (k >= 0 && w->inferred[k])
            find_cycles(w, w->inferred[k]);
        break;
    }
    default:
        break;
    }
    w->stack.len--;
}

static void kill_cycles(TyTParamList tparams, TyType **inferred)
{
    CycleFinder w = {tparams, inferred, {0}};
    for (uint32_t i = 0; i < tparams.len; i++)
        find_cycles(&w, &tparams.items[i]->t);
    ptrvec_free(&w.stack);
}

/* ---- helpers ---------------------------------------------------------------------------- */

/* coreTerm: the single specific term of tp's constraint (*single set), or
 * a term for its core type (with a tilde if any term has one); false if
 * there is neither. */
static bool core_term(TyTypeParam *tp, TyTerm *out, bool *single)
{
    TyTypeSet *ts = gx_iface_tset(ty_typeparam_iface(tp->env, tp));
    *single = false;
    bool tilde = false;
    if (gx_typeset_has_terms(ts)) {
        if (ts->terms.len == 1) {
            *out = ts->terms.terms[0];
            *single = true;
            return true;
        }
        for (uint32_t i = 0; i < ts->terms.len; i++)
            if (ts->terms.terms[i].tilde)
                tilde = true;
    }
    TyType *typ = ty_core_type(&tp->t);
    if (typ) {
        /* a core type is an underlying type; with a ~ term it's imprecise */
        out->tilde = tilde;
        out->type = typ;
        return true;
    }
    return false;
}

/* typeParamsString: "P", "P and Q", "P, Q, and R" */
static const char *tparams_string(Checker *ck, TyTParamList l)
{
    Buf b = {0};
    for (uint32_t i = 0; i < l.len; i++) {
        if (i > 0) {
            if (l.len == 2)
                buf_puts(&b, " and ");
            else if (i == l.len - 1)
                buf_puts(&b, ", and ");
            else
                buf_puts(&b, ", ");
        }
        buf_puts(&b, l.items[i]->obj->name->name);
    }
    char *s = arena_strndup(&ck->tmp, buf_str(&b), b.len);
    buf_free(&b);
    return s;
}

static bool is_untyped_numeric(TyType *t)
{
    return t && t->kind == TY_BASIC && (TY_AS(TyBasic, t)->info & TY_IS_UNTYPED) &&
           (TY_AS(TyBasic, t)->info & TY_IS_NUMERIC);
}

/* maxType: the "largest" of two untyped numeric types, or NULL */
static TyType *max_type(TyType *x, TyType *y)
{
    if (x == y)
        return x;
    if (is_untyped_numeric(x) && is_untyped_numeric(y))
        return TY_AS(TyBasic, x)->bkind > TY_AS(TyBasic, y)->bkind ? x : y;
    return NULL;
}

static bool unify_exact(void *ud, TyType *x, TyType *y) { return gx_unify(ud, x, y, UNIFY_EXACT); }

typedef struct InferErr {
    Pos *pos;
    const char **msg;
} InferErr;

static void set_err(InferErr *e, Pos pos, const char *msg)
{
    if (e->pos)
        *e->pos = pos;
    if (e->msg)
        *e->msg = msg;
}

/* errorf in types2's infer: why argument arg of type targ does not match
 * parameter type tpar, with the inferred type if there is one */
static void arg_error(Checker *ck, InferErr *e, Unifier *u, TyTParamList tparams, TyType *tpar, TyType *targ,
                      Operand *arg, bool reverse)
{
    uint32_t n = tparams.len;
    TyType **inferred = ARENA_ARRAY(&ck->tmp, TyType *, n);
    gx_unifier_inferred(u, tparams, inferred);
    Pos at = ck_operand_pos(arg);
    const char *xs = arg->expr ? ck_estr(ck, arg->expr) : "";
    if (!inferred[0]) {
        bool all_failed = true;
        for (uint32_t i = 0; i < n; i++)
            if (inferred[i])
                all_failed = false;
        if (all_failed) {
            set_err(e, at,
                    ck_sprintf(ck, "type %s of %s does not match %s (cannot infer %s)", ck_tstr(ck, targ), xs,
                               ck_tstr(ck, tpar), tparams_string(ck, tparams)));
            return;
        }
    }
    SubstMap m = {.from = tparams.items, .to = inferred, .len = n};
    TyType *inf = gx_subst(ck, ck->env, at, tpar, m, NULL);
    if (inf != tpar) {
        if (reverse)
            set_err(e, at,
                    ck_sprintf(ck, "inferred type %s for %s does not match type %s of %s", ck_tstr(ck, inf),
                               ck_tstr(ck, tpar), ck_tstr(ck, targ), xs));
        else
            set_err(e, at,
                    ck_sprintf(ck, "type %s of %s does not match inferred type %s for %s", ck_tstr(ck, targ), xs,
                               ck_tstr(ck, inf), ck_tstr(ck, tpar)));
    } else {
        set_err(e, at, ck_sprintf(ck, "type %s of %s does not match %s", ck_tstr(ck, targ), xs, ck_tstr(ck, tpar)));
    }
}

/* ---- infer ----------------------------------------------------------------------------- */

TyTypeList ck_infer(Checker *ck, Pos pos, TyTParamList tparams, TyTypeList targs, TyTuple *params,
                    Operand *args, uint32_t nargs, bool reverse, Pos *errpos, const char **err)
{
    TyTypeList fail = {NULL, 0};
    InferErr e = {errpos, err};
    if (errpos)
        *errpos = NOPOS;
    if (err)
        *err = NULL;
    uint32_t n = tparams.len;
    if (n == 0)
        return targs;

    /* all type arguments given: done */
    if (targs.len == n) {
        bool complete = true;
        for (uint32_t i = 0; i < n; i++)
            if (!targs.items[i])
                complete = false;
        if (complete)
            return targs;
    }
    /* an invalid argument was reported before: avoid follow-on errors */
    for (uint32_t i = 0; i < nargs; i++)
        if (args[i].mode == TY_MODE_INVALID)
            return fail;

    /* a full list of type arguments, unknown ones NULL */
    TyType **full = ARENA_ARRAY(ck->a, TyType *, n);
    for (uint32_t i = 0; i < targs.len && i < n; i++)
        full[i] = targs.items[i];
    TyTypeList tl = {full, n};

    /* Substitute the known type arguments into the parameters: matching
     * them against arguments could fail where assignment would succeed,
     * and the errors read better (types2 does the same). */
    SubstMap smap = {.from = tparams.items, .to = full, .len = n};
    if (params && params->len > 0)
        params = TY_AS(TyTuple, gx_subst(ck, ck->env, NOPOS, &params->t, smap, NULL));

    Unifier *u = gx_unifier_new(ck, tparams, tl, ck_allow_version(ck, 21));

    /* --- 1: typed function arguments --- */
    uint32_t *untyped = ARENA_ARRAY(&ck->tmp, uint32_t, nargs ? nargs : 1);
    uint32_t nuntyped = 0;
    for (uint32_t i = 0; i < nargs && params && i < params->len; i++) {
        Operand *arg = &args[i];
        if (arg->mode == TY_MODE_INVALID)
            continue;
        TyType *ptyp = params->vars[i]->type;
        if (gx_is_parameterized(tparams, ptyp) || gx_is_parameterized(tparams, arg->type)) {
            if (ty_is_typed(arg->type)) {
                if (!gx_unify(u, ptyp, arg->type, UNIFY_ASSIGN)) {
                    arg_error(ck, &e, u, tparams, ptyp, arg->type, arg, reverse);
                    return fail;
                }
            } else if (ptyp->kind == TY_TYPEPARAM && !ck_operand_is_nil(ck, arg)) {
                /* untyped arguments can only match a lone type parameter
                 * (default types are basic); untyped nil has no default */
                untyped[nuntyped++] = i;
            }
        }
    }

    /* --- 2: constraints, as long as that makes progress --- */
    for (;;) {
        uint32_t nn = gx_unifier_unknowns(u);
        for (uint32_t k = 0; k < n; k++) {
            TyTypeParam *tpar = tparams.items[k];
            TyType *tx = gx_unifier_at(u, tpar);
            TyTerm core;
            bool single;
            if (core_term(tpar, &core, &single)) {
                if (tx) {
                    /* the known type argument must unify with the core
                     * type (with a ~, its underlying type must: unify
                     * matches defined types against literals anyway) */
                    if (!gx_unify(u, tx, core.type, 0)) {
                        set_err(&e, pos,
                                ck_sprintf(ck, "%s (type %s) does not satisfy %s", ck_tstr(ck, &tpar->t),
                                           ck_tstr(ck, tx), ck_tstr(ck, tpar->bound)));
                        return fail;
                    }
                } else if (single && !core.tilde) {
                    /* a single specific type: that's the argument */
                    gx_unifier_set(u, tpar, core.type);
                }
            }
            /* a known argument must have the constraint's methods; unifying
             * their signatures may infer more (not for arguments that still
             * mention type parameters: their method sets aren't final) */
            if (tx && !gx_is_parameterized(tparams, tx)) {
                const char *cause = NULL;
                TyInterface *constraint = ty_typeparam_iface(ck->env, tpar);
                if (!ck_has_all_methods(ck, tx, &constraint->t, true, unify_exact, u, &cause)) {
                    set_err(&e, pos,
                            ck_sprintf(ck, "%s (type %s) does not satisfy %s %s", ck_tstr(ck, &tpar->t),
                                       ck_tstr(ck, tx), ck_tstr(ck, tpar->bound), cause ? cause : ""));
                    return fail;
                }
            }
        }
        if (gx_unifier_unknowns(u) == nn)
            break;
    }

    /* --- 3: untyped constants: the default type of the largest one --- */
    TyType **maxu = ARENA_ARRAY(&ck->tmp, TyType *, n);
    for (uint32_t j = 0; j < nuntyped; j++) {
        uint32_t index = untyped[j];
        TyTypeParam *tpar = TY_AS(TyTypeParam, params->vars[index]->type);
        int k = gx_tparam_index(tparams, tpar);
        if (k < 0 || gx_unifier_at(u, tpar))
            continue;
        Operand *arg = &args[index];
        TyType *max = maxu[k];
        if (!max) {
            max = arg->type;
        } else {
            TyType *m = max_type(max, arg->type);
            if (!m) {
                set_err(&e, ck_operand_pos(arg),
                        ck_sprintf(ck, "mismatched types %s and %s (cannot infer %s)", ck_tstr(ck, max),
                                   ck_tstr(ck, arg->type), ck_tstr(ck, &tpar->t)));
                return fail;
            }
            max = m;
        }
        maxu[k] = max;
    }
    for (uint32_t k = 0; k < n; k++)
        if (maxu[k])
            gx_unifier_set(u, tparams.items[k], ty_default_type(ck->env, maxu[k]));

    /* --- simplify --- */
    TyType **inferred = ARENA_ARRAY(ck->a, TyType *, n);
    gx_unifier_inferred(u, tparams, inferred);
    /* substituting type parameters whose inferred types mention
     * themselves (P ➞ *P) would never end: forget those */
    kill_cycles(tparams, inferred);
    uint32_t *dirty = ARENA_ARRAY(&ck->tmp, uint32_t, n);
    uint32_t ndirty = 0;
    for (uint32_t k = 0; k < n; k++)
        if (inferred[k] && !full[k])
            dirty[ndirty++] = k;
    while (ndirty > 0) {
        SubstMap m = {.from = tparams.items, .to = inferred, .len = n};
        uint32_t nd = 0;
        for (uint32_t j = 0; j < ndirty; j++) {
            uint32_t k = dirty[j];
            TyType *t0 = inferred[k];
            TyType *t1 = gx_subst(ck, ck->env, NOPOS, t0, m, NULL);
            if (t1 != t0) {
                /* a generic function's signature without type parameters
                 * left is not generic anymore (go.dev/issue/59953) */
                if (t1->kind == TY_SIGNATURE && TY_AS(TySignature, t1)->tparams.len > 0 &&
                    !gx_is_parameterized(tparams, t1)) {
                    TY_AS(TySignature, t1)->tparams.items = NULL;
                    TY_AS(TySignature, t1)->tparams.len = 0;
                }
                inferred[k] = t1;
                dirty[nd++] = k;
            }
        }
        ndirty = nd;
    }

    /* unknowns, and inferences still mentioning type parameters (e.g. a
     * core type *P matched against Q), are failures */
    for (uint32_t k = 0; k < n; k++) {
        if (!inferred[k] || gx_is_parameterized(tparams, inferred[k])) {
            TyObject *obj = tparams.items[k]->obj;
            Buf b = {0};
            syn_pos_string(&b, ck->env->pos, obj->pos);
            set_err(&e, pos, ck_sprintf(ck, "cannot infer %s (declared at %s)", obj->name->name, buf_str(&b)));
            buf_free(&b);
            return fail;
        }
    }
    TyTypeList r = {inferred, n};
    return r;
}

/* ---- renameTParams ---------------------------------------------------------------------- */

TyType *ck_rename_tparams(Checker *ck, Pos pos, TyTParamList tparams, TyType *typ, TyTParamList *out)
{
    /* Type parameters being inferred must differ from those occurring in
     * the arguments: in a recursive call f(x) inside f[P], P is both.
     * Renaming makes the call look like one of a twin function. */
    out->items = NULL;
    out->len = 0;
    if (tparams.len == 0)
        return typ;
    TyEnv *env = ck->env;
    TyTypeParam **tps = ARENA_ARRAY(ck->a, TyTypeParam *, tparams.len);
    for (uint32_t i = 0; i < tparams.len; i++) {
        TyObject *o = tparams.items[i]->obj;
        TyObject *tname = ty_new_typename(env, o->pos, o->pkg, o->name, NULL);
        tps[i] = ty_new_typeparam(env, tname, NULL);
        tps[i]->index = tparams.items[i]->index;
    }
    SubstMap m = {.from = tparams.items, .to = (TyType **)tps, .len = tparams.len};
    for (uint32_t i = 0; i < tparams.len; i++)
        tps[i]->bound = gx_subst(ck, env, pos, tparams.items[i]->bound, m, NULL);
    out->items = tps;
    out->len = tparams.len;
    return gx_subst(ck, env, pos, typ, m, NULL);
}

TyTypeList ck_infer_at(Checker *ck, Pos pos, TyTParamList tparams, TyTypeList targs, TyTuple *params,
                       Operand *args, uint32_t nargs, bool reverse, Pos *errpos, const char **err)
{
    return ck_infer(ck, pos, tparams, targs, params, args, nargs, reverse, errpos, err);
}

bool ty_is_parameterized(TyTParamList tparams, TyType *t) { return gx_is_parameterized(tparams, t); }

/*
 * Calls and selectors (types2 call.go): conversions T(x), dispatch to the
 * builtins, ordinary and generic calls with argument checking and type
 * inference, explicit function instantiation f[T], qualified identifiers
 * pkg.Name, field and method selectors, method values and expressions,
 * and check.use.
 *
 * Generic calls: the callee's type parameters, and those of generic
 * function arguments (f(g) with generic g, go1.21), are renamed first so
 * that self-recursive calls don't confuse inference; all of them are
 * inferred together, then the callee and each generic argument are
 * instantiated and their instances recorded.
 */
#include "check.h"

#include <stdlib.h>
#include <string.h>

/* ---- helpers ---------------------------------------------------------------------- */


static bool has_dots(const SynCallExpr *call) { return (call->n.flags & SYN_F_HASDOTS) != 0; }


static const Sym *empty_sym(Checker *ck) { return sym_intern(ck->syms, "", 0); }

static void set_invalid(Checker *ck, Operand *x)
{
    x->mode = TY_MODE_INVALID;
    x->type = ty_typ(ck->env, TY_INVALID);
}

/* A new type list of n entries: the first of src, then NULLs. */
static TyTypeList extend_targs(Checker *ck, TyTypeList src, uint32_t n)
{
    TyTypeList r;
    r.len = n > src.len ? n : src.len;
    r.items = ARENA_ARRAY(ck->a, TyType *, r.len ? r.len : 1);
    for (uint32_t i = 0; i < src.len; i++)
        r.items[i] = src.items[i];
    return r;
}

/* A shallow copy of a signature (a new type value). */
static TySignature *clone_signature(TyEnv *env, TySignature *s)
{
    TySignature *c = ARENA_NEW(&env->arena, TySignature);
    *c = *s;
    c->t.id = ++env->next_type_id;
    return c;
}

/* renameTParams: fresh type parameters for tparams (same names, indices
 * and substituted bounds), and typ with the old ones replaced.  Inference
 * must tell the type parameters being solved for apart from the same
 * parameters appearing in arguments (recursive calls). */
static TyTParamList rename_tparams(Checker *ck, Pos pos, TyTParamList tparams, TyType *typ, TyType **out)
{
    TyEnv *env = ck->env;
    TyTParamList r = {NULL, 0};
    if (tparams.len == 0) {
        *out = typ;
        return r;
    }
    r.len = tparams.len;
    r.items = ARENA_ARRAY(ck->a, TyTypeParam *, tparams.len);
    for (uint32_t i = 0; i < tparams.len; i++) {
        TyObject *o = tparams.items[i]->obj;
        TyObject *tname = ty_new_typename(env, o->pos, o->pkg, o->name, NULL);
        TyTypeParam *tp = ty_new_typeparam(env, tname, NULL);
        tp->index = tparams.items[i]->index;
        tp->check = ck;
        r.items[i] = tp;
    }
    TyTypeList to = {(TyType **)r.items, r.len};
    for (uint32_t i = 0; i < tparams.len; i++)
        r.items[i]->bound = ty_subst(env, pos, tparams.items[i]->bound, tparams, to, NULL);
    *out = typ ? ty_subst(env, pos, typ, tparams, to, NULL) : NULL;
    return r;
}

/* ---- instantiation ------------------------------------------------------------------- */

typedef struct VerifyArg {
    Pos pos;
    TyTParamList tparams;
    TyTypeList targs;
    SynNode **xlist;
    uint32_t nxlist;
} VerifyArg;

/* The type arguments of an instantiated signature satisfy their
 * constraints (checked once all types are complete, go.dev/issue/50450). */
static void verify_later(Checker *ck, void *arg)
{
    VerifyArg *a = arg;
    const char *err = NULL;
    int i = ck_verify(ck, a->pos, a->tparams, a->targs, &err);
    if (i >= 0) {
        Pos pos = a->pos;
        if ((uint32_t)i < a->nxlist)
            pos = ck_at(a->xlist[i]);
        ck_softf(ck, pos, "%s", err ? err : "");
    } else {
        /* instantiation cycles through generic functions (mono.go) */
        ck_mono_record_instance(ck, a->pos, a->tparams, a->targs, a->xlist, a->nxlist);
    }
}

TySignature *ck_instantiate_signature(Checker *ck, Pos pos, SynNode *expr, TySignature *typ, TyTypeList targs,
                                      SynNode **xlist, uint32_t nxlist)
{
    TyType *inst = ck_instantiate(ck, pos, &typ->t, targs, NULL);
    TySignature *sig = inst && inst->kind == TY_SIGNATURE ? TY_AS(TySignature, inst) : typ;
    if (expr)
        ck_record_instance(ck, expr, targs, &sig->t);
    VerifyArg *a = ARENA_NEW(&ck->tmp, VerifyArg);
    a->pos = pos;
    a->tparams = typ->tparams;
    a->targs = targs;
    a->xlist = xlist;
    a->nxlist = nxlist;
    ck_later(ck, verify_later, a);
    return sig;
}

/* A name node made up for messages (types2 syntax.NewName in funcInst). */
static SynNode *made_up_name(Checker *ck, Pos pos, const char *text)
{
    SynName *n = ARENA_NEW(&ck->tmp, SynName);
    n->n.kind = SYN_NAME;
    n->n.pos = pos;
    n->value = sym_cstr(ck->syms, text ? text : "");
    return &n->n;
}

TyTypeList ck_func_inst(Checker *ck, Target *T, Pos pos, Operand *x, SynIndexExpr *inst, bool infer)
{
    TyEnv *env = ck->env;
    TyTypeList none = {NULL, 0};
    Pos inst_err_pos = pos;
    if (inst) {
        inst_err_pos = inst->n.pos;
        x->expr = &inst->n; /* else keep x's expression */
    }
    bool version_err = !ck_verify_version(ck, inst_err_pos, 18, "function instantiation");

    /* explicit type arguments, if any */
    TyTypeList targs = {NULL, 0};
    SynNode **xlist = NULL;
    uint32_t nxlist = 0;
    if (inst) {
        xlist = syn_unpack_list(&inst->index, &nxlist);
        SynList l = {xlist, nxlist};
        targs = ck_type_list(ck, l);
        if (!targs.items) {
            x->mode = TY_MODE_INVALID;
            return none;
        }
    }

    /* x is a function value, not a type: no underlying type needed */
    if (!x->type || x->type->kind != TY_SIGNATURE) {
        x->mode = TY_MODE_INVALID;
        return none;
    }
    TySignature *sig = TY_AS(TySignature, x->type);
    uint32_t got = targs.len, want = sig->tparams.len;
    if (got > want) {
        ck_errorf(ck, ck_at(xlist[got - 1]), "got %u type arguments but want %u", got, want);
        x->mode = TY_MODE_INVALID;
        return none;
    }

    if (got < want) {
        if (!infer)
            return targs;

        /* In an assignment (T != NULL), infer the missing type arguments
         * as if the assignment `var tvar T = x` were the call g(tvar) of
         * the generic function func g[tparams of x](func type of x). */
        Operand args[1];
        uint32_t nargs = 0;
        TyTuple *params = NULL;
        bool reverse = false;
        if (T && sig->tparams.len) {
            if (!version_err && !ck_allow_version(ck, 21)) {
                ck_verify_version(ck, inst_err_pos, 21,
                                  inst ? "partially instantiated function in assignment"
                                       : "implicitly instantiated function in assignment");
            }
            TySignature *gsig = ty_new_signature(env, NULL, sig->params, sig->results, sig->variadic);
            Pos xpos = x->expr ? x->expr->pos : pos;
            TyObject *p = ty_new_var(env, TY_PARAM_VAR, xpos, ck->pkg, empty_sym(ck), &gsig->t);
            params = ty_new_tuple(env, &p, 1);
            memset(&args[0], 0, sizeof args[0]);
            args[0].mode = TY_MODE_VALUE;
            args[0].expr = made_up_name(ck, xpos, T->desc);
            args[0].type = &T->sig->t;
            nargs = 1;
            reverse = true;
        } else {
            params = ty_new_tuple(env, NULL, 0);
        }

        TyType *params2 = NULL;
        TyTParamList tparams = rename_tparams(ck, pos, sig->tparams, &params->t, &params2);
        Pos errpos = NOPOS;
        const char *err = NULL;
        TyTypeList full = extend_targs(ck, targs, tparams.len);
        targs = ck_infer_at(ck, pos, tparams, full, TY_AS(TyTuple, params2), args, nargs, reverse, &errpos, &err);
        if (!targs.items) {
            if (err)
                ck_error(ck, errpos, err);
            x->mode = TY_MODE_INVALID;
            return none;
        }
        got = targs.len;
    }

    /* instantiate the signature */
    Pos xpos = x->expr ? x->expr->pos : pos;
    x->type = &ck_instantiate_signature(ck, xpos, x->expr, sig, targs, xlist, nxlist)->t;
    x->mode = TY_MODE_VALUE;
    return none;
}

/* ---- arguments ------------------------------------------------------------------------ */

/* genericExprList: the operands of a call's arguments.  From go1.21 on,
 * generic functions (possibly partially instantiated) may be passed
 * uninstantiated; (*atargs)[i] holds the partial type arguments of
 * argument i then.  A single multi-valued call f(g()) spreads into one
 * operand per result. */
static uint32_t generic_expr_list(Checker *ck, SynList elist, Operand **res, TyTypeList **atargs)
{
    uint32_t n = elist.len;
    *res = NULL;
    *atargs = NULL;
    /* before go1.21 generic arguments must be instantiated right away */
    bool infer = !(n > 0 && ck_allow_version(ck, 21));

    if (n == 0)
        return 0;
    if (n == 1) {
        SynNode *e = elist.items[0];
        Operand x;
        memset(&x, 0, sizeof x);
        if (e->kind == SYN_INDEX_EXPR && ck_index_expr(ck, &x, (SynIndexExpr *)e)) {
            /* a generic function */
            SynIndexExpr *inst = (SynIndexExpr *)e;
            Pos xpos = x.expr ? x.expr->pos : e->pos;
            TyTypeList targs = ck_func_inst(ck, NULL, xpos, &x, inst, infer);
            if (targs.items) {
                /* not instantiated: keep the partial type arguments */
                TyTypeList *at = ARENA_ARRAY(&ck->tmp, TyTypeList, 1);
                at[0] = targs;
                *atargs = at;
                x.expr = e;
            } else {
                /* instantiated: record it here (no expression evaluator did) */
                ck_record_operand(ck, &x);
            }
        } else {
            /* not an instantiation (but maybe a generic function) */
            ck_raw_expr(ck, NULL, &x, e, NULL, true);
            ck_exclude(ck, &x, 1u << TY_MODE_NOVALUE | 1u << TY_MODE_BUILTIN | 1u << TY_MODE_TYPEXPR);
            if (x.mode != TY_MODE_INVALID && x.type && x.type->kind == TY_TUPLE) {
                /* a call returning several values (never generic) */
                TyTuple *t = TY_AS(TyTuple, x.type);
                Operand *list = ARENA_ARRAY(&ck->tmp, Operand, t->len ? t->len : 1);
                for (uint32_t i = 0; i < t->len; i++) {
                    list[i].mode = TY_MODE_VALUE;
                    list[i].expr = e;
                    list[i].type = t->vars[i]->type;
                }
                *res = list;
                return t->len;
            }
        }
        Operand *list = ARENA_ARRAY(&ck->tmp, Operand, 1);
        list[0] = x;
        *res = list;
        return 1;
    }

    Operand *list = ARENA_ARRAY(&ck->tmp, Operand, n);
    TyTypeList *at = ARENA_ARRAY(&ck->tmp, TyTypeList, n);
    for (uint32_t i = 0; i < n; i++) {
        SynNode *e = elist.items[i];
        Operand *x = &list[i];
        if (e->kind == SYN_INDEX_EXPR && ck_index_expr(ck, x, (SynIndexExpr *)e)) {
            Pos xpos = x->expr ? x->expr->pos : e->pos;
            TyTypeList targs = ck_func_inst(ck, NULL, xpos, x, (SynIndexExpr *)e, infer);
            if (targs.items) {
                at[i] = targs;
                x->expr = e;
            } else {
                ck_record_operand(ck, x);
            }
        } else {
            ck_generic_expr(ck, x, e);
        }
    }
    *res = list;
    *atargs = at;
    return n;
}

TySignature *ck_arguments(Checker *ck, SynCallExpr *call, TySignature *sig, TyTypeList targs, SynNode **xlist,
                          uint32_t nxlist, Operand *args, uint32_t nargs, TyTypeList *atargs)
{
    TyEnv *env = ck->env;
    TySignature *rsig = sig;

    /* argument count requirements:
     *                 standard call     dotdotdot call
     *  standard func  nargs == npars    invalid
     *  variadic func  nargs >= npars-1  nargs == npars */
    uint32_t npars = sig->params->len;
    bool ddd = has_dots(call);

    TyTuple *sig_params = sig->params; /* adjusted for variadic calls */
    bool adjusted = false;
    if (sig->variadic) {
        if (ddd) {
            /* variadic_func(a, b, c...) */
            if (call->args.len == 1 && nargs > 1) {
                /* f()... is not permitted if f() is multi-valued */
                ck_errorf(ck, ck_at(&call->n), "cannot use ... with %u-valued %s", nargs,
                          ck_estr(ck, call->args.items[0]));
                return rsig;
            }
        } else if (npars > 0 && nargs + 1 >= npars) {
            /* variadic_func(a, b, c): one parameter per argument for the
             * ... parameter */
            TyObject **vars = ARENA_ARRAY(ck->a, TyObject *, nargs ? nargs : 1);
            for (uint32_t i = 0; i + 1 < npars; i++)
                vars[i] = sig->params->vars[i];
            TyObject *last = sig->params->vars[npars - 1];
            TyType *lt = ty_unalias(last->type);
            TyType *elem = lt && lt->kind == TY_SLICE ? TY_AS(TySlice, lt)->elem : ty_typ(env, TY_INVALID);
            for (uint32_t i = npars - 1; i < nargs; i++)
                vars[i] = ty_new_var(env, TY_PARAM_VAR, last->pos, last->pkg, last->name, elem);
            sig_params = ty_new_tuple(env, vars, nargs);
            adjusted = true;
            npars = nargs;
        } else if (npars > 0) {
            npars--; /* nargs < npars-1: for the message below */
        }
    } else if (ddd) {
        /* standard_func(a, b, c...) */
        ck_errorf(ck, ck_at(&call->n), "cannot use ... in call to non-variadic %s", ck_estr(ck, call->fun));
        return rsig;
    }

    if (nargs != npars) {
        Pos at = ck_at(&call->n);
        const char *qualifier = "not enough";
        if (nargs > npars) {
            at = ck_at(args[npars].expr); /* at the first extra argument */
            qualifier = "too many";
        } else if (nargs > 0) {
            at = ck_at(args[nargs - 1].expr); /* at the last argument */
        }
        TyType **have = ARENA_ARRAY(&ck->tmp, TyType *, nargs ? nargs : 1);
        for (uint32_t i = 0; i < nargs; i++)
            have[i] = args[i].type;
        uint32_t nwant = sig->params->len;
        TyType **want = ARENA_ARRAY(&ck->tmp, TyType *, nwant ? nwant : 1);
        for (uint32_t i = 0; i < nwant; i++)
            want[i] = sig->params->vars[i]->type;
        ck_errorf(ck, at, "%s arguments in call to %s\n\thave %s\n\twant %s", qualifier, ck_estr(ck, call->fun),
                  ck_types_summary(ck, have, nargs, false, ddd), ck_types_summary(ck, want, nwant, sig->variadic, false));
        return rsig;
    }

    /* type parameters of the callee ... */
    TyTParamList tparams = {NULL, 0};
    uint32_t n = sig->tparams.len;
    uint32_t captp = n;
    for (uint32_t i = 0; i < nargs; i++) {
        TyType *t = args[i].type;
        if (t && t->kind == TY_SIGNATURE)
            captp += TY_AS(TySignature, t)->tparams.len;
    }
    TyTypeParam **tpv = ARENA_ARRAY(ck->a, TyTypeParam *, captp ? captp : 1);
    TyType **tav = ARENA_ARRAY(ck->a, TyType *, captp ? captp : 1);
    uint32_t ntp = 0;
    if (n > 0) {
        if (!ck_allow_version(ck, 18)) {
            if (call->fun->kind == SYN_INDEX_EXPR)
                ck_verify_version(ck, ck_at(call->fun), 18, "function instantiation");
            else
                ck_verify_version(ck, ck_at(&call->n), 18, "implicit function instantiation");
        }
        /* renamed, for recursive calls */
        TyType *tmp = NULL;
        TyTParamList r = rename_tparams(ck, call->n.pos, sig->tparams, &sig_params->t, &tmp);
        sig_params = TY_AS(TyTuple, tmp);
        for (uint32_t i = 0; i < r.len; i++) {
            tpv[ntp] = r.items[i];
            tav[ntp] = i < targs.len ? targs.items[i] : NULL;
            ntp++;
        }
    }

    /* ... and of generic function arguments */
    uint32_t *generic_args = ARENA_ARRAY(&ck->tmp, uint32_t, nargs ? nargs : 1);
    uint32_t ngeneric = 0;
    for (uint32_t i = 0; i < nargs; i++) {
        Operand *arg = &args[i];
        /* generic arguments never have a defined type: no under needed */
        TyType *t = arg->type;
        if (!t || t->kind != TY_SIGNATURE || TY_AS(TySignature, t)->tparams.len == 0)
            continue;
        /* The argument's type is the generic function object's own type:
         * clone it before renaming (go.dev/issue/63260); renaming gives
         * each generic argument its own identity (f(g, g),
         * go.dev/issue/59956). */
        TySignature *asig = clone_signature(env, TY_AS(TySignature, t));
        TyType *tmp = NULL;
        TyTParamList atparams = rename_tparams(ck, call->n.pos, asig->tparams, &asig->t, &tmp);
        asig = TY_AS(TySignature, tmp);
        if (asig == TY_AS(TySignature, t))
            asig = clone_signature(env, asig); /* never modify the original */
        asig->tparams = atparams;
        arg->type = &asig->t;
        TyTypeList partial = atargs ? atargs[i] : (TyTypeList){NULL, 0};
        for (uint32_t k = 0; k < atparams.len; k++) {
            tpv[ntp] = atparams.items[k];
            tav[ntp] = k < partial.len ? partial.items[k] : NULL;
            ntp++;
        }
        generic_args[ngeneric++] = i;
    }
    tparams.items = tpv;
    tparams.len = ntp;

    /* only implicit instantiations of argument functions are supported */
    if (ngeneric > 0)
        ck_verify_version(ck, ck_operand_pos(&args[generic_args[0]]), 21,
                          "implicitly instantiated function as argument");

    /* infer missing type arguments of the callee and the arguments */
    if (ntp > 0) {
        TyTypeList all = {tav, ntp};
        Pos errpos = NOPOS;
        const char *err = NULL;
        TyTypeList inferred = ck_infer_at(ck, call->n.pos, tparams, all, sig_params, args, nargs, false, &errpos, &err);
        if (!inferred.items) {
            if (err)
                ck_errorf(ck, errpos, "in call to %s, %s", ck_estr(ck, call->fun), err);
            return rsig;
        }

        /* instantiate the callee */
        if (n > 0) {
            TyTypeList callee = {inferred.items, n};
            rsig = ck_instantiate_signature(ck, call->n.pos, call->fun, sig, callee, xlist, nxlist);
            /* an adjusted (variadic) parameter list is instantiated
             * separately; else the instance's parameters are the ones */
            if (adjusted) {
                TyTParamList from = {tparams.items, n};
                sig_params = TY_AS(TyTuple, ty_subst(env, call->n.pos, &sig_params->t, from, callee, NULL));
            } else {
                sig_params = rsig->params;
            }
        }

        /* instantiate the generic arguments */
        uint32_t j = n;
        for (uint32_t g = 0; g < ngeneric; g++) {
            Operand *arg = &args[generic_args[g]];
            TySignature *asig = TY_AS(TySignature, arg->type);
            uint32_t k = j + asig->tparams.len;
            TyTypeList at = {inferred.items + j, k - j};
            arg->type = &ck_instantiate_signature(ck, call->n.pos, arg->expr, asig, at, NULL, 0)->t;
            ck_record_operand(ck, arg); /* no expression evaluator recorded it */
            j = k;
        }
    }

    /* check the arguments against the parameters */
    if (nargs > 0) {
        const char *context = ck_sprintf(ck, "argument to %s", ck_estr(ck, call->fun));
        for (uint32_t i = 0; i < nargs; i++)
            ck_assignment(ck, &args[i], sig_params->vars[i]->type, context);
    }
    return rsig;
}

/* ---- calls ------------------------------------------------------------------------------ */

static const char *callable_cond(Checker *ck, void *ud, TyType *t, TyType *u)
{
    (void)ud;
    if (u && u->kind != TY_SIGNATURE)
        return ck_sprintf(ck, "%s is not a function", ck_tstr(ck, t));
    return NULL;
}

/* T(x) */
static ExprKind conversion_call(Checker *ck, Operand *x, SynCallExpr *call)
{
    ck_non_generic(ck, NULL, x);
    if (x->mode == TY_MODE_INVALID)
        return EK_CONVERSION;
    TyType *T = x->type;
    x->mode = TY_MODE_INVALID;
    uint32_t n = call->args.len;
    if (n == 0) {
        ck_errorf(ck, ck_at(&call->n), "missing argument in conversion to %s", ck_tstr(ck, T));
    } else if (n == 1) {
        ck_expr(ck, NULL, x, call->args.items[0]);
        if (x->mode != TY_MODE_INVALID) {
            TyInterface *it = ty_as_interface(T);
            if (it && !ty_is_typeparam(T) && !ty_interface_is_method_set(ck->env, it)) {
                ck_errorf(ck, ck_at(&call->n),
                          "cannot use interface %s in conversion (contains specific type constraints or is comparable)",
                          ck_tstr(ck, T));
                x->mode = TY_MODE_INVALID;
            } else if (has_dots(call)) {
                ck_errorf(ck, ck_at(call->args.items[0]), "invalid use of ... in conversion to %s", ck_tstr(ck, T));
                x->mode = TY_MODE_INVALID;
            } else {
                ck_conversion(ck, x, T);
            }
        }
    } else {
        ck_use(ck, call->args.items, n);
        ck_errorf(ck, ck_at(call->args.items[n - 1]), "too many arguments in conversion to %s", ck_tstr(ck, T));
    }
    x->expr = &call->n;
    return EK_CONVERSION;
}

ExprKind ck_call_expr(Checker *ck, Operand *x, SynCallExpr *call)
{
    SynIndexExpr *inst = NULL; /* function instantiation, if any */
    if (call->fun->kind == SYN_INDEX_EXPR) {
        SynIndexExpr *iexpr = (SynIndexExpr *)call->fun;
        if (ck_index_expr(ck, x, iexpr)) {
            /* instantiate together with the arguments (their types help
             * inference) */
            inst = iexpr;
        }
        x->expr = &iexpr->n;
        ck_record_operand(ck, x);
    } else {
        ck_expr_or_type(ck, x, call->fun, true);
    }
    /* x->type may be generic */

    switch (x->mode) {
    case TY_MODE_INVALID:
        ck_use(ck, call->args.items, call->args.len);
        x->expr = &call->n;
        return EK_STATEMENT;
    case TY_MODE_TYPEXPR:
        return conversion_call(ck, x, call);
    case TY_MODE_BUILTIN: {
        TyBuiltinId id = x->id;
        if (!ck_builtin(ck, x, call, id))
            x->mode = TY_MODE_INVALID;
        x->expr = &call->n;
        /* a non-constant result implies a function call */
        if (x->mode != TY_MODE_INVALID && x->mode != TY_MODE_CONSTANT)
            ck->e.has_call_or_recv = true;
        return ck_builtin_kind(id);
    }
    default:
        break;
    }

    /* ordinary function or method call (possibly generic) */
    bool cgocall = x->mode == TY_MODE_CGOFUNC;

    /* for a type parameter, all types in its type set must have the same
     * underlying signature type */
    const char *err = NULL;
    TyType *u = ck_common_under(ck, x->type, callable_cond, NULL, &err);
    if (!u) {
        ck_errorf(ck, ck_operand_pos(x), "invalid operation: cannot call %s: %s", ck_ostr(ck, x), err ? err : "");
        x->mode = TY_MODE_INVALID;
        x->expr = &call->n;
        return EK_STATEMENT;
    }
    TySignature *sig = TY_AS(TySignature, u);
    bool was_generic = sig->tparams.len > 0;

    /* explicit type arguments */
    SynNode **xlist = NULL;
    uint32_t nxlist = 0;
    TyTypeList targs = {NULL, 0};
    if (inst) {
        xlist = syn_unpack_list(&inst->index, &nxlist);
        SynList l = {xlist, nxlist};
        targs = ck_type_list(ck, l);
        if (!targs.items) {
            ck_use(ck, call->args.items, call->args.len);
            x->mode = TY_MODE_INVALID;
            x->expr = &call->n;
            return EK_STATEMENT;
        }
        uint32_t got = targs.len, want = sig->tparams.len;
        if (got > want) {
            ck_errorf(ck, ck_at(xlist[want]), "got %u type arguments but want %u", got, want);
            ck_use(ck, call->args.items, call->args.len);
            x->mode = TY_MODE_INVALID;
            x->expr = &call->n;
            return EK_STATEMENT;
        }
        /* With all type arguments given, instantiate now: the recorded
         * type of the function is then right even if the arguments have
         * errors. */
        if (got == want && want > 0) {
            ck_verify_version(ck, ck_at(&inst->n), 18, "function instantiation");
            sig = ck_instantiate_signature(ck, inst->n.pos, &inst->n, sig, targs, xlist, nxlist);
            targs.items = NULL;
            targs.len = 0;
            xlist = NULL;
            nxlist = 0;
        }
    }

    /* arguments */
    Operand *args;
    TyTypeList *atargs;
    uint32_t nargs = generic_expr_list(ck, call->args, &args, &atargs);
    sig = ck_arguments(ck, call, sig, targs, xlist, nxlist, args, nargs, atargs);

    if (was_generic && sig->tparams.len == 0) {
        /* the recorded type of the function is its instance */
        ck_record_type_and_value(ck, call->fun, TY_MODE_VALUE, &sig->t, NULL);
    }

    /* the result */
    switch (sig->results->len) {
    case 0:
        x->mode = TY_MODE_NOVALUE;
        break;
    case 1:
        x->mode = cgocall ? TY_MODE_COMMAERR : TY_MODE_VALUE;
        x->type = sig->results->vars[0]->type;
        break;
    default:
        x->mode = TY_MODE_VALUE;
        x->type = &sig->results->t;
        break;
    }
    x->expr = &call->n;
    ck->e.has_call_or_recv = true;

    /* if inference failed, a parameterized result is invalid (operands
     * cannot have parameterized types) */
    if (x->mode == TY_MODE_VALUE && sig->tparams.len > 0 && ty_is_parameterized(sig->tparams, x->type))
        x->mode = TY_MODE_INVALID;
    return EK_STATEMENT;
}

/* ---- selectors ------------------------------------------------------------------------- */

/* The prefixes under which cgo declares the objects of package C. */
static const char *const cgo_prefixes[] = {
    "_Ciconst_", "_Cfconst_", "_Csconst_", "_Ctype_", "_Cvar_", "_Cfpvar_fp_", "_Cfunc_", "_Cmacro_",
};

/* types2 isValidName: letters, '_' and (not first) digits; "" is valid */
static bool is_valid_name(const Sym *s)
{
    const unsigned char *p = (const unsigned char *)s->name;
    size_t i = 0;
    while (i < s->len) {
        int w;
        int32_t r = utf8_decode(p + i, s->len - i, &w);
        if (!(uni_is_letter(r) || r == '_' || (i > 0 && uni_is_digit(r))))
            return false;
        i += (size_t)w;
    }
    return true;
}

static bool name_exported(const Sym *s)
{
    unsigned char c = (unsigned char)s->name[0];
    if (c < 0x80)
        return c >= 'A' && c <= 'Z';
    int w;
    return uni_is_upper(utf8_decode((const unsigned char *)s->name, s->len, &w));
}

/* strings.EqualFold for ASCII letters (other runes must match exactly) */
static bool equal_fold(const Sym *a, const Sym *b)
{
    if (a->len != b->len)
        return false;
    for (uint32_t i = 0; i < a->len; i++) {
        unsigned char c = (unsigned char)a->name[i], d = (unsigned char)b->name[i];
        if (c >= 'A' && c <= 'Z')
            c = (unsigned char)(c + 32);
        if (d >= 'A' && d <= 'Z')
            d = (unsigned char)(d + 32);
        if (c != d)
            return false;
    }
    return true;
}

/* Scope.lookupIgnoringCase(name, exported=true): the first exported
 * object, in name order, whose name equals name up to case. */
static TyObject *lookup_ignoring_case(TyScope *s, const Sym *name)
{
    uint32_t n;
    TyObject **objs = ty_scope_sorted(s, &n);
    TyObject *found = NULL;
    for (uint32_t i = 0; i < n && !found; i++)
        if (name_exported(objs[i]->name) && equal_fold(objs[i]->name, name))
            found = objs[i];
    free(objs);
    return found;
}

/* A qualified identifier pkg.Sel.  Returns false if e.X is not a package
 * name (then e is an ordinary selector). */
static bool qualified_ident(Checker *ck, Operand *x, SynSelectorExpr *e)
{
    if (e->x->kind != SYN_NAME)
        return false;
    SynName *ident = (SynName *)e->x;
    TyObject *obj = ck_lookup(ck, ident->value);
    if (!obj || obj->kind != TY_OBJ_PKGNAME)
        return false;

    ck_record_use(ck, ident, obj);
    obj->flags |= TY_OF_USED;
    TyPackage *pkg = obj->u.imported;
    const Sym *sel = e->sel->value;
    TyObject *exp = NULL;
    TyMode func_mode = TY_MODE_VALUE;

    if (pkg->cgo) {
        /* cgo: C.malloc is rewritten to _CMalloc (no two-result calls);
         * the other objects are in this package under cgo's prefixes */
        if (strcmp(sel->name, "malloc") == 0)
            sel = sym_cstr(ck->syms, "_CMalloc");
        else
            func_mode = TY_MODE_CGOFUNC;
        for (size_t i = 0; i < sizeof cgo_prefixes / sizeof cgo_prefixes[0] && !exp; i++) {
            char *name = ck_sprintf(ck, "%s%s", cgo_prefixes[i], sel->name);
            exp = ck_lookup(ck, sym_cstr(ck->syms, name));
        }
        if (!exp) {
            if (is_valid_name(sel))
                ck_errorf(ck, e->sel->n.pos, "undefined: %s", ck_estr(ck, &e->n));
            goto error;
        }
        ck_obj_decl(ck, exp);
    } else {
        exp = ty_scope_lookup(pkg->scope, sel);
        if (!exp) {
            if (!pkg->fake && is_valid_name(sel)) {
                /* a better message if the name exists with another case */
                TyObject *alt = lookup_ignoring_case(pkg->scope, sel);
                if (alt)
                    ck_errorf(ck, e->sel->n.pos, "undefined: %s (but have %s)", ck_estr(ck, &e->n),
                              alt->name->name);
                else
                    ck_errorf(ck, e->sel->n.pos, "undefined: %s", ck_estr(ck, &e->n));
            }
            goto error;
        }
        if (!ty_obj_exported(exp))
            ck_errorf(ck, e->sel->n.pos, "name %s not exported by package %s", sel->name, pkg->name);
    }
    ck_record_use(ck, e->sel, exp);

    /* imported objects are fully checked */
    switch (exp->kind) {
    case TY_OBJ_CONST:
        x->mode = TY_MODE_CONSTANT;
        x->type = exp->type;
        x->val = exp->u.val;
        break;
    case TY_OBJ_TYPENAME:
        x->mode = TY_MODE_TYPEXPR;
        x->type = exp->type;
        break;
    case TY_OBJ_VAR:
        x->mode = TY_MODE_VARIABLE;
        x->type = exp->type;
        if (pkg->cgo && strncmp(exp->name->name, "_Cvar_", 6) == 0) {
            TyType *t = ty_unalias(x->type);
            if (t && t->kind == TY_POINTER)
                x->type = TY_AS(TyPointer, t)->base;
        }
        break;
    case TY_OBJ_FUNC:
        x->mode = (uint8_t)func_mode;
        x->type = exp->type;
        if (pkg->cgo && strncmp(exp->name->name, "_Cmacro_", 8) == 0) {
            TySignature *s = ty_as_signature(x->type);
            x->mode = TY_MODE_VALUE;
            if (s && s->results->len > 0)
                x->type = s->results->vars[0]->type;
        }
        break;
    case TY_OBJ_BUILTIN:
        x->mode = TY_MODE_BUILTIN;
        x->type = exp->type;
        x->id = exp->u.builtin;
        break;
    default:
        goto error;
    }
    if (!x->type)
        x->type = ty_typ(ck->env, TY_INVALID);
    x->expr = &e->n;
    return true;

error:
    set_invalid(ck, x);
    x->expr = &e->n;
    return true;
}

void ck_selector(Checker *ck, Operand *x, SynSelectorExpr *e, TyObject *def, bool want_type)
{
    (void)def;
    TyEnv *env = ck->env;
    const Sym *sel = e->sel->value;

    /* package-qualified identifiers are handled separately: there is no
     * "package" operand mode */
    if (qualified_ident(ck, x, e))
        return;

    ck_expr_or_type(ck, x, e->x, false);
    switch (x->mode) {
    case TY_MODE_BUILTIN:
        ck_errorf(ck, e->n.pos, "invalid use of %s in selector expression", ck_ostr(ck, x));
        goto error;
    case TY_MODE_INVALID:
        goto error;
    default:
        break;
    }

    /* Everything below yields a value: wrong where a type is expected
     * (e.g. a selector on an alias of an instance, go.dev/issue/57522). */
    if (want_type) {
        ck_errorf(ck, e->sel->n.pos, "%s is not a type", ck_estr(ck, &e->n));
        goto error;
    }

    LookupResult r = ty_lookup_field_or_method(env, x->type, x->mode == TY_MODE_VARIABLE, ck->pkg, sel, false);
    TyObject *obj = r.obj;
    if (!obj) {
        /* no second error if the underlying type is invalid (go.dev/issue/49541) */
        if (!ty_is_valid(ty_under(x->type)))
            goto error;
        if (r.nindex) {
            ck_errorf(ck, e->sel->n.pos, "ambiguous selector %s.%s", ck_estr(ck, x->expr), sel->name);
            goto error;
        }
        if (r.indirect) {
            const char *ts = ck_tstr(ck, x->type);
            if (x->mode == TY_MODE_TYPEXPR)
                ck_errorf(ck, e->sel->n.pos, "invalid method expression %s.%s (needs pointer receiver (*%s).%s)", ts,
                          sel->name, ts, sel->name);
            else
                ck_errorf(ck, e->sel->n.pos, "cannot call pointer method %s on %s", sel->name, ts);
            goto error;
        }
        const char *why;
        if (ty_is_interface_ptr(x->type)) {
            why = ck_interface_ptr_error(ck, x->type);
        } else {
            LookupResult alt = ty_lookup_field_or_method(env, x->type, x->mode == TY_MODE_VARIABLE, ck->pkg, sel, true);
            why = ck_lookup_error(ck, x->type, sel, alt.obj, false);
        }
        ck_errorf(ck, e->sel->n.pos, "%s.%s undefined (%s)", ck_estr(ck, x->expr), sel->name, why);
        goto error;
    }

    /* methods may not have their signatures yet */
    if (obj->kind == TY_OBJ_FUNC)
        ck_obj_decl(ck, obj);

    if (x->mode == TY_MODE_TYPEXPR) {
        /* method expression T.m */
        if (obj->kind != TY_OBJ_FUNC) {
            const char *ts = ck_tstr(ck, x->type);
            ck_errorf(ck, e->sel->n.pos, "%s.%s undefined (type %s has no method %s)", ck_estr(ck, x->expr), sel->name,
                      ts, sel->name);
            goto error;
        }
        ck_record_selection(ck, e, TY_METHOD_EXPR, x->type, obj, r.index, r.nindex, r.indirect);

        TySignature *sig = obj->type && obj->type->kind == TY_SIGNATURE ? TY_AS(TySignature, obj->type) : NULL;
        if (!sig || !sig->recv) {
            ck_error(ck, ck_at(&e->n), "illegal cycle in method declaration");
            goto error;
        }
        /* The receiver becomes the first parameter.  Parameters are
         * either all named or all unnamed: name the receiver if the
         * others have names (only messages show the difference). */
        TyObject *recv = sig->recv;
        const Sym *name = empty_sym(ck);
        if (sig->params->len > 0 && sig->params->vars[0]->name && sig->params->vars[0]->name->len > 0) {
            name = recv->name && recv->name->len ? recv->name : ck->sym_blank;
        }
        uint32_t np = sig->params->len + 1;
        TyObject **params = ARENA_ARRAY(ck->a, TyObject *, np);
        params[0] = ty_new_var(env, TY_PARAM_VAR, recv->pos, recv->pkg, name, x->type);
        for (uint32_t i = 1; i < np; i++)
            params[i] = sig->params->vars[i - 1];
        TySignature *s = ty_new_signature(env, NULL, ty_new_tuple(env, params, np), sig->results, sig->variadic);
        s->tparams = sig->tparams;
        x->mode = TY_MODE_VALUE;
        x->type = &s->t;
        ck_add_decl_dep(ck, obj);
    } else if (obj->kind == TY_OBJ_VAR) {
        /* field */
        ck_record_selection(ck, e, TY_FIELD_VAL, x->type, obj, r.index, r.nindex, r.indirect);
        x->mode = x->mode == TY_MODE_VARIABLE || r.indirect ? TY_MODE_VARIABLE : TY_MODE_VALUE;
        x->type = obj->type;
    } else {
        /* method value: the method's signature without receiver */
        ck_record_selection(ck, e, TY_METHOD_VAL, x->type, obj, r.index, r.nindex, r.indirect);
        x->mode = TY_MODE_VALUE;
        TySignature *sig = obj->type && obj->type->kind == TY_SIGNATURE ? TY_AS(TySignature, obj->type) : NULL;
        if (sig) {
            TySignature *s = clone_signature(env, sig);
            s->recv = NULL;
            x->type = &s->t;
        } else {
            x->type = ty_typ(env, TY_INVALID);
        }
        ck_add_decl_dep(ck, obj);
    }
    x->expr = &e->n;
    return;

error:
    set_invalid(ck, x);
    x->expr = &e->n;
}
